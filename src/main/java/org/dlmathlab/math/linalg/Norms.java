package org.dlmathlab.math.linalg;

/**
 * Sizes of vectors and matrices, and how two vectors line up.
 *
 * <ul>
 *   <li>L1 norm: ‖x‖₁ = Σ |x_i|</li>
 *   <li>L2 (Euclidean) norm: ‖x‖₂ = √(Σ x_i²)</li>
 *   <li>max (L∞) norm: ‖x‖∞ = max |x_i|</li>
 *   <li>Frobenius norm of a matrix: ‖A‖_F = √(Σ_ij a_ij²), the L2 norm of all entries laid out in one row</li>
 *   <li>dot product: u·v = Σ u_i v_i = ‖u‖₂ ‖v‖₂ cos θ</li>
 *   <li>cosine similarity: cos θ = u·v / (‖u‖₂ ‖v‖₂)</li>
 *   <li>angle: θ = arccos(cos θ) in [0, π], computed as 2 atan2(‖û − v̂‖₂, ‖û + v̂‖₂) with û = u / ‖u‖₂ (the same
 *   angle, but accurate near 0° and 180° where arccos loses half its digits)</li>
 *   <li>scalar projection of u on v: u·v / ‖v‖₂ (signed length of u's shadow on v's line)</li>
 *   <li>vector projection of u on v: (u·v / v·v) v</li>
 * </ul>
 *
 * <p>Zero vectors: a zero vector has no direction, so the cosine, the angle and the projections <em>onto</em> it are
 * undefined and returned as NaN (never 0, which would claim "perpendicular"). The projection of a zero u onto a
 * non-zero v is simply 0. The norms of the zero vector are 0.
 */
public final class Norms {

    /**
     * Relative tolerance for "u·v is zero": |u·v| ≤ TOL ‖u‖ ‖v‖. Products of coordinates on a 0.1 grid, such as
     * 0.3·(−0.1) + 0.1·0.3, leave rounding noise near 1e-17 where the exact answer is 0.
     */
    public static final double RIGHT_ANGLE_TOLERANCE = 1e-9;

    private Norms() {
    }

    /** The three vector norms a learner compares, with their unit balls: diamond, circle, square. */
    public enum Kind {
        L1, L2, LINF;

        /** This norm of {@code x}. */
        public double of(double... x) {
            return switch (this) {
                case L1 -> l1(x);
                case L2 -> l2(x);
                case LINF -> linf(x);
            };
        }

        public double of(Vec2 v) {
            return of(v.x(), v.y());
        }

        /** The parameter value (0, 1, 2) that selects this norm. */
        public int index() {
            return ordinal();
        }

        public static Kind ofIndex(int index) {
            return values()[index];
        }
    }

    /** How the angle between two vectors reads, judged from the sign of u·v. */
    public enum AngleKind {
        /** u·v > 0: the angle is under 90°. */
        ACUTE,
        /** u·v = 0 (within {@link #RIGHT_ANGLE_TOLERANCE}): exactly 90°. */
        RIGHT,
        /** u·v < 0: the angle is over 90°. */
        OBTUSE,
        /** One of the vectors is zero: there is no angle. */
        UNDEFINED;

        /** +1, 0, −1 like the sign of u·v; NaN when undefined. */
        public double sign() {
            return switch (this) {
                case ACUTE -> 1;
                case RIGHT -> 0;
                case OBTUSE -> -1;
                case UNDEFINED -> Double.NaN;
            };
        }
    }

    /** ‖x‖₁ = Σ |x_i|. */
    public static double l1(double... x) {
        double sum = 0;
        for (double xi : x) {
            sum += Math.abs(xi);
        }
        return sum;
    }

    /**
     * ‖x‖₂ = √(Σ x_i²), computed as m √(Σ (x_i / m)²) with m = ‖x‖∞ so that huge or tiny entries neither overflow nor
     * vanish.
     */
    public static double l2(double... x) {
        double max = linf(x);
        if (max == 0 || !Double.isFinite(max)) {
            return max;
        }
        double sum = 0;
        for (double xi : x) {
            double r = xi / max;
            sum += r * r;
        }
        return max * Math.sqrt(sum);
    }

    /** ‖x‖∞ = max |x_i| (0 for an empty vector). */
    public static double linf(double... x) {
        double max = 0;
        for (double xi : x) {
            max = Math.max(max, Math.abs(xi));
        }
        return max;
    }

