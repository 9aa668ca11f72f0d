package org.dlmathlab.labs.regression;

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
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.regression.Csv;
import org.dlmathlab.math.regression.Dataset;
import org.dlmathlab.math.regression.LinearRegression;

/**
 * Fitting a line y = w x + b by gradient descent, the study notes' practice task made live: the data (generated on
 * y = 3x + 1 plus noise, or the learner's own CSV), a run of {@link LinearRegression} from a start (w0, b0), and the
 * exact answer of the normal equation to compare with. One {@link #step()} is one epoch.
 *
 * <p>With {@code standardize} on, the run trains on z = (x - mean) / sd instead of x: then {@code w b w0 b0 w_opt
 * b_opt dw db} are in z units, the loss surface is the one over the z-line's (w, b), and {@code w_raw b_raw} give the
 * same line on raw x. The loss does not depend on the units: the same line has the same loss either way.
 *
 * <p>Changing the data, the learning rate, the batch size, the scaling or the start restarts the run; changing the
 * epoch limit does not. While a CSV file is in use, {@code n}, {@code noise} and {@code seed} are kept but do not
 * change the data until {@link #useGeneratedData()} (the seed still orders the mini-batch shuffles).
 */
public final class RegressionModel implements LabModel {

    public static final String ID = "regression";

    public static final int N_MIN = 2;
    public static final int N_MAX = 1000;
    public static final double NOISE_MAX = 5;
    public static final long SEED_MAX = Integer.MAX_VALUE;
    public static final double LR_MIN = 1e-5;
    public static final double LR_MAX = 1;
    /** A batch can be as large as the largest CSV file; any value of at least n means full batch. */
    public static final int BATCH_MAX = Csv.MAX_ROWS;
    public static final double START_LIMIT = 50;
    public static final int EPOCHS_MAX = 10_000;

    /** The notes' generated data: x evenly spaced on [0, 10], y = 3x + 1 plus Gaussian noise. */
    public static final double X_FROM = 0;
    public static final double X_TO = 10;
    public static final double TRUE_W = 3;
    public static final double TRUE_B = 1;

