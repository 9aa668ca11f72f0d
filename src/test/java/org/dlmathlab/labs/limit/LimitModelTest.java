package org.dlmathlab.labs.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.math.expr.ExpressionException;
import org.junit.jupiter.api.Test;

class LimitModelTest {

    @Test
    void quantitiesFollowTheClosedFormsOfTheNotesCurve() {
        LimitModel m = new LimitModel();
        m.setDefaults(Map.of());
        for (double h : new double[]{1, 0.5, 0.1, 0.01}) {
            m.setParameter("h", h);
            // f = 3x^2 - 4x at x = 1: the forward quotient is 2 + 3h, the central one exactly 2.
            assertEquals(2 + 3 * h, m.quantity("secant"), 1e-12);
            assertEquals(3 * h, m.quantity("error"), 1e-12);
            assertEquals(-1, m.quantity("fx"));
            assertEquals(3 * (1 + h) * (1 + h) - 4 * (1 + h), m.quantity("fxh"), 1e-12);
            assertEquals(Math.log10(h), m.quantity("log_h"), 1e-15);
        }
        m.setParameter("central", 1);
        assertEquals(2, m.quantity("secant"), 1e-12);
        assertEquals(2, m.quantity("tangent"));
    }

    @Test
    void exportsTheNotesTableAsLimitCsv() {
        LimitModel m = new LimitModel();
        m.setDefaults(Map.of("h", 0.3));
        DataTable table = m.dataSeries().get("limit");
        assertEquals(List.of("h", "quotient"), table.columns());
        assertEquals(LimitModel.TABLE_ROWS, table.rows().size());
        double[] expected = {2.3, 2.03, 2.003, 2.0003, 2.00003};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], table.rows().get(i)[1], 1e-9, "row " + i);
            assertEquals(Math.pow(10, -(i + 1)), table.rows().get(i)[0], 1e-15 * Math.pow(10, -i));
        }
    }

    @Test
    void everyPresetsTangentMatchesACentralDifference() {
        LimitModel m = new LimitModel();
        m.setDefaults(Map.of());
        for (int preset = 0; preset < 6; preset++) {
            m.setParameter("preset", preset);
            for (double x = -2.3; x <= 2.3; x += 0.7) {
                m.setParameter("x", x);
                m.setParameter("h", 1e-5);
                m.setParameter("central", 1);
                assertEquals(m.quantity("tangent"), m.quantity("secant"), 1e-7, "preset " + preset + " at " + x);
            }
        }
        m.setParameter("preset", 5);
        m.setParameter("x", 0);
        assertTrue(Double.isNaN(m.quantity("tangent")), "|x| has no derivative at 0");
        m.setParameter("central", 0);
        assertEquals(1, m.quantity("secant"), "from the right, |x| rises with slope 1");
    }

    @Test
    void typedFormulasAreDifferentiatedAndTypingErrorsKeepTheCurve() {
        LimitModel m = new LimitModel();
        m.setDefaults(Map.of());
        m.setFormula("x^3 - 2x");
        m.setParameter("x", 2);
        assertEquals(10, m.quantity("tangent"), 1e-6);
        assertEquals(-1, m.quantity("preset"));
        assertThrows(ExpressionException.class, () -> m.setFormula("x^^2"));
        assertEquals(4, m.quantity("fx"), 1e-12, "the old curve stays");
        m.reset();
        assertEquals(0, m.quantity("preset"));
        assertEquals(1, m.quantity("h"));
    }

    @Test
    void badParametersAreRefusedWithAMessageAndHStaysInRange() {
        LimitModel m = new LimitModel();
        m.setDefaults(Map.of());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("h", 0));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("h", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("preset", 1.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("nope", 1));
        for (int i = 0; i < 30; i++) {
            m.scaleH(0.1);
        }
        assertEquals(LimitModel.H_MIN, m.h());
        assertTrue(Double.isFinite(m.quantity("secant")));
        m.moveX(99);
        assertEquals(LimitModel.X_LIMIT, m.x());
    }
}
