package org.dlmathlab.labs.system2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Vec2;
import org.junit.jupiter.api.Test;

class System2dModelTest {

    @Test
    void theDefaultSystemHasOneSolutionAndAnInverse() {
        System2dModel m = new System2dModel();
        // [[1, -1], [1, 1]] x = (1, 3): x1 - x2 = 1, x1 + x2 = 3, so x = (2, 1); A^-1 = (1/2) [[1, 1], [-1, 1]].
        assertEquals(2, m.quantity("det"), 1e-15);
        assertEquals(2, m.quantity("rank"));
        assertEquals(1, m.quantity("solutions"));
        assertEquals(2, m.quantity("x1"), 1e-14);
        assertEquals(1, m.quantity("x2"), 1e-14);
        assertEquals(0.5, m.quantity("inv_a"), 1e-14);
        assertEquals(0.5, m.quantity("inv_b"), 1e-14);
        assertEquals(-0.5, m.quantity("inv_c"), 1e-14);
        assertEquals(0.5, m.quantity("inv_d"), 1e-14);
        assertEquals(0, m.quantity("nullity"));
        assertTrue(Double.isNaN(m.quantity("null_x")), "no null direction at rank 2");
        assertTrue(Double.isNaN(m.quantity("col_y")));
        assertTrue(Double.isNaN(m.quantity("nx")));
        assertTrue(m.quantity("residual") < 1e-14);
        for (String name : m.quantityNames()) {
            m.quantity(name);
        }
    }

    @Test
    void theThreeStatesOfASingularMatrix() {
        System2dModel m = new System2dModel();
        m.setMatrix(new Matrix2(1, 2, 0.5, 1));
        m.setTarget(2, 1);
        assertEquals(1, m.quantity("rank"));
        assertEquals(1, m.quantity("nullity"));
        assertEquals(-1, m.quantity("solutions"), "v = (2, 1) lies on the column line y = x/2");
        assertTrue(Double.isNaN(m.quantity("inv_a")), "no inverse");
        Vec2 xp = new Vec2(m.quantity("x1"), m.quantity("x2"));
        Vec2 n = new Vec2(m.quantity("null_x"), m.quantity("null_y"));
        assertEquals(1, n.length(), 1e-15);
        Vec2 axp = m.matrix().apply(xp);
        assertEquals(2, axp.x(), 1e-14);
        assertEquals(1, axp.y(), 1e-14);
        assertEquals(0, m.matrix().apply(n).length(), 1e-15);
        assertEquals(2 / Math.sqrt(5), m.quantity("col_x"), 1e-15);
        assertEquals(1 / Math.sqrt(5), m.quantity("col_y"), 1e-15);

        m.setTarget(0, 1);
        assertEquals(0, m.quantity("solutions"));
        assertTrue(Double.isNaN(m.quantity("x1")) && Double.isNaN(m.quantity("x2")));
        // Distance from (0, 1) to the line along (2, 1): |2*1 - 1*0| / sqrt 5.
        assertEquals(2 / Math.sqrt(5), m.quantity("residual"), 1e-15);

        m.setMatrix(new Matrix2(0, 0, 0, 0));
        assertEquals(0, m.quantity("rank"));
        assertEquals(2, m.quantity("nullity"));
        assertEquals(0, m.quantity("solutions"));
        m.setTarget(0, 0);
        assertEquals(-1, m.quantity("solutions"));
        assertEquals(0, m.quantity("x1"));
        assertTrue(Double.isNaN(m.quantity("null_x")), "the whole plane has no single direction");
    }

    @Test
    void nSlidesAlongTheNullLineAndLandsOnZero() {
        System2dModel m = new System2dModel();
        m.setMatrix(new Matrix2(1, 0, 0, 0));
        m.slideNullPointTowards(new Vec2(3.7, 2.5));
        // The null space of the projection onto x is the y-axis: the nearest point to (3.7, 2.5) is (0, 2.5).
        assertEquals(2.5, m.quantity("nt"), 1e-15);
        assertEquals(0, m.quantity("nx"), 1e-15);
        assertEquals(2.5, m.quantity("ny"), 1e-15);
        Vec2 an = m.matrix().apply(m.nullPoint().orElseThrow());
        assertEquals(0, an.length(), 1e-15);
        // On the solution line x_p + t n of A x = (2, 0): x_p = (2, 0), t is the y of the nearest point.
        m.setTarget(2, 0);
        m.slideSolutionTowards(new Vec2(5, -1.5));
        assertEquals(-1.5, m.quantity("nt"), 1e-15);
        m.slideNullPointTowards(new Vec2(0, 40));
        assertEquals(System2dModel.LIMIT, m.quantity("nt"), "clamped like every other parameter");
    }

    @Test
    void thePlayBackEndsExactlyWhereItStarted() {
        System2dModel m = new System2dModel();
        m.setMatrix(new Matrix2(3, -1.3, 0.7, 2.1));
        m.phaseProperty().set(0);
        assertEquals(Matrix2.IDENTITY, m.displayedMatrix());
        m.phaseProperty().set(1);
        assertEquals(m.matrix(), m.displayedMatrix());
        m.phaseProperty().set(1.5);
        Matrix2 half = m.displayedMatrix();
        assertTrue(Math.abs(half.a() - m.matrix().a()) > 0.1, "moving on the way back");
        m.phaseProperty().set(2);
        Matrix2 back = m.displayedMatrix();
        assertEquals(1, back.a(), 1e-14);
        assertEquals(0, back.b(), 1e-14);
        assertEquals(0, back.c(), 1e-14);
        assertEquals(1, back.d(), 1e-14);
        // Goals keep seeing A during the animation.
        assertEquals(3, m.quantity("a"));
        // Singular: no way back, the plane stays squashed.
        m.setMatrix(new Matrix2(1, 2, 2, 4));
        assertEquals(m.matrix(), m.displayedMatrix());
    }

    @Test
    void changesFireAndResetReturnsToTheLessonStart() {
        System2dModel m = new System2dModel();
        m.setDefaults(Map.of("a", 1.0, "b", 2.0, "c", 0.5, "d", 1.0, "vx", 1.0));
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.setParameter("vy", 5);
        m.setParameter("vy", 4);
        m.setParameter("nt", -2);
        assertEquals(3, fired.get());
        m.phaseProperty().set(0.3);
        assertEquals(3, fired.get(), "the animation phase is not a quantity change");
        m.reset();
        assertEquals(System2dModel.IDLE, m.phaseProperty().get());
        assertEquals(2, m.quantity("b"));
        assertEquals(1, m.quantity("vx"));
        assertEquals(3, m.quantity("vy"), "the lab's own default where the lesson sets none");
        assertEquals(1, m.quantity("nt"));
    }

    @Test
    void badParametersAreRejectedWithAMessage() {
        System2dModel m = new System2dModel();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("e", 1));
        assertTrue(unknown.getMessage().contains("'e'"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("vx", -11));
        assertTrue(range.getMessage().contains("between -10 and 10"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("nt", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.quantity("x3"));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("zz", 1.0)));
        m.setIhat(50, -50);
        assertEquals(System2dModel.LIMIT, m.quantity("a"));
        assertEquals(-System2dModel.LIMIT, m.quantity("c"));
    }
}
