package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** A x = v against Commons Math: LU for the unique solution and the inverse, SVD for rank, null space and A^+ v. */
class LinearSystem2Test {

    private static RealMatrix cm(Matrix2 m) {
        return new Array2DRowRealMatrix(new double[][]{{m.a(), m.b()}, {m.c(), m.d()}});
    }

    private static RealVector cm(Vec2 v) {
        return new ArrayRealVector(new double[]{v.x(), v.y()});
    }

    private static double cond(Matrix2 m) {
        double[] s = new SingularValueDecomposition(cm(m)).getSingularValues();
        return s[0] / s[1];
    }

    /** The truncated-SVD pseudo-inverse solution: singular values below 1e-9 sigma_max count as zero. */
    private static Vec2 pseudoInverseSolve(Matrix2 m, Vec2 v) {
        SingularValueDecomposition svd = new SingularValueDecomposition(cm(m));
        double[] s = svd.getSingularValues();
        RealVector x = new ArrayRealVector(2);
        for (int i = 0; i < 2; i++) {
            if (s[i] > 1e-9 * s[0]) {
                RealVector ui = svd.getU().getColumnVector(i);
                RealVector vi = svd.getV().getColumnVector(i);
                x = x.add(vi.mapMultiply(ui.dotProduct(cm(v)) / s[i]));
            }
        }
        return new Vec2(x.getEntry(0), x.getEntry(1));
    }

    private static void assertClose(Vec2 expected, Vec2 actual, double tol, String what) {
        assertEquals(expected.x(), actual.x(), tol, what + " x: " + expected + " vs " + actual);
        assertEquals(expected.y(), actual.y(), tol, what + " y: " + expected + " vs " + actual);
    }

    @Test
    void uniqueSolutionAndInverseAgreeWithLuOnManyRandomMatrices() {
        Random random = new Random(20240611);
        int checked = 0;
        for (int i = 0; i < 5000; i++) {
            Matrix2 a = new Matrix2(20 * random.nextDouble() - 10, 20 * random.nextDouble() - 10,
                    20 * random.nextDouble() - 10, 20 * random.nextDouble() - 10);
            Vec2 v = new Vec2(20 * random.nextDouble() - 10, 20 * random.nextDouble() - 10);
            if (a.rank() < 2) {
                continue;
            }
            LinearSystem2 sys = LinearSystem2.solve(a, v);
            RealVector expected = new LUDecomposition(cm(a)).getSolver().solve(cm(v));
            Vec2 x = sys.solution().orElseThrow();
            // Both solve the same system; they may differ by rounding amplified by the condition number.
            double tol = 1e-13 * cond(a) * (1 + x.length());
            assertClose(new Vec2(expected.getEntry(0), expected.getEntry(1)), x, tol, a.toString());
            assertEquals(LinearSystem2.Kind.ONE, sys.kind());
            assertEquals(1, sys.kind().count());
            assertEquals(2, new SingularValueDecomposition(cm(a)).getRank());
            RealMatrix inv = new LUDecomposition(cm(a)).getSolver().getInverse();
            Matrix2 ours = sys.inverse().orElseThrow();
            double itol = 1e-13 * cond(a) * inv.getNorm();
            assertEquals(inv.getEntry(0, 0), ours.a(), itol);
            assertEquals(inv.getEntry(0, 1), ours.b(), itol);
            assertEquals(inv.getEntry(1, 0), ours.c(), itol);
            assertEquals(inv.getEntry(1, 1), ours.d(), itol);
            assertTrue(sys.residual() <= 1e-12 * (10 * x.length() + v.length()), "A x = v, residual " + sys.residual());
            assertEquals(0, sys.nullity());
            checked++;
        }
        assertTrue(checked > 4900, "almost every random matrix is invertible: " + checked);
    }

