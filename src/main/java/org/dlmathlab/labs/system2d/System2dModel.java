package org.dlmathlab.labs.system2d;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.linalg.LinearSystem2;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Vec2;

/**
 * State of the linear-systems lab: the matrix A = [[a, b], [c, d]] (columns = where i-hat and j-hat land), the target
 * v of A x = v, and a point n = nt * (unit null direction) on the null line. The solution comes from
 * {@link LinearSystem2}; this class only keeps the parameters and publishes quantities.
 *
 * <p>The "play A then A^-1" animation runs a phase from 0 to 2 (1 when idle): on [0, 1] the plane is drawn under
 * (1 - t) I + t A, on [1, 2] under ((1 - s) I + s A^-1) A, which ends at A^-1 A = I. The phase is not a quantity, so
 * goals always see A itself.
 *
 * <p>Quantities: {@code a b c d det vx vy x1 x2 rank solutions inv_a inv_b inv_c inv_d nullity null_x null_y col_x
 * col_y nt nx ny residual}; see lessons/README.md for what each holds and when it is NaN.
 */
public final class System2dModel implements LabModel {

    public static final String ID = "system2d";
    /** Entries, target coordinates and nt stay within +-LIMIT so the picture stays readable. */
    public static final double LIMIT = 10;
    /** The phase value of "not animating": the plane shows A. */
    public static final double IDLE = 1;

    private static final List<String> PARAMETERS = List.of("a", "b", "c", "d", "vx", "vy", "nt");
    private static final List<String> QUANTITIES = List.of("a", "b", "c", "d", "det", "vx", "vy", "x1", "x2",
            "rank", "solutions", "inv_a", "inv_b", "inv_c", "inv_d", "nullity", "null_x", "null_y", "col_x", "col_y",
            "nt", "nx", "ny", "residual");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of(
            "a", 1.0, "b", -1.0, "c", 1.0, "d", 1.0, "vx", 1.0, "vy", 3.0, "nt", 1.0);

    private final DoubleProperty a = new SimpleDoubleProperty(this, "a", 1);
    private final DoubleProperty b = new SimpleDoubleProperty(this, "b", -1);
    private final DoubleProperty c = new SimpleDoubleProperty(this, "c", 1);
    private final DoubleProperty d = new SimpleDoubleProperty(this, "d", 1);
    private final DoubleProperty vx = new SimpleDoubleProperty(this, "vx", 1);
    private final DoubleProperty vy = new SimpleDoubleProperty(this, "vy", 3);
    private final DoubleProperty nt = new SimpleDoubleProperty(this, "nt", 1);
    private final DoubleProperty phase = new SimpleDoubleProperty(this, "phase", IDLE);

    private final ChangeSignal changes = new ChangeSignal();
    private final ChangeSignal drawChanges = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private Matrix2 solvedFor;
    private Vec2 solvedTarget;
    private LinearSystem2 solved;

