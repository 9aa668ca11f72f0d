package org.dlmathlab.math.calculus;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Heights z = f(x, y) sampled at the (n + 1) x (n + 1) corners of an n-by-n grid of square cells over
 * [lo, hi] x [lo, hi], the mesh of a surface plot, with the height range the plot should show.
 *
 * <p>Corner (i, j) sits at x_i = lo + i (hi - lo) / n, y_j = lo + j (hi - lo) / n (j counts up, as y does). The
 * shown range is [min, max] of the finite samples, unless a few extreme samples (a pole such as 1 / (x^2 + y^2))
 * stretch it more than {@value #OUTLIER_FACTOR} times beyond the central 98% (1st to 99th percentile); then the plot
 * shows that central range, padded by a tenth each way, and clips the rest. {@link #normalized(double)} maps the
 * shown range onto [-1, 1]: t = (clamp(v) - mid) / half, mid = (low + high) / 2, half = (high - low) / 2.
 */
public final class HeightGrid {

    /** How far the extremes may reach beyond the central 98% before they are clipped. */
    public static final double OUTLIER_FACTOR = 8;

    private final int n;
    private final double lo;
    private final double hi;
    private final double[] z;
    private final double low;
    private final double high;

    private HeightGrid(int n, double lo, double hi, double[] z, double low, double high) {
        this.n = n;
        this.lo = lo;
        this.hi = hi;
        this.z = z;
        this.low = low;
        this.high = high;
    }

    /**
     * Samples f at the corners of n x n cells over the square [lo, hi]^2.
     *
     * @throws IllegalArgumentException if n &lt; 1 or the square is empty
     */
    public static HeightGrid sample(DoubleBinaryOperator f, double lo, double hi, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("A mesh needs at least one cell each way: " + n);
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("Empty square [" + lo + ", " + hi + "]");
        }
        int m = n + 1;
        double[] z = new double[m * m];
        double[] finite = new double[m * m];
        int count = 0;
        for (int j = 0; j < m; j++) {
            double y = lo + j * (hi - lo) / n;
            for (int i = 0; i < m; i++) {
                double v = f.applyAsDouble(lo + i * (hi - lo) / n, y);
                z[j * m + i] = v;
                if (Double.isFinite(v)) {
                    finite[count++] = v;
                }
            }
        }
        double low;
        double high;
        if (count == 0) {
            low = -1;
            high = 1;
        } else {
            double[] sorted = Arrays.copyOf(finite, count);
            Arrays.sort(sorted);
            low = sorted[0];
            high = sorted[count - 1];
            double q1 = sorted[(int) Math.floor(0.01 * (count - 1))];
            double q99 = sorted[(int) Math.ceil(0.99 * (count - 1))];
            if (q99 > q1 && high - low > OUTLIER_FACTOR * (q99 - q1)) {
                double pad = 0.1 * (q99 - q1);
                low = Math.max(low, q1 - pad);
                high = Math.min(high, q99 + pad);
            }
            if (!(high > low)) {
                // A flat surface: show it in the middle of a unit range.
                double mid = low;
                low = mid - 1;
                high = mid + 1;
            }
        }
        return new HeightGrid(n, lo, hi, z, low, high);
    }

    /** Cells per side. */
    public int cells() {
        return n;
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** x of corner column i (0..n). */
    public double x(int i) {
        return lo + i * (hi - lo) / n;
    }

    /** y of corner row j (0..n), counting up. */
    public double y(int j) {
        return lo + j * (hi - lo) / n;
    }

    /** f at corner (i, j); may be NaN or infinite. */
    public double value(int i, int j) {
        return z[j * (n + 1) + i];
    }

    /** Bottom of the shown height range. */
    public double low() {
        return low;
    }

    /** Top of the shown height range. */
    public double high() {
        return high;
    }

    /** Whether some sample lies outside the shown range, infinities included (the plot clips it). */
    public boolean clipped() {
        for (double v : z) {
            if (!Double.isNaN(v) && (v < low || v > high)) {
                return true;
            }
        }
        return false;
    }

    /** v mapped onto [-1, 1] across the shown range (clamped there); NaN stays NaN, +-infinity goes to +-1. */
    public double normalized(double v) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        double half = (high - low) / 2;
        double t = (v - (low + half)) / half;
        return Math.max(-1, Math.min(1, t));
    }
}
