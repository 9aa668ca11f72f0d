package org.dlmathlab.math.nn;

import java.util.Random;

/**
 * A train / validation / test split of n samples: the indices 0 .. n-1 are shuffled (Fisher-Yates with a seeded
 * java.util.Random), then the first n_train = round(n f_train) go to training, the next
 * n_val = min(round(n f_val), n - n_train) to validation, and the rest to test. Every index lands in exactly one part.
 *
 * @param train      indices of the training samples
 * @param validation indices of the validation samples
 * @param test       indices of the test samples
 */
public record Split(int[] train, int[] validation, int[] test) {

    /**
     * @param trainFraction      in [0, 1]
     * @param validationFraction in [0, 1]; if the two add up to more than 1, validation gets what is left
     */
    public static Split of(int n, double trainFraction, double validationFraction, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        if (!(trainFraction >= 0 && trainFraction <= 1) || !(validationFraction >= 0 && validationFraction <= 1)) {
            throw new IllegalArgumentException("fractions must lie in [0, 1]");
        }
        int[] order = shuffled(n, new Random(seed));
        int nTrain = (int) Math.round(n * trainFraction);
        int nVal = Math.min((int) Math.round(n * validationFraction), n - nTrain);
        int[] train = new int[nTrain];
        int[] val = new int[nVal];
        int[] test = new int[n - nTrain - nVal];
        System.arraycopy(order, 0, train, 0, nTrain);
        System.arraycopy(order, nTrain, val, 0, nVal);
        System.arraycopy(order, nTrain + nVal, test, 0, test.length);
        return new Split(train, val, test);
    }

    /** 0 .. n-1 in a random order. */
    public static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, order.length, random);
        return order;
    }

    /** Shuffles the first {@code length} entries in place (Fisher-Yates); allocation-free for training loops. */
    public static void shuffle(int[] a, int length, Random random) {
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 0 for a training index, 1 for validation, 2 for test, per sample: for drawing each point its way. */
    public int[] roles(int n) {
        int[] out = new int[n];
        for (int i : validation) {
            out[i] = 1;
        }
        for (int i : test) {
            out[i] = 2;
        }
        return out;
    }
}
