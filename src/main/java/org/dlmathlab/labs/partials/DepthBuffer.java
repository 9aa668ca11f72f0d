package org.dlmathlab.labs.partials;

import java.util.Arrays;

/**
 * A coarse depth buffer for the surface picture: the nearest depth of the mesh at each cell of a screen grid, so the
 * slice curves and P drawn over the painted surface can tell where a hill hides them. Triangles are rasterised at
 * the cell centres with depth interpolated linearly (barycentric weights); larger depth means nearer the viewer, as
 * in {@link org.dlmathlab.math.linalg.Projection3.Projected}.
 */
final class DepthBuffer {

    private final int cell;
    private final int cols;
    private final int rows;
    private final double[] depth;

    /** A buffer for a screen of the given size in pixels, one depth per {@code cell} x {@code cell} pixels. */
    DepthBuffer(double width, double height, int cell) {
        this.cell = cell;
        this.cols = Math.max(1, (int) Math.ceil(width / cell));
        this.rows = Math.max(1, (int) Math.ceil(height / cell));
        this.depth = new double[cols * rows];
        Arrays.fill(depth, Double.NEGATIVE_INFINITY);
    }

    /** Records the triangle (screen x, y, depth per corner) wherever it is nearer than what is there. */
    void triangle(double x0, double y0, double d0, double x1, double y1, double d1, double x2, double y2, double d2) {
        double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        if (!(Math.abs(area) > 1e-9) || !Double.isFinite(d0 + d1 + d2)) {
            return;
        }
        int c0 = Math.max(0, (int) Math.floor(Math.min(x0, Math.min(x1, x2)) / cell));
        int c1 = Math.min(cols - 1, (int) Math.floor(Math.max(x0, Math.max(x1, x2)) / cell));
        int r0 = Math.max(0, (int) Math.floor(Math.min(y0, Math.min(y1, y2)) / cell));
        int r1 = Math.min(rows - 1, (int) Math.floor(Math.max(y0, Math.max(y1, y2)) / cell));
        for (int r = r0; r <= r1; r++) {
            double py = (r + 0.5) * cell;
            for (int c = c0; c <= c1; c++) {
                double px = (c + 0.5) * cell;
                double w0 = ((x1 - px) * (y2 - py) - (x2 - px) * (y1 - py)) / area;
                double w1 = ((x2 - px) * (y0 - py) - (x0 - px) * (y2 - py)) / area;
                double w2 = 1 - w0 - w1;
                if (w0 >= -1e-9 && w1 >= -1e-9 && w2 >= -1e-9) {
                    double d = w0 * d0 + w1 * d1 + w2 * d2;
                    int k = r * cols + c;
                    if (d > depth[k]) {
                        depth[k] = d;
                    }
                }
            }
        }
    }

    /**
     * Whether a point at screen (x, y) with the given depth is in front of the mesh, allowing {@code slack} for a
     * point that lies on the surface itself (the mesh's flat pieces sit a little off the true surface). Points off
     * the buffer count as visible.
     */
    boolean visible(double x, double y, double d, double slack) {
        int c = (int) Math.floor(x / cell);
        int r = (int) Math.floor(y / cell);
        if (c < 0 || r < 0 || c >= cols || r >= rows) {
            return true;
        }
        double nearest = depth[r * cols + c];
        return d + slack >= nearest;
    }
}
