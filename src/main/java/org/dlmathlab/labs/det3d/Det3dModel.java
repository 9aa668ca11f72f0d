package org.dlmathlab.labs.det3d;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.linalg.Matrix3;

/**
 * State of the 3x3 determinant lab: the matrix M = [m_ij] (column j = where the j-th basis vector lands) and the
 * morph parameter t of "animate from identity", during which the cube is drawn under (1 - t) I + t M.
 *
 * <p>Quantities: {@code m11 m12 m13 m21 m22 m23 m31 m32 m33 det volume rank orientation}, where volume = |det| (the
 * volume of the parallelepiped, the unit cube's image), rank is 0 to 3 and orientation is 1 (right-handed kept), -1
 * (flipped: a mirror image) or 0 (flat, no volume).
 */
public final class Det3dModel implements LabModel {

    public static final String ID = "det3d";
    /** Entries stay within +-LIMIT so the solid fits a readable picture. */
    public static final double LIMIT = 5;
    /** The parameter names, row by row; entry (i, j) is {@code ENTRIES.get(3 (i - 1) + j - 1)}. */
    public static final List<String> ENTRIES = List.of("m11", "m12", "m13", "m21", "m22", "m23", "m31", "m32", "m33");

    private static final List<String> QUANTITIES = List.of("m11", "m12", "m13", "m21", "m22", "m23", "m31", "m32",
            "m33", "det", "volume", "rank", "orientation");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("m11", 1.0, "m12", 0.0, "m13", 0.0,
            "m21", 0.0, "m22", 1.0, "m23", 0.0, "m31", 0.0, "m32", 0.0, "m33", 1.0);

    private final DoubleProperty[] entries = new DoubleProperty[9];
    /** 1 = the matrix itself; below 1 while the morph from the identity plays. Not a quantity: goals see M. */
    private final DoubleProperty morph = new SimpleDoubleProperty(this, "morph", 1);

    private final ChangeSignal changes = new ChangeSignal();
    private final ChangeSignal drawChanges = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public Det3dModel() {
        for (int k = 0; k < 9; k++) {
            String name = ENTRIES.get(k);
            entries[k] = new SimpleDoubleProperty(this, name, LAB_DEFAULTS.get(name));
        }
        changes.watch(entries);
        drawChanges.watch(entries);
        drawChanges.watch(morph);
    }

    @Override
    public String id() {
        return ID;
    }

    /** The property of entry m_ij, i and j counted from 1. */
    public DoubleProperty entryProperty(int i, int j) {
        if (i < 1 || i > 3 || j < 1 || j > 3) {
            throw new IllegalArgumentException("no entry m" + i + j + " in a 3x3 matrix");
        }
        return entries[3 * (i - 1) + j - 1];
    }

    public DoubleProperty morphProperty() {
        return morph;
    }

    /** Fires on anything the view draws, the morph included; {@link #changes()} leaves the morph out. */
    public Observable drawChanges() {
        return drawChanges;
    }

    public Matrix3 matrix() {
        return new Matrix3(entries[0].get(), entries[1].get(), entries[2].get(), entries[3].get(), entries[4].get(),
                entries[5].get(), entries[6].get(), entries[7].get(), entries[8].get());
    }

    /** The matrix drawn right now: M itself, or the in-between (1 - t) I + t M while the morph plays. */
    public Matrix3 displayedMatrix() {
        double t = morph.get();
        return t >= 1 ? matrix() : matrix().fromIdentity(t);
    }

    /** Sets the whole matrix at once (presets); entries are clamped to +-{@link #LIMIT}. */
    public void setMatrix(Matrix3 m) {
        double[][] rows = m.toArray();
        for (int k = 0; k < 9; k++) {
            double v = rows[k / 3][k % 3];
            entries[k].set(Double.isFinite(v) ? Math.max(-LIMIT, Math.min(LIMIT, v)) : 0);
        }
    }

    @Override
    public List<String> parameterNames() {
        return ENTRIES;
    }

    @Override
    public void setParameter(String name, double value) {
        int k = ENTRIES.indexOf(name);
        if (k < 0) {
            throw Parameters.unknown(ID, name, ENTRIES);
        }
        entries[k].set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        int k = ENTRIES.indexOf(name);
        if (k >= 0) {
            return entries[k].get();
        }
        Matrix3 m = matrix();
        return switch (name) {
            case "det" -> m.det();
            case "volume" -> Math.abs(m.det());
            case "rank" -> m.rank();
            case "orientation" -> orientation(m);
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    /** 1 when M keeps right-handed frames right-handed, -1 when it mirrors them, 0 when it flattens space. */
    public static int orientation(Matrix3 m) {
        return m.rank() < 3 ? 0 : (int) Math.signum(m.det());
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        defaults = Parameters.mergeDefaults(ID, LAB_DEFAULTS, parameters, ENTRIES);
        reset();
    }

    @Override
    public void reset() {
        morph.set(1);
        for (String name : ENTRIES) {
            setParameter(name, defaults.get(name));
        }
    }
}
