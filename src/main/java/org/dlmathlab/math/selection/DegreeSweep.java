package org.dlmathlab.math.selection;

import org.dlmathlab.math.regression.PolynomialFit;

/**
 * Polynomials of every degree d = 1 .. maxDegree fitted by least squares on the training part only, each scored by
 * its mean squared error MSE = (1/m) sum_i (p_d(x_i) - y_i)^2 on the training, validation and test parts and on a
 * fresh sample.
 *
 * <p>Tuning picks the degree with the smallest error on the part it looks at: argmin_d MSE_val(d) (the honest
 * procedure) or argmin_d MSE_test(d) (tuning on the test set); ties go to the smaller degree, the simpler model.
 */
public final class DegreeSweep {

    /** The largest degree the lab tries. */
    public static final int MAX_DEGREE = 12;

    private final PolynomialFit[] fits;
    private final double[] train;
    private final double[] validation;
    private final double[] test;
    private final double[] fresh;

    private DegreeSweep(PolynomialFit[] fits, double[] train, double[] validation, double[] test, double[] fresh) {
        this.fits = fits;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.fresh = fresh;
    }

    /**
     * Fits every degree 1 .. maxDegree to the training part and scores each fit on all four samples. The validation,
     * test and fresh samples never enter a fit.
     */
    public static DegreeSweep run(CurveSource.Sample trainPart, CurveSource.Sample validationPart,
                                  CurveSource.Sample testPart, CurveSource.Sample freshSample, int maxDegree) {
        if (maxDegree < 1 || maxDegree > 30) {
            throw new IllegalArgumentException("the largest degree must be between 1 and 30, not " + maxDegree);
        }
        for (CurveSource.Sample s : new CurveSource.Sample[]{trainPart, validationPart, testPart, freshSample}) {
            if (s.size() == 0) {
                throw new IllegalArgumentException("every part needs at least 1 point");
            }
        }
        PolynomialFit[] fits = new PolynomialFit[maxDegree + 1];
        double[] tr = new double[maxDegree + 1];
        double[] va = new double[maxDegree + 1];
        double[] te = new double[maxDegree + 1];
        double[] fr = new double[maxDegree + 1];
        for (int d = 1; d <= maxDegree; d++) {
            PolynomialFit p = PolynomialFit.fit(trainPart.x(), trainPart.y(), d, 0);
            fits[d] = p;
            tr[d] = p.mse(trainPart.x(), trainPart.y());
            va[d] = p.mse(validationPart.x(), validationPart.y());
            te[d] = p.mse(testPart.x(), testPart.y());
            fr[d] = p.mse(freshSample.x(), freshSample.y());
        }
        return new DegreeSweep(fits, tr, va, te, fr);
    }

    public int maxDegree() {
        return fits.length - 1;
    }

    /** The polynomial of degree d fitted on the training part. */
    public PolynomialFit fit(int degree) {
        return fits[check(degree)];
    }

    public double trainError(int degree) {
        return train[check(degree)];
    }

    public double validationError(int degree) {
        return validation[check(degree)];
    }

    public double testError(int degree) {
        return test[check(degree)];
    }

    public double freshError(int degree) {
        return fresh[check(degree)];
    }

    /** argmin_d of the validation error (ties: the smaller degree). */
    public int bestByValidation() {
        return argmin(validation);
    }

    /** argmin_d of the test error (ties: the smaller degree): what tuning on the test set picks. */
    public int bestByTest() {
        return argmin(test);
    }

    /** The degree a procedure picks: by test error when {@code onTest}, else by validation error. */
    public int best(boolean onTest) {
        return onTest ? bestByTest() : bestByValidation();
    }

    private static int argmin(double[] errors) {
        int best = 1;
        for (int d = 2; d < errors.length; d++) {
            // NaN never wins: a comparison with NaN is false.
            if (errors[d] < errors[best]) {
                best = d;
            }
        }
        return best;
    }

    private int check(int degree) {
        if (degree < 1 || degree >= fits.length) {
            throw new IllegalArgumentException("the degree must be between 1 and " + maxDegree() + ", not " + degree);
        }
        return degree;
    }
}
