package org.dlmathlab.labs.vectors2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/** The lab's quantities against closed forms and Commons Math; parameter checks; reset. */
class Vectors2dModelTest {

    private final Vectors2dModel model = new Vectors2dModel();

    @Test
    void publishesTheQuantitiesLessonsRelyOn() {
        assertTrue(model.quantityNames().containsAll(List.of("ux", "uy", "vx", "vy", "dot", "cos", "angle", "l1",
                "l2", "linf", "alpha", "proj", "norm_sum", "norm_of_sum", "frobenius", "bias", "z")));
        assertTrue(model.parameterNames().containsAll(List.of("ux", "uy", "vx", "vy", "alpha", "bias", "m11",
                "m23")));
        assertTrue(!model.quantityNames().contains("e") && !model.parameterNames().contains("e"),
                "the evaluator's constant e must not be shadowed");
        for (String name : model.quantityNames()) {
            model.quantity(name);
        }
    }

    @Test
    void theStartingPictureInClosedForm() {
        // u = (3, 1), v = (2, 4): u·v = 10, |u| = √10, |v| = √20, cos = 10/√200 = √2/2.
        assertEquals(10, model.quantity("dot"), 1e-12);
        assertEquals(Math.sqrt(2) / 2, model.quantity("cos"), 1e-12);
        assertEquals(45, model.quantity("angle"), 1e-12);
        assertEquals(4, model.quantity("l1"), 0);
        assertEquals(Math.sqrt(10), model.quantity("l2"), 1e-12);
        assertEquals(3, model.quantity("linf"), 0);
        assertEquals(10 / Math.sqrt(20), model.quantity("proj"), 1e-12);
        assertEquals(1, model.quantity("proj_x"), 1e-12, "the shadow ends at v/2 = (1, 2)");
        assertEquals(2, model.quantity("proj_y"), 1e-12);
        assertEquals(1, model.quantity("sign"));
        assertEquals(Math.sqrt(10) + Math.sqrt(20), model.quantity("norm_sum"), 1e-12);
        assertEquals(5 * Math.sqrt(2), model.quantity("norm_of_sum"), 1e-12);
        assertEquals(Math.sqrt(14), model.quantity("frobenius"), 1e-12, "[[1, -2, 0], [2, 1, 2]]");
        assertEquals(10, model.quantity("z"), 1e-12, "w·x + b with b = 0");
    }

