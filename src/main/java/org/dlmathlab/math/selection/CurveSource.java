package org.dlmathlab.math.selection;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Where the lab's data come from: y = f(x) + e with f(x) = sin(2x) + x / 2 and noise e ~ N(0, sigma^2), for x in
 * [-3, 3].
 *
 * <p>The inputs are drawn as x = c + h cos(pi u) with u ~ U(0, 1), c = 0, h = 3: the arcsine (Chebyshev) density
 * 1 / (pi sqrt(h^2 - (x - c)^2)), denser near the two ends. With uniform inputs a high-degree polynomial fitted to a
 * few dozen points swings wildly just past the outermost training point (Runge's phenomenon), and a single fresh point
 * there can dominate an average of squared errors; with this density the outermost points sit very close to the ends,
 * so the errors stay readable while every part of the data (training, validation, test, fresh) still comes from one
 * and the same source, which is what the lab is about.
 *
 * <p>The expected squared error of a model p on endless fresh data is
 * E[(p(x) - y)^2] = sigma^2 + E[(p(x) - f(x))^2], and the expectation over the arcsine density is
 * (1 / pi) integral_0^pi g(c + h cos t) dt, computed by the m-point Gauss-Chebyshev rule
 * (1 / m) sum_{k=1..m} g(c + h cos((2k - 1) pi / (2m))), exact when g is a polynomial of degree below 2m.
 */
public final class CurveSource {

    public static final double X_MIN = -3;
    public static final double X_MAX = 3;
    private static final int QUADRATURE_NODES = 512;

    /** A sample of the source: inputs and targets, as many of each. */
    public record Sample(double[] x, double[] y) {

        public int size() {
            return x.length;
        }
    }

    private CurveSource() {
    }

    /** The noiseless curve f(x) = sin(2x) + x / 2. */
    public static double f(double x) {
        return Math.sin(2 * x) + 0.5 * x;
    }

    /**
     * n points drawn with a Well19937c generator seeded with {@code seed}: for each point in turn u = nextDouble()
     * then e = noise * nextGaussian(), so the first k points of a larger sample are the same k points.
     */
    public static Sample draw(int n, double noise, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, not " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("the noise level must be a finite number >= 0, not " + noise);
        }
        Well19937c random = new Well19937c(seed);
        double centre = (X_MIN + X_MAX) / 2;
        double half = (X_MAX - X_MIN) / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = centre + half * Math.cos(Math.PI * random.nextDouble());
            y[i] = f(x[i]) + noise * random.nextGaussian();
        }
        return new Sample(x, y);
    }

    /** E[g(x)] over the source's input density, by the Gauss-Chebyshev rule (see the class comment). */
    public static double expectation(DoubleUnaryOperator g) {
        double centre = (X_MIN + X_MAX) / 2;
        double half = (X_MAX - X_MIN) / 2;
        double sum = 0;
        for (int k = 1; k <= QUADRATURE_NODES; k++) {
            sum += g.applyAsDouble(centre + half * Math.cos((2 * k - 1) * Math.PI / (2 * QUADRATURE_NODES)));
        }
        return sum / QUADRATURE_NODES;
    }

    /** The expected squared error of a model on endless fresh data: sigma^2 + E[(p(x) - f(x))^2]. */
    public static double expectedError(DoubleUnaryOperator model, double noise) {
        return noise * noise + expectation(x -> {
            double d = model.applyAsDouble(x) - f(x);
            return d * d;
        });
    }
}
