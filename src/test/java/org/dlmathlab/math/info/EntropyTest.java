package org.dlmathlab.math.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.GTest;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

class EntropyTest {

    private static final Random RANDOM = new Random(20240607);

    private static double[] randomDistribution(int k) {
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = RANDOM.nextDouble() + 1e-3;
        }
        return Distributions.normalize(w);
    }

    @Test
    void closedForms() {
        for (int k = 1; k <= 8; k++) {
            assertEquals(FastMath.log(2, k), Entropy.entropyBits(Distributions.uniform(k)), 1e-12, "uniform " + k);
            assertEquals(FastMath.log(2, k), Entropy.maxEntropyBits(k), 1e-12);
            for (int i = 0; i < k; i++) {
                assertEquals(0, Entropy.entropyBits(Distributions.oneHot(k, i)), 0, "one-hot is certain");
            }
        }
        assertEquals(1, Entropy.entropyBits(new double[]{0.5, 0.5}), 1e-15, "a fair coin is one bit");
        assertEquals(1.5, Entropy.entropyBits(new double[]{0.5, 0.25, 0.25}), 1e-15);
        assertEquals(1.75, Entropy.entropyBits(new double[]{0.5, 0.25, 0.125, 0.125}), 1e-15);
        assertEquals(Math.log(3), Entropy.entropyNats(Distributions.uniform(3)), 1e-15);
        // A biased coin against the binary entropy formula.
        double x = 0.3;
        double h2 = -x * Math.log(x) / Math.log(2) - (1 - x) * Math.log(1 - x) / Math.log(2);
        assertEquals(h2, Entropy.entropyBits(new double[]{x, 1 - x}), 1e-14);
        assertEquals(0.8812908992306927, h2, 1e-15);
    }

    @Test
    void zeroProbabilitiesAddNothingToTheEntropy() {
        assertEquals(1.5, Entropy.entropyBits(new double[]{0.5, 0, 0.25, 0, 0.25}), 1e-15);
        assertEquals(0, Entropy.termBits(0, 0));
        assertEquals(0.5, Entropy.termBits(0.5, 0.5), 1e-15);
    }

    @Test
    void entropyAgreesWithCommonsMathSums() {
        for (int trial = 0; trial < 200; trial++) {
            double[] p = randomDistribution(2 + RANDOM.nextInt(7));
            double[] terms = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                terms[i] = -p[i] * FastMath.log(2, p[i]);
            }
            assertEquals(StatUtils.sum(terms), Entropy.entropyBits(p), 1e-12);
            assertTrue(Entropy.entropyBits(p) <= Entropy.maxEntropyBits(p.length) + 1e-12, "never above log2 k");
        }
    }

    @Test
    void klIsNeverNegativeAndZeroOnlyForEqualDistributions() {
        for (int trial = 0; trial < 500; trial++) {
            int k = 2 + RANDOM.nextInt(7);
            double[] p = randomDistribution(k);
            double[] q = randomDistribution(k);
            double kl = Entropy.klBits(p, q);
            assertTrue(kl > 0, "distinct random P, Q give KL > 0: " + kl);
            assertEquals(Entropy.crossEntropyBits(p, q) - Entropy.entropyBits(p), kl, 1e-12, "KL = H(P,Q) - H(P)");
            assertTrue(Entropy.crossEntropyBits(p, q) >= Entropy.entropyBits(p), "Gibbs' inequality");
            assertEquals(0, Entropy.klBits(p, p), 0, "KL(P||P) is exactly 0");
            assertEquals(Entropy.entropyBits(p), Entropy.crossEntropyBits(p, p), 1e-12);
        }
    }

    @Test
    void klAgreesWithTheGStatisticOfCommonsMath() {
        // G = 2 sum O_i ln(O_i / E_i) with E scaled to the observed total, so G / (2 N) = KL(P || Q) in nats when
        // P is the observed counts over N.
        GTest gTest = new GTest();
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + RANDOM.nextInt(7);
            long[] counts = new long[k];
            long n = 0;
            for (int i = 0; i < k; i++) {
                counts[i] = 1 + RANDOM.nextInt(50);
                n += counts[i];
            }
            double[] p = new double[k];
            for (int i = 0; i < k; i++) {
                p[i] = counts[i] / (double) n;
            }
            double[] q = randomDistribution(k);
            assertEquals(gTest.g(q, counts) / (2 * n), Entropy.klNats(p, q), 1e-10);
            assertEquals(Entropy.klNats(p, q) / Math.log(2), Entropy.klBits(p, q), 1e-12);
        }
    }

    @Test
    void crossEntropyOfAOneHotLabelIsTheSurpriseOfTheTrueClass() {
        for (int trial = 0; trial < 100; trial++) {
            int k = 2 + RANDOM.nextInt(7);
            int c = RANDOM.nextInt(k);
            double[] q = randomDistribution(k);
            double[] p = Distributions.oneHot(k, c);
            assertEquals(-FastMath.log(2, q[c]), Entropy.crossEntropyBits(p, q), 1e-12);
            assertEquals(-Math.log(q[c]), Entropy.crossEntropyNats(p, q), 1e-12);
            assertEquals(Entropy.crossEntropyBits(p, q), Entropy.klBits(p, q), 1e-12, "H(P) = 0 for a label");
            assertEquals(Entropy.surpriseBits(q[c]), Entropy.crossEntropyBits(p, q), 1e-12);
        }
        assertEquals(2, Entropy.surpriseBits(0.25), 1e-15);
        assertEquals(Math.log(4), Entropy.surpriseNats(0.25), 1e-15);
    }

    @Test
    void zeroInQWhereSomethingHappensMakesTheCrossEntropyInfinite() {
        double[] p = {0.5, 0.5, 0};
        double[] q = {1, 0, 0};
        assertFalse(Entropy.isFinite(p, q));
        assertEquals(Double.POSITIVE_INFINITY, Entropy.crossEntropyBits(p, q));
        assertEquals(Double.POSITIVE_INFINITY, Entropy.klBits(p, q));
        assertEquals(Double.POSITIVE_INFINITY, Entropy.surpriseBits(0));
        // A zero in Q where P is zero too costs nothing.
        double[] q2 = {0.5, 0.5, 0};
        assertTrue(Entropy.isFinite(p, q2));
        assertEquals(1, Entropy.crossEntropyBits(p, q2), 1e-15);
        // The other way round is finite: P may leave out what Q allows.
        assertTrue(Entropy.isFinite(q, p));
        assertEquals(1, Entropy.klBits(q, p), 1e-15);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Entropy.crossEntropyBits(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Entropy.maxEntropyBits(0));
    }
}
