package org.dlmathlab.math.nn;

/**
 * Loss functions of a prediction p against a target y, averaged over the outputs as the notes' NumPy code does, with
 * their gradients dL/dp.
 *
 * <ul>
 *   <li>MSE: mean (p_i - y_i)^2; dL/dp_i = 2 (p_i - y_i) / n. Squares make outliers count heavily.</li>
 *   <li>MAE: mean |p_i - y_i|; dL/dp_i = sign(p_i - y_i) / n. Every error pulls with the same force.</li>
 *   <li>binary cross-entropy: -mean (y_i ln p_i + (1 - y_i) ln(1 - p_i)), p in (0, 1);
 *       dL/dp_i = (p_i - y_i) / (p_i (1 - p_i)) / n. With a sigmoid output, dL/dz_i = (p_i - y_i) / n.</li>
 *   <li>categorical cross-entropy: -ln p_c for the true class c of a probability vector p;
 *       dL/dp_c = -1 / p_c. With a softmax output, dL/dz = p - onehot(c).</li>
 * </ul>
 * Probabilities are clipped to [1e-15, 1 - 1e-15] inside the logarithms, so a confident wrong answer costs about 34.5
 * nats instead of infinity.
 */
public enum Loss {
    MSE, MAE, BINARY_CROSS_ENTROPY, CATEGORICAL_CROSS_ENTROPY;

    /** Probabilities are kept this far from 0 and 1 inside logarithms. */
    public static final double CLIP = 1e-15;

    /**
     * The loss of prediction p against target y. For categorical cross-entropy, y is one-hot (or any distribution:
     * then it is the cross-entropy -sum y_i ln p_i).
     */
    public double value(double[] p, double[] y) {
        requireSameLength(p, y);
        int n = p.length;
        double sum = 0;
        switch (this) {
            case MSE -> {
                for (int i = 0; i < n; i++) {
                    sum += (p[i] - y[i]) * (p[i] - y[i]);
                }
                return sum / n;
            }
            case MAE -> {
                for (int i = 0; i < n; i++) {
                    sum += Math.abs(p[i] - y[i]);
                }
                return sum / n;
            }
            case BINARY_CROSS_ENTROPY -> {
                for (int i = 0; i < n; i++) {
                    double q = clip(p[i]);
                    sum += y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
                }
                return -sum / n;
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    if (y[i] != 0) {
                        sum += y[i] * Math.log(clip(p[i]));
                    }
                }
                return -sum;
            }
        }
    }

    /** dL/dp_i, written into {@code out}. */
    public void gradient(double[] p, double[] y, double[] out) {
        requireSameLength(p, y);
        int n = p.length;
        for (int i = 0; i < n; i++) {
            out[i] = switch (this) {
                case MSE -> 2 * (p[i] - y[i]) / n;
                case MAE -> Math.signum(p[i] - y[i]) / n;
                case BINARY_CROSS_ENTROPY -> {
                    double q = clip(p[i]);
                    yield (q - y[i]) / (q * (1 - q)) / n;
                }
                case CATEGORICAL_CROSS_ENTROPY -> y[i] == 0 ? 0 : -y[i] / clip(p[i]);
            };
        }
    }

    public double[] gradient(double[] p, double[] y) {
        double[] out = new double[p.length];
        gradient(p, y, out);
        return out;
    }

    static double clip(double p) {
        return Math.max(CLIP, Math.min(1 - CLIP, p));
    }

    private static void requireSameLength(double[] p, double[] y) {
        if (p.length != y.length || p.length == 0) {
            throw new IllegalArgumentException("prediction and target need the same, non-zero length: " + p.length
                    + " and " + y.length);
        }
    }
}
