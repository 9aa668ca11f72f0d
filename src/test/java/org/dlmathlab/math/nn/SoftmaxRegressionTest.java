package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    @Test
    void gradientIsTheOuterProductOfPMinusYAndX() {
        SoftmaxRegression model = new SoftmaxRegression(4, 3);
        model.initialise(new Random(1));
        double[][] xs = {{0.1, 0.5, -0.3, 0.9}, {1, 0, 0.2, -0.4}};
        double[][] ys = {{0, 0, 1}, {1, 0, 0}};
        double[] analytic = model.network().gradient(xs, ys, Loss.CATEGORICAL_CROSS_ENTROPY);
        double[] numeric = model.network().numericalGradient(xs, ys, Loss.CATEGORICAL_CROSS_ENTROPY, 1e-6, true);
        for (int k = 0; k < analytic.length; k++) {
            assertEquals(numeric[k], analytic[k], 1e-8, "parameter " + k);
        }
        // By hand for the first weight of class 0: mean over samples of (p0 - y0) x0.
        double expected = 0;
        for (int s = 0; s < 2; s++) {
            expected += (model.probabilities(xs[s])[0] - ys[s][0]) * xs[s][0] / 2;
        }
        assertEquals(expected, analytic[0], 1e-15);
    }

    @Test
    void learnsSeparableClassesAndCountsTheConfusion() {
        Random r = new Random(3);
        int n = 600;
        double[][] xs = new double[n][2];
        int[] labels = new int[n];
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            xs[i][0] = centres[labels[i]][0] + 0.5 * r.nextGaussian();
            xs[i][1] = centres[labels[i]][1] + 0.5 * r.nextGaussian();
        }
        SoftmaxRegression model = new SoftmaxRegression(2, 3);
        model.initialise(r);
        double first = model.loss(xs, labels);
        for (int epoch = 0; epoch < 30; epoch++) {
            model.trainEpoch(xs, labels, 20, 0.5, r);
        }
        assertTrue(model.loss(xs, labels) < first / 5, "the loss falls");
        assertTrue(model.accuracy(xs, labels) > 0.97);
        int[][] confusion = model.confusion(xs, labels);
        int total = 0;
        int diagonal = 0;
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                total += confusion[t][p];
            }
            diagonal += confusion[t][t];
        }
        assertEquals(n, total);
        assertEquals(model.accuracy(xs, labels), (double) diagonal / n, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxRegression(3, 1));
    }
}
