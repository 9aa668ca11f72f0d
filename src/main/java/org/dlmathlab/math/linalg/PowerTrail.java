package org.dlmathlab.math.linalg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Repeated application of A to a start vector v (power iteration): the points v, A v, A^2 v, ..., A^k v, either as
 * they are or each scaled to unit length, with the angle of each to the dominant eigenvector's line.
 *
 * <p>Why the trail is pulled toward the dominant eigenvector: with real eigenvalues |lambda1| > |lambda2|, unit
 * eigenvectors u1, u2 and v = alpha u1 + beta u2,
 * <pre>
 *   A^k v = alpha lambda1^k u1 + beta lambda2^k u2 = lambda1^k (alpha u1 + beta (lambda2 / lambda1)^k u2),
 * </pre>
 * so when alpha != 0 the u2 part dies out like r^k with r = |lambda2 / lambda1|, and
 * <pre>
 *   tan(angle to u1's line) = |beta r^k sin phi| / |alpha + beta (lambda2 / lambda1)^k cos phi|,
 * </pre>
 * phi being the angle between u1 and u2: for large k the tangent shrinks by the factor r per step. Other cases:
 * a complex pair (|lambda1| = |lambda2| = sqrt(det)) spins the trail; a real tie lambda2 = -lambda1 gives
 * A^2 = lambda1^2 I, so the trail flips between two directions for ever; A = lambda I keeps every direction;
 * a defective repeated eigenvalue (a shear) pulls toward its single line only like 1/k; alpha = 0 leaves the trail on
 * u2's line; and v in the null space of A (or of A^2) makes the trail reach 0.
 *
 * <p>The points are computed by normalising at each step (w_{j+1} = A w_j / |A w_j|) and multiplying the lengths back
 * in for the raw trail, so the directions stay accurate whatever the growth.
 */
public final class PowerTrail {

    /** What the trail does in the long run. */
    public enum Behaviour {
        /** Real eigenvalues with |lambda1| != |lambda2|: pulled toward the dominant line at the rate r per step. */
        DOMINANT,
        /** v has no component along the dominant eigenvector: the trail stays on the other eigenvector's line. */
        STUCK_ON_OTHER,
        /** A repeated eigenvalue with a single eigenvector line: pulled toward it, but only like 1/k. */
        DEFECTIVE,
        /** A = lambda I: every direction is kept, the trail stays on v's line. */
        EVERY_DIRECTION,
        /** Real eigenvalues lambda2 = -lambda1 != 0: no dominant one, the trail flips between two directions. */
        TIE,
        /** Complex eigenvalues: no real direction is kept, the trail spins. */
        COMPLEX,
        /** v = 0, or A v = 0 or A^2 v = 0: the trail reaches the origin. */
        ZERO
    }

    /** Relative size under which |lambda1| and |lambda2| count as equal, or a component as absent. */
    private static final double TIE_TOLERANCE = 1e-9;
    /** |A w| of a unit w below this fraction of |A|max counts as the zero vector. */
    private static final double ZERO_TOLERANCE = 1e-12;

    private final List<Vec2> points;
    private final List<Vec2> directions;
    private final Vec2 dominant;
    private final double dominantLambda;
    private final double ratio;
    private final Behaviour behaviour;

    private PowerTrail(List<Vec2> points, List<Vec2> directions, Vec2 dominant, double dominantLambda, double ratio,
                       Behaviour behaviour) {
        this.points = points;
        this.directions = directions;
        this.dominant = dominant;
        this.dominantLambda = dominantLambda;
        this.ratio = ratio;
        this.behaviour = behaviour;
    }

    /**
     * The trail of {@code k} applications of {@code m} to {@code v}.
     *
     * @param normalised whether each point is scaled to unit length (then it stays on screen whatever |lambda| is)
     * @throws IllegalArgumentException when k is negative
     */
    public static PowerTrail of(Matrix2 m, Vec2 v, int k, boolean normalised) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, not " + k);
        }
        double zero = ZERO_TOLERANCE * Math.max(m.maxAbs(), Double.MIN_NORMAL);
        List<Vec2> pts = new ArrayList<>(k + 1);
        List<Vec2> dirs = new ArrayList<>(k + 1);
        double length = v.length();
        Vec2 w = v.normalized();
        boolean reachedZero = length == 0;
        for (int j = 0; j <= k; j++) {
            if (j > 0 && !reachedZero) {
                Vec2 next = m.apply(w);
                double s = next.length();
                if (s <= zero) {
                    reachedZero = true;
                } else {
                    w = next.times(1 / s);
                    length *= s;
                }
            }
            if (reachedZero) {
                pts.add(Vec2.ZERO);
                dirs.add(Vec2.ZERO);
            } else {
                pts.add(normalised ? w : w.times(length));
                dirs.add(w);
            }
        }

        Eigen2 e = m.eigen();
        Vec2 dominant = null;
        double dominantLambda = Double.NaN;
        double ratio;
        Behaviour behaviour;
        if (!e.real()) {
            ratio = 1;
            behaviour = Behaviour.COMPLEX;
        } else if (e.everyDirection()) {
            ratio = e.lambda1() == 0 ? Double.NaN : 1;
            behaviour = Behaviour.EVERY_DIRECTION;
        } else if (e.vectors().size() == 1) {
            dominant = e.vectors().get(0);
            dominantLambda = e.lambda1();
            ratio = e.lambda1() == 0 ? Double.NaN : 1;
            behaviour = Behaviour.DEFECTIVE;
        } else {
            double big = Math.max(Math.abs(e.lambda1()), Math.abs(e.lambda2()));
            double small = Math.min(Math.abs(e.lambda1()), Math.abs(e.lambda2()));
            ratio = small / big;
            if (big - small <= TIE_TOLERANCE * big) {
                behaviour = Behaviour.TIE;
            } else {
                int i = Math.abs(e.lambda1()) > Math.abs(e.lambda2()) ? 0 : 1;
                dominant = e.vectors().get(i);
                dominantLambda = i == 0 ? e.lambda1() : e.lambda2();
                Vec2 other = e.vectors().get(1 - i);
                // alpha in v = alpha u_dom + beta u_other, by Cramer's rule on the 2x2 system [u_dom u_other].
                double det = dominant.x() * other.y() - dominant.y() * other.x();
                double alpha = (v.x() * other.y() - v.y() * other.x()) / det;
                behaviour = Math.abs(alpha) <= TIE_TOLERANCE * v.length() ? Behaviour.STUCK_ON_OTHER
                        : Behaviour.DOMINANT;
            }
        }
        if (length == 0 || m.apply(v).length() <= zero * v.length()
                || m.apply(m.apply(v.normalized())).length() <= zero * m.maxAbs()) {
            behaviour = Behaviour.ZERO;
        }
        return new PowerTrail(Collections.unmodifiableList(pts), Collections.unmodifiableList(dirs), dominant,
                dominantLambda, ratio, behaviour);
    }

    /** v, A v, ..., A^k v (k + 1 points), each of unit length when normalised; the origin once the trail hit 0. */
    public List<Vec2> points() {
        return points;
    }

    /** The last point, A^k v (or its unit direction). */
    public Vec2 last() {
        return points.get(points.size() - 1);
    }

    public int steps() {
        return points.size() - 1;
    }

    /** Unit vector along the line the trail is pulled toward: the dominant eigenvector, or a shear's only one. */
    public Optional<Vec2> dominant() {
        return Optional.ofNullable(dominant);
    }

    /** The eigenvalue of largest |lambda| (the repeated one of a shear); NaN when there is no dominant line. */
    public double dominantLambda() {
        return dominantLambda;
    }

    /**
     * r = |lambda_small| / |lambda_large|: the factor by which the angle's tangent shrinks per step. 1 for a
     * complex pair, a tie, a shear or A = lambda I (no geometric pull); NaN when both eigenvalues are 0.
     */
    public double ratio() {
        return ratio;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /**
     * Degrees between point j and the dominant line, in [0, 90]: atan2(|w x u|, |w . u|). NaN when there is no
     * dominant line or the point is the origin.
     */
    public double angle(int j) {
        Vec2 w = directions.get(j);
        if (dominant == null || (w.x() == 0 && w.y() == 0)) {
            return Double.NaN;
        }
        double cross = w.x() * dominant.y() - w.y() * dominant.x();
        return Math.toDegrees(Math.atan2(Math.abs(cross), Math.abs(w.dot(dominant))));
    }

    /** The angle of the last point, A^k v, to the dominant line. */
    public double lastAngle() {
        return angle(points.size() - 1);
    }
}
