package org.dlmathlab.math.stats;

/**
 * The normal distribution N(mu, sigma^2):
 * density p(x) = exp(-(x - mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)); mean mu, variance sigma^2, standard deviation
 * sigma (in the units of x, which is why it is the one drawn as a width); about 68.3% of the mass lies within one
 * sigma of mu, 95.4% within two, 99.7% within three.
 */
public record Gaussian(double mu, double sigma) {

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    public Gaussian {
        if (!Double.isFinite(mu) || !(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("a normal distribution needs a finite mean and sigma > 0, not mu = "
                    + mu + ", sigma = " + sigma);
        }
    }

    public double variance() {
        return sigma * sigma;
    }

    public double density(double x) {
        double z = (x - mu) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }

    /** ln p(x) = -ln sigma - ln sqrt(2 pi) - (x - mu)^2 / (2 sigma^2), exact where p(x) itself underflows. */
    public double logDensity(double x) {
        double z = (x - mu) / sigma;
        return -Math.log(sigma) - LOG_SQRT_TWO_PI - 0.5 * z * z;
    }
}
