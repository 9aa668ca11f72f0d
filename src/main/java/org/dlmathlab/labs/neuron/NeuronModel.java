package org.dlmathlab.labs.neuron;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.Neuron;

/**
 * One neuron a = f(w0 + w1 x1 + ... + wn xn) with 1 to 3 inputs, the bias w0 and an activation f chosen from
 * {@link Activation} (index = ordinal: 0 sigmoid, 1 tanh, 2 ReLU, 3 leaky ReLU, 4 swish, 5 GELU, 6 linear).
 *
 * <p>Quantities: {@code x1 x2 x3 w0 w1 w2 w3 z a n activation slope alpha term1 term2 term3}, where {@code slope} is
 * f'(z) and {@code term_i} = w_i x_i. Inputs, weights and terms beyond n are NaN: they are not connected, and a
 * goal about them should not pass by accident.
 */
public final class NeuronModel implements LabModel {

    public static final String ID = "neuron";
    public static final int MAX_INPUTS = 3;
    /** Inputs, weights and the bias all live in [-LIMIT, LIMIT]. */
    public static final double LIMIT = 5;
    public static final double ALPHA_MAX = 1;

    private static final List<String> PARAMETERS = List.of("n", "x1", "x2", "x3", "w0", "w1", "w2", "w3",
            "activation", "alpha");
    private static final List<String> QUANTITIES = List.of("x1", "x2", "x3", "w0", "w1", "w2", "w3", "z", "a", "n",
            "activation", "slope", "alpha", "term1", "term2", "term3");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("n", 2.0, "x1", 1.0, "x2", 0.5, "x3", -1.0,
            "w0", -0.5, "w1", 1.5, "w2", -1.0, "w3", 0.8, "activation", 0.0, "alpha", 0.1);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private final double[] inputs = new double[MAX_INPUTS];
    private final double[] weights = new double[MAX_INPUTS];
    private double bias;
    private int n = 2;
    private Activation activation = Activation.SIGMOID;
    private double alpha = 0.1;
    private Neuron.Output output;

    public NeuronModel() {
        reset();
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- read access for the view -----------------------------------------------------------------------------

    public int inputCount() {
        return n;
    }

    /** Input i (0-based), whether or not it is connected. */
    public double input(int i) {
        return inputs[i];
    }

    /** Weight i (0-based, w1 is 0), whether or not it is connected. */
    public double weight(int i) {
        return weights[i];
    }

    public double bias() {
        return bias;
    }

    public Activation activation() {
        return activation;
    }

    public double alpha() {
        return alpha;
    }

    public double z() {
        return output.z();
    }

    public double a() {
        return output.a();
    }

    public double slope() {
        return output.slope();
    }

    /** w_i x_i for a connected input (0-based). */
    public double term(int i) {
        return output.term(i);
    }

    /** f at z (the curve the lab draws). */
    public double value(double z) {
        return activation.value(z, alpha);
    }

    /** The neuron's output with inputs 1 and 2 replaced by (x1, x2), the rest as they are: the plane's tint. */
    public double outputAt(double x1, double x2) {
        double z = bias + weights[0] * x1 + (n >= 2 ? weights[1] * x2 : 0);
        for (int i = 2; i < n; i++) {
            z += weights[i] * inputs[i];
        }
        return activation.value(z, alpha);
    }

    /**
     * The line z = 0 in the (x1, x2) plane with every other input held: {px, py, dx, dy}, or null when w1 = w2 = 0.
     */
    public double[] decisionLine() {
        double rest = bias;
        for (int i = 2; i < n; i++) {
            rest += weights[i] * inputs[i];
        }
        return Neuron.decisionLine(rest, weights[0], weights[1]);
    }

    // ---- edits from the view (clamped, never throwing) --------------------------------------------------------

    /** Moves inputs 1 and 2 together (a drag in the plane), clamped to the lab's range. */
    public void moveInputs(double x1, double x2) {
        inputs[0] = clamp(x1);
        inputs[1] = clamp(x2);
        update();
    }

    /** Sets the bias, clamped to the lab's range (a drag of the point along the curve). */
    public void moveBias(double w0) {
        bias = clamp(w0);
        update();
    }

    /** Switches to the next activation in the list, wrapping around (the A key). */
    public void nextActivation(int direction) {
        int count = Activation.values().length;
        activation = Activation.values()[Math.floorMod(activation.ordinal() + direction, count)];
        update();
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }

    // ---- LabModel -------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        assign(name, value);
        update();
    }

    /** Checks and stores one parameter without recomputing (reset assigns them all, then computes once). */
    private void assign(String name, double value) {
        switch (name) {
            case "n" -> n = whole(name, value, 1, MAX_INPUTS);
            case "x1", "x2", "x3" -> inputs[name.charAt(1) - '1'] = Parameters.requireInRange(name, value, -LIMIT,
                    LIMIT);
            case "w0" -> bias = Parameters.requireInRange(name, value, -LIMIT, LIMIT);
            case "w1", "w2", "w3" -> weights[name.charAt(1) - '1'] = Parameters.requireInRange(name, value, -LIMIT,
                    LIMIT);
            case "activation" -> activation = Activation.values()[whole(name, value, 0,
                    Activation.values().length - 1)];
            case "alpha" -> alpha = Parameters.requireInRange(name, value, 0, ALPHA_MAX);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    private static int whole(String name, double value, int min, int max) {
        Parameters.requireInRange(name, value, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
        }
        return (int) value;
    }

    private void update() {
        output = Neuron.evaluate(activation, alpha, bias, weights, inputs, n);
        changes.fire();
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "x1", "x2", "x3" -> connected(name) ? inputs[name.charAt(1) - '1'] : Double.NaN;
            case "w1", "w2", "w3" -> connected(name) ? weights[name.charAt(1) - '1'] : Double.NaN;
            case "term1", "term2", "term3" -> {
                int i = name.charAt(4) - '1';
                yield i < n ? output.term(i) : Double.NaN;
            }
            case "w0" -> bias;
            case "z" -> output.z();
            case "a" -> output.a();
            case "n" -> n;
            case "activation" -> activation.ordinal();
            case "slope" -> output.slope();
            case "alpha" -> alpha;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    private boolean connected(String name) {
        return name.charAt(1) - '1' < n;
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
            assign(name, defaults.get(name));
        }
        update();
    }
}
