package org.dlmathlab.labs.losses;

import java.util.ArrayList;
import java.util.Collections;
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
import javafx.beans.value.ObservableValue;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.nn.ConstantFit;
import org.dlmathlab.math.nn.LogitCrossEntropy;
import org.dlmathlab.math.nn.Loss;

/**
 * State of the loss-functions lab: one prediction against one target under a chosen loss, and a handful of data
 * points fitted by one constant c under MSE and under MAE (the outlier demo).
 *
 * <p>One prediction. {@code kind} 0 = MSE (p - y)^2, 1 = MAE |p - y| (p, y real), 2 = binary cross-entropy
 * -(y ln p + (1 - y) ln(1 - p)) with p = {@code pb} in [0, 1] and y = {@code yb} in {0, 1}, 3 = categorical
 * cross-entropy -ln p_true with p = softmax(z1, z2, z3) and the true class {@code true_class}. Every loss is
 * {@link Loss}'s, so probabilities are clipped to [1e-15, 1 - 1e-15] inside the logarithms ({@code clipped} = 1 while
 * that changes the answer; {@code exact_loss} is the unclipped value). Each kind keeps its own parameters, so they can
 * be set in any order.
 *
 * <p>Outliers. Points y1..yn ({@code n} of them, 2 to 8) plus, with {@code outlier} = 1, one more at
 * {@code outlier_y}; {@code mse_best} is their mean and {@code mae_best} their median ({@link ConstantFit}); {@code mse
 * mae mse_grad mae_grad} are the losses and slopes at the learner's constant {@code c}.
 */
public final class LossesModel implements LabModel {

    public static final String ID = "losses";
    public static final int MSE = 0;
    public static final int MAE = 1;
    public static final int BCE = 2;
    public static final int CCE = 3;
    public static final int CLASSES = 3;
    public static final int MAX_POINTS = 8;
    public static final int MIN_POINTS = 2;
    /** p and y of the regression losses. */
    public static final double VALUE_LIMIT = 10;
    /** Logits may go far enough apart (a gap of 50) for p_true to fall below the 1e-15 clip. */
    public static final double LOGIT_LIMIT = 25;
    /** The data points, the outlier and c. */
    public static final double DATA_LIMIT = 50;
    /** The views: 0 one prediction, 1 outliers, 2 both. */
    public static final int PANELS = 3;

    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;
    private static final Map<String, Double> LAB_DEFAULTS = new HashMap<>();

    static {
        List<String> params = new ArrayList<>(List.of("kind", "p", "y", "pb", "yb", "z1", "z2", "z3", "true_class",
                "n"));
        for (int i = 1; i <= MAX_POINTS; i++) {
            params.add("y" + i);
        }
        params.addAll(List.of("outlier", "outlier_y", "c", "panel"));
        PARAMETERS = Collections.unmodifiableList(params);

        List<String> quantities = new ArrayList<>(List.of("kind", "p", "y", "loss", "grad", "exact_loss", "clipped",
                "p_true", "p1", "p2", "p3", "dz1", "dz2", "dz3", "true_class", "pb", "yb", "z1", "z2", "z3",
                "mse_best", "mae_best", "mse", "mae", "mse_grad", "mae_grad", "c", "n_points", "n", "outlier",
                "outlier_y"));
        for (int i = 1; i <= MAX_POINTS; i++) {
            quantities.add("y" + i);
        }
        quantities.add("panel");
        QUANTITIES = Collections.unmodifiableList(quantities);

        // A regression guess 1.5 below its target; a hesitant BCE guess of a positive; a classifier that favours
        // the wrong class; five points with mean 3.6 and median 3.5, an outlier waiting at 20, and c well below.
        LAB_DEFAULTS.put("kind", 0.0);
        LAB_DEFAULTS.put("p", 0.5);
        LAB_DEFAULTS.put("y", 2.0);
        LAB_DEFAULTS.put("pb", 0.3);
        LAB_DEFAULTS.put("yb", 1.0);
        LAB_DEFAULTS.put("z1", 1.0);
        LAB_DEFAULTS.put("z2", 2.0);
        LAB_DEFAULTS.put("z3", 0.5);
        LAB_DEFAULTS.put("true_class", 1.0);
        LAB_DEFAULTS.put("n", 5.0);
        double[] ys = {3, 4, 2.5, 5, 3.5, 4.5, 2, 3};
        for (int i = 1; i <= MAX_POINTS; i++) {
            LAB_DEFAULTS.put("y" + i, ys[i - 1]);
        }
        LAB_DEFAULTS.put("outlier", 0.0);
        LAB_DEFAULTS.put("outlier_y", 20.0);
        LAB_DEFAULTS.put("c", 1.0);
        LAB_DEFAULTS.put("panel", 2.0);
    }

