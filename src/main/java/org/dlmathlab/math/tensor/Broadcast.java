package org.dlmathlab.math.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * NumPy's broadcasting rule for an element-wise operation on two arrays of different shapes.
 *
 * <p>Write the two shapes one above the other, aligned on the right; a shorter shape is padded on the left with 1s.
 * Position by position, the two lengths must be equal, or one of them must be 1; the result takes the larger length.
 * A length-1 axis is then stretched (its entries copied) to that length:
 * {@code out[i] = op(a[i mod shape_a], b[i mod shape_b])} per aligned axis, where "mod" maps every index of a
 * length-1 axis to 0. Example: (2, 3) with (3,) gives (2, 3); (3, 1) with (1, 4) gives (3, 4); (3, 3) with (2,)
 * fails because 3 and 2 clash in the last position.
 */
public final class Broadcast {

    private Broadcast() {
    }

    /**
     * One aligned position where the two lengths clash.
     *
     * @param fromRight 1 for the last axis, 2 for the one before it...
     * @param sizeA     the first operand's length there
     * @param sizeB     the second operand's length there
     */
    public record Clash(int fromRight, int sizeA, int sizeB) {
    }

    /**
     * What broadcasting two shapes gives.
     *
     * @param a       the first shape
     * @param b       the second shape
     * @param shape   the result shape; empty (and meaningless) when not compatible
     * @param clashes the positions that break the rule, rightmost first; empty when compatible
     */
    public record Result(int[] a, int[] b, int[] shape, List<Clash> clashes) {

        public Result {
            a = a.clone();
            b = b.clone();
            shape = shape.clone();
            clashes = List.copyOf(clashes);
        }

        public boolean compatible() {
            return clashes.isEmpty();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /**
         * A sentence naming the clash, e.g. "shapes (3, 3) and (2,) do not broadcast: in the last position 3 and 2
         * differ and neither is 1", or the result shape when they do.
         */
        public String message() {
            String pair = NdArray.shapeText(a) + " and " + NdArray.shapeText(b);
            if (compatible()) {
                return "shapes " + pair + " broadcast to " + NdArray.shapeText(shape);
            }
            List<String> parts = new ArrayList<>();
            for (Clash c : clashes) {
                parts.add("in the " + position(c.fromRight()) + " position " + c.sizeA() + " and " + c.sizeB()
                        + " differ and neither is 1");
            }
            return "shapes " + pair + " do not broadcast: " + String.join("; ", parts);
        }

        private static String position(int fromRight) {
            return switch (fromRight) {
                case 1 -> "last";
                case 2 -> "second-to-last";
                case 3 -> "third-to-last";
                default -> fromRight + "th-from-last";
            };
        }
    }

    /** Applies the rule to two shapes. */
    public static Result of(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        List<Clash> clashes = new ArrayList<>();
        for (int fromRight = 1; fromRight <= n; fromRight++) {
            int sa = lengthFromRight(a, fromRight);
            int sb = lengthFromRight(b, fromRight);
            if (sa == sb || sb == 1) {
                out[n - fromRight] = sa;
            } else if (sa == 1) {
                out[n - fromRight] = sb;
            } else {
                clashes.add(new Clash(fromRight, sa, sb));
            }
        }
        return new Result(a, b, clashes.isEmpty() ? out : new int[0], clashes);
    }

    /** The length of an axis counted from the right; 1 where the shape is too short (the implicit padding). */
    public static int lengthFromRight(int[] shape, int fromRight) {
        int k = shape.length - fromRight;
        return k >= 0 ? shape[k] : 1;
    }

    /**
     * The row-major position in an operand of the entry that lands at a result position: indices along stretched
     * (length-1) axes become 0, missing leading axes are dropped.
     */
    public static int sourcePosition(int[] resultShape, int[] operandShape, int resultPosition) {
        int[] index = NdArray.unravel(resultShape, resultPosition);
        int offset = resultShape.length - operandShape.length;
        int position = 0;
        for (int k = 0; k < operandShape.length; k++) {
            int i = operandShape[k] == 1 ? 0 : index[k + offset];
            position = position * operandShape[k] + i;
        }
        return position;
    }

    /**
     * Whether the result position reads the operand entry "in place" rather than from a stretched copy: true when
     * every stretched or added axis has index 0 there. The lab draws the copies faintly.
     */
    public static boolean isOriginal(int[] resultShape, int[] operandShape, int resultPosition) {
        int[] index = NdArray.unravel(resultShape, resultPosition);
        int offset = resultShape.length - operandShape.length;
        for (int k = 0; k < resultShape.length; k++) {
            int own = k - offset;
            boolean stretched = own < 0 || operandShape[own] == 1;
            if (stretched && index[k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code op(a, b)} entry by entry after broadcasting, e.g. {@code a + b} or {@code a * b} in NumPy. */
    public static NdArray apply(NdArray a, NdArray b, DoubleBinaryOperator op) {
        Result r = of(a.shape(), b.shape());
        if (!r.compatible()) {
            throw new IllegalArgumentException(r.message());
        }
        int[] shape = r.shape();
        int size = 1;
        for (int n : shape) {
            size *= n;
        }
        int[] sa = a.shape();
        int[] sb = b.shape();
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = op.applyAsDouble(a.flat(sourcePosition(shape, sa, i)), b.flat(sourcePosition(shape, sb, i)));
        }
        return new NdArray(shape, out);
    }
}
