package org.dlmathlab.math.nn;

import java.util.Arrays;
import java.util.Random;

/**
 * A fully connected network (multi-layer perceptron) with sizes n_0 (inputs), n_1, ..., n_L (outputs).
 *
 * <p>Forward, layer by layer: z^l = W^l a^(l-1) + b^l, a^l = f_l(z^l), with a^0 = x; W^l is n_l x n_(l-1), so
 * W^l[j][i] is the weight from unit i of layer l-1 to unit j of layer l. Hidden layers share one activation; the
 * output layer has its own (linear for regression, sigmoid for two classes, or softmax across the outputs).
 *
 * <p>Backward, by the chain rule ("passing the blame back"): delta^L = dL/dz^L = f_L'(z^L) * dL/da^L (for softmax
 * with categorical cross-entropy, and sigmoid with binary cross-entropy, this simplifies to p - y); then
 * delta^(l-1) = f_(l-1)'(z^(l-1)) * (W^l)^T delta^l, and dL/dW^l[j][i] = delta^l_j a^(l-1)_i, dL/db^l_j = delta^l_j.
 *
 * <p>Parameters are also addressable as one flat vector, layer by layer, each layer's weights row by row then its
 * biases, for gradient checks and optimisers.
 */
public final class Mlp {

    /** The output layer's activation: any {@link Activation}, or softmax across the output units. */
    public enum Output { LINEAR, SIGMOID, SOFTMAX }

    private final int[] sizes;
    private final double[][][] weights;
    private final double[][] biases;
    private Activation hidden;
    private double alpha = Activation.DEFAULT_ALPHA;
    private final Output output;

