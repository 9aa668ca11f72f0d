package org.dlmathlab.labs.gaussian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.stats.Gaussian;
import org.dlmathlab.math.stats.GaussianSampler;
import org.dlmathlab.math.stats.Histogram;
import org.dlmathlab.math.stats.RunningMoments;

/**
 * The normal distribution N(mu, sigma^2) and samples drawn from it with a seeded generator: a histogram of the samples
 * (density-normalised, over mu +- 4 sigma) against the density, and the running mean and variance converging to mu and
 * sigma^2 as n grows.
 *
 * <p>The samples are a function of (mu, sigma, seed) and their count alone: the generator restarts from the seed
 * whenever the samples are cleared, and changing mu, sigma or the seed clears them. {@link #step()} draws
 * {@code batch} samples.
 *
 * <p>Quantities: {@code mean} is the running sample mean (NaN with no samples); {@code variance} the sample variance
 * with n - 1, s^2 = sum (x_i - mean)^2 / (n - 1) (NaN below two samples); {@code variance_biased} the same sum over n
 * (NaN with no samples); {@code mean_sq_dist} the mean of (x_i - mu)^2, the squared distances from the true mean;
 * {@code within1..3} the fraction of samples with |x - mu| <= k sigma; {@code peak} the height p(mu) =
 * 1 / (sigma sqrt(2 pi)) of the curve.
 */
public final class GaussianModel implements LabModel {

    public static final String ID = "gaussian";
    public static final double MU_MIN = -5;
    public static final double MU_MAX = 5;
    public static final double SIGMA_MIN = 0.1;
    public static final double SIGMA_MAX = 5;
    public static final double SEED_MAX = 999_999_999;
    public static final int BATCH_MAX = 100_000;
    public static final int BINS_MIN = 5;
    public static final int BINS_MAX = 120;
    /** The samples kept at most; drawing stops there (8 MB of doubles). */
    public static final int MAX_SAMPLES = 1_000_000;
    /** The histogram covers mu +- this many sigma (all but 0.006% of the mass). */
    public static final double RANGE_SIGMAS = 4;

    private static final List<String> PARAMETERS = List.of("mu", "sigma", "seed", "batch", "bins");
    private static final List<String> QUANTITIES = List.of("mu", "sigma", "sigma2", "peak", "n", "mean", "variance",
            "variance_biased", "sd", "mean_sq_dist", "within1", "within2", "within3", "last", "last_sq", "seed",
            "batch", "bins");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("mu", 0.0, "sigma", 1.0, "seed", 42.0,
            "batch", 100.0, "bins", 40.0);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private double mu;
    private double sigma = 1;
    private long seed = 42;
    private int batch = 100;
    private int bins = 40;

    private GaussianSampler sampler;
    private double[] samples = new double[1024];
    private int n;
    private int lastDrawStart;
    private final RunningMoments moments = new RunningMoments();
    private double sumSquaredDistance;
    private final long[] within = new long[3];
    private Histogram histogram;
    /** Running mean and variance at thinned n (every n up to 1000, then about 900 per decade). */
    private final Checkpoints checkpoints = new Checkpoints();
    private long generation;

    public GaussianModel() {
        clearSamples();
    }

