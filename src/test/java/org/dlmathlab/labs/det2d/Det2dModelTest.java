package org.dlmathlab.labs.det2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.dlmathlab.math.linalg.Matrix2;
import org.junit.jupiter.api.Test;

class Det2dModelTest {

    private static final Random RANDOM = new Random(4040);

    private static double luDet(double a, double b, double c, double d) {
        RealMatrix m = new Array2DRowRealMatrix(new double[][]{{a, b}, {c, d}});
        // Threshold 0 so nearly singular matrices keep their tiny det; a zero pivot column (the zero matrix) divides
        // 0 by 0 there, so ask the default decomposition, which reports it singular with det 0.
        double det = new LUDecomposition(m, 0).getDeterminant();
        return Double.isNaN(det) ? new LUDecomposition(m).getDeterminant() : det;
    }

    private static double entry() {
        // Whole range of the lab, and often a value on the 0.1 grid that drags snap to.
        double v = (RANDOM.nextDouble() * 2 - 1) * Det2dModel.LIMIT;
        return RANDOM.nextBoolean() ? Math.round(v * 10) / 10.0 : v;
    }

    @Test
    void determinantMatchesCommonsMathOnRandomMatrices() {
        Det2dModel m = new Det2dModel();
        for (int i = 0; i < 2000; i++) {
            double[] e = {entry(), entry(), entry(), entry()};
            m.setParameter("a", e[0]);
            m.setParameter("b", e[1]);
            m.setParameter("c", e[2]);
            m.setParameter("d", e[3]);
            double expected = luDet(e[0], e[1], e[2], e[3]);
            double scale = new Matrix2(e[0], e[1], e[2], e[3]).maxAbs();
            assertEquals(expected, m.quantity("det"), 1e-13 * scale * scale);
            assertEquals(m.quantity("det"), m.quantity("det_a"));
            assertEquals(Math.abs(expected), m.quantity("area"), 1e-13 * scale * scale);
            if (Math.abs(expected) > 1e-6 * scale * scale) {
                assertEquals(Math.signum(expected), m.quantity("orientation"));
                assertEquals(2, m.quantity("rank"));
            }
        }
    }

    @Test
    void handPickedSingularAndNearlySingularMatrices() {
        Det2dModel m = new Det2dModel();
        double[][] cases = {
            {1, 2, 0.5, 1},          // parallel columns: det 0, rank 1
            {0, 0, 0, 0},            // zero matrix: rank 0
            {0.3, 0.6, 0.1, 0.2},    // on the 0.1 grid, rounding noise only
            {3, -6, -1.5, 3},
            {0, 5, 0, 2},            // i-hat squashed to 0
            {1, 1, 1, 1 + 1e-12},    // nearly singular: det 1e-12 is below the relative tolerance, rank 1
            {1, 1, 1, 1 + 1e-6},     // nearly singular but clearly rank 2
            {1e-3, 0, 0, 1e-3},      // tiny but invertible: det 1e-6
            {10, 10, -10, 10},       // the largest entries: det 200
            {-10, 9.9, 10, -9.9},    // det 0 at the edge of the range
        };
        double[] ranks = {1, 0, 1, 1, 1, 1, 2, 2, 2, 1};
        for (int i = 0; i < cases.length; i++) {
            double[] e = cases[i];
            m.setMatrix(new Matrix2(e[0], e[1], e[2], e[3]));
            double expected = luDet(e[0], e[1], e[2], e[3]);
            assertEquals(expected, m.quantity("det"), 1e-14 * Math.max(1, e[0] * e[0] + e[1] * e[1]), "case " + i);
            assertEquals(ranks[i], m.quantity("rank"), "rank of case " + i);
            if (ranks[i] < 2) {
                assertEquals(0, m.quantity("orientation"), "a singular matrix has no orientation, case " + i);
            }
        }
        m.setMatrix(new Matrix2(1, 1, 1, 1 + 1e-6));
        assertEquals(1e-6, m.quantity("det"), 1e-15);
        assertEquals(1, m.quantity("orientation"));
    }

    @Test
    void productRuleHoldsAndMatchesCommonsMath() {
        Det2dModel m = new Det2dModel();
        for (int i = 0; i < 1000; i++) {
            double[] a = {entry(), entry(), entry(), entry()};
            double[] b = {entry(), entry(), entry(), entry()};
            m.setMatrix(new Matrix2(a[0], a[1], a[2], a[3]));
            m.setParameter("b11", b[0]);
            m.setParameter("b12", b[1]);
            m.setParameter("b21", b[2]);
            m.setParameter("b22", b[3]);
            RealMatrix ab = new Array2DRowRealMatrix(new double[][]{{a[0], a[1]}, {a[2], a[3]}})
                    .multiply(new Array2DRowRealMatrix(new double[][]{{b[0], b[1]}, {b[2], b[3]}}));
            double luAb = new LUDecomposition(ab, 0).getDeterminant();
            // Entries up to 10, products up to 200, det(AB) up to 8e4: allow for rounding at that scale.
            assertEquals(luAb, m.quantity("det_ab"), 1e-9);
            assertEquals(luDet(b[0], b[1], b[2], b[3]), m.quantity("det_b"), 1e-12);
            assertEquals(m.quantity("det_a") * m.quantity("det_b"), m.quantity("det_ab"), 1e-9,
                    "det(AB) = det A det B");
        }
    }

