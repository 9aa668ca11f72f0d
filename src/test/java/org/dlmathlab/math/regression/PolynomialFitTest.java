package org.dlmathlab.math.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class PolynomialFitTest {

    @Test
    void equalsCommonsMathLeastSquaresForEveryDegree() {
        Random r = new Random(4);
        double[] xs = new double[30];
        double[] ys = new double[30];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -1 + 2.0 * i / (xs.length - 1);
            ys[i] = Math.sin(3 * xs[i]) + 0.2 * r.nextGaussian();
        }
        for (int degree = 1; degree <= 9; degree++) {
            double[][] design = new double[xs.length][degree];
            for (int i = 0; i < xs.length; i++) {
                for (int k = 1; k <= degree; k++) {
                    design[i][k - 1] = Math.pow(xs[i], k);
                }
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(ys, design);
            double[] beta = ols.estimateRegressionParameters();
            PolynomialFit fit = PolynomialFit.fit(xs, ys, degree, 0);
            for (double x = -1; x <= 1; x += 0.05) {
                double expected = 0;
                for (int k = degree; k >= 0; k--) {
                    expected = expected * x + beta[k];
                }
                assertEquals(expected, fit.value(x), 1e-7, "degree " + degree + " at " + x);
            }
            double sse = ols.calculateResidualSumOfSquares();
            assertEquals(sse / xs.length, fit.mse(xs, ys), 1e-9);
        }
    }

    @Test
    void higherDegreeNeverFitsTheTrainingDataWorseAndInterpolatesAtNMinusOne() {
        double[] xs = {0, 1, 2, 3, 4, 5};
        double[] ys = {1, -2, 0.5, 3, -1, 2};
        double previous = Double.MAX_VALUE;
        for (int d = 0; d <= 5; d++) {
            double mse = PolynomialFit.fit(xs, ys, d, 0).mse(xs, ys);
            assertTrue(mse <= previous + 1e-12, "degree " + d);
            previous = mse;
        }
        assertEquals(0, previous, 1e-18, "six points, degree 5: through every point");
        // More coefficients than points: still a finite, interpolating answer (the smallest-coefficient one).
        PolynomialFit over = PolynomialFit.fit(xs, ys, 12, 0);
        assertEquals(0, over.mse(xs, ys), 1e-6);
        assertTrue(Double.isFinite(over.value(2.5)));
    }

    @Test
    void ridgeShrinksTheCoefficientsButNotTheConstant() {
        double[] xs = {-1, -0.5, 0, 0.5, 1};
        double[] ys = {3, 3.5, 4, 4.5, 5};
        PolynomialFit plain = PolynomialFit.fit(xs, ys, 1, 0);
        PolynomialFit strong = PolynomialFit.fit(xs, ys, 1, 1e6);
        assertEquals(1, plain.scaledCoefficients()[1], 1e-12, "slope 1 in u = x here");
        assertTrue(Math.abs(strong.scaledCoefficients()[1]) < 1e-4, "a huge lambda flattens the line");
        assertEquals(4, strong.scaledCoefficients()[0], 1e-4, "the mean stays: the constant is not penalised");
        // Ridge in closed form for one slope: c1 = sum u y' / (sum u^2 + lambda) with centred y.
        double lambda = 2;
        double c1 = (-1 * -1 + -0.5 * -0.5 + 0 + 0.5 * 0.5 + 1 * 1) / (2.5 + lambda);
        assertEquals(c1, PolynomialFit.fit(xs, ys, 1, lambda).scaledCoefficients()[1], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PolynomialFit.fit(xs, ys, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> PolynomialFit.fit(xs, new double[2], 2, 0));
    }
}
