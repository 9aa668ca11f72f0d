package org.dlmathlab.math.linalg;

/**
 * A real 2x2 matrix {@code [[a, b], [c, d]]}, read column by column as a linear map of the plane:
 * i-hat = (1, 0) lands on the first column (a, c) and j-hat = (0, 1) on the second column (b, d).
 *
 * <ul>
 *   <li>A (x, y) = x (a, c) + y (b, d) = (a x + b y, c x + d y)</li>
 *   <li>det A = a d - b c: the signed factor by which A scales areas; negative means orientation flips</li>
 *   <li>tr A = a + d</li>
 *   <li>A B = [[a a' + b c', a b' + b d'], [c a' + d c', c b' + d d']]: first apply B, then A</li>
 *   <li>A^-1 = (1 / det A) [[d, -b], [-c, a]] when det A != 0</li>
 * </ul>
 */
public record Matrix2(double a, double b, double c, double d) {

    /** Below this |det| (relative to the entries' scale) the matrix is treated as singular. */
    public static final double SINGULAR_TOLERANCE = 1e-9;

    public static final Matrix2 IDENTITY = new Matrix2(1, 0, 0, 1);

    /** Adding 0.0 turns -0.0 into 0.0, so equal matrices compare equal and never print "-0". */
    public Matrix2 {
        a += 0.0;
        b += 0.0;
        c += 0.0;
        d += 0.0;
    }

    /** Counter-clockwise rotation by {@code radians}: [[cos t, -sin t], [sin t, cos t]]. */
    public static Matrix2 rotation(double radians) {
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        return new Matrix2(clean(cos), clean(-sin), clean(sin), clean(cos));
    }

    /** Horizontal shear [[1, k], [0, 1]]: j-hat leans over by k, i-hat stays. */
    public static Matrix2 shear(double k) {
        return new Matrix2(1, k, 0, 1);
    }

    /** Axis scaling [[sx, 0], [0, sy]]. */
    public static Matrix2 scaling(double sx, double sy) {
        return new Matrix2(sx, 0, 0, sy);
    }

    /** Builds the matrix whose columns are where i-hat and j-hat land. */
    public static Matrix2 fromColumns(double ihatX, double ihatY, double jhatX, double jhatY) {
        return new Matrix2(ihatX, jhatX, ihatY, jhatY);
    }

    public double det() {
        return a * d - b * c;
    }

    public double trace() {
        return a + d;
    }

    /** Largest absolute entry: the scale that tolerances are measured against. */
    public double maxAbs() {
        return Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c), Math.abs(d)));
    }

    /**
     * Rank 0, 1 or 2: 2 when det is not (relatively) zero, 0 when every entry is zero, else 1.
     */
    public int rank() {
        double scale = maxAbs();
        if (scale <= SINGULAR_TOLERANCE) {
            return 0;
        }
        return Math.abs(det()) <= SINGULAR_TOLERANCE * scale * scale ? 1 : 2;
    }

    public boolean isSingular() {
        return rank() < 2;
    }

    /** A v. */
    public Vec2 apply(Vec2 v) {
        return new Vec2(a * v.x() + b * v.y(), c * v.x() + d * v.y());
    }

    public Vec2 apply(double x, double y) {
        return new Vec2(a * x + b * y, c * x + d * y);
    }

    /** This times {@code other}: the map "first other, then this". */
    public Matrix2 times(Matrix2 other) {
        return new Matrix2(
                a * other.a + b * other.c, a * other.b + b * other.d,
                c * other.a + d * other.c, c * other.b + d * other.d);
    }

    /** (1 - t) I + t A: the straight-line morph from the identity that the animation plays. */
    public Matrix2 fromIdentity(double t) {
        double s = 1 - t;
        return new Matrix2(s + t * a, t * b, t * c, s + t * d);
    }

    /** The inverse, or throws {@link SingularMatrixException} when det is (relatively) zero. */
    public Matrix2 inverse() {
        if (isSingular()) {
            throw new SingularMatrixException(this);
        }
        double det = det();
        return new Matrix2(d / det, -b / det, -c / det, a / det);
    }

    public Vec2 column1() {
        return new Vec2(a, c);
    }

    public Vec2 column2() {
        return new Vec2(b, d);
    }

    /** Eigenvalues and eigenvectors in closed form; see {@link Eigen2}. */
    public Eigen2 eigen() {
        return Eigen2.of(this);
    }

    /** Rounds values within 1e-15 of zero to zero so that cos(pi/2) reads as 0 and not 6e-17. */
    private static double clean(double v) {
        return Math.abs(v) < 1e-15 ? 0.0 : v;
    }
}