    /** ‖A‖_F = √(Σ_ij a_ij²) over every entry of every row (rows may differ in length). */
    public static double frobenius(double[][] a) {
        int n = 0;
        for (double[] row : a) {
            n += row.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] row : a) {
            System.arraycopy(row, 0, all, k, row.length);
            k += row.length;
        }
        return l2(all);
    }

    /** Σ a_ij² (the Frobenius norm squared, as the sum a learner writes out). */
    public static double sumOfSquares(double[][] a) {
        double sum = 0;
        for (double[] row : a) {
            for (double x : row) {
                sum += x * x;
            }
        }
        return sum;
    }

    /** u·v = Σ u_i v_i. */
    public static double dot(double[] u, double[] v) {
        requireSameLength(u, v);
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    /** cos θ = u·v / (‖u‖₂ ‖v‖₂), clamped to [−1, 1] against rounding; NaN if u or v is the zero vector. */
    public static double cosine(double[] u, double[] v) {
        requireSameLength(u, v);
        double nu = l2(u);
        double nv = l2(v);
        if (nu == 0 || nv == 0) {
            return Double.NaN;
        }
        // Divide before multiplying so that large vectors do not overflow the product of the norms.
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += (u[i] / nu) * (v[i] / nv);
        }
        return Math.max(-1, Math.min(1, sum));
    }

    /** θ = arccos(cos θ) = 2 atan2(‖û − v̂‖, ‖û + v̂‖) in radians, in [0, π]; NaN if u or v is the zero vector. */
    public static double angle(double[] u, double[] v) {
        requireSameLength(u, v);
        double nu = l2(u);
        double nv = l2(v);
        if (nu == 0 || nv == 0) {
            return Double.NaN;
        }
        double[] diff = new double[u.length];
        double[] sum = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            diff[i] = u[i] / nu - v[i] / nv;
            sum[i] = u[i] / nu + v[i] / nv;
        }
        return 2 * Math.atan2(l2(diff), l2(sum));
    }

    /** u·v / ‖v‖₂: the signed length of u's projection on v's line, positive along v; NaN if v is zero. */
    public static double scalarProjection(double[] u, double[] v) {
        double nv = l2(v);
        return nv == 0 ? Double.NaN : dot(u, v) / nv;
    }

    /** (u·v / v·v) v: the point of v's line closest to u; every entry NaN if v is zero. */
    public static double[] vectorProjection(double[] u, double[] v) {
        double vv = dot(v, v);
        double[] out = new double[v.length];
        double k = vv == 0 ? Double.NaN : dot(u, v) / vv;
        for (int i = 0; i < v.length; i++) {
            out[i] = k * v[i];
        }
        return out;
    }

    /**
     * Acute, right or obtuse from the sign of u·v, with |u·v| ≤ 1e-9 ‖u‖ ‖v‖ counting as 0; undefined for a zero
     * vector.
     */
    public static AngleKind classify(double[] u, double[] v) {
        double nu = l2(u);
        double nv = l2(v);
        if (nu == 0 || nv == 0) {
            return AngleKind.UNDEFINED;
        }
        double d = dot(u, v);
        if (Math.abs(d) <= RIGHT_ANGLE_TOLERANCE * nu * nv) {
            return AngleKind.RIGHT;
        }
        return d > 0 ? AngleKind.ACUTE : AngleKind.OBTUSE;
    }

    /**
     * Whether the triangle inequality ‖u + v‖₂ ≤ ‖u‖₂ + ‖v‖₂ holds with equality (within 1e-9 relative), which happens
     * exactly when one vector is a non-negative multiple of the other (a zero vector included).
     */
    public static boolean triangleIsTight(double[] u, double[] v) {
        double[] sum = new double[u.length];
        requireSameLength(u, v);
        for (int i = 0; i < u.length; i++) {
            sum[i] = u[i] + v[i];
        }
        double bound = l2(u) + l2(v);
        return bound - l2(sum) <= RIGHT_ANGLE_TOLERANCE * Math.max(1, bound);
    }

    // ---- the same for plane vectors ------------------------------------------------------------------------------

    public static double l1(Vec2 v) {
        return l1(v.x(), v.y());
    }

    public static double l2(Vec2 v) {
        return l2(v.x(), v.y());
    }

    public static double linf(Vec2 v) {
        return linf(v.x(), v.y());
    }

    public static double dot(Vec2 u, Vec2 v) {
        return dot(arr(u), arr(v));
    }

    public static double cosine(Vec2 u, Vec2 v) {
        return cosine(arr(u), arr(v));
    }

    public static double angle(Vec2 u, Vec2 v) {
        return angle(arr(u), arr(v));
    }

    public static double scalarProjection(Vec2 u, Vec2 v) {
        return scalarProjection(arr(u), arr(v));
    }

    /** (u·v / v·v) v; both coordinates NaN if v is zero. */
    public static Vec2 vectorProjection(Vec2 u, Vec2 v) {
        double[] p = vectorProjection(arr(u), arr(v));
        return new Vec2(p[0], p[1]);
    }

    public static AngleKind classify(Vec2 u, Vec2 v) {
        return classify(arr(u), arr(v));
    }

    public static boolean triangleIsTight(Vec2 u, Vec2 v) {
        return triangleIsTight(arr(u), arr(v));
    }

    private static double[] arr(Vec2 v) {
        return new double[]{v.x(), v.y()};
    }

    private static void requireSameLength(double[] u, double[] v) {
        if (u.length != v.length) {
            throw new IllegalArgumentException(
                    "vectors of different lengths: " + u.length + " and " + v.length);
        }
    }
}
