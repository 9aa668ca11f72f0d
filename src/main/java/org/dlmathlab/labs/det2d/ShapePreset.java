package org.dlmathlab.labs.det2d;

import org.dlmathlab.math.linalg.Polygon2;

/**
 * Ready-made shapes for the "draw a shape" group; the {@code shape} parameter is the index (0 = none). They sit left
 * of the y-axis so that, for most matrices, neither they nor their images hide the unit square's parallelogram.
 */
public enum ShapePreset {
    NONE("none", Polygon2.EMPTY),
    /** Base 2, height 1.5: area 1.5. */
    TRIANGLE("triangle", Polygon2.ofCoordinates(-2.5, 0.5, -0.5, 0.5, -1.5, 2)),
    /** A unit square with a roof of base 1 and height 0.5: area 1.25. */
    HOUSE("house", Polygon2.ofCoordinates(-2, 0.5, -1, 0.5, -1, 1.5, -1.5, 2, -2, 1.5));

    private final String key;
    private final Polygon2 polygon;

    ShapePreset(String key, Polygon2 polygon) {
        this.key = key;
        this.polygon = polygon;
    }

    public String key() {
        return key;
    }

    public Polygon2 polygon() {
        return polygon;
    }
}
