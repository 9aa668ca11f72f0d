package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ActivationLossTest {

    @Test
    void derivativesMatchCentralDifferencesAndClosedForms() {
        for (Activation f : Activation.values()) {
            for (double z = -6; z <= 6; z += 0.173) {
                double h = 1e-6;
                double numeric = (f.value(z + h, 0.1) - f.value(z - h, 0.1)) / (2 * h);
                assertEquals(numeric, f.derivative(z, 0.1), 1e-7, f + " at " + z);
            }
        }
        NormalDistribution n = new NormalDistribution();
        for (double z = -4; z <= 4; z += 0.5) {
            assertEquals(z * n.cumulativeProbability(z), Activation.GELU.value(z), 1e-12, "GELU = z Phi(z)");
            assertEquals(Math.tanh(z), 2 * Activation.sigmoid(2 * z) - 1, 1e-12, "tanh = 2 sigmoid(2z) - 1");
        }
        assertEquals(0.25, Activation.SIGMOID.derivative(0), 1e-15, "sigmoid's slope peaks at 1/4");
        assertTrue(Activation.SIGMOID.derivative(10) < 5e-5, "and vanishes for large z");
        assertEquals(1, Activation.sigmoid(800), 0, "no overflow");
        assertEquals(0, Activation.sigmoid(-800), 1e-300);
    }

    @Test
    void softmaxSumsToOneAndResistsOverflow() {
        double[] p = Softmax.of(new double[]{1000, 1001, 1002});
        assertEquals(1, p[0] + p[1] + p[2], 1e-15);
        double e = Math.E;
        assertEquals(e * e / (1 + e + e * e), p[2], 1e-15);
        double[] cold = Softmax.of(new double[]{1, 2, 3}, 0.01);
        assertTrue(cold[2] > 0.999999, "low temperature: nearly one-hot");
        double[] hot = Softmax.of(new double[]{1, 2, 3}, 1e6);
        assertEquals(1.0 / 3, hot[0], 1e-5, "high temperature: nearly uniform");
        assertThrows(IllegalArgumentException.class, () -> Softmax.of(new double[]{1}, 0));
    }

    @Test
    void lossesAndGradientsMatchTheNotesFormulasAndDifferences() {
        double[] p = {0.2, 0.7, 0.1};
        double[] y = {0, 1, 0};
        assertEquals((0.04 + 0.09 + 0.01) / 3, Loss.MSE.value(p, y), 1e-15);
        assertEquals((0.2 + 0.3 + 0.1) / 3, Loss.MAE.value(p, y), 1e-15);
        assertEquals(-Math.log(0.7), Loss.CATEGORICAL_CROSS_ENTROPY.value(p, y), 1e-15);
        assertEquals(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.9)) / 3,
                Loss.BINARY_CROSS_ENTROPY.value(p, y), 1e-15);
        assertTrue(Loss.CATEGORICAL_CROSS_ENTROPY.value(new double[]{1, 0}, new double[]{0, 1}) < 35,
                "clipped: a sure wrong answer costs ~34.5 nats, not infinity");
        Random r = new Random(5);
        for (Loss loss : Loss.values()) {
            for (int t = 0; t < 50; t++) {
                double[] q = {0.05 + 0.9 * r.nextDouble(), 0.05 + 0.9 * r.nextDouble()};
                double[] target = loss == Loss.CATEGORICAL_CROSS_ENTROPY ? new double[]{0, 1}
                        : new double[]{r.nextInt(2), r.nextDouble()};
                double[] g = loss.gradient(q, target);
                for (int i = 0; i < q.length; i++) {
                    double h = 1e-7;
                    double[] up = q.clone();
                    double[] down = q.clone();
                    up[i] += h;
                    down[i] -= h;
                    double numeric = (loss.value(up, target) - loss.value(down, target)) / (2 * h);
                    assertEquals(numeric, g[i], 1e-6 * Math.max(1, Math.abs(g[i])), loss + " component " + i);
                }
            }
        }
    }
}
