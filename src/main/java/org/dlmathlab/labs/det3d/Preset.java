package org.dlmathlab.labs.det3d;

import org.dlmathlab.math.linalg.Matrix3;
import org.dlmathlab.math.linalg.Vec3;

/** Named 3x3 matrices a learner can start from. Rotation takes its angle from the view's slider. */
public enum Preset {
    IDENTITY("identity", Matrix3.IDENTITY),
    SCALING("scaling", Matrix3.scaling(2, 3, 0.5)),
    SHEAR("shear", Matrix3.fromColumns(Vec3.X, Vec3.Y, new Vec3(1, 0, 1))),
    ROTATION("rotation", Matrix3.rotationZ(Math.PI / 4)),
    REFLECTION("reflection", Matrix3.scaling(1, 1, -1)),
    /** Third column = first + second: the cube is flattened onto a plane. */
    PLANE("plane", Matrix3.fromColumns(new Vec3(1, 0.5, 0), new Vec3(0, 1, 0.5), new Vec3(1, 1.5, 0.5))),
    /** All three columns on one line: the cube becomes a segment (the line is not along the default line of sight). */
    LINE("line", Matrix3.fromColumns(new Vec3(1, -1, 0.5), new Vec3(0.5, -0.5, 0.25), new Vec3(-1, 1, -0.5))),
    ZERO("zero", Matrix3.ZERO);

    private final String key;
    private final Matrix3 matrix;

    Preset(String key, Matrix3 matrix) {
        this.key = key;
        this.matrix = matrix;
    }

    public String key() {
        return key;
    }

    public Matrix3 matrix() {
        return matrix;
    }
}
