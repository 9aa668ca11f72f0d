package org.dlmathlab.math.optim;

/** Plain gradient descent: theta &lt;- theta - eta g. It has no state. */
public final class GradientDescent implements Optimizer {

    private final double lr;

    /** @param lr the learning rate eta */
    public GradientDescent(double lr) {
        this.lr = OptimizerChecks.checkRate(lr);
    }

    @Override
    public String id() {
        return "gd";
    }

    @Override
    public void reset() {
        // Nothing to forget.
    }

    @Override
    public double[] step(double[] params, double[] grad) {
        OptimizerChecks.checkLengths(params, grad, null);
        double[] next = new double[params.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = params[i] - lr * grad[i];
        }
        return next;
    }

    public double learningRate() {
        return lr;
    }
}
