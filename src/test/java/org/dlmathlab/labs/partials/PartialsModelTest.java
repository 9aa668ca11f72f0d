package org.dlmathlab.labs.partials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dlmathlab.math.calculus.PartialSurface;
import org.dlmathlab.math.expr.ExpressionException;
import org.junit.jupiter.api.Test;

class PartialsModelTest {

    @Test
    void publishesTheNamedQuantities() {
        PartialsModel m = new PartialsModel();
        assertEquals(List.of("x", "y", "fx", "dfdx", "dfdy", "grad_norm", "grad_angle", "preset", "field"),
                m.quantityNames());
        assertEquals(List.of("preset", "x", "y", "field"), m.parameterNames());
    }

    @Test
    void quantitiesOfEveryPresetMatchTheirClosedForms() {
        PartialsModel m = new PartialsModel();
        double x = 1.5;
        double y = -0.5;
        m.setParameter("x", x);
        m.setParameter("y", y);
        double[][] expected = {
            {x * x + y * y, 2 * x, 2 * y},
            {x * x + 3 * y * y, 2 * x, 6 * y},
            {x * x - y * y, 2 * x, -2 * y},
            {x * y, y, x},
            {Math.sin(x) * Math.cos(y), Math.cos(x) * Math.cos(y), -Math.sin(x) * Math.sin(y)},
            {Math.exp(-(x * x + y * y) / 2), -x * Math.exp(-(x * x + y * y) / 2), -y * Math.exp(-(x * x + y * y) / 2)},
        };
        for (int k = 0; k < expected.length; k++) {
            m.setParameter("preset", k);
            assertEquals(k, m.quantity("preset"));
            assertEquals(expected[k][0], m.quantity("fx"), 1e-12);
            assertEquals(expected[k][1], m.quantity("dfdx"), 1e-12);
            assertEquals(expected[k][2], m.quantity("dfdy"), 1e-12);
            assertEquals(Math.hypot(expected[k][1], expected[k][2]), m.quantity("grad_norm"), 1e-12);
            assertEquals(Math.toDegrees(Math.atan2(expected[k][2], expected[k][1])), m.quantity("grad_angle"), 1e-9);
        }
        // The saddle at (1.5, -0.5): grad f = (3, 1).
        m.setParameter("preset", 2);
        assertEquals(3, m.quantity("dfdx"), 1e-12);
        assertEquals(1, m.quantity("dfdy"), 1e-12);
        assertEquals(Math.sqrt(10), m.quantity("grad_norm"), 1e-12);
    }

    @Test
    void theAngleIsUndefinedWhereTheGradientVanishes() {
        PartialsModel m = new PartialsModel();
        m.setParameter("x", 0);
        m.setParameter("y", 0);
        assertEquals(0, m.quantity("grad_norm"));
        assertTrue(Double.isNaN(m.quantity("grad_angle")));
    }

    @Test
    void aTypedFormulaUsesCentralDifferencesAndATypingErrorKeepsTheSurface() {
        PartialsModel m = new PartialsModel();
        m.setParameter("x", 2);
        m.setParameter("y", 0.5);
        m.setFormula("x^2*y + 3y");
        assertEquals(-1, m.quantity("preset"));
        assertEquals("x^2*y + 3y", m.formula());
        assertEquals(4 * 0.5 + 1.5, m.quantity("fx"), 1e-12);
        assertEquals(2 * 2 * 0.5, m.quantity("dfdx"), 1e-7);
        assertEquals(4 + 3, m.quantity("dfdy"), 1e-7);
        PartialSurface before = m.surface();
        assertThrows(ExpressionException.class, () -> m.setFormula("x^^2"));
        assertThrows(ExpressionException.class, () -> m.setFormula("x + z"));
        assertThrows(IllegalArgumentException.class, () -> m.setFormula("sqrt(-1 - x^2)"), "undefined everywhere");
        assertSame(before, m.surface(), "the old surface stays");
        assertEquals(-1, m.quantity("preset"));
        m.setParameter("preset", 4);
        assertNull(m.formula());
        assertEquals(4, m.quantity("preset"));
    }

    @Test
    void parametersAreCheckedAndMovesAreClamped() {
        PartialsModel m = new PartialsModel();
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("x", 3.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("y", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("preset", 6));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("preset", 1.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("h", 1));
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.moveTo(5, -7);
        assertEquals(3, m.quantity("x"));
        assertEquals(-3, m.quantity("y"));
        assertEquals(1, fired.get(), "one change for both coordinates");
        m.moveTo(3, -3);
        assertEquals(1, fired.get(), "no change, no signal");
    }

    @Test
    void resetReturnsToTheLessonStart() {
        PartialsModel m = new PartialsModel();
        m.setDefaults(Map.of("preset", 5.0, "x", -1.0, "y", 0.5));
        m.setFormula("x*y");
        m.moveTo(2, 2);
        m.setParameter("field", 1);
        m.reset();
        assertEquals(5, m.quantity("preset"));
        assertEquals(-1, m.quantity("x"));
        assertEquals(0.5, m.quantity("y"));
        assertEquals(0, m.quantity("field"));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("z", 1.0)));
    }
}
