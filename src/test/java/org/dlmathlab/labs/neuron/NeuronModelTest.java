package org.dlmathlab.labs.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class NeuronModelTest {

    private static final NormalDistribution N01 = new NormalDistribution();

    /** a = f(z) and f'(z) written out from their definitions, independently of Activation. */
    private static double[] closedForm(int activation, double z, double alpha) {
        double s = 1 / (1 + Math.exp(-z));
        return switch (activation) {
            case 0 -> new double[]{s, s * (1 - s)};
            case 1 -> {
                double t = (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z));
                yield new double[]{t, 1 - t * t};
            }
            case 2 -> new double[]{Math.max(0, z), z > 0 ? 1 : 0};
            case 3 -> new double[]{z > 0 ? z : alpha * z, z > 0 ? 1 : alpha};
            case 4 -> new double[]{z * s, s + z * s * (1 - s)};
            case 5 -> new double[]{z * N01.cumulativeProbability(z),
                N01.cumulativeProbability(z) + z * N01.density(z)};
            default -> new double[]{z, 1};
        };
    }

    @Test
    void zAndAFollowTheNeuronFormulaForEveryActivationAndInputCount() {
        NeuronModel m = new NeuronModel();
        Random r = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(3);
            int act = r.nextInt(7);
            double alpha = Math.round(r.nextDouble() * 10) / 10.0;
            double[] x = new double[3];
            double[] w = new double[3];
            double w0 = Math.round((r.nextDouble() * 10 - 5) * 10) / 10.0;
            m.setParameter("n", n);
            m.setParameter("activation", act);
            m.setParameter("alpha", alpha);
            m.setParameter("w0", w0);
            double z = w0;
            for (int i = 0; i < 3; i++) {
                x[i] = Math.round((r.nextDouble() * 10 - 5) * 10) / 10.0;
                w[i] = Math.round((r.nextDouble() * 10 - 5) * 10) / 10.0;
                m.setParameter("x" + (i + 1), x[i]);
                m.setParameter("w" + (i + 1), w[i]);
                if (i < n) {
                    z += w[i] * x[i];
                    assertEquals(w[i] * x[i], m.quantity("term" + (i + 1)), 1e-12);
                } else {
                    assertTrue(Double.isNaN(m.quantity("x" + (i + 1))), "unconnected inputs are NaN");
                    assertTrue(Double.isNaN(m.quantity("w" + (i + 1))));
                    assertTrue(Double.isNaN(m.quantity("term" + (i + 1))));
                }
            }
            double[] expected = closedForm(act, z, alpha);
            assertEquals(z, m.quantity("z"), 1e-12);
            assertEquals(expected[0], m.quantity("a"), 1e-9, "a for activation " + act + " at z = " + z);
            assertEquals(expected[1], m.quantity("slope"), 1e-9, "slope for activation " + act + " at z = " + z);
            assertEquals(n, m.quantity("n"));
            assertEquals(act, m.quantity("activation"));
        }
    }

    @Test
    void theDefaultsAreANeuronHalfWayUp() {
        NeuronModel m = new NeuronModel();
        assertEquals(0.5, m.quantity("z"), 1e-15, "-0.5 + 1.5 * 1 - 1 * 0.5");
        assertEquals(1 / (1 + Math.exp(-0.5)), m.quantity("a"), 1e-15);
        assertEquals(2, m.quantity("n"));
    }

    @Test
    void theTintedPlaneAndTheDecisionLineAgreeWithTheNeuron() {
        NeuronModel m = new NeuronModel();
        m.setParameter("n", 3);
        m.setParameter("activation", 1);
        assertEquals(m.a(), m.outputAt(m.input(0), m.input(1)), 1e-15, "the plane at the inputs is a");
        double[] line = m.decisionLine();
        for (double s = -2; s <= 2; s += 0.5) {
            assertEquals(0, m.outputAt(line[0] + s * line[2], line[1] + s * line[3]), 1e-12, "tanh(0) on the line");
        }
        m.setParameter("w1", 0);
        m.setParameter("w2", 0);
        assertEquals(null, m.decisionLine(), "no line when z does not depend on x1, x2");
    }

    @Test
    void dragsClampAndParametersAreChecked() {
        NeuronModel m = new NeuronModel();
        m.moveBias(9);
        assertEquals(5, m.quantity("w0"));
        m.moveInputs(-7, 2.5);
        assertEquals(-5, m.quantity("x1"));
        assertEquals(2.5, m.quantity("x2"));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("n", 4));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("n", 1.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("w1", 5.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("x2", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("activation", 7));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("bias", 1));
        m.nextActivation(-1);
        assertEquals(6, m.quantity("activation"), "wraps around to linear");
    }

    @Test
    void resetReturnsToTheLessonStart() {
        NeuronModel m = new NeuronModel();
        int[] fired = {0};
        m.changes().addListener(o -> fired[0]++);
        m.setDefaults(Map.of("n", 1.0, "w0", 2.0, "w1", -1.0, "x1", 3.0, "activation", 2.0));
        assertEquals(0, m.quantity("a"), "ReLU of 2 - 3 = -1");
        assertEquals(0, m.quantity("slope"));
        m.setParameter("w0", 4);
        fired[0] = 0;
        m.reset();
        assertEquals(1, fired[0], "a reset is one change");
        assertEquals(2, m.quantity("w0"));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("n", 9.0)));
    }
}
