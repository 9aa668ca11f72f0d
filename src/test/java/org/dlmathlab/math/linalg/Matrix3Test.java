package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class Matrix3Test {

    private static final Random RANDOM = new Random(20261124);

    private static RealMatrix cm(Matrix3 m) {
        return new Array2DRowRealMatrix(m.toArray());
    }

    private static Matrix3 random(double spread) {
        double[][] rows = new double[3][3];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                row[j] = RANDOM.nextGaussian() * spread;
            }
        }
        return Matrix3.of(rows);
    }

    /** A random whole number in [-5, 5], the lab's range. */
    private static int small() {
        return RANDOM.nextInt(11) - 5;
    }

    private static Vec3 smallVector() {
        return new Vec3(small(), small(), small());
    }

    /** Hand-picked matrices: singular, nearly singular, permutations, triangular, presets. */
    private static List<Matrix3> handPicked() {
        List<Matrix3> list = new ArrayList<>();
        list.add(Matrix3.IDENTITY);
        list.add(Matrix3.ZERO);
        list.add(Matrix3.scaling(2, 3, 0.5));
        list.add(Matrix3.scaling(1, 1, -1));
        list.add(Matrix3.rotationZ(Math.PI / 2));
        list.add(Matrix3.rotationZ(0.3));
        list.add(new Matrix3(1, 1, 0, 0, 1, 0, 0, 0, 1));
        // Third column = first + second: flat onto a plane.
        list.add(Matrix3.fromColumns(new Vec3(1, 0, 0.5), new Vec3(0, 1, 0.5), new Vec3(1, 1, 1)));
        // All columns parallel: a line.
        list.add(Matrix3.fromColumns(new Vec3(1, 2, 1), new Vec3(2, 4, 2), new Vec3(-1, -2, -1)));
        list.add(new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9));
        // Nearly singular: 1e-6 away from a plane, and a tiny but honest matrix.
        list.add(new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9 + 1e-6));
        list.add(Matrix3.scaling(1e-3, 1e-3, 1e-3));
        // The six permutation matrices (det +1 for even, -1 for odd).
        int[][] perms = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
        for (int[] p : perms) {
            double[][] rows = new double[3][3];
            for (int i = 0; i < 3; i++) {
                rows[i][p[i]] = 1;
            }
            list.add(Matrix3.of(rows));
        }
        // Upper and lower triangular.
        list.add(new Matrix3(2, -1, 4, 0, 3, 5, 0, 0, -0.5));
        list.add(new Matrix3(-2, 0, 0, 1.5, 4, 0, 3, -5, 0.25));
        list.add(new Matrix3(5, 5, 5, -5, 5, -5, 5, -5, -5));
        return list;
    }

    @Test
    void determinantAgreesWithCommonsMathLu() {
        for (Matrix3 m : handPicked()) {
            double lu = new LUDecomposition(cm(m)).getDeterminant();
            assertEquals(lu, m.det(), 1e-12 * Math.max(1, Math.abs(lu)), m.toString());
        }
        for (int i = 0; i < 2000; i++) {
            Matrix3 m = random(i % 2 == 0 ? 2 : 0.2);
            double lu = new LUDecomposition(cm(m)).getDeterminant();
            assertEquals(lu, m.det(), 1e-10 * Math.max(1, Math.abs(lu)), m.toString());
        }
    }

    @Test
    void determinantIsTheCofactorExpansionWrittenOut() {
        // a(ei - fh) - b(di - fg) + c(dh - eg) with the numbers of a worked example: 2(0*1 - 1*4) - ...
        Matrix3 m = new Matrix3(2, -1, 3, 1, 0, 1, -2, 4, 1);
        double[] minors = m.firstRowMinors();
        assertEquals(0 * 1 - 1 * 4, minors[0]);
        assertEquals(1 * 1 - 1 * (-2), minors[1]);
        assertEquals(1 * 4 - 0 * (-2), minors[2]);
        assertEquals(2 * (-4) - (-1) * 3 + 3 * 4, m.det());
        assertEquals(7, m.det());
    }

    @Test
    void knownDeterminantsOfThePresets() {
        assertEquals(1, Matrix3.IDENTITY.det());
        assertEquals(3, Matrix3.scaling(2, 3, 0.5).det(), 1e-15);
        assertEquals(-1, Matrix3.scaling(1, 1, -1).det());
        assertEquals(1, Matrix3.rotationZ(0.7).det(), 1e-15);
        assertEquals(1, new Matrix3(1, 1, 0, 0, 1, 0, 0, 0, 1).det());
        assertEquals(0, new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9).det(), 1e-12);
    }

    @Test
    void rankAgreesWithCommonsMathSvd() {
        for (Matrix3 m : handPicked()) {
            assertEquals(new SingularValueDecomposition(cm(m)).getRank(), m.rank(), m.toString());
        }
        int[] seen = new int[4];
        for (int i = 0; i < 3000; i++) {
            // Whole-number columns built to have rank 0, 1, 2 or 3, as a learner's snapped drags would.
            int wanted = i % 4;
            Vec3 u = smallVector();
            Vec3 v = smallVector();
            Vec3 w = smallVector();
            Matrix3 m = switch (wanted) {
                case 0 -> Matrix3.ZERO;
                case 1 -> Matrix3.fromColumns(u, u.times(small()), u.times(small()));
                case 2 -> Matrix3.fromColumns(u, v, u.times(small()).plus(v.times(small())));
                default -> Matrix3.fromColumns(u, v, w);
            };
            int svd = new SingularValueDecomposition(cm(m)).getRank();
            assertEquals(svd, m.rank(), m.toString());
            seen[svd]++;
        }
        for (int r = 0; r <= 3; r++) {
            assertTrue(seen[r] > 100, "rank " + r + " was exercised " + seen[r] + " times");
        }
        for (int i = 0; i < 1000; i++) {
            Matrix3 m = random(3);
            assertEquals(new SingularValueDecomposition(cm(m)).getRank(), m.rank(), m.toString());
        }
    }

    @Test
    void rankIsRelativeToTheScaleOfTheEntries() {
        assertEquals(3, Matrix3.scaling(1e-6, 1e-6, 1e-6).rank(), "a tiny cube is still a solid");
        assertEquals(2, new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9).rank());
        assertEquals(3, new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9.001).rank());
        assertEquals(2, new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9 + 1e-13).rank(), "rounding noise is not a volume");
        assertEquals(1, Matrix3.fromColumns(new Vec3(1, 2, 1), new Vec3(2, 4, 2), Vec3.ZERO).rank());
        assertEquals(0, Matrix3.ZERO.rank());
        assertTrue(Matrix3.ZERO.isSingular());
        assertFalse(Matrix3.IDENTITY.isSingular());
    }

    @Test
    void volumeIsTheTripleProductOfTheColumns() {
        for (int i = 0; i < 1000; i++) {
            Matrix3 m = random(2);
            double triple = Vec3.triple(m.column1(), m.column2(), m.column3());
            assertEquals(triple, m.det(), 1e-10 * Math.max(1, Math.abs(triple)));
        }
        // The unit cube's image under diag(2, 3, 0.5) is a box of volume 2 * 3 * 0.5.
        Matrix3 box = Matrix3.scaling(2, 3, 0.5);
        assertEquals(3, Vec3.triple(box.column1(), box.column2(), box.column3()), 1e-15);
        // Swapping two columns mirrors the solid: same volume, opposite sign.
        Matrix3 m = new Matrix3(1, 2, 0, 0, 1, 3, 2, 0, 1);
        Matrix3 swapped = Matrix3.fromColumns(m.column2(), m.column1(), m.column3());
        assertEquals(-m.det(), swapped.det(), 1e-12);
        assertEquals(13, m.det(), 1e-12);
    }

    @Test
    void applyAndTimesAgreeWithCommonsMathAndDetMultiplies() {
        for (int i = 0; i < 500; i++) {
            Matrix3 a = random(2);
            Matrix3 b = random(2);
            RealMatrix product = cm(a).multiply(cm(b));
            Matrix3 ab = a.times(b);
            for (int r = 1; r <= 3; r++) {
                for (int c = 1; c <= 3; c++) {
                    assertEquals(product.getEntry(r - 1, c - 1), ab.entry(r, c), 1e-10);
                }
            }
            assertEquals(a.det() * b.det(), ab.det(), 1e-8 * Math.max(1, Math.abs(ab.det())));
            Vec3 v = new Vec3(RANDOM.nextGaussian(), RANDOM.nextGaussian(), RANDOM.nextGaussian());
            double[] expected = cm(a).operate(new double[]{v.x(), v.y(), v.z()});
            Vec3 av = a.apply(v);
            assertEquals(expected[0], av.x(), 1e-12);
            assertEquals(expected[1], av.y(), 1e-12);
            assertEquals(expected[2], av.z(), 1e-12);
        }
        // The columns are where the basis lands.
        Matrix3 m = new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(m.column1(), m.apply(Vec3.X));
        assertEquals(m.column2(), m.apply(Vec3.Y));
        assertEquals(m.column3(), m.apply(Vec3.Z));
    }

    @Test
    void morphFromIdentityRunsFromIToA() {
        Matrix3 a = new Matrix3(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(Matrix3.IDENTITY, a.fromIdentity(0));
        assertEquals(a, a.fromIdentity(1));
        Matrix3 half = a.fromIdentity(0.5);
        assertEquals(0.5 * 1 + 0.5, half.m11());
        assertEquals(1, half.m12());
        // A singular target flattens only at the very end: det is a cubic in t vanishing at t = 1.
        assertTrue(Math.abs(a.fromIdentity(0.9).det()) > 0.01);
        assertEquals(0, a.fromIdentity(1).det(), 1e-12);
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Matrix3.of(new double[][]{{1, 2}, {3, 4}}));
    }
}
