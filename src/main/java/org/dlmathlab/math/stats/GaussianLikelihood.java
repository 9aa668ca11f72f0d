package org.dlmathlab.math.stats;

/**
 * The likelihood of data x_1..x_n under N(mu, sigma^2), treated as a function of (mu, sigma) with the data fixed.
 *
 * <ul>
 *   <li>log-likelihood l(mu, sigma) = -n ln sigma - n ln sqrt(2 pi) - sum (x_i - mu)^2 / (2 sigma^2)</li>
 *   <li>maximised at mu* = mean(x) and sigma*^2 = sum (x_i - mu*)^2 / n (the biased variance: divide by n)</li>
 *   <li>for fixed sigma, -l = const + SSE(mu) / (2 sigma^2): maximising the likelihood is minimising the squared error,
 *       which is why Gaussian noise leads to the MSE loss</li>
 * </ul>
 */
public final class GaussianLikelihood {

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final double[] data;

    public GaussianLikelihood(double[] data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("the likelihood needs at least one data point");
        }
        for (double x : data) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("every data point must be a finite number, not " + x);
            }
        }
        this.data = data.clone();
    }

    public int size() {
        return data.length;
    }

    public double[] data() {
        return data.clone();
    }

    /** Sum of (x_i - mu)^2. */
    public double squaredError(double mu) {
        double sum = 0;
        for (double x : data) {
            sum += (x - mu) * (x - mu);
        }
        return sum;
    }

    public double logLikelihood(double mu, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be positive, not " + sigma);
        }
        int n = data.length;
        return -n * Math.log(sigma) - n * LOG_SQRT_TWO_PI - squaredError(mu) / (2 * sigma * sigma);
    }

    /** The likelihood itself, the product of densities; it underflows to 0 for large n, which the log avoids. */
    public double likelihood(double mu, double sigma) {
        return Math.exp(logLikelihood(mu, sigma));
    }

    /** mu* = the sample mean. */
    public double muMle() {
        RunningMoments m = new RunningMoments();
        m.addAll(data);
        return m.mean();
    }

    /** sigma* = sqrt(sum (x_i - mean)^2 / n); 0 when every point is the same (the likelihood is then unbounded). */
    public double sigmaMle() {
        RunningMoments m = new RunningMoments();
        m.addAll(data);
        return Math.sqrt(m.populationVariance());
    }
}
