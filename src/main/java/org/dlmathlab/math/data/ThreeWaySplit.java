package org.dlmathlab.math.data;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;

/**
 * A seeded split of n points into a training, a validation and a test part.
 *
 * <p><b>Sizes.</b> The parts get n f_train, n f_val and n f_test points, f_test = 1 - f_train - f_val, rounded by the
 * largest-remainder rule: each part first gets floor(n f_k); the r = n - sum floor(n f_k) points left over go one
 * each to the parts with the largest fractional parts n f_k - floor(n f_k) (ties: train before validation before test).
 * So the sizes always add up to n exactly and each is within 1 of its share: |size_k - n f_k| < 1.
 *
 * <p><b>Shuffle.</b> A Fisher-Yates shuffle of 0 .. n-1 driven by a Well19937c generator seeded with {@code seed}:
 * for i = n-1 down to 1, swap position i with a uniform position j in [0, i]. The first size_train indices of the
 * permutation form the training part, the next size_val the validation part, the rest the test part. The permutation
 * depends on n and the seed only, so changing the fractions moves only the points at the borders between parts.
 */
public final class ThreeWaySplit {

    /** The three parts, in the order they take points from the permutation. */
    public enum Part { TRAIN, VALIDATION, TEST }

    private final int[] permutation;
    private final int[] sizes;
    private final Part[] partOf;

    private ThreeWaySplit(int[] permutation, int[] sizes) {
        this.permutation = permutation;
        this.sizes = sizes;
        partOf = new Part[permutation.length];
        for (int k = 0; k < permutation.length; k++) {
            partOf[permutation[k]] = k < sizes[0] ? Part.TRAIN : k < sizes[0] + sizes[1] ? Part.VALIDATION : Part.TEST;
        }
    }

    /**
     * The sizes {train, validation, test} by the largest-remainder rule; they add up to n. A part may get 0 points
     * here; {@link #of} refuses that.
     *
     * @throws IllegalArgumentException when n &lt; 0, a fraction is outside [0, 1] or they add up to more than 1
     */
    public static int[] sizes(int n, double trainFraction, double validationFraction) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, not " + n);
        }
        for (double f : new double[]{trainFraction, validationFraction}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("a fraction must be between 0 and 1, not " + f);
            }
        }
        double testFraction = 1 - trainFraction - validationFraction;
        if (testFraction < -1e-12) {
            throw new IllegalArgumentException("the train and validation fractions add up to more than 1: "
                    + trainFraction + " + " + validationFraction);
        }
        double[] share = {n * trainFraction, n * validationFraction, n * Math.max(0, testFraction)};
        int[] size = new int[3];
        int left = n;
        for (int k = 0; k < 3; k++) {
            // A share a hair below a whole number (0.7 * 10 = 6.999999999999999) counts as that number.
            size[k] = (int) Math.floor(share[k] + 1e-9);
            left -= size[k];
        }
        while (left > 0) {
            int best = -1;
            double bestRest = -1;
            for (int k = 0; k < 3; k++) {
                double rest = share[k] - size[k];
                if (rest > bestRest + 1e-12) {
                    best = k;
                    bestRest = rest;
                }
            }
            size[best]++;
            left--;
        }
        while (left < 0) {
            // Only reachable through the 1e-9 slack above; take the point back from the largest part.
            int largest = size[0] >= size[1] && size[0] >= size[2] ? 0 : size[1] >= size[2] ? 1 : 2;
            size[largest]--;
            left++;
        }
        return size;
    }

    /**
     * Splits n points with the given fractions (test = the rest) and seed.
     *
     * @throws IllegalArgumentException with a readable message when a part would get no point
     */
    public static ThreeWaySplit of(int n, double trainFraction, double validationFraction, long seed) {
        int[] size = sizes(n, trainFraction, validationFraction);
        String[] names = {"training", "validation", "test"};
        for (int k = 0; k < 3; k++) {
            if (size[k] < 1) {
                throw new IllegalArgumentException("the " + names[k] + " part would get no point (n = " + n
                        + ", sizes " + size[0] + " / " + size[1] + " / " + size[2]
                        + "); every part needs at least 1 point");
            }
        }
        return new ThreeWaySplit(permutation(n, seed), size);
    }

    /** A Fisher-Yates shuffle of 0 .. n-1 seeded with {@code seed} (the same seed gives the same order). */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Well19937c random = new Well19937c(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    public int n() {
        return permutation.length;
    }

    public int size(Part part) {
        return sizes[part.ordinal()];
    }

    public int trainSize() {
        return sizes[0];
    }

    public int validationSize() {
        return sizes[1];
    }

    public int testSize() {
        return sizes[2];
    }

    /** The part point i belongs to. */
    public Part part(int i) {
        return partOf[i];
    }

    /** The shuffled order of the points (a copy). */
    public int[] permutation() {
        return permutation.clone();
    }

    /** The indices of the points in a part, in the order the shuffle put them. */
    public int[] indices(Part part) {
        int from = part == Part.TRAIN ? 0 : part == Part.VALIDATION ? sizes[0] : sizes[0] + sizes[1];
        return Arrays.copyOfRange(permutation, from, from + sizes[part.ordinal()]);
    }

    /** The values of one part, e.g. the training inputs: values[i] for i in {@link #indices(Part)}. */
    public double[] select(double[] values, Part part) {
        if (values.length != permutation.length) {
            throw new IllegalArgumentException("the split is for " + permutation.length + " points, not "
                    + values.length);
        }
        int[] idx = indices(part);
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = values[idx[k]];
        }
        return out;
    }
}
