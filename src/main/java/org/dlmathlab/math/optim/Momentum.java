package org.dlmathlab.math.optim;

/**
 * Gradient descent with (heavy-ball) momentum: v &lt;- beta v + g; theta &lt;- theta - eta v, starting from v = 0.
 * The velocity v sums past gradients with weights 1, beta, beta^2, ...: directions that agree step after step build
 * up speed (up to 1 / (1 - beta) = 10 times for beta = 0.9) while a gradient that flips sign cancels itself.
 */
public final class Momentum implements Optimizer {

    public static final double DEFAULT_BETA = 0.9;

    private final double lr;
    private final double beta;
    private double[] v;

    /** Momentum with beta = {@value #DEFAULT_BETA}. */
    public Momentum(double lr) {
        this(lr, DEFAULT_BETA);
    }

    /**
     * @param lr   the learning rate eta
     * @param beta how much of the velocity survives a step, in [0, 1)
     */
    public Momentum(double lr, double beta) {
        this.lr = OptimizerChecks.checkRate(lr);
        this.beta = OptimizerChecks.checkDecay("beta", beta);
    }

    @Override
    public String id() {
        return "momentum";
    }

    @Override
    public void reset() {
        v = null;
    }

    @Override
    public double[] step(double[] params, double[] grad) {
        OptimizerChecks.checkLengths(params, grad, v);
        if (v == null) {
            v = new double[params.length];
        }
        double[] next = new double[params.length];
        for (int i = 0; i < next.length; i++) {
            v[i] = beta * v[i] + grad[i];
            next[i] = params[i] - lr * v[i];
        }
        return next;
    }

    public double learningRate() {
        return lr;
    }

    public double beta() {
        return beta;
    }
}
