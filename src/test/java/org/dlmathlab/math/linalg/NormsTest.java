package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/** Norms, dot products and projections against Commons Math and the closed forms. */
class NormsTest {

    private static final int TRIALS = 2000;

    private static double[] randomVector(Random rnd, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        return x;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void vectorNormsMatchCommonsMath() {
        Random rnd = new Random(15);
        for (int t = 0; t < TRIALS; t++) {
            int n = 1 + rnd.nextInt(12);
            double[] x = randomVector(rnd, n, Math.pow(10, rnd.nextInt(7) - 3));
            ArrayRealVector ref = new ArrayRealVector(x);
            assertClose(ref.getL1Norm(), Norms.l1(x), "L1 of " + ref);
            assertClose(ref.getNorm(), Norms.l2(x), "L2 of " + ref);
            assertClose(ref.getLInfNorm(), Norms.linf(x), "Linf of " + ref);
            assertClose(ref.getL1Norm(), Norms.Kind.L1.of(x), "Kind.L1");
            assertClose(ref.getNorm(), Norms.Kind.L2.of(x), "Kind.L2");
            assertClose(ref.getLInfNorm(), Norms.Kind.LINF.of(x), "Kind.LINF");
        }
    }

    @Test
    void frobeniusMatchesCommonsMath() {
        Random rnd = new Random(3);
        for (int t = 0; t < TRIALS; t++) {
            int rows = 1 + rnd.nextInt(5);
            int cols = 1 + rnd.nextInt(5);
            double[][] a = new double[rows][];
            for (int i = 0; i < rows; i++) {
                a[i] = randomVector(rnd, cols, 10);
            }
            double ref = new Array2DRowRealMatrix(a).getFrobeniusNorm();
            assertClose(ref, Norms.frobenius(a), "Frobenius");
            assertClose(ref * ref, Norms.sumOfSquares(a), "sum of squares");
        }
    }

    @Test
    void theNotesExamples() {
        // u = (3, -4): ‖u‖₂ = 5, ‖u‖₁ = 7; a 4 x 9 matrix of ones has Frobenius norm 6.
        assertEquals(5, Norms.l2(3, -4), 0);
        assertEquals(7, Norms.l1(3, -4), 0);
        assertEquals(4, Norms.linf(3, -4), 0);
        double[][] ones = new double[4][9];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1);
        }
        assertEquals(6, Norms.frobenius(ones), 1e-15);
        assertEquals(0, Norms.l2(0, 0), 0);
        assertEquals(0, Norms.l1(), 0);
    }

    @Test
    void l2NeitherOverflowsNorUnderflows() {
        assertEquals(5e300, Norms.l2(3e300, 4e300), 1e286);
        assertEquals(5e-300, Norms.l2(3e-300, 4e-300), 1e-314);
    }

    @Test
    void dotIsLengthTimesLengthTimesCosine() {
        Random rnd = new Random(7);
        for (int t = 0; t < TRIALS; t++) {
            int n = 2 + rnd.nextInt(6);
            double[] u = randomVector(rnd, n, 10);
            double[] v = randomVector(rnd, n, 10);
            double dot = Norms.dot(u, v);
            assertClose(new ArrayRealVector(u).dotProduct(new ArrayRealVector(v)), dot, "dot");
            assertEquals(dot, Norms.l2(u) * Norms.l2(v) * Math.cos(Norms.angle(u, v)),
                    1e-9 * Norms.l2(u) * Norms.l2(v), "u.v = |u||v| cos θ");
            assertEquals(new ArrayRealVector(u).cosine(new ArrayRealVector(v)), Norms.cosine(u, v), 1e-12);
            double theta = Norms.angle(u, v);
            assertTrue(theta >= 0 && theta <= Math.PI);
            // The scalar projection times |v| gives back the dot product.
            assertEquals(dot, Norms.scalarProjection(u, v) * Norms.l2(v), 1e-9 * Math.max(1, Math.abs(dot)));
        }
    }

    @Test
    void vectorProjectionLeavesAPerpendicularRemainder() {
        Random rnd = new Random(11);
        for (int t = 0; t < TRIALS; t++) {
            double[] u = randomVector(rnd, 3, 10);
            double[] v = randomVector(rnd, 3, 10);
            double[] p = Norms.vectorProjection(u, v);
            double[] ref = new ArrayRealVector(u).projection(new ArrayRealVector(v)).toArray();
            assertArrayEquals(ref, p, 1e-9);
            double[] rest = {u[0] - p[0], u[1] - p[1], u[2] - p[2]};
            assertEquals(0, Norms.dot(rest, v), 1e-9 * Norms.l2(u) * Norms.l2(v), "u - proj is perpendicular to v");
            assertEquals(Math.abs(Norms.scalarProjection(u, v)), Norms.l2(p), 1e-9);
        }
    }

    @Test
    void triangleInequalityHoldsOnRandomPairsAndIsTightOnlyForSameDirection() {
        Random rnd = new Random(21);
        for (int t = 0; t < TRIALS; t++) {
            int n = 2 + rnd.nextInt(4);
            double[] u = randomVector(rnd, n, 10);
            double[] v = randomVector(rnd, n, 10);
            double[] sum = new double[n];
            for (int i = 0; i < n; i++) {
                sum[i] = u[i] + v[i];
            }
            for (Norms.Kind kind : Norms.Kind.values()) {
                assertTrue(kind.of(sum) <= kind.of(u) + kind.of(v) + 1e-12, kind + " triangle inequality");
            }
            assertFalse(Norms.triangleIsTight(u, v), "random pairs are not parallel");
            double k = rnd.nextDouble() * 5;
            double[] same = new double[n];
            for (int i = 0; i < n; i++) {
                same[i] = k * u[i];
            }
            assertTrue(Norms.triangleIsTight(u, same), "v = k u with k >= 0 makes it an equality");
        }
        assertTrue(Norms.triangleIsTight(new Vec2(1, 2), Vec2.ZERO));
        assertFalse(Norms.triangleIsTight(new Vec2(1, 2), new Vec2(-1, -2)));
    }

    @Test
    void scalingScalesEveryNormByAbsAlpha() {
        Random rnd = new Random(5);
        for (int t = 0; t < TRIALS; t++) {
            double[] x = randomVector(rnd, 1 + rnd.nextInt(6), 10);
            double alpha = rnd.nextDouble() * 6 - 3;
            double[] ax = x.clone();
            for (int i = 0; i < ax.length; i++) {
                ax[i] *= alpha;
            }
            for (Norms.Kind kind : Norms.Kind.values()) {
                assertEquals(Math.abs(alpha) * kind.of(x), kind.of(ax), 1e-12 * Math.max(1, kind.of(ax)),
                        kind + " of alpha x");
            }
        }
    }

    @Test
    void zeroVectorsHaveNoAngleAndNoDirectionToProjectOn() {
        Vec2 zero = Vec2.ZERO;
        Vec2 v = new Vec2(1, 2);
        assertTrue(Double.isNaN(Norms.cosine(zero, v)));
        assertTrue(Double.isNaN(Norms.cosine(v, zero)));
        assertTrue(Double.isNaN(Norms.angle(zero, zero)));
        assertTrue(Double.isNaN(Norms.scalarProjection(v, zero)));
        assertTrue(Double.isNaN(Norms.vectorProjection(v, zero).x()));
        assertEquals(0, Norms.scalarProjection(zero, v), 0, "the zero vector's shadow on v has length 0");
        assertEquals(Vec2.ZERO, Norms.vectorProjection(zero, v));
        assertEquals(Norms.AngleKind.UNDEFINED, Norms.classify(zero, v));
        assertTrue(Double.isNaN(Norms.AngleKind.UNDEFINED.sign()));
        assertEquals(0, Norms.dot(zero, v), 0);
    }

    @Test
    void classifyReadsTheSignOfTheDotProductAndForgivesRoundingNoise() {
        assertEquals(Norms.AngleKind.ACUTE, Norms.classify(new Vec2(3, 1), new Vec2(1, 2)));
        assertEquals(Norms.AngleKind.OBTUSE, Norms.classify(new Vec2(-3, 1), new Vec2(1, 2)));
        assertEquals(Norms.AngleKind.RIGHT, Norms.classify(new Vec2(-2, 1), new Vec2(1, 2)));
        // 0.3 * -0.1 + 0.1 * 0.3 is not exactly 0 in floating point, yet the vectors are perpendicular.
        assertEquals(Norms.AngleKind.RIGHT, Norms.classify(new Vec2(0.3, 0.1), new Vec2(-0.1, 0.3)));
        assertEquals(Norms.AngleKind.ACUTE, Norms.classify(new Vec2(0.3, 0.1), new Vec2(-0.1, 0.31)));
        assertEquals(90, Math.toDegrees(Norms.angle(new Vec2(-2, 1), new Vec2(1, 2))), 1e-12);
        assertEquals(45, Math.toDegrees(Norms.angle(new Vec2(3, 1), new Vec2(1, 2))), 1e-12);
        assertEquals(180, Math.toDegrees(Norms.angle(new Vec2(1, 1), new Vec2(-2, -2))), 1e-12);
        assertEquals(0, Math.toDegrees(Norms.angle(new Vec2(1, 1), new Vec2(2, 2))), 1e-12);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Norms.dot(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Norms.cosine(new double[2], new double[1]));
    }
}
