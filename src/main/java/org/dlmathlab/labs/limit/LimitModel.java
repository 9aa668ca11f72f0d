package org.dlmathlab.labs.limit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.calculus.DifferenceQuotient;
import org.dlmathlab.math.calculus.LimitCurves;
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.math.optim.Function1;

/**
 * The derivative as a limit: a curve f, a point x and a step h; the secant through (x, f(x)) and (x + h, f(x + h))
 * has slope (f(x + h) - f(x)) / h, which tends to the tangent slope f'(x) as h -> 0 until rounding takes over.
 *
 * <p>Quantities: {@code x h fx fxh rise secant tangent error log_h central preset}. {@code secant} is the forward
 * quotient, or the central one (f(x + h) - f(x - h)) / (2h) when {@code central} is 1; {@code tangent} is f'(x)
 * (exact for the presets, a careful central difference for a typed formula; NaN where there is none, as for |x| at 0).
 * The data series {@code limit} is the notes' table: h = 0.1, 0.01, ... (16 rows) and the forward quotient.
 */
public final class LimitModel implements LabModel {

    public static final String ID = "limit";
    public static final double H_MIN = 1e-16;
    public static final double H_MAX = 2;
    public static final double X_LIMIT = 5;
    /** Rows of the table: h from 0.1 down to 1e-16, as the notes' loop goes on. */
    public static final int TABLE_ROWS = 16;

    private static final List<String> PARAMETERS = List.of("preset", "x", "h", "central");
    private static final List<String> QUANTITIES = List.of("x", "h", "fx", "fxh", "rise", "secant", "tangent",
            "error", "log_h", "central", "preset");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("preset", 0.0, "x", 1.0, "h", 1.0,
            "central", 0.0);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private Function1 function = LimitCurves.NOTES;
    private int preset;
    private String formula;
    private double x = 1;
    private double h = 1;
    private boolean central;

    @Override
    public String id() {
        return ID;
    }

    public Function1 function() {
        return function;
    }

    /** The typed formula, or null while a preset is in use. */
    public String formula() {
        return formula;
    }

    public int preset() {
        return preset;
    }

    public double x() {
        return x;
    }

    public double h() {
        return h;
    }

    public boolean central() {
        return central;
    }

    /**
     * Uses a formula in x the learner typed; throws {@link org.dlmathlab.math.expr.ExpressionException} on a typing
     * error, leaving the current curve in place.
     */
    public void setFormula(String text) {
        Expression e = Expression.parse(text, List.of("x"));
        function = Function1.typed(e, x, -4, 4);
        formula = text.strip();
        changes.fire();
    }

    /** Moves the point, clamped to the lab's range (drags use this). */
    public void moveX(double value) {
        x = Math.max(-X_LIMIT, Math.min(X_LIMIT, value));
        changes.fire();
    }

    /** Multiplies h by {@code factor}, clamped to [H_MIN, H_MAX]: the "h / 10" and "h x 10" buttons. */
    public void scaleH(double factor) {
        h = Math.max(H_MIN, Math.min(H_MAX, h * factor));
        changes.fire();
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "preset" -> {
                int index = (int) Parameters.requireInRange(name, value, 0, LimitCurves.ALL.size() - 1);
                if (index != value) {
                    throw new IllegalArgumentException("preset must be a whole number from 0 to "
                            + (LimitCurves.ALL.size() - 1));
                }
                preset = index;
                formula = null;
                function = LimitCurves.ALL.get(index);
            }
            case "x" -> x = Parameters.requireInRange(name, value, -X_LIMIT, X_LIMIT);
            case "h" -> h = Parameters.requireInRange(name, value, H_MIN, H_MAX);
            case "central" -> central = Parameters.requireInRange(name, value, 0, 1) >= 0.5;
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
            case "h" -> h;
            case "fx" -> function.value(x);
            case "fxh" -> function.value(x + h);
            case "rise" -> central ? function.value(x + h) - function.value(x - h)
                    : function.value(x + h) - function.value(x);
            case "secant" -> secant();
            case "tangent" -> function.slope(x);
            case "error" -> Math.abs(secant() - function.slope(x));
            case "log_h" -> Math.log10(h);
            case "central" -> central ? 1 : 0;
            case "preset" -> formula == null ? preset : -1;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    /** The secant slope at the current step: forward, or central when {@code central} is on. */
    public double secant() {
        return central ? DifferenceQuotient.central(function::value, x, h)
                : DifferenceQuotient.forward(function::value, x, h);
    }

    /** The notes' table at the current point: h = 0.1, 0.01, ..., each with the forward quotient. */
    public List<DifferenceQuotient.Row> table() {
        return DifferenceQuotient.table(function::value, x, 0.1, 0.1, TABLE_ROWS);
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

    @Override
    public Map<String, DataTable> dataSeries() {
        List<double[]> rows = new ArrayList<>();
        for (DifferenceQuotient.Row row : table()) {
            rows.add(new double[]{row.h(), row.quotient()});
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("limit", new DataTable(List.of("h", "quotient"), rows));
        return out;
    }
}
