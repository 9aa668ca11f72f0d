package org.dlmathlab.math.nn;

import java.util.Arrays;

/**
 * Counts of (actual class, predicted class) pairs: entry [a][p] is how many samples of class a were predicted as p.
 * The diagonal holds the right answers; accuracy = trace / total. Per class, recall = [c][c] / (row c's sum) (of the
 * samples that are c, how many were found) and precision = [c][c] / (column c's sum) (of those called c, how many are).
 */
public final class ConfusionMatrix {

    private final int[][] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("at least one class");
        }
        counts = new int[classes][classes];
    }

    /** The matrix of a network's argmax predictions on the samples with the given indices. */
    public static ConfusionMatrix of(Mlp net, double[][] x, int[] label, int[] indices, int classes) {
        ConfusionMatrix m = new ConfusionMatrix(classes);
        Mlp.Pass pass = net.newPass();
        for (int i : indices) {
            m.add(label[i], argmax(net.forward(x[i], pass)));
        }
        return m;
    }

    /** The index of the largest entry (the first one on a tie). */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    public int classes() {
        return counts.length;
    }

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    public void clear() {
        for (int[] row : counts) {
            Arrays.fill(row, 0);
        }
    }

    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Samples of class {@code actual}: the row sum. */
    public int actualTotal(int actual) {
        int s = 0;
        for (int v : counts[actual]) {
            s += v;
        }
        return s;
    }

    /** Samples predicted as {@code predicted}: the column sum. */
    public int predictedTotal(int predicted) {
        int s = 0;
        for (int[] row : counts) {
            s += row[predicted];
        }
        return s;
    }

    public int total() {
        int s = 0;
        for (int a = 0; a < counts.length; a++) {
            s += actualTotal(a);
        }
        return s;
    }

    public int correct() {
        int s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += counts[c][c];
        }
        return s;
    }

    /** trace / total; NaN for an empty matrix. */
    public double accuracy() {
        int n = total();
        return n == 0 ? Double.NaN : (double) correct() / n;
    }

    /** [c][c] / row sum; NaN when no sample is of class c. */
    public double recall(int c) {
        int n = actualTotal(c);
        return n == 0 ? Double.NaN : (double) counts[c][c] / n;
    }

    /** [c][c] / column sum; NaN when nothing was predicted as c. */
    public double precision(int c) {
        int n = predictedTotal(c);
        return n == 0 ? Double.NaN : (double) counts[c][c] / n;
    }
}
