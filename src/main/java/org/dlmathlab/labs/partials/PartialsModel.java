package org.dlmathlab.labs.partials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.calculus.PartialSurface;
import org.dlmathlab.math.expr.Expression;

/**
 * A surface f(x, y) and a point P = (x, y) on it: the two slices through P (y held fixed, x held fixed), their slopes
 * df/dx and df/dy, and the gradient (df/dx, df/dy) with its length and direction.
 *
 * <p>Parameters: {@code preset} (0 bowl x^2 + y^2, 1 long bowl x^2 + 3y^2, 2 saddle x^2 - y^2, 3 xy, 4 sin x cos y,
 * 5 hill exp(-(x^2 + y^2)/2)), {@code x y} (P, each in [-3, 3]) and {@code field} (0/1, the arrow field on the
 * map). Quantities: {@code x y fx dfdx dfdy grad_norm grad_angle preset field}, with fx = f(x, y), grad_angle the
 * gradient's direction in degrees (NaN where the gradient vanishes) and preset -1 while a typed formula is in use.
 * Partials are exact for the presets and central differences for a typed formula (see {@link PartialSurface}).
 */
public final class PartialsModel implements LabModel {

    public static final String ID = "partials";
    /** P stays in [-LIMIT, LIMIT] on both axes: the square the map and the surface show. */
    public static final double LIMIT = 3;

    private static final List<String> PARAMETERS = List.of("preset", "x", "y", "field");
    private static final List<String> QUANTITIES = List.of("x", "y", "fx", "dfdx", "dfdy", "grad_norm",
            "grad_angle", "preset", "field");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("preset", 0.0, "x", 1.0, "y", 1.0,
            "field", 0.0);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private PartialSurface surface = PartialSurface.BOWL;
    private int preset;
    private String formula;
    private double x = 1;
    private double y = 1;
    private boolean field;

    public PartialsModel() {
        reset();
    }

    @Override
    public String id() {
        return ID;
    }

    public PartialSurface surface() {
        return surface;
    }

    /** The preset in use, or -1 while a typed formula is. */
    public int preset() {
        return formula == null ? preset : -1;
    }

    /** The typed formula, or null while a preset is in use. */
    public String formula() {
        return formula;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public boolean field() {
        return field;
    }

    public double value() {
        return surface.value(x, y);
    }

    public double dfdx() {
        return surface.dx(x, y);
    }

    public double dfdy() {
        return surface.dy(x, y);
    }

    /**
     * Uses a formula in x and y; throws {@link org.dlmathlab.math.expr.ExpressionException} on a typing error and
     * {@link IllegalArgumentException} when f is undefined all over the square, leaving the surface as it was.
     */
    public void setFormula(String text) {
        PartialSurface typed = PartialSurface.typed(Expression.parse(text, List.of("x", "y")));
        if (!definedSomewhere(typed)) {
            throw new IllegalArgumentException("undefined everywhere");
        }
        surface = typed;
        formula = typed.formula();
        changes.fire();
    }

    /** Whether f is finite at one or more points of a 13 x 13 grid over the square. */
    private static boolean definedSomewhere(PartialSurface s) {
        for (int j = 0; j <= 12; j++) {
            for (int i = 0; i <= 12; i++) {
                if (Double.isFinite(s.value(-LIMIT + i * LIMIT / 6, -LIMIT + j * LIMIT / 6))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Moves P, clamped to the square (drags and keys use this); one change for both coordinates. */
    public void moveTo(double newX, double newY) {
        double cx = clamp(newX);
        double cy = clamp(newY);
        if (cx != x || cy != y) {
            x = cx;
            y = cy;
            changes.fire();
        }
    }

    private static double clamp(double v) {
        return Double.isFinite(v) ? Math.max(-LIMIT, Math.min(LIMIT, v)) + 0.0 : 0;
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "preset" -> {
                int index = (int) Parameters.requireInRange(name, value, 0, PartialSurface.ALL.size() - 1);
                if (index != value) {
                    throw new IllegalArgumentException("preset must be a whole number from 0 to "
                            + (PartialSurface.ALL.size() - 1));
                }
                preset = index;
                formula = null;
                surface = PartialSurface.ALL.get(index);
            }
            case "x" -> x = Parameters.requireInRange(name, value, -LIMIT, LIMIT) + 0.0;
            case "y" -> y = Parameters.requireInRange(name, value, -LIMIT, LIMIT) + 0.0;
            case "field" -> field = Parameters.requireInRange(name, value, 0, 1) >= 0.5;
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
        changes.fire();
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "x" -> x;
            case "y" -> y;
            case "fx" -> surface.value(x, y);
            case "dfdx" -> surface.dx(x, y);
            case "dfdy" -> surface.dy(x, y);
            case "grad_norm" -> surface.gradientNorm(x, y);
            case "grad_angle" -> surface.gradientAngleDegrees(x, y);
            case "preset" -> preset();
            case "field" -> field ? 1 : 0;
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
        formula = null;
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
    }
}
