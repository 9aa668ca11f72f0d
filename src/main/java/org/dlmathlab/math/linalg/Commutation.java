package org.dlmathlab.math.linalg;

/**
 * Whether two 2x2 matrices commute (AB = BA), and a reason a learner can recognise.
 *
 * <p>AB - BA is compared entry by entry with a relative tolerance: they commute when
 * max |(AB - BA)_ij| &lt;= 1e-9 * max(|A|max |B|max, |AB|max, |BA|max). The named reasons, checked in this order:
 * <ul>
 *   <li>A (or B) is a multiple of the identity, kI: kI B = kB = B kI;</li>
 *   <li>A = B: every matrix commutes with itself;</li>
 *   <li>both are diagonal: diagonal matrices scale the axes independently, diag(p, q) diag(r, s) = diag(pr, qs);</li>
 *   <li>both are rotation-scalings [[p, -q], [q, p]] (rotations included): these act like complex numbers p + qi,
 *       and complex multiplication commutes;</li>
 *   <li>B = alpha I + beta A: any such B commutes with A. For 2x2 matrices with A not a multiple of I this is also
 *       the only way to commute, so every commuting pair has a reason. With A0 = A - (tr A / 2) I and
 *       B0 = B - (tr B / 2) I (the trace-free parts), beta = &lt;B0, A0&gt; / &lt;A0, A0&gt; and
 *       alpha = tr B / 2 - beta tr A / 2.</li>
 * </ul>
 *
 * @param commute whether AB = BA within the tolerance
 * @param reason  the first named reason that applies, {@link Reason#NONE} when they do not commute
 * @param gap     max |(AB - BA)_ij|
 * @param alpha   alpha of B = alpha I + beta A for {@link Reason#COMBINATION}, else NaN
 * @param beta    beta of B = alpha I + beta A for {@link Reason#COMBINATION}, else NaN
 */
public record Commutation(boolean commute, Reason reason, double gap, double alpha, double beta) {

    /** Relative tolerance of the comparisons. */
    public static final double TOLERANCE = 1e-9;

    /** Why two matrices commute. */
    public enum Reason { A_SCALAR, B_SCALAR, EQUAL, BOTH_DIAGONAL, BOTH_ROTATIONS, COMBINATION, NONE }

    public static Commutation of(Matrix2 a, Matrix2 b) {
        Matrix2 ab = a.times(b);
        Matrix2 ba = b.times(a);
        double gap = maxAbsDifference(ab, ba);
        double scale = Math.max(a.maxAbs() * b.maxAbs(), Math.max(ab.maxAbs(), ba.maxAbs()));
        if (gap > TOLERANCE * scale) {
            return new Commutation(false, Reason.NONE, gap, Double.NaN, Double.NaN);
        }
        double tol = TOLERANCE * Math.max(a.maxAbs(), b.maxAbs());
        if (isScalar(a, TOLERANCE * a.maxAbs())) {
            return named(Reason.A_SCALAR, gap);
        }
        if (isScalar(b, TOLERANCE * b.maxAbs())) {
            return named(Reason.B_SCALAR, gap);
        }
        if (maxAbsDifference(a, b) <= tol) {
            return named(Reason.EQUAL, gap);
        }
        if (isDiagonal(a, TOLERANCE * a.maxAbs()) && isDiagonal(b, TOLERANCE * b.maxAbs())) {
            return named(Reason.BOTH_DIAGONAL, gap);
        }
        if (isRotationScaling(a, TOLERANCE * a.maxAbs()) && isRotationScaling(b, TOLERANCE * b.maxAbs())) {
            return named(Reason.BOTH_ROTATIONS, gap);
        }
        // A is not scalar here, so its trace-free part A0 is not zero and beta is well defined.
        double halfTrA = a.trace() / 2;
        double halfTrB = b.trace() / 2;
        double a0a = a.a() - halfTrA;
        double a0d = a.d() - halfTrA;
        double b0a = b.a() - halfTrB;
        double b0d = b.d() - halfTrB;
        double beta = (b0a * a0a + b.b() * a.b() + b.c() * a.c() + b0d * a0d)
                / (a0a * a0a + a.b() * a.b() + a.c() * a.c() + a0d * a0d);
        double alpha = halfTrB - beta * halfTrA;
        return new Commutation(true, Reason.COMBINATION, gap, alpha, beta);
    }

    /** max |x_ij - y_ij|. */
    public static double maxAbsDifference(Matrix2 x, Matrix2 y) {
        return Math.max(Math.max(Math.abs(x.a() - y.a()), Math.abs(x.b() - y.b())),
                Math.max(Math.abs(x.c() - y.c()), Math.abs(x.d() - y.d())));
    }

    /** Whether m = kI for some k (the zero matrix included). */
    public static boolean isScalar(Matrix2 m, double tol) {
        return Math.abs(m.b()) <= tol && Math.abs(m.c()) <= tol && Math.abs(m.a() - m.d()) <= tol;
    }

    public static boolean isDiagonal(Matrix2 m, double tol) {
        return Math.abs(m.b()) <= tol && Math.abs(m.c()) <= tol;
    }

    /** Whether m = [[p, -q], [q, p]]: a rotation by atan2(q, p) followed by scaling by hypot(p, q). */
    public static boolean isRotationScaling(Matrix2 m, double tol) {
        return Math.abs(m.a() - m.d()) <= tol && Math.abs(m.b() + m.c()) <= tol;
    }

    private static Commutation named(Reason reason, double gap) {
        return new Commutation(true, reason, gap, Double.NaN, Double.NaN);
    }
}
