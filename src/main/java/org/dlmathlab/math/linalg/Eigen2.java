package org.dlmathlab.math.linalg;

import java.util.List;

/**
 * Eigenvalues and eigenvectors of a 2x2 matrix in closed form.
 *
 * <p>The characteristic polynomial is lambda^2 - tr(A) lambda + det(A) = 0, so
 * lambda = tr/2 +- sqrt(tr^2/4 - det). When the discriminant tr^2/4 - det is negative the eigenvalues are the complex
 * pair tr/2 +- i sqrt(det - tr^2/4): no real direction keeps its span (the map rotates every vector). For a real
 * lambda, an eigenvector solves (A - lambda I) v = 0: v = (b, lambda - a) when b != 0, else (lambda - d, c) when
 * c != 0, else A is diagonal and the axes are the eigenvectors.
 *
 * @param real          whether both eigenvalues are real
 * @param lambda1       the larger real eigenvalue, or the common real part of a complex pair
 * @param lambda2       the smaller real eigenvalue, or the common real part of a complex pair
 * @param imaginary     0 for real eigenvalues, else the positive imaginary part of lambda1 = re + i im
 * @param vectors       unit eigenvectors: two for distinct real eigenvalues, one for a defective repeated eigenvalue
 *                      (a shear), none for complex ones; for a multiple of the identity, the two axes
 * @param everyDirection true when A = lambda I, so that every vector is an eigenvector
 */
public record Eigen2(boolean real, double lambda1, double lambda2, double imaginary, List<Vec2> vectors,
                     boolean everyDirection) {

    /** Relative tolerance under which the discriminant counts as zero (a repeated eigenvalue). */
    private static final double REPEATED_TOLERANCE = 1e-12;

    static Eigen2 of(Matrix2 m) {
        double half = m.trace() / 2;
        double disc = half * half - m.det();
        double scale = Math.max(1e-300, m.maxAbs() * m.maxAbs());
        if (disc < -REPEATED_TOLERANCE * scale) {
            return new Eigen2(false, half, half, Math.sqrt(-disc), List.of(), false);
        }
        if (disc <= REPEATED_TOLERANCE * scale) {
            // Repeated eigenvalue: either A = lambda I (every direction) or a defective matrix with one direction.
            boolean scalar = Math.abs(m.b()) <= 1e-12 * Math.sqrt(scale) && Math.abs(m.c()) <= 1e-12 * Math.sqrt(scale)
                    && Math.abs(m.a() - m.d()) <= 1e-12 * Math.sqrt(scale);
            if (scalar) {
                return new Eigen2(true, half, half, 0, List.of(new Vec2(1, 0), new Vec2(0, 1)), true);
            }
            return new Eigen2(true, half, half, 0, List.of(vectorFor(m, half)), false);
        }
        double root = Math.sqrt(disc);
        double l1 = half + root;
        double l2 = half - root;
        return new Eigen2(true, l1, l2, 0, List.of(vectorFor(m, l1), vectorFor(m, l2)), false);
    }

    /** A unit solution of (A - lambda I) v = 0, using the better conditioned of the two rows. */
    private static Vec2 vectorFor(Matrix2 m, double lambda) {
        Vec2 fromRow1 = new Vec2(m.b(), lambda - m.a());
        Vec2 fromRow2 = new Vec2(lambda - m.d(), m.c());
        Vec2 best = fromRow1.length() >= fromRow2.length() ? fromRow1 : fromRow2;
        if (best.length() < 1e-14) {
            // Both rows vanish only for A = lambda I, handled by the caller; fall back to an axis.
            return new Vec2(1, 0);
        }
        Vec2 unit = best.normalized();
        // A stable sign: point into the right half-plane (or up), so the drawn arrow does not flip while dragging.
        if (unit.x() < -1e-12 || (Math.abs(unit.x()) <= 1e-12 && unit.y() < 0)) {
            unit = unit.times(-1);
        }
        return unit;
    }
}
