package org.dlmathlab.math.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Gradient descent on a curve, one step at a time: x &lt;- x - eta f'(x), the notes' theta &lt;- theta - eta grad L.
 *
 * <p>The walk stops for good ({@link #diverged()}) as soon as a step would leave the finite numbers, make f(x)
 * non-finite or take |x| beyond {@value #LIMIT}; that step is not recorded, so the history never holds NaN or
 * infinity. {@link #reset(double)} starts over.
 */
public final class Descent1D {

    /** |x| beyond this counts as diverged: far outside any view, and long before x^4 overflows. */
    public static final double LIMIT = 1e6;

    /** The history keeps at most this many points; after that the last point is overwritten. */
    public static final int MAX_HISTORY = 20_000;

    /** How many recent step ratios the regime takes the median of. */
    private static final int RATIOS = 5;

    /** Below this |f'(x)| the walk has arrived. */
    private static final double FLAT_SLOPE = 1e-8;

    /** A step below this (relative to max(1, |x|)) no longer moves x in any visible way. */
    private static final double TINY_STEP = 1e-12;

    private final Function1 function;
    private double lr;
    private double x;
    private int steps;
    private boolean diverged;
    private final List<Double> history = new ArrayList<>();
    /** The last few x values, kept apart from the history so that capping the history cannot blur the regime. */
    private final double[] recent = new double[RATIOS + 2];
    private int recentCount;

    /**
     * @param function the curve
     * @param lr       the learning rate eta, positive and finite
     * @param x0       the start
     */
    public Descent1D(Function1 function, double lr, double x0) {
        this.function = Objects.requireNonNull(function, "function");
        setLearningRate(lr);
        reset(x0);
    }

    /** Starts at the function's default start. */
    public Descent1D(Function1 function, double lr) {
        this(function, lr, function.defaultStart());
    }

    /** Starts over at {@code x0} with the same learning rate: no steps, history [x0]. */
    public void reset(double x0) {
        if (!Double.isFinite(x0)) {
            throw new IllegalArgumentException("The start must be a finite number: " + x0);
        }
        x = x0;
        steps = 0;
        history.clear();
        history.add(x0);
        recentCount = 0;
        remember(x0);
        // A start where f or f' is undefined (ln x at x = -1) cannot take a single step.
        diverged = !Double.isFinite(function.value(x0)) || !Double.isFinite(function.slope(x0));
    }

    /** Changes eta for the following steps; the walk so far stays. */
    public void setLearningRate(double lr) {
        this.lr = OptimizerChecks.checkRate(lr);
    }

    /**
     * One step x &lt;- x - eta f'(x).
     *
     * @return whether the step was taken; false once the walk has diverged
     */
    public boolean step() {
        if (diverged) {
            return false;
        }
        double next = x - lr * function.slope(x);
        if (!Double.isFinite(next) || Math.abs(next) > LIMIT || !Double.isFinite(function.value(next))
                || !Double.isFinite(function.slope(next))) {
            diverged = true;
            return false;
        }
        x = next;
        steps++;
        if (history.size() < MAX_HISTORY) {
            history.add(next);
        } else {
            // The start and the current point matter most on the plot; the middle of a long walk is dense anyway.
            history.set(MAX_HISTORY - 1, next);
        }
        remember(next);
        return true;
    }

    /** Takes up to {@code n} steps, stopping early if the walk diverges; returns how many were taken. */
    public int step(int n) {
        int taken = 0;
        while (taken < n && step()) {
            taken++;
        }
        return taken;
    }

    /**
     * What the walk is doing now. Diverged walks are {@link Regime#DIVERGING}; |f'(x)| &lt; 1e-8 or a last step below
     * 1e-12 max(1, |x|) is {@link Regime#CONVERGED}. Otherwise the median of the last (up to five) ratios
     * r = dx_k / dx_(k-1) of consecutive steps decides, as described in {@link Regime}; the median ignores a single
     * odd step, such as the first jump out of a steep region. Before two steps there is no ratio and the answer is
     * {@link Regime#CONVERGING}.
     *
     * <p>On a straight stretch of slope (the flat side of {@link Functions1#FLAT_STEEP}) the steps hardly shrink, so
     * r ~ 1 reads as {@link Regime#TOO_SLOW}: a larger rate would cross it faster.
     */
    public Regime regime() {
        if (diverged) {
            return Regime.DIVERGING;
        }
        if (Math.abs(function.slope(x)) < FLAT_SLOPE) {
            return Regime.CONVERGED;
        }
        if (recentCount < 2) {
            return Regime.CONVERGING;
        }
        double lastStep = recent[recentCount - 1] - recent[recentCount - 2];
        if (Math.abs(lastStep) < TINY_STEP * Math.max(1, Math.abs(x))) {
            return Regime.CONVERGED;
        }
        double[] ratios = new double[recentCount - 2];
        int n = 0;
        for (int k = 2; k < recentCount; k++) {
            double previous = recent[k - 1] - recent[k - 2];
            if (previous != 0) {
                ratios[n++] = (recent[k] - recent[k - 1]) / previous;
            }
        }
        if (n == 0) {
            return Regime.CONVERGING;
        }
        Arrays.sort(ratios, 0, n);
        double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
        return Regime.fromRatio(median);
    }

    /**
     * The regime of gradient descent on f(x) = (a/2) x^2 in closed form: f'(x) = a x, so
     * x_(k+1) = x_k - eta a x_k = (1 - eta a) x_k and every step scales by r = 1 - eta a. Thus 0 &lt; eta &lt; 1/a
     * converges from one side, 1/a &lt; eta &lt;= 2/a oscillates (a clean bounce at exactly 2/a), eta &gt; 2/a
     * diverges, and eta &lt; 0.01/a is too slow. A flat line (a = 0) is already converged; a hill (a &lt; 0) diverges.
     *
     * @param lr        the learning rate eta, positive
     * @param curvature a = f''
     */
    public static Regime classifyQuadratic(double lr, double curvature) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive: " + lr);
        }
        if (curvature == 0) {
            return Regime.CONVERGED;
        }
        return Regime.fromRatio(1 - lr * curvature);
    }

    private void remember(double value) {
        if (recentCount == recent.length) {
            System.arraycopy(recent, 1, recent, 0, recent.length - 1);
            recentCount--;
        }
        recent[recentCount++] = value;
    }

    public Function1 function() {
        return function;
    }

    public double x() {
        return x;
    }

    /** f(x) at the current point. */
    public double value() {
        return function.value(x);
    }

    public double learningRate() {
        return lr;
    }

    /** Steps taken since the last reset (this keeps counting after the history is full). */
    public int stepCount() {
        return steps;
    }

    /**
     * True once a step would have left the finite numbers or gone beyond |x| = {@value #LIMIT} (or the start itself is
     * undefined); no more steps are taken until {@link #reset(double)}.
     */
    public boolean diverged() {
        return diverged;
    }

    /** x_0, x_1, ...: every point visited (finite, at most {@value #MAX_HISTORY}), as a read-only view. */
    public List<Double> history() {
        return Collections.unmodifiableList(history);
    }
}
