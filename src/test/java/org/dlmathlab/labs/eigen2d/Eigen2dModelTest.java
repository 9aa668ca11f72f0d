package org.dlmathlab.labs.eigen2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Eigen2dModelTest {

    @Test
    void quantitiesOfTheDiagonalStretch() {
        Eigen2dModel m = new Eigen2dModel();
        m.setMatrix(Preset.DIAGONAL_STRETCH.matrix());
        m.setVector(1.5, 0.5);
        assertEquals(3, m.quantity("det"), 1e-12);
        assertEquals(4, m.quantity("trace"), 1e-12);
        assertEquals(3, m.quantity("lambda1"), 1e-12);
        assertEquals(1, m.quantity("lambda2"), 1e-12);
        assertEquals(0, m.quantity("complex"));
        assertEquals(0, m.quantity("lambda_im"));
        assertTrue(Double.isNaN(m.quantity("rotation_deg")), "no rotation for real eigenvalues");
        assertEquals(3.5, m.quantity("avx"), 1e-12);
        assertEquals(2.5, m.quantity("avy"), 1e-12);
        assertEquals(0, m.quantity("on_span"));
        assertEquals(Math.toDegrees(Math.atan2(2.5, 3.5) - Math.atan2(0.5, 1.5)), m.quantity("angle"), 1e-9);
        assertEquals(1 / 3.0, m.quantity("ratio"), 1e-12);

        m.setVector(-1.2, -1.2);
        assertEquals(1, m.quantity("on_span"));
        assertEquals(0, m.quantity("angle"), 1e-9);
        assertEquals(3, m.quantity("stretch"), 1e-12);
        m.setVector(1, -1);
        assertEquals(1, m.quantity("on_span"));
        assertEquals(1, m.quantity("stretch"), 1e-12);
        for (String name : m.quantityNames()) {
            m.quantity(name);
        }
    }

    @Test
    void complexEigenvaluesReportTheTurn() {
        Eigen2dModel m = new Eigen2dModel();
        m.setMatrix(Preset.ROTATION.matrix());
        assertEquals(1, m.quantity("complex"));
        assertEquals(0, m.quantity("lambda1"), 1e-12);
        assertEquals(0, m.quantity("lambda2"), 1e-12);
        assertEquals(1, m.quantity("lambda_im"), 1e-12);
        assertEquals(90, m.quantity("rotation_deg"), 1e-9);
        assertEquals(0, m.quantity("on_span"));
        assertEquals(90, m.quantity("angle"), 1e-9);
        m.setParameter("k", 5);
        assertTrue(Double.isNaN(m.quantity("trail_angle")), "a spinning trail has no dominant line");
    }

    @Test
    void stepBuildsTheTrailTowardTheDominantLine() {
        Eigen2dModel m = new Eigen2dModel();
        m.setDefaults(Map.of("vx", 1.0, "vy", -0.8));
        assertEquals(0, m.quantity("k"));
        assertEquals(Math.toDegrees(Math.atan(9)), m.quantity("trail_angle"), 1e-9);
        assertTrue(m.canStep());
        double previous = m.quantity("trail_angle");
        for (int i = 1; i <= 6; i++) {
            m.step();
            assertEquals(i, m.quantity("k"));
            assertTrue(m.quantity("trail_angle") < previous);
            previous = m.quantity("trail_angle");
        }
        assertTrue(previous < 1, "within a degree after six steps: " + previous);
        // Normalised points have unit length; raw ones are A^6 v.
        assertEquals(1, Math.hypot(m.quantity("trail_x"), m.quantity("trail_y")), 1e-12);
        m.setParameter("normalise", 0);
        // A^6 v = alpha 3^6 u1 + beta u2 with alpha u1 = (0.1, 0.1), beta u2 = (0.9, -0.9).
        assertEquals(0.1 * 729 + 0.9, m.quantity("trail_x"), 1e-9);
        assertEquals(0.1 * 729 - 0.9, m.quantity("trail_y"), 1e-9);
        for (int i = 0; i < 40; i++) {
            m.step();
        }
        assertEquals(Eigen2dModel.MAX_K, m.quantity("k"), "Step stops at 30");
    }

    @Test
    void everyChangeSignalsAndResetReturnsToTheLessonStart() {
        Eigen2dModel m = new Eigen2dModel();
        m.setDefaults(Map.of("a", 3.0, "b", 1.0, "c", 0.0, "d", 2.0, "show_eigen", 0.0));
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.setParameter("vx", 2);
        m.setParameter("k", 4);
        m.setParameter("sweep", 1);
        assertEquals(3, fired.get());
        m.setMatrix(Preset.SHEAR.matrix());
        m.reset();
        assertEquals(3, m.quantity("a"));
        assertEquals(2, m.quantity("d"));
        assertEquals(0, m.quantity("show_eigen"));
        assertEquals(0, m.quantity("k"));
        assertEquals(0, m.quantity("sweep"));
        assertEquals(1.5, m.quantity("vx"), "the lab's own default where the lesson sets none");
    }

    @Test
    void badParametersAreRejectedWithAMessage() {
        Eigen2dModel m = new Eigen2dModel();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("e", 1));
        assertTrue(unknown.getMessage().contains("no parameter 'e'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("a", 11));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("vy", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("k", 31));
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class, () -> m.setParameter("k", 2.5));
        assertTrue(half.getMessage().contains("whole number"));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("lambda", 1.0)));
        assertEquals(2, m.quantity("a"), "nothing changed");
        m.setMatrix(new org.dlmathlab.math.linalg.Matrix2(50, -50, 0, 0));
        assertEquals(10, m.quantity("a"), "drags and presets are clamped to the range");
        assertEquals(-10, m.quantity("b"));
    }

    @Test
    void zeroVectorAndNullSpace() {
        Eigen2dModel m = new Eigen2dModel();
        m.setVector(0, 0);
        assertEquals(0, m.quantity("on_span"), "0 is never an eigenvector");
        assertTrue(Double.isNaN(m.quantity("angle")));
        m.setMatrix(new org.dlmathlab.math.linalg.Matrix2(1, 2, 0.5, 1));
        m.setVector(2, -1);
        assertEquals(1, m.quantity("on_span"), "A v = 0: an eigenvector with lambda = 0");
        assertEquals(0, m.quantity("lambda2"), 1e-12);
    }
}
