package org.dlmathlab.math.nn;

import java.util.Arrays;

/**
 * Updates the flat parameter vector theta of an {@link Mlp} from a gradient g of the data loss, with L2 weight decay
 * on the weights only (biases are left alone, as is usual: they do not make the function any less smooth).
 *
 * <p>The decay is the gradient of (lambda / 2) sum w^2, so each weight's gradient becomes g_i + lambda theta_i.
 * Then, with that gradient g and learning rate eta:
 * <ul>
 *   <li>SGD: theta &lt;- theta - eta g</li>
 *   <li>momentum: v &lt;- beta v + g, theta &lt;- theta - eta v (beta = 0.9, v starts at 0)</li>
 *   <li>Adam: m &lt;- beta1 m + (1 - beta1) g, s &lt;- beta2 s + (1 - beta2) g^2,
 *       m^ = m / (1 - beta1^t), s^ = s / (1 - beta2^t), theta &lt;- theta - eta m^ / (sqrt(s^) + eps), per coordinate,
 *       with beta1 = 0.9, beta2 = 0.999, eps = 1e-8 and t the number of updates so far (its first step is
 *       eta g / (|g| + eps), about eta in each coordinate)</li>
 * </ul>
 * {@link #step} allocates nothing, so a training loop can call it for every mini-batch.
 */
public final class NetOptimizer {

    /** The update rules on offer. */
    public enum Kind { SGD, MOMENTUM, ADAM }

    public static final double MOMENTUM = 0.9;
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final Kind kind;
    private final boolean[] decays;
    private final double[] first;
    private final double[] second;
    private double learningRate;
    private double l2;
    private long t;
    private double beta1Power = 1;
    private double beta2Power = 1;

    /**
     * @param kind          the update rule
     * @param weightMask    true for the entries of theta that are weights (decayed), false for biases; its length
     *                      is the parameter count
     * @param learningRate  eta &gt; 0
     * @param l2            lambda &gt;= 0
     */
    public NetOptimizer(Kind kind, boolean[] weightMask, double learningRate, double l2) {
        this.kind = kind;
        this.decays = weightMask.clone();
        this.first = new double[weightMask.length];
        this.second = new double[weightMask.length];
        setLearningRate(learningRate);
        setL2(l2);
    }

    /** Which entries of the network's flat parameter vector are weights (true) rather than biases. */
    public static boolean[] weightMask(Mlp net) {
        boolean[] mask = new boolean[net.parameterCount()];
        int[] sizes = net.sizes();
        int k = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int weights = sizes[l] * sizes[l + 1];
            Arrays.fill(mask, k, k + weights, true);
            k += weights + sizes[l + 1];
        }
        return mask;
    }

    public Kind kind() {
        return kind;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, not " + learningRate);
        }
        this.learningRate = learningRate;
    }

    public double l2() {
        return l2;
    }

    public void setL2(double l2) {
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("the L2 strength must be a number >= 0, not " + l2);
        }
        this.l2 = l2;
    }

    /** Updates taken so far. */
    public long steps() {
        return t;
    }

    /** Forgets the velocity and the moment estimates, as a fresh optimiser would. */
    public void reset() {
        Arrays.fill(first, 0);
        Arrays.fill(second, 0);
        t = 0;
        beta1Power = 1;
        beta2Power = 1;
    }

    /** The gradient the update uses for entry i: the data gradient plus lambda theta_i for a weight. */
    public double decayedGradient(double[] theta, double[] grad, int i) {
        return decays[i] ? grad[i] + l2 * theta[i] : grad[i];
    }

    /** One update of theta in place from the data-loss gradient {@code grad} (which is not changed). */
    public void step(double[] theta, double[] grad) {
        if (theta.length != decays.length || grad.length != decays.length) {
            throw new IllegalArgumentException("expected " + decays.length + " parameters");
        }
        t++;
        switch (kind) {
            case SGD -> {
                for (int i = 0; i < theta.length; i++) {
                    theta[i] -= learningRate * decayedGradient(theta, grad, i);
                }
            }
            case MOMENTUM -> {
                for (int i = 0; i < theta.length; i++) {
                    first[i] = MOMENTUM * first[i] + decayedGradient(theta, grad, i);
                    theta[i] -= learningRate * first[i];
                }
            }
            case ADAM -> {
                beta1Power *= BETA1;
                beta2Power *= BETA2;
                double c1 = 1 - beta1Power;
                double c2 = 1 - beta2Power;
                for (int i = 0; i < theta.length; i++) {
                    double g = decayedGradient(theta, grad, i);
                    first[i] = BETA1 * first[i] + (1 - BETA1) * g;
                    second[i] = BETA2 * second[i] + (1 - BETA2) * g * g;
                    theta[i] -= learningRate * (first[i] / c1) / (Math.sqrt(second[i] / c2) + EPSILON);
                }
            }
        }
    }
}
