package org.dlmathlab.labs.tensors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.tensor.Broadcast;
import org.dlmathlab.math.tensor.NdArray;

/**
 * State of the tensors lab: an array A (2-D of shape (r, c) or 3-D of shape (k, r, c)) with a reduction on it (sum,
 * mean or cumsum along an axis or all axes, keepdims or not), a second operand B (a scalar, a vector (c,) or a matrix
 * (p, q)) broadcast against A, and the Hadamard and matrix products of A and B.
 *
 * <p>Cells start "counting": A holds 1, 2, 3, ... in reading order for its current shape, and B holds 10, 20, 30, ...;
 * an edited cell keeps its value when the shape changes (every cell of the largest shape has a slot), so lesson
 * parameters may be set in any order. Cell parameters: {@code a<i><j>} for the 2-D array, {@code x<k><i><j>} for the
 * 3-D one, {@code b<i><j>} for B (a 1-D B uses row 0, a scalar B the cell b00).
 *
 * <p>Result shapes are published as {@code ndim} and the last three lengths padded on the left with 1s: {@code slices
 * rows cols}. So (3,) reads rows = 1, cols = 3; a scalar reads 1, 1, 1 with ndim = 0; (2, 1) reads rows = 2, cols = 1.
 */
public final class TensorsModel implements LabModel {

    public static final String ID = "tensors";

    /** What the picture shows. */
    public static final int MODE_REDUCE = 0;
    public static final int MODE_BROADCAST = 1;
    public static final int MODE_PRODUCT = 2;

    public static final int OP_SUM = 0;
    public static final int OP_MEAN = 1;
    public static final int OP_CUMSUM = 2;

    /** Element-wise operations of the broadcasting group. */
    public static final int B_ADD = 0;
    public static final int B_MULTIPLY = 1;
    public static final int B_DIVIDE = 2;

    /** The axis value that means "all axes" (NumPy's axis=None). */
    public static final int ALL = -1;

    public static final int MAX_SLICES = 3;
    public static final int MAX_ROWS = 4;
    public static final int MAX_COLS = 4;
    /** Typed cell values stay within this, so every number fits its cell. */
    public static final double CELL_LIMIT = 999;
    /** Result entries published as out0, out1, ...: enough for the largest cumsum. */
    public static final int MAX_OUT = MAX_SLICES * MAX_ROWS * MAX_COLS;

    private static final List<String> MAIN_PARAMETERS = List.of("mode", "in_ndim", "in_slices", "in_rows", "in_cols",
            "op", "axis", "keepdims", "b_ndim", "b_rows", "b_cols", "b_op");
    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;
    private static final Map<String, Double> LAB_DEFAULTS = Map.ofEntries(
            Map.entry("mode", 0.0), Map.entry("in_ndim", 2.0), Map.entry("in_slices", 2.0),
            Map.entry("in_rows", 2.0), Map.entry("in_cols", 3.0), Map.entry("op", 0.0), Map.entry("axis", 0.0),
            Map.entry("keepdims", 0.0), Map.entry("b_ndim", 2.0), Map.entry("b_rows", 1.0),
            Map.entry("b_cols", 3.0), Map.entry("b_op", 0.0));

    static {
        List<String> p = new ArrayList<>(MAIN_PARAMETERS);
        for (int i = 0; i < MAX_ROWS; i++) {
            for (int j = 0; j < MAX_COLS; j++) {
                p.add("a" + i + j);
            }
        }
        for (int k = 0; k < MAX_SLICES; k++) {
            for (int i = 0; i < MAX_ROWS; i++) {
                for (int j = 0; j < MAX_COLS; j++) {
                    p.add("x" + k + i + j);
                }
            }
        }
        for (int i = 0; i < MAX_ROWS; i++) {
            for (int j = 0; j < MAX_COLS; j++) {
                p.add("b" + i + j);
            }
        }
        PARAMETERS = Collections.unmodifiableList(p);
        List<String> q = new ArrayList<>(List.of("mode", "in_ndim", "in_slices", "in_rows", "in_cols", "in_size",
                "in_sum", "op", "axis", "keepdims", "ok", "ndim", "slices", "rows", "cols", "size", "result_sum",
                "b_ndim", "b_rows", "b_cols", "b_op", "compatible", "bc_ndim", "bc_rows", "bc_cols", "bc_sum",
                "had_ok", "had_sum", "mat_ok", "mat_rows", "mat_cols", "mat_sum"));
        for (int i = 0; i < MAX_OUT; i++) {
            q.add("out" + i);
        }
        QUANTITIES = Collections.unmodifiableList(q);
    }

