package org.dlmathlab.math.linalg;

import java.util.List;

/**
 * The column space and the null space of a 2x2 matrix A = [[a, b], [c, d]], with an orthonormal basis of each.
 *
 * <ul>
 *   <li>column space C(A) = { A x } = span{(a, c), (b, d)}: every output A can reach; its dimension is the rank</li>
 *   <li>null space N(A) = { x : A x = 0 }: every input A sends to the origin; its dimension is the nullity</li>
 *   <li>rank-nullity: dim C(A) + dim N(A) = 2 (the number of columns)</li>
 * </ul>
 *
 * <p>At rank 1 the rows of A are multiples of one row direction w and the columns multiples of one column direction u,
 * so A = s u w^T for a number s != 0. Then C(A) = span{u}, and N(A) = span{w-perp} with w-perp = (-w_y, w_x), because
 * each row of A is a multiple of w and w . w-perp = 0. u and w are taken from the longer column and the longer row,
 * which are the ones least spoiled by rounding. Rank follows {@link Matrix2#rank()} (a relative tolerance on det).
 */
public final class Subspaces2 {

    private Subspaces2() {
    }

    /**
     * A subspace of the plane: the origin alone (dimension 0), a line through it (1) or the whole plane (2).
     *
     * @param dimension 0, 1 or 2
     * @param basis     an orthonormal basis: empty, one unit vector, or (1, 0) and (0, 1)
     */
    public record Subspace(int dimension, List<Vec2> basis) {

        public static final Subspace POINT = new Subspace(0, List.of());
        public static final Subspace PLANE = new Subspace(2, List.of(new Vec2(1, 0), new Vec2(0, 1)));

        public static Subspace line(Vec2 unitDirection) {
            return new Subspace(1, List.of(unitDirection));
        }

        /** The unit direction of a line; only a subspace of dimension 1 has one. */
        public Vec2 direction() {
            if (dimension != 1) {
                throw new IllegalStateException("a subspace of dimension " + dimension + " is not a line");
            }
            return basis.get(0);
        }

        /**
         * Whether p lies in this subspace, up to a relative tolerance: for a line, |u x p| <= tol |p| (the sine of
         * the angle between p and the line is tiny); for the point, p = 0 exactly; the plane holds everything.
         */
        public boolean contains(Vec2 p, double relativeTolerance) {
            return switch (dimension) {
                case 2 -> true;
                case 1 -> Math.abs(cross(direction(), p)) <= relativeTolerance * p.length();
                default -> p.length() == 0;
            };
        }
    }

    /** C(A): the span of the columns. */
    public static Subspace columnSpace(Matrix2 m) {
        return switch (m.rank()) {
            case 2 -> Subspace.PLANE;
            case 1 -> Subspace.line(canonical(longer(m.column1(), m.column2()).normalized()));
            default -> Subspace.POINT;
        };
    }

    /** N(A): the inputs sent to 0; the line perpendicular to the rows at rank 1. */
    public static Subspace nullSpace(Matrix2 m) {
        return switch (m.rank()) {
            case 2 -> Subspace.POINT;
            case 1 -> Subspace.line(canonical(perpendicular(rowDirection(m))));
            default -> Subspace.PLANE;
        };
    }

    /** The row space: span of the rows (a, b), (c, d), the line of inputs that A does not flatten at rank 1. */
    public static Subspace rowSpace(Matrix2 m) {
        return switch (m.rank()) {
            case 2 -> Subspace.PLANE;
            case 1 -> Subspace.line(canonical(rowDirection(m)));
            default -> Subspace.POINT;
        };
    }

    /** dim N(A) = 2 - rank A. */
    public static int nullity(Matrix2 m) {
        return 2 - m.rank();
    }

    /** The z-component of the cross product, u_x p_y - u_y p_x: |u||p| sin(angle from u to p). */
    public static double cross(Vec2 u, Vec2 p) {
        return u.x() * p.y() - u.y() * p.x();
    }

    /** p turned a quarter turn counter-clockwise: (-p_y, p_x). */
    public static Vec2 perpendicular(Vec2 p) {
        return new Vec2(-p.y(), p.x());
    }

    private static Vec2 rowDirection(Matrix2 m) {
        return longer(new Vec2(m.a(), m.b()), new Vec2(m.c(), m.d())).normalized();
    }

    private static Vec2 longer(Vec2 p, Vec2 q) {
        return p.length() >= q.length() ? p : q;
    }

    /**
     * The same line's direction with a fixed sign (pointing right, or straight up), so that an arrow drawn along it
     * does not flip while the learner drags.
     */
    static Vec2 canonical(Vec2 unit) {
        if (unit.x() < -1e-12 || (Math.abs(unit.x()) <= 1e-12 && unit.y() < 0)) {
            return unit.times(-1);
        }
        return unit;
    }
}
