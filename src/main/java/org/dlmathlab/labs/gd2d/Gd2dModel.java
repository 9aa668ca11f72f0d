package org.dlmathlab.labs.gd2d;

import java.util.ArrayList;
import java.util.Collections;
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
import org.dlmathlab.math.optim.Adam;
import org.dlmathlab.math.optim.Function2;
import org.dlmathlab.math.optim.Functions2;
import org.dlmathlab.math.optim.GradientDescent;
import org.dlmathlab.math.optim.Momentum;
import org.dlmathlab.math.optim.Optimizer;
import org.dlmathlab.math.optim.Race2D;
import org.dlmathlab.math.optim.RmsProp;

/**
 * Four optimisers racing down a surface f(x, y) from one start: plain gradient descent, momentum, RMSProp and Adam
 * (math/optim holds their update rules). The surface is a preset ({@code preset} 0 bowl, 1 valley, 2 Rosenbrock,
 * 3 saddle, 4 Himmelblau) or a formula in x and y the learner types (its gradient is taken numerically).
 *
 * <p>Each optimiser has its own learning rate {@code lr_<name>} and switch {@code on_<name>}; {@link #step()} gives
 * every switched-on optimiser one update. Each runs in its own {@link Race2D} (of one runner), so changing one rate
 * or switching one on replays just that optimiser from the start to the current step count: the picture always shows
 * the race as if it had run with today's settings from step 0. Moving the start or changing the surface restarts
 * everyone at step 0.
 *
 * <p>Setting {@code preset} alone swaps the surface and keeps the start and the rates, so a lesson's parameters mean
 * the same whatever order they are applied in. {@link #choosePreset(int)} (the lab's preset menu) and the lesson
 * defaults ({@link #setDefaults}) also bring in the preset's recommended start and rates, {@link #recommended(int)}.
 *
 * <p>Quantities: for each optimiser {@code x_<name> y_<name> f_<name> diverged_<name>} (x, y, f are NaN while it is
 * switched off; a diverged optimiser keeps its last finite point), then {@code step preset x0 y0}, the rates and the
 * switches. {@code preset} is -1 while a typed formula is in use.
 */
public final class Gd2dModel implements LabModel {

    public static final String ID = "gd2d";
    /** The optimisers, in the order they are listed and drawn. */
    public static final List<String> OPTIMIZERS = List.of("gd", "momentum", "rmsprop", "adam");
    public static final double LR_MIN = 1e-5;
    public static final double LR_MAX = 10;
    /** The start must lie in [-LIMIT, LIMIT] on both axes. */
    public static final double LIMIT = 10;
    /** Play stops here: enough for the slowest preset race, and it bounds the work of a replay. */
    public static final int MAX_STEPS = 10_000;

    /**
     * Rates per preset (rows in preset order; columns gd, momentum, rmsprop, adam), chosen so that each race tells
     * its story within a few hundred steps (Rosenbrock: a few thousand).
     */
    private static final double[][] RECOMMENDED_RATES = {
        {0.1, 0.05, 0.05, 0.2},        // bowl: plain descent is hard to beat on a round bowl; momentum spirals in
        {0.45, 0.04, 0.05, 0.3},       // valley: descent zig-zags across the valley and then crawls along it
        {0.001, 0.0002, 0.005, 0.05},  // rosenbrock: descent finds the banana floor fast and follows it slowly
        {0.05, 0.01, 0.05, 0.1},       // saddle: descent stalls near the flat point; RMSProp and Adam escape first
        {0.01, 0.003, 0.05, 0.2},      // himmelblau: momentum overshoots into a different minimum than the others
    };

    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;

    static {
        List<String> params = new ArrayList<>(List.of("preset", "x0", "y0"));
        OPTIMIZERS.forEach(n -> params.add("lr_" + n));
        OPTIMIZERS.forEach(n -> params.add("on_" + n));
        PARAMETERS = List.copyOf(params);
        List<String> quantities = new ArrayList<>();
        for (String n : OPTIMIZERS) {
            quantities.addAll(List.of("x_" + n, "y_" + n, "f_" + n, "diverged_" + n));
        }
        quantities.addAll(List.of("step", "preset", "x0", "y0"));
        OPTIMIZERS.forEach(n -> quantities.add("lr_" + n));
        OPTIMIZERS.forEach(n -> quantities.add("on_" + n));
        QUANTITIES = List.copyOf(quantities);
    }

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = recommended(0);
    private Function2 function = Functions2.BOWL;
    private int preset;
    private String formula;
    private double x0;
    private double y0;
    private final double[] rates = new double[OPTIMIZERS.size()];
    private final boolean[] on = new boolean[OPTIMIZERS.size()];
    private final Race2D[] races = new Race2D[OPTIMIZERS.size()];
    private int steps;
    private long revision;

