package org.dlmathlab.labs.gd1d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dlmathlab.math.expr.ExpressionException;
import org.junit.jupiter.api.Test;

class Gd1dModelTest {

    @Test
    void stepsFollowTheUpdateRuleInClosedForm() {
        Gd1dModel m = new Gd1dModel();
        m.setDefaults(Map.of("preset", 0.0, "x0", 3.0, "lr", 0.1));
        for (int k = 1; k <= 10; k++) {
            m.step();
            assertEquals(3 * Math.pow(0.8, k), m.quantity("x"), 1e-12, "x_k = (1 - 2 lr)^k x0 for x^2");
        }
        assertEquals(10, m.quantity("step"));
        assertEquals(2 * m.quantity("x"), m.quantity("dfx"), 1e-12);
        assertEquals(11, m.dataSeries().get("path").rows().size());
    }

    @Test
    void regimesForTheNotesLearningRates() {
        double[][] cases = {{0.1, 1}, {0.9, 2}, {1.0, 2}, {1.1, 3}};
        for (double[] c : cases) {
            Gd1dModel m = new Gd1dModel();
            m.setDefaults(Map.of("lr", c[0]));
            for (int i = 0; i < 8; i++) {
                m.step();
            }
            assertEquals(c[1], m.quantity("regime"), "regime at lr " + c[0]);
        }
    }

    @Test
    void divergenceStopsTheRunWithoutNaN() {
        Gd1dModel m = new Gd1dModel();
        m.setDefaults(Map.of("lr", 1.5));
        for (int i = 0; i < 500; i++) {
            m.step();
        }
        assertEquals(1, m.quantity("diverged"));
        assertTrue(Double.isFinite(m.quantity("x")));
        assertTrue(m.dataSeries().get("path").rows().stream().allMatch(r -> Double.isFinite(r[1])));
        assertTrue(!m.canContinue());
    }

    @Test
    void typedFormulasAndBadParameters() {
        Gd1dModel m = new Gd1dModel();
        m.setFormula("3x^2 - 4x");
        assertEquals(-1, m.quantity("preset"));
        for (int i = 0; i < 200; i++) {
            m.step();
        }
        assertEquals(2.0 / 3, m.quantity("x"), 1e-6, "the numeric slope finds the same minimum");
        assertThrows(ExpressionException.class, () -> m.setFormula("3x^2 - (4x"));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("lr", 0));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("preset", 1.5));
        m.reset();
        assertEquals(0, m.quantity("preset"));
    }
}
