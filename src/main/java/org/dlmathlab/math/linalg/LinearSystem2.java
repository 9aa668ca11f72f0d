package org.dlmathlab.math.linalg;

import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The 2x2 linear system A x = v, solved for every rank without ever dividing by zero.
 *
 * <ul>
 *   <li><b>rank 2</b> (det A != 0): exactly one solution x = A^-1 v. It is found by LU decomposition with partial
 *       pivoting (Commons Math {@link LUDecomposition}), applied to A / m and v / m where m is A's largest entry, so
 *       the pivot test is relative to the matrix's scale; A^-1 = (A / m)^-1 / m comes from the same factors.</li>
 *   <li><b>rank 1</b>: A = s u w^T with unit column direction u, unit row direction w and s = u . (A w). A x always
 *       lies on the line C(A) = span{u}, so A x = v is solvable only when v lies on that line (|u x v| <= 1e-9 |v|).
 *       Then the solutions are the line x_p + t n: the least-norm particular solution
 *       x_p = A^+ v = (u . v / s) w (the pseudo-inverse, which lies in the row space, perpendicular to N(A)) plus any
 *       multiple of the null direction n = w-perp. When v is off the line there is no solution; A^+ v is then the
 *       least-squares answer, sent by A to the foot (u . v) u of the perpendicular from v.</li>
 *   <li><b>rank 0</b> (A = 0): A x = 0 for every x, so every x solves A x = 0 and nothing solves A x = v != 0.</li>
 * </ul>
 *
 * <p>The residual |A x^ - v| is measured for x^ = A^+ v in every case: (rounding-level) zero when a solution exists,
 * else the distance from v to the column space.
 *
 * @param kind          how many solutions
 * @param rank          rank of A (0, 1, 2), as {@link Matrix2#rank()} decides it
 * @param leastSquares  A^+ v: the unique solution, the least-norm solution, or the least-squares answer when none
 * @param residual      |A A^+ v - v|
 * @param columnSpace   C(A)
 * @param nullSpace     N(A)
 * @param inverse       A^-1 at rank 2, else empty
 */
public record LinearSystem2(Kind kind, int rank, Vec2 leastSquares, double residual, Subspaces2.Subspace columnSpace,
                            Subspaces2.Subspace nullSpace, Optional<Matrix2> inverse) {

    /** Relative tolerance under which v counts as lying on the column line: the sine of the angle between them. */
    public static final double ON_LINE_TOLERANCE = 1e-9;

    /** How many solutions A x = v has. */
    public enum Kind {
        ONE(1), NONE(0), INFINITELY_MANY(-1);

        private final int count;

        Kind(int count) {
            this.count = count;
        }

        /** 1, 0, or -1 standing for infinitely many (the lab's {@code solutions} quantity). */
        public int count() {
            return count;
        }
    }

    /** Solves A x = v; see the class comment for each rank. */
    public static LinearSystem2 solve(Matrix2 a, Vec2 v) {
        if (!Double.isFinite(a.maxAbs()) || !Double.isFinite(v.x()) || !Double.isFinite(v.y())) {
            throw new IllegalArgumentException("A x = v needs finite numbers, not A = " + a + ", v = " + v);
        }
        Subspaces2.Subspace col = Subspaces2.columnSpace(a);
        Subspaces2.Subspace nul = Subspaces2.nullSpace(a);
        int rank = col.dimension();
        if (rank == 2) {
            double m = a.maxAbs();
            DecompositionSolver lu = new LUDecomposition(matrix(a, 1 / m)).getSolver();
            RealVector x = lu.solve(new ArrayRealVector(new double[]{v.x() / m, v.y() / m}, false));
            RealMatrix inv = lu.getInverse().scalarMultiply(1 / m);
            Vec2 sol = new Vec2(x.getEntry(0), x.getEntry(1));
            Matrix2 inverse = new Matrix2(inv.getEntry(0, 0), inv.getEntry(0, 1), inv.getEntry(1, 0),
                    inv.getEntry(1, 1));
            return new LinearSystem2(Kind.ONE, 2, sol, residual(a, sol, v), col, nul, Optional.of(inverse));
        }
        if (rank == 1) {
            Vec2 u = col.direction();
            Vec2 w = Subspaces2.rowSpace(a).direction();
            double s = u.dot(a.apply(w));
            Vec2 xp = w.times(u.dot(v) / s);
            Kind kind = col.contains(v, ON_LINE_TOLERANCE) ? Kind.INFINITELY_MANY : Kind.NONE;
            return new LinearSystem2(kind, 1, xp, residual(a, xp, v), col, nul, Optional.empty());
        }
        Kind kind = v.length() == 0 ? Kind.INFINITELY_MANY : Kind.NONE;
        return new LinearSystem2(kind, 0, Vec2.ZERO, v.length(), col, nul, Optional.empty());
    }

    /** The solution when there is exactly one, the least-norm one when there are infinitely many, else empty. */
    public Optional<Vec2> solution() {
        return kind == Kind.NONE ? Optional.empty() : Optional.of(leastSquares);
    }

    /** The solution set's particular point plus {@code t} steps along the unit null direction: x_p + t n. */
    public Vec2 solutionAt(double t) {
        if (kind != Kind.INFINITELY_MANY || nullSpace.dimension() != 1) {
            throw new IllegalStateException("the solutions form a line only at rank 1 with v on the column space");
        }
        return leastSquares.plus(nullSpace.direction().times(t));
    }

    /** 2 - rank: the dimension of the null space. */
    public int nullity() {
        return nullSpace.dimension();
    }

    private static RealMatrix matrix(Matrix2 a, double scale) {
        return new Array2DRowRealMatrix(new double[][]{
                {a.a() * scale, a.b() * scale}, {a.c() * scale, a.d() * scale}}, false);
    }

    private static double residual(Matrix2 a, Vec2 x, Vec2 v) {
        return a.apply(x).minus(v).length();
    }
}
