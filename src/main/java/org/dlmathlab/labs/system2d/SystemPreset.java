package org.dlmathlab.labs.system2d;

import org.dlmathlab.math.linalg.Matrix2;

/** Matrices a learner can start from: two invertible ones to solve with, then the three ways of being singular. */
public enum SystemPreset {
    IDENTITY("identity", Matrix2.IDENTITY),
    TWO_LINES("twoLines", new Matrix2(2, 1, 1, 1)),
    ROTATION("rotation", Matrix2.rotation(Math.PI / 2)),
    SHEAR("shear", Matrix2.shear(1)),
    PARALLEL("parallel", new Matrix2(1, 2, 0.5, 1)),
    PROJECTION("projection", new Matrix2(1, 0, 0, 0)),
    ZERO("zero", new Matrix2(0, 0, 0, 0));

    private final String key;
    private final Matrix2 matrix;

    SystemPreset(String key, Matrix2 matrix) {
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
