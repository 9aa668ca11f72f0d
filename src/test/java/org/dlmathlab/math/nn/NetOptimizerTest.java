package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetOptimizerTest {

    /** f(theta) = 1/2 sum a_i theta_i^2, an ill-conditioned bowl: gradient a_i theta_i. */
    private static final double[] A = {1, 10, 0.2};

    private static double f(double[] t) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            s += 0.5 * A[i] * t[i] * t[i];
        }
        return s;
    }

    private static double[] grad(double[] t) {
        double[] g = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            g[i] = A[i] * t[i];
        }
        return g;
    }

    @Test
    void everyOptimiserLowersTheLossOnABowl() {
        double[] lr = {0.1, 0.02, 0.05};
        for (NetOptimizer.Kind kind : NetOptimizer.Kind.values()) {
            NetOptimizer opt = new NetOptimizer(kind, new boolean[]{true, true, true}, lr[kind.ordinal()], 0);
            double[] theta = {2, -1, 3};
            double start = f(theta);
            for (int k = 0; k < 200; k++) {
                opt.step(theta, grad(theta));
            }
            assertTrue(f(theta) < 0.05 * start, kind + ": " + f(theta) + " from " + start);
            assertEquals(200, opt.steps());
        }
    }

    @Test
    void adamsFirstTwoStepsMatchTheirClosedForm() {
        NetOptimizer adam = new NetOptimizer(NetOptimizer.Kind.ADAM, new boolean[]{true, false}, 0.1, 0);
        double[] theta = {1, -2};
        double[] g1 = {0.5, -4};
        adam.step(theta, g1);
        // m^ = g, s^ = g^2: the first step is eta * g / (|g| + eps), eta in each coordinate.
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), theta[0], 1e-15);
        assertEquals(-2 + 0.1 * 4 / (4 + 1e-8), theta[1], 1e-15);
        double[] g2 = {-1, 2};
        double[] before = theta.clone();
        adam.step(theta, g2);
        for (int i = 0; i < 2; i++) {
            double m = 0.9 * 0.1 * g1[i] + 0.1 * g2[i];
            double s = 0.999 * 0.001 * g1[i] * g1[i] + 0.001 * g2[i] * g2[i];
            double mHat = m / (1 - 0.81);
            double sHat = s / (1 - 0.999 * 0.999);
            assertEquals(before[i] - 0.1 * mHat / (Math.sqrt(sHat) + 1e-8), theta[i], 1e-14);
        }
    }

    @Test
    void momentumAddsUpPastGradients() {
        NetOptimizer m = new NetOptimizer(NetOptimizer.Kind.MOMENTUM, new boolean[]{true}, 0.5, 0);
        double[] theta = {0};
        m.step(theta, new double[]{1});
        assertEquals(-0.5, theta[0], 1e-15);
        m.step(theta, new double[]{1});
        assertEquals(-0.5 - 0.5 * 1.9, theta[0], 1e-15, "v = 0.9 * 1 + 1");
        m.reset();
        m.step(theta, new double[]{0});
        assertEquals(-1.45, theta[0], 1e-15, "after reset the velocity is gone");
    }

    @Test
    void l2AddsLambdaTimesTheWeightToWeightGradientsOnly() {
        Mlp net = new Mlp(new int[]{2, 3, 2}, Activation.TANH, Mlp.Output.SOFTMAX);
        boolean[] mask = NetOptimizer.weightMask(net);
        // Layer 1: 6 weights then 3 biases; layer 2: 6 weights then 2 biases.
        boolean[] expected = {true, true, true, true, true, true, false, false, false,
            true, true, true, true, true, true, false, false};
        assertArrayEquals(expected, mask);
        double lambda = 0.3;
        NetOptimizer sgd = new NetOptimizer(NetOptimizer.Kind.SGD, mask, 1, lambda);
        double[] theta = new double[mask.length];
        double[] g = new double[mask.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 1 + i;
            g[i] = 0.01 * i;
        }
        double[] before = theta.clone();
        sgd.step(theta, g);
        for (int i = 0; i < theta.length; i++) {
            double decay = mask[i] ? lambda * before[i] : 0;
            assertEquals(before[i] - (g[i] + decay), theta[i], 1e-14, "entry " + i);
        }
        assertEquals(0.01 * 2, g[2], 0, "the gradient given is not changed");
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new NetOptimizer(NetOptimizer.Kind.SGD, new boolean[1], 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new NetOptimizer(NetOptimizer.Kind.SGD, new boolean[1], 0.1, -1));
        NetOptimizer ok = new NetOptimizer(NetOptimizer.Kind.SGD, new boolean[1], 0.1, 0);
        assertThrows(IllegalArgumentException.class, () -> ok.step(new double[2], new double[2]));
    }
}