    /** Which of the three arrays a cell belongs to. */
    public enum Operand { A2, A3, B }

    private final IntegerProperty mode = new SimpleIntegerProperty(this, "mode", 0);
    private final IntegerProperty inNdim = new SimpleIntegerProperty(this, "inNdim", 2);
    private final IntegerProperty inSlices = new SimpleIntegerProperty(this, "inSlices", 2);
    private final IntegerProperty inRows = new SimpleIntegerProperty(this, "inRows", 2);
    private final IntegerProperty inCols = new SimpleIntegerProperty(this, "inCols", 3);
    private final IntegerProperty op = new SimpleIntegerProperty(this, "op", 0);
    private final IntegerProperty axis = new SimpleIntegerProperty(this, "axis", 0);
    private final IntegerProperty keepdims = new SimpleIntegerProperty(this, "keepdims", 0);
    private final IntegerProperty bNdim = new SimpleIntegerProperty(this, "bNdim", 2);
    private final IntegerProperty bRows = new SimpleIntegerProperty(this, "bRows", 1);
    private final IntegerProperty bCols = new SimpleIntegerProperty(this, "bCols", 3);
    private final IntegerProperty bOp = new SimpleIntegerProperty(this, "bOp", 0);

    /** Edited cells; NaN = not edited, the counting value shows. */
    private final double[] a2 = nanArray(MAX_ROWS * MAX_COLS);
    private final double[] a3 = nanArray(MAX_SLICES * MAX_ROWS * MAX_COLS);
    private final double[] b = nanArray(MAX_ROWS * MAX_COLS);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private Cache cache;

