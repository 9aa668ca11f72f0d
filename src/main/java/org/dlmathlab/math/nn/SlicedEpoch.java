package org.dlmathlab.math.nn;

import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * One epoch of mini-batch SGD for {@link SoftmaxRegression}, cut into slices so a long epoch (tens of thousands of
 * images) can report progress and be cancelled between slices. The samples are shuffled once, then each slice (a
 * whole number of batches) goes through {@link SoftmaxRegression#trainEpoch}, which takes one step
 * theta <- theta - lr * (1/|B|) sum_{i in B} grad l_i per batch B; a slice's own reshuffle keeps the order random.
 * Every sample is visited once per epoch, as in a plain epoch.
 */
public final class SlicedEpoch {

    /** About this many samples per slice; rounded to whole batches. */
    public static final int SLICE = 2048;

    private SlicedEpoch() {
    }

    /**
     * Trains one epoch in place. Returns the mean loss over the epoch's samples (each measured just before the update
     * of its batch), or NaN if {@code cancelled} said so between slices (the network then holds a partial epoch).
     *
     * @param progress receives the fraction done, 0..1, after each slice
     */
    public static double run(SoftmaxRegression net, double[][] xs, int[] labels, int batch, double lr, Random random,
                             DoubleConsumer progress, BooleanSupplier cancelled) {
        int n = xs.length;
        if (n == 0) {
            return Double.NaN;
        }
        int[] order = Split.shuffled(n, random);
        int slice = Math.max(batch, (SLICE / batch) * batch);
        double total = 0;
        for (int start = 0; start < n; start += slice) {
            if (cancelled.getAsBoolean()) {
                return Double.NaN;
            }
            int end = Math.min(n, start + slice);
            double[][] sx = new double[end - start][];
            int[] sy = new int[end - start];
            for (int i = start; i < end; i++) {
                sx[i - start] = xs[order[i]];
                sy[i - start] = labels[order[i]];
            }
            total += net.trainEpoch(sx, sy, batch, lr, random) * (end - start);
            progress.accept((double) end / n);
        }
        return total / n;
    }
}
