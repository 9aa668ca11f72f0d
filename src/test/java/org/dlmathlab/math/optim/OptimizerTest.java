package org.dlmathlab.math.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each update rule against the same rule worked out by hand below, coordinate by coordinate, for a fixed sequence of
 * three gradients (the optimisers are fed these gradients whatever the parameters, as in a unit test of the rule).
 */
class OptimizerTest {

    private static final double LR = 0.1;
    private static final double[] THETA0 = {0.3, -0.7};
    private static final double[][] GRADS = {{1.0, -2.0}, {0.5, 3.0}, {-1.5, 0.25}};

    /** Runs three steps and returns theta_1, theta_2, theta_3. */
    private static double[][] threeSteps(Optimizer optimizer) {
        double[][] thetas = new double[3][];
        double[] theta = THETA0.clone();
        for (int k = 0; k < 3; k++) {
            double[] before = theta.clone();
            theta = optimizer.step(theta, GRADS[k]);
            assertArrayEquals(before, k == 0 ? THETA0 : thetas[k - 1], "the input must not be modified");
            thetas[k] = theta;
        }
        return thetas;
    }

    private static void assertSteps(double[][] expected, double[][] actual) {
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(expected[k], actual[k], 1e-14, "theta_" + (k + 1));
        }
    }

    @Test
    void gradientDescentByHand() {
        double[][] expected = new double[3][2];
        for (int i = 0; i < 2; i++) {
            double t1 = THETA0[i] - LR * GRADS[0][i];
            double t2 = t1 - LR * GRADS[1][i];
            double t3 = t2 - LR * GRADS[2][i];
            expected[0][i] = t1;
            expected[1][i] = t2;
            expected[2][i] = t3;
        }
        assertSteps(expected, threeSteps(new GradientDescent(LR)));
        // And one entry as plain numbers: 0.3 - 0.1 * 1.0 = 0.2, then - 0.05 = 0.15, then + 0.15 = 0.3.
        assertEquals(0.3, threeSteps(new GradientDescent(LR))[2][0], 1e-15);
    }

    @Test
    void momentumByHand() {
        double beta = 0.9;
        double[][] expected = new double[3][2];
        for (int i = 0; i < 2; i++) {
            double v1 = beta * 0 + GRADS[0][i];
            double t1 = THETA0[i] - LR * v1;
            double v2 = beta * v1 + GRADS[1][i];
            double t2 = t1 - LR * v2;
            double v3 = beta * v2 + GRADS[2][i];
            double t3 = t2 - LR * v3;
            expected[0][i] = t1;
            expected[1][i] = t2;
            expected[2][i] = t3;
        }
        assertSteps(expected, threeSteps(new Momentum(LR)));
        // v2 = 0.9 * 1 + 0.5 = 1.4, so theta_2 = 0.3 - 0.1 - 0.14 = 0.06.
        assertEquals(0.06, threeSteps(new Momentum(LR))[1][0], 1e-15);
    }

    @Test
    void rmsPropByHand() {
        double rho = 0.9;
        double eps = 1e-8;
        double[][] expected = new double[3][2];
        for (int i = 0; i < 2; i++) {
            double g1 = GRADS[0][i];
            double g2 = GRADS[1][i];
            double g3 = GRADS[2][i];
            double s1 = rho * 0 + (1 - rho) * g1 * g1;
            double t1 = THETA0[i] - LR * g1 / (Math.sqrt(s1) + eps);
            double s2 = rho * s1 + (1 - rho) * g2 * g2;
            double t2 = t1 - LR * g2 / (Math.sqrt(s2) + eps);
            double s3 = rho * s2 + (1 - rho) * g3 * g3;
            double t3 = t2 - LR * g3 / (Math.sqrt(s3) + eps);
            expected[0][i] = t1;
            expected[1][i] = t2;
            expected[2][i] = t3;
        }
        assertSteps(expected, threeSteps(new RmsProp(LR)));
        // s1 = 0.1 g^2, so the first step is lr g / (|g| sqrt(0.1)) = lr / sqrt(0.1) ~ 0.316 against the gradient.
        assertEquals(0.3 - 0.1 / Math.sqrt(0.1), threeSteps(new RmsProp(LR))[0][0], 1e-7);
    }

    @Test
    void adamByHand() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[][] expected = new double[3][2];
        for (int i = 0; i < 2; i++) {
            double m = 0;
            double v = 0;
            double theta = THETA0[i];
            for (int t = 1; t <= 3; t++) {
                double g = GRADS[t - 1][i];
                m = b1 * m + (1 - b1) * g;
                v = b2 * v + (1 - b2) * g * g;
                double mHat = m / (1 - Math.pow(b1, t));
                double vHat = v / (1 - Math.pow(b2, t));
                theta = theta - LR * mHat / (Math.sqrt(vHat) + eps);
                expected[t - 1][i] = theta;
            }
        }
        assertSteps(expected, threeSteps(new Adam(LR)));
        // Bias correction makes the first step lr * sign(g): (0.3, -0.7) -> (0.2, -0.6).
        assertArrayEquals(new double[]{0.2, -0.6}, threeSteps(new Adam(LR))[0], 1e-8);
    }

    @Test
    void resetForgetsTheState() {
        for (Optimizer optimizer : List.of(new GradientDescent(LR), new Momentum(LR), new RmsProp(LR), new Adam(LR))) {
            double[][] first = threeSteps(optimizer);
            optimizer.reset();
            assertSteps(first, threeSteps(optimizer));
        }
    }

    @Test
    void gradientDescentOnTheBowlFollowsTheClosedForm() {
        // grad (x^2 + y^2) = 2 theta, so theta_k = (1 - 2 * 0.1)^k theta_0 = 0.8^k theta_0.
        Optimizer gd = new GradientDescent(0.1);
        double[] theta = Functions2.BOWL.start();
        for (int k = 1; k <= 50; k++) {
            theta = gd.step(theta, Functions2.BOWL.gradientAt(theta));
            assertEquals(2.5 * Math.pow(0.8, k), theta[0], 1e-12);
            assertEquals(2.0 * Math.pow(0.8, k), theta[1], 1e-12);
        }
    }

    @Test
    void adamReachesTheBottomOfTheBowl() {
        Optimizer adam = new Adam(0.1);
        double[] theta = Functions2.BOWL.start();
        for (int k = 0; k < 1000; k++) {
            theta = adam.step(theta, Functions2.BOWL.gradientAt(theta));
        }
        assertTrue(Math.hypot(theta[0], theta[1]) < 1e-3, "|theta| = " + Math.hypot(theta[0], theta[1]));
    }

    @Test
    void idsAndArgumentChecks() {
        assertEquals(List.of("gd", "momentum", "rmsprop", "adam"), List.of(new GradientDescent(1).id(),
                new Momentum(1).id(), new RmsProp(1).id(), new Adam(1).id()));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.1, 0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(1).step(new double[2], new double[3]));
        Adam adam = new Adam(0.1);
        adam.step(new double[2], new double[2]);
        assertThrows(IllegalArgumentException.class, () -> adam.step(new double[3], new double[3]));
        adam.reset();
        assertEquals(3, adam.step(new double[3], new double[]{1, 1, 1}).length);
    }
}
