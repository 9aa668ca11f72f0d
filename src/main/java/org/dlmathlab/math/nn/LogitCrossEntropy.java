package org.dlmathlab.math.nn;

/**
 * Categorical cross-entropy of softmax probabilities, seen from the logits z_1..z_k and a true class c (0-based).
 *
 * <ul>
 *   <li>p = softmax(z), L = -ln p_c, which {@link Loss#CATEGORICAL_CROSS_ENTROPY} computes with p_c clipped to at
 *       least 1e-15, so L never exceeds {@link #CEILING} = -ln 1e-15 = 15 ln 10 ~ 34.54 nats.</li>
 *   <li>Without the clip, -ln p_c = logsumexp(z) - z_c = ln sum_j e^(z_j - z_c) ({@link #exactNats}): finite for finite
 *       logits, even where p_c itself underflows to 0. Working from the logits is why frameworks fuse softmax and
 *       cross-entropy into one function.</li>
 *   <li>dL/dz = p - onehot(c) ({@link #logitGradient}): the chain rule through the softmax cancels the 1/p_c of
 *       dL/dp_c = -1/p_c, so the gradient on the logits stays between -1 and 1.</li>
 * </ul>
 */
public final class LogitCrossEntropy {

    /** The largest loss the clip allows: -ln(1e-15) = 15 ln 10. */
    public static final double CEILING = -Math.log(Loss.CLIP);

    private LogitCrossEntropy() {
    }

    /** softmax(z). */
    public static double[] probabilities(double[] z) {
        return Softmax.of(z);
    }

    /** The one-hot label of class c among k. */
    public static double[] oneHot(int k, int c) {
        requireClass(k, c);
        double[] y = new double[k];
        y[c] = 1;
        return y;
    }

    /** -ln softmax(z)_c with the library's clip (what a training loop using {@link Loss} reports). */
    public static double clippedNats(double[] z, int c) {
        return Loss.CATEGORICAL_CROSS_ENTROPY.value(probabilities(z), oneHot(z.length, c));
    }

    /** -ln softmax(z)_c without any clip: logsumexp(z) - z_c, computed with the largest logit taken out first. */
    public static double exactNats(double[] z, int c) {
        requireClass(z.length, c);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) - z[c];
    }

    /** Whether the clip changes the loss: p_c is below 1e-15, so the reported loss sits at the ceiling. */
    public static boolean isClipped(double[] z, int c) {
        return exactNats(z, c) > CEILING;
    }

    /** dL/dz_j = p_j - [j == c]. */
    public static double[] logitGradient(double[] z, int c) {
        double[] g = probabilities(z);
        requireClass(g.length, c);
        g[c] -= 1;
        return g;
    }

    /**
     * The logit z_c that gives class c the probability p while the other logits stay: from p = e^(z_c) / (e^(z_c) + S)
     * with S = sum_{j != c} e^(z_j), z_c = ln(p / (1 - p)) + ln S. Needs 0 &lt; p &lt; 1.
     */
    public static double logitFor(double[] z, int c, double p) {
        requireClass(z.length, c);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1 is needed, not " + p);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.length; j++) {
            if (j != c) {
                max = Math.max(max, z[j]);
            }
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            if (j != c) {
                sum += Math.exp(z[j] - max);
            }
        }
        return Math.log(p / (1 - p)) + max + Math.log(sum);
    }

    private static void requireClass(int k, int c) {
        if (k < 2 || c < 0 || c >= k) {
            throw new IllegalArgumentException("class " + c + " is not one of 0.." + (k - 1) + " (k >= 2 needed)");
        }
    }
}
