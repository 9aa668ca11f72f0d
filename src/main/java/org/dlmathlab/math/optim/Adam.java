package org.dlmathlab.math.optim;

/**
 * Adam, momentum and RMSProp together, per coordinate, from m = v = 0 and t = 0:
 *
 * <pre>
 * t &lt;- t + 1
 * m &lt;- beta1 m + (1 - beta1) g          (running mean of the gradient)
 * v &lt;- beta2 v + (1 - beta2) g^2        (running mean of its square)
 * mhat = m / (1 - beta1^t),  vhat = v / (1 - beta2^t)
 * theta &lt;- theta - eta mhat / (sqrt(vhat) + eps)
 * </pre>
 *
 * Because m and v start at 0 they are biased towards 0 in the first steps; dividing by 1 - beta^t (the total weight
 * the averages have collected so far) removes that bias, so the very first step is eta g / |g| = eta sign(g).
 */
public final class Adam implements Optimizer {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double[] m;
    private double[] v;
    private int t;

    /** Adam with beta1 = 0.9, beta2 = 0.999 and eps = 1e-8. */
    public Adam(double lr) {
        this(lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
    }

    /**
     * @param lr    the learning rate eta
     * @param beta1 decay of the gradient mean, in [0, 1)
     * @param beta2 decay of the squared-gradient mean, in [0, 1)
     * @param eps   the positive guard added to the root
     */
    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = OptimizerChecks.checkRate(lr);
        this.beta1 = OptimizerChecks.checkDecay("beta1", beta1);
        this.beta2 = OptimizerChecks.checkDecay("beta2", beta2);
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be positive: " + eps);
        }
        this.eps = eps;
    }

    @Override
    public String id() {
        return "adam";
    }

    @Override
    public void reset() {
        m = null;
        v = null;
        t = 0;
    }

    @Override
    public double[] step(double[] params, double[] grad) {
        OptimizerChecks.checkLengths(params, grad, m);
        if (m == null) {
            m = new double[params.length];
            v = new double[params.length];
        }
        t++;
        double mCorrection = 1 - Math.pow(beta1, t);
        double vCorrection = 1 - Math.pow(beta2, t);
        double[] next = new double[params.length];
        for (int i = 0; i < next.length; i++) {
            double g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double mHat = m[i] / mCorrection;
            double vHat = v[i] / vCorrection;
            next[i] = params[i] - lr * mHat / (Math.sqrt(vHat) + eps);
        }
        return next;
    }

    public double learningRate() {
        return lr;
    }

    /** Steps since the last reset: the t of the bias correction. */
    public int stepCount() {
        return t;
    }
}
