package org.dlmathlab.math.regression;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Noisy samples of a smooth curve, the classic picture of over- and under-fitting:
 * y = f(x) + epsilon with f(x) = sin(2 pi x) on [0, 1] and epsilon ~ N(0, sigma^2), x uniform on [0, 1].
 *
 * <p>The training set and the validation set are separate, independent draws from two generators seeded from the same
 * seed, so a seed always gives the same picture. The training set of size n is the first n draws of its stream: asking
 * for more data keeps the points already there and adds new ones, as collecting more data would. Both sets use the
 * same noise values for the same seed whatever sigma is (the noise is sigma times a fixed standard normal draw), so
 * moving the sigma slider scales the scatter instead of reshuffling it.
 */
public final class NoisyCurve {

    /** Size of the validation set: large enough that its error is a steady estimate of the true error. */
    public static final int VALIDATION_SIZE = 200;

    private final double[] trainX;
    private final double[] trainY;
    private final double[] valX;
    private final double[] valY;
    private final double sigma;

    private NoisyCurve(double[] trainX, double[] trainY, double[] valX, double[] valY, double sigma) {
        this.trainX = trainX;
        this.trainY = trainY;
        this.valX = valX;
        this.valY = valY;
        this.sigma = sigma;
    }

    /**
     * Draws n training points and {@link #VALIDATION_SIZE} validation points.
     *
     * @param n     training points, at least 1
     * @param sigma noise standard deviation, finite and at least 0
     * @param seed  any whole number
     */
    public static NoisyCurve draw(int n, double sigma, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0, not " + sigma);
        }
        double[][] train = grid(new Well19937c(seed), n, sigma);
        // A different stream for validation: the two sets never share a point.
        double[][] val = sample(new Well19937c(seed ^ 0x5DEECE66DL), VALIDATION_SIZE, sigma);
        return new NoisyCurve(train[0], train[1], val[0], val[1], sigma);
    }

    /** Training inputs evenly spaced, x_i = i / (n - 1), as np.linspace(0, 1, n): the fit never extrapolates. */
    private static double[][] grid(RandomGenerator rng, int count, double sigma) {
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = count == 1 ? 0.5 : (double) i / (count - 1);
            ys[i] = truth(xs[i]) + sigma * rng.nextGaussian();
        }
        return new double[][]{xs, ys};
    }

    private static double[][] sample(RandomGenerator rng, int count, double sigma) {
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            // x and its noise are drawn in pairs, so point i is the same whatever count is.
            xs[i] = rng.nextDouble();
            ys[i] = truth(xs[i]) + sigma * rng.nextGaussian();
        }
        return new double[][]{xs, ys};
    }

    /** The smooth curve the data come from: f(x) = sin(2 pi x). */
    public static double truth(double x) {
        return Math.sin(2 * Math.PI * x);
    }

    public int size() {
        return trainX.length;
    }

    public double sigma() {
        return sigma;
    }

    public double[] trainX() {
        return trainX.clone();
    }

    public double[] trainY() {
        return trainY.clone();
    }

    public double[] valX() {
        return valX.clone();
    }

    public double[] valY() {
        return valY.clone();
    }
}
