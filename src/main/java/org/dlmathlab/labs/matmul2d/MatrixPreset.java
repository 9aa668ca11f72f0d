package org.dlmathlab.labs.matmul2d;

import org.dlmathlab.math.linalg.Matrix2;

/** The matrices a learner can load into A or B with one click. */
public enum MatrixPreset {
    IDENTITY("identity", Matrix2.IDENTITY),
    ROTATION("rotation", Matrix2.rotation(Math.PI / 2)),
    SHEAR("shear", Matrix2.shear(1)),
    SCALING("scaling", Matrix2.scaling(2, 0.5)),
    REFLECTION("reflection", new Matrix2(-1, 0, 0, 1));

    private final String key;
    private final Matrix2 matrix;

    MatrixPreset(String key, Matrix2 matrix) {
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
