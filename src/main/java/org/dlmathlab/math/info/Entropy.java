package org.dlmathlab.math.info;

/**
 * Entropy, cross-entropy and KL divergence of discrete distributions P = (p_1..p_k), Q = (q_1..q_k).
 *
 * <ul>
 *   <li>entropy: H(P) = -sum_i p_i log2 p_i, with 0 log 0 = 0 (an outcome that never happens adds nothing);
 *       0 when P is certain, log2 k when P is uniform.</li>
 *   <li>cross-entropy: H(P, Q) = -sum_i p_i log2 q_i, the average number of bits paid when outcomes drawn from P are
 *       coded with a code built for Q. Terms with p_i = 0 count 0; it is +infinity when some q_i = 0 where
 *       p_i &gt; 0 (Q calls impossible an outcome that happens).</li>
 *   <li>KL divergence: KL(P || Q) = H(P, Q) - H(P) = sum_i p_i log2 (p_i / q_i) &gt;= 0 (Gibbs' inequality), 0
 *       exactly when P = Q: the extra bits paid for using Q instead of P.</li>
 * </ul>
 *
 * <p>Each has a natural-log version in nats (1 nat = 1/ln 2 bits), the unit of the cross-entropy loss
 * -ln q_true in deep-learning libraries. Callers pass distributions (non-negative, summing to 1); the methods do not
 * renormalise, so a test can catch a caller that forgot to.
 */
public final class Entropy {

    private static final double LN2 = Math.log(2);

    private Entropy() {
    }

    /** H(P) in bits: -sum p_i log2 p_i, 0 log 0 = 0. */
    public static double entropyBits(double[] p) {
        return entropyNats(p) / LN2;
    }

    /** H(P) in nats: -sum p_i ln p_i, 0 ln 0 = 0. */
    public static double entropyNats(double[] p) {
        double sum = 0;
        for (double pi : p) {
            sum += termNats(pi, pi);
        }
        // Rounding can leave -1e-17 for a one-hot P; entropy is never negative.
        return Math.max(0, sum);
    }

    /** H(P, Q) in bits: -sum p_i log2 q_i; +infinity when q_i = 0 where p_i &gt; 0. */
    public static double crossEntropyBits(double[] p, double[] q) {
        return crossEntropyNats(p, q) / LN2;
    }

    /** H(P, Q) in nats: -sum p_i ln q_i; +infinity when q_i = 0 where p_i &gt; 0. */
    public static double crossEntropyNats(double[] p, double[] q) {
        requireSameLength(p, q);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += termNats(p[i], q[i]);
        }
        return Math.max(0, sum);
    }

    /**
     * KL(P || Q) in bits, the extra bits H(P, Q) - H(P). Summed as sum p_i log2(p_i / q_i) rather than as a
     * difference, so that it is exactly 0 for P = Q and never slightly negative; +infinity when q_i = 0 where
     * p_i &gt; 0.
     */
    public static double klBits(double[] p, double[] q) {
        return klNats(p, q) / LN2;
    }

    /** KL(P || Q) in nats: sum p_i ln(p_i / q_i); +infinity when q_i = 0 where p_i &gt; 0. */
    public static double klNats(double[] p, double[] q) {
        requireSameLength(p, q);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                if (q[i] <= 0) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += p[i] * Math.log(p[i] / q[i]);
            }
        }
        return Math.max(0, sum);
    }

    /** Whether H(P, Q) (and so KL) is finite: Q gives positive probability to every outcome P can produce. */
    public static boolean isFinite(double[] p, double[] q) {
        requireSameLength(p, q);
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0 && q[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    /** The surprise of an outcome of probability p: log2(1/p) bits; +infinity at p = 0. */
    public static double surpriseBits(double p) {
        return p <= 0 ? Double.POSITIVE_INFINITY : -Math.log(p) / LN2;
    }

    /** The surprise in nats: ln(1/p); +infinity at p = 0. This is the loss -ln q_true of a classifier. */
    public static double surpriseNats(double p) {
        return p <= 0 ? Double.POSITIVE_INFINITY : -Math.log(p);
    }

    /** One outcome's share of H(P, Q) in bits: -p log2 q (0 when p = 0, +infinity when q = 0 &lt; p). */
    public static double termBits(double p, double q) {
        return termNats(p, q) / LN2;
    }

    /** The largest entropy over k outcomes, reached by the uniform distribution: log2 k bits. */
    public static double maxEntropyBits(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        return Math.log(k) / LN2;
    }

    /** Converts nats to bits: x / ln 2. */
    public static double natsToBits(double nats) {
        return nats / LN2;
    }

    private static double termNats(double p, double q) {
        if (p <= 0) {
            return 0;
        }
        if (q <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -p * Math.log(q);
    }

    private static void requireSameLength(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("P has " + p.length + " outcomes but Q has " + q.length);
        }
    }
}
