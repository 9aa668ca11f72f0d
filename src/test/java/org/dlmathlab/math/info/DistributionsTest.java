package org.dlmathlab.math.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    private static final Random RANDOM = new Random(77);

    @Test
    void normalizeDividesByTheSumAndFallsBackToUniform() {
        assertArrayEquals(new double[]{0.5, 0.25, 0.25}, Distributions.normalize(new double[]{2, 1, 1}), 1e-15);
        assertArrayEquals(new double[]{0.25, 0.25, 0.25, 0.25}, Distributions.normalize(new double[4]), 0);
        assertThrows(IllegalArgumentException.class, () -> Distributions.normalize(new double[]{1, -0.1}));
        assertThrows(IllegalArgumentException.class, () -> Distributions.normalize(new double[]{1, Double.NaN}));
    }

    @Test
    void dragSetsTheBarAndKeepsTheOthersInProportion() {
        double[] p = {0.5, 0.3, 0.2};
        double[] out = Distributions.drag(p, 0, 0.8);
        assertArrayEquals(new double[]{0.8, 0.12, 0.08}, out, 1e-15);
        assertEquals(out[1] / out[2], p[1] / p[2], 1e-12, "the others keep their ratio");
        assertEquals(1, StatUtils.sum(out), 1e-15);
    }

    @Test
    void dragKeepsTheSumAtOneAndEveryEntryNonNegativeOnRandomDrags() {
        for (int trial = 0; trial < 2000; trial++) {
            int k = 2 + RANDOM.nextInt(7);
            double[] w = new double[k];
            for (int i = 0; i < k; i++) {
                w[i] = RANDOM.nextInt(4) == 0 ? 0 : RANDOM.nextDouble();
            }
            double[] p = Distributions.normalize(w);
            // Include values outside [0, 1]: a drag past the end clamps.
            for (int step = 0; step < 10; step++) {
                int i = RANDOM.nextInt(k);
                double v = RANDOM.nextDouble() * 1.4 - 0.2;
                p = Distributions.drag(p, i, v);
                assertEquals(1, StatUtils.sum(p), 1e-12);
                assertEquals(Math.max(0, Math.min(1, v)), p[i], 1e-15);
                for (double pi : p) {
                    assertTrue(pi >= 0 && pi <= 1 + 1e-15, "entry " + pi);
                }
            }
        }
    }

    @Test
    void draggingDownFromCertaintySharesTheRestEqually() {
        // All the others are 0: there are no proportions to keep, so the freed mass is shared equally.
        double[] out = Distributions.drag(Distributions.oneHot(4, 2), 2, 0.4);
        assertArrayEquals(new double[]{0.2, 0.2, 0.4, 0.2}, out, 1e-15);
        // Dragging a bar to 1 makes the distribution certain.
        assertArrayEquals(new double[]{0, 1, 0}, Distributions.drag(new double[]{0.2, 0.3, 0.5}, 1, 1), 0);
    }

    @Test
    void softmaxIsStableAndSumsToOne() {
        assertArrayEquals(new double[]{0.25, 0.25, 0.25, 0.25}, Distributions.softmax(new double[]{3, 3, 3, 3}), 1e-15);
        double[] q = Distributions.softmax(new double[]{1000, 0});
        assertEquals(1, q[0], 1e-15);
        assertTrue(q[1] >= 0);
        double[] z = {1, 2, 0.5};
        double[] s = Distributions.softmax(z);
        double denom = Math.exp(1) + Math.exp(2) + Math.exp(0.5);
        assertArrayEquals(new double[]{Math.exp(1) / denom, Math.exp(2) / denom, Math.exp(0.5) / denom}, s, 1e-15);
    }

    @Test
    void logitForHitsTheTargetAndKeepsTheOthersInProportion() {
        for (int trial = 0; trial < 300; trial++) {
            int k = 2 + RANDOM.nextInt(7);
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = RANDOM.nextGaussian() * 3;
            }
            int i = RANDOM.nextInt(k);
            double target = 0.01 + 0.98 * RANDOM.nextDouble();
            double[] before = Distributions.softmax(z);
            z[i] = Distributions.logitFor(z, i, target);
            double[] after = Distributions.softmax(z);
            assertEquals(target, after[i], 1e-12);
            // The logit form of the drag rule gives the same distribution as the drag rule itself.
            assertArrayEquals(Distributions.drag(before, i, target), after, 1e-12);
        }
    }
}
