package org.dlmathlab.labs.entropy;

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
import org.dlmathlab.math.info.Distributions;
import org.dlmathlab.math.info.Entropy;

/**
 * State of the entropy lab: a distribution P over k outcomes (2 to 8), a second distribution Q, and a "classifier"
 * mode in which P is the one-hot label of a true class and Q is the softmax of logits z_1..z_k.
 *
 * <p>P and Q are stored as raw non-negative weights; what the lab shows and publishes is their normalised form
 * p_i = w_i / sum_{j &lt;= k} w_j (all zero: uniform). So a lesson may write {@code p1: 2, p2: 1, p3: 1} for
 * (1/2, 1/4, 1/4) and the order in which parameters are set never matters. The learner's edits (drags, presets, the
 * typed value) follow the drag rule of {@link Distributions#drag} and store normalised weights.
 *
 * <p>Quantities: {@code entropy cross_entropy kl} (bits; the last two +infinity when Q gives 0 to an outcome of P),
 * {@code entropy_nats cross_entropy_nats kl_nats finite k max_entropy p1..p8 q1..q8} (NaN beyond k),
 * {@code true_class q_true loss_nats loss_bits classifier z1..z8}.
 */
public final class EntropyModel implements LabModel {

    public static final String ID = "entropy";
    public static final int MIN_OUTCOMES = 2;
    public static final int MAX_OUTCOMES = 8;
    /** Logits stay within +-this: softmax then never gives less than about 2e-9, and sliders stay usable. */
    public static final double LOGIT_LIMIT = 10;
    /** Raw weights a lesson may give (they are normalised anyway). */
    public static final double WEIGHT_LIMIT = 1000;

    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;
    private static final Map<String, Double> LAB_DEFAULTS = new HashMap<>();

