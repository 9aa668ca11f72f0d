package org.dlmathlab.labs.eigen2d;

import org.dlmathlab.math.linalg.Matrix2;

/** Matrices that show the eigen cases: two lines, one line, every line, none, a tie, a triangular matrix. */
public enum Preset {
    DIAGONAL_STRETCH("stretch", new Matrix2(2, 1, 1, 2)),
    SHEAR("shear", Matrix2.shear(1)),
    ROTATION("rotation", Matrix2.rotation(Math.PI / 2)),
    SCALING("scaling", Matrix2.scaling(2, 0.5)),
    UNIFORM("uniform", Matrix2.scaling(1.5, 1.5)),
    REFLECTION("reflection", new Matrix2(0, 1, 1, 0)),
    TRIANGULAR("triangular", new Matrix2(3, 1, 0, 2));

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
