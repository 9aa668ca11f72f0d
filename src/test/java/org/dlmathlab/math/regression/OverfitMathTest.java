package org.dlmathlab.math.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** NoisyCurve draws and the gradient-descent trainer behind early stopping. */
class OverfitMathTest {

    @Test
    void aSeedAlwaysDrawsTheSameDataAndTheTwoSetsDiffer() {
        NoisyCurve a = NoisyCurve.draw(12, 0.3, 5);
        NoisyCurve b = NoisyCurve.draw(12, 0.3, 5);
        assertArrayEquals(a.trainY(), b.trainY());
        assertArrayEquals(a.valX(), b.valX());
        assertNotEquals(a.trainY()[3], NoisyCurve.draw(12, 0.3, 6).trainY()[3]);
        assertEquals(NoisyCurve.VALIDATION_SIZE, a.valX().length);
        assertEquals(0.0, a.trainX()[0]);
        assertEquals(1.0, a.trainX()[11], "training x is np.linspace(0, 1, n)");
        for (double x : a.valX()) {
            assertTrue(x >= 0 && x < 1);
        }
        assertEquals(NoisyCurve.truth(0.25), 1.0, 1e-15);
    }

    @Test
    void theNoiseHasTheRequestedSpreadAndScalesWithSigma() {
        NoisyCurve c = NoisyCurve.draw(200, 0.5, 11);
        SummaryStatistics noise = new SummaryStatistics();
        double[] x = c.valX();
        double[] y = c.valY();
        for (int i = 0; i < x.length; i++) {
            noise.addValue(y[i] - NoisyCurve.truth(x[i]));
        }
        // 200 draws: the sample sd is within about 15% of sigma, the mean within 3 standard errors of 0.
        assertEquals(0.5, noise.getStandardDeviation(), 0.075);
        assertEquals(0, noise.getMean(), 3 * 0.5 / Math.sqrt(200));
        NoisyCurve quiet = NoisyCurve.draw(200, 0.25, 11);
        assertEquals((y[7] - NoisyCurve.truth(x[7])) / 2, quiet.valY()[7] - NoisyCurve.truth(x[7]), 1e-12,
                "the same normal draw, scaled by sigma");
        assertThrows(IllegalArgumentException.class, () -> NoisyCurve.draw(0, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> NoisyCurve.draw(5, -1, 1));
    }

    @Test
    void descentEndsAtTheLeastSquaresFitWhenThereAreMorePointsThanCoefficients() {
        NoisyCurve c = NoisyCurve.draw(30, 0.2, 3);
        PolynomialDescent.Run run = PolynomialDescent.run(c.trainX(), c.trainY(), c.valX(), c.valY(), 3, 10000);
        PolynomialFit exact = PolynomialFit.fit(c.trainX(), c.trainY(), 3, 0);
        for (double x = 0; x <= 1; x += 0.05) {
            assertEquals(exact.value(x), run.value(run.epochs(), x), 1e-6);
        }
        assertEquals(exact.mse(c.trainX(), c.trainY()), run.trainError(run.epochs()), 1e-9);
        assertEquals(exact.mse(c.valX(), c.valY()), run.valError(run.epochs()), 1e-8);
        // Full-batch descent with eta = 1 / lambda_max never raises the training loss.
        for (int e = 1; e <= run.epochs(); e++) {
            assertTrue(run.trainError(e) <= run.trainError(e - 1) + 1e-15, "epoch " + e);
        }
    }

    @Test
    void earlyStoppingKeepsTheEpochWithTheLowestValidationError() {
        NoisyCurve c = NoisyCurve.draw(10, 0.25, 1);
        PolynomialDescent.Run run = PolynomialDescent.run(c.trainX(), c.trainY(), c.valX(), c.valY(), 9, 1000);
        int best = 0;
        for (int e = 0; e <= run.epochs(); e++) {
            if (run.valError(e) < run.valError(best)) {
                best = e;
            }
        }
        assertEquals(best, run.bestEpoch());
        assertTrue(best > 0 && best < 100, "the validation error bottoms out early: " + best);
        assertTrue(run.valError(run.epochs()) > 1.5 * run.valError(best), "and climbs afterwards");
        int stop = run.stopEpoch(50);
        assertEquals(best + 50, stop, "patience 50 runs out 50 epochs after the best");
        assertEquals(best, run.bestEpoch(stop), "the model kept is the best one");
        assertEquals(-1, run.stopEpoch(5000), "more patience than epochs: never stops");
        assertEquals(0, run.coefficients(0)[0], "descent starts from zero");
        assertEquals(c.trainY().length, 10);
    }

    @Test
    void theLargestEigenvalueMatchesCommonsMath() {
        double[][] v = {{1, 0.5, 0.25}, {1, -1, 1}, {1, 0.2, 0.04}, {1, 0.9, 0.81}};
        org.apache.commons.math3.linear.RealMatrix m = org.apache.commons.math3.linear.MatrixUtils
                .createRealMatrix(v);
        org.apache.commons.math3.linear.RealMatrix h = m.transpose().multiply(m).scalarMultiply(2.0 / 4);
        double[] eig = new org.apache.commons.math3.linear.EigenDecomposition(h).getRealEigenvalues();
        double max = java.util.Arrays.stream(eig).max().orElseThrow();
        assertEquals(max, PolynomialDescent.largestEigenvalue(v, 4, 3), 1e-9 * max);
    }
}