    @Test
    void handPickedSystemsHaveTheirClosedFormAnswers() {
        // 2x + y = 5, x - y = 1  =>  x = 2, y = 1.
        LinearSystem2 sys = LinearSystem2.solve(new Matrix2(2, 1, 1, -1), new Vec2(5, 1));
        assertClose(new Vec2(2, 1), sys.solution().orElseThrow(), 1e-15, "x");
        // A^-1 = (1/det) [[d, -b], [-c, a]] with det = -3.
        Matrix2 inv = sys.inverse().orElseThrow();
        assertEquals(1.0 / 3, inv.a(), 1e-15);
        assertEquals(1.0 / 3, inv.b(), 1e-15);
        assertEquals(1.0 / 3, inv.c(), 1e-15);
        assertEquals(-2.0 / 3, inv.d(), 1e-15);
        // A rotation's inverse is its transpose.
        Matrix2 rot = Matrix2.rotation(0.7);
        Matrix2 rinv = LinearSystem2.solve(rot, new Vec2(1, 0)).inverse().orElseThrow();
        assertEquals(rot.c(), rinv.b(), 1e-15);
        assertEquals(rot.b(), rinv.c(), 1e-15);
        // Inverse times A is the identity.
        Matrix2 a = new Matrix2(3, -2, 0.5, 4);
        Matrix2 back = LinearSystem2.solve(a, Vec2.ZERO).inverse().orElseThrow().times(a);
        assertEquals(1, back.a(), 1e-15);
        assertEquals(0, back.b(), 1e-15);
        assertEquals(0, back.c(), 1e-15);
        assertEquals(1, back.d(), 1e-15);
    }

    @Test
    void parallelColumnsWithVOnTheLineGiveALineOfSolutions() {
        // Columns (1, 2) and (2, 4): everything lands on y = 2x. v = (3, 6) is on it.
        Matrix2 a = new Matrix2(1, 2, 2, 4);
        Vec2 v = new Vec2(3, 6);
        LinearSystem2 sys = LinearSystem2.solve(a, v);
        assertEquals(LinearSystem2.Kind.INFINITELY_MANY, sys.kind());
        assertEquals(-1, sys.kind().count());
        assertEquals(1, sys.rank());
        assertEquals(1, sys.nullity());
        assertTrue(sys.inverse().isEmpty(), "no inverse at det = 0");
        Vec2 xp = sys.solution().orElseThrow();
        Vec2 n = sys.nullSpace().direction();
        // A x_p = v, A n = 0, and the least-norm x_p is perpendicular to the null space.
        assertClose(v, a.apply(xp), 1e-14, "A x_p");
        assertClose(Vec2.ZERO, a.apply(n), 1e-15, "A n");
        assertEquals(0, xp.dot(n), 1e-15);
        // The null space of x + 2y = 0 is along (2, -1)/sqrt 5 (sign fixed to point right).
        assertClose(new Vec2(2 / Math.sqrt(5), -1 / Math.sqrt(5)), n, 1e-15, "n");
        // The row direction is (1, 2)/sqrt 5 and x_p = (u . v / s) w = (3/5)(1, 2).
        assertClose(new Vec2(0.6, 1.2), xp, 1e-14, "x_p");
        assertClose(new Vec2(1 / Math.sqrt(5), 2 / Math.sqrt(5)), sys.columnSpace().direction(), 1e-15, "u");
        // Every point of the solution line solves the system.
        for (double t = -5; t <= 5; t += 0.5) {
            assertClose(v, a.apply(sys.solutionAt(t)), 1e-13, "A (x_p + t n)");
        }
        assertTrue(sys.residual() < 1e-14);
    }

    @Test
    void parallelColumnsWithVOffTheLineHaveNoSolutionButALeastSquaresAnswer() {
        Matrix2 a = new Matrix2(1, 2, 2, 4);
        Vec2 v = new Vec2(1, 0);
        LinearSystem2 sys = LinearSystem2.solve(a, v);
        assertEquals(LinearSystem2.Kind.NONE, sys.kind());
        assertEquals(0, sys.kind().count());
        assertTrue(sys.solution().isEmpty());
        assertThrows(IllegalStateException.class, () -> sys.solutionAt(1));
        // Distance from (1, 0) to the line y = 2x is |2*1 - 0| / sqrt 5.
        assertEquals(2 / Math.sqrt(5), sys.residual(), 1e-15);
        // A A^+ v is the foot of the perpendicular: ((1,0).(1,2)/5) (1, 2) = (0.2, 0.4).
        assertClose(new Vec2(0.2, 0.4), a.apply(sys.leastSquares()), 1e-15, "A x^");
        assertClose(pseudoInverseSolve(a, v), sys.leastSquares(), 1e-14, "A^+ v");
    }

    @Test
    void theZeroMatrixSolvesOnlyVEqualsZero() {
        Matrix2 zero = new Matrix2(0, 0, 0, 0);
        LinearSystem2 every = LinearSystem2.solve(zero, Vec2.ZERO);
        assertEquals(LinearSystem2.Kind.INFINITELY_MANY, every.kind());
        assertEquals(0, every.rank());
        assertEquals(2, every.nullity());
        assertEquals(Vec2.ZERO, every.solution().orElseThrow());
        assertEquals(0, every.columnSpace().dimension());
        assertThrows(IllegalStateException.class, () -> every.nullSpace().direction());
        LinearSystem2 none = LinearSystem2.solve(zero, new Vec2(0.1, 0));
        assertEquals(LinearSystem2.Kind.NONE, none.kind());
        assertEquals(0.1, none.residual(), 1e-17);
        assertTrue(none.inverse().isEmpty());
    }

