package org.dlmathlab.labs.activations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.Softmax;
import org.dlmathlab.math.nn.VanishingRegions;

/**
 * The activation functions side by side, and softmax.
 *
 * <p>Curves: the chosen activation f ({@code activation}: 0 sigmoid, 1 tanh, 2 ReLU, 3 leaky ReLU with slope
 * {@code alpha} for z &lt; 0, 4 swish, 5 GELU; the {@link Activation} ordinals) with its slope f', any others switched
 * on with {@code show_<name>}, a probe at {@code z}, and the regions where |f'(z)| &lt; {@link #THRESHOLD}.
 *
 * <p>Softmax: {@code k} logits ({@code logit1..logit6}, 2 to 6 of them) and a temperature {@code t}; p_i =
 * e^(logit_i / t) / sum_j e^(logit_j / t).
 *
 * <p>Quantities: {@code z fz dfz alpha activation vanishing threshold t k p1..p6 psum pmax argmax logit1..logit6
 * page} and the {@code show_} switches; p_i and logit_i beyond k are NaN. {@code page} is the page the lab shows
 * (0 curves, 1 softmax, 2 comparison table).
 */
public final class ActivationsModel implements LabModel {

    public static final String ID = "activations";
    /** The activations this lab draws, in menu order (the linear one has nothing to compare). */
    public static final List<Activation> CHOICES = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.SWISH, Activation.GELU);
    /** Short names used in parameter names: {@code show_sigmoid} and so on. */
    public static final List<String> NAMES = List.of("sigmoid", "tanh", "relu", "leaky", "swish", "gelu");
    public static final double THRESHOLD = VanishingRegions.DEFAULT_THRESHOLD;
    public static final double Z_LIMIT = 8;
    public static final double ALPHA_MAX = 1;
    public static final int MIN_LOGITS = 2;
    public static final int MAX_LOGITS = 6;
    public static final double LOGIT_LIMIT = 10;
    public static final double T_MIN = 0.1;
    public static final double T_MAX = 10;
    public static final int PAGES = 3;

    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;
    private static final Map<String, Double> LAB_DEFAULTS = new HashMap<>();

    static {
        List<String> params = new ArrayList<>(List.of("activation", "z", "alpha"));
        NAMES.forEach(name -> params.add("show_" + name));
        params.addAll(List.of("k", "t"));
        for (int i = 1; i <= MAX_LOGITS; i++) {
            params.add("logit" + i);
        }
        params.add("page");
        PARAMETERS = Collections.unmodifiableList(params);

        List<String> quantities = new ArrayList<>(List.of("z", "fz", "dfz", "alpha", "activation", "vanishing",
                "threshold", "t", "k"));
        for (int i = 1; i <= MAX_LOGITS; i++) {
            quantities.add("p" + i);
        }
        quantities.addAll(List.of("psum", "pmax", "argmax"));
        for (int i = 1; i <= MAX_LOGITS; i++) {
            quantities.add("logit" + i);
        }
        quantities.add("page");
        NAMES.forEach(name -> quantities.add("show_" + name));
        QUANTITIES = Collections.unmodifiableList(quantities);

        LAB_DEFAULTS.put("activation", 0.0);
        LAB_DEFAULTS.put("z", 1.0);
        LAB_DEFAULTS.put("alpha", 0.1);
        NAMES.forEach(name -> LAB_DEFAULTS.put("show_" + name, 0.0));
        LAB_DEFAULTS.put("k", 4.0);
        LAB_DEFAULTS.put("t", 1.0);
        double[] logits = {2, 1, 0.5, -1, 0, 0};
        for (int i = 1; i <= MAX_LOGITS; i++) {
            LAB_DEFAULTS.put("logit" + i, logits[i - 1]);
        }
        LAB_DEFAULTS.put("page", 0.0);
    }

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private Activation activation = Activation.SIGMOID;
    private double z = 1;
    private double alpha = 0.1;
    private final boolean[] shown = new boolean[NAMES.size()];
    private int k = 4;
    private double t = 1;
    private final double[] logits = new double[MAX_LOGITS];
    private int page;
    private double[] probabilities;

    public ActivationsModel() {
        reset();
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- read access for the view -----------------------------------------------------------------------------

    public Activation activation() {
        return activation;
    }

    /** The menu index of the chosen activation (its place in {@link #CHOICES}). */
    public int choice() {
        return CHOICES.indexOf(activation);
    }

    public double z() {
        return z;
    }

    public double alpha() {
        return alpha;
    }

    /** Whether the activation at menu index i is drawn as an extra curve. */
    public boolean shown(int i) {
        return shown[i];
    }

    public int logitCount() {
        return k;
    }

    public double logit(int i) {
        return logits[i];
    }

    public double temperature() {
        return t;
    }

    public int page() {
        return page;
    }

    /** softmax of the first k logits at temperature t. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The index (0-based) of the largest probability; the first one on a tie. */
    public int argmax() {
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** f(z) for any of the activations, with this lab's alpha for leaky ReLU. */
    public double value(Activation f, double at) {
        return f.value(at, alpha);
    }

    public double slope(Activation f, double at) {
        return f.derivative(at, alpha);
    }

    /** Where the chosen activation's slope is under the threshold, within [lo, hi]. */
    public List<VanishingRegions.Interval> vanishingRegions(double lo, double hi) {
        return VanishingRegions.find(at -> activation.derivative(at, alpha), lo, hi, THRESHOLD);
    }

    /** Whether the slope at the probe is under the threshold. */
    public boolean vanishing() {
        return Math.abs(activation.derivative(z, alpha)) < THRESHOLD;
    }

    // ---- edits from the view (clamped, never throwing) --------------------------------------------------------

    /** Moves the probe, clamped to [-Z_LIMIT, Z_LIMIT] (drags and arrow keys). */
    public void moveZ(double value) {
        z = Math.max(-Z_LIMIT, Math.min(Z_LIMIT, value));
        update();
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

    private void assign(String name, double value) {
        if (name.startsWith("show_") && NAMES.contains(name.substring(5))) {
            shown[NAMES.indexOf(name.substring(5))] = whole(name, value, 0, 1) == 1;
            return;
        }
        if (name.startsWith("logit") && PARAMETERS.contains(name)) {
            logits[name.charAt(5) - '1'] = Parameters.requireInRange(name, value, -LOGIT_LIMIT, LOGIT_LIMIT);
            return;
        }
        switch (name) {
            case "activation" -> activation = CHOICES.get(whole(name, value, 0, CHOICES.size() - 1));
            case "z" -> z = Parameters.requireInRange(name, value, -Z_LIMIT, Z_LIMIT);
            case "alpha" -> alpha = Parameters.requireInRange(name, value, 0, ALPHA_MAX);
            case "k" -> k = whole(name, value, MIN_LOGITS, MAX_LOGITS);
            case "t" -> t = Parameters.requireInRange(name, value, T_MIN, T_MAX);
            case "page" -> page = whole(name, value, 0, PAGES - 1);
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
        probabilities = Softmax.of(java.util.Arrays.copyOf(logits, k), t);
        changes.fire();
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        if (name.startsWith("show_") && NAMES.contains(name.substring(5))) {
            return shown[NAMES.indexOf(name.substring(5))] ? 1 : 0;
        }
        if (name.matches("p[1-6]")) {
            int i = name.charAt(1) - '1';
            return i < k ? probabilities[i] : Double.NaN;
        }
        if (name.matches("logit[1-6]")) {
            int i = name.charAt(5) - '1';
            return i < k ? logits[i] : Double.NaN;
        }
        return switch (name) {
            case "z" -> z;
            case "fz" -> activation.value(z, alpha);
            case "dfz" -> activation.derivative(z, alpha);
            case "alpha" -> alpha;
            case "activation" -> choice();
            case "vanishing" -> vanishing() ? 1 : 0;
            case "threshold" -> THRESHOLD;
            case "t" -> t;
            case "k" -> k;
            case "psum" -> {
                double sum = 0;
                for (double p : probabilities) {
                    sum += p;
                }
                yield sum;
            }
            case "pmax" -> probabilities[argmax()];
            case "argmax" -> argmax() + 1;
            case "page" -> page;
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
            assign(name, defaults.get(name));
        }
        update();
    }
}
