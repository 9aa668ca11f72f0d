package org.dlmathlab.labs.backprop;

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
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.NotesNetwork;
import org.dlmathlab.math.nn.NotesRecipe;
import org.dlmathlab.math.nn.PassCursor;

/**
 * The study notes' 2-3-1 network, trained live: input (x1, x2), three hidden units, a linear output o, loss
 * L = (o - y)^2, with the notes' starting weights. A forward/backward {@link PassCursor} reveals the values and
 * derivatives one at a time; every parameter has its back-propagated gradient, the notes' forward-difference gradient
 * (h = 1e-4) and their relative difference. One {@link #step()} is one epoch:
 * <ul>
 *   <li>mode 0: back-propagation, theta <- theta - lr dL/dtheta (doubles);</li>
 *   <li>mode 1 (default): the notes' own {@link NotesRecipe}, float32 parameters and forward differences, so the
 *       loss curve is the one their script prints.</li>
 * </ul>
 * The recorded loss of epoch e is the loss before that epoch's update, as in the notes.
 *
 * <p>Changing the input, target, activation or any weight starts a new run from the network as it now is (epoch 0,
 * empty loss history); changing lr or the mode carries on. In mode 1 the parameters are held as float32 values, as the
 * notes' arrays hold them. A run stops once the loss passes 10^12 or a parameter 10^6 ({@code diverged} = 1), keeping
 * the last finite network.
 */
public final class BackpropModel implements LabModel {

    public static final String ID = "backprop";
    public static final double INPUT_LIMIT = 10;
    public static final double WEIGHT_LIMIT = 10;
    public static final double LR_MIN = 1e-4;
    public static final double LR_MAX = 5;
    public static final int TRAIN_MAX = 100_000;
    /** Beyond these a run counts as diverged: the next values would overflow into Infinity or NaN. */
    static final double LOSS_LIMIT = 1e12;
    static final double PARAMETER_LIMIT = 1e6;

    /** Parameter names in the notes' order: W1 row by row (input i to unit j), b1, W2, b2. */
    public static final List<String> WEIGHTS = List.of("w_x1_h1", "w_x1_h2", "w_x1_h3", "w_x2_h1", "w_x2_h2",
            "w_x2_h3", "b_h1", "b_h2", "b_h3", "w_h1_o", "w_h2_o", "w_h3_o", "b_o");

    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;
    private static final Map<String, Double> LAB_DEFAULTS = new HashMap<>();

    static {
        List<String> p = new ArrayList<>(List.of("x1", "x2", "target", "lr", "activation", "mode"));
        p.addAll(WEIGHTS);
        PARAMETERS = Collections.unmodifiableList(p);
        List<String> q = new ArrayList<>(p);
        q.addAll(List.of("loss", "out", "z_h1", "z_h2", "z_h3", "h1", "h2", "h3", "grad_out", "grad_h1", "grad_h2",
                "grad_h3", "grad_z_h1", "grad_z_h2", "grad_z_h3"));
        for (String w : WEIGHTS) {
            q.add("grad_" + w);
        }
        for (String w : WEIGHTS) {
            q.add("numgrad_" + w);
        }
        for (String w : WEIGHTS) {
            q.add("reldiff_" + w);
        }
        q.addAll(List.of("max_reldiff", "epoch", "diverged", "forward_step", "backward_step"));
        QUANTITIES = Collections.unmodifiableList(q);
        LAB_DEFAULTS.put("x1", NotesRecipe.NOTES_INPUT[0]);
        LAB_DEFAULTS.put("x2", NotesRecipe.NOTES_INPUT[1]);
        LAB_DEFAULTS.put("target", NotesRecipe.NOTES_TARGET);
        LAB_DEFAULTS.put("lr", NotesRecipe.NOTES_LEARNING_RATE);
        LAB_DEFAULTS.put("activation", 0.0);
        LAB_DEFAULTS.put("mode", 1.0);
        double[] notes = NotesRecipe.notesWeights();
        for (int k = 0; k < notes.length; k++) {
            LAB_DEFAULTS.put(WEIGHTS.get(k), notes[k]);
        }
    }

