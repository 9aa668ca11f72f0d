package org.dlmathlab.math.regression;

import java.util.Arrays;

/**
 * Trains the coefficients of a degree-d polynomial by full-batch gradient descent, recording the training and the
 * validation error after every epoch: the raw material of early stopping.
 *
 * <p>As in {@link PolynomialFit}, x is first scaled to u = (x - centre) / halfWidth so the training x-range becomes
 * [-1, 1], and p(x) = c_0 + c_1 u + ... + c_d u^d. With the feature matrix V_ik = u_i^k the loss and its gradient are
 * <pre>
 *   L(c) = (1/n) sum_i (p(x_i) - y_i)^2 = (1/n) |V c - y|^2,      grad L = (2/n) V^T (V c - y),
 * </pre>
 * and each epoch takes one step c &lt;- c - eta grad L from c = 0. The step is eta = 1 / lambda_max of the Hessian
 * (2/n) V^T V (found by power iteration), safely below the stability limit 2 / lambda_max. Descent fixes the
 * directions of large curvature (the smooth shape) first and the directions of small curvature (the wiggles that fit
 * the noise) only very slowly, which is why stopping early acts like a penalty on the coefficients.
 */
public final class PolynomialDescent {

    private PolynomialDescent() {
    }

    /**
     * Runs {@code epochs} epochs of descent on (xs, ys) and measures the mean squared error on (xs, ys) and on the
     * validation points (vxs, vys) after each one (epoch 0 is the start, c = 0).
     */
    public static Run run(double[] xs, double[] ys, double[] vxs, double[] vys, int degree, int epochs) {
        if (xs.length != ys.length || xs.length == 0 || vxs.length != vys.length || vxs.length == 0) {
            throw new IllegalArgumentException("training and validation sets need matching, non-zero lengths");
        }
        if (degree < 0 || degree > 30) {
            throw new IllegalArgumentException("the degree must be between 0 and 30, not " + degree);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be at least 0, not " + epochs);
        }
        double min = Arrays.stream(xs).min().orElseThrow();
        double max = Arrays.stream(xs).max().orElseThrow();
        double centre = (min + max) / 2;
        double half = max > min ? (max - min) / 2 : 1;
        int n = xs.length;
        int m = degree + 1;
        double[][] v = features(xs, centre, half, m);
        double[][] vv = features(vxs, centre, half, m);
        double eta = 1 / largestEigenvalue(v, n, m);

        double[][] coefficients = new double[epochs + 1][];
        double[] train = new double[epochs + 1];
        double[] val = new double[epochs + 1];
        double[] c = new double[m];
        double[] residual = new double[n];
        double[] grad = new double[m];
        for (int e = 0; ; e++) {
            coefficients[e] = c.clone();
            train[e] = mse(v, ys, c, residual);
            val[e] = mse(vv, vys, c, null);
            if (e == epochs) {
                break;
            }
            // mse() left V c - y in residual: grad = (2/n) V^T residual.
            Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double r = residual[i];
                double[] row = v[i];
                for (int k = 0; k < m; k++) {
                    grad[k] += row[k] * r;
                }
            }
            for (int k = 0; k < m; k++) {
                c[k] -= eta * 2.0 / n * grad[k];
            }
        }
        return new Run(coefficients, train, val, centre, half, eta);
    }

    private static double[][] features(double[] xs, double centre, double half, int m) {
        double[][] v = new double[xs.length][m];
        for (int i = 0; i < xs.length; i++) {
            legendre((xs[i] - centre) / half, v[i]);
        }
        return v;
    }

    /** P_0(u) .. P_(m-1)(u) by Bonnet's recursion (k + 1) P_(k+1) = (2k + 1) u P_k - k P_(k-1). */
    static void legendre(double u, double[] out) {
        out[0] = 1;
        if (out.length > 1) {
            out[1] = u;
        }
        for (int k = 1; k + 1 < out.length; k++) {
            out[k + 1] = ((2 * k + 1) * u * out[k] - k * out[k - 1]) / (k + 1);
        }
    }

    /** Mean squared error of V c against y; stores V c - y in {@code residual} when it is not null. */
    private static double mse(double[][] v, double[] y, double[] c, double[] residual) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double p = 0;
            for (int k = 0; k < c.length; k++) {
                p += v[i][k] * c[k];
            }
            double r = p - y[i];
            if (residual != null) {
                residual[i] = r;
            }
            s += r * r;
        }
        return s / y.length;
    }

    /** The largest eigenvalue of (2/n) V^T V by power iteration (the matrix is symmetric positive semi-definite). */
    static double largestEigenvalue(double[][] v, int n, int m) {
        double[][] h = new double[m][m];
        for (double[] row : v) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    h[a][b] += 2.0 / n * row[a] * row[b];
                }
            }
        }
        double[] q = new double[m];
        Arrays.fill(q, 1 / Math.sqrt(m));
        double lambda = 0;
        for (int it = 0; it < 500; it++) {
            double[] next = new double[m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    next[a] += h[a][b] * q[b];
                }
            }
            double norm = 0;
            for (double x : next) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 1;
            }
            for (int a = 0; a < m; a++) {
                next[a] /= norm;
            }
            boolean settled = Math.abs(norm - lambda) <= 1e-12 * norm;
            lambda = norm;
            q = next;
            if (settled) {
                break;
            }
        }
        return lambda;
    }

    /** One finished run: coefficients and both errors after every epoch. */
    public static final class Run {

        private final double[][] coefficients;
        private final double[] train;
        private final double[] val;
        private final double centre;
        private final double half;
        private final double eta;

        Run(double[][] coefficients, double[] train, double[] val, double centre, double half, double eta) {
            this.coefficients = coefficients;
            this.train = train;
            this.val = val;
            this.centre = centre;
            this.half = half;
            this.eta = eta;
        }

        /** The last epoch (the run has epochs() + 1 records, epoch 0 being the start). */
        public int epochs() {
            return train.length - 1;
        }

        /** The step size eta = 1 / lambda_max. */
        public double learningRate() {
            return eta;
        }

        public double trainError(int epoch) {
            return train[epoch];
        }

        public double valError(int epoch) {
            return val[epoch];
        }

        /** Coefficients in u after {@code epoch} epochs, constant first. */
        public double[] coefficients(int epoch) {
            return coefficients[epoch].clone();
        }

        /** The polynomial after {@code epoch} epochs at x. */
        public double value(int epoch, double x) {
            double[] c = coefficients[epoch];
            double[] p = new double[c.length];
            legendre((x - centre) / half, p);
            double s = 0;
            for (int k = 0; k < c.length; k++) {
                s += c[k] * p[k];
            }
            return s;
        }

        /** The epoch in [0, upTo] with the lowest validation error (the earliest on a tie). */
        public int bestEpoch(int upTo) {
            int best = 0;
            for (int e = 1; e <= upTo; e++) {
                if (val[e] < val[best]) {
                    best = e;
                }
            }
            return best;
        }

        /** The epoch of the whole run with the lowest validation error. */
        public int bestEpoch() {
            return bestEpoch(epochs());
        }

        /**
         * Where early stopping with this patience halts: the first epoch at which the validation error has not beaten
         * its best for {@code patience} epochs in a row; -1 when that never happens within the run. The model kept is
         * the one from {@link #bestEpoch(int)} up to that epoch.
         */
        public int stopEpoch(int patience) {
            if (patience < 1) {
                throw new IllegalArgumentException("patience must be at least 1, not " + patience);
            }
            int best = 0;
            for (int e = 1; e <= epochs(); e++) {
                if (val[e] < val[best]) {
                    best = e;
                } else if (e - best >= patience) {
                    return e;
                }
            }
            return -1;
        }
    }
}
