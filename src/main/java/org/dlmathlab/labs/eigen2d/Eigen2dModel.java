package org.dlmathlab.labs.eigen2d;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.linalg.ComplexTurn;
import org.dlmathlab.math.linalg.Eigen2;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.PowerTrail;
import org.dlmathlab.math.linalg.SpanCheck;
import org.dlmathlab.math.linalg.Vec2;

/**
 * State of the eigenvector lab: the matrix A = [[a, b], [c, d]], a vector v with its image A v (is A v on v's span?),
 * the eigenvalues and eigenvectors of A, and the power-iteration trail v, A v, ..., A^k v.
 *
 * <p>Quantities: {@code a b c d det trace lambda1 lambda2 lambda_im complex rotation_deg vx vy avx avy on_span angle
 * stretch k normalise sweep show_eigen trail_x trail_y trail_angle ratio}. For a complex pair {@code lambda1 = lambda2}
 * hold the real part, {@code lambda_im} the imaginary part and {@code rotation_deg} the turn per application
 * (NaN when real). {@code angle} is the angle between v and A v in [0, 180] (NaN for v = 0 or A v = 0);
 * {@code on_span} is 1 when A v lies on v's line within 1 degree, or A v = 0. {@code trail_angle} is the angle in
 * [0, 90] between A^k v and the dominant eigenvector's line (NaN if there is none).
 */
public final class Eigen2dModel implements LabModel {

    public static final String ID = "eigen2d";
    /** Entries and coordinates of v stay within this range so the picture stays readable. */
    public static final double LIMIT = 10;
    /** The longest trail. */
    public static final int MAX_K = 30;

    private static final List<String> PARAMETERS = List.of("a", "b", "c", "d", "vx", "vy", "k", "normalise", "sweep",
            "show_eigen");
    private static final List<String> QUANTITIES = List.of("a", "b", "c", "d", "det", "trace", "lambda1", "lambda2",
            "lambda_im", "complex", "rotation_deg", "vx", "vy", "avx", "avy", "on_span", "angle", "stretch", "k",
            "normalise", "sweep", "show_eigen", "trail_x", "trail_y", "trail_angle", "ratio");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("a", 2.0, "b", 1.0, "c", 1.0, "d", 2.0,
            "vx", 1.5, "vy", 0.5, "k", 0.0, "normalise", 1.0, "sweep", 0.0, "show_eigen", 1.0);

    private final DoubleProperty a = new SimpleDoubleProperty(this, "a", 2);
    private final DoubleProperty b = new SimpleDoubleProperty(this, "b", 1);
    private final DoubleProperty c = new SimpleDoubleProperty(this, "c", 1);
    private final DoubleProperty d = new SimpleDoubleProperty(this, "d", 2);
    private final DoubleProperty vx = new SimpleDoubleProperty(this, "vx", 1.5);
    private final DoubleProperty vy = new SimpleDoubleProperty(this, "vy", 0.5);
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 0);
    private final BooleanProperty normalise = new SimpleBooleanProperty(this, "normalise", true);
    private final BooleanProperty sweep = new SimpleBooleanProperty(this, "sweep", false);
    private final BooleanProperty showEigen = new SimpleBooleanProperty(this, "showEigen", true);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public Eigen2dModel() {
        changes.watch(a, b, c, d, vx, vy, k, normalise, sweep, showEigen);
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

    public IntegerProperty kProperty() {
        return k;
    }

    public BooleanProperty normaliseProperty() {
        return normalise;
    }

    public BooleanProperty sweepProperty() {
        return sweep;
    }

    public BooleanProperty showEigenProperty() {
        return showEigen;
    }

    public Matrix2 matrix() {
        return new Matrix2(a.get(), b.get(), c.get(), d.get());
    }

    public Vec2 vector() {
        return new Vec2(vx.get(), vy.get());
    }

    public Eigen2 eigen() {
        return matrix().eigen();
    }

    /** A v and whether it stays on v's span. */
    public SpanCheck span() {
        return SpanCheck.of(matrix(), vector());
    }

    /** v, A v, ..., A^k v, as the normalise switch says. */
    public PowerTrail trail() {
        return PowerTrail.of(matrix(), vector(), k.get(), normalise.get());
    }

    /** Sets the whole matrix at once (presets). Entries are clamped to +-{@link #LIMIT}. */
    public void setMatrix(Matrix2 m) {
        a.set(clamp(m.a()));
        b.set(clamp(m.b()));
        c.set(clamp(m.c()));
        d.set(clamp(m.d()));
    }

    /** Moves where i-hat lands (the first column), as when its arrow tip is dragged. */
    public void setIhat(double x, double y) {
        a.set(clamp(x));
        c.set(clamp(y));
    }

    /** Moves where j-hat lands (the second column). */
    public void setJhat(double x, double y) {
        b.set(clamp(x));
        d.set(clamp(y));
    }

    public void setVector(double x, double y) {
        vx.set(clamp(x));
        vy.set(clamp(y));
    }

    /** Sets the trail length, kept within 0..{@link #MAX_K}. */
    public void setK(int value) {
        k.set(Math.max(0, Math.min(MAX_K, value)));
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
            case "k" -> {
                double v = Parameters.requireInRange(name, value, 0, MAX_K);
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException("k must be a whole number, not " + value);
                }
                k.set((int) v);
            }
            case "normalise" -> normalise.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
            case "sweep" -> sweep.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
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
            case "lambda1" -> m.eigen().lambda1();
            case "lambda2" -> m.eigen().lambda2();
            case "lambda_im" -> m.eigen().imaginary();
            case "complex" -> m.eigen().real() ? 0 : 1;
            case "rotation_deg" -> ComplexTurn.of(m).map(ComplexTurn::angleDeg).orElse(Double.NaN);
            case "vx" -> vx.get();
            case "vy" -> vy.get();
            case "avx" -> m.apply(vector()).x();
            case "avy" -> m.apply(vector()).y();
            case "on_span" -> span().onSpan() ? 1 : 0;
            case "angle" -> span().angleDeg();
            case "stretch" -> span().stretch();
            case "k" -> k.get();
            case "normalise" -> normalise.get() ? 1 : 0;
            case "sweep" -> sweep.get() ? 1 : 0;
            case "show_eigen" -> showEigen.get() ? 1 : 0;
            case "trail_x" -> trail().last().x();
            case "trail_y" -> trail().last().y();
            case "trail_angle" -> trail().lastAngle();
            case "ratio" -> trail().ratio();
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

    /** Step adds one application of A to the trail (up to {@link #MAX_K}). */
    @Override
    public boolean canStep() {
        return true;
    }

    @Override
    public void step() {
        setK(k.get() + 1);
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
