package org.dlmathlab.labs.det2d;

import org.dlmathlab.math.linalg.Matrix2;

/** Matrices that show one fact about the determinant each. */
public enum MatrixPreset {
    IDENTITY("identity", Matrix2.IDENTITY),
    /** det 1: the square leans over but keeps its area. */
    SHEAR("shear", Matrix2.shear(1)),
    /** det 6. */
    SCALING("scaling", Matrix2.scaling(2, 3)),
    /** det -1: same area, orientation flipped. */
    REFLECTION("reflection", new Matrix2(-1, 0, 0, 1)),
    /** 30 degrees counter-clockwise; det 1. */
    ROTATION("rotation", Matrix2.rotation(Math.PI / 6)),
    /** Parallel columns (the second is twice the first): det 0, rank 1. */
    SINGULAR("singular", new Matrix2(1, 2, 0.5, 1)),
    /** Everything goes to the origin: rank 0. */
    ZERO("zero", new Matrix2(0, 0, 0, 0));

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