    private final ChangeSignal changes = new ChangeSignal();
    private final PassCursor cursor = new PassCursor();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private double x1 = 1;
    private double x2 = 1;
    private double target;
    private double lr = NotesRecipe.NOTES_LEARNING_RATE;
    private Activation activation = Activation.SIGMOID;
    private int mode = 1;
    private double[] theta = NotesRecipe.toFloat32(NotesRecipe.notesWeights());
    private final List<double[]> history = new ArrayList<>();
    private int epoch;
    private boolean diverged;
    /** Derived values, recomputed lazily after a change. */
    private NotesNetwork network;
    private double[] numeric;

    public BackpropModel() {
        reset();
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- state for the view -----------------------------------------------------------------------------------------

    /** The forward and backward pass through the network as it is now. */
    public NotesNetwork network() {
        if (network == null) {
            network = new NotesNetwork(x1, x2, target, activation, theta);
        }
        return network;
    }

    /** The notes' forward-difference gradient (h = 1e-4) at the current parameters, float32 steps in mode 1. */
    public double[] numericalGradient() {
        if (numeric == null) {
            numeric = new NotesRecipe(x1, x2, target, activation).gradient(theta, mode == 1);
        }
        return numeric.clone();
    }

    public double numericalGradient(int k) {
        numericalGradient();
        return numeric[k];
    }

    /** |analytic - numerical| / max(|analytic|, |numerical|) for parameter k. */
    public double relativeDifference(int k) {
        return NotesNetwork.relativeDifference(network().gradient(k), numericalGradient(k));
    }

    public PassCursor cursor() {
        return cursor;
    }

    public Activation activation() {
        return activation;
    }

    /** 0 = back-propagation update, 1 = the notes' numerical recipe. */
    public int mode() {
        return mode;
    }

    public double learningRate() {
        return lr;
    }

    public int epoch() {
        return epoch;
    }

    public boolean diverged() {
        return diverged;
    }

    /** Parameter k in the notes' order. */
    public double parameter(int k) {
        return theta[k];
    }

    /** The loss of each epoch so far: rows (epoch, loss before that epoch's update). */
    public List<double[]> history() {
        return Collections.unmodifiableList(history);
    }

    // ---- the pass walk ----------------------------------------------------------------------------------------------

    /** Reveals the next forward value (starting over once the pass is complete). */
    public PassCursor.Reveal stepForward() {
        PassCursor.Reveal r = cursor.stepForward();
        changes.fire();
        return r;
    }

    /** Reveals the next derivative (finishing the forward pass first); null when all are shown. */
    public PassCursor.Reveal stepBackward() {
        PassCursor.Reveal r = cursor.stepBackward();
        changes.fire();
        return r;
    }

    public void runForward() {
        cursor.runForward();
        changes.fire();
    }

    public void runBackward() {
        cursor.runBackward();
        changes.fire();
    }

    /** Hides every value again, for a fresh walk. */
    public void hideValues() {
        cursor.clear();
        changes.fire();
    }

    // ---- training ---------------------------------------------------------------------------------------------------

    @Override
    public boolean canStep() {
        return !diverged;
    }

    /** One epoch in the chosen mode; both passes are then fully revealed (the epoch computed them). */
    @Override
    public void step() {
        epochOnce();
        cursor.runBackward();
        changes.fire();
    }

    /** Up to n epochs (fewer if the run diverges), with one change notification at the end. */
    public void train(int n) {
        for (int i = 0; i < n && !diverged; i++) {
            epochOnce();
        }
        cursor.runBackward();
        changes.fire();
    }

    private void epochOnce() {
        if (diverged) {
            return;
        }
        double loss;
        double[] next;
        if (mode == 1) {
            NotesRecipe.Epoch e = new NotesRecipe(x1, x2, target, activation).epoch(theta, lr);
            loss = e.loss();
            next = e.updated();
        } else {
            NotesNetwork net = network();
            loss = net.loss();
            next = theta.clone();
            for (int k = 0; k < next.length; k++) {
                next[k] -= lr * net.gradient(k);
            }
        }
        if (!(loss < LOSS_LIMIT) || !finite(next)) {
            diverged = true;
            return;
        }
        history.add(new double[]{epoch, loss});
        epoch++;
        theta = next;
        invalidate();
        if (!(network().loss() < LOSS_LIMIT)) {
            diverged = true;
        }
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!(Math.abs(v) < PARAMETER_LIMIT)) {
                return false;
            }
        }
        return true;
    }

    private void invalidate() {
        network = null;
        numeric = null;
    }

    /** Starts a new run from the network as it is: epoch 0, no history. */
    private void newRun() {
        history.clear();
        epoch = 0;
        diverged = false;
        invalidate();
    }

    // ---- LabModel ---------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        int k = WEIGHTS.indexOf(name);
        if (k >= 0) {
            double v = Parameters.requireInRange(name, value, -WEIGHT_LIMIT, WEIGHT_LIMIT);
            v = mode == 1 ? (float) v : v;
            if (v != theta[k]) {
                theta[k] = v;
                newRun();
            }
            changes.fire();
            return;
        }
        switch (name) {
            case "x1" -> {
                double v = Parameters.requireInRange(name, value, -INPUT_LIMIT, INPUT_LIMIT);
                if (v != x1) {
                    x1 = v;
                    newRun();
                }
            }
            case "x2" -> {
                double v = Parameters.requireInRange(name, value, -INPUT_LIMIT, INPUT_LIMIT);
                if (v != x2) {
                    x2 = v;
                    newRun();
                }
            }
            case "target" -> {
                double v = Parameters.requireInRange(name, value, -INPUT_LIMIT, INPUT_LIMIT);
                if (v != target) {
                    target = v;
                    newRun();
                }
            }
            case "lr" -> lr = Parameters.requireInRange(name, value, LR_MIN, LR_MAX);
            case "activation" -> {
                int index = whole(name, value, Activation.values().length - 1);
                if (Activation.values()[index] != activation) {
                    activation = Activation.values()[index];
                    newRun();
                }
            }
            case "mode" -> {
                mode = whole(name, value, 1);
                if (mode == 1) {
                    // The notes' arrays are float32: from here on the parameters are too.
                    theta = NotesRecipe.toFloat32(theta);
                }
                invalidate();
                // A run that diverged in one mode may go on in the other.
                diverged = false;
            }
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
        changes.fire();
    }

    private static int whole(String name, double value, int max) {
        int index = (int) Parameters.requireInRange(name, value, 0, max);
        if (index != value) {
            throw new IllegalArgumentException(name + " must be a whole number from 0 to " + max + ", not " + value);
        }
        return index;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        int k = WEIGHTS.indexOf(name);
        if (k >= 0) {
            return theta[k];
        }
        if (name.startsWith("grad_") || name.startsWith("numgrad_") || name.startsWith("reldiff_")) {
            int cut = name.indexOf('_');
            int p = WEIGHTS.indexOf(name.substring(cut + 1));
            if (p >= 0) {
                return switch (name.substring(0, cut)) {
                    case "grad" -> network().gradient(p);
                    case "numgrad" -> numericalGradient(p);
                    default -> relativeDifference(p);
                };
            }
        }
        NotesNetwork net = network();
        return switch (name) {
            case "x1" -> x1;
            case "x2" -> x2;
            case "target" -> target;
            case "lr" -> lr;
            case "activation" -> activation.ordinal();
            case "mode" -> mode;
            case "loss" -> net.loss();
            case "out" -> net.out();
            case "z_h1", "z_h2", "z_h3" -> net.z(name.charAt(3) - '1');
            case "h1", "h2", "h3" -> net.a(name.charAt(1) - '1');
            case "grad_out" -> net.dLdOut();
            case "grad_h1", "grad_h2", "grad_h3" -> net.dLda(name.charAt(6) - '1');
            case "grad_z_h1", "grad_z_h2", "grad_z_h3" -> net.dLdz(name.charAt(8) - '1');
            case "max_reldiff" -> {
                double worst = 0;
                for (int p = 0; p < WEIGHTS.size(); p++) {
                    worst = Math.max(worst, relativeDifference(p));
                }
                yield worst;
            }
            case "epoch" -> epoch;
            case "diverged" -> diverged ? 1 : 0;
            case "forward_step" -> cursor.forwardCount();
            case "backward_step" -> cursor.backwardCount();
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

    /** The lesson's start: its parameters, epoch 0, nothing revealed. */
    @Override
    public void reset() {
        // The mode first, so the weights are rounded (or not) as they are set.
        mode = whole("mode", defaults.get("mode"), 1);
        for (String name : PARAMETERS) {
            setParameter(name, defaults.get(name));
        }
        newRun();
        cursor.clear();
        changes.fire();
    }

    /** The lab's own default of a parameter (the notes' value). */
    public static double labDefault(String name) {
        return LAB_DEFAULTS.get(name);
    }

    @Override
    public Map<String, DataTable> dataSeries() {
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("loss", new DataTable(List.of("epoch", "loss"), new ArrayList<>(history)));
        return out;
    }
}
