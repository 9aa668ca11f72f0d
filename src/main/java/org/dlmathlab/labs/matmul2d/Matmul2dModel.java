package org.dlmathlab.labs.matmul2d;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.linalg.Commutation;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.MatrixShape;
import org.dlmathlab.math.linalg.StagedProduct;

/**
 * State of the matrix multiplication lab: three 2x2 matrices A = [[a, b], [c, d]], B = [[b11, b12], [b21, b22]] and
 * C = [[c11, c12], [c21, c22]], their products AB ("first B, then A") and BA ("first A, then B"), and a shape
 * calculator for (m x n)(n2 x p). While the two-stage playback runs, {@link #stageProperty()} goes from 0 to 2 and
 * the planes show {@link StagedProduct}; goals always see the finished products.
 *
 * <p>Quantities: {@code a b c d b11 b12 b21 b22 c11 c12 c21 c22 ab11 ab12 ab21 ab22 ba11 ba12 ba21 ba22 det det_a
 * det_b det_c det_ab det_ba commute comm_gap assoc_gap m n n2 p shape_ok result_rows result_cols}.
 */
public final class Matmul2dModel implements LabModel {

    public static final String ID = "matmul2d";
    /** Entries stay within this range so the picture stays readable. */
    public static final double LIMIT = 10;
    /** Shape sizes run from 1 to this. */
    public static final int MAX_SIZE = 10;
    /** The playback parameter at rest: both stages done. */
    public static final double STAGE_DONE = 2;

    static final List<String> A_NAMES = List.of("a", "b", "c", "d");
    static final List<String> B_NAMES = List.of("b11", "b12", "b21", "b22");
    static final List<String> C_NAMES = List.of("c11", "c12", "c21", "c22");
    static final List<String> SHAPE_NAMES = List.of("m", "n", "n2", "p");

    private static final List<String> PARAMETERS = concat(A_NAMES, B_NAMES, C_NAMES, SHAPE_NAMES);
    private static final List<String> QUANTITIES = concat(A_NAMES, B_NAMES, C_NAMES,
            List.of("ab11", "ab12", "ab21", "ab22", "ba11", "ba12", "ba21", "ba22",
                    "det", "det_a", "det_b", "det_c", "det_ab", "det_ba", "commute", "comm_gap", "assoc_gap"),
            SHAPE_NAMES, List.of("shape_ok", "result_rows", "result_cols"));
    /** A shear and a quarter turn: the first thing the learner sees is that order matters. */
    private static final Map<String, Double> LAB_DEFAULTS = Map.ofEntries(
            Map.entry("a", 1.0), Map.entry("b", 1.0), Map.entry("c", 0.0), Map.entry("d", 1.0),
            Map.entry("b11", 0.0), Map.entry("b12", -1.0), Map.entry("b21", 1.0), Map.entry("b22", 0.0),
            Map.entry("c11", 2.0), Map.entry("c12", 0.0), Map.entry("c21", 1.0), Map.entry("c22", 1.0),
            Map.entry("m", 2.0), Map.entry("n", 3.0), Map.entry("n2", 2.0), Map.entry("p", 4.0));

    private final Map<String, DoubleProperty> entries = new HashMap<>();
    private final Map<String, IntegerProperty> sizes = new HashMap<>();
    /** 0..2 while the playback runs (see {@link StagedProduct}); 2 at rest. Not a quantity. */
    private final DoubleProperty stage = new SimpleDoubleProperty(this, "stage", STAGE_DONE);
    private final ChangeSignal changes = new ChangeSignal();
    private final ChangeSignal drawChanges = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public Matmul2dModel() {
        for (String name : concat(A_NAMES, B_NAMES, C_NAMES)) {
            DoubleProperty p = new SimpleDoubleProperty(this, name, LAB_DEFAULTS.get(name));
            entries.put(name, p);
            changes.watch(p);
            drawChanges.watch(p);
        }
        for (String name : SHAPE_NAMES) {
            IntegerProperty p = new SimpleIntegerProperty(this, name, LAB_DEFAULTS.get(name).intValue());
            sizes.put(name, p);
            changes.watch(p);
            drawChanges.watch(p);
        }
        drawChanges.watch(stage);
    }

    @Override
    public String id() {
        return ID;
    }

