package org.dlmathlab.labs.transform2d;

import org.dlmathlab.math.linalg.Matrix2;

/** Named matrices a learner can start from. Rotation takes its angle from the view's slider. */
public enum Preset {
    IDENTITY("identity", Matrix2.IDENTITY),
    ROTATION("rotation", Matrix2.rotation(Math.PI / 2)),
    SHEAR("shear", Matrix2.shear(1)),
    SCALING("scaling", Matrix2.scaling(2, 0.5)),
    REFLECTION("reflection", new Matrix2(-1, 0, 0, 1)),
    PROJECTION("projection", new Matrix2(1, 0, 0, 0)),
    SINGULAR("singular", new Matrix2(1, 2, 0.5, 1));

    private final String key;
    private final Matrix2 matrix;

    Preset(String key, Matrix2 matrix) {
        this.key = key;
        this.matrix = matrix;
    }

    public String key() {
        return key;
    }

    public Matrix2 matrix() {
        return matrix;
    }
}
