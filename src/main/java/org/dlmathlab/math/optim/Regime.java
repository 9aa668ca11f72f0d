package org.dlmathlab.math.optim;

/**
 * What a gradient descent walk is doing, read from the ratio r = dx_k / dx_(k-1) of consecutive steps. Near a
 * minimum with curvature a, a step multiplies the distance to the minimum by r = 1 - eta a, so:
 *
 * <ul>
 *   <li>{@link #CONVERGED}: the slope (or the step) has vanished</li>
 *   <li>{@link #DIVERGING}: |r| &gt; 1, every step is longer than the last (or the walk left the finite numbers)</li>
 *   <li>{@link #OSCILLATING}: -1 &lt;= r &lt; 0, it jumps across the minimum each step</li>
 *   <li>{@link #TOO_SLOW}: 0.99 &lt; r &lt;= 1, each step covers under 1% of the distance still to go</li>
 *   <li>{@link #CONVERGING}: 0 &lt;= r &lt;= 0.99, it closes in from one side</li>
 * </ul>
 */
public enum Regime {
    TOO_SLOW, CONVERGING, OSCILLATING, DIVERGING, CONVERGED;

    /** Slack above |r| = 1 so that r = -1 exactly (eta a = 2, a clean bounce) still reads as oscillating. */
    static final double GROWTH_TOLERANCE = 1e-9;

    /**
     * If steps shrink by r each time, the distance still to go is dx r / (1 - r), so a step covers the fraction
     * 1 - r of it; above this r that is under 1%.
     */
    static final double SLOW_RATIO = 0.99;

    /** The regime of a walk whose steps scale by {@code r}; never {@link #CONVERGED}. */
    static Regime fromRatio(double r) {
        if (Math.abs(r) > 1 + GROWTH_TOLERANCE) {
            return DIVERGING;
        }
        if (r < 0) {
            return OSCILLATING;
        }
        return r > SLOW_RATIO ? TOO_SLOW : CONVERGING;
    }
}
