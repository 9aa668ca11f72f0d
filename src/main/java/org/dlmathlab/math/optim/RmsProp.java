package org.dlmathlab.math.optim;

/**
 * RMSProp: s &lt;- rho s + (1 - rho) g^2; theta &lt;- theta - eta g / (sqrt(s) + eps), per coordinate, from s = 0.
 * s is a running average of the squared gradient, so dividing by its root gives every coordinate a step of about eta
 * whatever the scale of its gradient: steep directions are slowed and shallow ones sped up. eps keeps the division
 * finite where the gradient has always been zero.
 */
public final class RmsProp implements Optimizer {

    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPS = 1e-8;

    private final double lr;
    private final double rho;
    private final double eps;
    private double[] s;

    /** RMSProp with rho = {@value #DEFAULT_RHO} and eps = {@value #DEFAULT_EPS}. */
    public RmsProp(double lr) {
        this(lr, DEFAULT_RHO, DEFAULT_EPS);
    }

    /**
     * @param lr  the learning rate eta
     * @param rho how much of the running average survives a step, in [0, 1)
     * @param eps the positive guard added to the root
     */
    public RmsProp(double lr, double rho, double eps) {
        this.lr = OptimizerChecks.checkRate(lr);
        this.rho = OptimizerChecks.checkDecay("rho", rho);
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be positive: " + eps);
        }
        this.eps = eps;
    }

    @Override
    public String id() {
        return "rmsprop";
    }

    @Override
    public void reset() {
        s = null;
    }

    @Override
    public double[] step(double[] params, double[] grad) {
        OptimizerChecks.checkLengths(params, grad, s);
        if (s == null) {
            s = new double[params.length];
        }
        double[] next = new double[params.length];
        for (int i = 0; i < next.length; i++) {
            double g = grad[i];
            s[i] = rho * s[i] + (1 - rho) * g * g;
            next[i] = params[i] - lr * g / (Math.sqrt(s[i]) + eps);
        }
        return next;
    }

    public double learningRate() {
        return lr;
    }
}