    @Test
    void randomStatesAgreeWithCommonsMath() {
        Random rnd = new Random(42);
        for (int t = 0; t < 500; t++) {
            // Values on the 0.1 grid, as drags and lessons give them.
            double[] u = {grid(rnd), grid(rnd)};
            double[] v = {grid(rnd), grid(rnd)};
            double alpha = Math.round((rnd.nextDouble() * 6 - 3) * 10) / 10.0;
            double bias = grid(rnd);
            model.setParameter("ux", u[0]);
            model.setParameter("uy", u[1]);
            model.setParameter("vx", v[0]);
            model.setParameter("vy", v[1]);
            model.setParameter("alpha", alpha);
            model.setParameter("bias", bias);
            double[][] m = new double[2][3];
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] = grid(rnd);
                    model.setParameter(Vectors2dModel.cellName(r, c), m[r][c]);
                }
            }
            ArrayRealVector ru = new ArrayRealVector(u);
            ArrayRealVector rv = new ArrayRealVector(v);
            assertEquals(ru.dotProduct(rv), model.quantity("dot"), 1e-12);
            assertEquals(ru.getL1Norm(), model.quantity("l1"), 1e-12);
            assertEquals(ru.getNorm(), model.quantity("l2"), 1e-12);
            assertEquals(ru.getLInfNorm(), model.quantity("linf"), 1e-12);
            assertEquals(new Array2DRowRealMatrix(m).getFrobeniusNorm(), model.quantity("frobenius"), 1e-12);
            assertEquals(rv.dotProduct(ru) + bias, model.quantity("z"), 1e-12);
            assertEquals(ru.add(rv).getNorm(), model.quantity("norm_of_sum"), 1e-12);
            assertTrue(model.quantity("norm_of_sum") <= model.quantity("norm_sum") + 1e-12);
            if (ru.getNorm() > 0 && rv.getNorm() > 0) {
                assertEquals(ru.cosine(rv), model.quantity("cos"), 1e-12);
                assertEquals(model.quantity("dot"), ru.getNorm() * rv.getNorm()
                        * Math.cos(Math.toRadians(model.quantity("angle"))), 1e-9);
                assertEquals(model.quantity("dot"), model.quantity("proj") * model.quantity("l2_v"), 1e-9);
            }
            assertEquals(Math.abs(alpha) * model.quantity("l1"), model.quantity("l1_alpha"), 1e-12);
            assertEquals(Math.abs(alpha) * model.quantity("l2"), model.quantity("l2_alpha"), 1e-12);
            assertEquals(Math.abs(alpha) * model.quantity("linf"), model.quantity("linf_alpha"), 1e-12);
        }
    }

    private static double grid(Random rnd) {
        return Math.round((rnd.nextDouble() * 20 - 10) * 10) / 10.0;
    }

    @Test
    void theSignFlipsAsTheAngleCrosses90Degrees() {
        model.setParameter("vx", 2);
        model.setParameter("vy", 4);
        model.setU(-1.9, 1);
        assertEquals(1, model.quantity("sign"));
        assertTrue(model.quantity("angle") < 90);
        model.setU(-2, 1);
        assertEquals(0, model.quantity("sign"));
        assertEquals(90, model.quantity("angle"), 1e-12);
        model.setU(-2.1, 1);
        assertEquals(-1, model.quantity("sign"));
        assertTrue(model.quantity("angle") > 90);
        assertTrue(model.quantity("proj") < 0, "the shadow points away from v");
    }

    @Test
    void zeroVectorsLeaveTheAngleUndefined() {
        model.setU(0, 0);
        assertTrue(Double.isNaN(model.quantity("cos")));
        assertTrue(Double.isNaN(model.quantity("angle")));
        assertTrue(Double.isNaN(model.quantity("sign")));
        assertEquals(0, model.quantity("proj"), 0, "the zero vector's shadow on v is a point");
        assertEquals(0, model.quantity("dot"), 0);
        model.setU(3, 1);
        model.setV(0, 0);
        assertTrue(Double.isNaN(model.quantity("proj")));
        assertTrue(Double.isNaN(model.quantity("proj_x")));
        assertTrue(Double.isNaN(model.quantity("cos")));
        assertTrue(Double.isNaN(model.quantity("boundary_dist")), "w = 0 has no boundary line");
        assertNull(model.boundaryPoint());
    }

    @Test
    void theNeuronBoundaryIsPerpendicularToTheWeights() {
        model.setV(1, 2);
        model.setParameter("bias", -4);
        assertEquals(4 / Math.sqrt(5), model.quantity("boundary_dist"), 1e-12);
        var at = model.boundaryPoint();
        assertEquals(0, at.x() * 1 + at.y() * 2 - 4, 1e-12, "the point lies on w·x + b = 0");
        model.setU(2, 1);
        assertEquals(0, model.quantity("z"), 1e-12);
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.setParameter("ux", 11));
        assertTrue(e.getMessage().contains("ux"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("alpha", 3.5));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("m12", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("ball", 3));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("w1", 1));
        assertThrows(IllegalArgumentException.class, () -> model.quantity("nope"));
        assertEquals(3, model.quantity("ux"), "a rejected value changes nothing");
    }

    @Test
    void dragsAreClampedAndAlphaToo() {
        model.setU(12, -15);
        assertEquals(10, model.quantity("ux"));
        assertEquals(-10, model.quantity("uy"));
        model.setAlpha(-7);
        assertEquals(-3, model.quantity("alpha"));
    }

    @Test
    void resetReturnsToTheLessonStartAndEveryChangeIsSignalled() {
        AtomicInteger fired = new AtomicInteger();
        model.changes().addListener(o -> fired.incrementAndGet());
        model.setDefaults(Map.of("ux", -1.0, "uy", 2.0, "m22", 5.0, "show_norms", 1.0, "ball", 2.0));
        assertEquals(-1, model.quantity("ux"));
        assertEquals(1, model.quantity("show_norms"));
        model.setParameter("ux", 4);
        model.setParameter("m22", -3);
        int before = fired.get();
        model.setParameter("m13", 7);
        assertTrue(fired.get() > before, "a matrix cell change is signalled");
        model.reset();
        assertEquals(-1, model.quantity("ux"));
        assertEquals(5, model.quantity("m22"));
        assertEquals(0, model.quantity("m13"));
        assertEquals(2, model.quantity("ball"));
        assertThrows(IllegalArgumentException.class, () -> model.setDefaults(Map.of("uz", 1.0)));
    }
}
