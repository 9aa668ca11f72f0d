package org.dlmathlab.math.linalg;

import java.util.Optional;

/**
 * What a 2x2 matrix with a complex pair of eigenvalues lambda = p +- q i (q > 0) does: it keeps no real direction,
 * and in a suitable (possibly skewed) basis it is a rotation combined with a uniform scaling,
 * A ~ r [[cos theta, -sin theta], [sin theta, cos theta]], where
 *
 * <ul>
 *   <li>theta = atan2(q, p), in (0, 180) degrees: the turn per application</li>
 *   <li>r = |lambda| = sqrt(p^2 + q^2) = sqrt(det A): the scaling per application (det A > 0 for a complex pair)</li>
 *   <li>direction: the cross product v x Av = c x^2 + (d - a) x y - b y^2 is a definite quadratic form when the
 *       eigenvalues are complex (its discriminant (d - a)^2 + 4 b c is negative), so every vector turns the same
 *       way: counter-clockwise when c > 0, clockwise when c < 0</li>
 * </ul>
 *
 * @param real             p, the common real part
 * @param imaginary        q > 0
 * @param angleDeg         theta in degrees, in (0, 180)
 * @param scale            r = sqrt(det A)
 * @param counterClockwise whether vectors turn counter-clockwise
 */
public record ComplexTurn(double real, double imaginary, double angleDeg, double scale, boolean counterClockwise) {

    /** The turn of a matrix with complex eigenvalues; empty when its eigenvalues are real. */
    public static Optional<ComplexTurn> of(Matrix2 m) {
        Eigen2 e = m.eigen();
        if (e.real()) {
            return Optional.empty();
        }
        double p = e.lambda1();
        double q = e.imaginary();
        return Optional.of(new ComplexTurn(p, q, Math.toDegrees(Math.atan2(q, p)), Math.hypot(p, q), m.c() > 0));
    }
}
