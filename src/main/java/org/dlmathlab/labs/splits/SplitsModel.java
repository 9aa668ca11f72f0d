package org.dlmathlab.labs.splits;

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
import org.dlmathlab.math.data.ThreeWaySplit;
import org.dlmathlab.math.regression.PolynomialFit;
import org.dlmathlab.math.selection.CurveSource;
import org.dlmathlab.math.selection.DegreeSweep;
import org.dlmathlab.math.selection.HoldoutRun;
import org.dlmathlab.math.selection.TuningExperiment;

/**
 * Train, validation and test: n noisy points of y = sin(2x) + x/2 (see {@link CurveSource}) split three ways by a
 * seeded shuffle; polynomials of degree 1..12 fitted on the training part only; the degree tuned on the validation
 * part (or, as a warning, on the test part); the chosen model's test error reported, and a fresh sample of 2000
 * points from the same source showing how it really does. The step command repeats the whole experiment 200 times
 * and averages the optimism (fresh error - reported error) of both ways of tuning.
 *
 * <p>The drawn model has degree {@code degree}, or the tuned degree while {@code auto_degree} is 1. Every error
 * quantity is about the drawn model; {@code reported_error} is its test error and {@code optimism} =
 * {@code fresh_error - reported_error}. Parameters may be set in any order: a split that leaves a part empty is
 * kept (so that a lesson's map can pass through it) and reported as {@code split_ok = 0} with the errors NaN.
 */
public final class SplitsModel implements LabModel {

    public static final String ID = "splits";
    public static final int N_MIN = 10;
    public static final int N_MAX = 200;
    public static final double NOISE_MAX = 1;
    public static final int SEED_MAX = 9999;
    public static final double PCT_MIN = 1;
    public static final double PCT_MAX = 98;
    public static final int RUNS = TuningExperiment.DEFAULT_RUNS;

    static final List<String> PARAMETERS = List.of("n", "noise", "seed", "train_pct", "val_pct", "degree",
            "auto_degree", "tuned_on_test", "fresh_draw", "show_fresh");
    static final List<String> QUANTITIES = List.of("n", "n_train", "n_val", "n_test", "train_pct", "val_pct",
            "test_pct", "split_ok", "noise", "seed", "degree", "auto_degree", "tuned_on_test", "best_degree",
            "best_val_degree", "best_test_degree", "train_error", "val_error", "test_error", "fresh_error",
            "reported_error", "optimism", "true_error", "noise_floor", "fresh_draw", "show_fresh", "repeats",
            "mean_optimism_val", "se_optimism_val", "mean_optimism_test", "se_optimism_test", "mean_reported_val",
            "mean_fresh_val", "mean_reported_test", "mean_fresh_test");
    private static final Map<String, Double> LAB_DEFAULTS = Map.of("n", 40.0, "noise", 0.3, "seed", 6.0,
            "train_pct", 60.0, "val_pct", 20.0, "degree", 3.0, "auto_degree", 1.0, "tuned_on_test", 0.0,
            "fresh_draw", 0.0, "show_fresh", 0.0);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private int n = 40;
    private double noise = 0.3;
    private int seed = 6;
    private double trainPct = 60;
    private double valPct = 20;
    private int degree = 3;
    private boolean autoDegree = true;
    private boolean tunedOnTest;
    private int freshDraw;
    private boolean showFresh;
    /** While a lesson's map or Reset sets many parameters, recompute once at the end. */
    private boolean batching;

    // Derived state, recomputed after every change.
    private int[] sizes = {24, 8, 8};
    private HoldoutRun run;
    private String splitProblem;
    private double trueError = Double.NaN;
    private TuningExperiment.Result repeated;

    public SplitsModel() {
        recompute();
    }

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
        boolean dataChanged = true;
        switch (name) {
            case "n" -> n = whole(name, value, N_MIN, N_MAX);
            case "noise" -> noise = Parameters.requireInRange(name, value, 0, NOISE_MAX);
            case "seed" -> seed = whole(name, value, 0, SEED_MAX);
            case "train_pct" -> trainPct = Parameters.requireInRange(name, value, PCT_MIN, PCT_MAX);
            case "val_pct" -> valPct = Parameters.requireInRange(name, value, PCT_MIN, PCT_MAX);
            case "degree" -> {
                degree = whole(name, value, 1, DegreeSweep.MAX_DEGREE);
                dataChanged = false;
            }
            case "auto_degree" -> {
                autoDegree = flag(name, value);
                dataChanged = false;
            }
            case "tuned_on_test" -> {
                tunedOnTest = flag(name, value);
                dataChanged = false;
            }
            case "fresh_draw" -> {
                freshDraw = whole(name, value, 0, SEED_MAX);
                dataChanged = false;
            }
            case "show_fresh" -> {
                showFresh = flag(name, value);
                dataChanged = false;
            }
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
        if (dataChanged) {
            // The repeated experiment was for the old data settings; it must be run again.
            repeated = null;
        }
        if (!batching) {
            recompute();
            changes.fire();
        }
    }

