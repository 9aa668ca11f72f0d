package org.dlmathlab.math.linalg;

/**
 * Which way a 2x2 matrix turns the plane.
 *
 * <ul>
 *   <li>The signed angle from u to v is atan2(u x v, u . v) in (-pi, pi], with u x v = u_x v_y - u_y v_x: positive
 *   when v lies counter-clockwise of u.</li>
 *   <li>For the columns of A = [[a, b], [c, d]], u x v = a d - c b = det A: j-hat's image lies counter-clockwise of
 *   i-hat's exactly when det A &gt; 0 (orientation kept) and clockwise when det A &lt; 0 (orientation flipped).</li>
 * </ul>
 */
public final class Orientation2 {

    private Orientation2() {
    }

    /** atan2(u x v, u . v); 0 when either vector is zero. */
    public static double signedAngle(Vec2 u, Vec2 v) {
        return Math.atan2(u.x() * v.y() - u.y() * v.x(), u.dot(v));
    }

    /** The signed angle from A's first column (where i-hat lands) to its second (where j-hat lands). */
    public static double sweep(Matrix2 m) {
        return signedAngle(m.column1(), m.column2());
    }

    /** 1 when A keeps the orientation, -1 when it flips it, 0 when it is singular (rank below 2). */
    public static int of(Matrix2 m) {
        if (m.rank() < 2) {
            return 0;
        }
        return m.det() > 0 ? 1 : -1;
    }
}
