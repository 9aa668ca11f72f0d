package org.dlmathlab.labs.det2d;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Orientation2;
import org.dlmathlab.math.linalg.Polygon2;
import org.dlmathlab.math.linalg.Vec2;

/**
 * State of the determinant lab: the matrix A = [[a, b], [c, d]] (columns = where i-hat and j-hat land), a second
 * matrix B = [[b11, b12], [b21, b22]] for the product rule det(AB) = det A det B, a shape drawn in the plane (a
 * {@link Polygon2}, empty when none) whose image under A scales its area by |det A|, and the morph parameter t of
 * "animate from identity", during which the plane is drawn under (1 - t) I + t A.
 *
 * <p>Quantities: {@code a b c d det det_a area orientation rank b11 b12 b21 b22 det_b det_ab shape_area image_area
 * shape_ratio shape shape_points}; {@code det_a} = {@code det}, {@code area} = |det|, {@code orientation} is 1, -1 or
 * 0 (singular), {@code shape_ratio} = image_area / shape_area is NaN while there is no shape with an area.
 */
public final class Det2dModel implements LabModel {

    public static final String ID = "det2d";
    /** Entries are kept within this range so the picture stays readable. */
    public static final double LIMIT = 10;
    /** Freehand strokes keep at most this many vertices, so area and crossing checks stay instant. */
    public static final int MAX_POINTS = 400;

    private static final List<String> PARAMETERS = List.of("a", "b", "c", "d", "b11", "b12", "b21", "b22", "shape");
    private static final List<String> QUANTITIES = List.of("a", "b", "c", "d", "det", "det_a", "area", "orientation",
            "rank", "b11", "b12", "b21", "b22", "det_b", "det_ab", "shape_area", "image_area", "shape_ratio", "shape",
            "shape_points");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of(
            "a", 1.0, "b", 0.0, "c", 0.0, "d", 1.0,
            "b11", 1.0, "b12", 0.0, "b21", 0.0, "b22", 1.0, "shape", 0.0);

    private final DoubleProperty a = new SimpleDoubleProperty(this, "a", 1);
    private final DoubleProperty b = new SimpleDoubleProperty(this, "b", 0);
    private final DoubleProperty c = new SimpleDoubleProperty(this, "c", 0);
    private final DoubleProperty d = new SimpleDoubleProperty(this, "d", 1);
    private final DoubleProperty b11 = new SimpleDoubleProperty(this, "b11", 1);
    private final DoubleProperty b12 = new SimpleDoubleProperty(this, "b12", 0);
    private final DoubleProperty b21 = new SimpleDoubleProperty(this, "b21", 0);
    private final DoubleProperty b22 = new SimpleDoubleProperty(this, "b22", 1);
    private final ObjectProperty<Polygon2> shape = new SimpleObjectProperty<>(this, "shape", Polygon2.EMPTY);
    /** The preset the shape came from, or -1 once the learner drew or edited it. */
    private final IntegerProperty shapePreset = new SimpleIntegerProperty(this, "shapePreset", 0);
    /** 1 = the matrix itself; below 1 while the morph from the identity plays. Not a quantity: goals see A. */
    private final DoubleProperty morph = new SimpleDoubleProperty(this, "morph", 1);

