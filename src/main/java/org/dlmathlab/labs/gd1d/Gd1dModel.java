package org.dlmathlab.labs.gd1d;

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
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.math.optim.Descent1D;
import org.dlmathlab.math.optim.Function1;
import org.dlmathlab.math.optim.Functions1;
import org.dlmathlab.math.optim.Regime;

/**
 * Gradient descent on a function of one variable: x <- x - lr f'(x), from a start x0. The function is one of the
 * presets ({@code preset} 0 = x^2, 1 = 3x^2 - 4x, 2 = x^4 - 3x^2 + x, 3 = e^x - 2x) or a formula the learner types
 * (differentiated numerically).
 *
 * <p>Quantities: {@code x fx dfx lr step diverged regime x0 preset}; {@code regime} is 0 too slow, 1 converging,
 * 2 oscillating, 3 diverging, 4 converged.
 */
public final class Gd1dModel implements LabModel {

    public static final String ID = "gd1d";
    public static final double LR_MIN = 1e-4;
    public static final double LR_MAX = 10;

    private static final List<String> PARAMETERS = List.of("preset", "x0", "lr");
    private static final List<String> QUANTITIES = List.of("x", "fx", "dfx", "lr", "step", "diverged", "regime",
            "x0", "preset");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("preset", 0.0, "x0", 3.0, "lr", 0.1);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private Function1 function = Functions1.SQUARE;
    private int preset;
    private String formula;
    private double x0 = 3;
    private double lr = 0.1;
    private Descent1D descent = new Descent1D(function, lr, x0);

    @Override
    public String id() {
        return ID;
    }

    public Function1 function() {
        return function;
    }

    /** The typed formula, or null when a preset is in use. */
    public String formula() {
        return formula;
    }

    public Descent1D descent() {
        return descent;
    }

    public double learningRate() {
        return lr;
    }

    public double start() {
        return x0;
    }

    public int preset() {
        return preset;
    }

    /** Uses a typed formula in x; throws {@link org.dlmathlab.math.expr.ExpressionException} on a typing error. */
    public void setFormula(String text) {
        Expression e = Expression.parse(text, List.of("x"));
        function = Function1.typed(e, x0, -5, 5);
        formula = text.strip();
        restart();
    }

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "preset" -> {
                int index = (int) Parameters.requireInRange(name, value, 0, Functions1.ALL.size() - 1);
                if (index != value) {
                    throw new IllegalArgumentException("preset must be a whole number from 0 to "
                            + (Functions1.ALL.size() - 1));
                }
                preset = index;
                formula = null;
                function = Functions1.ALL.get(index);
                restart();
            }
            case "x0" -> {
                x0 = Parameters.requireInRange(name, value, -10, 10);
                restart();
            }
            case "lr" -> {
                lr = Parameters.requireInRange(name, value, LR_MIN, LR_MAX);
                descent.setLearningRate(lr);
                changes.fire();
            }
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    /** Back to x0 with the current function and learning rate (the Restart button). */
    public void restart() {
        descent = new Descent1D(function, lr, x0);
        changes.fire();
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "x" -> descent.x();
            case "fx" -> descent.value();
            case "dfx" -> function.slope(descent.x());
            case "lr" -> lr;
            case "step" -> descent.stepCount();
            case "diverged" -> descent.diverged() ? 1 : 0;
            case "regime" -> regimeCode(descent.regime());
            case "x0" -> x0;
            case "preset" -> formula == null ? preset : -1;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    /** The regime's number as published in {@code regime}. */
    public static int regimeCode(Regime r) {
        return switch (r) {
            case TOO_SLOW -> 0;
            case CONVERGING -> 1;
            case OSCILLATING -> 2;
            case DIVERGING -> 3;
            case CONVERGED -> 4;
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
        setParameter("preset", defaults.get("preset"));
        setParameter("lr", defaults.get("lr"));
        setParameter("x0", defaults.get("x0"));
    }

    @Override
    public boolean canStep() {
        return true;
    }

    @Override
    public void step() {
        if (!descent.diverged()) {
            descent.step();
            changes.fire();
        }
    }

    /** Whether another step can be taken (Play stops otherwise). */
    public boolean canContinue() {
        return !descent.diverged() && descent.regime() != Regime.CONVERGED;
    }

    @Override
    public Map<String, DataTable> dataSeries() {
        List<double[]> rows = new ArrayList<>();
        List<Double> history = descent.history();
        for (int i = 0; i < history.size(); i++) {
            double x = history.get(i);
            rows.add(new double[]{i, x, function.value(x), function.slope(x)});
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("path", new DataTable(List.of("step", "x", "fx", "dfx"), rows));
        return out;
    }
}
