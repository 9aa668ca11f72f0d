package org.dlmathlab.labs.partials;

import org.dlmathlab.math.calculus.HeightGrid;
import org.dlmathlab.math.calculus.PartialSurface;
import org.dlmathlab.math.optim.ContourGrid;

/**
 * What every picture of one surface shares, computed once when the surface changes (never while P moves): the
 * colour levels (quantiles over the square, so the map and the 3D surface colour the same height alike), the mesh
 * of the 3D plot with its height range, and the scale the gradient arrow is drawn at.
 */
final class SurfaceInfo {

    /** Cells per side of the 3D mesh. */
    static final int MESH_CELLS = 36;
    /** Colour bands. */
    static final int LEVELS = 12;
    /** The longest gradient arrow on the square is drawn at most this long (world units) on the map. */
    static final double LONGEST_ARROW = 2.5;

    final PartialSurface surface;
    final double[] levels;
    final HeightGrid mesh;
    /** The arrow for grad f is drawn arrowScale times its true length: 1, 1/2, 1/4, ... */
    final double arrowScale;

    SurfaceInfo(PartialSurface surface) {
        this.surface = surface;
        double lim = PartialsModel.LIMIT;
        levels = ContourGrid.sample(surface.f(), -lim, lim, -lim, lim, 120, 120).levels(LEVELS);
        mesh = HeightGrid.sample(surface.f(), -lim, lim, MESH_CELLS);
        double steepest = 0;
        for (int j = 0; j <= 24; j++) {
            for (int i = 0; i <= 24; i++) {
                double g = surface.gradientNorm(-lim + i * lim / 12, -lim + j * lim / 12);
                if (Double.isFinite(g)) {
                    steepest = Math.max(steepest, g);
                }
            }
        }
        double scale = 1;
        while (scale * steepest > LONGEST_ARROW && scale > 1e-6) {
            scale /= 2;
        }
        arrowScale = scale;
    }

    /** The colour band of a value; -1 for NaN. */
    int band(double v) {
        return ContourGrid.levelIndex(levels, v);
    }
}
