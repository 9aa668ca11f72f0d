package org.dlmathlab.math.nn;

import java.util.Random;

/**
 * Trains a softmax {@link Mlp} classifier with categorical cross-entropy, epoch by epoch, on the training part of a
 * {@link Split}, and measures it on all three parts after every epoch.
 *
 * <p>One epoch: shuffle the training indices, cut them into mini-batches of b samples (the last may be smaller), and
 * for each batch B take one optimiser step on the mean loss gradient (1/|B|) sum_{i in B} grad L_i (theta), found by
 * back-propagation through reusable {@link Mlp.Pass} buffers. The loop allocates nothing: the shuffle order, the
 * gradient and the flat parameter vector are kept between epochs.
 *
 * <p>Reported losses are the mean cross-entropy -ln p_(true class) over a part, without the L2 term (which is a
 * property of the weights, not of the data); accuracy is the fraction whose largest output is the true class. Both are
 * measured with the weights as they are at the end of the epoch (epoch 0: before any training).
 *
 * <p>Early stopping (if switched on) ends training once the validation loss has not reached a new minimum for
 * {@code patience} epochs in a row; the best epoch and its loss are kept either way. Training also stops if the
 * parameters stop being finite (a learning rate far too large).
 */
public final class Trainer {

    /** The loss: softmax outputs with categorical cross-entropy, for any number of classes (2 included). */
    public static final Loss LOSS = Loss.CATEGORICAL_CROSS_ENTROPY;

    private final Mlp net;
    private final double[][] x;
    private final int[] label;
    private final double[][] target;
    private final int[] train;
    private final int[] validation;
    private final int[] test;
    private final int[] order;
    private final double[] theta;
    private final double[] grad;
    private final Mlp.Pass pass;
    private final Random random;
    private NetOptimizer optimizer;
    private int batchSize;
    private int epoch;
    private boolean earlyStopping;
    private int patience = 20;
    private double bestValidationLoss = Double.NaN;
    private int bestEpoch;
    private int sinceBest;
    private boolean stopped;
    private boolean diverged;
    private final double[] metrics = new double[6];

    /**
     * @param net         a network with softmax outputs, one per class, and two inputs per point (already initialised)
     * @param x           the points, x[i] of the network's input size
     * @param label       each point's class
     * @param split       which points are for training, validation and test
     * @param optimizer   the update rule, sized for the network's parameters
     * @param batchSize   samples per update, at least 1 (larger than the training set: full batch)
     * @param shuffleSeed seeds the order of the mini-batches
     */
    public Trainer(Mlp net, double[][] x, int[] label, Split split, NetOptimizer optimizer, int batchSize,
                   long shuffleSeed) {
        if (net.output() != Mlp.Output.SOFTMAX) {
            throw new IllegalArgumentException("the trainer needs a softmax output");
        }
        int classes = net.sizes()[net.layers()];
        this.net = net;
        this.x = x;
        this.label = label;
        this.target = new double[x.length][classes];
        for (int i = 0; i < x.length; i++) {
            if (label[i] < 0 || label[i] >= classes) {
                throw new IllegalArgumentException("label " + label[i] + " outside 0.." + (classes - 1));
            }
            target[i][label[i]] = 1;
        }
        this.train = split.train().clone();
        this.validation = split.validation().clone();
        this.test = split.test().clone();
        this.order = train.clone();
        this.theta = net.parameters();
        this.grad = new double[theta.length];
        this.pass = net.newPass();
        this.random = new Random(shuffleSeed);
        setOptimizer(optimizer);
        setBatchSize(batchSize);
        measure();
        bestValidationLoss = metrics[2];
    }

    public Mlp net() {
        return net;
    }

    public int epoch() {
        return epoch;
    }

    public NetOptimizer optimizer() {
        return optimizer;
    }

    /** Uses another update rule from now on; the weights stay as they are. */
    public void setOptimizer(NetOptimizer optimizer) {
        if (optimizer.steps() != 0) {
            throw new IllegalArgumentException("give the trainer a fresh optimiser");
        }
        this.optimizer = optimizer;
    }

    public int batchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1");
        }
        this.batchSize = batchSize;
    }

    /** Switches early stopping; the validation loss is tracked all along, so switching it on may stop at once. */
    public void setEarlyStopping(boolean on, int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1 epoch");
        }
        this.earlyStopping = on;
        this.patience = patience;
        stopped = on && validation.length > 0 && sinceBest >= patience;
    }

    /** Whether another epoch would train: there is training data, no early stop, finite parameters. */
    public boolean canContinue() {
        return train.length > 0 && !stopped && !diverged;
    }

    /** Early stopping has ended training. */
    public boolean stopped() {
        return stopped;
    }

    /** The parameters stopped being finite; training ended. */
    public boolean diverged() {
        return diverged;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    /** The lowest validation loss so far (NaN without a validation set). */
    public double bestValidationLoss() {
        return bestValidationLoss;
    }

    /** Epochs since the validation loss last reached a new minimum. */
    public int epochsSinceBest() {
        return sinceBest;
    }

    /** One epoch of mini-batch updates, then the measurements; a no-op when {@link #canContinue()} is false. */
    public void trainEpoch() {
        if (!canContinue()) {
            return;
        }
        Split.shuffle(order, order.length, random);
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            java.util.Arrays.fill(grad, 0);
            double scale = 1.0 / (end - start);
            for (int s = start; s < end; s++) {
                int i = order[s];
                net.forward(x[i], pass);
                net.backward(pass, target[i], LOSS);
                net.accumulate(pass, scale, grad);
            }
            optimizer.step(theta, grad);
            net.setParameters(theta);
        }
        epoch++;
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                diverged = true;
                break;
            }
        }
        measure();
        double val = metrics[2];
        if (validation.length > 0 && Double.isFinite(val)) {
            if (!(val >= bestValidationLoss)) {
                bestValidationLoss = val;
                bestEpoch = epoch;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            stopped = earlyStopping && sinceBest >= patience;
        }
    }

    public double trainLoss() {
        return metrics[0];
    }

    public double trainAccuracy() {
        return metrics[1];
    }

    public double validationLoss() {
        return metrics[2];
    }

    public double validationAccuracy() {
        return metrics[3];
    }

    public double testLoss() {
        return metrics[4];
    }

    public double testAccuracy() {
        return metrics[5];
    }

    private void measure() {
        measure(train, 0);
        measure(validation, 2);
        measure(test, 4);
    }

    /** Mean loss and accuracy over the indices into metrics[at], metrics[at + 1]; NaN for an empty part. */
    private void measure(int[] indices, int at) {
        if (indices.length == 0) {
            metrics[at] = Double.NaN;
            metrics[at + 1] = Double.NaN;
            return;
        }
        double loss = 0;
        int right = 0;
        for (int i : indices) {
            double[] p = net.forward(x[i], pass);
            loss += LOSS.value(p, target[i]);
            if (ConfusionMatrix.argmax(p) == label[i]) {
                right++;
            }
        }
        metrics[at] = loss / indices.length;
        metrics[at + 1] = (double) right / indices.length;
    }
}
