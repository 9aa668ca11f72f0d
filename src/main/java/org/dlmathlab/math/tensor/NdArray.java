package org.dlmathlab.math.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small dense array of doubles with up to three axes, stored in row-major (C) order as NumPy and PyTorch do: the
 * entry at index (i0, i1, ..., i_{n-1}) sits at flat position {@code sum_k i_k * stride_k}, with
 * {@code stride_{n-1} = 1} and {@code stride_k = stride_{k+1} * shape_{k+1}}. A shape of length 0 is a scalar.
 *
 * <p>Reductions follow NumPy:
 * <ul>
 *   <li>{@code sum(axis)}: {@code out[..., ^, ...] = sum_m in[..., m, ...]}, the axis disappears from the shape
 *       (or stays with length 1 when {@code keepdims});</li>
 *   <li>{@code mean(axis)} = {@code sum(axis) / shape[axis]}; {@code meanAll} = {@code sumAll / size};</li>
 *   <li>{@code cumsum(axis)}: {@code out[..., m, ...] = sum_{j <= m} in[..., j, ...]}, same shape as the input.</li>
 * </ul>
 * Axes are numbered from 0; negative axes are not accepted (the labs use -1 to mean "all axes").
 * Immutable.
 */
public final class NdArray {

    /** The most axes an array may have here: enough for a stack of matrices. */
    public static final int MAX_NDIM = 3;

    private final int[] shape;
    private final double[] data;
    private final int[] strides;

    /**
     * @param shape each length at least 1, at most {@link #MAX_NDIM} axes
     * @param data  the entries in row-major order; its length must be the product of the shape
     */
    public NdArray(int[] shape, double[] data) {
        if (shape.length > MAX_NDIM) {
            throw new IllegalArgumentException("at most " + MAX_NDIM + " axes, not " + shape.length);
        }
        int size = 1;
        for (int n : shape) {
            if (n < 1) {
                throw new IllegalArgumentException("every axis needs a length of at least 1: " + shapeText(shape));
            }
            size *= n;
        }
        if (data.length != size) {
            throw new IllegalArgumentException("shape " + shapeText(shape) + " holds " + size + " entries, not "
                    + data.length);
        }
        this.shape = shape.clone();
        this.data = data.clone();
        this.strides = stridesOf(this.shape);
    }

    public static NdArray scalar(double value) {
        return new NdArray(new int[0], new double[]{value});
    }

    public static NdArray vector(double... values) {
        return new NdArray(new int[]{values.length}, values);
    }

