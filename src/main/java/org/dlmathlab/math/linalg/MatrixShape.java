package org.dlmathlab.math.linalg;

import java.util.Optional;

/**
 * The shape of a matrix, rows x columns, and the shape rule of the matrix product:
 *
 * <pre>
 *   (m x n)(n' x p) is defined  iff  n = n',  and then it is m x p
 * </pre>
 *
 * Entry (i, j) of the product is row i of the left factor dotted with column j of the right factor, so a row of the
 * left (n numbers) must be as long as a column of the right (n' numbers). The product costs m n p scalar
 * multiplications.
 *
 * @param rows    m, at least 1
 * @param columns n, at least 1
 */
public record MatrixShape(int rows, int columns) {

    public MatrixShape {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a matrix has at least one row and one column, not " + rows + " x "
                    + columns);
        }
    }

    /** A column vector of length n: n x 1. */
    public static MatrixShape column(int n) {
        return new MatrixShape(n, 1);
    }

    /** Whether this (as the left factor) times {@code right} is defined: columns here = rows there. */
    public boolean canMultiply(MatrixShape right) {
        return columns == right.rows;
    }

    /** The product's shape, or empty when the inner sizes differ. */
    public Optional<MatrixShape> product(MatrixShape right) {
        return canMultiply(right) ? Optional.of(new MatrixShape(rows, right.columns)) : Optional.empty();
    }

    /**
     * The product's shape m x p.
     *
     * @throws IllegalArgumentException naming both inner sizes when they differ
     */
    public MatrixShape times(MatrixShape right) {
        return product(right).orElseThrow(() -> new IllegalArgumentException(mismatch(right)));
    }

    /** Why {@code this * right} is undefined, or the empty string when it is defined. */
    public String mismatch(MatrixShape right) {
        if (canMultiply(right)) {
            return "";
        }
        return "(" + this + ")(" + right + ") is not defined: the left factor has " + columns + " column"
                + (columns == 1 ? "" : "s") + " but the right factor has " + right.rows + " row"
                + (right.rows == 1 ? "" : "s") + "; each entry pairs a row of the left with a column of the right, so"
                + " these two numbers must be equal";
    }

    /** Scalar multiplications of the textbook product, m n p (0 when undefined). */
    public long multiplications(MatrixShape right) {
        return canMultiply(right) ? (long) rows * columns * right.columns : 0;
    }

    /** How many numbers the matrix holds, m n. */
    public int size() {
        return rows * columns;
    }

    @Override
    public String toString() {
        return rows + " × " + columns;
    }
}
