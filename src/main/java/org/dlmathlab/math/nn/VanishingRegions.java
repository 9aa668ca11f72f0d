package org.dlmathlab.math.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The parts of an interval [lo, hi] where a slope is small: { z : |f'(z)| &lt; threshold }. There a gradient that
 * flows back through the activation is multiplied by almost nothing, so the weights before it barely learn (the
 * "vanishing gradient"). For the sigmoid, f' = s (1 - s) &lt; t exactly when |z| &gt; ln((1 + r) / (1 - r)) with
 * r = sqrt(1 - 4t); for tanh, 1 - tanh^2 z &lt; t when |z| &gt; atanh(sqrt(1 - t)); ReLU's slope is 0 for all z &lt; 0.
 *
 * <p>Found for any slope by sampling and then bisecting each change of side to full precision, so a jump (ReLU at 0)
 * and a narrow dip (swish near z = -1.28, where its slope crosses 0) are both located.
 */
public final class VanishingRegions {

    /** The threshold the labs use: a slope under 0.05 passes on less than a twentieth of the gradient. */
    public static final double DEFAULT_THRESHOLD = 0.05;
    private static final int SAMPLES = 4000;

    private VanishingRegions() {
    }

    /** A closed interval [from, to] (an end at lo or hi means the region runs on past the interval searched). */
    public record Interval(double from, double to) {
        public boolean contains(double z) {
            return z >= from && z <= to;
        }

        public double width() {
            return to - from;
        }
    }

    /** The intervals of [lo, hi] where |slope(z)| &lt; threshold, left to right. */
    public static List<Interval> find(DoubleUnaryOperator slope, double lo, double hi, double threshold) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("need lo < hi, finite; got [" + lo + ", " + hi + "]");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("the threshold must be positive, not " + threshold);
        }
        List<Interval> out = new ArrayList<>();
        double prevZ = lo;
        boolean prevIn = small(slope, lo, threshold);
        double start = prevIn ? lo : Double.NaN;
        for (int k = 1; k <= SAMPLES; k++) {
            double z = k == SAMPLES ? hi : lo + (hi - lo) * k / SAMPLES;
            boolean in = small(slope, z, threshold);
            if (in != prevIn) {
                double edge = edge(slope, prevZ, z, prevIn, threshold);
                if (in) {
                    start = edge;
                } else {
                    out.add(new Interval(start, edge));
                }
            }
            prevZ = z;
            prevIn = in;
        }
        if (prevIn) {
            out.add(new Interval(start, hi));
        }
        return out;
    }

    /** Whether z lies in one of the intervals. */
    public static boolean inAny(List<Interval> regions, double z) {
        for (Interval r : regions) {
            if (r.contains(z)) {
                return true;
            }
        }
        return false;
    }

    private static boolean small(DoubleUnaryOperator slope, double z, double threshold) {
        return Math.abs(slope.applyAsDouble(z)) < threshold;
    }

    /** Bisects [a, b], where smallness changes from {@code aIn}, down to adjacent doubles. */
    private static double edge(DoubleUnaryOperator slope, double a, double b, boolean aIn, double threshold) {
        for (int i = 0; i < 200; i++) {
            double m = 0.5 * (a + b);
            if (m <= a || m >= b) {
                break;
            }
            if (small(slope, m, threshold) == aIn) {
                a = m;
            } else {
                b = m;
            }
        }
        // The end that lies in the region, so contains() holds at both ends of an interval.
        return aIn ? a : b;
    }
}
