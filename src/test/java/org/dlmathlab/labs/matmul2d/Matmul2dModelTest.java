package org.dlmathlab.labs.matmul2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.dlmathlab.math.linalg.Matrix2;
import org.junit.jupiter.api.Test;

class Matmul2dModelTest {

    private static final Random RANDOM = new Random(424242);

    private static double[][] randomEntries() {
        double[][] m = new double[2][2];
        for (double[] row : m) {
            for (int j = 0; j < 2; j++) {
                row[j] = Math.max(-10, Math.min(10, RANDOM.nextGaussian() * 3));
            }
        }
        return m;
    }

    private static void set(Matmul2dModel model, List<String> names, double[][] m) {
        model.setParameter(names.get(0), m[0][0]);
        model.setParameter(names.get(1), m[0][1]);
        model.setParameter(names.get(2), m[1][0]);
        model.setParameter(names.get(3), m[1][1]);
    }

    private static void assertProduct(RealMatrix expected, Matmul2dModel model, String prefix) {
        double scale = Math.max(1, expected.getNorm());
        assertEquals(expected.getEntry(0, 0), model.quantity(prefix + "11"), 1e-13 * scale);
        assertEquals(expected.getEntry(0, 1), model.quantity(prefix + "12"), 1e-13 * scale);
        assertEquals(expected.getEntry(1, 0), model.quantity(prefix + "21"), 1e-13 * scale);
        assertEquals(expected.getEntry(1, 1), model.quantity(prefix + "22"), 1e-13 * scale);
    }

