package org.dlmathlab.math.regression;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A polynomial p(x) = c_0 + c_1 u + ... + c_d u^d fitted by least squares, optionally with an L2 (ridge) penalty,
 * where u = (x - centre) / halfWidth maps the data's x-range onto [-1, 1] so that high degrees stay well conditioned.
 *
 * <ul>
 *   <li>least squares: minimise sum_i (p(x_i) - y_i)^2, i.e. the normal equations V^T V c = V^T y with the
 *       Vandermonde matrix V_ik = u_i^k; solved by QR on V (more stable than forming V^T V)</li>
 *   <li>ridge: minimise sum_i (p(x_i) - y_i)^2 + lambda sum_{k >= 1} c_k^2 (the constant is not penalised), i.e.
 *       (V^T V + lambda D) c = V^T y with D = diag(0, 1, ..., 1); solved by Cholesky (positive definite for
 *       lambda > 0)</li>
 * </ul>
 * With more coefficients than distinct points the plain problem has many solutions; QR then reports it as singular and
 * a tiny ridge (1e-10) picks the smallest-coefficient one.
 */
public final class PolynomialFit {

    private final double[] coefficients;
    private final double centre;
    private final double halfWidth;

    private PolynomialFit(double[] coefficients, double centre, double halfWidth) {
        this.coefficients = coefficients;
        this.centre = centre;
        this.halfWidth = halfWidth;
    }

    /** Fits degree {@code degree} to (xs, ys) with penalty {@code lambda} >= 0 (0 = plain least squares). */
    public static PolynomialFit fit(double[] xs, double[] ys, int degree, double lambda) {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("x and y need the same, non-zero length: " + xs.length + ", "
                    + ys.length);
        }
        if (degree < 0 || degree > 30) {
            throw new IllegalArgumentException("the degree must be between 0 and 30, not " + degree);
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, not " + lambda);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double centre = (min + max) / 2;
        double half = max > min ? (max - min) / 2 : 1;
        RealMatrix v = new Array2DRowRealMatrix(xs.length, degree + 1);
        for (int i = 0; i < xs.length; i++) {
            double u = (xs[i] - centre) / half;
            double power = 1;
            for (int k = 0; k <= degree; k++) {
                v.setEntry(i, k, power);
                power *= u;
            }
        }
        RealVector y = new ArrayRealVector(ys);
        double[] c;
        QRDecomposition qr = new QRDecomposition(v, 1e-11);
        if (lambda == 0 && xs.length >= degree + 1 && qr.getSolver().isNonSingular()) {
            c = qr.getSolver().solve(y).toArray();
        } else {
            double penalty = Math.max(lambda, 1e-10);
            RealMatrix normal = v.transpose().multiply(v);
            for (int k = 1; k <= degree; k++) {
                normal.addToEntry(k, k, penalty);
            }
            if (degree >= 0) {
                // Keeps the system positive definite even when every x is the same.
                normal.addToEntry(0, 0, 1e-12);
            }
            c = new CholeskyDecomposition(normal, 1e-15, 1e-15).getSolver().solve(v.transpose().operate(y))
                    .toArray();
        }
        return new PolynomialFit(c, centre, half);
    }

    public int degree() {
        return coefficients.length - 1;
    }

    /** p(x), by Horner's rule in u. */
    public double value(double x) {
        double u = (x - centre) / halfWidth;
        double s = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            s = s * u + coefficients[k];
        }
        return s;
    }

    /** Coefficients in the scaled variable u = (x - centre) / halfWidth, constant first. */
    public double[] scaledCoefficients() {
        return coefficients.clone();
    }

    /** Mean squared error sum (p(x_i) - y_i)^2 / n over the given points. */
    public double mse(double[] xs, double[] ys) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double e = value(xs[i]) - ys[i];
            s += e * e;
        }
        return s / xs.length;
    }
}