    public Gd2dModel() {
        reset();
    }

    @Override
    public String id() {
        return ID;
    }

    /** The preset's recommended parameters: its own start, rates that make a good race, every optimiser on. */
    public static Map<String, Double> recommended(int preset) {
        if (preset < 0 || preset >= Functions2.ALL.size()) {
            throw new IllegalArgumentException("preset must be a whole number from 0 to " + (Functions2.ALL.size() - 1));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        double[] start = Functions2.ALL.get(preset).start();
        out.put("preset", (double) preset);
        out.put("x0", start[0]);
        out.put("y0", start[1]);
        for (int i = 0; i < OPTIMIZERS.size(); i++) {
            out.put("lr_" + OPTIMIZERS.get(i), RECOMMENDED_RATES[preset][i]);
        }
        OPTIMIZERS.forEach(n -> out.put("on_" + n, 1.0));
        return out;
    }

    // ---- read access for the view ----------------------------------------------------------------------------------

    public Function2 function() {
        return function;
    }

    /** The typed formula, or null while a preset is in use. */
    public String formula() {
        return formula;
    }

    /** The preset in use, or -1 for a typed formula. */
    public int preset() {
        return formula == null ? preset : -1;
    }

    public double startX() {
        return x0;
    }

    public double startY() {
        return y0;
    }

    public double learningRate(String name) {
        return rates[index(name)];
    }

    public boolean isOn(String name) {
        return on[index(name)];
    }

    /** Steps taken since the start. */
    public int stepCount() {
        return steps;
    }

    /** The optimiser's current (x, y) (its last finite point once it has diverged). */
    public double[] position(String name) {
        return races[index(name)].position(name);
    }

    /** f at the optimiser's current position. */
    public double value(String name) {
        return races[index(name)].value(name);
    }

    public boolean diverged(String name) {
        return races[index(name)].diverged(name);
    }

    /**
     * The points the optimiser has visited, start first: point k is where it stood after k steps (while it has not
     * diverged). A read-only view that grows as the race goes on.
     */
    public List<double[]> path(String name) {
        return races[index(name)].path(name);
    }

    /** f after k steps of the optimiser; NaN past its end (it diverged, or k is in the future). */
    public double valueAt(String name, int k) {
        List<double[]> path = path(name);
        return k >= 0 && k < path.size() ? function.value(path.get(k)) : Double.NaN;
    }

    /** Whether f is undefined (or beyond the divergence limit) at the start, so no optimiser can set off. */
    public boolean undefinedAtStart() {
        double v = function.f().applyAsDouble(x0, y0);
        return !Double.isFinite(v) || Math.abs(v) > Race2D.LIMIT;
    }

    /**
     * Goes up by one whenever a path was rebuilt rather than extended (restart, new surface, new start, a rate or
     * switch replayed), so a view that shows the history incrementally knows when to start over.
     */
    public long revision() {
        return revision;
    }

    // ---- commands ---------------------------------------------------------------------------------------------------

    /** Uses a typed formula in x and y; throws {@link org.dlmathlab.math.expr.ExpressionException} on a typing error. */
    public void setFormula(String text) {
        Expression e = Expression.parse(text, List.of("x", "y"));
        function = typedSurface(e, x0, y0);
        formula = text.strip();
        restart();
    }

    /** The preset menu: the surface with its recommended start and rates (the switches stay as they are). */
    public void choosePreset(int index) {
        Map<String, Double> r = recommended(index);
        preset = index;
        formula = null;
        function = Functions2.ALL.get(index);
        x0 = r.get("x0");
        y0 = r.get("y0");
        for (int i = 0; i < OPTIMIZERS.size(); i++) {
            rates[i] = r.get("lr_" + OPTIMIZERS.get(i));
        }
        restart();
    }

    /** Moves the start (a click on the map); every optimiser restarts there. */
    public void setStart(double x, double y) {
        double nx = Parameters.requireInRange("x0", x, -LIMIT, LIMIT);
        double ny = Parameters.requireInRange("y0", y, -LIMIT, LIMIT);
        x0 = nx;
        y0 = ny;
        restart();
    }

    /** Every optimiser back at the start with the current settings (the Restart button). */
    public void restart() {
        steps = 0;
        for (int i = 0; i < races.length; i++) {
            races[i] = newRace(i);
        }
        revision++;
        changes.fire();
    }

    @Override
    public boolean canStep() {
        return true;
    }

    /** One update of every switched-on optimiser that has not diverged; a no-op once none can go on. */
    @Override
    public void step() {
        if (!canContinue()) {
            return;
        }
        for (int i = 0; i < races.length; i++) {
            if (on[i]) {
                races[i].step();
            }
        }
        steps++;
        changes.fire();
    }

    /** Whether another step would move anyone (Play stops otherwise): some optimiser is on and has not diverged. */
    public boolean canContinue() {
        if (steps >= MAX_STEPS) {
            return false;
        }
        for (int i = 0; i < races.length; i++) {
            if (on[i] && !races[i].diverged(OPTIMIZERS.get(i))) {
                return true;
            }
        }
        return false;
    }

    // ---- parameters -------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        double v = check(name, value);
        switch (name) {
            case "preset" -> {
                preset = (int) v;
                formula = null;
                function = Functions2.ALL.get(preset);
                restart();
            }
            case "x0" -> {
                x0 = v;
                restart();
            }
            case "y0" -> {
                y0 = v;
                restart();
            }
            default -> {
                int i = index(name.substring(3));
                if (name.startsWith("lr_")) {
                    rates[i] = v;
                } else {
                    on[i] = v == 1;
                }
                replay(i);
            }
        }
    }

