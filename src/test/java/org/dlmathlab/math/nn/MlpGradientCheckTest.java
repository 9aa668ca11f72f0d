package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpGradientCheckTest {

    /** Relative difference |a - b| / max(|a|, |b|, floor): the usual gradient-check measure. */
    private static double relative(double a, double b, double floor) {
        return Math.abs(a - b) / Math.max(floor, Math.max(Math.abs(a), Math.abs(b)));
    }

    @Test
    void backPropagationMatchesCentralDifferencesForEveryActivationAndLoss() {
        Random random = new Random(11);
        Object[][] pairings = {
                {Mlp.Output.LINEAR, Loss.MSE}, {Mlp.Output.LINEAR, Loss.MAE},
                {Mlp.Output.SIGMOID, Loss.BINARY_CROSS_ENTROPY}, {Mlp.Output.SIGMOID, Loss.MSE},
                {Mlp.Output.SOFTMAX, Loss.CATEGORICAL_CROSS_ENTROPY}};
        int checked = 0;
        for (Activation hidden : Activation.values()) {
            for (Object[] pairing : pairings) {
                Mlp.Output output = (Mlp.Output) pairing[0];
                Loss loss = (Loss) pairing[1];
                for (int trial = 0; trial < 4; trial++) {
                    int outputs = output == Mlp.Output.SOFTMAX ? 3 : 1 + random.nextInt(2);
                    int[] sizes = {2 + random.nextInt(3), 1 + random.nextInt(5), 1 + random.nextInt(4), outputs};
                    Mlp net = new Mlp(sizes, hidden, output);
                    net.initialise(random);
                    double[] theta = net.parameters();
                    for (int k = 0; k < theta.length; k++) {
                        theta[k] += 0.1 * random.nextGaussian();
                    }
                    net.setParameters(theta);
                    double[][] xs = new double[5][sizes[0]];
                    double[][] ys = new double[5][outputs];
                    for (int s = 0; s < xs.length; s++) {
                        for (int i = 0; i < sizes[0]; i++) {
                            xs[s][i] = random.nextGaussian();
                        }
                        if (output == Mlp.Output.SOFTMAX) {
                            ys[s][random.nextInt(outputs)] = 1;
                        } else {
                            for (int j = 0; j < outputs; j++) {
                                ys[s][j] = output == Mlp.Output.SIGMOID ? random.nextInt(2) : random.nextGaussian();
                            }
                        }
                    }
                    double[] analytic = net.gradient(xs, ys, loss);
                    double[] numeric = net.numericalGradient(xs, ys, loss, 1e-6, true);
                    for (int k = 0; k < analytic.length; k++) {
                        // ReLU-like kinks and MAE's sign break the difference quotient only where a sample sits
                        // within h of a kink; with Gaussian data that is vanishingly rare.
                        assertTrue(relative(analytic[k], numeric[k], 1e-4) < 1e-5, hidden + " " + output + " " + loss
                                + " parameter " + k + ": " + analytic[k] + " vs " + numeric[k]);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked + " partial derivatives");
    }

    @Test
    void theNotesNetworkGivesTheNotesFirstLoss() {
        // Seed 002: input [1, 1], target 0, three sigmoid hidden units, a linear output, MSE. Weights as printed
        // there (float32 in the notes, so rounded to float here too).
        Mlp net = new Mlp(new int[]{2, 3, 1}, Activation.SIGMOID, Mlp.Output.LINEAR);
        double[][] w1 = {{-0.0053, 0.3793}, {-0.5820, -0.5204}, {-0.2723, 0.1896}};
        double[] b1 = {-0.0140, 0.5607, -0.0628};
        double[] w2 = {0.1528, -0.1745, -0.1135};
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 2; i++) {
                net.weights(0)[j][i] = (float) w1[j][i];
            }
            net.biases(0)[j] = (float) b1[j];
            net.weights(1)[0][j] = (float) w2[j];
        }
        net.biases(1)[0] = (float) -0.5516;
        double[][] x = {{1, 1}};
        double[][] y = {{0}};
        // Independent computation: the notes' NumPy code (NumPy 2.4, its first printed loss) gives 0.33455008989960927.
        assertEquals(0.33455008989960927, net.loss(x, y, Loss.MSE), 1e-15);
        // By hand: h_j = sigmoid(w_j . x + b_j), out = w2 . h + b2, loss = out^2.
        double out = -0.5516;
        for (int j = 0; j < 3; j++) {
            out += w2[j] * Activation.sigmoid(w1[j][0] + w1[j][1] + b1[j]);
        }
        assertEquals(out * out, net.loss(x, y, Loss.MSE), 1e-6);
        double[] analytic = net.gradient(x, y, Loss.MSE);
        double[] forward = net.numericalGradient(x, y, Loss.MSE, 1e-4, false);
        for (int k = 0; k < analytic.length; k++) {
            // The notes' forward difference with h = 1e-4 is off by about h/2 * L'' ~ 1e-4.
            assertEquals(analytic[k], forward[k], 2e-4, "parameter " + k);
        }
    }

    @Test
    void parametersRoundTripAndBadShapesAreRefused() {
        Mlp net = new Mlp(new int[]{2, 4, 3}, Activation.TANH, Mlp.Output.SOFTMAX);
        net.initialise(new Random(1));
        assertEquals(4 * 3 + 3 * 5, net.parameterCount());
        double[] theta = net.parameters();
        Mlp copy = net.copy();
        assertArrayEquals(theta, copy.parameters(), 0);
        double[] p = net.predict(new double[]{0.3, -0.2});
        assertEquals(1, p[0] + p[1] + p[2], 1e-12, "softmax outputs sum to 1");
        assertThrows(IllegalArgumentException.class, () -> net.predict(new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(new int[]{2}, Activation.RELU, Mlp.Output.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(new int[]{2, 1}, Activation.RELU,
                Mlp.Output.SOFTMAX));
        assertThrows(IllegalArgumentException.class, () -> net.setParameters(new double[3]));
    }
}