    @Test
    void projectionsAndAxisMatricesHaveTheExpectedSubspaces() {
        // Projection onto the x-axis: C = x-axis, N = y-axis.
        LinearSystem2 p = LinearSystem2.solve(new Matrix2(1, 0, 0, 0), new Vec2(2, 0));
        assertEquals(new Vec2(1, 0), p.columnSpace().direction());
        assertEquals(new Vec2(0, 1), p.nullSpace().direction());
        assertEquals(new Vec2(2, 0), p.solution().orElseThrow());
        // Projection onto y = x: [[1/2, 1/2], [1/2, 1/2]]; N is along (1, -1).
        LinearSystem2 diag = LinearSystem2.solve(new Matrix2(0.5, 0.5, 0.5, 0.5), new Vec2(1, 1));
        double r = 1 / Math.sqrt(2);
        assertClose(new Vec2(r, -r), diag.nullSpace().direction(), 1e-15, "n");
        assertClose(new Vec2(1, 1), diag.solution().orElseThrow(), 1e-15, "x_p");
        // Only one column non-zero.
        LinearSystem2 col2 = LinearSystem2.solve(new Matrix2(0, 3, 0, 0), new Vec2(-6, 0));
        assertEquals(new Vec2(1, 0), col2.nullSpace().direction());
        assertClose(new Vec2(0, -2), col2.solution().orElseThrow(), 1e-15, "x_p");
    }

