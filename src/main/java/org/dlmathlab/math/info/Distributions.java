package org.dlmathlab.math.info;

import java.util.Arrays;

/**
 * Building and editing discrete distributions (non-negative numbers summing to 1).
 *
 * <ul>
 *   <li>normalise: p_i = w_i / sum_j w_j for non-negative weights; all weights 0 gives the uniform 1/k (no outcome
 *       is preferred, so none is singled out).</li>
 *   <li>drag rule: set p_i to v in [0, 1] and rescale the others by (1 - v) / (1 - p_i) so their proportions stay
 *       and the sum stays 1; when the others are all 0 there are no proportions to keep, so 1 - v is shared
 *       equally among them.</li>
 *   <li>softmax: q_i = exp(z_i) / sum_j exp(z_j), computed with max(z) subtracted first so exp never overflows.</li>
 * </ul>
 */
public final class Distributions {

    /** Below this the "others" of a drag count as all zero. */
    private static final double EMPTY = 1e-12;

    private Distributions() {
    }

    /** The uniform distribution 1/k. */
    public static double[] uniform(int k) {
        requireOutcomes(k);
        double[] p = new double[k];
        Arrays.fill(p, 1.0 / k);
        return p;
    }

    /** The certain (one-hot) distribution on outcome {@code index} (0-based). */
    public static double[] oneHot(int k, int index) {
        requireOutcomes(k);
        if (index < 0 || index >= k) {
            throw new IllegalArgumentException("outcome " + index + " is not among 0.." + (k - 1));
        }
        double[] p = new double[k];
        p[index] = 1;
        return p;
    }

    /**
     * w_i / sum w for non-negative, finite weights; the uniform distribution when every weight is 0.
     *
     * @throws IllegalArgumentException for a negative or non-finite weight, or no weights at all
     */
    public static double[] normalize(double[] weights) {
        requireOutcomes(weights.length);
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and not negative, not " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            return uniform(weights.length);
        }
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / sum;
        }
        return p;
    }

    /**
     * The bar-drag rule: p_i becomes v (clamped to [0, 1]); every other p_j is multiplied by (1 - v) / (1 - p_i),
     * keeping their proportions; if they were all 0, each gets (1 - v) / (k - 1). The result sums to 1 (up to
     * rounding) with every entry in [0, 1].
     *
     * @param p     a distribution (not changed)
     * @param index the dragged outcome, 0-based
     * @param value the new probability of that outcome
     */
    public static double[] drag(double[] p, int index, double value) {
        requireOutcomes(p.length);
        if (index < 0 || index >= p.length) {
            throw new IllegalArgumentException("outcome " + index + " is not among 0.." + (p.length - 1));
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a probability must be a number");
        }
        double v = Math.max(0, Math.min(1, value));
        double[] out = new double[p.length];
        if (p.length == 1) {
            out[0] = 1;
            return out;
        }
        double others = 0;
        for (int j = 0; j < p.length; j++) {
            if (j != index) {
                others += Math.max(0, p[j]);
            }
        }
        double rest = 1 - v;
        for (int j = 0; j < p.length; j++) {
            if (j == index) {
                out[j] = v;
            } else if (others > EMPTY) {
                out[j] = Math.max(0, p[j]) * (rest / others);
            } else {
                out[j] = rest / (p.length - 1);
            }
        }
        return out;
    }

    /** softmax(z)_i = exp(z_i - max z) / sum_j exp(z_j - max z). */
    public static double[] softmax(double[] z) {
        requireOutcomes(z.length);
        double max = Double.NEGATIVE_INFINITY;
        for (double zi : z) {
            if (!Double.isFinite(zi)) {
                throw new IllegalArgumentException("logits must be finite, not " + zi);
            }
            max = Math.max(max, zi);
        }
        double[] q = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            q[i] = Math.exp(z[i] - max);
            sum += q[i];
        }
        for (int i = 0; i < z.length; i++) {
            q[i] /= sum;
        }
        return q;
    }

    /**
     * The logit z_i that gives softmax probability {@code target} to outcome i while the other logits stay: from
     * q_i = e^{z_i} / (e^{z_i} + S) with S = sum_{j != i} e^{z_j}, z_i = ln(q_i S / (1 - q_i)). Keeping the other
     * logits keeps the other probabilities in proportion, so this is the drag rule in logit form. Returns +-infinity
     * for a target of 1 or 0 (softmax never reaches them); callers clamp.
     */
    public static double logitFor(double[] z, int index, double target) {
        requireOutcomes(z.length);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.length; j++) {
            if (j != index) {
                max = Math.max(max, z[j]);
            }
        }
        if (z.length == 1) {
            return z[0];
        }
        double s = 0;
        for (int j = 0; j < z.length; j++) {
            if (j != index) {
                s += Math.exp(z[j] - max);
            }
        }
        if (target <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (target >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return max + Math.log(target * s / (1 - target));
    }

    /** Sum of the entries (for checks and read-outs). */
    public static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }

    private static void requireOutcomes(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a distribution needs at least one outcome");
        }
    }
}
