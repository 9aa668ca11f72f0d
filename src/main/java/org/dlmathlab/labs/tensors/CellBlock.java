package org.dlmathlab.labs.tensors;

import org.dlmathlab.math.tensor.NdArray;

/**
 * Where an array's cells sit on the canvas: a scalar is one cell, a 1-D array one row, a matrix a grid, and a 3-D
 * array its slices (axis 0) stacked top to bottom with a gap for each slice's tag. Pure geometry, in pixels.
 *
 * @param shape the array's shape
 * @param x     left edge of the cells
 * @param y     top edge of the first slice's cells
 * @param s     the side of one cell
 */
record CellBlock(int[] shape, double x, double y, double s) {

    /** The gap between slices, room for a tag such as "A[1]". */
    static double sliceGap(double s) {
        return Math.max(20, 0.5 * s);
    }

    int slices() {
        return shape.length == 3 ? shape[0] : 1;
    }

    int rows() {
        return shape.length >= 2 ? shape[shape.length - 2] : 1;
    }

    int cols() {
        return shape.length >= 1 ? shape[shape.length - 1] : 1;
    }

    double width() {
        return cols() * s;
    }

    double height() {
        return heightFor(shape, s);
    }

    /** The block's height for a cell side, so layouts can be solved before a block exists. */
    static double heightFor(int[] shape, double s) {
        int k = shape.length == 3 ? shape[0] : 1;
        int r = shape.length >= 2 ? shape[shape.length - 2] : 1;
        return k * r * s + (k - 1) * sliceGap(s);
    }

    static double widthFor(int[] shape, double s) {
        return (shape.length >= 1 ? shape[shape.length - 1] : 1) * s;
    }

    /** Top of slice k. */
    double sliceTop(int k) {
        return y + k * (rows() * s + sliceGap(s));
    }

    /** Left and top of the cell at a row-major position. */
    double[] cell(int position) {
        int[] index = NdArray.unravel(shape, position);
        int k = shape.length == 3 ? index[0] : 0;
        int i = shape.length >= 2 ? index[shape.length - 2] : 0;
        int j = shape.length >= 1 ? index[shape.length - 1] : 0;
        return new double[]{x + j * s, sliceTop(k) + i * s};
    }

    int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The row-major position of the cell under a point, or -1. */
    int hit(double px, double py) {
        for (int p = 0; p < size(); p++) {
            double[] c = cell(p);
            if (px >= c[0] && px < c[0] + s && py >= c[1] && py < c[1] + s) {
                return p;
            }
        }
        return -1;
    }

    double right() {
        return x + width();
    }

    double bottom() {
        return y + height();
    }
}