    static {
        List<String> params = new ArrayList<>(List.of("k"));
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            params.add("p" + i);
        }
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            params.add("q" + i);
        }
        params.addAll(List.of("true_class", "classifier"));
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            params.add("z" + i);
        }
        PARAMETERS = Collections.unmodifiableList(params);

        List<String> quantities = new ArrayList<>(List.of("entropy", "cross_entropy", "kl", "entropy_nats",
                "cross_entropy_nats", "kl_nats", "finite", "k", "max_entropy"));
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            quantities.add("p" + i);
        }
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            quantities.add("q" + i);
        }
        quantities.addAll(List.of("true_class", "q_true", "loss_nats", "loss_bits", "classifier"));
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            quantities.add("z" + i);
        }
        QUANTITIES = Collections.unmodifiableList(quantities);

        // A skewed P (1/2, 1/4, 1/8, 1/8) against a uniform Q: some entropy, some extra bits, nothing extreme.
        LAB_DEFAULTS.put("k", 4.0);
        double[] p = {4, 2, 1, 1, 1, 1, 1, 1};
        for (int i = 1; i <= MAX_OUTCOMES; i++) {
            LAB_DEFAULTS.put("p" + i, p[i - 1]);
            LAB_DEFAULTS.put("q" + i, 1.0);
            LAB_DEFAULTS.put("z" + i, 0.0);
        }
        LAB_DEFAULTS.put("true_class", 1.0);
        LAB_DEFAULTS.put("classifier", 0.0);
    }

    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 4);
    private final DoubleProperty[] pWeights = new DoubleProperty[MAX_OUTCOMES];
    private final DoubleProperty[] qWeights = new DoubleProperty[MAX_OUTCOMES];
    private final DoubleProperty[] logits = new DoubleProperty[MAX_OUTCOMES];
    private final IntegerProperty trueClass = new SimpleIntegerProperty(this, "trueClass", 1);
    private final BooleanProperty classifier = new SimpleBooleanProperty(this, "classifier", false);

    private final ChangeSignal changes = new ChangeSignal();
    /** While above 0, property changes wait and one signal fires at the end (a drag rewrites k values at once). */
    private int batch;
    private boolean pending;
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    public EntropyModel() {
        for (int i = 0; i < MAX_OUTCOMES; i++) {
            pWeights[i] = new SimpleDoubleProperty(this, "p" + (i + 1), 1);
            qWeights[i] = new SimpleDoubleProperty(this, "q" + (i + 1), 1);
            logits[i] = new SimpleDoubleProperty(this, "z" + (i + 1), 0);
            watch(pWeights[i], qWeights[i], logits[i]);
        }
        watch(k, trueClass, classifier);
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

    /** Runs several changes as one: listeners hear once, after all of them, and never see a half-done edit. */
    private void inBatch(Runnable edit) {
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

    // ---- reading the state ----------------------------------------------------------------------------------------

    /** The number of outcomes k. */
    public int outcomes() {
        return k.get();
    }

    public IntegerProperty outcomesProperty() {
        return k;
    }

    public BooleanProperty classifierProperty() {
        return classifier;
    }

    public IntegerProperty trueClassProperty() {
        return trueClass;
    }

    /** The logit z_i (0-based), for a slider; in classifier mode Q = softmax(z). */
    public DoubleProperty logitProperty(int index) {
        return logits[index];
    }

    public boolean isClassifier() {
        return classifier.get();
    }

    /** The true class, 1..k (a stored value above k counts as k). */
    public int trueClass() {
        return Math.min(trueClass.get(), k.get());
    }

    /** P as shown: the one-hot label in classifier mode, else the normalised weights. */
    public double[] p() {
        return isClassifier() ? Distributions.oneHot(k.get(), trueClass() - 1) : weightsP();
    }

    /** Q as shown: softmax of the logits in classifier mode, else the normalised weights. */
    public double[] q() {
        return isClassifier() ? Distributions.softmax(logitValues()) : weightsQ();
    }

    /** The first k logits. */
    public double[] logitValues() {
        return values(logits, k.get());
    }

    private double[] weightsP() {
        return Distributions.normalize(values(pWeights, k.get()));
    }

    private double[] weightsQ() {
        return Distributions.normalize(values(qWeights, k.get()));
    }

    private static double[] values(DoubleProperty[] props, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = props[i].get();
        }
        return v;
    }

    public double entropyBits() {
        return Entropy.entropyBits(p());
    }

    /** H(P, Q) in bits; +infinity when Q gives probability 0 to an outcome P can produce. */
    public double crossEntropyBits() {
        return Entropy.crossEntropyBits(p(), q());
    }

    public double klBits() {
        return Entropy.klBits(p(), q());
    }

    public boolean isFinite() {
        return Entropy.isFinite(p(), q());
    }

    /** q at the true class. */
    public double qTrue() {
        return q()[trueClass() - 1];
    }

    // ---- the learner's edits --------------------------------------------------------------------------------------

    /** Drags P's bar {@code index} (0-based) to {@code value}; the others rescale to keep the sum 1. */
    public void dragP(int index, double value) {
        double[] next = Distributions.drag(weightsP(), checkIndex(index), value);
        inBatch(() -> store(pWeights, next));
    }

    /**
     * Drags Q's bar to {@code value}. In classifier mode this moves the logit z_i (the others stay, so the other
     * probabilities keep their proportions, exactly as the drag rule says), within +-{@link #LOGIT_LIMIT}.
     */
    public void dragQ(int index, double value) {
        checkIndex(index);
        if (!isClassifier()) {
            double[] next = Distributions.drag(weightsQ(), index, value);
            inBatch(() -> store(qWeights, next));
            return;
        }
        double[] z = logitValues();
        double target = Distributions.logitFor(z, index, Math.max(0, Math.min(1, value)));
        // Past the limit, shift the other logits instead (softmax ignores a common shift).
        double shift = 0;
        if (target > LOGIT_LIMIT) {
            shift = LOGIT_LIMIT - target;
            target = LOGIT_LIMIT;
        } else if (target < -LOGIT_LIMIT) {
            shift = -LOGIT_LIMIT - target;
            target = -LOGIT_LIMIT;
        }
        double zi = target;
        double s = shift;
        inBatch(() -> {
            for (int j = 0; j < z.length; j++) {
                logits[j].set(j == index ? zi : clampLogit(z[j] + s));
            }
        });
    }

    /** Sets P to a whole distribution of k entries (presets); it is normalised first. */
    public void setP(double[] distribution) {
        double[] next = Distributions.normalize(requireLength(distribution));
        inBatch(() -> store(pWeights, next));
    }

    /** Sets Q (presets; in classifier mode through the logits z_i = ln q_i, clamped). */
    public void setQ(double[] distribution) {
        double[] next = Distributions.normalize(requireLength(distribution));
        if (isClassifier()) {
            inBatch(() -> storeLogitsFor(next));
        } else {
            inBatch(() -> store(qWeights, next));
        }
    }

    /** Q := P, the one choice of Q that costs no extra bits. */
    public void copyPToQ() {
        setQ(p());
    }

    /**
     * Changes the number of outcomes as the learner does: a new outcome gets the average share 1/k_old of each
     * distribution (and the logit of that share), then everything is renormalised; removed outcomes give their
     * probability back to the rest in proportion.
     */
    public void setOutcomes(int newK) {
        int n = Math.max(MIN_OUTCOMES, Math.min(MAX_OUTCOMES, newK));
        int old = k.get();
        if (n == old) {
            return;
        }
        double[] p = weightsP();
        double[] q = weightsQ();
        double[] z = logitValues();
        double meanExp = 0;
        for (double zi : z) {
            meanExp += Math.exp(zi);
        }
        double newLogit = clampLogit(Math.log(meanExp / z.length));
        inBatch(() -> {
            double[] wp = new double[n];
            double[] wq = new double[n];
            for (int i = 0; i < n; i++) {
                wp[i] = i < old ? p[i] : 1.0 / old;
                wq[i] = i < old ? q[i] : 1.0 / old;
                if (i >= old) {
                    logits[i].set(newLogit);
                }
            }
            store(pWeights, Distributions.normalize(wp));
            store(qWeights, Distributions.normalize(wq));
            k.set(n);
            if (trueClass.get() > n) {
                trueClass.set(n);
            }
        });
    }

    /** Picks the true class (1..k); in classifier mode P becomes one-hot there. */
    public void setTrueClass(int c) {
        trueClass.set(Math.max(1, Math.min(k.get(), c)));
    }

    /**
     * Turns classifier mode on or off as the learner does, carrying Q over so the picture does not jump: on, the
     * logits become ln q_i (shifted so the largest is 0; q_i = 0 gets the lowest logit); off, Q's weights become the
     * softmax that was shown.
     */
    public void setClassifierMode(boolean on) {
        if (on == isClassifier()) {
            return;
        }
        inBatch(() -> {
            if (on) {
                storeLogitsFor(weightsQ());
                classifier.set(true);
            } else {
                double[] shown = Distributions.softmax(logitValues());
                store(qWeights, shown);
                classifier.set(false);
            }
        });
    }

    /** Sets one logit (0-based), clamped to +-{@link #LOGIT_LIMIT}. */
    public void setLogit(int index, double value) {
        logits[checkIndex(index)].set(clampLogit(value));
    }

    private void storeLogitsFor(double[] q) {
        double max = Double.NEGATIVE_INFINITY;
        for (double qi : q) {
            max = Math.max(max, qi);
        }
        for (int i = 0; i < q.length; i++) {
            logits[i].set(q[i] <= 0 ? -LOGIT_LIMIT : clampLogit(Math.log(q[i] / max)));
        }
    }

    private static void store(DoubleProperty[] props, double[] values) {
        for (int i = 0; i < values.length; i++) {
            props[i].set(values[i]);
        }
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= k.get()) {
            throw new IllegalArgumentException("outcome " + (index + 1) + " is not among 1.." + k.get());
        }
        return index;
    }

    private double[] requireLength(double[] distribution) {
        if (distribution.length != k.get()) {
            throw new IllegalArgumentException(
                    "expected " + k.get() + " probabilities, not " + distribution.length);
        }
        return distribution;
    }

    private static double clampLogit(double z) {
        return Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, z));
    }

    // ---- parameters and quantities --------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "k" -> k.set(whole(name, value, MIN_OUTCOMES, MAX_OUTCOMES));
            case "true_class" -> trueClass.set(whole(name, value, 1, MAX_OUTCOMES));
            case "classifier" -> classifier.set(Parameters.requireInRange(name, value, 0, 1) >= 0.5);
            default -> {
                int index = indexOf(name);
                if (index < 0) {
                    throw Parameters.unknown(ID, name, PARAMETERS);
                }
                switch (name.charAt(0)) {
                    case 'p' -> pWeights[index].set(Parameters.requireInRange(name, value, 0, WEIGHT_LIMIT));
                    case 'q' -> qWeights[index].set(Parameters.requireInRange(name, value, 0, WEIGHT_LIMIT));
                    default -> logits[index].set(Parameters.requireInRange(name, value, -LOGIT_LIMIT, LOGIT_LIMIT));
                }
            }
        }
    }

    /** 0-based index of p1..p8, q1..q8, z1..z8; -1 for anything else. */
    private static int indexOf(String name) {
        if (name.length() != 2 || "pqz".indexOf(name.charAt(0)) < 0) {
            return -1;
        }
        int i = name.charAt(1) - '1';
        return i >= 0 && i < MAX_OUTCOMES ? i : -1;
    }

    private static int whole(String name, double value, int min, int max) {
        Parameters.requireInRange(name, value, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
        return (int) value;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        double[] p = p();
        double[] q = q();
        return switch (name) {
            case "entropy" -> Entropy.entropyBits(p);
            case "cross_entropy" -> Entropy.crossEntropyBits(p, q);
            case "kl" -> Entropy.klBits(p, q);
            case "entropy_nats" -> Entropy.entropyNats(p);
            case "cross_entropy_nats" -> Entropy.crossEntropyNats(p, q);
            case "kl_nats" -> Entropy.klNats(p, q);
            case "finite" -> Entropy.isFinite(p, q) ? 1 : 0;
            case "k" -> k.get();
            case "max_entropy" -> Entropy.maxEntropyBits(k.get());
            case "true_class" -> trueClass();
            case "q_true" -> q[trueClass() - 1];
            case "loss_nats" -> Entropy.surpriseNats(q[trueClass() - 1]);
            case "loss_bits" -> Entropy.surpriseBits(q[trueClass() - 1]);
            case "classifier" -> isClassifier() ? 1 : 0;
            default -> {
                int index = indexOf(name);
                if (index < 0) {
                    throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
                }
                if (name.charAt(0) == 'z') {
                    yield index < k.get() ? logits[index].get() : Double.NaN;
                }
                double[] d = name.charAt(0) == 'p' ? p : q;
                yield index < d.length ? d[index] : Double.NaN;
            }
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
        inBatch(() -> {
            for (String name : PARAMETERS) {
                setParameter(name, defaults.get(name));
            }
        });
    }
}
