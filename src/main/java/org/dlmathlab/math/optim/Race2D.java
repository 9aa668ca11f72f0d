package org.dlmathlab.math.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Several optimisers racing on one surface from the same start. Each {@link #step()} gives every runner still in the
 * race one update theta &lt;- optimiser(theta, grad f(theta)). A runner whose position or value leaves the finite
 * numbers, or whose |f| exceeds {@value #LIMIT}, stops there for good ({@link #diverged(String)}); that last update is
 * not recorded, so paths hold finite points only.
 */
public final class Race2D {

    /** |f| beyond this counts as diverged: the runner has left any sensible view. */
    public static final double LIMIT = 1e6;

    /** A path keeps at most this many points; after that the last point is overwritten. */
    public static final int MAX_PATH = 20_000;

    private final Function2 function;
    private final double[] start;
    private final Map<String, Runner> runners = new LinkedHashMap<>();
    private int steps;

    /** Races from the function's default start. */
    public Race2D(Function2 function, Map<String, Optimizer> optimizers) {
        this(function, function.start(), optimizers);
    }

    /**
     * @param function   the surface
     * @param start      the common start (x, y)
     * @param optimizers the runners by name, in the order they should be listed; each is reset here
     */
    public Race2D(Function2 function, double[] start, Map<String, Optimizer> optimizers) {
        this.function = Objects.requireNonNull(function, "function");
        if (start.length != 2) {
            throw new IllegalArgumentException("The start is a point (x, y), not " + start.length + " numbers");
        }
        this.start = start.clone();
        optimizers.forEach((name, optimizer) -> runners.put(name, new Runner(Objects.requireNonNull(optimizer))));
        reset();
    }

    /** Every runner back at the start with a fresh optimiser; the step count returns to 0. */
    public void reset() {
        steps = 0;
        for (Runner runner : runners.values()) {
            runner.reset();
        }
    }

    /**
     * Advances every runner that has not diverged by one update.
     *
     * @return whether any runner moved
     */
    public boolean step() {
        boolean moved = false;
        for (Runner runner : runners.values()) {
            moved |= runner.step();
        }
        steps++;
        return moved;
    }

    /** Race steps since the last reset. */
    public int stepCount() {
        return steps;
    }

    /** The runners' names, in race order. */
    public List<String> names() {
        return List.copyOf(runners.keySet());
    }

    public Function2 function() {
        return function;
    }

    /** The runner's current (x, y), as a new array. */
    public double[] position(String name) {
        return runner(name).position.clone();
    }

    /** f at the runner's current position. */
    public double value(String name) {
        return runner(name).value;
    }

    /** Whether the runner has left the race. */
    public boolean diverged(String name) {
        return runner(name).diverged;
    }

    /** The points the runner has visited, start first, as a read-only view; do not change the arrays. */
    public List<double[]> path(String name) {
        return Collections.unmodifiableList(runner(name).path);
    }

    private Runner runner(String name) {
        Runner runner = runners.get(name);
        if (runner == null) {
            throw new NoSuchElementException("No optimiser called '" + name + "' in this race");
        }
        return runner;
    }

    private static boolean finite(double[] p) {
        return Double.isFinite(p[0]) && Double.isFinite(p[1]);
    }

    /** One optimiser with its position, value and path. */
    private final class Runner {
        final Optimizer optimizer;
        final List<double[]> path = new ArrayList<>();
        double[] position;
        double value;
        boolean diverged;

        Runner(Optimizer optimizer) {
            this.optimizer = optimizer;
        }

        void reset() {
            optimizer.reset();
            position = start.clone();
            value = function.value(position);
            path.clear();
            path.add(position.clone());
            // A start where the surface is undefined cannot take a single step.
            diverged = !Double.isFinite(value) || Math.abs(value) > LIMIT;
        }

        boolean step() {
            if (diverged) {
                return false;
            }
            double[] grad = function.gradientAt(position);
            double[] next = finite(grad) ? optimizer.step(position.clone(), grad) : null;
            double nextValue = next != null && finite(next) ? function.value(next) : Double.NaN;
            if (!Double.isFinite(nextValue) || Math.abs(nextValue) > LIMIT) {
                diverged = true;
                return false;
            }
            position = next;
            value = nextValue;
            if (path.size() < MAX_PATH) {
                path.add(next.clone());
            } else {
                // Keep where the runner began and where it is now; the middle of a long path is dense anyway.
                path.set(MAX_PATH - 1, next.clone());
            }
            return true;
        }
    }
}
