package org.dlmathlab.labs.overfit;

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
import org.dlmathlab.math.nn.DropoutTrainer;
import org.dlmathlab.math.regression.NoisyCurve;
import org.dlmathlab.math.regression.PolynomialDescent;
import org.dlmathlab.math.regression.PolynomialFit;

/**
 * Over- and under-fitting on noisy samples of y = sin(2 pi x): a polynomial of degree 1..15 fitted by least squares
 * (optionally with an L2 penalty lambda) to n training points, measured on a separate validation set; and the remedies
 * one at a time: more data (n), L2 (lambda), early stopping (a gradient-descent run on the same polynomial, stopped
 * where the validation error was lowest) and dropout (a 1-H-1 tanh network trained with and without it).
 *
 * <p>Errors are mean squared errors; {@code gap} = val_error - train_error. Every result is cached by the inputs it
 * depends on, so moving the degree never retrains the networks and moving the epoch never reruns descent. Parameters
 * mean the same whatever order they are set in ({@code epoch} beyond {@code epochs} counts as the last epoch).
 */
public final class OverfitModel implements LabModel {

    public static final String ID = "overfit";
    public static final int MAX_DEGREE = 15;
    public static final int MIN_N = 5;
    public static final int MAX_N = 200;
    public static final double MAX_SIGMA = 1;
    public static final int MAX_SEED = 9999;
    public static final double LAMBDA_MIN = 1e-8;
    public static final double LAMBDA_MAX = 10;
    public static final int MIN_EPOCHS = 100;
    public static final int MAX_EPOCHS = 10000;
    public static final int MAX_HIDDEN = 50;
    public static final double MAX_DROPOUT = 0.9;
    /** Training of each network: full-batch Adam steps and their rate. */
    public static final int NET_EPOCHS = 3000;
    public static final double NET_RATE = 0.01;
    /** Steps of Play / Step: this many moves take a run from epoch 0 to its end. */
    static final int STEPS_PER_RUN = 200;

    /** What the picture adds and what the caption compares. */
    public enum Remedy { NONE, MORE_DATA, L2, EARLY_STOPPING, DROPOUT }

    private static final List<String> PARAMETERS = List.of("degree", "n", "sigma", "seed", "lambda", "remedy",
            "epochs", "patience", "epoch", "hidden", "dropout");
    private static final List<String> QUANTITIES = List.of("degree", "train_error", "val_error", "gap", "lambda", "n",
            "sigma", "seed", "best_degree", "best_val_error", "coef_norm", "remedy", "base_gap",
            "epochs", "patience", "epoch", "es_train_error", "es_val_error", "es_gap", "best_epoch", "stop_epoch",
            "final_gap", "hidden", "dropout", "net_train_error", "net_val_error", "net_gap", "plain_train_error",
            "plain_val_error", "plain_gap");
    private static final Map<String, Double> LAB_DEFAULTS = Map.ofEntries(Map.entry("degree", 3.0),
            Map.entry("n", 10.0), Map.entry("sigma", 0.25), Map.entry("seed", 1.0), Map.entry("lambda", 0.0),
            Map.entry("remedy", 0.0), Map.entry("epochs", 1000.0), Map.entry("patience", 50.0),
            Map.entry("epoch", 0.0), Map.entry("hidden", 50.0), Map.entry("dropout", 0.2));

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private int degree = 3;
    private int n = 10;
    private double sigma = 0.25;
    private long seed = 1;
    private double lambda;
    private Remedy remedy = Remedy.NONE;
    private int epochs = 1000;
    private int patience = 50;
    private int epoch;
    private int hidden = 50;
    private double dropout = 0.2;

    // Caches, each with the inputs it was computed from.
    private NoisyCurve data;
    private List<Object> dataKey;
    private PolynomialFit[] fits;
    private List<Object> fitsKey;
    private PolynomialDescent.Run run;
    private List<Object> runKey;
    private DropoutTrainer withDropout;
    private DropoutTrainer withoutDropout;
    private List<Object> netKey;
    private List<Object> plainKey;
    private final Map<List<Object>, Double> gapCache = new HashMap<>();