    /** A matrix from its rows, which must all have the same length. */
    public static NdArray of(double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] flat = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " entries, not " + c);
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return new NdArray(new int[]{r, c}, flat);
    }

    /** A 3-D array from its slices (axis 0), each a matrix of the same shape. */
    public static NdArray of(double[][][] slices) {
        int k = slices.length;
        NdArray first = k == 0 ? null : of(slices[0]);
        int r = first == null ? 0 : first.shape[0];
        int c = first == null ? 0 : first.shape[1];
        double[] flat = new double[k * r * c];
        for (int s = 0; s < k; s++) {
            NdArray slice = of(slices[s]);
            if (slice.shape[0] != r || slice.shape[1] != c) {
                throw new IllegalArgumentException("slice " + s + " has shape " + shapeText(slice.shape) + ", not "
                        + shapeText(new int[]{r, c}));
            }
            System.arraycopy(slice.data, 0, flat, s * r * c, r * c);
        }
        return new NdArray(new int[]{k, r, c}, flat);
    }

    /** The entries 1, 2, 3, ... in reading order, as {@code np.arange(1, n + 1).reshape(shape)}. */
    public static NdArray counting(int... shape) {
        int size = 1;
        for (int n : shape) {
            size *= Math.max(n, 0);
        }
        double[] flat = new double[size];
        for (int i = 0; i < size; i++) {
            flat[i] = i + 1;
        }
        return new NdArray(shape, flat);
    }

    public int ndim() {
        return shape.length;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The length of one axis. */
    public int dim(int axis) {
        return shape[checkAxis(axis)];
    }

    public int size() {
        return data.length;
    }

    /** The entry at a full index (one number per axis). */
    public double get(int... index) {
        return data[flatIndex(index)];
    }

    /** The entry at a row-major position. */
    public double flat(int position) {
        return data[position];
    }

    public double[] toFlatArray() {
        return data.clone();
    }

    /** The row-major position of a full index. */
    public int flatIndex(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("an index into shape " + shapeText(shape) + " needs " + shape.length
                    + " numbers, not " + index.length);
        }
        int position = 0;
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + index[k] + " is out of bounds for axis " + k
                        + " with size " + shape[k]);
            }
            position += index[k] * strides[k];
        }
        return position;
    }

    /** The full index of a row-major position. */
    public int[] unravel(int position) {
        return unravel(shape, position);
    }

    /** The full index of a row-major position in an array of the given shape. */
    public static int[] unravel(int[] shape, int position) {
        int[] index = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            index[k] = position % shape[k];
            position /= shape[k];
        }
        return index;
    }

    /** A copy with one entry replaced. */
    public NdArray with(double value, int... index) {
        double[] copy = data.clone();
        copy[flatIndex(index)] = value;
        return new NdArray(shape, copy);
    }

    /** The sum of every entry, as a plain number. */
    public double total() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    // ---- reductions -----------------------------------------------------------------------------------------------

    /** The shape of a reduction along one axis: that axis removed, or kept with length 1 when keepdims. */
    public static int[] reducedShape(int[] shape, int axis, boolean keepdims) {
        if (axis < 0 || axis >= shape.length) {
            throw axisError(axis, shape.length);
        }
        if (keepdims) {
            int[] out = shape.clone();
            out[axis] = 1;
            return out;
        }
        int[] out = new int[shape.length - 1];
        for (int k = 0, j = 0; k < shape.length; k++) {
            if (k != axis) {
                out[j++] = shape[k];
            }
        }
        return out;
    }

    /** The shape of a reduction over all axes: {@code ()}, or all ones when keepdims. */
    public static int[] reducedShapeAll(int[] shape, boolean keepdims) {
        if (!keepdims) {
            return new int[0];
        }
        int[] out = new int[shape.length];
        Arrays.fill(out, 1);
        return out;
    }

    /** {@code np.sum(a, axis=axis, keepdims=keepdims)}. */
    public NdArray sum(int axis, boolean keepdims) {
        int[][] groups = reductionSources(axis);
        double[] out = new double[groups.length];
        for (int o = 0; o < groups.length; o++) {
            for (int i : groups[o]) {
                out[o] += data[i];
            }
        }
        return new NdArray(reducedShape(shape, axis, keepdims), out);
    }

    /** {@code np.sum(a, keepdims=keepdims)}: every entry added. */
    public NdArray sumAll(boolean keepdims) {
        return new NdArray(reducedShapeAll(shape, keepdims), new double[]{total()});
    }

    /** {@code np.mean(a, axis=axis, keepdims=keepdims)} = the sum along the axis over the axis length. */
    public NdArray mean(int axis, boolean keepdims) {
        NdArray s = sum(axis, keepdims);
        double n = shape[axis];
        double[] out = s.data.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] /= n;
        }
        return new NdArray(s.shape, out);
    }

    /** {@code np.mean(a, keepdims=keepdims)} = the total over the number of entries. */
    public NdArray meanAll(boolean keepdims) {
        return new NdArray(reducedShapeAll(shape, keepdims), new double[]{total() / data.length});
    }

    /** {@code np.cumsum(a, axis=axis)}: running totals along the axis; the shape stays. */
    public NdArray cumsum(int axis) {
        checkAxis(axis);
        double[] out = data.clone();
        int stride = strides[axis];
        for (int i = 0; i < out.length; i++) {
            int along = (i / stride) % shape[axis];
            if (along > 0) {
                out[i] += out[i - stride];
            }
        }
        return new NdArray(shape, out);
    }

    /**
     * For each entry of {@code sum(axis, keepdims)} in row-major order (the order is the same with or without
     * keepdims), the row-major positions of the input entries that are added to make it, in axis order.
     */
    public int[][] reductionSources(int axis) {
        checkAxis(axis);
        int n = shape[axis];
        int stride = strides[axis];
        int outSize = data.length / n;
        int[][] groups = new int[outSize][n];
        int[] reduced = reducedShape(shape, axis, true);
        for (int o = 0; o < outSize; o++) {
            int[] index = unravel(reduced, o);
            int start = 0;
            for (int k = 0; k < index.length; k++) {
                start += index[k] * strides[k];
            }
            for (int m = 0; m < n; m++) {
                groups[o][m] = start + m * stride;
            }
        }
        return groups;
    }

    /** The input positions added into each entry of {@code cumsum(axis)}: those at or before it along the axis. */
    public int[][] cumsumSources(int axis) {
        checkAxis(axis);
        int stride = strides[axis];
        int[][] groups = new int[data.length][];
        for (int i = 0; i < data.length; i++) {
            int along = (i / stride) % shape[axis];
            int[] g = new int[along + 1];
            for (int j = 0; j <= along; j++) {
                g[j] = i - (along - j) * stride;
            }
            groups[i] = g;
        }
        return groups;
    }

    // ---- products -------------------------------------------------------------------------------------------------

    /** Whether two shapes have a Hadamard product: they must be equal. */
    public static boolean hadamardDefined(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    /** Whether {@code A @ B} is defined for two matrices: (m, n) times (n, p), the inner lengths equal. */
    public static boolean matmulDefined(int[] a, int[] b) {
        return a.length == 2 && b.length == 2 && a[1] == b[0];
    }

    /** The Hadamard (element-wise) product {@code (A ⊙ B)_ij = A_ij B_ij}; the shapes must be equal. */
    public NdArray hadamard(NdArray other) {
        if (!hadamardDefined(shape, other.shape)) {
            throw new IllegalArgumentException("the Hadamard product needs equal shapes, not " + shapeText(shape)
                    + " and " + shapeText(other.shape));
        }
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] * other.data[i];
        }
        return new NdArray(shape, out);
    }

    /** The matrix product {@code (AB)_ij = sum_k A_ik B_kj} of an (m, n) and an (n, p) matrix: shape (m, p). */
    public NdArray matmul(NdArray other) {
        if (!matmulDefined(shape, other.shape)) {
            throw new IllegalArgumentException("the matrix product needs (m, n) times (n, p), not " + shapeText(shape)
                    + " times " + shapeText(other.shape));
        }
        int m = shape[0];
        int n = shape[1];
        int p = other.shape[1];
        double[] out = new double[m * p];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += data[i * n + k] * other.data[k * p + j];
                }
                out[i * p + j] = s;
            }
        }
        return new NdArray(new int[]{m, p}, out);
    }

    // ---- text -----------------------------------------------------------------------------------------------------

    /** A shape as Python prints it: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        List<String> parts = new ArrayList<>();
        for (int n : shape) {
            parts.add(Integer.toString(n));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NdArray" + shapeText(shape) + Arrays.toString(data);
    }

    private int checkAxis(int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw axisError(axis, shape.length);
        }
        return axis;
    }

    private static IllegalArgumentException axisError(int axis, int ndim) {
        return new IllegalArgumentException("axis " + axis + " is out of bounds for an array with " + ndim
                + (ndim == 1 ? " axis" : " axes"));
    }

    private static int[] stridesOf(int[] shape) {
        int[] s = new int[shape.length];
        int stride = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            s[k] = stride;
            stride *= shape[k];
        }
        return s;
    }
}
