package org.dlmathlab.labs.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class ActivationsModelTest {

    @Test
    void valuesAndSlopesMatchClosedFormsAcrossTheProbeRange() {
        ActivationsModel m = new ActivationsModel();
        NormalDistribution n = new NormalDistribution();
        m.setParameter("alpha", 0.2);
        for (double z = -8; z <= 8; z += 0.0625) {
            m.setParameter("z", z);
            double s = 1 / (1 + Math.exp(-z));
            double[][] expected = {
                {s, s * (1 - s)},
                {Math.tanh(z), 1 / (Math.cosh(z) * Math.cosh(z))},
                {Math.max(0, z), z > 0 ? 1 : 0},
                {z > 0 ? z : 0.2 * z, z > 0 ? 1 : 0.2},
                {z * s, s * (1 + z * (1 - s))},
                {0.5 * z * Erf.erfc(-z / Math.sqrt(2)), n.cumulativeProbability(z) + z * n.density(z)},
            };
            for (int a = 0; a < expected.length; a++) {
                m.setParameter("activation", a);
                assertEquals(expected[a][0], m.quantity("fz"), 1e-12, "f of " + a + " at " + z);
                assertEquals(expected[a][1], m.quantity("dfz"), 1e-12, "f' of " + a + " at " + z);
                assertEquals(Math.abs(expected[a][1]) < 0.05 ? 1 : 0, m.quantity("vanishing"), a + " at " + z);
            }
        }
    }

    @Test
    void softmaxSumsToOneForRandomLogitsAndTemperatures() {
        ActivationsModel m = new ActivationsModel();
        Random r = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int k = 2 + r.nextInt(5);
            double t = Math.pow(10, -1 + 2 * r.nextDouble());
            m.setParameter("k", k);
            m.setParameter("t", t);
            double[] logits = new double[k];
            for (int i = 0; i < 6; i++) {
                double v = r.nextDouble() * 20 - 10;
                m.setParameter("logit" + (i + 1), v);
                if (i < k) {
                    logits[i] = v;
                }
            }
            double denominator = 0;
            for (double l : logits) {
                denominator += Math.exp(l / t);
            }
            double sum = 0;
            int best = 0;
            for (int i = 0; i < k; i++) {
                double p = m.quantity("p" + (i + 1));
                assertEquals(Math.exp(logits[i] / t) / denominator, p, 1e-12);
                assertTrue(p > 0 || logits[i] / t < -700, "positive unless it underflows");
                sum += p;
                best = logits[i] > logits[best] ? i : best;
            }
            for (int i = k; i < 6; i++) {
                assertTrue(Double.isNaN(m.quantity("p" + (i + 1))), "no p beyond k");
            }
            assertEquals(1, sum, 1e-12);
            assertEquals(1, m.quantity("psum"), 1e-12);
            assertEquals(best + 1, m.quantity("argmax"));
            assertEquals(m.quantity("p" + (best + 1)), m.quantity("pmax"));
        }
    }

    @Test
    void coldIsNearlyOneHotAndHotIsNearlyUniform() {
        ActivationsModel m = new ActivationsModel();
        m.setParameter("k", 3);
        m.setParameter("logit1", 1);
        m.setParameter("logit2", 2);
        m.setParameter("logit3", 1.5);
        m.setParameter("t", 0.1);
        assertEquals(1 - Math.exp(-5) - Math.exp(-10), m.quantity("p2"), 1e-3);
        assertTrue(m.quantity("pmax") > 0.99, "a gap of 0.5 at t = 0.1 is a gap of 5");
        m.setParameter("t", 10);
        double e1 = Math.exp(0.1);
        double e2 = Math.exp(0.2);
        double e15 = Math.exp(0.15);
        assertEquals(e2 / (e1 + e2 + e15), m.quantity("p2"), 1e-14);
        assertTrue(m.quantity("pmax") - 1.0 / 3 < 0.04, "nearly uniform");
        m.setParameter("t", 1);
        assertEquals(Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(1.5)), m.quantity("p2"), 1e-14);
    }

    @Test
    void regionsParametersAndReset() {
        ActivationsModel m = new ActivationsModel();
        m.setParameter("activation", 2);
        assertEquals(1, m.vanishingRegions(-6, 6).size());
        m.setParameter("z", -1);
        assertEquals(1, m.quantity("vanishing"), "ReLU is flat for z < 0");
        assertEquals(0, m.quantity("dfz"));
        m.moveZ(12);
        assertEquals(8, m.quantity("z"));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("t", 0.05));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("k", 7));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("activation", 6));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("show_relu", 0.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("logit7", 1));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("logit1", 11));
        m.setParameter("show_gelu", 1);
        assertEquals(1, m.quantity("show_gelu"));
        m.setDefaults(java.util.Map.of("activation", 3.0, "z", -2.0));
        m.setParameter("z", 3);
        m.reset();
        assertEquals(-2, m.quantity("z"));
        assertEquals(0, m.quantity("show_gelu"));
        assertEquals(-0.2, m.quantity("fz"), 1e-15, "leaky ReLU with alpha 0.1");
        for (String q : m.quantityNames()) {
            m.quantity(q);
        }
    }
}
