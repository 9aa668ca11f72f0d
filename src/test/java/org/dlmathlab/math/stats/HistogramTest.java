package org.dlmathlab.math.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void binsAreHalfOpenExceptTheLastAndOutsideValuesAreCountedAside() {
        Histogram h = new Histogram(0, 4, 4);
        h.addAll(new double[]{0, 0.999, 1, 3.5, 4, -0.001, 4.001, Double.NEGATIVE_INFINITY});
        assertArrayEquals(new long[]{2, 1, 0, 2}, new long[]{h.count(0), h.count(1), h.count(2), h.count(3)});
        assertEquals(2, h.underflow());
        assertEquals(1, h.overflow());
        assertEquals(8, h.total());
        assertEquals(5, h.inRange());
        assertEquals(1.0, h.binWidth());
        assertEquals(3.0, h.binStart(3));
        assertEquals(4.0, h.binEnd(3));
        assertThrows(IllegalArgumentException.class, () -> h.add(Double.NaN));
    }

    @Test
    void heightsAreCountOverNTimesWidthSoTheAreaIsTheInRangeFraction() {
        Histogram h = new Histogram(-1, 1, 8);
        h.addAll(new double[]{-0.9, -0.1, 0.1, 0.2, 0.3, 5, -7});
        assertEquals(1 / (7 * 0.25), h.density(0), 1e-15);
        assertEquals(2 / (7 * 0.25), h.density(4), 1e-15, "0.1 and 0.2 lie in [0, 0.25)");
        assertEquals(1 / (7 * 0.25), h.density(5), 1e-15);
        assertEquals(5.0 / 7, h.area(), 1e-12, "two of seven samples lie outside [-1, 1]");
        h.clear();
        assertEquals(0, h.total());
        assertEquals(0, h.area());
    }

    /** Many normal samples: bars integrate to the in-range share, and each bar's height tends to the mean density. */
    @Test
    void normalSamplesSitOnTheDensity() {
        Gaussian g = new Gaussian(1, 2);
        double[] xs = new GaussianSampler(g, 7).next(400_000);
        Histogram h = new Histogram(-3, 5, 32);
        h.addAll(xs);
        NormalDistribution reference = new NormalDistribution(null, 1, 2);
        double share = reference.cumulativeProbability(5) - reference.cumulativeProbability(-3);
        assertEquals(share, h.area(), 0.003);
        assertEquals(h.inRange() / (double) h.total(), h.area(), 1e-12);
        for (int k = 0; k < h.bins(); k++) {
            double expected = (reference.cumulativeProbability(h.binEnd(k))
                    - reference.cumulativeProbability(h.binStart(k))) / h.binWidth();
            assertEquals(expected, h.density(k), 0.006, "bin " + k);
        }
    }

    @Test
    void rejectsEmptyRangesAndNoBins() {
        assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(0, Double.POSITIVE_INFINITY, 3));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(0, 1, 0));
    }
}
