package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Inverted dropout: unbiased masks, off at evaluation, and the same gradient as Mlp when nothing is dropped. */
class DropoutTrainerTest {

    private static final double[] XS = {-1, -0.6, -0.1, 0.3, 0.7, 1};
    private static final double[] YS = {0.2, 0.9, -0.3, 0.5, -0.8, 0.1};

    @Test
    void masksKeepTheMeanActivationInExpectation() {
        double[] h = {0.8, -0.3, 0.05, 1};
        double[] out = new double[h.length];
        double[] sum = new double[h.length];
        Random r = new Random(7);
        int draws = 200_000;
        long kept = 0;
        for (int t = 0; t < draws; t++) {
            kept += DropoutTrainer.mask(h, 0.6, r, out);
            for (int j = 0; j < h.length; j++) {
                assertTrue(out[j] == 0 || Math.abs(out[j] - h[j] / 0.6) < 1e-15, "dropped, or scaled by 1/q");
                sum[j] += out[j];
            }
        }
        assertEquals(0.6, kept / (double) (draws * h.length), 0.003, "units kept with probability q");
        for (int j = 0; j < h.length; j++) {
            // sd of one draw is |h| sqrt((1 - q) / q); 4 standard errors.
            double tolerance = 4 * Math.abs(h[j]) * Math.sqrt(0.4 / 0.6) / Math.sqrt(draws);
            assertEquals(h[j], sum[j] / draws, tolerance, "E[m h / q] = h for unit " + j);
        }
    }

    @Test
    void withNothingDroppedTheGradientIsMlpsBackPropagation() {
        DropoutTrainer t = new DropoutTrainer(5, 1, 3);
        Mlp net = t.network();
        double[][] xs = new double[XS.length][];
        double[][] ys = new double[YS.length][];
        for (int i = 0; i < XS.length; i++) {
            xs[i] = new double[]{XS[i]};
            ys[i] = new double[]{YS[i]};
        }
        assertArrayEquals(net.gradient(xs, ys, Loss.MSE), t.gradient(XS, YS), 1e-12);
        assertEquals(net.loss(xs, ys, Loss.MSE), t.mse(XS, YS), 1e-12);
    }

    @Test
    void theDropoutGradientIsTheGradientOfTheMaskedNetwork() {
        // Replay the trainer's masks: same seed, same stream. Check one parameter by central differences.
        DropoutTrainer a = new DropoutTrainer(4, 0.5, 9);
        double[] g = a.gradient(XS, YS);
        double[] theta = a.parameters();
        for (int k : new int[]{0, 5, 9, 12}) {
            double h = 1e-6;
            DropoutTrainer plus = new DropoutTrainer(4, 0.5, 9);
            double[] tp = theta.clone();
            tp[k] += h;
            plus.setParameters(tp);
            DropoutTrainer minus = new DropoutTrainer(4, 0.5, 9);
            double[] tm = theta.clone();
            tm[k] -= h;
            minus.setParameters(tm);
            double numeric = (maskedLoss(plus) - maskedLoss(minus)) / (2 * h);
            assertEquals(numeric, g[k], 1e-6, "parameter " + k);
        }
    }

    /** The loss the trainer's first gradient saw: masks drawn from a fresh trainer's stream, in the same order. */
    private static double maskedLoss(DropoutTrainer t) {
        double[] p = t.parameters();
        int hCount = t.hidden();
        Random r = new Random(9 * 31 + 17);
        double[] hid = new double[hCount];
        double[] out = new double[hCount];
        double s = 0;
        for (int i = 0; i < XS.length; i++) {
            for (int j = 0; j < hCount; j++) {
                hid[j] = Math.tanh(p[j] * XS[i] + p[hCount + j]);
            }
            DropoutTrainer.mask(hid, 0.5, r, out);
            double y = p[3 * hCount];
            for (int j = 0; j < hCount; j++) {
                y += p[2 * hCount + j] * out[j];
            }
            s += (y - YS[i]) * (y - YS[i]);
        }
        return s / XS.length;
    }

    @Test
    void dropoutIsOffAtEvaluation() {
        DropoutTrainer t = new DropoutTrainer(20, 0.5, 4);
        t.train(XS, YS, 200, 0.01);
        double first = t.predict(0.25);
        assertEquals(first, t.predict(0.25), "no random mask at evaluation");
        assertEquals(t.network().predict(new double[]{0.25})[0], first, 1e-12, "the whole network, unscaled");
        // Training does use masks: two gradients in a row differ although the weights did not move.
        assertNotEquals(t.gradient(XS, YS)[0], t.gradient(XS, YS)[0]);
    }

    @Test
    void trainingLowersTheLossAndDropoutKeepsTheNetworkFromMemorising() {
        DropoutTrainer plain = new DropoutTrainer(30, 1, 2);
        DropoutTrainer dropped = new DropoutTrainer(30, 0.7, 2);
        assertArrayEquals(plain.parameters(), dropped.parameters(), "the same start");
        double before = plain.mse(XS, YS);
        plain.train(XS, YS, 2000, 0.01);
        dropped.train(XS, YS, 2000, 0.01);
        assertTrue(plain.mse(XS, YS) < 0.01 * before, "six points memorised: " + plain.mse(XS, YS));
        assertTrue(dropped.mse(XS, YS) > 3 * plain.mse(XS, YS), "dropout holds the training error up");
        assertThrows(IllegalArgumentException.class, () -> new DropoutTrainer(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DropoutTrainer(3, 0, 1));
    }
}
