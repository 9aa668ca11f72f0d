package org.dlmathlab.math.calculus;

import java.util.Arrays;
import org.dlmathlab.math.optim.ContourGrid;

/**
 * The level line f(x, y) = c of a sampled surface, by marching squares.
 *
 * <p>Each cell of four neighbouring samples is crossed by the level line on every edge whose two ends lie on different
 * sides of c (a sample counts as "above" when v &gt;= c). On such an edge from v0 to v1 the crossing sits at
 * t = (c - v0) / (v1 - v0) of the way, the zero of the straight line through the two samples. A cell has 0, 2 or 4
 * crossings; with 4 (opposite corners above) the mean of the four corners decides which pairs are joined, so the two
 * pieces never cross. Cells with an undefined (NaN or infinite) corner are skipped.
 */
public final class LevelLines {

    private LevelLines() {
    }

    /**
     * The pieces of the level line f = level on the grid, as world coordinates {x0, y0, x1, y1, x0, y0, ...}; empty
     * where the level is not crossed (e.g. the bottom value of a bowl, where the level set is a single point).
     */
    public static double[] trace(ContourGrid grid, double level) {
        int nx = grid.nx();
        int ny = grid.ny();
        double[] xs = new double[nx];
        double[] ys = new double[ny];
        for (int i = 0; i < nx; i++) {
            xs[i] = grid.x(i);
        }
        for (int j = 0; j < ny; j++) {
            ys[j] = grid.y(j);
        }
        double[] out = new double[64];
        int n = 0;
        double[] cross = new double[8];
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                double a = grid.value(i, j);          // top left
                double b = grid.value(i + 1, j);      // top right
                double c = grid.value(i + 1, j + 1);  // bottom right
                double d = grid.value(i, j + 1);      // bottom left
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                boolean pa = a >= level;
                boolean pb = b >= level;
                boolean pc = c >= level;
                boolean pd = d >= level;
                if (pa == pb && pb == pc && pc == pd) {
                    continue;
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
                if (n + 8 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                if (pa == pc && pb == pd) {
                    // A saddle cell: the centre (mean of the corners) joins a and c if it lies on their side.
                    boolean centre = (a + b + c + d) / 4 >= level;
                    if (centre == pa) {
                        n = put(out, n, cross, 0, 2);   // cut off corner b: top and right
                        n = put(out, n, cross, 4, 6);   // cut off corner d: bottom and left
                    } else {
                        n = put(out, n, cross, 0, 6);   // cut off corner a: top and left
                        n = put(out, n, cross, 2, 4);   // cut off corner c: right and bottom
                    }
                } else {
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
                    n = put(out, n, cross, first, second);
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int put(double[] out, int n, double[] cross, int e0, int e1) {
        out[n] = cross[e0];
        out[n + 1] = cross[e0 + 1];
        out[n + 2] = cross[e1];
        out[n + 3] = cross[e1 + 1];
        return n + 4;
    }
}