    /** Sets both split percentages at once (the sliders use this); refused, changing nothing, if a part is empty. */
    public void setSplit(double trainPercent, double validationPercent) {
        Parameters.requireInRange("train_pct", trainPercent, PCT_MIN, PCT_MAX);
        Parameters.requireInRange("val_pct", validationPercent, PCT_MIN, PCT_MAX);
        String problem = splitProblem(n, trainPercent, validationPercent);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        trainPct = trainPercent;
        valPct = validationPercent;
        repeated = null;
        recompute();
        changes.fire();
    }

    /** The sizes {train, validation, test} n would be split into at these percentages (they may contain a 0). */
    public static int[] sizesFor(int n, double trainPercent, double validationPercent) {
        if (trainPercent + validationPercent > 100) {
            int train = Math.min(n, (int) Math.round(n * trainPercent / 100));
            return new int[]{train, n - train, 0};
        }
        return ThreeWaySplit.sizes(n, trainPercent / 100, validationPercent / 100);
    }

    /** Why this split cannot be used (English, for lesson authors and --set), or null when every part has a point. */
    static String splitProblem(int n, double trainPercent, double validationPercent) {
        if (trainPercent + validationPercent > 100 - 1e-9) {
            return "train_pct + val_pct = " + plain(trainPercent) + " + " + plain(validationPercent) + " = "
                    + plain(trainPercent + validationPercent) + "%, which leaves nothing for the test part";
        }
        int[] s = ThreeWaySplit.sizes(n, trainPercent / 100, validationPercent / 100);
        String[] names = {"training", "validation", "test"};
        for (int k = 0; k < 3; k++) {
            if (s[k] < 1) {
                return "with n = " + n + " the " + names[k] + " part gets no point (" + s[0] + " / " + s[1] + " / "
                        + s[2] + "); every part needs at least 1";
            }
        }
        return null;
    }

    /** Repeats the whole experiment {@value #RUNS} times at the current data settings (a no-op if the split is bad). */
    @Override
    public void step() {
        if (run == null) {
            return;
        }
        repeated = TuningExperiment.run(n, noise, trainPct / 100, valPct / 100, seed, RUNS, HoldoutRun.FRESH_SIZE);
        changes.fire();
    }

    @Override
    public boolean canStep() {
        return true;
    }

    /** Draws another fresh sample from the same source (the "fresh data" button). */
    public void drawFresh() {
        setParameter("fresh_draw", (freshDraw + 1) % (SEED_MAX + 1));
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static int whole(String name, double value, int min, int max) {
        double v = Parameters.requireInRange(name, value, min, max);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
        return (int) v;
    }

    private static boolean flag(String name, double value) {
        double v = Parameters.requireInRange(name, value, 0, 1);
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(name + " must be 0 or 1, not " + value);
        }
        return v == 1;
    }

    private void recompute() {
        sizes = sizesFor(n, trainPct, valPct);
        splitProblem = splitProblem(n, trainPct, valPct);
        if (splitProblem != null) {
            run = null;
            trueError = Double.NaN;
            return;
        }
        run = HoldoutRun.of(n, noise, trainPct / 100, valPct / 100, seed, freshDraw, HoldoutRun.FRESH_SIZE,
                DegreeSweep.MAX_DEGREE);
        trueError = run.expectedError(shownDegree());
    }

    // ---- read access for the view ----------------------------------------------------------------------------------

    /** The current run (data, split, fits, fresh sample), or null while the split leaves a part empty. */
    public HoldoutRun run() {
        return run;
    }

    /** Why the split cannot be used, or null. */
    public String splitProblem() {
        return splitProblem;
    }

    /** The sizes {train, validation, test} of the current split (a part may be 0 while the split is bad). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The degree of the drawn model: the tuned one while auto_degree is on. */
    public int shownDegree() {
        return autoDegree && run != null ? run.sweep().best(tunedOnTest) : degree;
    }

    /** The drawn model, or null while the split is bad. */
    public PolynomialFit shownFit() {
        return run == null ? null : run.sweep().fit(shownDegree());
    }

    /** The repeated experiment's result, or null until it is run (and again after the data settings change). */
    public TuningExperiment.Result repeated() {
        return repeated;
    }

    public int n() {
        return n;
    }

