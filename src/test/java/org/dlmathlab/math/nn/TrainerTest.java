package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static Trainer trainer(Datasets2D.Points pts, Split split, int[] sizes, NetOptimizer.Kind kind, double lr,
                                   int batch) {
        Mlp net = new Mlp(sizes, Activation.TANH, Mlp.Output.SOFTMAX);
        net.initialise(new Random(3));
        return new Trainer(net, pts.x(), pts.label(), split,
                new NetOptimizer(kind, NetOptimizer.weightMask(net), lr, 0), batch, 4);
    }

    @Test
    void learnsTwoGaussiansAboveNinetyFivePercentWithinTwentyEpochs() {
        Datasets2D.Points pts = Datasets2D.generate(Datasets2D.Kind.GAUSSIANS, 300, 0.1, 2, 1);
        Split split = Split.of(300, 0.6, 0.2, 2);
        Trainer t = trainer(pts, split, new int[]{2, 4, 2}, NetOptimizer.Kind.SGD, 0.1, 16);
        double before = t.trainLoss();
        assertEquals(0, t.epoch());
        for (int e = 0; e < 20; e++) {
            t.trainEpoch();
        }
        assertEquals(20, t.epoch());
        assertTrue(t.trainLoss() < before / 4, "loss fell from " + before + " to " + t.trainLoss());
        assertTrue(t.trainAccuracy() > 0.95, "train " + t.trainAccuracy());
        assertTrue(t.validationAccuracy() > 0.95, "validation " + t.validationAccuracy());
        assertTrue(t.testAccuracy() > 0.95, "test " + t.testAccuracy());
    }

    @Test
    void theReportedLossIsTheMeanCrossEntropyOfEachPart() {
        Datasets2D.Points pts = Datasets2D.generate(Datasets2D.Kind.SPIRAL, 90, 0.1, 3, 1);
        Split split = Split.of(90, 0.5, 0.3, 2);
        Trainer t = trainer(pts, split, new int[]{2, 5, 3}, NetOptimizer.Kind.ADAM, 0.01, 8);
        t.trainEpoch();
        double sum = 0;
        int right = 0;
        for (int i : split.validation()) {
            double[] p = t.net().predict(pts.x()[i]);
            sum += -Math.log(p[pts.label()[i]]);
            right += ConfusionMatrix.argmax(p) == pts.label()[i] ? 1 : 0;
        }
        assertEquals(sum / split.validation().length, t.validationLoss(), 1e-12);
        assertEquals((double) right / split.validation().length, t.validationAccuracy(), 1e-15);
    }

    @Test
    void aFullBatchSgdEpochIsOneStepAlongTheBackPropagatedGradient() {
        Datasets2D.Points pts = Datasets2D.generate(Datasets2D.Kind.CIRCLE, 40, 0.1, 2, 6);
        Split split = Split.of(40, 0.5, 0.25, 1);
        Trainer t = trainer(pts, split, new int[]{2, 3, 2}, NetOptimizer.Kind.SGD, 0.5, 1000);
        double[][] xs = new double[split.train().length][];
        double[][] ys = new double[xs.length][2];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = pts.x()[split.train()[k]];
            ys[k][pts.label()[split.train()[k]]] = 1;
        }
        double[] theta = t.net().parameters();
        double[] g = t.net().gradient(xs, ys, Loss.CATEGORICAL_CROSS_ENTROPY);
        t.trainEpoch();
        double[] after = t.net().parameters();
        for (int i = 0; i < theta.length; i++) {
            assertEquals(theta[i] - 0.5 * g[i], after[i], 1e-12, "parameter " + i);
        }
    }

    @Test
    void earlyStoppingEndsTrainingOncePatienceRunsOut() {
        // Few noisy points and a big network: the validation loss soon turns round.
        Datasets2D.Points pts = Datasets2D.generate(Datasets2D.Kind.CIRCLE, 60, 0.5, 2, 1);
        Split split = Split.of(60, 0.6, 0.2, 2);
        Trainer t = trainer(pts, split, new int[]{2, 8, 8, 8, 2}, NetOptimizer.Kind.ADAM, 0.03, 16);
        t.setEarlyStopping(true, 10);
        int guard = 0;
        while (t.canContinue() && guard++ < 2000) {
            t.trainEpoch();
        }
        assertTrue(t.stopped(), "stopped by early stopping");
        assertFalse(t.canContinue());
        assertEquals(t.bestEpoch() + 10, t.epoch(), "ten epochs without a new low after the best one");
        assertEquals(10, t.epochsSinceBest());
        int epoch = t.epoch();
        t.trainEpoch();
        assertEquals(epoch, t.epoch(), "no more epochs once stopped");
        t.setEarlyStopping(false, 10);
        assertTrue(t.canContinue(), "switching it off lets training go on");
    }

    @Test
    void aHugeLearningRateIsCaughtAsDivergence() {
        Datasets2D.Points pts = Datasets2D.generate(Datasets2D.Kind.GAUSSIANS, 40, 0.1, 2, 1);
        Split split = Split.of(40, 0.6, 0.2, 2);
        Mlp net = new Mlp(new int[]{2, 4, 2}, Activation.LINEAR, Mlp.Output.SOFTMAX);
        net.initialise(new Random(3));
        Trainer t = new Trainer(net, pts.x(), pts.label(), split,
                new NetOptimizer(NetOptimizer.Kind.MOMENTUM, NetOptimizer.weightMask(net), 1e300, 0), 4, 1);
        for (int e = 0; e < 5 && t.canContinue(); e++) {
            t.trainEpoch();
        }
        assertTrue(t.diverged());
        assertFalse(t.canContinue());
    }

    @Test
    void theTrainingLoopAllocatesNothing() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Datasets2D.Points pts = Datasets2D.generate(Datasets2D.Kind.CIRCLE, 500, 0.1, 2, 1);
        Split split = Split.of(500, 0.6, 0.2, 2);
        Trainer t = trainer(pts, split, new int[]{2, 8, 8, 2}, NetOptimizer.Kind.ADAM, 0.01, 16);
        for (int e = 0; e < 50; e++) {
            t.trainEpoch();
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int e = 0; e < 50; e++) {
            t.trainEpoch();
        }
        long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(bytes < 50 * 200, "50 epochs allocated " + bytes + " bytes");
    }

    @Test
    void theNetworkMustEndInSoftmax() {
        Mlp net = new Mlp(new int[]{2, 2}, Activation.TANH, Mlp.Output.SIGMOID);
        Split split = Split.of(2, 0.5, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> new Trainer(net, new double[][]{{0, 0}, {1, 1}},
                new int[]{0, 1}, split, new NetOptimizer(NetOptimizer.Kind.SGD, new boolean[6], 0.1, 0), 1, 1));
    }
}