    @Override
    public String id() {
        return ID;
    }

    // ---- parameters -----------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        switch (name) {
            case "degree" -> degree = whole(name, value, 1, MAX_DEGREE);
            case "n" -> n = whole(name, value, MIN_N, MAX_N);
            case "sigma" -> sigma = Parameters.requireInRange(name, value, 0, MAX_SIGMA);
            case "seed" -> seed = whole(name, value, 0, MAX_SEED);
            case "lambda" -> {
                double v = Parameters.requireInRange(name, value, 0, LAMBDA_MAX);
                if (v > 0 && v < LAMBDA_MIN) {
                    throw new IllegalArgumentException("lambda must be 0 or between 1e-8 and 10, not " + value);
                }
                lambda = v;
            }
            case "remedy" -> remedy = Remedy.values()[whole(name, value, 0, Remedy.values().length - 1)];
            case "epochs" -> epochs = whole(name, value, MIN_EPOCHS, MAX_EPOCHS);
            case "patience" -> patience = whole(name, value, 1, MAX_EPOCHS);
            case "epoch" -> epoch = whole(name, value, 0, MAX_EPOCHS);
            case "hidden" -> hidden = whole(name, value, 1, MAX_HIDDEN);
            case "dropout" -> dropout = Parameters.requireInRange(name, value, 0, MAX_DROPOUT);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
        changes.fire();
    }

    private static int whole(String name, double value, int min, int max) {
        Parameters.requireInRange(name, value, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", not " + value);
        }
        return (int) value;
    }

    public int degree() {
        return degree;
    }

    public int n() {
        return n;
    }

    public double sigma() {
        return sigma;
    }

    public long seed() {
        return seed;
    }

    public double lambda() {
        return lambda;
    }

    public Remedy remedy() {
        return remedy;
    }

    public int epochs() {
        return epochs;
    }

    public int patience() {
        return patience;
    }

    /** The epoch on show: the parameter, but never past the end of the run. */
    public int epoch() {
        return Math.min(epoch, epochs);
    }

    public int hidden() {
        return hidden;
    }

    public double dropout() {
        return dropout;
    }

    /** The starting value of a parameter (the lesson's, else the lab's own): the captions compare with it. */
    public double startValue(String name) {
        return defaults.get(name);
    }

    // ---- results --------------------------------------------------------------------------------------------------

    /** The current data set: n training points and the validation set. */
    public NoisyCurve data() {
        List<Object> key = List.of(n, sigma, seed);
        if (!key.equals(dataKey)) {
            data = NoisyCurve.draw(n, sigma, seed);
            dataKey = key;
        }
        return data;
    }

    /** The least-squares (ridge when lambda > 0) fit of the given degree, 1..15, on the current data. */
    public PolynomialFit fit(int d) {
        NoisyCurve curve = data();
        List<Object> key = List.of(n, sigma, seed, lambda);
        if (!key.equals(fitsKey)) {
            fits = new PolynomialFit[MAX_DEGREE + 1];
            fitsKey = key;
        }
        if (fits[d] == null) {
            fits[d] = PolynomialFit.fit(curve.trainX(), curve.trainY(), d, lambda);
        }
        return fits[d];
    }

    public PolynomialFit fit() {
        return fit(degree);
    }

    public double trainError(int d) {
        return fit(d).mse(data().trainX(), data().trainY());
    }

    public double valError(int d) {
        return fit(d).mse(data().valX(), data().valY());
    }

    /** The degree with the lowest validation error (the smallest such degree on a tie). */
    public int bestDegree() {
        int best = 1;
        for (int d = 2; d <= MAX_DEGREE; d++) {
            if (valError(d) < valError(best)) {
                best = d;
            }
        }
        return best;
    }

    /** The gap val - train at the current degree for other n and lambda (same sigma and seed): for the captions. */
    public double gapWith(int otherN, double otherLambda) {
        List<Object> key = List.of(degree, otherN, otherLambda, sigma, seed);
        return gapCache.computeIfAbsent(key, k -> {
            if (gapCache.size() > 64) {
                gapCache.clear();
            }
            NoisyCurve c = NoisyCurve.draw(otherN, sigma, seed);
            PolynomialFit f = PolynomialFit.fit(c.trainX(), c.trainY(), degree, otherLambda);
            return f.mse(c.valX(), c.valY()) - f.mse(c.trainX(), c.trainY());
        });
    }

    /** The gap the current remedy's caption compares with: the same setting without the remedy. */
    public double baseGap() {
        return switch (remedy) {
            case NONE -> quantity("gap");
            case MORE_DATA -> gapWith((int) (double) defaults.get("n"), lambda);
            case L2 -> gapWith(n, 0);
            case EARLY_STOPPING -> finalGap();
            case DROPOUT -> plainNet().mse(netX(data().valX()), data().valY())
                    - plainNet().mse(netX(data().trainX()), data().trainY());
        };
    }

    /** The gradient-descent run on the current degree (Legendre features, from zero), {@code epochs} long. */
    public PolynomialDescent.Run run() {
        NoisyCurve curve = data();
        List<Object> key = List.of(n, sigma, seed, degree, epochs);
        if (!key.equals(runKey)) {
            run = PolynomialDescent.run(curve.trainX(), curve.trainY(), curve.valX(), curve.valY(), degree, epochs);
            runKey = key;
        }
        return run;
    }

    /** The epoch with the lowest validation error so far (up to the epoch on show). */
    public int bestEpochSoFar() {
        return run().bestEpoch(epoch());
    }

    /** Where patience stops the run, if it has by the epoch on show; -1 if not (yet). */
    public int stopEpochSoFar() {
        int stop = run().stopEpoch(patience);
        return stop >= 0 && stop <= epoch() ? stop : -1;
    }

    private double finalGap() {
        PolynomialDescent.Run r = run();
        return r.valError(r.epochs()) - r.trainError(r.epochs());
    }

    private void trainNets() {
        NoisyCurve curve = data();
        double[] xs = netX(curve.trainX());
        // Two caches: moving p retrains only the network with dropout.
        List<Object> plain = List.of(n, sigma, seed, hidden);
        if (!plain.equals(plainKey)) {
            withoutDropout = new DropoutTrainer(hidden, 1, seed);
            withoutDropout.train(xs, curve.trainY(), NET_EPOCHS, NET_RATE);
            plainKey = plain;
        }
        List<Object> key = List.of(n, sigma, seed, hidden, dropout);
        if (!key.equals(netKey)) {
            if (dropout == 0) {
                withDropout = withoutDropout;
            } else {
                withDropout = new DropoutTrainer(hidden, 1 - dropout, seed);
                withDropout.train(xs, curve.trainY(), NET_EPOCHS, NET_RATE);
            }
            netKey = key;
        }
    }

    /** The network trained with dropout (drop probability {@code dropout}); evaluated whole. */
    public DropoutTrainer dropoutNet() {
        trainNets();
        return withDropout;
    }

    /** The same network, same start, trained without dropout. */
    public DropoutTrainer plainNet() {
        trainNets();
        return withoutDropout;
    }

    /** The networks see u = 2x - 1, so their input is centred like the polynomial's. */
    public static double netX(double x) {
        return 2 * x - 1;
    }

    private static double[] netX(double[] xs) {
        double[] u = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            u[i] = netX(xs[i]);
        }
        return u;
    }

    private double netError(DropoutTrainer net, boolean validation) {
        NoisyCurve c = data();
        return validation ? net.mse(netX(c.valX()), c.valY()) : net.mse(netX(c.trainX()), c.trainY());
    }

    // ---- quantities -----------------------------------------------------------------------------------------------

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The early-stopping quantities ({@code es_*}, {@code best_epoch}, {@code stop_epoch}, {@code final_gap}) are
     * NaN unless that remedy is chosen, and the network quantities ({@code net_*}, {@code plain_*}) unless dropout
     * is: goals are checked after every change, and the networks take a moment to train.
     */
    @Override
    public double quantity(String name) {
        boolean net = name.startsWith("net_") || name.startsWith("plain_");
        boolean descent = name.startsWith("es_") || name.equals("best_epoch") || name.equals("stop_epoch")
                || name.equals("final_gap");
        if ((net && remedy != Remedy.DROPOUT) || (descent && remedy != Remedy.EARLY_STOPPING)) {
            return QUANTITIES.contains(name) ? Double.NaN : unknownQuantity(name);
        }
        return switch (name) {
            case "degree" -> degree;
            case "train_error" -> trainError(degree);
            case "val_error" -> valError(degree);
            case "gap" -> valError(degree) - trainError(degree);
            case "lambda" -> lambda;
            case "n" -> n;
            case "sigma" -> sigma;
            case "seed" -> seed;
            case "best_degree" -> bestDegree();
            case "best_val_error" -> valError(bestDegree());
            case "coef_norm" -> coefficientNorm();
            case "remedy" -> remedy.ordinal();
            case "base_gap" -> baseGap();
            case "epochs" -> epochs;
            case "patience" -> patience;
            case "epoch" -> epoch();
            case "es_train_error" -> run().trainError(epoch());
            case "es_val_error" -> run().valError(epoch());
            case "es_gap" -> run().valError(epoch()) - run().trainError(epoch());
            case "best_epoch" -> run().bestEpoch();
            case "stop_epoch" -> {
                int stop = run().stopEpoch(patience);
                yield stop < 0 ? Double.NaN : stop;
            }
            case "final_gap" -> finalGap();
            case "hidden" -> hidden;
            case "dropout" -> dropout;
            case "net_train_error" -> netError(dropoutNet(), false);
            case "net_val_error" -> netError(dropoutNet(), true);
            case "net_gap" -> netError(dropoutNet(), true) - netError(dropoutNet(), false);
            case "plain_train_error" -> netError(plainNet(), false);
            case "plain_val_error" -> netError(plainNet(), true);
            case "plain_gap" -> netError(plainNet(), true) - netError(plainNet(), false);
            default -> unknownQuantity(name);
        };
    }

    private static double unknownQuantity(String name) {
        throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
    }

    /** The size of the fit's coefficients (scaled variable, constant left out, as the penalty does): L2 shrinks it. */
    public double coefficientNorm() {
        double[] c = fit().scaledCoefficients();
        double s = 0;
        for (int k = 1; k < c.length; k++) {
            s += c[k] * c[k];
        }
        return Math.sqrt(s);
    }

    // ---- the rest of LabModel ---------------------------------------------------------------------------------------

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
            setParameter(name, defaults.get(name));
        }
    }

    @Override
    public boolean canStep() {
        return true;
    }

    /** Moves the run on by 1/200 of its length (at least one epoch), up to its end. */
    @Override
    public void step() {
        if (canContinue()) {
            epoch = Math.min(epochs, epoch() + Math.max(1, epochs / STEPS_PER_RUN));
            changes.fire();
        }
    }

    /** Whether the run has epochs left to show. */
    public boolean canContinue() {
        return epoch() < epochs;
    }

    /** Back to epoch 0 (Train starts from there). */
    public void restartRun() {
        epoch = 0;
        changes.fire();
    }

    @Override
    public Map<String, DataTable> dataSeries() {
        Map<String, DataTable> out = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
        for (int d = 1; d <= MAX_DEGREE; d++) {
            rows.add(new double[]{d, trainError(d), valError(d)});
        }
        out.put("errors", new DataTable(List.of("degree", "train_error", "val_error"), rows));
        List<double[]> points = new ArrayList<>();
        NoisyCurve c = data();
        double[] xs = c.trainX();
        double[] ys = c.trainY();
        for (int i = 0; i < xs.length; i++) {
            points.add(new double[]{xs[i], ys[i]});
        }
        out.put("train", new DataTable(List.of("x", "y"), points));
        if (remedy == Remedy.EARLY_STOPPING) {
            List<double[]> epochsRows = new ArrayList<>();
            PolynomialDescent.Run r = run();
            for (int e = 0; e <= r.epochs(); e++) {
                epochsRows.add(new double[]{e, r.trainError(e), r.valError(e)});
            }
            out.put("epochs", new DataTable(List.of("epoch", "train_error", "val_error"), epochsRows));
        }
        return out;
    }
}
