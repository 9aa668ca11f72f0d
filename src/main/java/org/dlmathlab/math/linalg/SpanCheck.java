package org.dlmathlab.math.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * Does A keep v on its own span? v is an eigenvector exactly when A v = lambda v, i.e. when A v lies on the line
 * through v (or A v = 0, lambda = 0).
 *
 * <ul>
 *   <li>angle between v and A v: theta = atan2(|v x Av|, v . Av), in [0, 180] degrees (180 when A v points
 *       backwards, a negative lambda); atan2 rather than acos keeps small angles accurate</li>
 *   <li>on the span when the angle between the two <em>lines</em>, min(theta, 180 - theta), is under
 *       {@link #TOLERANCE_DEG}, or when |A v| is (relatively) zero</li>
 *   <li>stretch lambda = (A v . v) / (v . v): the eigenvalue when v is an eigenvector, else the length of A v's
 *       projection onto v in units of v</li>
 * </ul>
 *
 * @param v        the vector tested
 * @param image    A v
 * @param angleDeg degrees between v and A v in [0, 180]; NaN when v = 0 or A v = 0
 * @param onSpan   whether A v lies on v's line (never for v = 0)
 * @param stretch  (A v . v) / (v . v); NaN when v = 0
 */
public record SpanCheck(Vec2 v, Vec2 image, double angleDeg, boolean onSpan, double stretch) {

    /** Angle in degrees under which A v counts as lying on v's line: about what an eye sees on screen. */
    public static final double TOLERANCE_DEG = 1.0;
    /** |A v| below this fraction of |A|max |v| counts as the zero vector (v in the null space). */
    private static final double ZERO_TOLERANCE = 1e-9;

    public static SpanCheck of(Matrix2 m, Vec2 v) {
        Vec2 av = m.apply(v);
        double len = v.length();
        if (len == 0) {
            return new SpanCheck(v, av, Double.NaN, false, Double.NaN);
        }
        double stretch = av.dot(v) / (len * len);
        if (av.length() <= ZERO_TOLERANCE * Math.max(m.maxAbs(), Double.MIN_NORMAL) * len) {
            return new SpanCheck(v, av, Double.NaN, true, 0);
        }
        double cross = v.x() * av.y() - v.y() * av.x();
        double angle = Math.toDegrees(Math.atan2(Math.abs(cross), v.dot(av)));
        boolean on = Math.min(angle, 180 - angle) < TOLERANCE_DEG;
        return new SpanCheck(v, av, angle, on, stretch);
    }

    /**
     * The sweep: u = (cos t, sin t) at n evenly spaced angles t = 2 pi i / n around the unit circle, each with A u.
     * The images trace the ellipse A maps the unit circle onto; where u and A u share a line, direction is kept.
     */
    public static List<SpanCheck> sweep(Matrix2 m, int n) {
        if (n < 3) {
            throw new IllegalArgumentException("a sweep needs at least 3 directions, not " + n);
        }
        List<SpanCheck> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            out.add(of(m, new Vec2(Math.cos(t), Math.sin(t))));
        }
        return out;
    }
}
