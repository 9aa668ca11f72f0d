package org.dlmathlab.math.expr;

import java.util.Random;

/**
 * Decides whether a learner's formula of one variable matches a reference formula by comparing their
 * values at sample points.
 *
 * <p>For every sample point x where the reference value r = reference(x) is finite, the candidate value
 * a = candidate(x) must satisfy |a &minus; r| &le; absTol + relTol&middot;|r|; a non-finite a counts as a
 * mismatch. Points where r is NaN or infinite (outside the reference's domain) are skipped.
 */
public final class Equivalence {

    /** Fixed seed of the jitter, so that the same inputs always give the same sample points. */
    private static final long SEED = 0x5EED_D1A7_4A7EL;
    /** The jitter moves each point by at most this fraction of the spacing, away from the cell centre. */
    private static final double JITTER = 0.35;

    private Equivalence() {
    }

    /**
     * The outcome of a comparison.
     *
     * @param equivalent whether every compared point was within tolerance
     * @param worstX the sample point with the largest error relative to the tolerance (the first mismatch
     *     of a non-finite candidate value wins)
     * @param expected the reference value at {@code worstX}
     * @param actual the candidate value at {@code worstX}
     * @param pointsCompared how many sample points had a finite reference value
     */
    public record Result(boolean equivalent, double worstX, double expected, double actual, int pointsCompared) {
    }

    /**
     * Compares two formulas of (at most) one variable on {@code n} points of [lo, hi]. Point i is
     * lo + (i + 1/2 + u<sub>i</sub>)&middot;(hi &minus; lo)/n with a fixed-seed jitter u<sub>i</sub> in
     * [&minus;0.35, 0.35), so the points are spread evenly yet avoid special values such as 0 and integers (a point that
     * still lands on an integer is moved by 1% of the spacing).
     *
     * @param reference the correct formula; points where it is not finite are skipped
     * @param candidate the formula to check, e.g. the learner's answer
     * @param lo lower end of the sampled interval
     * @param hi upper end of the sampled interval
     * @param n number of sample points
     * @param absTol absolute tolerance, &ge; 0
     * @param relTol tolerance relative to |reference value|, &ge; 0
     * @return whether the formulas agree, and the point where they agree least
     * @throws IllegalArgumentException if a formula has more than one variable, the interval or
     *     tolerances are invalid, {@code n < 1}, or fewer than n/2 points have a finite reference value
     */
    public static Result compare(Expression reference, Expression candidate, double lo, double hi, int n,
                                 double absTol, double relTol) {
        if (reference.variables().size() > 1 || candidate.variables().size() > 1) {
            throw new IllegalArgumentException("Equivalence compares formulas of one variable only");
        }
        if (!(absTol >= 0) || !(relTol >= 0)) {
            throw new IllegalArgumentException("Tolerances must be >= 0: absTol=" + absTol + ", relTol=" + relTol);
        }
        double[] xs = samplePoints(lo, hi, n);
        int compared = 0;
        boolean equivalent = true;
        double worstRatio = -1;
        double worstX = Double.NaN;
        double expected = Double.NaN;
        double actual = Double.NaN;
        for (double x : xs) {
            double r = valueAt(reference, x);
            if (!Double.isFinite(r)) {
                continue;
            }
            compared++;
            double a = valueAt(candidate, x);
            double error = Math.abs(a - r);
            double tolerance = absTol + relTol * Math.abs(r);
            boolean ok = Double.isFinite(a) && error <= tolerance;
            double ratio = !ok ? (Double.isFinite(a) ? error / tolerance : Double.POSITIVE_INFINITY)
                    : (tolerance == 0 ? 0 : error / tolerance);
            equivalent &= ok;
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worstX = x;
                expected = r;
                actual = a;
            }
        }
        if (2L * compared < n) {
            throw new IllegalArgumentException("The reference '" + reference.source() + "' is finite at only "
                    + compared + " of " + n + " points in [" + lo + ", " + hi + "]; at least half are needed");
        }
        return new Result(equivalent, worstX, expected, actual, compared);
    }

    /**
     * The sample points used by {@link #compare}: n points in increasing order strictly inside [lo, hi].
     *
     * @throws IllegalArgumentException if lo and hi are not finite with lo &lt; hi, or n &lt; 1
     */
    static double[] samplePoints(double lo, double hi, int n) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi) || n < 1) {
            throw new IllegalArgumentException("Need finite lo < hi and n >= 1, got [" + lo + ", " + hi + "], n=" + n);
        }
        Random random = new Random(SEED);
        double step = (hi - lo) / n;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            double jitter = (2 * random.nextDouble() - 1) * JITTER;
            xs[i] = lo + (i + 0.5 + jitter) * step;
            if (xs[i] == Math.rint(xs[i])) {
                xs[i] += 0.01 * step; // never exactly an integer (or 0)
            }
        }
        return xs;
    }

    private static double valueAt(Expression e, double x) {
        return e.variables().isEmpty() ? e.evaluate() : e.evaluate(x);
    }
}