    @Test
    void shapeAreasScaleByAbsDet() {
        Det2dModel m = new Det2dModel();
        assertEquals(0, m.quantity("shape_points"));
        assertTrue(Double.isNaN(m.quantity("shape_ratio")), "no shape, no ratio");
        assertEquals(0, m.quantity("shape_area"));
        m.setParameter("shape", 2);
        assertEquals(1.25, m.quantity("shape_area"), 1e-14);
        assertEquals(2, m.quantity("shape"));
        m.setMatrix(new Matrix2(2, 1, -1, 3));
        assertEquals(7, m.quantity("det"), 1e-14);
        assertEquals(7 * 1.25, m.quantity("image_area"), 1e-12);
        assertEquals(7, m.quantity("shape_ratio"), 1e-12);
        m.setMatrix(new Matrix2(0, 1, 1, 0));
        assertEquals(1, m.quantity("shape_ratio"), 1e-12, "a flip keeps the area: ratio |det| = 1");
        m.setMatrix(new Matrix2(1, 2, 0.5, 1));
        assertEquals(0, m.quantity("image_area"), 1e-14);
        assertEquals(0, m.quantity("shape_ratio"), 1e-14);
        m.setParameter("shape", 1);
        assertEquals(1.5, m.quantity("shape_area"), 1e-14);
    }

    @Test
    void drawnPointsBuildAShapeAndUndoOrClearRemoveThem() {
        Det2dModel m = new Det2dModel();
        m.setMatrix(Matrix2.scaling(2, 3));
        assertTrue(m.addPoint(0, 0));
        assertTrue(m.addPoint(2, 0));
        assertFalse(m.addPoint(2, 0), "a repeated click adds nothing");
        assertEquals(2, m.quantity("shape_points"));
        assertTrue(Double.isNaN(m.quantity("shape_ratio")), "two points enclose nothing");
        assertEquals(0, m.quantity("shape_area"));
        assertTrue(m.addPoint(0, 1));
        assertEquals(-1, m.quantity("shape"), "a drawn shape is no preset");
        assertEquals(1, m.quantity("shape_area"), 1e-15);
        assertEquals(6, m.quantity("image_area"), 1e-14);
        assertEquals(6, m.quantity("shape_ratio"), 1e-14);
        m.removeLastPoint();
        assertEquals(2, m.quantity("shape_points"));
        m.clearShape();
        assertEquals(0, m.quantity("shape_points"));
        assertEquals(0, m.quantity("shape"));
        for (int i = 0; i < Det2dModel.MAX_POINTS + 10; i++) {
            m.addPoint(Math.cos(i * 0.01), Math.sin(i * 0.01));
        }
        assertEquals(Det2dModel.MAX_POINTS, m.quantity("shape_points"));
    }

    @Test
    void everyChangeSignalsAndResetReturnsToTheLessonStart() {
        Det2dModel m = new Det2dModel();
        m.setDefaults(Map.of("a", 2.0, "d", 0.5, "b11", 3.0, "shape", 1.0));
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.setJhat(-1, 0.5);
        assertTrue(fired.get() >= 1);
        int before = fired.get();
        m.addPoint(4, 4);
        assertTrue(fired.get() > before, "the shape is a quantity too");
        m.morphProperty().set(0.3);
        m.reset();
        assertEquals(2, m.quantity("a"));
        assertEquals(0, m.quantity("b"));
        assertEquals(0.5, m.quantity("d"));
        assertEquals(3, m.quantity("b11"));
        assertEquals(1, m.quantity("shape"));
        assertEquals(3, m.quantity("shape_points"));
        assertEquals(1, m.morphProperty().get());
        for (String name : m.quantityNames()) {
            m.quantity(name);
        }
    }

    @Test
    void badValuesAreRejectedWithAClearMessage() {
        Det2dModel m = new Det2dModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("a", 11));
        assertTrue(e.getMessage().contains("between -10 and 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("b22", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("shape", 1.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("shape", 3));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("e", 1));
        assertTrue(unknown.getMessage().contains("no parameter 'e'"));
        assertEquals(1, m.quantity("a"), "a rejected value changes nothing");
        m.setIhat(50, -50);
        assertEquals(10, m.quantity("a"), "drags are clamped to the range");
        assertEquals(-10, m.quantity("c"));
    }

    @Test
    void theMorphRunsFromTheIdentityToA() {
        Det2dModel m = new Det2dModel();
        m.setMatrix(new Matrix2(1, 2, 0.5, 1));
        m.morphProperty().set(0);
        assertEquals(Matrix2.IDENTITY, m.displayedMatrix());
        m.morphProperty().set(0.5);
        assertEquals(new Matrix2(1, 1, 0.25, 1), m.displayedMatrix());
        assertEquals(0, m.quantity("det"), 1e-15, "goals see A itself, not the morph");
        m.morphProperty().set(1);
        assertEquals(m.matrix(), m.displayedMatrix());
    }
}