    public TensorsModel() {
        changes.watch(mode, inNdim, inSlices, inRows, inCols, op, axis, keepdims, bNdim, bRows, bCols, bOp);
        changes.addListener(o -> cache = null);
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- properties for the view ----------------------------------------------------------------------------------

    public IntegerProperty modeProperty() {
        return mode;
    }

    public IntegerProperty inNdimProperty() {
        return inNdim;
    }

    public IntegerProperty inSlicesProperty() {
        return inSlices;
    }

    public IntegerProperty inRowsProperty() {
        return inRows;
    }

    public IntegerProperty inColsProperty() {
        return inCols;
    }

    public IntegerProperty opProperty() {
        return op;
    }

    public IntegerProperty axisProperty() {
        return axis;
    }

    public IntegerProperty keepdimsProperty() {
        return keepdims;
    }

    public IntegerProperty bNdimProperty() {
        return bNdim;
    }

    public IntegerProperty bRowsProperty() {
        return bRows;
    }

    public IntegerProperty bColsProperty() {
        return bCols;
    }

    public IntegerProperty bOpProperty() {
        return bOp;
    }

    // ---- the arrays -----------------------------------------------------------------------------------------------

    /** A's shape: (r, c) or (k, r, c). */
    public int[] shapeA() {
        return inNdim.get() == 3 ? new int[]{inSlices.get(), inRows.get(), inCols.get()}
                : new int[]{inRows.get(), inCols.get()};
    }

    /** B's shape: (), (q,) or (p, q). */
    public int[] shapeB() {
        return switch (bNdim.get()) {
            case 0 -> new int[0];
            case 1 -> new int[]{bCols.get()};
            default -> new int[]{bRows.get(), bCols.get()};
        };
    }

    /** The array A as it is now, edits included. */
    public NdArray arrayA() {
        return current().a;
    }

    /** The second operand B. */
    public NdArray arrayB() {
        return current().b;
    }

    /** A cell's value by its index in that operand's current shape. */
    public double cell(Operand which, int... index) {
        NdArray array = which == Operand.B ? arrayB() : arrayA();
        return array.get(index);
    }

    /**
     * Edits a cell of A (its current dimensionality) or B, by its index in the current shape.
     *
     * @throws IllegalArgumentException when the value is not finite or beyond {@link #CELL_LIMIT}
     */
    public void setCell(Operand which, int[] index, double value) {
        Parameters.requireInRange("cell", value, -CELL_LIMIT, CELL_LIMIT);
        slots(which)[slot(which, index)] = value;
        changes.fire();
    }

    /** Whether a cell holds an edited value rather than its counting default. */
    public boolean isEdited(Operand which, int... index) {
        return !Double.isNaN(slots(which)[slot(which, index)]);
    }

    /** Forgets every edit: cells count again. */
    public void clearEdits() {
        java.util.Arrays.fill(a2, Double.NaN);
        java.util.Arrays.fill(a3, Double.NaN);
        java.util.Arrays.fill(b, Double.NaN);
        changes.fire();
    }

    /** The reduction of A as chosen, or why it is not defined. */
    public Reduction reduction() {
        return current().reduction;
    }

    /** A op B with broadcasting, or why the shapes clash. */
    public Broadcast.Result broadcastShapes() {
        return current().broadcast;
    }

    /** The broadcast result, or null when the shapes clash. */
    public NdArray broadcastResult() {
        return current().broadcastResult;
    }

    /** A ⊙ B, or null when the shapes differ. */
    public NdArray hadamard() {
        return current().hadamard;
    }

    /** A B, or null when the inner lengths differ (or an operand is not a matrix). */
    public NdArray matmul() {
        return current().matmul;
    }

    /**
     * A reduction's outcome.
     *
     * @param result  the result, or null when the axis does not exist
     * @param sources for each result entry (row-major), the positions of A that go into it
     * @param error   the NumPy-style reason when there is no result, else null
     */
    public record Reduction(NdArray result, int[][] sources, String error) {
    }

    // ---- LabModel -------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "mode" -> mode.set(whole(name, value, 0, 2));
            case "in_ndim" -> inNdim.set(whole(name, value, 2, 3));
            case "in_slices" -> inSlices.set(whole(name, value, 1, MAX_SLICES));
            case "in_rows" -> inRows.set(whole(name, value, 1, MAX_ROWS));
            case "in_cols" -> inCols.set(whole(name, value, 1, MAX_COLS));
            case "op" -> op.set(whole(name, value, 0, 2));
            case "axis" -> axis.set(whole(name, value, -1, 2));
            case "keepdims" -> keepdims.set(whole(name, value, 0, 1));
            case "b_ndim" -> bNdim.set(whole(name, value, 0, 2));
            case "b_rows" -> bRows.set(whole(name, value, 1, MAX_ROWS));
            case "b_cols" -> bCols.set(whole(name, value, 1, MAX_COLS));
            case "b_op" -> bOp.set(whole(name, value, 0, 2));
            default -> setCellParameter(name, value);
        }
    }

    private void setCellParameter(String name, double value) {
        int[] at = cellParameter(name);
        if (at == null) {
            throw new IllegalArgumentException("the " + ID + " lab has no parameter '" + name + "' (it has: "
                    + String.join(", ", MAIN_PARAMETERS) + ", and the cells a00-a33, x000-x233, b00-b33)");
        }
        Parameters.requireInRange(name, value, -CELL_LIMIT, CELL_LIMIT);
        double[] target = name.charAt(0) == 'a' ? a2 : name.charAt(0) == 'x' ? a3 : b;
        int position = at.length == 3 ? (at[0] * MAX_ROWS + at[1]) * MAX_COLS + at[2] : at[0] * MAX_COLS + at[1];
        target[position] = value;
        changes.fire();
    }

    /** The index of a cell parameter (a12, x012, b03), or null when the name is not one. */
    static int[] cellParameter(String name) {
        if (name.length() == 3 && (name.charAt(0) == 'a' || name.charAt(0) == 'b')) {
            int i = digit(name.charAt(1), MAX_ROWS);
            int j = digit(name.charAt(2), MAX_COLS);
            return i < 0 || j < 0 ? null : new int[]{i, j};
        }
        if (name.length() == 4 && name.charAt(0) == 'x') {
            int k = digit(name.charAt(1), MAX_SLICES);
            int i = digit(name.charAt(2), MAX_ROWS);
            int j = digit(name.charAt(3), MAX_COLS);
            return k < 0 || i < 0 || j < 0 ? null : new int[]{k, i, j};
        }
        return null;
    }

    private static int digit(char c, int limit) {
        int d = c - '0';
        return d >= 0 && d < limit ? d : -1;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        Cache c = current();
        if (name.startsWith("out") && name.length() > 3 && Character.isDigit(name.charAt(3))) {
            int i = Integer.parseInt(name.substring(3));
            if (i >= MAX_OUT) {
                throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
            }
            NdArray r = c.reduction.result();
            return r != null && i < r.size() ? r.flat(i) : Double.NaN;
        }
        NdArray r = c.reduction.result();
        Broadcast.Result bc = c.broadcast;
        return switch (name) {
            case "mode" -> mode.get();
            case "in_ndim" -> inNdim.get();
            case "in_slices" -> inNdim.get() == 3 ? inSlices.get() : 1;
            case "in_rows" -> inRows.get();
            case "in_cols" -> inCols.get();
            case "in_size" -> c.a.size();
            case "in_sum" -> c.a.total();
            case "op" -> op.get();
            case "axis" -> axis.get();
            case "keepdims" -> keepdims.get();
            case "ok" -> r == null ? 0 : 1;
            case "ndim" -> r == null ? Double.NaN : r.ndim();
            case "slices" -> r == null ? Double.NaN : Broadcast.lengthFromRight(r.shape(), 3);
            case "rows" -> r == null ? Double.NaN : Broadcast.lengthFromRight(r.shape(), 2);
            case "cols" -> r == null ? Double.NaN : Broadcast.lengthFromRight(r.shape(), 1);
            case "size" -> r == null ? Double.NaN : r.size();
            case "result_sum" -> r == null ? Double.NaN : r.total();
            case "b_ndim" -> bNdim.get();
            case "b_rows" -> Broadcast.lengthFromRight(shapeB(), 2);
            case "b_cols" -> Broadcast.lengthFromRight(shapeB(), 1);
            case "b_op" -> bOp.get();
            case "compatible" -> bc.compatible() ? 1 : 0;
            case "bc_ndim" -> bc.compatible() ? bc.shape().length : Double.NaN;
            case "bc_rows" -> bc.compatible() ? Broadcast.lengthFromRight(bc.shape(), 2) : Double.NaN;
            case "bc_cols" -> bc.compatible() ? Broadcast.lengthFromRight(bc.shape(), 1) : Double.NaN;
            case "bc_sum" -> c.broadcastResult == null || !Double.isFinite(c.broadcastResult.total()) ? Double.NaN
                    : c.broadcastResult.total();
            case "had_ok" -> c.hadamard == null ? 0 : 1;
            case "had_sum" -> c.hadamard == null ? Double.NaN : c.hadamard.total();
            case "mat_ok" -> c.matmul == null ? 0 : 1;
            case "mat_rows" -> c.matmul == null ? Double.NaN : c.matmul.dim(0);
            case "mat_cols" -> c.matmul == null ? Double.NaN : c.matmul.dim(1);
            case "mat_sum" -> c.matmul == null ? Double.NaN : c.matmul.total();
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        Map<String, Double> merged = new LinkedHashMap<>(LAB_DEFAULTS);
        parameters.forEach((name, value) -> {
            if (!MAIN_PARAMETERS.contains(name) && cellParameter(name) == null) {
                setCellParameter(name, value); // throws the "no parameter" message
            }
            merged.put(name, value);
        });
        defaults = merged;
        reset();
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(a2, Double.NaN);
        java.util.Arrays.fill(a3, Double.NaN);
        java.util.Arrays.fill(b, Double.NaN);
        for (String name : MAIN_PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
        defaults.forEach((name, value) -> {
            if (!MAIN_PARAMETERS.contains(name)) {
                setParameter(name, value);
            }
        });
        changes.fire();
    }

    // ---- computing ------------------------------------------------------------------------------------------------

    /** Everything derived from the parameters, computed once per change. */
    private record Cache(NdArray a, NdArray b, Reduction reduction, Broadcast.Result broadcast,
                         NdArray broadcastResult, NdArray hadamard, NdArray matmul) {
    }

    private Cache current() {
        Cache c = cache;
        if (c == null) {
            c = compute();
            cache = c;
        }
        return c;
    }

    private Cache compute() {
        NdArray a = build(Operand.A3 == operandA() ? a3 : a2, shapeA(), 1);
        NdArray bb = build(b, shapeB(), 10);
        Reduction reduction = reduce(a);
        Broadcast.Result shapes = Broadcast.of(a.shape(), bb.shape());
        NdArray bcResult = null;
        if (shapes.compatible()) {
            bcResult = Broadcast.apply(a, bb, switch (bOp.get()) {
                case B_MULTIPLY -> (x, y) -> x * y;
                case B_DIVIDE -> (x, y) -> x / y;
                default -> Double::sum;
            });
        }
        NdArray had = NdArray.hadamardDefined(a.shape(), bb.shape()) ? a.hadamard(bb) : null;
        NdArray mat = NdArray.matmulDefined(a.shape(), bb.shape()) ? a.matmul(bb) : null;
        return new Cache(a, bb, reduction, shapes, bcResult, had, mat);
    }

    private Operand operandA() {
        return inNdim.get() == 3 ? Operand.A3 : Operand.A2;
    }

    private Reduction reduce(NdArray a) {
        int ax = axis.get();
        boolean keep = keepdims.get() == 1;
        if (ax != ALL && ax >= a.ndim()) {
            return new Reduction(null, new int[0][],
                    "axis " + ax + " is out of bounds for an array with " + a.ndim() + " axes");
        }
        return switch (op.get()) {
            case OP_CUMSUM -> {
                if (ax == ALL) {
                    // np.cumsum(a) with no axis runs over the flattened array: shape (size,).
                    double[] flat = a.toFlatArray();
                    int[][] sources = new int[flat.length][];
                    for (int i = 0; i < flat.length; i++) {
                        if (i > 0) {
                            flat[i] += flat[i - 1];
                        }
                        sources[i] = new int[i + 1];
                        for (int j = 0; j <= i; j++) {
                            sources[i][j] = j;
                        }
                    }
                    yield new Reduction(NdArray.vector(flat), sources, null);
                }
                yield new Reduction(a.cumsum(ax), a.cumsumSources(ax), null);
            }
            case OP_MEAN -> ax == ALL
                    ? new Reduction(a.meanAll(keep), new int[][]{all(a.size())}, null)
                    : new Reduction(a.mean(ax, keep), a.reductionSources(ax), null);
            default -> ax == ALL
                    ? new Reduction(a.sumAll(keep), new int[][]{all(a.size())}, null)
                    : new Reduction(a.sum(ax, keep), a.reductionSources(ax), null);
        };
    }

    private static int[] all(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** An operand of the given shape from its slots: edited values, else the counting value times unit. */
    private static NdArray build(double[] slots, int[] shape, double unit) {
        int size = 1;
        for (int n : shape) {
            size *= n;
        }
        double[] data = new double[size];
        for (int p = 0; p < size; p++) {
            int[] index = NdArray.unravel(shape, p);
            double edited = slots[slotOf(shape, index)];
            data[p] = Double.isNaN(edited) ? unit * (p + 1) : edited;
        }
        return new NdArray(shape, data);
    }

    private double[] slots(Operand which) {
        return switch (which) {
            case A2 -> a2;
            case A3 -> a3;
            case B -> b;
        };
    }

    private int slot(Operand which, int[] index) {
        int[] shape = which == Operand.B ? shapeB() : shapeA();
        if (which != Operand.B && which != operandA()) {
            throw new IllegalArgumentException("A is " + inNdim.get() + "-D now, not " + which);
        }
        if (index.length != shape.length) {
            throw new IndexOutOfBoundsException("an index into shape " + NdArray.shapeText(shape) + " needs "
                    + shape.length + " numbers");
        }
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("no cell " + java.util.Arrays.toString(index) + " in shape "
                        + NdArray.shapeText(shape));
            }
        }
        return slotOf(shape, index);
    }

    /** Where a cell lives in its slots: by (k, i, j) in the largest shape; a 1-D B uses row 0, a scalar b00. */
    private static int slotOf(int[] shape, int[] index) {
        if (shape.length == 3) {
            return (index[0] * MAX_ROWS + index[1]) * MAX_COLS + index[2];
        }
        if (shape.length == 2) {
            return index[0] * MAX_COLS + index[1];
        }
        return shape.length == 1 ? index[0] : 0;
    }

    private static int whole(String name, double value, int min, int max) {
        Parameters.requireInRange(name, value, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
        return (int) value;
    }

    private static double[] nanArray(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
