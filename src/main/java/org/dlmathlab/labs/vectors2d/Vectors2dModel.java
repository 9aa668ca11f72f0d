package org.dlmathlab.labs.vectors2d;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.linalg.Norms;
import org.dlmathlab.math.linalg.Vec2;

/**
 * State of the dot product and norms lab: two plane vectors u and v, a scale factor alpha for u, a neuron's bias (the
 * neuron reads x = u as its inputs and w = v as its weights), a 2x3 matrix for the Frobenius norm, which norm's ball
 * is drawn through u, and which layers the plane shows.
 *
 * <p>Quantities: {@code ux uy vx vy dot cos angle l1 l2 linf alpha proj proj_x proj_y sign l1_v l2_v linf_v norm_sum
 * norm_of_sum l1_alpha l2_alpha linf_alpha frobenius bias z boundary_dist m11 m12 m13 m21 m22 m23 ball show_proj
 * show_norms show_triangle show_neuron}. {@code angle} is in degrees. {@code cos} and {@code angle} are NaN when u or
 * v is zero; {@code proj}, {@code proj_x}, {@code proj_y} when v is zero; {@code sign} is +1, 0, −1 (NaN when
 * undefined); {@code boundary_dist} = −b / ‖w‖ is NaN when w = 0.
 */
public final class Vectors2dModel implements LabModel {

    public static final String ID = "vectors2d";
    /** Coordinates, the bias and the matrix cells stay within ±LIMIT. */
    public static final double LIMIT = 10;
    /** The scale factor alpha stays within ±ALPHA_LIMIT. */
    public static final double ALPHA_LIMIT = 3;
    /** The matrix is ROWS x COLS; its cells are the parameters m11 ... m23. */
    public static final int ROWS = 2;
    public static final int COLS = 3;

    private static final List<String> CELLS = List.of("m11", "m12", "m13", "m21", "m22", "m23");
    private static final List<String> SWITCHES = List.of("show_proj", "show_norms", "show_triangle", "show_neuron");
    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;
    private static final Map<String, Double> LAB_DEFAULTS;

    static {
        List<String> p = new ArrayList<>(List.of("ux", "uy", "vx", "vy", "alpha", "bias"));
        p.addAll(CELLS);
        p.add("ball");
        p.addAll(SWITCHES);
        PARAMETERS = Collections.unmodifiableList(p);
        List<String> q = new ArrayList<>(List.of("ux", "uy", "vx", "vy", "dot", "cos", "angle", "l1", "l2", "linf",
                "alpha", "proj", "proj_x", "proj_y", "sign", "l1_v", "l2_v", "linf_v", "norm_sum", "norm_of_sum",
                "l1_alpha", "l2_alpha", "linf_alpha", "frobenius", "bias", "z", "boundary_dist"));
        q.addAll(CELLS);
        q.add("ball");
        q.addAll(SWITCHES);
        QUANTITIES = Collections.unmodifiableList(q);
        Map<String, Double> d = new HashMap<>();
        // u = (3, 1) and v = (2, 4) meet at exactly 45° (u·v = 10, |u||v| = √200), and u's shadow is half of v.
        d.put("ux", 3.0);
        d.put("uy", 1.0);
        d.put("vx", 2.0);
        d.put("vy", 4.0);
        d.put("alpha", 1.0);
        d.put("bias", 0.0);
        double[] cells = {1, -2, 0, 2, 1, 2};
        for (int i = 0; i < CELLS.size(); i++) {
            d.put(CELLS.get(i), cells[i]);
        }
        d.put("ball", (double) Norms.Kind.L2.index());
        d.put("show_proj", 1.0);
        d.put("show_norms", 0.0);
        d.put("show_triangle", 0.0);
        d.put("show_neuron", 0.0);
        LAB_DEFAULTS = Map.copyOf(d);
    }