    /** The property of one matrix entry ({@code a}..{@code d}, {@code b11}.., {@code c11}..). */
    public DoubleProperty entry(String name) {
        DoubleProperty p = entries.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no matrix entry '" + name + "'");
        }
        return p;
    }

    /** The property of one shape size ({@code m n n2 p}). */
    public IntegerProperty size(String name) {
        IntegerProperty p = sizes.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no shape size '" + name + "'");
        }
        return p;
    }

    public DoubleProperty stageProperty() {
        return stage;
    }

    /** Fires on anything the view draws, the playback included; {@link #changes()} leaves the playback out. */
    public Observable drawChanges() {
        return drawChanges;
    }

    public Matrix2 matrixA() {
        return read(A_NAMES);
    }

    public Matrix2 matrixB() {
        return read(B_NAMES);
    }

    public Matrix2 matrixC() {
        return read(C_NAMES);
    }

    /** AB: first B, then A. */
    public Matrix2 ab() {
        return matrixA().times(matrixB());
    }

    /** BA: first A, then B. */
    public Matrix2 ba() {
        return matrixB().times(matrixA());
    }

    /** (AB)C. */
    public Matrix2 abThenC() {
        return ab().times(matrixC());
    }

    /** A(BC). */
    public Matrix2 aThenBc() {
        return matrixA().times(matrixB().times(matrixC()));
    }

    public Commutation commutation() {
        return Commutation.of(matrixA(), matrixB());
    }

    /** What the left plane shows now: the finished AB, or part of it while the playback runs. */
    public Matrix2 displayedAb() {
        return StagedProduct.at(matrixB(), matrixA(), stage.get());
    }

    /** What the right plane shows now: BA, or part of it. */
    public Matrix2 displayedBa() {
        return StagedProduct.at(matrixA(), matrixB(), stage.get());
    }

    public void setA(Matrix2 m) {
        write(A_NAMES, m);
    }

    public void setB(Matrix2 m) {
        write(B_NAMES, m);
    }

    public void setC(Matrix2 m) {
        write(C_NAMES, m);
    }

    /** Exchanges A and B, so AB and BA trade places. */
    public void swap() {
        Matrix2 a = matrixA();
        setA(matrixB());
        setB(a);
    }

    public MatrixShape left() {
        return new MatrixShape(sizes.get("m").get(), sizes.get("n").get());
    }

    public MatrixShape right() {
        return new MatrixShape(sizes.get("n2").get(), sizes.get("p").get());
    }

    /** The product's shape, empty when n differs from n2. */
    public Optional<MatrixShape> productShape() {
        return left().product(right());
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        if (entries.containsKey(name)) {
            entries.get(name).set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
        } else if (sizes.containsKey(name)) {
            Parameters.requireInRange(name, value, 1, MAX_SIZE);
            if (value != Math.rint(value)) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + value);
            }
            sizes.get(name).set((int) value);
        } else {
            throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        if (entries.containsKey(name)) {
            return entries.get(name).get();
        }
        if (sizes.containsKey(name)) {
            return sizes.get(name).get();
        }
        return switch (name) {
            case "ab11" -> ab().a();
            case "ab12" -> ab().b();
            case "ab21" -> ab().c();
            case "ab22" -> ab().d();
            case "ba11" -> ba().a();
            case "ba12" -> ba().b();
            case "ba21" -> ba().c();
            case "ba22" -> ba().d();
            case "det", "det_a" -> matrixA().det();
            case "det_b" -> matrixB().det();
            case "det_c" -> matrixC().det();
            case "det_ab" -> ab().det();
            case "det_ba" -> ba().det();
            case "commute" -> commutation().commute() ? 1 : 0;
            case "comm_gap" -> commutation().gap();
            case "assoc_gap" -> Commutation.maxAbsDifference(abThenC(), aThenBc());
            case "shape_ok" -> productShape().isPresent() ? 1 : 0;
            case "result_rows" -> productShape().map(MatrixShape::rows).orElse(0);
            case "result_cols" -> productShape().map(MatrixShape::columns).orElse(0);
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        defaults = Parameters.mergeDefaults(ID, LAB_DEFAULTS, parameters, PARAMETERS);
        reset();
    }

    @Override
    public void reset() {
        stage.set(STAGE_DONE);
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
    }

    private Matrix2 read(List<String> names) {
        return new Matrix2(entries.get(names.get(0)).get(), entries.get(names.get(1)).get(),
                entries.get(names.get(2)).get(), entries.get(names.get(3)).get());
    }

    private void write(List<String> names, Matrix2 m) {
        double[] values = {m.a(), m.b(), m.c(), m.d()};
        for (int i = 0; i < 4; i++) {
            entries.get(names.get(i)).set(clamp(values[i]));
        }
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }
}
