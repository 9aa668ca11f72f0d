package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogitCrossEntropyTest {

    @Test
    void ceilingIsFifteenLnTen() {
        assertEquals(15 * Math.log(10), LogitCrossEntropy.CEILING, 1e-12);
        assertEquals(34.538776, LogitCrossEntropy.CEILING, 1e-6);
    }

    @Test
    void exactAndClippedAgreeUntilTheClip() {
        double[] z = {1, 2, 0.5};
        double e = Math.exp(1) + Math.exp(2) + Math.exp(0.5);
        assertEquals(-Math.log(Math.exp(1) / e), LogitCrossEntropy.exactNats(z, 0), 1e-12);
        assertEquals(LogitCrossEntropy.exactNats(z, 0), LogitCrossEntropy.clippedNats(z, 0), 1e-12);
        assertFalse(LogitCrossEntropy.isClipped(z, 0));

        // A logit gap of 50: p_true = e^-50 / (1 + ...) ~ 2e-22 underflows nothing, but sits far below the clip.
        double[] far = {25, -25, 0};
        double exact = LogitCrossEntropy.exactNats(far, 1);
        assertEquals(50 + Math.log(1 + Math.exp(-25) + Math.exp(-50)), exact, 1e-9, "logsumexp(z) - z_c");
        assertTrue(Double.isFinite(LogitCrossEntropy.clippedNats(far, 1)));
        assertEquals(LogitCrossEntropy.CEILING, LogitCrossEntropy.clippedNats(far, 1), 1e-9, "capped at 34.5 nats");
        assertTrue(LogitCrossEntropy.isClipped(far, 1));
        // Even when p_c underflows to exactly 0 the exact form stays finite.
        double[] huge = {800, -800, 0};
        assertEquals(0, LogitCrossEntropy.probabilities(huge)[1]);
        assertEquals(1600, LogitCrossEntropy.exactNats(huge, 1), 1e-9);
        assertEquals(LogitCrossEntropy.CEILING, LogitCrossEntropy.clippedNats(huge, 1), 1e-9);
    }

    @Test
    void logitGradientIsPMinusOneHotAndMatchesDifferences() {
        double[] z = {0.3, -1.2, 2};
        for (int c = 0; c < 3; c++) {
            double[] g = LogitCrossEntropy.logitGradient(z, c);
            double[] p = LogitCrossEntropy.probabilities(z);
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                double[] up = z.clone();
                double[] down = z.clone();
                up[j] += 1e-6;
                down[j] -= 1e-6;
                double numeric = (LogitCrossEntropy.exactNats(up, c) - LogitCrossEntropy.exactNats(down, c)) / 2e-6;
                assertEquals(numeric, g[j], 1e-7, "class " + c + ", logit " + j);
                assertEquals(p[j] - (j == c ? 1 : 0), g[j], 1e-15);
                sum += g[j];
            }
            assertEquals(0, sum, 1e-12, "the logit gradient sums to zero");
        }
    }

    @Test
    void logitForHitsTheRequestedProbability() {
        double[] z = {1, 2, 0.5};
        for (double p : new double[]{0.01, 0.3, 0.5, 0.9, 0.999}) {
            double[] moved = z.clone();
            moved[2] = LogitCrossEntropy.logitFor(z, 2, p);
            assertEquals(p, LogitCrossEntropy.probabilities(moved)[2], 1e-12);
            assertEquals(1, moved[0], 0, "the others stay");
        }
        assertThrows(IllegalArgumentException.class, () -> LogitCrossEntropy.logitFor(z, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> LogitCrossEntropy.oneHot(3, 3));
    }
}
