package org.dlmathlab.labs.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class LikelihoodModelTest {

    @Test
    void logLikelihoodIsTheSumOfCommonsMathLogDensities() {
        LikelihoodModel m = new LikelihoodModel();
        m.setParameter("mu", 1.3);
        m.setParameter("sigma", 0.9);
        NormalDistribution ref = new NormalDistribution(null, 1.3, 0.9);
        double sum = 0;
        double product = 1;
        for (double x : m.data()) {
            sum += ref.logDensity(x);
            product *= ref.density(x);
            assertEquals(ref.density(x), m.density(x), 1e-14);
        }
        assertEquals(sum, m.quantity("loglik"), 1e-9);
        assertEquals(product, m.quantity("likelihood"), product * 1e-9);
        assertEquals(-sum, m.quantity("nll"), 1e-9);
    }

    /** A grid search over (mu, sigma) finds the sample mean and the biased (divide by n) standard deviation. */
    @Test
    void theMaximumIsTheSampleMeanAndTheBiasedVariance() {
        LikelihoodModel m = new LikelihoodModel();
        DescriptiveStatistics d = new DescriptiveStatistics(m.data());
        assertEquals(d.getMean(), m.quantity("mu_mle"), 1e-12);
        assertEquals(d.getPopulationVariance(), m.quantity("var_mle"), 1e-10);
        assertEquals(d.getVariance(), m.quantity("var_unbiased"), 1e-10);
        double bestMu = 0;
        double bestSigma = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (double mu = 0; mu <= 5; mu += 0.001) {
            for (double s = 0.5; s <= 3; s += 0.001) {
                m.moveCandidate(mu, s);
                double l = m.quantity("loglik");
                if (l > best) {
                    best = l;
                    bestMu = mu;
                    bestSigma = s;
                }
            }
        }
        assertEquals(d.getMean(), bestMu, 0.0011);
        assertEquals(Math.sqrt(d.getPopulationVariance()), bestSigma, 0.0011);
        assertTrue(Math.abs(Math.sqrt(d.getVariance()) - bestSigma) > 0.02, "not the n - 1 version");
        assertEquals(best, m.quantity("loglik_max"), 1e-4);
        // The jump lands exactly there, and nothing nearby is higher.
        m.jumpToMaximum();
        assertEquals(d.getMean(), m.quantity("mu"), 1e-12);
        assertEquals(Math.sqrt(d.getPopulationVariance()), m.quantity("sigma"), 1e-12);
        assertEquals(0, m.quantity("gap"), 1e-9);
        double top = m.quantity("loglik");
        for (double[] step : new double[][]{{1e-3, 0}, {-1e-3, 0}, {0, 1e-3}, {0, -1e-3}}) {
            m.moveCandidate(d.getMean() + step[0], Math.sqrt(d.getPopulationVariance()) + step[1]);
            assertTrue(m.quantity("loglik") < top);
        }
    }

    @Test
    void theSurfaceAgreesWithTheDirectSum() {
        LikelihoodModel m = new LikelihoodModel();
        var surface = m.surface();
        for (double mu = -3; mu <= 6; mu += 0.7) {
            for (double s = 0.2; s <= 4; s += 0.45) {
                m.moveCandidate(mu, s);
                assertEquals(m.quantity("loglik"), surface.applyAsDouble(mu, s), 1e-9 * Math.abs(m.quantity("loglik")));
            }
        }
        assertTrue(Double.isNaN(surface.applyAsDouble(1, 0)));
    }

    @Test
    void withSigmaFixedMinusLoglikIsAConstantPlusTheSquaredErrorOverTwoSigmaSquared() {
        LikelihoodModel m = new LikelihoodModel();
        m.setParameter("sigma", 0.7);
        for (double mu = -1; mu <= 5; mu += 0.5) {
            m.setParameter("mu", mu);
            double expected = m.quantity("nll_const") + m.quantity("sse") / (2 * 0.49);
            assertEquals(expected, m.quantity("nll"), 1e-9);
            assertEquals(m.quantity("nll"), m.negLogLikelihoodAt(mu), 1e-12);
        }
        assertEquals(20 * 0.5 * Math.log(2 * Math.PI) + 20 * Math.log(0.7), m.quantity("nll_const"), 1e-12);
    }

    @Test
    void manyPointsUnderflowTheLikelihoodButNotItsLog() {
        LikelihoodModel m = new LikelihoodModel();
        m.setParameter("n", 200);
        assertEquals(0, m.quantity("likelihood"));
        assertTrue(m.likelihoodUnderflows());
        double l = m.quantity("loglik");
        assertTrue(Double.isFinite(l) && l < -745, "ln of the smallest double is about -745: " + l);
        double[] p = m.likelihoodPowerOfTen();
        assertEquals(l / Math.log(10), Math.log10(p[0]) + p[1], 1e-9);
        assertTrue(p[0] >= 1 && p[0] < 10);
    }

    @Test
    void typedDataReplaceTheGeneratedOnesUntilAGeneratorParameterChanges() {
        LikelihoodModel m = new LikelihoodModel();
        double[] generated = m.data();
        m.useTypedData(new double[]{1, 2, 6});
        assertEquals(1, m.quantity("typed"));
        assertEquals(3, m.quantity("n"));
        assertEquals(3, m.quantity("mu_mle"), 1e-12);
        assertEquals(14.0 / 3, m.quantity("var_mle"), 1e-12);
        assertEquals(7, m.quantity("var_unbiased"), 1e-12);
        m.useGeneratedData();
        assertArrayEquals(generated, m.data(), "same seed, same data");
        m.useTypedData(new double[]{4, 4});
        assertFalse(m.hasMaximum());
        assertEquals(Double.POSITIVE_INFINITY, m.quantity("loglik_max"));
        m.jumpToMaximum();
        assertEquals(LikelihoodModel.SIGMA_MIN, m.quantity("sigma"));
        m.setParameter("seed", 7);
        assertEquals(0, m.quantity("typed"), "touching the generator goes back to generated data");
        assertThrows(IllegalArgumentException.class, () -> m.useTypedData(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> m.useTypedData(new double[]{101}));
    }

    @Test
    void seedAndTrueParametersDecideTheDataAndResetRestoresThem() {
        LikelihoodModel a = new LikelihoodModel();
        LikelihoodModel b = new LikelihoodModel();
        a.setDefaults(Map.of("n", 50.0, "seed", 3.0, "true_mu", -1.0));
        b.setParameter("n", 50);
        b.setParameter("seed", 3);
        b.setParameter("true_mu", -1);
        assertArrayEquals(a.data(), b.data());
        assertEquals(-1, a.quantity("mu_mle"), 0.7);
        a.useTypedData(new double[]{1, 2});
        a.setParameter("mu", 4);
        a.reset();
        assertArrayEquals(b.data(), a.data());
        assertEquals(0, a.quantity("mu"));
        assertEquals(0, a.quantity("typed"));
        assertThrows(IllegalArgumentException.class, () -> a.setParameter("n", 2.5));
        assertThrows(IllegalArgumentException.class, () -> a.setParameter("sigma", 0));
    }
}
