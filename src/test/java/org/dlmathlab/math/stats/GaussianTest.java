package org.dlmathlab.math.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void densityMatchesCommonsMath() {
        for (double mu : new double[]{-3, 0, 2.5}) {
            for (double sigma : new double[]{0.1, 1, 4}) {
                NormalDistribution reference = new NormalDistribution(null, mu, sigma);
                Gaussian g = new Gaussian(mu, sigma);
                for (double x = -10; x <= 10; x += 0.37) {
                    assertEquals(reference.density(x), g.density(x), 1e-14 * Math.max(1, reference.density(x)));
                    assertEquals(reference.logDensity(x), g.logDensity(x), 1e-12 * Math.max(1,
                            Math.abs(reference.logDensity(x))));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(Double.NaN, 1));
    }

    @Test
    void seededSamplingIsRepeatableAndConverges() {
        double[] a = new GaussianSampler(new Gaussian(2, 3), 42).next(20000);
        double[] b = new GaussianSampler(new Gaussian(2, 3), 42).next(20000);
        assertArrayEquals(a, b, 0, "same seed, same samples");
        double[] c = new GaussianSampler(new Gaussian(2, 3), 43).next(5);
        assertTrue(c[0] != a[0], "another seed, other samples");
        RunningMoments m = new RunningMoments();
        m.addAll(a);
        // Standard errors: 3 / sqrt(20000) = 0.021 for the mean; about 9 * sqrt(2 / 20000) = 0.09 for the variance.
        assertEquals(2, m.mean(), 0.1);
        assertEquals(9, m.sampleVariance(), 0.45);
    }

    @Test
    void runningMomentsMatchDescriptiveStatisticsEvenWithALargeOffset() {
        double[] xs = new GaussianSampler(new Gaussian(1e9, 0.5), 1).next(1000);
        RunningMoments m = new RunningMoments();
        DescriptiveStatistics d = new DescriptiveStatistics();
        for (double x : xs) {
            m.add(x);
            d.addValue(x);
        }
        assertEquals(d.getMean(), m.mean(), 1e-6);
        assertEquals(d.getVariance(), m.sampleVariance(), 1e-6);
        assertEquals(new Variance(false).evaluate(xs), m.populationVariance(), 1e-6);
        m.clear();
        assertTrue(Double.isNaN(m.mean()));
        m.add(5);
        assertEquals(0, m.populationVariance());
        assertTrue(Double.isNaN(m.sampleVariance()), "one sample has no unbiased variance");
    }

    @Test
    void likelihoodIsMaximisedAtTheSampleMeanAndTheBiasedVariance() {
        double[] xs = new GaussianSampler(new Gaussian(1, 2), 9).next(50);
        GaussianLikelihood l = new GaussianLikelihood(xs);
        double mu = l.muMle();
        double sigma = l.sigmaMle();
        assertEquals(new DescriptiveStatistics(xs).getMean(), mu, 1e-12);
        assertEquals(Math.sqrt(new Variance(false).evaluate(xs)), sigma, 1e-12);
        double best = l.logLikelihood(mu, sigma);
        for (double dm = -0.5; dm <= 0.5; dm += 0.05) {
            for (double ds = -0.5; ds <= 0.5; ds += 0.05) {
                if (Math.abs(dm) + Math.abs(ds) > 1e-9 && sigma + ds > 0) {
                    assertTrue(l.logLikelihood(mu + dm, sigma + ds) < best, "(" + dm + ", " + ds + ")");
                }
            }
        }
        // The log-likelihood is the sum of the log densities.
        double sum = 0;
        NormalDistribution reference = new NormalDistribution(null, 0.3, 1.7);
        for (double x : xs) {
            sum += reference.logDensity(x);
        }
        assertEquals(sum, l.logLikelihood(0.3, 1.7), 1e-9);
    }

    @Test
    void forFixedSigmaTheNegativeLogLikelihoodIsTheSquaredErrorScaledAndShifted() {
        GaussianLikelihood l = new GaussianLikelihood(new double[]{1, 2, 4, 7});
        double sigma = 1.3;
        double c = l.logLikelihood(0, sigma) + l.squaredError(0) / (2 * sigma * sigma);
        for (double mu = -2; mu <= 8; mu += 0.5) {
            assertEquals(c - l.squaredError(mu) / (2 * sigma * sigma), l.logLikelihood(mu, sigma), 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> new GaussianLikelihood(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> l.logLikelihood(0, 0));
    }
}