    private final DoubleProperty ux = new SimpleDoubleProperty(this, "ux", 3);
    private final DoubleProperty uy = new SimpleDoubleProperty(this, "uy", 1);
    private final DoubleProperty vx = new SimpleDoubleProperty(this, "vx", 2);
    private final DoubleProperty vy = new SimpleDoubleProperty(this, "vy", 4);
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 1);
    private final DoubleProperty bias = new SimpleDoubleProperty(this, "bias", 0);
    private final DoubleProperty[] cells = new DoubleProperty[ROWS * COLS];
    private final IntegerProperty ball = new SimpleIntegerProperty(this, "ball", Norms.Kind.L2.index());
    private final BooleanProperty showProjection = new SimpleBooleanProperty(this, "showProjection", true);
    private final BooleanProperty showNorms = new SimpleBooleanProperty(this, "showNorms", false);
    private final BooleanProperty showTriangle = new SimpleBooleanProperty(this, "showTriangle", false);
    private final BooleanProperty showNeuron = new SimpleBooleanProperty(this, "showNeuron", false);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public Vectors2dModel() {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new SimpleDoubleProperty(this, CELLS.get(i), LAB_DEFAULTS.get(CELLS.get(i)));
        }
        changes.watch(ux, uy, vx, vy, alpha, bias, ball, showProjection, showNorms, showTriangle, showNeuron);
        changes.watch(cells);
    }

    @Override
    public String id() {
        return ID;
    }

    public DoubleProperty uxProperty() {
        return ux;
    }

    public DoubleProperty uyProperty() {
        return uy;
    }

    public DoubleProperty vxProperty() {
        return vx;
    }

    public DoubleProperty vyProperty() {
        return vy;
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public DoubleProperty biasProperty() {
        return bias;
    }

    /** The cell in row {@code row}, column {@code col} (both from 0). */
    public DoubleProperty cellProperty(int row, int col) {
        return cells[row * COLS + col];
    }

    /** The parameter name of a cell, m11 for the top-left. */
    public static String cellName(int row, int col) {
        return CELLS.get(row * COLS + col);
    }

    /** Which norm's ball is drawn through u. */
    public IntegerProperty ballProperty() {
        return ball;
    }

    public BooleanProperty showProjectionProperty() {
        return showProjection;
    }

    public BooleanProperty showNormsProperty() {
        return showNorms;
    }

    public BooleanProperty showTriangleProperty() {
        return showTriangle;
    }

    public BooleanProperty showNeuronProperty() {
        return showNeuron;
    }

    public Vec2 u() {
        return new Vec2(ux.get(), uy.get());
    }

    public Vec2 v() {
        return new Vec2(vx.get(), vy.get());
    }

    /** alpha u. */
    public Vec2 scaledU() {
        return u().times(alpha.get());
    }

    public Norms.Kind ballKind() {
        return Norms.Kind.ofIndex(ball.get());
    }

    public double[][] matrix() {
        double[][] m = new double[ROWS][COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                m[r][c] = cellProperty(r, c).get();
            }
        }
        return m;
    }

    /** The neuron's pre-activation z = w·x + b with x = u and w = v. */
    public double z() {
        return Norms.dot(v(), u()) + bias.get();
    }

    /**
     * The point of the neuron's boundary line w·x + b = 0 nearest the origin, −b w / ‖w‖² (the line runs through it
     * perpendicular to w); null when w = 0 and there is no line.
     */
    public Vec2 boundaryPoint() {
        Vec2 w = v();
        double ww = Norms.dot(w, w);
        return ww == 0 ? null : w.times(-bias.get() / ww);
    }

    /** Moves u's tip, as a drag does; coordinates are clamped to ±{@link #LIMIT}. */
    public void setU(double x, double y) {
        ux.set(clamp(x));
        uy.set(clamp(y));
    }

    public void setV(double x, double y) {
        vx.set(clamp(x));
        vy.set(clamp(y));
    }

    public void setAlpha(double value) {
        alpha.set(Math.max(-ALPHA_LIMIT, Math.min(ALPHA_LIMIT, value)));
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        int cell = CELLS.indexOf(name);
        if (cell >= 0) {
            cells[cell].set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            return;
        }
        switch (name) {
            case "ux" -> ux.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "uy" -> uy.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "vx" -> vx.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "vy" -> vy.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "alpha" -> alpha.set(Parameters.requireInRange(name, value, -ALPHA_LIMIT, ALPHA_LIMIT));
            case "bias" -> bias.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "ball" -> ball.set((int) Math.round(Parameters.requireInRange(name, value, 0, 2)));
            case "show_proj" -> showProjection.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
            case "show_norms" -> showNorms.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
            case "show_triangle" -> showTriangle.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
            case "show_neuron" -> showNeuron.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        int cell = CELLS.indexOf(name);
        if (cell >= 0) {
            return cells[cell].get();
        }
        Vec2 u = u();
        Vec2 v = v();
        return switch (name) {
            case "ux" -> u.x();
            case "uy" -> u.y();
            case "vx" -> v.x();
            case "vy" -> v.y();
            case "dot" -> Norms.dot(u, v);
            case "cos" -> Norms.cosine(u, v);
            case "angle" -> Math.toDegrees(Norms.angle(u, v));
            case "l1" -> Norms.l1(u);
            case "l2" -> Norms.l2(u);
            case "linf" -> Norms.linf(u);
            case "alpha" -> alpha.get();
            case "proj" -> Norms.scalarProjection(u, v);
            case "proj_x" -> Norms.vectorProjection(u, v).x();
            case "proj_y" -> Norms.vectorProjection(u, v).y();
            case "sign" -> Norms.classify(u, v).sign();
            case "l1_v" -> Norms.l1(v);
            case "l2_v" -> Norms.l2(v);
            case "linf_v" -> Norms.linf(v);
            case "norm_sum" -> Norms.l2(u) + Norms.l2(v);
            case "norm_of_sum" -> Norms.l2(u.plus(v));
            case "l1_alpha" -> Norms.l1(scaledU());
            case "l2_alpha" -> Norms.l2(scaledU());
            case "linf_alpha" -> Norms.linf(scaledU());
            case "frobenius" -> Norms.frobenius(matrix());
            case "bias" -> bias.get();
            case "z" -> z();
            case "boundary_dist" -> Norms.l2(v) == 0 ? Double.NaN : -bias.get() / Norms.l2(v);
            case "ball" -> ball.get();
            case "show_proj" -> showProjection.get() ? 1 : 0;
            case "show_norms" -> showNorms.get() ? 1 : 0;
            case "show_triangle" -> showTriangle.get() ? 1 : 0;
            case "show_neuron" -> showNeuron.get() ? 1 : 0;
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
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
