package org.dlmathlab.math.stats;

/**
 * Mean and variance of a stream of samples, updated one sample at a time (Welford's method):
 * n <- n + 1; delta = x - mean; mean <- mean + delta / n; m2 <- m2 + delta (x - mean).
 * Then the population (biased) variance is m2 / n and the sample (unbiased) variance m2 / (n - 1). Unlike summing x
 * and x^2, this does not lose digits when the mean is large compared with the spread.
 */
public final class RunningMoments {

    private long n;
    private double mean;
    private double m2;

    public void add(double x) {
        n++;
        double delta = x - mean;
        mean += delta / n;
        m2 += delta * (x - mean);
    }

    public void addAll(double[] xs) {
        for (double x : xs) {
            add(x);
        }
    }

    public void clear() {
        n = 0;
        mean = 0;
        m2 = 0;
    }

    public long count() {
        return n;
    }

    /** The mean, NaN with no samples. */
    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** Sum of (x - mean)^2 / n: the maximum-likelihood estimate of sigma^2; NaN with no samples. */
    public double populationVariance() {
        return n == 0 ? Double.NaN : m2 / n;
    }

    /** Sum of (x - mean)^2 / (n - 1): unbiased; NaN with fewer than two samples. */
    public double sampleVariance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }
}