    @Test
    void rankOneMatricesMatchTheSvdOnRandomOuterProducts() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Vec2 p = new Vec2(random.nextGaussian() * 3, random.nextGaussian() * 3);
            Vec2 q = new Vec2(random.nextGaussian(), random.nextGaussian());
            Matrix2 a = new Matrix2(p.x() * q.x(), p.x() * q.y(), p.y() * q.x(), p.y() * q.y());
            assertEquals(1, a.rank(), a.toString());
            SingularValueDecomposition svd = new SingularValueDecomposition(cm(a));
            assertTrue(svd.getSingularValues()[1] <= 1e-14 * svd.getSingularValues()[0], "rank 1 by SVD too");
            double t = random.nextGaussian() * 2;
            Vec2 on = p.times(t);
            LinearSystem2 sys = LinearSystem2.solve(a, on);
            assertEquals(LinearSystem2.Kind.INFINITELY_MANY, sys.kind(), a + " v=" + on);
            Vec2 n = sys.nullSpace().direction();
            Vec2 u = sys.columnSpace().direction();
            // Same lines as the SVD's: |cos| = 1 between our directions and its singular vectors.
            assertEquals(1, Math.abs(n.dot(new Vec2(svd.getV().getEntry(0, 1), svd.getV().getEntry(1, 1)))), 1e-12);
            assertEquals(1, Math.abs(u.dot(new Vec2(svd.getU().getEntry(0, 0), svd.getU().getEntry(1, 0)))), 1e-12);
            double scale = a.maxAbs();
            assertTrue(a.apply(n).length() <= 1e-14 * scale, "A n = 0: " + a.apply(n));
            assertTrue(sys.residual() <= 1e-13 * (1 + on.length()), "A x_p = v: " + sys.residual());
            assertClose(pseudoInverseSolve(a, on), sys.leastSquares(), 1e-12 * (1 + sys.leastSquares().length()),
                    "least-norm x_p = A^+ v");
            // Off the line: a v with a clear perpendicular part has no solution, and A^+ v still matches.
            Vec2 off = on.plus(new Vec2(-u.y(), u.x()).times(0.3 + random.nextDouble()));
            LinearSystem2 none = LinearSystem2.solve(a, off);
            assertEquals(LinearSystem2.Kind.NONE, none.kind());
            assertEquals(Math.abs(Subspaces2.cross(u, off)), none.residual(), 1e-12 * (1 + off.length()));
            assertClose(pseudoInverseSolve(a, off), none.leastSquares(), 1e-12 * (1 + none.leastSquares().length()),
                    "least-squares A^+ v");
        }
    }

    @Test
    void nearlySingularMatricesAreSolvedOnTheRightSideOfTheTolerance() {
        // det = 1e-6 relative: still invertible; LU must agree although the answer is large.
        for (double eps : new double[]{1e-3, 1e-5, 1e-6, 1e-7}) {
            Matrix2 a = new Matrix2(1, 2, 0.5, 1 + eps);
            Vec2 v = new Vec2(1, 1);
            LinearSystem2 sys = LinearSystem2.solve(a, v);
            assertEquals(2, sys.rank(), "eps " + eps);
            // Closed form: det = eps, x = (1/eps) [[1 + eps, -2], [-0.5, 1]] (1, 1).
            Vec2 exact = new Vec2((1 + eps - 2) / eps, (-0.5 + 1) / eps);
            Vec2 x = sys.solution().orElseThrow();
            assertClose(exact, x, 1e-15 * cond(a) * x.length(), "eps " + eps);
            RealVector lu = new LUDecomposition(cm(a)).getSolver().solve(cm(v));
            assertClose(new Vec2(lu.getEntry(0), lu.getEntry(1)), x, 1e-15 * cond(a) * x.length(), "LU, eps " + eps);
        }
        // Below the tolerance (det relative 1e-12) the matrix is treated as rank 1: no division by a tiny det.
        Matrix2 flat = new Matrix2(1, 2, 0.5, 1 + 1e-12);
        LinearSystem2 sys = LinearSystem2.solve(flat, new Vec2(2, 1));
        assertEquals(1, sys.rank());
        assertEquals(LinearSystem2.Kind.INFINITELY_MANY, sys.kind());
        assertTrue(sys.leastSquares().length() < 2, "a sensible least-norm x_p, not 1e12: " + sys.leastSquares());
        assertTrue(flat.apply(sys.nullSpace().direction()).length() < 1e-11);
        assertEquals(LinearSystem2.Kind.NONE, LinearSystem2.solve(flat, new Vec2(1, 1)).kind());
    }

    @Test
    void theScaleOfTheMatrixDoesNotChangeTheAnswer() {
        Matrix2 base = new Matrix2(2, 1, 1, -1);
        Vec2 v = new Vec2(5, 1);
        for (double k : new double[]{1e-8, 1e-4, 1, 1e4, 1e8}) {
            Matrix2 a = new Matrix2(2 * k, k, k, -k);
            LinearSystem2 sys = LinearSystem2.solve(a, v.times(k));
            assertEquals(2, sys.rank(), "k = " + k);
            assertClose(new Vec2(2, 1), sys.solution().orElseThrow(), 1e-14, "k = " + k);
            assertEquals(1 / (3 * k), sys.inverse().orElseThrow().a(), 1e-14 / k);
        }
        assertEquals(2, LinearSystem2.solve(base, v).rank());
    }

    @Test
    void handPickedSingularMatricesMatchTheSvdRankAndNullSpace() {
        List<Matrix2> list = List.of(new Matrix2(1, 2, 2, 4), new Matrix2(1, 0, 0, 0), new Matrix2(0, 0, 0, 1),
                new Matrix2(0, 1, 0, 0), new Matrix2(-3, 1.5, 2, -1), new Matrix2(0.1, 0.3, 0.2, 0.6),
                new Matrix2(0, 0, 0, 0), new Matrix2(5, 0, 0, 3), new Matrix2(0, -1, 1, 0));
        for (Matrix2 a : list) {
            SingularValueDecomposition svd = new SingularValueDecomposition(cm(a));
            assertEquals(svd.getRank(), a.rank(), a.toString());
            assertEquals(2 - svd.getRank(), Subspaces2.nullity(a));
            assertEquals(2, Subspaces2.columnSpace(a).dimension() + Subspaces2.nullSpace(a).dimension(),
                    "rank + nullity = 2 for " + a);
            if (svd.getRank() == 1) {
                Vec2 n = Subspaces2.nullSpace(a).direction();
                assertEquals(1, Math.abs(n.dot(new Vec2(svd.getV().getEntry(0, 1), svd.getV().getEntry(1, 1)))),
                        1e-14, a.toString());
                assertEquals(1, n.length(), 1e-15);
                assertTrue(a.apply(n).length() < 1e-15, a.toString());
                assertFalse(Subspaces2.columnSpace(a).contains(Subspaces2.perpendicular(
                        Subspaces2.columnSpace(a).direction()), 1e-9));
            }
        }
    }

    @Test
    void nonFiniteInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LinearSystem2.solve(new Matrix2(Double.NaN, 0, 0, 1), Vec2.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> LinearSystem2.solve(Matrix2.IDENTITY, new Vec2(Double.POSITIVE_INFINITY, 0)));
    }
}
