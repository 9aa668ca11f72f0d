package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class CommutationTest {

    private static final Random RANDOM = new Random(30);
    private static final Matrix2 TURN = Matrix2.rotation(Math.PI / 2);
    private static final Matrix2 SHEAR = Matrix2.shear(1);

    private static Matrix2 random() {
        return new Matrix2(RANDOM.nextGaussian() * 2, RANDOM.nextGaussian() * 2, RANDOM.nextGaussian() * 2,
                RANDOM.nextGaussian() * 2);
    }

    private static RealMatrix cm(Matrix2 m) {
        return new Array2DRowRealMatrix(new double[][]{{m.a(), m.b()}, {m.c(), m.d()}});
    }

    @Test
    void namedReasonsForTheFamiliarPairs() {
        assertEquals(Commutation.Reason.A_SCALAR, Commutation.of(Matrix2.IDENTITY, SHEAR).reason());
        assertEquals(Commutation.Reason.A_SCALAR, Commutation.of(new Matrix2(0, 0, 0, 0), SHEAR).reason());
        assertEquals(Commutation.Reason.B_SCALAR, Commutation.of(SHEAR, new Matrix2(3, 0, 0, 3)).reason());
        assertEquals(Commutation.Reason.EQUAL, Commutation.of(SHEAR, SHEAR).reason());
        assertEquals(Commutation.Reason.BOTH_DIAGONAL,
                Commutation.of(Matrix2.scaling(2, 1), Matrix2.scaling(1, 3)).reason());
        assertEquals(Commutation.Reason.BOTH_ROTATIONS,
                Commutation.of(Matrix2.rotation(Math.toRadians(30)), Matrix2.rotation(Math.toRadians(75))).reason());
        assertEquals(Commutation.Reason.BOTH_ROTATIONS, Commutation.of(TURN, new Matrix2(1, -1, 1, 1)).reason(),
                "a rotation with a uniform scaling counts");
    }

    @Test
    void orderMattersForAShearAndATurnAndTheGapIsTheLargestEntryDifference() {
        Commutation c = Commutation.of(SHEAR, TURN);
        assertFalse(c.commute());
        assertEquals(Commutation.Reason.NONE, c.reason());
        // S R = [[1, -1], [1, 0]], R S = [[0, -1], [1, 1]].
        assertEquals(1, c.gap(), 1e-15);
        Commutation mirror = Commutation.of(new Matrix2(-1, 0, 0, 1), TURN);
        assertFalse(mirror.commute());
        assertEquals(2, mirror.gap(), 1e-15, "one order mirrors in y = x, the other in y = -x");
    }

    @Test
    void everyMixOfIAndACommutesWithAAndTheMixIsRecovered() {
        for (int i = 0; i < 300; i++) {
            Matrix2 a = random();
            double alpha = RANDOM.nextGaussian();
            double beta = RANDOM.nextGaussian();
            Matrix2 b = new Matrix2(alpha + beta * a.a(), beta * a.b(), beta * a.c(), alpha + beta * a.d());
            Commutation c = Commutation.of(a, b);
            assertTrue(c.commute(), "alpha I + beta A commutes with A");
            if (c.reason() == Commutation.Reason.COMBINATION) {
                assertEquals(alpha, c.alpha(), 1e-9 * (1 + Math.abs(alpha)));
                assertEquals(beta, c.beta(), 1e-9 * (1 + Math.abs(beta)));
            }
        }
        Matrix2 a = new Matrix2(1, 2, 3, 4);
        Commutation square = Commutation.of(a, a.times(a));
        assertEquals(Commutation.Reason.COMBINATION, square.reason());
        // Cayley-Hamilton: A^2 = tr(A) A - det(A) I = 5 A + 2 I.
        assertEquals(2, square.alpha(), 1e-12);
        assertEquals(5, square.beta(), 1e-12);
    }

    @Test
    void randomPairsAgreeWithCommonsMathOnTheCommutator() {
        int commuting = 0;
        for (int i = 0; i < 500; i++) {
            Matrix2 a = random();
            Matrix2 b = random();
            RealMatrix diff = cm(a).multiply(cm(b)).subtract(cm(b).multiply(cm(a)));
            Commutation c = Commutation.of(a, b);
            assertEquals(diff.getNorm() == 0 ? 0 : maxAbs(diff), c.gap(), 1e-12);
            commuting += c.commute() ? 1 : 0;
        }
        assertEquals(0, commuting, "random pairs essentially never commute");
    }

    @Test
    void roundingNoiseStillCountsAsCommuting() {
        // Entries such as 0.1 + 0.2 are not exact in binary; the relative tolerance absorbs that.
        Matrix2 a = new Matrix2(0.1 + 0.2, 0, 0, 0.7);
        Matrix2 b = new Matrix2(0.3, 0, 0, 0.1 * 7);
        assertTrue(Commutation.of(a, b).commute());
        assertTrue(Commutation.of(Matrix2.rotation(0.3), Matrix2.rotation(1.1)).commute());
    }

    private static double maxAbs(RealMatrix m) {
        double max = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                max = Math.max(max, Math.abs(m.getEntry(i, j)));
            }
        }
        return max;
    }
}