    private static final List<String> PARAMETERS = List.of("n", "noise", "seed", "lr", "batch", "standardize", "w0",
            "b0", "epochs");
    private static final List<String> QUANTITIES = List.of("w", "b", "loss", "dw", "db", "lr", "epoch", "batch", "n",
            "noise", "seed", "w_opt", "b_opt", "diverged", "standardize", "loss_opt", "w_raw", "b_raw", "lr_limit",
            "epochs", "w0", "b0", "csv", "closed_form");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("n", 100.0, "noise", 1.0,
            "seed", (double) Dataset.DEFAULT_SEED, "lr", LinearRegression.NOTES_LEARNING_RATE, "batch", 100.0,
            "standardize", 0.0, "w0", 0.0, "b0", 0.0, "epochs", (double) LinearRegression.NOTES_EPOCHS);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);

    private int n = 100;
    private double noise = 1;
    private long seed = Dataset.DEFAULT_SEED;
    private double lr = LinearRegression.NOTES_LEARNING_RATE;
    private int batch = 100;
    private boolean standardize;
    private double w0;
    private double b0;
    private int epochs = LinearRegression.NOTES_EPOCHS;
    private boolean csv;

    /** The points in use, in the learner's units. */
    private Dataset data;
    /** What the run trains on: {@link #data} itself, or its standardised twin. */
    private Dataset training;
    /** x -> z, or null when training on raw x. */
    private Dataset.Scaling scaling;
    /** The normal equation's answer in training units, or null when the x values have no spread. */
    private double[] optimum;
    private double lossOptimum = Double.NaN;
    private double learningRateLimit = Double.NaN;
    /** Means of x, x^2, y, y^2 and x y over the training data: the loss surface is a quadratic in (w, b). */
    private double mx;
    private double mxx;
    private double my;
    private double myy;
    private double mxy;

    private LinearRegression run;
    private int runId;
    private boolean fromClosedForm;
    /** The full-data gradient at the current (w, b), cached per run and epoch. */
    private double[] gradient;
    private LinearRegression gradientRun;
    private int gradientEpoch = -1;

    public RegressionModel() {
        rebuildData();
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- state for the view -----------------------------------------------------------------------------------------

    /** The points in use, in raw x units (what the scatter shows). */
    public Dataset data() {
        return data;
    }

    /** The points the run trains on: {@link #data()}, or with x standardised. */
    public Dataset trainingData() {
        return training;
    }

    /** The map from raw x to z while standardising, else null. */
    public Dataset.Scaling scaling() {
        return scaling;
    }

    /** Whether the learner's CSV data is in use (else generated data). */
    public boolean isCsv() {
        return csv;
    }

    public boolean isStandardized() {
        return standardize;
    }

    public boolean diverged() {
        return run.diverged();
    }

    /** Whether the current run started at the closed-form answer ({@link #jumpToClosedForm()}). */
    public boolean isFromClosedForm() {
        return fromClosedForm;
    }

    /** Counts restarts: a view that shows the history knows when to start its chart again. */
    public int runId() {
        return runId;
    }

    public int epoch() {
        return run.epochCount();
    }

    public int epochLimit() {
        return epochs;
    }

    public double learningRate() {
        return lr;
    }

    /** The batch size as set; see {@link #effectiveBatch()}. */
    public int batchSetting() {
        return batch;
    }

    /** Points per step: the batch size, at most n. */
    public int effectiveBatch() {
        return Math.min(batch, training.n());
    }

    public boolean isFullBatch() {
        return batch >= training.n();
    }

    /** Steps per epoch: ceil(n / batch). */
    public int stepsPerEpoch() {
        int b = effectiveBatch();
        return (training.n() + b - 1) / b;
    }

    /** The n, noise and seed parameters (the seed also orders the shuffles). */
    public int pointsSetting() {
        return n;
    }

    public double noise() {
        return noise;
    }

    public long seed() {
        return seed;
    }

    public double startW() {
        return w0;
    }

    public double startB() {
        return b0;
    }

    public double w() {
        return run.w();
    }

    public double b() {
        return run.b();
    }

    /** The MSE over all the training data at the current (w, b). */
    public double loss() {
        return run.fullLoss();
    }

    /** The normal equation's {w*, b*} in training units, or null when the best line is not unique. */
    public double[] optimum() {
        return optimum == null ? null : optimum.clone();
    }

    /** The best line on raw x, {w*, b*}, or null. */
    public double[] rawOptimum() {
        return optimum == null ? null : toRaw(optimum[0], optimum[1]);
    }

    /** The current line on raw x: {w_raw, b_raw}. */
    public double[] rawLine() {
        return toRaw(run.w(), run.b());
    }

    private double[] toRaw(double w, double b) {
        return scaling == null ? new double[]{w, b} : scaling.toRaw(w, b);
    }

    /** {dL/dw, dL/db} over all the training data at the current (w, b): what a full-batch step uses next. */
    public double[] gradient() {
        if (gradientRun != run || gradientEpoch != run.epochCount() || gradient == null) {
            gradient = LinearRegression.gradient(training, run.w(), run.b());
            gradientRun = run;
            gradientEpoch = run.epochCount();
        }
        return gradient.clone();
    }

    /** The loss recorded for each epoch so far (the notes' loss_history). */
    public double[] lossHistory() {
        return run.lossHistory();
    }

    /** w at the start and after each epoch. */
    public double[] pathW() {
        return run.pathW();
    }

    /** b at the start and after each epoch. */
    public double[] pathB() {
        return run.pathB();
    }

    /** The notes' printout so far: "Epoch i: loss=..., w=..., b=..." every 20 epochs. */
    public List<String> logLines() {
        return run.logLines();
    }

    /**
     * The loss L(w, b) over the training data, for drawing the surface: a quadratic in (w, b) built from the data's
     * means, so a contour map costs O(1) per pixel. Around the optimum it is L* + mean(x^2) dw^2 + 2 mean(x) dw db +
     * db^2 (dw = w - w*, db = b - b*), which keeps its accuracy near the minimum; without an optimum it is the
     * expanded square.
     */
    public double lossAt(double w, double b) {
        if (optimum != null) {
            double dw = w - optimum[0];
            double db = b - optimum[1];
            return lossOptimum + mxx * dw * dw + 2 * mx * dw * db + db * db;
        }
        return w * w * mxx + 2 * w * b * mx + b * b - 2 * w * mxy - 2 * b * my + myy;
    }

    /**
     * The largest learning rate for which full-batch descent on this data does not blow up: 2 / lambda_max of the
     * loss's Hessian (2/n) [[sum x^2, sum x], [sum x, n]].
     */
    public double learningRateLimit() {
        return learningRateLimit;
    }

    /** Whether another epoch can run: not diverged and below the epoch limit. Play stops otherwise. */
    public boolean canContinue() {
        return !run.diverged() && run.epochCount() < epochs;
    }

    // ---- commands -------------------------------------------------------------------------------------------------

    /** Back to (w0, b0) with the current data and settings (the Restart button). */
    public void restart() {
        run = new LinearRegression(training, lr, batch, seed, w0, b0);
        runId++;
        fromClosedForm = false;
        changes.fire();
    }

    /**
     * Sets (w, b) to the normal equation's answer: a new run starts there (epoch 0), so further epochs show that
     * descent stays put at the minimum.
     *
     * @return false (and nothing changes) when the data has no unique best line
     */
    public boolean jumpToClosedForm() {
        if (optimum == null) {
            return false;
        }
        run = new LinearRegression(training, lr, batch, seed, optimum[0], optimum[1]);
        runId++;
        fromClosedForm = true;
        changes.fire();
        return true;
    }

    /**
     * Uses the learner's (x, y) rows instead of the generated data. Rows with problems are skipped and reported with
     * their line numbers; the data is replaced when at least two good rows remain, else the old data stays.
     *
     * @return what was wrong with the text, in line order (line 0 for the file as a whole); empty for a clean file
     */
    public List<Csv.Problem> loadCsv(String text) {
        Csv.Result result = Csv.parse(text);
        List<Csv.Problem> problems = new ArrayList<>(result.problems());
        if (result.data().isPresent()) {
            Dataset loaded = result.data().get();
            try {
                LinearRegression.normalEquation(loaded);
            } catch (IllegalArgumentException e) {
                problems.add(new Csv.Problem(0, e.getMessage()));
            }
            csv = true;
            data = loaded;
            prepare();
        }
        return problems;
    }

    /** Back to the points generated from n, noise and seed. */
    public void useGeneratedData() {
        csv = false;
        rebuildData();
    }

    /** The loss history as CSV text, "epoch,loss" then one row per epoch, ready to save. */
    public String lossHistoryCsv() {
        double[] history = run.lossHistory();
        StringBuilder out = new StringBuilder("epoch,loss\n");
        for (int i = 0; i < history.length; i++) {
            out.append(i).append(',').append(history[i]).append('\n');
        }
        return out.toString();
    }

    private void rebuildData() {
        if (!csv) {
            data = Dataset.linear(n, X_FROM, X_TO, TRUE_W, TRUE_B, noise, seed);
        }
        prepare();
    }

    /** Everything that depends on the data and the scaling, then a fresh run. */
    private void prepare() {
        scaling = standardize ? data.scaling() : null;
        training = standardize ? data.standardized() : data;
        int m = training.n();
        double sx = 0;
        double sxx = 0;
        double sy = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            double x = training.x(i);
            double y = training.y(i);
            sx += x;
            sxx += x * x;
            sy += y;
            syy += y * y;
            sxy += x * y;
        }
        mx = sx / m;
        mxx = sxx / m;
        my = sy / m;
        myy = syy / m;
        mxy = sxy / m;
        try {
            optimum = LinearRegression.normalEquation(training);
            lossOptimum = LinearRegression.loss(training, optimum[0], optimum[1]);
        } catch (IllegalArgumentException e) {
            optimum = null;
            lossOptimum = Double.NaN;
        }
        double lambdaMax = new Matrix2(2 * mxx, 2 * mx, 2 * mx, 2).eigen().lambda1();
        learningRateLimit = lambdaMax > 0 ? 2 / lambdaMax : Double.POSITIVE_INFINITY;
        restart();
    }

    // ---- LabModel -------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        double v = checked(name, value);
        switch (name) {
            case "n" -> {
                n = (int) v;
                dataParameterChanged();
            }
            case "noise" -> {
                noise = v;
                dataParameterChanged();
            }
            case "seed" -> {
                seed = (long) v;
                dataParameterChanged();
            }
            case "lr" -> {
                lr = v;
                restart();
            }
            case "batch" -> {
                batch = (int) v;
                restart();
            }
            case "standardize" -> {
                standardize = v == 1;
                prepare();
            }
            case "w0" -> {
                w0 = v;
                restart();
            }
            case "b0" -> {
                b0 = v;
                restart();
            }
            case "epochs" -> {
                epochs = (int) v;
                changes.fire();
            }
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    private void dataParameterChanged() {
        if (csv) {
            restart(); // the seed still orders the shuffles; n and noise wait for "Use generated data"
        } else {
            rebuildData();
        }
    }

    /** The value if it is allowed for the parameter; else an exception whose message names the parameter. */
    private static double checked(String name, double value) {
        return switch (name) {
            case "n" -> whole(name, value, N_MIN, N_MAX);
            case "noise" -> Parameters.requireInRange(name, value, 0, NOISE_MAX);
            case "seed" -> whole(name, value, 0, SEED_MAX);
            case "lr" -> Parameters.requireInRange(name, value, LR_MIN, LR_MAX);
            case "batch" -> whole(name, value, 1, BATCH_MAX);
            case "standardize" -> {
                if (value != 0 && value != 1) {
                    throw new IllegalArgumentException("standardize must be 0 (raw x) or 1 (standardised x), not "
                            + value);
                }
                yield value;
            }
            case "w0", "b0" -> Parameters.requireInRange(name, value, -START_LIMIT, START_LIMIT);
            case "epochs" -> whole(name, value, 1, EPOCHS_MAX);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        };
    }

    private static double whole(String name, double value, double min, double max) {
        Parameters.requireInRange(name, value, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number from " + (long) min + " to "
                    + (long) max + ", not " + value);
        }
        return value;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "w" -> run.w();
            case "b" -> run.b();
            case "loss" -> run.fullLoss();
            case "dw" -> gradient()[0];
            case "db" -> gradient()[1];
            case "lr" -> lr;
            case "epoch" -> run.epochCount();
            case "batch" -> effectiveBatch();
            case "n" -> training.n();
            case "noise" -> noise;
            case "seed" -> seed;
            case "w_opt" -> optimum == null ? Double.NaN : optimum[0];
            case "b_opt" -> optimum == null ? Double.NaN : optimum[1];
            case "diverged" -> run.diverged() ? 1 : 0;
            case "standardize" -> standardize ? 1 : 0;
            case "loss_opt" -> lossOptimum;
            case "w_raw" -> rawLine()[0];
            case "b_raw" -> rawLine()[1];
            case "lr_limit" -> learningRateLimit;
            case "epochs" -> epochs;
            case "w0" -> w0;
            case "b0" -> b0;
            case "csv" -> csv ? 1 : 0;
            case "closed_form" -> fromClosedForm ? 1 : 0;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        Map<String, Double> merged = new HashMap<>(LAB_DEFAULTS);
        parameters.forEach((name, value) -> {
            checked(name, value);
            merged.put(name, value);
        });
        defaults = merged;
        reset();
    }

    /** The lesson's (else the lab's) parameters, the generated data, and a fresh run: one rebuild, not nine. */
    @Override
    public void reset() {
        n = (int) defaults.get("n").doubleValue();
        noise = defaults.get("noise");
        seed = (long) defaults.get("seed").doubleValue();
        lr = defaults.get("lr");
        batch = (int) defaults.get("batch").doubleValue();
        standardize = defaults.get("standardize") == 1;
        w0 = defaults.get("w0");
        b0 = defaults.get("b0");
        epochs = (int) defaults.get("epochs").doubleValue();
        csv = false;
        rebuildData();
    }

    @Override
    public boolean canStep() {
        return true;
    }

    /** One epoch; nothing once the run has diverged or reached the epoch limit. */
    @Override
    public void step() {
        if (canContinue()) {
            run.epoch();
            changes.fire();
        }
    }

    @Override
    public Map<String, DataTable> dataSeries() {
        double[] history = run.lossHistory();
        List<double[]> loss = new ArrayList<>(history.length);
        for (int i = 0; i < history.length; i++) {
            loss.add(new double[]{i, history[i]});
        }
        double[] pw = run.pathW();
        double[] pb = run.pathB();
        List<double[]> path = new ArrayList<>(pw.length);
        for (int i = 0; i < pw.length; i++) {
            path.add(new double[]{i, pw[i], pb[i]});
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("loss", new DataTable(List.of("epoch", "loss"), loss));
        out.put("path", new DataTable(List.of("epoch", "w", "b"), path));
        return out;
    }
}
