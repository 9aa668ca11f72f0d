package org.dlmathlab.math.optim;

/** Argument checks shared by the optimisers (kept out of {@link Optimizer} so they do not become public API). */
final class OptimizerChecks {

    private OptimizerChecks() {
    }

    /** Checks the lengths of one update against each other and against the state sized on an earlier step. */
    static void checkLengths(double[] params, double[] grad, double[] state) {
        if (params.length != grad.length) {
            throw new IllegalArgumentException(params.length + " parameters but " + grad.length + " gradient entries");
        }
        if (state != null && state.length != params.length) {
            throw new IllegalArgumentException("This optimiser was stepping " + state.length
                    + " parameters; reset it before stepping " + params.length);
        }
    }

    /** Checks that a learning rate is a positive number. */
    static double checkRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("The learning rate must be a positive number: " + lr);
        }
        return lr;
    }

    /** Checks that a decay rate (beta, rho) lies in [0, 1). */
    static double checkDecay(String name, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1): " + decay);
        }
        return decay;
    }
}