    public System2dModel() {
        changes.watch(a, b, c, d, vx, vy, nt);
        drawChanges.watch(a, b, c, d, vx, vy, nt, phase);
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

    public DoubleProperty ntProperty() {
        return nt;
    }

    /** The animation phase in [0, 2]; {@link #IDLE} = 1 shows A. */
    public DoubleProperty phaseProperty() {
        return phase;
    }

    /** Fires on anything the view draws, the animation phase included; {@link #changes()} leaves the phase out. */
    public Observable drawChanges() {
        return drawChanges;
    }

    public Matrix2 matrix() {
        return new Matrix2(a.get(), b.get(), c.get(), d.get());
    }

    public Vec2 target() {
        return new Vec2(vx.get(), vy.get());
    }

    /** The solved system A x = v for the current parameters (kept until A or v changes). */
    public LinearSystem2 system() {
        Matrix2 m = matrix();
        Vec2 v = target();
        if (solved == null || !m.equals(solvedFor) || !v.equals(solvedTarget)) {
            solved = LinearSystem2.solve(m, v);
            solvedFor = m;
            solvedTarget = v;
        }
        return solved;
    }

    /** Whether the animation is between its start and its end. */
    public boolean isPlaying() {
        return phase.get() != IDLE;
    }

    /**
     * The matrix drawn right now: A when idle; (1 - t) I + t A on the way there; ((1 - s) I + s A^-1) A on the way
     * back, which reaches A^-1 A = I at phase 2. A singular A has no way back: the plane stays squashed.
     */
    public Matrix2 displayedMatrix() {
        double t = phase.get();
        Matrix2 m = matrix();
        if (t <= 1) {
            return m.fromIdentity(t);
        }
        Optional<Matrix2> inverse = system().inverse();
        return inverse.map(inv -> inv.fromIdentity(Math.min(1, t - 1)).times(m)).orElse(m);
    }

    /** The point n = nt * (unit null direction) when the null space is a line, else empty. */
    public Optional<Vec2> nullPoint() {
        LinearSystem2 s = system();
        return s.nullity() == 1 ? Optional.of(s.nullSpace().direction().times(nt.get())) : Optional.empty();
    }

    /** Sets the whole matrix (presets). Entries are clamped to +-{@link #LIMIT}. */
    public void setMatrix(Matrix2 m) {
        a.set(clamp(m.a()));
        b.set(clamp(m.b()));
        c.set(clamp(m.c()));
        d.set(clamp(m.d()));
    }

    /** Moves i-hat's landing point, the first column (a, c). */
    public void setIhat(double x, double y) {
        a.set(clamp(x));
        c.set(clamp(y));
    }

    /** Moves j-hat's landing point, the second column (b, d). */
    public void setJhat(double x, double y) {
        b.set(clamp(x));
        d.set(clamp(y));
    }

    public void setTarget(double x, double y) {
        vx.set(clamp(x));
        vy.set(clamp(y));
    }

    /**
     * Moves n to the point of the null line nearest to p (the foot of the perpendicular: nt = p . u for the unit
     * null direction u), so that a drag anywhere slides n along its line. Does nothing unless the null space is a line.
     */
    public void slideNullPointTowards(Vec2 p) {
        LinearSystem2 s = system();
        if (s.nullity() == 1) {
            nt.set(clamp(p.dot(s.nullSpace().direction())));
        }
    }

    /** The same for the solution line x_p + t n: picks the t whose point is nearest to p. */
    public void slideSolutionTowards(Vec2 p) {
        LinearSystem2 s = system();
        if (s.kind() == LinearSystem2.Kind.INFINITELY_MANY && s.nullity() == 1) {
            nt.set(clamp(p.minus(s.leastSquares()).dot(s.nullSpace().direction())));
        }
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        if (!PARAMETERS.contains(name)) {
            throw Parameters.unknown(ID, name, PARAMETERS);
        }
        double v = Parameters.requireInRange(name, value, -LIMIT, LIMIT);
        switch (name) {
            case "a" -> a.set(v);
            case "b" -> b.set(v);
            case "c" -> c.set(v);
            case "d" -> d.set(v);
            case "vx" -> vx.set(v);
            case "vy" -> vy.set(v);
            default -> nt.set(v);
        }
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        if (!QUANTITIES.contains(name)) {
            throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        }
        Matrix2 m = matrix();
        LinearSystem2 s = system();
        Optional<Vec2> x = s.solution();
        Optional<Matrix2> inv = s.inverse();
        boolean nullLine = s.nullity() == 1;
        boolean colLine = s.rank() == 1;
        return switch (name) {
            case "a" -> m.a();
            case "b" -> m.b();
            case "c" -> m.c();
            case "d" -> m.d();
            case "det" -> m.det();
            case "vx" -> vx.get();
            case "vy" -> vy.get();
            case "x1" -> x.map(Vec2::x).orElse(Double.NaN);
            case "x2" -> x.map(Vec2::y).orElse(Double.NaN);
            case "rank" -> s.rank();
            case "solutions" -> s.kind().count();
            case "inv_a" -> inv.map(Matrix2::a).orElse(Double.NaN);
            case "inv_b" -> inv.map(Matrix2::b).orElse(Double.NaN);
            case "inv_c" -> inv.map(Matrix2::c).orElse(Double.NaN);
            case "inv_d" -> inv.map(Matrix2::d).orElse(Double.NaN);
            case "nullity" -> s.nullity();
            case "null_x" -> nullLine ? s.nullSpace().direction().x() : Double.NaN;
            case "null_y" -> nullLine ? s.nullSpace().direction().y() : Double.NaN;
            case "col_x" -> colLine ? s.columnSpace().direction().x() : Double.NaN;
            case "col_y" -> colLine ? s.columnSpace().direction().y() : Double.NaN;
            case "nt" -> nt.get();
            case "nx" -> nullPoint().map(Vec2::x).orElse(Double.NaN);
            case "ny" -> nullPoint().map(Vec2::y).orElse(Double.NaN);
            case "residual" -> s.residual();
            default -> throw new IllegalStateException(name);
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
        phase.set(IDLE);
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
