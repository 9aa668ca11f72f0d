package org.dlmathlab.math.regression;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Paired samples (x_i, y_i), i = 0 .. n-1, for fitting a line y ~ w x + b.
 *
 * <p>The arrays are copied on the way in and on the way out, so a dataset never changes after it is built; equality
 * compares the values, not the array identities.
 *
 * @param x the inputs, all finite
 * @param y the targets, all finite, as many as x (at least one)
 */
public record Dataset(double[] x, double[] y) {

    /** The seed the lessons use for the notes' noisy example, so every learner sees the same points. */
    public static final long DEFAULT_SEED = 42L;

    public Dataset {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y are required");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("a dataset needs at least one point");
        }
        x = x.clone();
        y = y.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
    }

    /** A copy of the inputs. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the targets. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of points. */
    public int n() {
        return x.length;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /**
     * Points on the line y = slope x + intercept plus Gaussian noise, as in the notes:
     * {@code x = np.linspace(from, to, n); y = slope * x + intercept + np.random.normal(0, noiseSd, n)}.
     *
     * <p>x follows numpy's linspace exactly: step = (to - from) / (n - 1), x_i = from + i step, and the last point is
     * set to {@code to} so rounding cannot miss the end; n = 1 gives [from]. The noise is drawn in order i = 0, 1, ...
     * from a Commons Math {@link NormalDistribution} over a {@link Well19937c} seeded with {@code seed}, so the same
     * seed always gives the same data (numpy's generator is a different one, so the values differ from Python's).
     *
     * @param noiseSd the standard deviation of the noise; 0 gives points exactly on the line
     */
    public static Dataset linear(int n, double from, double to, double slope, double intercept, double noiseSd,
                                 long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        if (!(noiseSd >= 0) || !Double.isFinite(noiseSd)) {
            throw new IllegalArgumentException("noiseSd must be finite and >= 0, was " + noiseSd);
        }
        double[] x = linspace(from, to, n);
        double[] y = new double[n];
        // NormalDistribution rejects sd = 0, and an exact line is what sd = 0 means anyway.
        NormalDistribution noise = noiseSd > 0 ? new NormalDistribution(new Well19937c(seed), 0, noiseSd) : null;
        for (int i = 0; i < n; i++) {
            y[i] = slope * x[i] + intercept + (noise == null ? 0 : noise.sample());
        }
        return new Dataset(x, y);
    }

    /** The notes' data: 100 points, x from 0 to 10, y = 3x + 1 + N(0, noiseSd^2) noise. */
    public static Dataset notes(double noiseSd, long seed) {
        return linear(100, 0, 10, 3, 1, noiseSd, seed);
    }

    /** numpy.linspace(from, to, n) with the end point included. */
    static double[] linspace(double from, double to, int n) {
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("the x range must be finite: " + from + " .. " + to);
        }
        double[] x = new double[n];
        if (n == 1) {
            x[0] = from;
            return x;
        }
        // numpy computes the step once and multiplies (i * step), rather than (i * delta) / (n - 1);
        // the two round differently, and matching numpy keeps the notes' numbers.
        double step = (to - from) / (n - 1);
        for (int i = 0; i < n - 1; i++) {
            x[i] = i * step + from;
        }
        x[n - 1] = to;
        return x;
    }

    /** The mean of x and its population standard deviation (divide by n), for {@link #standardized()}. */
    public Scaling scaling() {
        double min = Arrays.stream(x).min().orElseThrow();
        double max = Arrays.stream(x).max().orElseThrow();
        if (min == max) {
            // All x equal: sum / n could be off by an ulp and then blow tiny differences up; use the value itself
            // and divide by 1, so standardizing just centres the data at 0.
            return new Scaling(min, 1);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return new Scaling(mean, Math.sqrt(squares / x.length));
    }

    /** A dataset with x replaced by (x - mean) / sd (see {@link #scaling()}) and y unchanged. */
    public Dataset standardized() {
        Scaling s = scaling();
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = s.apply(x[i]);
        }
        return new Dataset(z, y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset other && Arrays.equals(x, other.x) && Arrays.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Dataset[n=" + x.length + ", x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y) + "]";
    }

    /**
     * The map z = (x - mean) / sd between raw and standardized x, and back for a fitted line.
     *
     * <p>A line y = w z + b on standardized inputs is y = (w / sd) x + (b - w mean / sd) on raw inputs,
     * since w z + b = w (x - mean) / sd + b.
     *
     * @param mean the mean of the raw x
     * @param sd   the divisor: the population standard deviation of x, or 1 when all x are equal
     */
    public record Scaling(double mean, double sd) {

        public Scaling {
            if (!(sd > 0) || !Double.isFinite(sd) || !Double.isFinite(mean)) {
                throw new IllegalArgumentException("need a finite mean and sd > 0, was " + mean + ", " + sd);
            }
        }

        /** z = (x - mean) / sd. */
        public double apply(double x) {
            return (x - mean) / sd;
        }

        /** {w_raw, b_raw} = {w / sd, b - w mean / sd}: the same line expressed on raw x. */
        public double[] toRaw(double w, double b) {
            return new double[]{w / sd, b - w * mean / sd};
        }
    }
}
