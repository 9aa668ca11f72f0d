package org.dlmathlab.math.nn;

/**
 * softmax(z)_i = e^(z_i / T) / sum_j e^(z_j / T) with temperature T > 0: positive, summing to 1, order-preserving.
 * Computed as e^((z_i - max z) / T) so that no exponential overflows (the shift cancels in the ratio). T -> 0 tends to
 * a one-hot on the largest logit; T -> infinity to the uniform distribution.
 */
public final class Softmax {

    private Softmax() {
    }

    public static double[] of(double[] logits) {
        return of(logits, 1);
    }

    public static double[] of(double[] logits, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("the temperature must be positive, not " + temperature);
        }
        double[] out = new double[logits.length];
        into(logits, temperature, out);
        return out;
    }

    /** Writes softmax(logits / T) into {@code out} (allocation-free, for training loops). */
    public static void into(double[] logits, double temperature, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp((logits[i] - max) / temperature);
            sum += out[i];
        }
        for (int i = 0; i < logits.length; i++) {
            out[i] /= sum;
        }
    }
}