    public double noise() {
        return noise;
    }

    public int seed() {
        return seed;
    }

    public double trainPct() {
        return trainPct;
    }

    public double valPct() {
        return valPct;
    }

    public int degree() {
        return degree;
    }

    public boolean autoDegree() {
        return autoDegree;
    }

    public boolean tunedOnTest() {
        return tunedOnTest;
    }

    public boolean showFresh() {
        return showFresh;
    }

    // ---- quantities ------------------------------------------------------------------------------------------------

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        DegreeSweep sweep = run == null ? null : run.sweep();
        int d = shownDegree();
        return switch (name) {
            case "n" -> n;
            case "n_train" -> sizes[0];
            case "n_val" -> sizes[1];
            case "n_test" -> sizes[2];
            case "train_pct" -> trainPct;
            case "val_pct" -> valPct;
            case "test_pct" -> 100 - trainPct - valPct;
            case "split_ok" -> run == null ? 0 : 1;
            case "noise" -> noise;
            case "seed" -> seed;
            case "degree" -> d;
            case "auto_degree" -> autoDegree ? 1 : 0;
            case "tuned_on_test" -> tunedOnTest ? 1 : 0;
            case "best_degree" -> sweep == null ? Double.NaN : sweep.best(tunedOnTest);
            case "best_val_degree" -> sweep == null ? Double.NaN : sweep.bestByValidation();
            case "best_test_degree" -> sweep == null ? Double.NaN : sweep.bestByTest();
            case "train_error" -> sweep == null ? Double.NaN : sweep.trainError(d);
            case "val_error" -> sweep == null ? Double.NaN : sweep.validationError(d);
            case "test_error", "reported_error" -> sweep == null ? Double.NaN : sweep.testError(d);
            case "fresh_error" -> sweep == null ? Double.NaN : sweep.freshError(d);
            case "optimism" -> sweep == null ? Double.NaN : sweep.freshError(d) - sweep.testError(d);
            case "true_error" -> trueError;
            case "noise_floor" -> noise * noise;
            case "fresh_draw" -> freshDraw;
            case "show_fresh" -> showFresh ? 1 : 0;
            case "repeats" -> repeated == null ? 0 : repeated.runs();
            case "mean_optimism_val" -> repeated == null ? Double.NaN : repeated.meanOptimismHonest();
            case "se_optimism_val" -> repeated == null ? Double.NaN : repeated.standardErrorHonest();
            case "mean_optimism_test" -> repeated == null ? Double.NaN : repeated.meanOptimismOnTest();
            case "se_optimism_test" -> repeated == null ? Double.NaN : repeated.standardErrorOnTest();
            case "mean_reported_val" -> repeated == null ? Double.NaN : repeated.meanReportedHonest();
            case "mean_fresh_val" -> repeated == null ? Double.NaN : repeated.meanFreshHonest();
            case "mean_reported_test" -> repeated == null ? Double.NaN : repeated.meanReportedOnTest();
            case "mean_fresh_test" -> repeated == null ? Double.NaN : repeated.meanFreshOnTest();
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
        batching = true;
        try {
            for (String name : PARAMETERS) {
                setParameter(name, defaults.get(name));
            }
        } finally {
            batching = false;
        }
        repeated = null;
        recompute();
        changes.fire();
    }

    // ---- export ----------------------------------------------------------------------------------------------------

    @Override
    public Map<String, DataTable> dataSeries() {
        Map<String, DataTable> out = new LinkedHashMap<>();
        if (run != null) {
            List<double[]> points = new ArrayList<>();
            CurveSource.Sample data = run.data();
            for (int i = 0; i < data.size(); i++) {
                points.add(new double[]{data.x()[i], data.y()[i], run.split().part(i).ordinal()});
            }
            out.put("points", new DataTable(List.of("x", "y", "part"), points));
            List<double[]> errors = new ArrayList<>();
            DegreeSweep sweep = run.sweep();
            for (int d = 1; d <= sweep.maxDegree(); d++) {
                errors.add(new double[]{d, sweep.trainError(d), sweep.validationError(d), sweep.testError(d),
                        sweep.freshError(d)});
            }
            out.put("errors", new DataTable(List.of("degree", "train", "val", "test", "fresh"), errors));
        }
        if (repeated != null) {
            List<double[]> rows = new ArrayList<>();
            for (int r = 0; r < repeated.runs(); r++) {
                rows.add(new double[]{r + 1, repeated.optimismHonest()[r], repeated.optimismOnTest()[r]});
            }
            out.put("repeats", new DataTable(List.of("run", "optimism_val", "optimism_test"), rows));
        }
        return out;
    }
}