    private static void checkAgainstCommonsMath(Matmul2dModel model, double[][] a, double[][] b, double[][] c) {
        set(model, Matmul2dModel.A_NAMES, a);
        set(model, Matmul2dModel.B_NAMES, b);
        set(model, Matmul2dModel.C_NAMES, c);
        RealMatrix ma = new Array2DRowRealMatrix(a);
        RealMatrix mb = new Array2DRowRealMatrix(b);
        RealMatrix mc = new Array2DRowRealMatrix(c);
        assertProduct(ma.multiply(mb), model, "ab");
        assertProduct(mb.multiply(ma), model, "ba");
        double detA = new LUDecomposition(ma).getDeterminant();
        double detB = new LUDecomposition(mb).getDeterminant();
        double tol = 1e-12 * Math.max(1, Math.abs(detA * detB));
        assertEquals(detA, model.quantity("det_a"), 1e-12 * Math.max(1, Math.abs(detA)));
        assertEquals(model.quantity("det_a"), model.quantity("det"), 0, "det is det A, as in every 2x2 lab");
        assertEquals(detB, model.quantity("det_b"), 1e-12 * Math.max(1, Math.abs(detB)));
        assertEquals(new LUDecomposition(ma.multiply(mb)).getDeterminant(), model.quantity("det_ab"), 1e-11 * Math.max(1, Math.abs(detA * detB)));
        assertEquals(detA * detB, model.quantity("det_ab"), tol * 10, "det(AB) = det A det B");
        assertEquals(detA * detB, model.quantity("det_ba"), tol * 10, "det(BA) = det A det B too");
        // (AB)C and A(BC) differ only by rounding, relative to the size of the numbers involved.
        double size = ma.getNorm() * mb.getNorm() * mc.getNorm();
        assertTrue(model.quantity("assoc_gap") <= 1e-14 * Math.max(1, size),
                "assoc_gap " + model.quantity("assoc_gap") + " for size " + size);
        RealMatrix commutator = ma.multiply(mb).subtract(mb.multiply(ma));
        double gap = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                gap = Math.max(gap, Math.abs(commutator.getEntry(i, j)));
            }
        }
        assertEquals(gap, model.quantity("comm_gap"), 1e-12 * Math.max(1, size));
    }

    @Test
    void productsAndDeterminantsAgreeWithCommonsMathOnRandomMatrices() {
        Matmul2dModel model = new Matmul2dModel();
        for (int i = 0; i < 1000; i++) {
            checkAgainstCommonsMath(model, randomEntries(), randomEntries(), randomEntries());
            assertEquals(0, model.quantity("commute"), "random pairs do not commute");
        }
    }

    @Test
    void handPickedMatrices() {
        Matmul2dModel model = new Matmul2dModel();
        double[][] shear = {{1, 1}, {0, 1}};
        double[][] turn = {{0, -1}, {1, 0}};
        double[][] singular = {{1, 2}, {2, 4}};
        double[][] zero = {{0, 0}, {0, 0}};
        double[][] big = {{10, -10}, {10, 10}};
        double[][] tiny = {{1e-9, 0}, {0, 1e-9}};
        double[][][] all = {shear, turn, singular, zero, big, tiny};
        for (double[][] a : all) {
            for (double[][] b : all) {
                checkAgainstCommonsMath(model, a, b, turn);
            }
        }
        set(model, Matmul2dModel.A_NAMES, shear);
        set(model, Matmul2dModel.B_NAMES, turn);
        // First the turn, then the shear: [[1, -1], [1, 0]]; the other order [[0, -1], [1, 1]].
        assertEquals(new Matrix2(1, -1, 1, 0), model.ab());
        assertEquals(new Matrix2(0, -1, 1, 1), model.ba());
        assertEquals(0, model.quantity("commute"));
        assertEquals(1, model.quantity("comm_gap"));
        set(model, Matmul2dModel.B_NAMES, singular);
        assertEquals(0, model.quantity("det_ab"), 1e-15, "a singular factor makes the product singular");
    }

    @Test
    void commuteIsOneForTheTextbookCommutingPairs() {
        Matmul2dModel model = new Matmul2dModel();
        model.setA(Matrix2.rotation(Math.toRadians(30)));
        model.setB(Matrix2.rotation(Math.toRadians(75)));
        assertEquals(1, model.quantity("commute"));
        model.setA(Matrix2.scaling(2, 1));
        model.setB(Matrix2.scaling(1, 3));
        assertEquals(1, model.quantity("commute"));
        model.setB(new Matrix2(1, 1, 0, 3));
        assertEquals(0, model.quantity("commute"));
        assertEquals(1, model.quantity("comm_gap"), 1e-15);
        model.setA(new Matrix2(2.5, 0, 0, 2.5));
        assertEquals(1, model.quantity("commute"), "a multiple of I commutes with anything");
    }

    @Test
    void theShapeRuleDrivesTheShapeQuantities() {
        Matmul2dModel model = new Matmul2dModel();
        for (int n = 1; n <= 10; n++) {
            for (int n2 = 1; n2 <= 10; n2++) {
                model.setParameter("m", 4);
                model.setParameter("n", n);
                model.setParameter("n2", n2);
                model.setParameter("p", 7);
                assertEquals(n == n2 ? 1 : 0, model.quantity("shape_ok"));
                assertEquals(n == n2 ? 4 : 0, model.quantity("result_rows"));
                assertEquals(n == n2 ? 7 : 0, model.quantity("result_cols"));
            }
        }
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> model.setParameter("n", 2.5));
        assertTrue(half.getMessage().contains("whole number"), half.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("p", 0));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("m", 11));
    }

    @Test
    void badParametersAreRejectedAndChangeNothing() {
        Matmul2dModel model = new Matmul2dModel();
        double before = model.quantity("b11");
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("b11", 10.5));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("b11", Double.NaN));
        assertEquals(before, model.quantity("b11"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> model.setParameter("e", 1));
        assertTrue(unknown.getMessage().contains("b11"), "the message lists the parameters");
        assertThrows(IllegalArgumentException.class, () -> model.quantity("e"));
        for (String name : model.quantityNames()) {
            assertTrue(Double.isFinite(model.quantity(name)), name + " is finite");
        }
    }

    @Test
    void resetReturnsToTheLessonStartAndEveryChangeSignals() {
        Matmul2dModel model = new Matmul2dModel();
        model.setDefaults(Map.of("a", 2.0, "b12", 3.0, "n2", 5.0));
        AtomicInteger fired = new AtomicInteger();
        model.changes().addListener(o -> fired.incrementAndGet());
        model.setParameter("b21", 1.5);
        model.setParameter("b21", 2);
        model.setParameter("p", 1);
        assertEquals(3, fired.get());
        model.stageProperty().set(0.4);
        assertEquals(3, fired.get(), "the playback is not a change of the quantities");
        model.reset();
        assertEquals(2, model.quantity("a"));
        assertEquals(3, model.quantity("b12"));
        assertEquals(5, model.quantity("n2"));
        assertEquals(1, model.quantity("b21"), "the lab's own default where the lesson sets none");
        assertEquals(4, model.quantity("p"));
        assertEquals(Matmul2dModel.STAGE_DONE, model.stageProperty().get());
    }

    @Test
    void swapTradesABForBAAndThePlanesShowTheStages() {
        Matmul2dModel model = new Matmul2dModel();
        Matrix2 ab = model.ab();
        Matrix2 ba = model.ba();
        model.swap();
        assertEquals(ba, model.ab());
        assertEquals(ab, model.ba());
        model.stageProperty().set(0);
        assertEquals(Matrix2.IDENTITY, model.displayedAb());
        model.stageProperty().set(1);
        assertEquals(model.matrixB(), model.displayedAb(), "the left plane applies B first");
        assertEquals(model.matrixA(), model.displayedBa(), "the right plane applies A first");
        model.stageProperty().set(2);
        assertEquals(model.ab(), model.displayedAb());
        assertEquals(model.ba(), model.displayedBa());
    }

    @Test
    void presetsStayWithinTheEntryRange() {
        Matmul2dModel model = new Matmul2dModel();
        model.setA(new Matrix2(50, -50, 0, 1));
        assertEquals(10, model.quantity("a"));
        assertEquals(-10, model.quantity("b"));
    }
}
