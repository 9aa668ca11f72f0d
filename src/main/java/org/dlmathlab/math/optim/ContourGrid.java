package org.dlmathlab.math.optim;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * A surface sampled on an nx-by-ny grid for drawing a filled contour map, one colour band per level.
 *
 * <p>Sample (i, j) sits at the centre of cell (i, j) of the view rectangle, x_i = xMin + (i + 1/2) (xMax - xMin) / nx
 * and y_j = yMax - (j + 1/2) (yMax - yMin) / ny, so row j = 0 is the top row as on a screen, and one sample per pixel
 * colours every pixel by its own centre. The values are stored row-major: {@code values[j * nx + i]}. Samples may be
 * NaN or infinite (ln x left of the axis); they are stored as they are and left out of the levels.
 */
public final class ContourGrid {

    /** The number of levels {@link #levelIndex(double)} uses. */
    public static final int DEFAULT_LEVEL_COUNT = 12;

    private final double[] values;
    private final int nx;
    private final int ny;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    /**
     * Quantiles are read from at most this many samples (every s-th one): sorting all 120,000 samples of a 400 x 300
     * grid costs 6 ms warm and 50 ms cold, a sample of 16,384 a fraction of that, and moves a band edge by well under
     * a percent of its share.
     */
    private static final int QUANTILE_SAMPLES = 16_384;

    /** The finite samples (every s-th), sorted; computed on first use so that sampling alone stays fast. */
    private double[] sorted;
    /** The lowest finite sample of the whole grid (NaN if none); the subsample might have skipped it. */
    private double finiteMin;
    private double[] defaultLevels;

    private ContourGrid(double[] values, int nx, int ny, double xMin, double xMax, double yMin, double yMax) {
        this.values = values;
        this.nx = nx;
        this.ny = ny;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /**
     * Samples f at the centres of an nx-by-ny grid of cells over [xMin, xMax] x [yMin, yMax].
     *
     * @throws IllegalArgumentException if the rectangle is empty or a count is below 1
     */
    public static ContourGrid sample(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax,
                                     int nx, int ny) {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("Empty rectangle [" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax
                    + "]");
        }
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("A grid needs at least one sample each way: " + nx + " x " + ny);
        }
        double dx = (xMax - xMin) / nx;
        double dy = (yMax - yMin) / ny;
        double[] values = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            double y = yMax - (j + 0.5) * dy;
            int row = j * nx;
            for (int i = 0; i < nx; i++) {
                values[row + i] = f.applyAsDouble(xMin + (i + 0.5) * dx, y);
            }
        }
        return new ContourGrid(values, nx, ny, xMin, xMax, yMin, yMax);
    }

    /**
     * Up to {@code count} increasing level values: the lowest finite sample and then the quantiles k / count
     * (k = 1 .. count - 1) of the finite samples (of every s-th sample on grids larger than {@value #QUANTILE_SAMPLES}),
     * with repeats dropped (a plateau gives fewer levels, a constant surface one). Level k is the lower edge of colour
     * band k.
     *
     * <p>Quantiles give every band the same share of the picture, whatever the scale. For a bowl x^2 + y^2 that is
     * the familiar rings at radii growing like sqrt(k) (value ~ r^2 ~ area); for Rosenbrock, whose values run from 0
     * in the valley to thousands in the corners, evenly spaced levels would paint the whole valley one colour, while
     * quantiles put as many levels into it as into the steep walls. Quantiles only depend on the order of the values,
     * so they already do what log spacing would do for values spanning several decades, and they need no special
     * case for zero or negative values.
     *
     * @return the levels; empty when no sample is finite
     */
    public double[] levels(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one level is needed: " + count);
        }
        double[] finite = sortedFiniteValues();
        if (finite.length == 0) {
            return new double[0];
        }
        double[] levels = new double[count];
        levels[0] = finiteMin;
        int n = 1;
        for (int k = 1; k < count; k++) {
            double level = finite[(int) ((long) k * finite.length / count)];
            if (level > levels[n - 1]) {
                levels[n++] = level;
            }
        }
        return Arrays.copyOf(levels, n);
    }

    /**
     * The colour band of {@code v} among {@link #levels(int) levels}({@value #DEFAULT_LEVEL_COUNT}); see
     * {@link #levelIndex(double[], double)}.
     */
    public synchronized int levelIndex(double v) {
        if (defaultLevels == null) {
            defaultLevels = levels(DEFAULT_LEVEL_COUNT);
        }
        return levelIndex(defaultLevels, v);
    }

    /**
     * The colour band of {@code v}: the largest k with levels[k] &lt;= v, so 0 for the lowest values (and anything
     * below levels[0], including -infinity) and levels.length - 1 for the highest (including +infinity); -1 for NaN
     * or when there are no levels, which the drawing leaves uncoloured.
     *
     * @param levels increasing level values, as from {@link #levels(int)}
     */
    public static int levelIndex(double[] levels, double v) {
        if (Double.isNaN(v) || levels.length == 0) {
            return -1;
        }
        int found = Arrays.binarySearch(levels, v);
        // binarySearch gives -(insertion point) - 1 when v is not a level; the band is the level just below.
        int index = found >= 0 ? found : -found - 2;
        return Math.max(0, index);
    }

    private synchronized double[] sortedFiniteValues() {
        if (sorted == null) {
            // A stride below nx steps through the columns as well as the rows, so it cannot keep hitting one column.
            int stride = Math.max(1, (values.length + QUANTILE_SAMPLES - 1) / QUANTILE_SAMPLES);
            double[] finite = new double[(values.length + stride - 1) / stride];
            int n = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < values.length; k++) {
                double v = values[k];
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    if (k % stride == 0) {
                        finite[n++] = v;
                    }
                }
            }
            if (n == 0 && min < Double.POSITIVE_INFINITY) {
                // Every sampled position was undefined but some other sample is not: quantiles of that one value.
                finite[n++] = min;
            }
            finiteMin = n == 0 ? Double.NaN : min;
            sorted = Arrays.copyOf(finite, n);
            Arrays.sort(sorted);
        }
        return sorted;
    }

    /** The sample in column i (left to right) and row j (top to bottom). */
    public double value(int i, int j) {
        return values[j * nx + i];
    }

    /** A copy of the samples, row-major with the top row first. */
    public double[] values() {
        return values.clone();
    }

    /** x of column i's sample centre. */
    public double x(int i) {
        return xMin + (i + 0.5) * (xMax - xMin) / nx;
    }

    /** y of row j's sample centre (row 0 at the top). */
    public double y(int j) {
        return yMax - (j + 0.5) * (yMax - yMin) / ny;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public double xMin() {
        return xMin;
    }

    public double xMax() {
        return xMax;
    }

    public double yMin() {
        return yMin;
    }

    public double yMax() {
        return yMax;
    }
}
