package org.dlmathlab.math.nn;

import java.util.Random;
import org.dlmathlab.math.optim.Adam;

/**
 * A small regression network, one input, H tanh hidden units and one linear output, trained with inverted dropout.
 *
 * <p>Without dropout: h_j = tanh(w_j x + b_j), y = sum_j v_j h_j + c, trained on the mean squared error
 * L = (1/n) sum_i (y_i - t_i)^2. With dropout, in every training pass each hidden unit is kept with probability q
 * (the keep probability; the drop probability is p = 1 - q) and scaled by 1/q:
 * <pre>
 *   m_j ~ Bernoulli(q),   h~_j = m_j h_j / q,   y = sum_j v_j h~_j + c,
 * </pre>
 * so that E[h~_j] = q h_j / q = h_j: on average a unit passes on what it would without dropout, and at evaluation the
 * network is used whole, with no mask and no scaling ("inverted" dropout puts the 1/q in training, not at test time).
 * A fresh mask is drawn for every sample of every epoch, so no unit can rely on a particular partner being there.
 *
 * <p>Back-propagation through the mask: with g = dL/dy = 2 (y - t) for one sample,
 * dL/dv_j = g h~_j, dL/dc = g, dL/dz_j = g v_j (m_j / q) (1 - h_j^2), dL/dw_j = x dL/dz_j, dL/db_j = dL/dz_j,
 * averaged over the samples. With q = 1 this is exactly {@link Mlp#gradient} with {@link Loss#MSE}.
 *
 * <p>Parameters are kept in {@link Mlp}'s flat order for a 1-H-1 network: w (H), b (H), v (H), c. The weights start
 * as {@link Mlp#initialise} makes them (Glorot-uniform from a seeded generator); training is full-batch Adam.
 */
public final class DropoutTrainer {

    private final int hidden;
    private final double keep;
    private final Random random;
    private double[] theta;

    /**
     * @param hidden units in the hidden layer, at least 1
     * @param keep   the keep probability q, in (0, 1]; 1 means no dropout
     * @param seed   seeds both the starting weights and the masks
     */
    public DropoutTrainer(int hidden, double keep, long seed) {
        if (hidden < 1) {
            throw new IllegalArgumentException("the hidden layer needs at least one unit, not " + hidden);
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("the keep probability must be in (0, 1], not " + keep);
        }
        this.hidden = hidden;
        this.keep = keep;
        Mlp start = shape(hidden);
        start.initialise(new Random(seed));
        theta = start.parameters();
        // A separate stream for the masks: the same seed starts both networks (with and without dropout) alike.
        random = new Random(seed * 31 + 17);
    }

    private static Mlp shape(int hidden) {
        return new Mlp(new int[]{1, hidden, 1}, Activation.TANH, Mlp.Output.LINEAR);
    }

    public int hidden() {
        return hidden;
    }

    public double keepProbability() {
        return keep;
    }

    /** The flat parameters, in {@link Mlp}'s order. */
    public double[] parameters() {
        return theta.clone();
    }

    public void setParameters(double[] values) {
        if (values.length != 3 * hidden + 1) {
            throw new IllegalArgumentException("expected " + (3 * hidden + 1) + " parameters, got " + values.length);
        }
        theta = values.clone();
    }

    /**
     * Inverted dropout on a layer's activations: out_j = h_j / q with probability q, else 0. Returns the number of
     * units kept.
     */
    public static int mask(double[] h, double keep, Random random, double[] out) {
        int kept = 0;
        for (int j = 0; j < h.length; j++) {
            if (keep >= 1 || random.nextDouble() < keep) {
                out[j] = h[j] / keep;
                kept++;
            } else {
                out[j] = 0;
            }
        }
        return kept;
    }

    /** The gradient of the mean squared error over (xs, ys) with a fresh dropout mask for every sample. */
    public double[] gradient(double[] xs, double[] ys) {
        int hCount = hidden;
        double[] grad = new double[theta.length];
        double[] h = new double[hCount];
        double[] dropped = new double[hCount];
        double c = theta[3 * hCount];
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            for (int j = 0; j < hCount; j++) {
                h[j] = Math.tanh(theta[j] * x + theta[hCount + j]);
            }
            mask(h, keep, random, dropped);
            double y = c;
            for (int j = 0; j < hCount; j++) {
                y += theta[2 * hCount + j] * dropped[j];
            }
            double g = 2 * (y - ys[i]) / xs.length;
            for (int j = 0; j < hCount; j++) {
                grad[2 * hCount + j] += g * dropped[j];
                // d h~_j / d h_j is m_j / q, which is dropped_j / h_j; written out to avoid dividing by h_j.
                double gate = dropped[j] == 0 ? 0 : 1 / keep;
                double dz = g * theta[2 * hCount + j] * gate * (1 - h[j] * h[j]);
                grad[j] += dz * x;
                grad[hCount + j] += dz;
            }
            grad[3 * hCount] += g;
        }
        return grad;
    }

    /** Trains for {@code epochs} full-batch Adam steps at learning rate {@code lr}, masks drawn afresh each time. */
    public void train(double[] xs, double[] ys, int epochs, double lr) {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("x and y need the same, non-zero length");
        }
        Adam adam = new Adam(lr);
        for (int e = 0; e < epochs; e++) {
            theta = adam.step(theta, gradient(xs, ys));
        }
    }

    /** The trained network with no dropout: what evaluation uses. */
    public Mlp network() {
        Mlp net = shape(hidden);
        net.setParameters(theta);
        return net;
    }

    /** The network's output at x, with every unit present and unscaled (dropout is off at evaluation). */
    public double predict(double x) {
        double y = theta[3 * hidden];
        for (int j = 0; j < hidden; j++) {
            y += theta[2 * hidden + j] * Math.tanh(theta[j] * x + theta[hidden + j]);
        }
        return y;
    }

    /** Mean squared error of {@link #predict} over the points. */
    public double mse(double[] xs, double[] ys) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = predict(xs[i]) - ys[i];
            s += r * r;
        }
        return s / xs.length;
    }
}
