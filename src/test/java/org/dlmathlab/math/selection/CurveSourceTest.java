package org.dlmathlab.math.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class CurveSourceTest {

    @Test
    void theQuadratureIsExactForPolynomialsUnderTheArcsineDensity() {
        // For x = 3 cos(pi u): E[x] = 0, E[x^2] = 9/2, E[x^4] = 3 * 81 / 8 (the arcsine moments h^2/2, 3h^4/8).
        assertEquals(0, CurveSource.expectation(x -> x), 1e-12);
        assertEquals(4.5, CurveSource.expectation(x -> x * x), 1e-12);
        assertEquals(30.375, CurveSource.expectation(x -> Math.pow(x, 4)), 1e-10);
    }

    @Test
    void theExpectationMatchesCommonsMathIntegrationOfTheDensity() {
        // E[g] = integral_0^pi g(3 cos t) dt / pi, integrated independently by Commons Math.
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-13);
        double f2 = integrator.integrate(100_000, t -> Math.pow(CurveSource.f(3 * Math.cos(t)), 2), 0, Math.PI)
                / Math.PI;
        assertEquals(f2, CurveSource.expectation(x -> CurveSource.f(x) * CurveSource.f(x)), 1e-10);
    }

    @Test
    void theSamplesAreRepeatableAndALargerSampleStartsWithTheSmallerOne() {
        CurveSource.Sample a = CurveSource.draw(30, 0.3, 5);
        CurveSource.Sample b = CurveSource.draw(30, 0.3, 5);
        CurveSource.Sample c = CurveSource.draw(50, 0.3, 5);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.x(), Arrays.copyOf(c.x(), 30));
        assertArrayEquals(a.y(), Arrays.copyOf(c.y(), 30));
        for (double x : c.x()) {
            assertTrue(x >= CurveSource.X_MIN && x <= CurveSource.X_MAX);
        }
        CurveSource.Sample clean = CurveSource.draw(20, 0, 5);
        for (int i = 0; i < 20; i++) {
            assertEquals(CurveSource.f(clean.x()[i]), clean.y()[i], 0, "no noise: on the curve");
        }
    }

    @Test
    void aLargeSampleHasTheMomentsOfTheSource() {
        int m = 400_000;
        CurveSource.Sample s = CurveSource.draw(m, 0.5, 9);
        double meanX = 0;
        double meanX2 = 0;
        double meanNoise2 = 0;
        for (int i = 0; i < m; i++) {
            meanX += s.x()[i] / m;
            meanX2 += s.x()[i] * s.x()[i] / m;
            double e = s.y()[i] - CurveSource.f(s.x()[i]);
            meanNoise2 += e * e / m;
        }
        assertEquals(0, meanX, 0.02);
        assertEquals(4.5, meanX2, 0.03);
        assertEquals(0.25, meanNoise2, 0.003);
    }

    @Test
    void theExpectedErrorIsWhatAHugeFreshSampleMeasures() {
        // A deliberately wrong model: the straight line 0.4x. Its error on endless data is sigma^2 + E[(0.4x - f)^2].
        double sigma = 0.3;
        double expected = CurveSource.expectedError(x -> 0.4 * x, sigma);
        CurveSource.Sample s = CurveSource.draw(400_000, sigma, 21);
        double mse = 0;
        for (int i = 0; i < s.size(); i++) {
            double d = 0.4 * s.x()[i] - s.y()[i];
            mse += d * d / s.size();
        }
        assertEquals(expected, mse, 0.01 * expected);
        assertEquals(sigma * sigma, CurveSource.expectedError(CurveSource::f, sigma), 1e-15,
                "the true curve leaves only the noise");
    }
}
