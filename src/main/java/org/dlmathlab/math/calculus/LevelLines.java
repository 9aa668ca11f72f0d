package org.dlmathlab.math.calculus;

import java.util.Arrays;
import org.dlmathlab.math.optim.ContourGrid;

/**
 * Level lines f(x, y) = c of a sampled surface, by marching squares.
 *
 * <p>Each cell of four neighbouring samples is crossed by the level line on every edge whose two ends lie on different
 * sides of c (a sample counts as "above" when v &gt;= c). On such an edge from v0 to v1 the crossing sits at
 * t = (c - v0) / (v1 - v0) of the way, the zero of the straight line through the two samples. A cell has 0, 2 or 4
 * crossings; with 4 (opposite corners above) the mean of the four corners decides which pairs are joined, so the two
 * pieces never cross. Cells with an undefined (NaN or infinite) corner are skipped.
 *
 * <p>A tracer is made once per grid and then asked for any number of levels: it keeps the lowest and highest sample
 * of each block of {@value #BLOCK} x {@value #BLOCK} cells, so a level skips the blocks it cannot cross and the work
 * grows with the length of the line rather than the size of the grid.
 */
public final class LevelLines {

    /** Cells per side of a block. */
    static final int BLOCK = 8;

    private final int nx;
    private final int ny;
    private final double[] values;
    private final double[] xs;
    private final double[] ys;
    private final int bx;
    private final int by;
    private final double[] blockMin;
    private final double[] blockMax;

    /** A tracer for the grid's samples. */
    public LevelLines(ContourGrid grid) {
        nx = grid.nx();
        ny = grid.ny();
        values = grid.values();
        xs = new double[nx];
        ys = new double[ny];
        for (int i = 0; i < nx; i++) {
            xs[i] = grid.x(i);
        }
        for (int j = 0; j < ny; j++) {
            ys[j] = grid.y(j);
        }
        int cellsX = Math.max(0, nx - 1);
        int cellsY = Math.max(0, ny - 1);
        bx = (cellsX + BLOCK - 1) / BLOCK;
        by = (cellsY + BLOCK - 1) / BLOCK;
        blockMin = new double[bx * by];
        blockMax = new double[bx * by];
        Arrays.fill(blockMin, Double.POSITIVE_INFINITY);
        Arrays.fill(blockMax, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < by; b++) {
            for (int a = 0; a < bx; a++) {
                // The block's cells reach one sample past their last index.
                int i1 = Math.min(nx - 1, (a + 1) * BLOCK);
                int j1 = Math.min(ny - 1, (b + 1) * BLOCK);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int j = b * BLOCK; j <= j1; j++) {
                    for (int i = a * BLOCK; i <= i1; i++) {
                        double v = values[j * nx + i];
                        if (Double.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                }
                blockMin[b * bx + a] = lo;
                blockMax[b * bx + a] = hi;
            }
        }
    }

    /** The pieces of f = level on the grid; see {@link #trace(double)}. */
    public static double[] trace(ContourGrid grid, double level) {
        return new LevelLines(grid).trace(level);
    }

    /**
     * The pieces of the level line f = level, as world coordinates {x0, y0, x1, y1, x0, y0, ...}; empty where the
     * level is not crossed (e.g. the bottom value of a bowl, where the level set is a single point).
     */
    public double[] trace(double level) {
        double[] out = new double[64];
        int n = 0;
        double[] cross = new double[8];
        for (int b = 0; b < by; b++) {
            for (int a = 0; a < bx; a++) {
                if (!(blockMin[b * bx + a] <= level && blockMax[b * bx + a] >= level)) {
                    continue;
                }
                int jEnd = Math.min(ny - 1, (b + 1) * BLOCK);
                int iEnd = Math.min(nx - 1, (a + 1) * BLOCK);
                for (int j = b * BLOCK; j < jEnd; j++) {
                    for (int i = a * BLOCK; i < iEnd; i++) {
                        if (n + 8 > out.length) {
                            out = Arrays.copyOf(out, out.length * 2);
                        }
                        n = cell(i, j, level, cross, out, n);
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Adds the pieces in cell (i, j) (samples i..i+1, j..j+1) to out from index n; returns the new end. */
    private int cell(int i, int j, double level, double[] cross, double[] out, int n) {
        double a = values[j * nx + i];              // top left
        double b = values[j * nx + i + 1];          // top right
        double c = values[(j + 1) * nx + i + 1];    // bottom right
        double d = values[(j + 1) * nx + i];        // bottom left
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
            return n;
        }
        boolean pa = a >= level;
        boolean pb = b >= level;
        boolean pc = c >= level;
        boolean pd = d >= level;
        if (pa == pb && pb == pc && pc == pd) {
            return n;
        }
        double x0 = xs[i];
        double x1 = xs[i + 1];
        double y0 = ys[j];
        double y1 = ys[j + 1];
        // Crossings on the edges top, right, bottom, left (NaN where the edge is not crossed).
        Arrays.fill(cross, Double.NaN);
        if (pa != pb) {
            cross[0] = x0 + (level - a) / (b - a) * (x1 - x0);
            cross[1] = y0;
        }
        if (pb != pc) {
            cross[2] = x1;
            cross[3] = y0 + (level - b) / (c - b) * (y1 - y0);
        }
        if (pd != pc) {
            cross[4] = x0 + (level - d) / (c - d) * (x1 - x0);
            cross[5] = y1;
        }
        if (pa != pd) {
            cross[6] = x0;
            cross[7] = y0 + (level - a) / (d - a) * (y1 - y0);
        }
        if (pa == pc && pb == pd) {
            // A saddle cell: the centre (mean of the corners) joins a and c if it lies on their side.
            boolean centre = (a + b + c + d) / 4 >= level;
            if (centre == pa) {
                n = put(out, n, cross, 0, 2);   // cut off corner b: top and right
                return put(out, n, cross, 4, 6);   // cut off corner d: bottom and left
            }
            n = put(out, n, cross, 0, 6);   // cut off corner a: top and left
            return put(out, n, cross, 2, 4);   // cut off corner c: right and bottom
        }
        int first = -1;
        int second = -1;
        for (int e = 0; e < 8; e += 2) {
            if (!Double.isNaN(cross[e])) {
                if (first < 0) {
                    first = e;
                } else {
                    second = e;
                }
            }
        }
        return put(out, n, cross, first, second);
    }

    private static int put(double[] out, int n, double[] cross, int e0, int e1) {
        out[n] = cross[e0];
        out[n + 1] = cross[e0 + 1];
        out[n + 2] = cross[e1];
        out[n + 3] = cross[e1 + 1];
        return n + 4;
    }
}