    /**
     * @param sizes  layer sizes, inputs first, at least two entries, each at least 1
     * @param hidden the activation of every hidden layer
     * @param output the output layer's activation
     */
    public Mlp(int[] sizes, Activation hidden, Output output) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output layer");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("every layer needs at least one unit: " + Arrays.toString(sizes));
            }
        }
        if (output == Output.SOFTMAX && sizes[sizes.length - 1] < 2) {
            throw new IllegalArgumentException("a softmax output needs at least two units");
        }
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        int layers = sizes.length - 1;
        weights = new double[layers][][];
        biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new double[sizes[l + 1]][sizes[l]];
            biases[l] = new double[sizes[l + 1]];
        }
    }

    /** A deep copy. */
    public Mlp copy() {
        Mlp m = new Mlp(sizes, hidden, output);
        m.alpha = alpha;
        m.setParameters(parameters());
        return m;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of weight layers (L). */
    public int layers() {
        return sizes.length - 1;
    }

    public Activation hiddenActivation() {
        return hidden;
    }

    public void setHiddenActivation(Activation activation) {
        this.hidden = activation;
    }

    /** The slope of leaky ReLU below 0, when that is the hidden activation. */
    public void setLeakyAlpha(double alpha) {
        this.alpha = alpha;
    }

    public Output output() {
        return output;
    }

    /** W^l (0-based layer index l = 0 is the first weight layer): the live array, n_(l+1) x n_l. */
    public double[][] weights(int layer) {
        return weights[layer];
    }

    /** b^l, the live array. */
    public double[] biases(int layer) {
        return biases[layer];
    }

    /** Xavier/Glorot-uniform weights U(-r, r), r = sqrt(6 / (fan_in + fan_out)); biases 0. */
    public void initialise(Random random) {
        for (int l = 0; l < layers(); l++) {
            double r = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            for (double[] row : weights[l]) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (2 * random.nextDouble() - 1) * r;
                }
            }
            Arrays.fill(biases[l], 0);
        }
    }

    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < layers(); l++) {
            n += sizes[l + 1] * (sizes[l] + 1);
        }
        return n;
    }

    /** All parameters as one vector: layer by layer, weights row by row, then that layer's biases. */
    public double[] parameters() {
        double[] out = new double[parameterCount()];
        int k = 0;
        for (int l = 0; l < layers(); l++) {
            for (double[] row : weights[l]) {
                for (double w : row) {
                    out[k++] = w;
                }
            }
            for (double b : biases[l]) {
                out[k++] = b;
            }
        }
        return out;
    }

    public void setParameters(double[] values) {
        if (values.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + values.length);
        }
        int k = 0;
        for (int l = 0; l < layers(); l++) {
            for (double[] row : weights[l]) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = values[k++];
                }
            }
            for (int j = 0; j < biases[l].length; j++) {
                biases[l][j] = values[k++];
            }
        }
    }

    /** Buffers for one sample's forward and backward pass, reused so a training loop allocates nothing. */
    public final class Pass {
        /** z[l] = pre-activation of layer l + 1 (l = 0 .. L-1). */
        public final double[][] z = new double[layers()][];
        /** a[0] = the input, a[l] = activation of layer l. */
        public final double[][] a = new double[layers() + 1][];
        /** delta[l] = dL/dz[l], filled by {@link #backward}. */
        public final double[][] delta = new double[layers()][];
        private final double[] dLda;

        Pass() {
            a[0] = new double[sizes[0]];
            for (int l = 0; l < layers(); l++) {
                z[l] = new double[sizes[l + 1]];
                a[l + 1] = new double[sizes[l + 1]];
                delta[l] = new double[sizes[l + 1]];
            }
            dLda = new double[sizes[layers()]];
        }

        /** The network's output of the last forward pass. */
        public double[] out() {
            return a[layers()];
        }
    }

    public Pass newPass() {
        return new Pass();
    }

    /** Runs x forward, filling {@code pass}; returns the output (the pass's own array). */
    public double[] forward(double[] x, Pass pass) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("expected " + sizes[0] + " inputs, got " + x.length);
        }
        System.arraycopy(x, 0, pass.a[0], 0, x.length);
        int last = layers() - 1;
        for (int l = 0; l <= last; l++) {
            double[][] w = weights[l];
            double[] b = biases[l];
            double[] in = pass.a[l];
            double[] z = pass.z[l];
            double[] out = pass.a[l + 1];
            for (int j = 0; j < z.length; j++) {
                double s = b[j];
                double[] row = w[j];
                for (int i = 0; i < in.length; i++) {
                    s += row[i] * in[i];
                }
                z[j] = s;
            }
            if (l < last) {
                for (int j = 0; j < z.length; j++) {
                    out[j] = hidden.value(z[j], alpha);
                }
            } else {
                switch (output) {
                    case LINEAR -> System.arraycopy(z, 0, out, 0, z.length);
                    case SIGMOID -> {
                        for (int j = 0; j < z.length; j++) {
                            out[j] = Activation.sigmoid(z[j]);
                        }
                    }
                    case SOFTMAX -> Softmax.into(z, 1, out);
                }
            }
        }
        return pass.out();
    }

    /** A fresh forward pass; convenient outside training loops. */
    public double[] predict(double[] x) {
        return forward(x, newPass()).clone();
    }

    /**
     * Back-propagates {@code loss} at target y through the last forward pass, filling {@code pass.delta}; returns the
     * loss value. Softmax outputs need categorical cross-entropy (the usual pairing, whose delta is p - y).
     */
    public double backward(Pass pass, double[] y, Loss loss) {
        int last = layers() - 1;
        double[] p = pass.out();
        double value = loss.value(p, y);
        double[] dOut = pass.delta[last];
        if (output == Output.SOFTMAX) {
            if (loss != Loss.CATEGORICAL_CROSS_ENTROPY) {
                throw new IllegalArgumentException("a softmax output is trained with categorical cross-entropy");
            }
            double total = 0;
            for (double t : y) {
                total += t;
            }
            for (int j = 0; j < p.length; j++) {
                dOut[j] = p[j] * total - y[j];
            }
        } else if (output == Output.SIGMOID && loss == Loss.BINARY_CROSS_ENTROPY) {
            for (int j = 0; j < p.length; j++) {
                dOut[j] = (p[j] - y[j]) / p.length;
            }
        } else {
            loss.gradient(p, y, pass.dLda);
            for (int j = 0; j < p.length; j++) {
                double slope = output == Output.SIGMOID ? p[j] * (1 - p[j]) : 1;
                dOut[j] = pass.dLda[j] * slope;
            }
        }
        for (int l = last; l > 0; l--) {
            double[][] w = weights[l];
            double[] d = pass.delta[l];
            double[] prev = pass.delta[l - 1];
            double[] zPrev = pass.z[l - 1];
            for (int i = 0; i < prev.length; i++) {
                double s = 0;
                for (int j = 0; j < d.length; j++) {
                    s += w[j][i] * d[j];
                }
                prev[i] = s * hidden.derivative(zPrev[i], alpha);
            }
        }
        return value;
    }

    /** Adds dL/dtheta of the last backward pass, times {@code scale}, to {@code grad} (flat parameter order). */
    public void accumulate(Pass pass, double scale, double[] grad) {
        int k = 0;
        for (int l = 0; l < layers(); l++) {
            double[] d = pass.delta[l];
            double[] in = pass.a[l];
            for (int j = 0; j < d.length; j++) {
                double dj = d[j] * scale;
                for (int i = 0; i < in.length; i++) {
                    grad[k++] += dj * in[i];
                }
            }
            for (int j = 0; j < d.length; j++) {
                grad[k++] += d[j] * scale;
            }
        }
    }

    /** The mean loss over a batch of samples. */
    public double loss(double[][] xs, double[][] ys, Loss loss) {
        Pass pass = newPass();
        double sum = 0;
        for (int s = 0; s < xs.length; s++) {
            sum += loss.value(forward(xs[s], pass), ys[s]);
        }
        return sum / xs.length;
    }

    /** The gradient of the mean loss over a batch, by back-propagation. */
    public double[] gradient(double[][] xs, double[][] ys, Loss loss) {
        Pass pass = newPass();
        double[] grad = new double[parameterCount()];
        for (int s = 0; s < xs.length; s++) {
            forward(xs[s], pass);
            backward(pass, ys[s], loss);
            accumulate(pass, 1.0 / xs.length, grad);
        }
        return grad;
    }

    /**
     * The gradient of the mean loss by finite differences, one parameter at a time: forward
     * (L(theta + h e_k) - L(theta)) / h as in the notes' recipe, or central (L(theta + h e_k) - L(theta - h e_k)) / 2h.
     */
    public double[] numericalGradient(double[][] xs, double[][] ys, Loss loss, double h, boolean central) {
        double[] theta = parameters();
        double[] grad = new double[theta.length];
        double base = central ? 0 : loss(xs, ys, loss);
        for (int k = 0; k < theta.length; k++) {
            double saved = theta[k];
            theta[k] = saved + h;
            setParameters(theta);
            double plus = loss(xs, ys, loss);
            if (central) {
                theta[k] = saved - h;
                setParameters(theta);
                grad[k] = (plus - loss(xs, ys, loss)) / (2 * h);
            } else {
                grad[k] = (plus - base) / h;
            }
            theta[k] = saved;
        }
        setParameters(theta);
        return grad;
    }
}