    @Override
    public String id() {
        return ID;
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    public long seed() {
        return seed;
    }

    public int batch() {
        return batch;
    }

    public Gaussian distribution() {
        return new Gaussian(mu, sigma);
    }

    /** p(x) of the current N(mu, sigma^2). */
    public double density(double x) {
        return distribution().density(x);
    }

    public int sampleCount() {
        return n;
    }

    public double sample(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + n);
        }
        return samples[i];
    }

    /** Index of the first sample of the most recent draw (equal to n when nothing was drawn since clearing). */
    public int lastDrawStart() {
        return lastDrawStart;
    }

    /** Counts up whenever the samples are cleared, so a view knows to start its pictures afresh. */
    public long generation() {
        return generation;
    }

    public Histogram histogram() {
        return histogram;
    }

    public boolean isFull() {
        return n >= MAX_SAMPLES;
    }

    /** Number of running-moment checkpoints so far; see {@link #checkpoint(int)}. */
    public int checkpointCount() {
        return checkpoints.size;
    }

    /** Checkpoint i as {n, mean, variance (n - 1; NaN for n = 1)}. */
    public double[] checkpoint(int i) {
        return new double[]{checkpoints.n[i], checkpoints.mean[i], checkpoints.variance[i]};
    }

    /**
     * Draws up to {@code count} samples (fewer once {@link #MAX_SAMPLES} are held) and returns how many were drawn.
     */
    public int draw(int count) {
        int k = Math.max(0, Math.min(count, MAX_SAMPLES - n));
        if (k == 0) {
            return 0;
        }
        if (n + k > samples.length) {
            samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, Math.max(n + k, samples.length * 2)));
        }
        double[] fresh = sampler.next(k);
        lastDrawStart = n;
        for (double x : fresh) {
            samples[n++] = x;
            moments.add(x);
            histogram.add(x);
            double d = x - mu;
            sumSquaredDistance += d * d;
            for (int j = 0; j < within.length; j++) {
                if (Math.abs(d) <= (j + 1) * sigma) {
                    within[j]++;
                }
            }
            if (Checkpoints.records(n)) {
                checkpoints.add(n, moments.mean(), moments.sampleVariance());
            }
        }
        changes.fire();
        return k;
    }

    /** Throws every sample away; the generator starts again from the seed, so the same draws come back. */
    public void clear() {
        clearSamples();
        changes.fire();
    }

    private void clearSamples() {
        sampler = new GaussianSampler(new Gaussian(mu, sigma), seed);
        n = 0;
        lastDrawStart = 0;
        moments.clear();
        sumSquaredDistance = 0;
        Arrays.fill(within, 0);
        histogram = new Histogram(mu - RANGE_SIGMAS * sigma, mu + RANGE_SIGMAS * sigma, bins);
        checkpoints.clear();
        generation++;
    }

    @Override
    public boolean canStep() {
        return true;
    }

    /** Draws {@code batch} samples. */
    @Override
    public void step() {
        draw(batch);
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "mu" -> {
                double v = Parameters.requireInRange(name, value, MU_MIN, MU_MAX);
                if (v != mu) {
                    mu = v;
                    clearSamples();
                }
            }
            case "sigma" -> {
                double v = Parameters.requireInRange(name, value, SIGMA_MIN, SIGMA_MAX);
                if (v != sigma) {
                    sigma = v;
                    clearSamples();
                }
            }
            case "seed" -> {
                long v = (long) whole(name, value, 0, SEED_MAX);
                if (v != seed) {
                    seed = v;
                    clearSamples();
                }
            }
            case "batch" -> batch = (int) whole(name, value, 1, BATCH_MAX);
            case "bins" -> {
                int v = (int) whole(name, value, BINS_MIN, BINS_MAX);
                if (v != bins) {
                    bins = v;
                    // Rebinning keeps the samples: only the picture's resolution changes.
                    histogram = new Histogram(mu - RANGE_SIGMAS * sigma, mu + RANGE_SIGMAS * sigma, bins);
                    histogram.addAll(samples, 0, n);
                }
            }
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
        changes.fire();
    }

    private static double whole(String name, double value, double min, double max) {
        double v = Parameters.requireInRange(name, value, min, max);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
        return v;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "mu" -> mu;
            case "sigma" -> sigma;
            case "sigma2" -> sigma * sigma;
            case "peak" -> density(mu);
            case "n" -> n;
            case "mean" -> moments.mean();
            case "variance" -> moments.sampleVariance();
            case "variance_biased" -> moments.populationVariance();
            case "sd" -> Math.sqrt(moments.sampleVariance());
            case "mean_sq_dist" -> n == 0 ? Double.NaN : sumSquaredDistance / n;
            case "within1" -> fraction(0);
            case "within2" -> fraction(1);
            case "within3" -> fraction(2);
            case "last" -> n == 0 ? Double.NaN : samples[n - 1];
            case "last_sq" -> n == 0 ? Double.NaN : (samples[n - 1] - mu) * (samples[n - 1] - mu);
            case "seed" -> seed;
            case "batch" -> batch;
            case "bins" -> bins;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    private double fraction(int k) {
        return n == 0 ? Double.NaN : within[k] / (double) n;
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        defaults = Parameters.mergeDefaults(ID, LAB_DEFAULTS, parameters, PARAMETERS);
        reset();
    }

    /** The lesson's parameters and no samples. */
    @Override
    public void reset() {
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
        clear();
    }

    @Override
    public Map<String, DataTable> dataSeries() {
        List<double[]> running = new ArrayList<>();
        for (int i = 0; i < checkpoints.size; i++) {
            running.add(checkpoint(i));
        }
        List<double[]> bars = new ArrayList<>();
        for (int k = 0; k < histogram.bins(); k++) {
            bars.add(new double[]{histogram.binStart(k), histogram.binEnd(k), histogram.count(k),
                histogram.density(k), density((histogram.binStart(k) + histogram.binEnd(k)) / 2)});
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("running", new DataTable(List.of("n", "mean", "variance"), running));
        out.put("histogram", new DataTable(List.of("from", "to", "count", "height", "density_at_centre"), bars));
        return out;
    }

    /** Growable columns of (n, mean, variance), recorded at thinned n. */
    private static final class Checkpoints {
        private int[] n = new int[256];
        private double[] mean = new double[256];
        private double[] variance = new double[256];
        private int size;

        /** Every n up to 1000, then every 10^(d - 2) for n with d + 1 digits: about 900 points per decade. */
        static boolean records(int count) {
            if (count <= 1000) {
                return true;
            }
            int step = (int) Math.pow(10, Math.floor(Math.log10(count)) - 2);
            return count % step == 0;
        }

        void add(int count, double m, double v) {
            if (size == n.length) {
                n = Arrays.copyOf(n, size * 2);
                mean = Arrays.copyOf(mean, size * 2);
                variance = Arrays.copyOf(variance, size * 2);
            }
            n[size] = count;
            mean[size] = m;
            variance[size] = v;
            size++;
        }

        void clear() {
            size = 0;
        }
    }
}
