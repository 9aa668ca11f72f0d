package org.dlmathlab.math.nn;

import java.util.Random;

/**
 * Softmax regression: k classes scored by z = W x + b (W is k x d), turned into probabilities p = softmax(z), trained
 * by mini-batch SGD on the mean categorical cross-entropy -ln p_y. Its gradient is the outer product
 * dL/dW = (p - onehot(y)) x^T, dL/db = p - onehot(y), averaged over the batch: a one-layer {@link Mlp} with a softmax
 * output, which this class wraps with the labels as class indices, accuracy and a confusion matrix.
 */
public final class SoftmaxRegression {

    private final Mlp net;
    private final int classes;
    private final Mlp.Pass pass;
    private final double[] grad;
    private final double[] target;

    public SoftmaxRegression(int inputs, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("softmax regression needs at least two classes");
        }
        this.net = new Mlp(new int[]{inputs, classes}, Activation.LINEAR, Mlp.Output.SOFTMAX);
        this.classes = classes;
        this.pass = net.newPass();
        this.grad = new double[net.parameterCount()];
        this.target = new double[classes];
    }

    public int classes() {
        return classes;
    }

    public int inputs() {
        return net.sizes()[0];
    }

    /** Row c of W: the weights of class c, one per input (an image when the inputs are pixels). */
    public double[] classWeights(int c) {
        return net.weights(0)[c].clone();
    }

    public double bias(int c) {
        return net.biases(0)[c];
    }

    /** Small random weights (so classes start distinguishable but nearly uniform). */
    public void initialise(Random random) {
        for (double[] row : net.weights(0)) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 0.01 * random.nextGaussian();
            }
        }
        java.util.Arrays.fill(net.biases(0), 0);
    }

    /** Class probabilities for one input (a fresh array). */
    public double[] probabilities(double[] x) {
        return net.forward(x, pass).clone();
    }

    public int predict(double[] x) {
        double[] p = net.forward(x, pass);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * One epoch: the samples in a fresh random order, one SGD step per batch of {@code batch} samples,
     * theta <- theta - lr * mean gradient. Returns the mean loss over the epoch's samples (before each update).
     */
    public double trainEpoch(double[][] xs, int[] labels, int batch, double lr, Random random) {
        int n = xs.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double total = 0;
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            java.util.Arrays.fill(grad, 0);
            double scale = 1.0 / (end - start);
            for (int s = start; s < end; s++) {
                int k = order[s];
                net.forward(xs[k], pass);
                java.util.Arrays.fill(target, 0);
                target[labels[k]] = 1;
                total += net.backward(pass, target, Loss.CATEGORICAL_CROSS_ENTROPY);
                net.accumulate(pass, scale, grad);
            }
            step(lr);
        }
        return total / n;
    }

    /** Applies theta <- theta - lr * grad in place, in the Mlp's flat order (each class's weights, then biases). */
    private void step(double lr) {
        double[][] w = net.weights(0);
        double[] b = net.biases(0);
        int k = 0;
        for (double[] row : w) {
            for (int i = 0; i < row.length; i++) {
                row[i] -= lr * grad[k++];
            }
        }
        for (int c = 0; c < b.length; c++) {
            b[c] -= lr * grad[k++];
        }
    }

    /** Mean cross-entropy over a set. */
    public double loss(double[][] xs, int[] labels) {
        double total = 0;
        for (int s = 0; s < xs.length; s++) {
            double[] p = net.forward(xs[s], pass);
            total -= Math.log(Math.max(Loss.CLIP, p[labels[s]]));
        }
        return total / xs.length;
    }

    public double accuracy(double[][] xs, int[] labels) {
        int right = 0;
        for (int s = 0; s < xs.length; s++) {
            if (predict(xs[s]) == labels[s]) {
                right++;
            }
        }
        return (double) right / xs.length;
    }

    /** counts[true][predicted]. */
    public int[][] confusion(double[][] xs, int[] labels) {
        int[][] counts = new int[classes][classes];
        for (int s = 0; s < xs.length; s++) {
            counts[labels[s]][predict(xs[s])]++;
        }
        return counts;
    }

    /** The underlying network (for gradient checks). */
    public Mlp network() {
        return net;
    }
}
