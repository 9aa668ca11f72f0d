package org.dlmathlab.math.linalg;

/** Thrown when an inverse is asked of a matrix whose determinant is zero: it squashes the plane, nothing undoes that. */
public final class SingularMatrixException extends ArithmeticException {

    private final transient Matrix2 matrix;

    public SingularMatrixException(Matrix2 matrix) {
        super("The matrix " + matrix + " has determinant 0, so it has no inverse.");
        this.matrix = matrix;
    }

    public Matrix2 matrix() {
        return matrix;
    }
}
