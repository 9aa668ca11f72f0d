package org.dlmathlab.math.stats;

/**
 * Counts of samples in fixed, equal bins over [min, max].
 *
 * <p>Bin k (k = 0 .. bins - 1) is [min + k w, min + (k + 1) w) with width w = (max - min) / bins; the last bin also
 * holds x = max. Samples below min count as underflow, above max as overflow; both still count in the total n.
 * The density-normalised height of bin k is count_k / (n w), so the bars' total area is sum count_k w / (n w) =
 * (in-range count) / n: the fraction of the samples inside [min, max], which is what lets the bars sit on a
 * probability density drawn over the same range (a density's area over the range is that same fraction).
 */
public final class Histogram {

    private final double min;
    private final double max;
    private final double width;
    private final long[] counts;
    private long underflow;
    private long overflow;
    private long total;

    /**
     * @throws IllegalArgumentException if the range is empty or not finite, or bins is below 1
     */
    public Histogram(double min, double max, int bins) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("a histogram needs a finite range with min < max, not [" + min + ", "
                    + max + "]");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, not " + bins);
        }
        this.min = min;
        this.max = max;
        this.width = (max - min) / bins;
        this.counts = new long[bins];
    }

    /**
     * Counts one sample.
     *
     * @throws IllegalArgumentException for NaN, which belongs to no bin and to neither side
     */
    public void add(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("NaN cannot be counted in a histogram");
        }
        total++;
        if (x < min) {
            underflow++;
        } else if (x > max) {
            overflow++;
        } else {
            counts[index(x)]++;
        }
    }

    public void addAll(double[] xs) {
        for (double x : xs) {
            add(x);
        }
    }

    /** Adds xs[from] .. xs[to - 1]. */
    public void addAll(double[] xs, int from, int to) {
        for (int i = from; i < to; i++) {
            add(xs[i]);
        }
    }

    public void clear() {
        java.util.Arrays.fill(counts, 0);
        underflow = 0;
        overflow = 0;
        total = 0;
    }

    /** The bin of an in-range x: floor((x - min) / w), with x = max (and rounding at the top) in the last bin. */
    private int index(double x) {
        int k = (int) Math.floor((x - min) / width);
        return Math.max(0, Math.min(counts.length - 1, k));
    }

    public int bins() {
        return counts.length;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double binWidth() {
        return width;
    }

    /** Left edge of bin k. */
    public double binStart(int k) {
        return min + k * width;
    }

    /** Right edge of bin k (exactly max for the last bin). */
    public double binEnd(int k) {
        return k == counts.length - 1 ? max : min + (k + 1) * width;
    }

    public long count(int k) {
        return counts[k];
    }

    public long underflow() {
        return underflow;
    }

    public long overflow() {
        return overflow;
    }

    /** Every sample counted, in range or not. */
    public long total() {
        return total;
    }

    public long inRange() {
        return total - underflow - overflow;
    }

    /** count_k / (n w): the bar height that makes the bars comparable with a density; 0 with no samples. */
    public double density(int k) {
        return total == 0 ? 0 : counts[k] / (total * width);
    }

    /** All bar heights, see {@link #density(int)}. */
    public double[] densities() {
        double[] out = new double[counts.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = density(k);
        }
        return out;
    }

    /** Sum of bar areas, density_k * w: the in-range fraction (0 with no samples). */
    public double area() {
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += density(k) * width;
        }
        return sum;
    }
}