    private final IntegerProperty kind = new SimpleIntegerProperty(this, "kind", MSE);
    private final DoubleProperty p = new SimpleDoubleProperty(this, "p", 0.5);
    private final DoubleProperty y = new SimpleDoubleProperty(this, "y", 2);
    private final DoubleProperty pb = new SimpleDoubleProperty(this, "pb", 0.3);
    private final IntegerProperty yb = new SimpleIntegerProperty(this, "yb", 1);
    private final DoubleProperty[] logits = new DoubleProperty[CLASSES];
    private final IntegerProperty trueClass = new SimpleIntegerProperty(this, "trueClass", 1);
    private final IntegerProperty n = new SimpleIntegerProperty(this, "n", 5);
    private final DoubleProperty[] points = new DoubleProperty[MAX_POINTS];
    private final BooleanProperty outlier = new SimpleBooleanProperty(this, "outlier", false);
    private final DoubleProperty outlierY = new SimpleDoubleProperty(this, "outlierY", 20);
    private final DoubleProperty c = new SimpleDoubleProperty(this, "c", 1);
    private final IntegerProperty panel = new SimpleIntegerProperty(this, "panel", 2);

    private final ChangeSignal changes = new ChangeSignal();
    private int batch;
    private boolean pending;
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public LossesModel() {
        for (int i = 0; i < CLASSES; i++) {
            logits[i] = new SimpleDoubleProperty(this, "z" + (i + 1), 0);
            watch(logits[i]);
        }
        for (int i = 0; i < MAX_POINTS; i++) {
            points[i] = new SimpleDoubleProperty(this, "y" + (i + 1), 0);
            watch(points[i]);
        }
        watch(kind, p, y, pb, yb, trueClass, n, outlier, outlierY, c, panel);
        reset();
    }

    private void watch(ObservableValue<?>... values) {
        for (ObservableValue<?> value : values) {
            value.addListener((obs, oldValue, newValue) -> signal());
        }
    }

    private void signal() {
        if (batch > 0) {
            pending = true;
        } else {
            changes.fire();
        }
    }