    private final ChangeSignal changes = new ChangeSignal();
    private final ChangeSignal drawChanges = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public Det2dModel() {
        changes.watch(a, b, c, d, b11, b12, b21, b22, shape, shapePreset);
        drawChanges.watch(a, b, c, d, b11, b12, b21, b22, shape, shapePreset, morph);
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

    public DoubleProperty b11Property() {
        return b11;
    }

    public DoubleProperty b12Property() {
        return b12;
    }

    public DoubleProperty b21Property() {
        return b21;
    }

    public DoubleProperty b22Property() {
        return b22;
    }

    public DoubleProperty morphProperty() {
        return morph;
    }

    public ObjectProperty<Polygon2> shapeProperty() {
        return shape;
    }

    /** Fires on anything the view draws, the morph included; {@link #changes()} leaves the morph out. */
    public Observable drawChanges() {
        return drawChanges;
    }

    /** A. */
    public Matrix2 matrix() {
        return new Matrix2(a.get(), b.get(), c.get(), d.get());
    }

    /** B. */
    public Matrix2 matrixB() {
        return new Matrix2(b11.get(), b12.get(), b21.get(), b22.get());
    }

    /** AB: first B, then A. */
    public Matrix2 product() {
        return matrix().times(matrixB());
    }

    /** The matrix drawn right now: A itself, or the in-between (1 - t) I + t A while the morph plays. */
    public Matrix2 displayedMatrix() {
        double t = morph.get();
        return t >= 1 ? matrix() : matrix().fromIdentity(t);
    }

    public boolean isMorphing() {
        return morph.get() < 1;
    }

    /** Sets A at once (presets). Entries are clamped to +-{@link #LIMIT}. */
    public void setMatrix(Matrix2 m) {
        a.set(clamp(m.a()));
        b.set(clamp(m.b()));
        c.set(clamp(m.c()));
        d.set(clamp(m.d()));
    }

    /** Moves i-hat's landing point (A's first column), as when its arrow tip is dragged. */
    public void setIhat(double x, double y) {
        a.set(clamp(x));
        c.set(clamp(y));
    }

    /** Moves j-hat's landing point (A's second column). */
    public void setJhat(double x, double y) {
        b.set(clamp(x));
        d.set(clamp(y));
    }

    public void setMatrixB(Matrix2 m) {
        b11.set(clamp(m.a()));
        b12.set(clamp(m.b()));
        b21.set(clamp(m.c()));
        b22.set(clamp(m.d()));
    }

    // ---- the shape ------------------------------------------------------------------------------------------------

    public Polygon2 shape() {
        return shape.get();
    }

    /** The shape's image under A (not the morph: read-outs and goals see A itself). */
    public Polygon2 image() {
        return shape.get().transformed(matrix());
    }

    /** Replaces the shape with a preset. */
    public void setShapePreset(ShapePreset preset) {
        shape.set(preset.polygon());
        shapePreset.set(preset.ordinal());
    }

    /**
     * Adds a vertex at the end of the learner's shape. Returns false (and changes nothing) when the point repeats the
     * last vertex or the shape already has {@link #MAX_POINTS} vertices.
     */
    public boolean addPoint(double x, double y) {
        Polygon2 current = shape.get();
        Vec2 p = new Vec2(clamp(x), clamp(y));
        if (current.size() >= MAX_POINTS || (current.size() > 0 && current.vertex(current.size() - 1).equals(p))) {
            return false;
        }
        shapePreset.set(-1);
        shape.set(current.with(p));
        return true;
    }

    /** Removes the last vertex (the learner's undo). */
    public void removeLastPoint() {
        if (shape.get().size() > 0) {
            shapePreset.set(-1);
            shape.set(shape.get().withoutLast());
        }
    }

    public void clearShape() {
        setShapePreset(ShapePreset.NONE);
    }

    /** |S| of the shape by the shoelace formula; 0 with fewer than 3 points. */
    public double shapeArea() {
        return shape.get().area();
    }

    /** |S| of the image. */
    public double imageArea() {
        return image().area();
    }

    /** image area / shape area = |det A|; NaN when the shape has no area (fewer than 3 points, or all on a line). */
    public double shapeRatio() {
        Polygon2 s = shape.get();
        return s.hasNoArea() ? Double.NaN : image().area() / s.area();
    }

    // ---- LabModel -------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "a" -> a.set(entry(name, value));
            case "b" -> b.set(entry(name, value));
            case "c" -> c.set(entry(name, value));
            case "d" -> d.set(entry(name, value));
            case "b11" -> b11.set(entry(name, value));
            case "b12" -> b12.set(entry(name, value));
            case "b21" -> b21.set(entry(name, value));
            case "b22" -> b22.set(entry(name, value));
            case "shape" -> {
                double v = Parameters.requireInRange(name, value, 0, ShapePreset.values().length - 1);
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException("shape must be a whole number (0 none, 1 triangle, 2 house), "
                            + "not " + value);
                }
                setShapePreset(ShapePreset.values()[(int) v]);
            }
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    private static double entry(String name, double value) {
        return Parameters.requireInRange(name, value, -LIMIT, LIMIT);
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
            case "det", "det_a" -> m.det();
            case "area" -> Math.abs(m.det());
            case "orientation" -> Orientation2.of(m);
            case "rank" -> m.rank();
            case "b11" -> b11.get();
            case "b12" -> b12.get();
            case "b21" -> b21.get();
            case "b22" -> b22.get();
            case "det_b" -> matrixB().det();
            case "det_ab" -> product().det();
            case "shape_area" -> shapeArea();
            case "image_area" -> imageArea();
            case "shape_ratio" -> shapeRatio();
            case "shape" -> shapePreset.get();
            case "shape_points" -> shape.get().size();
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
        morph.set(1);
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