    /** Validates a parameter value and returns it; throws with a learner-readable message otherwise. */
    private static double check(String name, double value) {
        if (!PARAMETERS.contains(name)) {
            throw Parameters.unknown(ID, name, PARAMETERS);
        }
        if (name.equals("preset")) {
            double v = Parameters.requireInRange(name, value, 0, Functions2.ALL.size() - 1);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("preset must be a whole number from 0 to "
                        + (Functions2.ALL.size() - 1) + " (0 bowl, 1 valley, 2 Rosenbrock, 3 saddle, 4 Himmelblau)");
            }
            return v;
        }
        if (name.equals("x0") || name.equals("y0")) {
            return Parameters.requireInRange(name, value, -LIMIT, LIMIT);
        }
        if (name.startsWith("lr_")) {
            return Parameters.requireInRange(name, value, LR_MIN, LR_MAX);
        }
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException(name + " must be 0 (off) or 1 (on), not " + value);
        }
        return value;
    }

    /** Rebuilds optimiser i's race and, if it is on, runs it to the current step count. */
    private void replay(int i) {
        races[i] = newRace(i);
        if (on[i]) {
            for (int k = 0; k < steps; k++) {
                races[i].step();
            }
        }
        revision++;
        changes.fire();
    }

    private Race2D newRace(int i) {
        String name = OPTIMIZERS.get(i);
        double lr = rates[i];
        Optimizer optimizer = switch (name) {
            case "gd" -> new GradientDescent(lr);
            case "momentum" -> new Momentum(lr);
            case "rmsprop" -> new RmsProp(lr);
            default -> new Adam(lr);
        };
        return new Race2D(function, new double[]{x0, y0}, Map.of(name, optimizer));
    }

    /** A typed surface shown on [-3, 3]^2, grown to keep the start in view. */
    private static Function2 typedSurface(Expression e, double x, double y) {
        double half = Math.max(3, 1.25 * Math.max(Math.abs(x), Math.abs(y)));
        return Function2.typed(e, new double[]{x, y}, -half, half, -half, half);
    }

    private static int index(String name) {
        int i = OPTIMIZERS.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the " + ID + " lab has no optimiser '" + name + "' (it has: "
                    + String.join(", ", OPTIMIZERS) + ")");
        }
        return i;
    }

    // ---- quantities -------------------------------------------------------------------------------------------------

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        switch (name) {
            case "step":
                return steps;
            case "preset":
                return preset();
            case "x0":
                return x0;
            case "y0":
                return y0;
            default:
                break;
        }
        int underscore = name.indexOf('_');
        if (underscore > 0 && QUANTITIES.contains(name)) {
            String kind = name.substring(0, underscore);
            int i = index(name.substring(underscore + 1));
            String optimizer = OPTIMIZERS.get(i);
            switch (kind) {
                case "lr":
                    return rates[i];
                case "on":
                    return on[i] ? 1 : 0;
                case "diverged":
                    return on[i] && races[i].diverged(optimizer) ? 1 : 0;
                default:
                    if (!on[i]) {
                        return Double.NaN;
                    }
                    return switch (kind) {
                        case "x" -> races[i].position(optimizer)[0];
                        case "y" -> races[i].position(optimizer)[1];
                        default -> races[i].value(optimizer);
                    };
            }
        }
        throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
    }

    @Override
    public Observable changes() {
        return changes;
    }

    // ---- defaults ---------------------------------------------------------------------------------------------------

    /**
     * The lesson's starting parameters: the recommended ones of the lesson's preset (the bowl if it names none),
     * overridden by whatever the lesson sets.
     */
    @Override
    public void setDefaults(Map<String, Double> parameters) {
        for (Map.Entry<String, Double> entry : parameters.entrySet()) {
            check(entry.getKey(), entry.getValue());
        }
        Map<String, Double> merged = recommended(parameters.getOrDefault("preset", 0.0).intValue());
        merged.putAll(parameters);
        defaults = merged;
        reset();
    }

    /** The lesson's starting parameters, every one of them, in parameter order. */
    public Map<String, Double> defaults() {
        Map<String, Double> out = new LinkedHashMap<>();
        PARAMETERS.forEach(n -> out.put(n, defaults.get(n)));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public void reset() {
        Map<String, Double> d = new HashMap<>(defaults);
        preset = d.get("preset").intValue();
        formula = null;
        function = Functions2.ALL.get(preset);
        x0 = d.get("x0");
        y0 = d.get("y0");
        for (int i = 0; i < OPTIMIZERS.size(); i++) {
            rates[i] = d.get("lr_" + OPTIMIZERS.get(i));
            on[i] = d.get("on_" + OPTIMIZERS.get(i)) == 1;
        }
        restart();
    }

    // ---- data series ------------------------------------------------------------------------------------------------

    /**
     * {@code loss}: step and f of each optimiser after that many steps; {@code path}: step and each optimiser's x and
     * y. NaN where an optimiser is off or has already diverged.
     */
    @Override
    public Map<String, DataTable> dataSeries() {
        List<String> lossColumns = new ArrayList<>(List.of("step"));
        List<String> pathColumns = new ArrayList<>(List.of("step"));
        for (String n : OPTIMIZERS) {
            lossColumns.add("f_" + n);
            pathColumns.add("x_" + n);
            pathColumns.add("y_" + n);
        }
        List<double[]> loss = new ArrayList<>();
        List<double[]> path = new ArrayList<>();
        for (int k = 0; k <= steps; k++) {
            double[] lossRow = new double[lossColumns.size()];
            double[] pathRow = new double[pathColumns.size()];
            lossRow[0] = k;
            pathRow[0] = k;
            for (int i = 0; i < OPTIMIZERS.size(); i++) {
                String n = OPTIMIZERS.get(i);
                List<double[]> points = races[i].path(n);
                boolean shown = on[i] && k < points.size();
                double[] p = shown ? points.get(k) : null;
                lossRow[1 + i] = shown ? function.value(p) : Double.NaN;
                pathRow[1 + 2 * i] = shown ? p[0] : Double.NaN;
                pathRow[2 + 2 * i] = shown ? p[1] : Double.NaN;
            }
            loss.add(lossRow);
            path.add(pathRow);
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("loss", new DataTable(lossColumns, loss));
        out.put("path", new DataTable(pathColumns, path));
        return out;
    }
}