    /** Runs several changes as one: listeners hear once, after all of them. */
    public void inBatch(Runnable edit) {
        batch++;
        try {
            edit.run();
        } finally {
            batch--;
            if (batch == 0 && pending) {
                pending = false;
                changes.fire();
            }
        }
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- properties for the controls --------------------------------------------------------------------------------

    public IntegerProperty kindProperty() {
        return kind;
    }

    public DoubleProperty predictionProperty() {
        return p;
    }

    public DoubleProperty targetProperty() {
        return y;
    }

    public DoubleProperty probabilityProperty() {
        return pb;
    }

    public IntegerProperty labelProperty() {
        return yb;
    }

    public DoubleProperty logitProperty(int index) {
        return logits[index];
    }

    public IntegerProperty trueClassProperty() {
        return trueClass;
    }

    public IntegerProperty pointCountProperty() {
        return n;
    }

    public DoubleProperty pointProperty(int index) {
        return points[index];
    }

    public BooleanProperty outlierProperty() {
        return outlier;
    }

    public DoubleProperty outlierValueProperty() {
        return outlierY;
    }

    public DoubleProperty constantProperty() {
        return c;
    }

    public IntegerProperty panelProperty() {
        return panel;
    }

    // ---- one prediction ---------------------------------------------------------------------------------------------

    public int kind() {
        return kind.get();
    }

    public Loss loss() {
        return Loss.values()[kind.get()];
    }

    /** The true class, 0-based. */
    public int trueIndex() {
        return trueClass.get() - 1;
    }

    public double[] logitValues() {
        double[] z = new double[CLASSES];
        for (int i = 0; i < CLASSES; i++) {
            z[i] = logits[i].get();
        }
        return z;
    }

    /** softmax(z1, z2, z3). */
    public double[] probabilities() {
        return LogitCrossEntropy.probabilities(logitValues());
    }

    /** The prediction the current loss looks at: p, pb, or p_true. */
    public double prediction() {
        return switch (kind.get()) {
            case MSE, MAE -> p.get();
            case BCE -> pb.get();
            default -> probabilities()[trueIndex()];
        };
    }

    /** The target: y, yb, or 1 (the label's probability for the true class). */
    public double target() {
        return switch (kind.get()) {
            case MSE, MAE -> y.get();
            case BCE -> yb.get();
            default -> 1;
        };
    }

    /** The current loss, as {@link Loss} computes it (clipped). */
    public double lossValue() {
        if (kind.get() == CCE) {
            return LogitCrossEntropy.clippedNats(logitValues(), trueIndex());
        }
        return curve(prediction());
    }

    /** dL/dp at the current prediction (for CCE: dL/dp_true = -1 / p_true, clipped like the loss). */
    public double gradient() {
        return curveSlope(prediction());
    }

    /** The loss the current kind and target would give at prediction x: the curve the view draws. */
    public double curve(double x) {
        return switch (kind.get()) {
            case MSE, MAE, BCE -> loss().value(new double[]{x}, new double[]{target()});
            default -> Loss.CATEGORICAL_CROSS_ENTROPY.value(new double[]{x}, new double[]{1});
        };
    }

    /** The binary cross-entropy at probability x for the given label (the view also draws the other label's). */
    public double binaryCurve(double x, int label) {
        return Loss.BINARY_CROSS_ENTROPY.value(new double[]{x}, new double[]{label});
    }

    /** dL/dx of {@link #curve}; for MAE at x = y the subgradient 0. */
    public double curveSlope(double x) {
        return loss().gradient(new double[]{x}, new double[]{target()})[0];
    }

    /** The loss without the 1e-15 clip: +infinity for BCE at a sure wrong answer, finite for CCE (from logits). */
    public double exactLoss() {
        return switch (kind.get()) {
            case MSE, MAE -> lossValue();
            case BCE -> -Math.log(yb.get() == 1 ? pb.get() : 1 - pb.get());
            default -> LogitCrossEntropy.exactNats(logitValues(), trueIndex());
        };
    }

    /** Whether the clip changes the loss right now (the probability of the right answer is below 1e-15). */
    public boolean clipped() {
        return switch (kind.get()) {
            case BCE -> (yb.get() == 1 ? pb.get() : 1 - pb.get()) < Loss.CLIP;
            case CCE -> LogitCrossEntropy.isClipped(logitValues(), trueIndex());
            default -> false;
        };
    }

    /** dL/dz = softmax(z) - onehot(true class). */
    public double[] logitGradient() {
        return LogitCrossEntropy.logitGradient(logitValues(), trueIndex());
    }

    /**
     * Moves the current prediction to x (drags and arrow keys): p for MSE/MAE, pb for BCE, and for CCE the true
     * class's logit, chosen so that p_true = x with the other logits kept. Clamped to what the parameters allow.
     */
    public void movePrediction(double x) {
        switch (kind.get()) {
            case MSE, MAE -> p.set(clamp(x, -VALUE_LIMIT, VALUE_LIMIT));
            case BCE -> pb.set(clamp(x, 0, 1));
            default -> {
                double q = clamp(x, 1e-6, 1 - 1e-6);
                double z = LogitCrossEntropy.logitFor(logitValues(), trueIndex(), q);
                logits[trueIndex()].set(clamp(z, -LOGIT_LIMIT, LOGIT_LIMIT));
            }
        }
    }

    /** Moves the regression target y (drags of its marker). */
    public void moveTarget(double value) {
        y.set(clamp(value, -VALUE_LIMIT, VALUE_LIMIT));
    }

    /** The BCE label flips; the CCE true class moves to the next one; MSE and MAE have no label to flip. */
    public void nextTarget() {
        if (kind.get() == BCE) {
            yb.set(1 - yb.get());
        } else if (kind.get() == CCE) {
            trueClass.set(trueClass.get() % CLASSES + 1);
        }
    }

    // ---- outliers ---------------------------------------------------------------------------------------------------

    /** The demo's data: y1..yn, then the outlier when it is on. */
    public double[] data() {
        int count = n.get();
        double[] out = new double[count + (outlier.get() ? 1 : 0)];
        for (int i = 0; i < count; i++) {
            out[i] = points[i].get();
        }
        if (outlier.get()) {
            out[count] = outlierY.get();
        }
        return out;
    }

    public int pointCount() {
        return n.get();
    }

    public boolean hasOutlier() {
        return outlier.get();
    }

    public double constant() {
        return c.get();
    }

    public double mean() {
        return ConstantFit.mean(data());
    }

    public double median() {
        return ConstantFit.median(data());
    }

    /** MSE (mse true) or MAE of the constant prediction value on the demo's data. */
    public double constantLoss(boolean mse, double value) {
        return mse ? ConstantFit.mse(value, data()) : ConstantFit.mae(value, data());
    }

    /** The largest MSE or MAE of a constant in [lo, hi] (the loss is convex, so at an end). */
    public double constantLossMax(boolean mse, double lo, double hi) {
        return ConstantFit.maxOver(mse ? Loss.MSE : Loss.MAE, lo, hi, data());
    }

    /** Moves data point {@code index} (0-based; index n is the outlier) to value, clamped. */
    public void movePoint(int index, double value) {
        double v = clamp(value, -DATA_LIMIT, DATA_LIMIT);
        if (index == n.get() && outlier.get()) {
            outlierY.set(v);
        } else if (index >= 0 && index < n.get()) {
            points[index].set(v);
        } else {
            throw new IllegalArgumentException("no data point " + (index + 1));
        }
    }

    public void moveConstant(double value) {
        c.set(clamp(value, -DATA_LIMIT, DATA_LIMIT));
    }

    public void setOutlier(boolean on) {
        outlier.set(on);
    }

    // ---- LabModel ---------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "kind" -> kind.set(whole(name, value, 0, 3));
            case "p" -> p.set(Parameters.requireInRange(name, value, -VALUE_LIMIT, VALUE_LIMIT));
            case "y" -> y.set(Parameters.requireInRange(name, value, -VALUE_LIMIT, VALUE_LIMIT));
            case "pb" -> pb.set(Parameters.requireInRange(name, value, 0, 1));
            case "yb" -> yb.set(whole(name, value, 0, 1));
            case "true_class" -> trueClass.set(whole(name, value, 1, CLASSES));
            case "n" -> n.set(whole(name, value, MIN_POINTS, MAX_POINTS));
            case "outlier" -> outlier.set(whole(name, value, 0, 1) == 1);
            case "outlier_y" -> outlierY.set(Parameters.requireInRange(name, value, -DATA_LIMIT, DATA_LIMIT));
            case "c" -> c.set(Parameters.requireInRange(name, value, -DATA_LIMIT, DATA_LIMIT));
            case "panel" -> panel.set(whole(name, value, 0, PANELS - 1));
            default -> {
                if (name.matches("z[1-3]")) {
                    logits[name.charAt(1) - '1'].set(Parameters.requireInRange(name, value, -LOGIT_LIMIT,
                            LOGIT_LIMIT));
                } else if (name.matches("y[1-8]")) {
                    points[name.charAt(1) - '1'].set(Parameters.requireInRange(name, value, -DATA_LIMIT,
                            DATA_LIMIT));
                } else {
                    throw Parameters.unknown(ID, name, PARAMETERS);
                }
            }
        }
    }

    private static int whole(String name, double value, int min, int max) {
        Parameters.requireInRange(name, value, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", not " + value);
        }
        return (int) value;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        switch (name) {
            case "kind":
                return kind.get();
            case "p":
                return prediction();
            case "y":
                return target();
            case "loss":
                return lossValue();
            case "grad":
                return gradient();
            case "exact_loss":
                return exactLoss();
            case "clipped":
                return clipped() ? 1 : 0;
            case "p_true":
                return probabilities()[trueIndex()];
            case "true_class":
                return trueClass.get();
            case "pb":
                return pb.get();
            case "yb":
                return yb.get();
            case "mse_best":
                return mean();
            case "mae_best":
                return median();
            case "mse":
                return ConstantFit.mse(c.get(), data());
            case "mae":
                return ConstantFit.mae(c.get(), data());
            case "mse_grad":
                return ConstantFit.slope(Loss.MSE, c.get(), data());
            case "mae_grad":
                return ConstantFit.slope(Loss.MAE, c.get(), data());
            case "c":
                return c.get();
            case "n_points":
                return data().length;
            case "n":
                return n.get();
            case "outlier":
                return outlier.get() ? 1 : 0;
            case "outlier_y":
                return outlierY.get();
            case "panel":
                return panel.get();
            default:
                break;
        }
        if (name.matches("p[1-3]")) {
            return probabilities()[name.charAt(1) - '1'];
        }
        if (name.matches("dz[1-3]")) {
            return logitGradient()[name.charAt(2) - '1'];
        }
        if (name.matches("z[1-3]")) {
            return logits[name.charAt(1) - '1'].get();
        }
        if (name.matches("y[1-8]")) {
            int index = name.charAt(1) - '1';
            return index < n.get() ? points[index].get() : Double.NaN;
        }
        throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
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
        inBatch(() -> {
            for (String name : PARAMETERS) {
                setParameter(name, defaults.get(name));
            }
        });
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
