package org.dlmathlab.math.linalg;

/**
 * The composition "first F, then S" (the product S F) played in two stages, for an animation that shows the order:
 *
 * <pre>
 *   M(t) = (1 - t) I + t F                      for 0 &lt;= t &lt;= 1   (F morphs in from the identity)
 *   M(t) = ((2 - t) I + (t - 1) S) F            for 1 &lt;= t &lt;= 2   (S morphs in on top of F)
 * </pre>
 *
 * M(0) = I, M(1) = F, M(2) = S F; t is clamped to [0, 2]. Each stage is the straight-line morph of
 * {@link Matrix2#fromIdentity(double)}; the second stage multiplies it onto the finished first stage, so the plane
 * shown is always "part of S after all of F".
 */
public final class StagedProduct {

    private StagedProduct() {
    }

    public static Matrix2 at(Matrix2 first, Matrix2 second, double t) {
        double s = Math.max(0, Math.min(2, t));
        if (s <= 1) {
            return first.fromIdentity(s);
        }
        return second.fromIdentity(s - 1).times(first);
    }
}
