package org.dlmathlab.labs.transform2d;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.linalg.Eigen2;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Vec2;

/**
 * State of the 2x2 transformation lab: the matrix A = [[a, b], [c, d]] (columns = where i-hat and j-hat land), a
 * probe vector v with its image A v, and the morph parameter t of the "animate from identity" playback, during which
 * the plane is drawn under (1 - t) I + t A.
 *
 * <p>Quantities: {@code a b c d det trace rank ihat_x ihat_y jhat_x jhat_y vx vy avx avy lambda1 lambda2 lambda_im
 * eig_real area_scale orientation show_eigen}. Eigenvalues of a complex pair publish their real part in
 * {@code lambda1 = lambda2} and the imaginary part in {@code lambda_im}; {@code eig_real} is 1 or 0.
 */
public final class Transform2dModel implements LabModel {

    public static final String ID = "transform2d";
    /** Entries and probe coordinates are kept within this range so the picture stays readable. */
    public static final double LIMIT = 10;

    private static final List<String> PARAMETERS = List.of("a", "b", "c", "d", "vx", "vy", "show_eigen");
    private static final List<String> QUANTITIES = List.of("a", "b", "c", "d", "det", "trace", "rank",
            "ihat_x", "ihat_y", "jhat_x", "jhat_y", "vx", "vy", "avx", "avy",
            "lambda1", "lambda2", "lambda_im", "eig_real", "area_scale", "orientation", "show_eigen");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of(
            "a", 1.0, "b", 0.0, "c", 0.0, "d", 1.0, "vx", 1.5, "vy", 1.0, "show_eigen", 0.0);

    private final DoubleProperty a = new SimpleDoubleProperty(this, "a", 1);
    private final DoubleProperty b = new SimpleDoubleProperty(this, "b", 0);
    private final DoubleProperty c = new SimpleDoubleProperty(this, "c", 0);
    private final DoubleProperty d = new SimpleDoubleProperty(this, "d", 1);
    private final DoubleProperty vx = new SimpleDoubleProperty(this, "vx", 1.5);
    private final DoubleProperty vy = new SimpleDoubleProperty(this, "vy", 1);
    private final BooleanProperty showEigen = new SimpleBooleanProperty(this, "showEigen", false);
    /** 1 = the matrix itself; below 1 while the morph from the identity plays. Not a quantity: goals see A. */
    private final DoubleProperty morph = new SimpleDoubleProperty(this, "morph", 1);

    private final ChangeSignal changes = new ChangeSignal();
    private final ChangeSignal drawChanges = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public Transform2dModel() {
        changes.watch(a, b, c, d, vx, vy, showEigen);
        drawChanges.watch(a, b, c, d, vx, vy, showEigen, morph);
    }

    @Override
    public String id() {
        return ID;
    }

    public DoubleProperty aProperty() {
        return a;
    }

    public DoubleProperty bProperty() {
        return b;
    }

    public DoubleProperty cProperty() {
        return c;
    }

    public DoubleProperty dProperty() {
        return d;
    }

    public DoubleProperty vxProperty() {
        return vx;
    }

    public DoubleProperty vyProperty() {
        return vy;
    }

    public BooleanProperty showEigenProperty() {
        return showEigen;
    }

    public DoubleProperty morphProperty() {
        return morph;
    }

    /** Fires on anything the view draws, the morph included; {@link #changes()} leaves the morph out. */
    public Observable drawChanges() {
        return drawChanges;
    }

    public Matrix2 matrix() {
        return new Matrix2(a.get(), b.get(), c.get(), d.get());
    }

    /** The matrix drawn right now: A itself, or the in-between (1 - t) I + t A while the morph plays. */
    public Matrix2 displayedMatrix() {
        double t = morph.get();
        return t >= 1 ? matrix() : matrix().fromIdentity(t);
    }

    public Vec2 probe() {
        return new Vec2(vx.get(), vy.get());
    }

    /** Sets the whole matrix at once (presets, drags). Entries are clamped to +-{@link #LIMIT}. */
    public void setMatrix(Matrix2 m) {
        a.set(clamp(m.a()));
        b.set(clamp(m.b()));
        c.set(clamp(m.c()));
        d.set(clamp(m.d()));
    }

    /** Moves i-hat's landing point (the first column), as when its arrow tip is dragged. */
    public void setIhat(double x, double y) {
        a.set(clamp(x));
        c.set(clamp(y));
    }

    /** Moves j-hat's landing point (the second column). */
    public void setJhat(double x, double y) {
        b.set(clamp(x));
        d.set(clamp(y));
    }

    public void setProbe(double x, double y) {
        vx.set(clamp(x));
        vy.set(clamp(y));
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "a" -> a.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "b" -> b.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "c" -> c.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "d" -> d.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "vx" -> vx.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "vy" -> vy.set(Parameters.requireInRange(name, value, -LIMIT, LIMIT));
            case "show_eigen" -> showEigen.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        Matrix2 m = matrix();
        return switch (name) {
            case "a" -> m.a();
            case "b" -> m.b();
            case "c" -> m.c();
            case "d" -> m.d();
            case "det" -> m.det();
            case "trace" -> m.trace();
            case "rank" -> m.rank();
            case "ihat_x" -> m.a();
            case "ihat_y" -> m.c();
            case "jhat_x" -> m.b();
            case "jhat_y" -> m.d();
            case "vx" -> vx.get();
            case "vy" -> vy.get();
            case "avx" -> m.apply(probe()).x();
            case "avy" -> m.apply(probe()).y();
            case "lambda1" -> m.eigen().lambda1();
            case "lambda2" -> m.eigen().lambda2();
            case "lambda_im" -> m.eigen().imaginary();
            case "eig_real" -> m.eigen().real() ? 1 : 0;
            case "area_scale" -> Math.abs(m.det());
            case "orientation" -> m.rank() < 2 ? 0 : Math.signum(m.det());
            case "show_eigen" -> showEigen.get() ? 1 : 0;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    public Eigen2 eigen() {
        return matrix().eigen();
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
        morph.set(1);
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
