package org.dlmathlab.labs.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.dlmathlab.labs.DataTable;
import org.junit.jupiter.api.Test;

class GaussianModelTest {

    private static double[] samples(GaussianModel m) {
        double[] xs = new double[m.sampleCount()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = m.sample(i);
        }
        return xs;
    }

    @Test
    void densityAndPeakMatchCommonsMath() {
        GaussianModel m = new GaussianModel();
        m.setParameter("mu", -1.5);
        m.setParameter("sigma", 0.7);
        NormalDistribution ref = new NormalDistribution(null, -1.5, 0.7);
        for (double x = -5; x <= 2; x += 0.37) {
            assertEquals(ref.density(x), m.density(x), 1e-14);
            assertEquals(ref.logDensity(x), m.distribution().logDensity(x), 1e-12);
        }
        assertEquals(ref.density(-1.5), m.quantity("peak"), 1e-14);
        assertEquals(0.49, m.quantity("sigma2"), 1e-14);
    }

    @Test
    void runningMomentsMatchDescriptiveStatistics() {
        GaussianModel m = new GaussianModel();
        m.setParameter("mu", 3);
        m.setParameter("sigma", 2);
        m.draw(1);
        assertEquals(Double.NaN, m.quantity("variance"), "s^2 needs two samples");
        assertEquals(0, m.quantity("variance_biased"));
        m.draw(4999);
        double[] xs = samples(m);
        DescriptiveStatistics d = new DescriptiveStatistics(xs);
        assertEquals(5000, m.quantity("n"));
        assertEquals(d.getMean(), m.quantity("mean"), 1e-12);
        assertEquals(d.getVariance(), m.quantity("variance"), 1e-10, "variance is the n - 1 version");
        assertEquals(d.getPopulationVariance(), m.quantity("variance_biased"), 1e-10);
        assertEquals(d.getStandardDeviation(), m.quantity("sd"), 1e-10);
        double sq = 0;
        int[] within = new int[3];
        for (double x : xs) {
            sq += (x - 3) * (x - 3);
            for (int k = 0; k < 3; k++) {
                within[k] += Math.abs(x - 3) <= 2 * (k + 1) ? 1 : 0;
            }
        }
        assertEquals(sq / 5000, m.quantity("mean_sq_dist"), 1e-10);
        assertEquals(within[0] / 5000.0, m.quantity("within1"), 1e-15);
        assertEquals(within[2] / 5000.0, m.quantity("within3"), 1e-15);
        assertEquals(xs[4999], m.quantity("last"));
        // Converging: 5000 samples put the mean within a few sigma/sqrt(n) = 0.028 of mu.
        assertEquals(3, m.quantity("mean"), 0.1);
        assertEquals(4, m.quantity("variance"), 0.3);
        assertEquals(0.6827, m.quantity("within1"), 0.03);
        // The last checkpoint is the current running state.
        double[] last = m.checkpoint(m.checkpointCount() - 1);
        assertEquals(5000, last[0]);
        assertEquals(d.getMean(), last[1], 1e-12);
        assertEquals(d.getVariance(), last[2], 1e-10);
    }

    @Test
    void noSamplesMeansUndefinedStatistics() {
        GaussianModel m = new GaussianModel();
        for (String q : new String[]{"mean", "variance", "variance_biased", "sd", "mean_sq_dist", "within1", "last"}) {
            assertTrue(Double.isNaN(m.quantity(q)), q);
        }
        assertEquals(0, m.quantity("n"));
    }

    @Test
    void sameSeedSameSamplesAndClearRestartsTheSequence() {
        GaussianModel a = new GaussianModel();
        GaussianModel b = new GaussianModel();
        a.setParameter("seed", 1234);
        b.setParameter("seed", 1234);
        a.draw(300);
        b.draw(100);
        b.draw(200);
        assertEquals(java.util.Arrays.toString(samples(a)), java.util.Arrays.toString(samples(b)),
                "the count drawn at a time does not matter");
        double first = a.sample(0);
        a.clear();
        assertEquals(0, a.sampleCount());
        a.draw(1);
        assertEquals(first, a.sample(0), "after Clear the same samples come back");
        b.setParameter("seed", 1235);
        assertEquals(0, b.sampleCount(), "a new seed clears");
        b.draw(1);
        assertNotEquals(first, b.sample(0));
    }

    @Test
    void changingMuOrSigmaClearsButBinsAndBatchDoNot() {
        GaussianModel m = new GaussianModel();
        m.draw(50);
        m.setParameter("bins", 10);
        m.setParameter("batch", 7);
        assertEquals(50, m.sampleCount());
        assertEquals(50, m.histogram().total(), "rebinned from the kept samples");
        assertEquals(10, m.histogram().bins());
        m.setParameter("mu", 0);
        assertEquals(50, m.sampleCount(), "setting the same value keeps the samples");
        m.setParameter("mu", 1);
        assertEquals(0, m.sampleCount());
        m.draw(5);
        m.setParameter("sigma", 2);
        assertEquals(0, m.sampleCount());
        assertEquals(-7, m.histogram().min(), 1e-12, "the histogram covers mu +- 4 sigma");
        assertEquals(9, m.histogram().max(), 1e-12);
    }

    @Test
    void stepDrawsABatchAndResetReturnsToTheLessonStart() {
        GaussianModel m = new GaussianModel();
        m.setDefaults(Map.of("mu", 1.0, "batch", 250.0));
        assertTrue(m.canStep());
        m.step();
        m.step();
        assertEquals(500, m.quantity("n"));
        m.setParameter("sigma", 3);
        m.reset();
        assertEquals(1, m.quantity("mu"));
        assertEquals(1, m.quantity("sigma"));
        assertEquals(0, m.quantity("n"));
    }

    @Test
    void histogramAreaIsTheShareOfSamplesInRange() {
        GaussianModel m = new GaussianModel();
        m.draw(20_000);
        double area = 0;
        for (int k = 0; k < m.histogram().bins(); k++) {
            area += m.histogram().density(k) * m.histogram().binWidth();
        }
        assertEquals(m.histogram().inRange() / 20_000.0, area, 1e-12);
        Map<String, DataTable> series = m.dataSeries();
        assertEquals(40, series.get("histogram").rows().size());
        assertEquals(m.checkpointCount(), series.get("running").rows().size());
        assertTrue(m.checkpointCount() < 3000, "the running series is thinned: " + m.checkpointCount());
    }

    @Test
    void rejectsBadParameters() {
        GaussianModel m = new GaussianModel();
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("sigma", 0));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("mu", 6));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("seed", 1.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("batch", 0));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("nope", 1));
        assertEquals(1, m.quantity("sigma"));
    }
}
