package org.dlmathlab.math.optim;

/**
 * An update rule that turns the current parameters and their gradient into the next parameters. An optimiser keeps
 * its own state (velocity, running averages, step count) between calls; {@link #reset()} forgets it. The state is
 * sized on the first step, so one optimiser serves parameters of any length, but only one length until a reset.
 */
public interface Optimizer {

    /** A stable key such as "adam", for labels and colours. */
    String id();

    /** Forgets the state, as if no step had been taken. */
    void reset();

    /**
     * One update.
     *
     * @param params the current parameters theta (not modified)
     * @param grad   the gradient g = grad L(theta), of the same length
     * @return the new parameters, as a new array
     */
    double[] step(double[] params, double[] grad);
}
