package org.dlmathlab.math.nn;

/**
 * A softmax network evaluated on a regular grid of points in the plane, layer by layer for all points at once: the
 * decision map (predicted class and its probability per cell) and, if asked, every hidden unit's activation per cell.
 *
 * <p>The cells form nx columns and ny rows over [minX, maxX] x [minY, maxY]; cell (i, j), stored at j nx + i with row 0
 * at the top, is evaluated at its centre x = minX + (i + 1/2) (maxX - minX) / nx, y = maxY - (j + 1/2) (maxY - minY) / ny.
 * It computes exactly what {@link Mlp#forward} computes (z^l = W^l a^(l-1) + b^l, a^l = f(z^l), softmax at the end),
 * but with the loops turned round, so that a frame's 10,000 cells cost one pass over each weight: the lab redraws the
 * map every frame while training runs. tanh is computed as 1 - 2 / (e^(2z) + 1), the same function in a form the JIT
 * makes faster than Math.tanh; leaky ReLU uses the default slope {@link Activation#DEFAULT_ALPHA}. Buffers are kept
 * between calls for the same grid and network shape.
 */
public final class NetGrid {

    private int cells;
    private int[] shape = new int[0];
    private double[][][] act = new double[0][][];

    /**
     * Fills {@code predicted[c]} with the argmax class and {@code confidence[c]} with its probability for each cell c;
     * {@code hidden}, if not null, gets hidden unit u's activation per cell in hidden[u] (units counted across the
     * hidden layers in order, first layer first).
     */
    public void evaluate(Mlp net, double minX, double maxX, double minY, double maxY, int nx, int ny, int[] predicted,
                         float[] confidence, float[][] hidden) {
        int n = nx * ny;
        int[] sizes = net.sizes();
        ensure(sizes, n);
        double[][] input = act[0];
        double dx = (maxX - minX) / nx;
        double dy = (maxY - minY) / ny;
        for (int j = 0; j < ny; j++) {
            double y = maxY - (j + 0.5) * dy;
            for (int i = 0; i < nx; i++) {
                input[0][j * nx + i] = minX + (i + 0.5) * dx;
                input[1][j * nx + i] = y;
            }
        }
        int layers = net.layers();
        Activation f = net.hiddenActivation();
        int unit = 0;
        for (int l = 0; l < layers; l++) {
            double[][] w = net.weights(l);
            double[] b = net.biases(l);
            double[][] in = act[l];
            double[][] out = act[l + 1];
            for (int u = 0; u < sizes[l + 1]; u++) {
                double[] z = out[u];
                double bias = b[u];
                for (int c = 0; c < n; c++) {
                    z[c] = bias;
                }
                double[] row = w[u];
                for (int k = 0; k < row.length; k++) {
                    double wk = row[k];
                    double[] a = in[k];
                    for (int c = 0; c < n; c++) {
                        z[c] += wk * a[c];
                    }
                }
                if (l < layers - 1) {
                    activate(f, z, n);
                    if (hidden != null && unit < hidden.length && hidden[unit] != null) {
                        float[] h = hidden[unit];
                        for (int c = 0; c < n; c++) {
                            h[c] = (float) z[c];
                        }
                    }
                    unit++;
                }
            }
        }
        double[][] logits = act[layers];
        int classes = sizes[layers];
        for (int c = 0; c < n; c++) {
            int best = 0;
            double max = logits[0][c];
            for (int k = 1; k < classes; k++) {
                if (logits[k][c] > max) {
                    max = logits[k][c];
                    best = k;
                }
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[k][c] - max);
            }
            predicted[c] = best;
            confidence[c] = (float) (1 / sum);
        }
    }

    private static void activate(Activation f, double[] z, int n) {
        if (f == Activation.TANH) {
            for (int c = 0; c < n; c++) {
                z[c] = 1 - 2 / (Math.exp(2 * z[c]) + 1);
            }
        } else if (f == Activation.RELU) {
            for (int c = 0; c < n; c++) {
                z[c] = Math.max(0, z[c]);
            }
        } else {
            for (int c = 0; c < n; c++) {
                z[c] = f.value(z[c]);
            }
        }
    }

    private void ensure(int[] sizes, int n) {
        if (n == cells && java.util.Arrays.equals(sizes, shape)) {
            return;
        }
        cells = n;
        shape = sizes.clone();
        act = new double[sizes.length][][];
        for (int l = 0; l < sizes.length; l++) {
            act[l] = new double[sizes[l]][n];
        }
    }
}
