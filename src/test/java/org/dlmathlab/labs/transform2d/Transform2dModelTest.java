package org.dlmathlab.labs.transform2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Transform2dModelTest {

    @Test
    void quantitiesFollowTheMatrixAndTheProbe() {
        Transform2dModel m = new Transform2dModel();
        m.setIhat(1, 2);
        m.setJhat(-1, 1);
        m.setProbe(3, 2);
        assertEquals(1, m.quantity("ihat_x"));
        assertEquals(2, m.quantity("ihat_y"));
        assertEquals(-1, m.quantity("jhat_x"));
        assertEquals(1, m.quantity("jhat_y"));
        assertEquals(1 * 1 - (-1) * 2, m.quantity("det"), 1e-15);
        assertEquals(2, m.quantity("trace"), 1e-15);
        assertEquals(3 * 1 + 2 * -1, m.quantity("avx"), 1e-15);
        assertEquals(3 * 2 + 2 * 1, m.quantity("avy"), 1e-15);
        assertEquals(2, m.quantity("rank"));
        assertEquals(1, m.quantity("orientation"));
        // lambda = 1 +- sqrt(1 - 3) is complex: real part 1, imaginary sqrt 2.
        assertEquals(0, m.quantity("eig_real"));
        assertEquals(1, m.quantity("lambda1"), 1e-12);
        assertEquals(Math.sqrt(2), m.quantity("lambda_im"), 1e-12);
        for (String name : m.quantityNames()) {
            m.quantity(name);
        }
    }

    @Test
    void everyChangeSignalsOnceAndResetReturnsToTheLessonStart() {
        Transform2dModel m = new Transform2dModel();
        m.setDefaults(Map.of("a", 2.0, "d", 0.5, "vx", 1.0));
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.setParameter("b", 1);
        m.setParameter("b", 1.5);
        m.setParameter("b", 2);
        assertEquals(3, fired.get(), "each change must fire, even without anyone reading the value");
        m.reset();
        assertEquals(2, m.quantity("a"));
        assertEquals(0, m.quantity("b"));
        assertEquals(0.5, m.quantity("d"));
        assertEquals(1, m.quantity("vx"));
        assertEquals(1, m.quantity("vy"), "the lab's own default where the lesson sets none");
    }

    @Test
    void badParametersAreRejectedWithAMessage() {
        Transform2dModel m = new Transform2dModel();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("e", 1));
        assertTrue(unknown.getMessage().contains("'e'"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("a", 11));
        assertTrue(range.getMessage().contains("between -10 and 10"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("a", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("zz", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> m.quantity("nope"));
    }

    @Test
    void dragsAreClampedToTheLimit() {
        Transform2dModel m = new Transform2dModel();
        m.setIhat(50, -50);
        assertEquals(Transform2dModel.LIMIT, m.quantity("a"));
        assertEquals(-Transform2dModel.LIMIT, m.quantity("c"));
    }

    @Test
    void morphDoesNotChangeTheQuantitiesGoalsSee() {
        Transform2dModel m = new Transform2dModel();
        m.setParameter("a", 3);
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.morphProperty().set(0.25);
        assertEquals(0, fired.get());
        assertEquals(3, m.quantity("a"));
        assertEquals(1.5, m.displayedMatrix().a(), 1e-15);
    }
}
