package org.dlmathlab.labs.playground;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.ConfusionMatrix;
import org.dlmathlab.math.nn.Datasets2D;
import org.dlmathlab.math.nn.Mlp;
import org.dlmathlab.math.nn.NetGrid;
import org.dlmathlab.math.nn.NetOptimizer;
import org.dlmathlab.math.nn.Split;
import org.dlmathlab.math.nn.Trainer;

/**
 * The neural-network playground: a small dense network with a softmax output, trained with categorical
 * cross-entropy on points in the plane (a generated set, or points the learner clicks in), split into training,
 * validation and test parts. One {@link #step()} is one epoch of mini-batch training ({@link Trainer}); after each
 * epoch the loss and accuracy of all three parts are recorded.
 *
 * <p>Changing the data (dataset, classes, n, noise, seed, split) or the network (layers, units, activation) starts
 * over at epoch 0 with fresh weights (seeded, so the same settings always give the same run). The learning rate, L2
 * strength, batch size and early stopping apply from the next epoch on, keeping the weights; choosing another
 * optimiser also keeps the weights but starts the optimiser's own memory (velocity, moments) afresh.
 *
 * <p>Quantities: {@code epoch train_loss val_loss test_loss train_acc val_acc test_acc} (NaN for an empty part),
 * {@code n_train n_val n_test stopped diverged best_epoch best_val_loss param_count hidden_units}, then every parameter.
 */
public final class PlaygroundModel implements LabModel {

    public static final String ID = "playground";
    public static final int OWN_POINTS = 4;
    public static final int MAX_LAYERS = 6;
    public static final int MAX_UNITS = 8;
    public static final int MAX_EPOCHS = 20_000;
    public static final int MAX_OWN_POINTS = 1000;
    public static final double LR_MIN = 1e-4;
    public static final double LR_MAX = 3;
    /** Hidden activations on offer, in the order of the {@code activation} parameter. */
    public static final List<Activation> ACTIVATIONS = List.of(Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.SIGMOID, Activation.LINEAR);
    /** Datasets in the order of the {@code dataset} parameter; index 4 is the learner's own points. */
    public static final List<Datasets2D.Kind> DATASETS = List.of(Datasets2D.Kind.CIRCLE, Datasets2D.Kind.XOR,
            Datasets2D.Kind.GAUSSIANS, Datasets2D.Kind.SPIRAL);

    private static final List<String> DATA_PARAMS = List.of("dataset", "classes", "n", "noise", "seed", "train_frac",
            "val_frac");
    private static final List<String> NET_PARAMS = List.of("layers", "h1", "h2", "h3", "h4", "h5", "h6",
            "activation");
    private static final List<String> PARAMETERS;
    private static final List<String> QUANTITIES;
    private static final Map<String, Double> LAB_DEFAULTS = new HashMap<>();

    static {
        List<String> params = new ArrayList<>(DATA_PARAMS);
        params.addAll(NET_PARAMS);
        params.addAll(List.of("lr", "batch", "l2", "optimizer", "early_stop", "patience", "cm_set"));
        PARAMETERS = List.copyOf(params);
        List<String> q = new ArrayList<>(List.of("epoch", "train_loss", "val_loss", "test_loss", "train_acc",
                "val_acc", "test_acc", "n_train", "n_val", "n_test", "stopped", "diverged", "best_epoch",
                "best_val_loss", "param_count", "hidden_units"));
        q.addAll(PARAMETERS);
        QUANTITIES = List.copyOf(q);
        double[] values = {0, 2, 400, 0.2, 1, 0.6, 0.2, 1, 4, 4, 4, 4, 4, 4, 0, 0.03, 16, 0, 2, 0, 20, 0};
        for (int i = 0; i < PARAMETERS.size(); i++) {
            LAB_DEFAULTS.put(PARAMETERS.get(i), values[i]);
        }
    }

    private final ChangeSignal changes = new ChangeSignal();
    private final Map<String, Double> values = new HashMap<>(LAB_DEFAULTS);
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private final List<double[]> ownPoints = new ArrayList<>();
    private final List<Integer> ownLabels = new ArrayList<>();
    private final NetGrid grid = new NetGrid();

    private Datasets2D.Points points;
    private Split split;
    private int[] roles = new int[0];
    private Mlp net;
    private Trainer trainer;
    /** Per epoch: train, validation and test loss, then the three accuracies (row k = after k epochs). */
    private double[][] history = new double[6][256];
    private int historySize;
    /** Goes up when the run starts over (new data or network): views start their curves afresh. */
    private long revision;
    /** Goes up whenever the weights or the data change: views recompute their maps. */
    private long version;
    private boolean batching;

    public PlaygroundModel() {
        rebuildData();
    }

    @Override
    public String id() {
        return ID;
    }

    // ---- read access for the view ----------------------------------------------------------------------------------

    public Datasets2D.Points points() {
        return points;
    }

    /** Per point: 0 training, 1 validation, 2 test. */
    public int[] roles() {
        return roles;
    }

    public Mlp net() {
        return net;
    }

    public int classes() {
        return points.classes();
    }

    public int dataset() {
        return (int) param("dataset");
    }

    public boolean ownPoints() {
        return dataset() == OWN_POINTS;
    }

    /** The hidden layer sizes, first layer first (empty for a network without hidden layers). */
    public int[] hiddenSizes() {
        int layers = (int) param("layers");
        int[] out = new int[layers];
        for (int l = 0; l < layers; l++) {
            out[l] = (int) param("h" + (l + 1));
        }
        return out;
    }

    public Activation activation() {
        return ACTIVATIONS.get((int) param("activation"));
    }

    public int epoch() {
        return trainer.epoch();
    }

    public long revision() {
        return revision;
    }

    public long version() {
        return version;
    }

    public boolean stopped() {
        return trainer.stopped();
    }

    public boolean diverged() {
        return trainer.diverged();
    }

    public int bestEpoch() {
        return trainer.bestEpoch();
    }

    public double param(String name) {
        return values.get(name);
    }

    /** Epochs recorded (the current epoch + 1: row 0 is before training). */
    public int historySize() {
        return historySize;
    }

    /** A recorded measurement: series 0..2 the train/val/test loss, 3..5 the accuracies, after {@code epoch}. */
    public double history(int series, int epoch) {
        return history[series][epoch];
    }

    /** The confusion matrix on the validation part (set 0) or the test part (set 1). */
    public ConfusionMatrix confusion(int set) {
        return ConfusionMatrix.of(net, points.x(), points.label(), set == 0 ? split.validation() : split.test(),
                classes());
    }

    /**
     * The decision map over a rectangle: predicted class and its probability per cell, and optionally each hidden
     * unit's activation (see {@link NetGrid#evaluate}).
     */
    public void decisionMap(double minX, double maxX, double minY, double maxY, int nx, int ny, int[] predicted,
                            float[] confidence, float[][] hidden) {
        grid.evaluate(net, minX, maxX, minY, maxY, nx, ny, predicted, confidence, hidden);
    }

    // ---- commands ---------------------------------------------------------------------------------------------------

    @Override
    public boolean canStep() {
        return true;
    }

    /** Whether another epoch would train (there is training data, no early stop or divergence, below the cap). */
    public boolean canContinue() {
        return trainer.canContinue() && trainer.epoch() < MAX_EPOCHS;
    }

    /** One epoch; a no-op once training cannot go on. */
    @Override
    public void step() {
        if (!canContinue()) {
            return;
        }
        trainer.trainEpoch();
        record();
        version++;
        changes.fire();
    }

    /** Fresh weights (the seeded ones) and epoch 0, same data and settings: the Restart button. */
    public void restart() {
        rebuildNetwork();
        fire();
    }

    /** Adds a point of the learner's own (dataset 4 only): class 0, or 1 with Shift. Training starts over. */
    public void addPoint(double x, double y, int label) {
        if (!ownPoints()) {
            throw new IllegalStateException("points can be added only to your own data set");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || label < 0 || label > 1) {
            throw new IllegalArgumentException("a point needs finite coordinates and the class 0 or 1");
        }
        if (ownPoints.size() >= MAX_OWN_POINTS) {
            return;
        }
        ownPoints.add(new double[]{x, y});
        ownLabels.add(label);
        rebuildData();
        fire();
    }

    /** Removes the last point added; false if there was none. */
    public boolean undoPoint() {
        if (ownPoints.isEmpty()) {
            return false;
        }
        ownPoints.remove(ownPoints.size() - 1);
        ownLabels.remove(ownLabels.size() - 1);
        if (ownPoints()) {
            rebuildData();
            fire();
        }
        return true;
    }

    public void clearPoints() {
        ownPoints.clear();
        ownLabels.clear();
        if (ownPoints()) {
            rebuildData();
            fire();
        }
    }

    public int ownPointCount() {
        return ownPoints.size();
    }

    /** Sets several parameters as one change (the shape editor moves a layer count and a size together). */
    public void setParameters(Map<String, Double> given) {
        batching = true;
        try {
            given.forEach(this::setParameter);
        } finally {
            batching = false;
        }
        fire();
    }

    // ---- parameters -------------------------------------------------------------------------------------------------

    @Override
    public List<String> parameterNames() {
        return PARAMETERS;
    }

    @Override
    public void setParameter(String name, double value) {
        double v = check(name, value);
        values.put(name, v);
        if (DATA_PARAMS.contains(name)) {
            rebuildData();
        } else if (NET_PARAMS.contains(name)) {
            rebuildNetwork();
        } else {
            switch (name) {
                case "lr" -> trainer.optimizer().setLearningRate(v);
                case "l2" -> trainer.optimizer().setL2(v);
                case "optimizer" -> trainer.setOptimizer(newOptimizer());
                case "batch" -> trainer.setBatchSize((int) v);
                case "early_stop", "patience" ->
                        trainer.setEarlyStopping(param("early_stop") == 1, (int) param("patience"));
                default -> { }
            }
        }
        if (!batching) {
            fire();
        }
    }

    /** Validates a value; the message names the parameter and its range. */
    static double check(String name, double value) {
        return switch (name) {
            case "dataset" -> whole(name, value, 0, OWN_POINTS);
            case "classes" -> whole(name, value, Datasets2D.MIN_CLASSES, Datasets2D.MAX_CLASSES);
            case "n" -> whole(name, value, 10, 1000);
            case "noise" -> Parameters.requireInRange(name, value, 0, 1);
            case "seed" -> whole(name, value, 0, 1_000_000);
            case "train_frac" -> Parameters.requireInRange(name, value, 0.1, 0.9);
            case "val_frac" -> Parameters.requireInRange(name, value, 0, 0.5);
            case "layers" -> whole(name, value, 0, MAX_LAYERS);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> whole(name, value, 1, MAX_UNITS);
            case "activation" -> whole(name, value, 0, ACTIVATIONS.size() - 1);
            case "lr" -> Parameters.requireInRange(name, value, LR_MIN, LR_MAX);
            case "batch" -> whole(name, value, 1, 1000);
            case "l2" -> Parameters.requireInRange(name, value, 0, 1);
            case "optimizer" -> whole(name, value, 0, 2);
            case "early_stop", "cm_set" -> whole(name, value, 0, 1);
            case "patience" -> whole(name, value, 1, 500);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        };
    }

    private static double whole(String name, double value, int min, int max) {
        double v = Parameters.requireInRange(name, value, min, max);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", not " + value);
        }
        return v;
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "epoch" -> trainer.epoch();
            case "train_loss" -> trainer.trainLoss();
            case "val_loss" -> trainer.validationLoss();
            case "test_loss" -> trainer.testLoss();
            case "train_acc" -> trainer.trainAccuracy();
            case "val_acc" -> trainer.validationAccuracy();
            case "test_acc" -> trainer.testAccuracy();
            case "n_train" -> split.train().length;
            case "n_val" -> split.validation().length;
            case "n_test" -> split.test().length;
            case "stopped" -> trainer.stopped() ? 1 : 0;
            case "diverged" -> trainer.diverged() ? 1 : 0;
            case "best_epoch" -> trainer.bestEpoch();
            case "best_val_loss" -> trainer.bestValidationLoss();
            case "param_count" -> net.parameterCount();
            case "hidden_units" -> Arrays.stream(hiddenSizes()).sum();
            default -> {
                Double v = values.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
                }
                yield v;
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
        for (Map.Entry<String, Double> e : defaults.entrySet()) {
            check(e.getKey(), e.getValue());
        }
        reset();
    }

    /** Every parameter back to the lesson's start (the learner's own points are kept). */
    @Override
    public void reset() {
        values.putAll(defaults);
        rebuildData();
        fire();
    }

    // ---- building -----------------------------------------------------------------------------------------------------

    private void fire() {
        version++;
        changes.fire();
    }

    private long seed() {
        return (long) param("seed");
    }

    private void rebuildData() {
        int dataset = dataset();
        if (dataset == OWN_POINTS) {
            double[][] x = ownPoints.toArray(new double[0][]);
            int[] label = ownLabels.stream().mapToInt(Integer::intValue).toArray();
            points = new Datasets2D.Points(x, label, 2);
        } else {
            points = Datasets2D.generate(DATASETS.get(dataset), (int) param("n"), param("noise"),
                    (int) param("classes"), seed());
        }
        split = Split.of(points.size(), param("train_frac"), param("val_frac"), seed() + 1);
        roles = split.roles(points.size());
        rebuildNetwork();
    }

    private void rebuildNetwork() {
        int[] hidden = hiddenSizes();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = 2;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = points.classes();
        net = new Mlp(sizes, activation(), Mlp.Output.SOFTMAX);
        net.initialise(new Random(seed() + 2));
        trainer = new Trainer(net, points.x(), points.label(), split, newOptimizer(), (int) param("batch"),
                seed() + 3);
        trainer.setEarlyStopping(param("early_stop") == 1, (int) param("patience"));
        historySize = 0;
        record();
        revision++;
    }

    private NetOptimizer newOptimizer() {
        NetOptimizer.Kind kind = NetOptimizer.Kind.values()[(int) param("optimizer")];
        return new NetOptimizer(kind, NetOptimizer.weightMask(net), param("lr"), param("l2"));
    }

    private void record() {
        if (historySize == history[0].length) {
            for (int s = 0; s < history.length; s++) {
                history[s] = Arrays.copyOf(history[s], historySize * 2);
            }
        }
        double[] m = {trainer.trainLoss(), trainer.validationLoss(), trainer.testLoss(), trainer.trainAccuracy(),
            trainer.validationAccuracy(), trainer.testAccuracy()};
        for (int s = 0; s < m.length; s++) {
            history[s][historySize] = m[s];
        }
        historySize++;
    }

    // ---- export and benchmark -------------------------------------------------------------------------------------

    /** {@code curves}: epoch and the six measurements per epoch; {@code points}: x1, x2, class, role. */
    @Override
    public Map<String, DataTable> dataSeries() {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < historySize; k++) {
            double[] row = new double[7];
            row[0] = k;
            for (int s = 0; s < 6; s++) {
                row[s + 1] = history[s][k];
            }
            rows.add(row);
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            pts.add(new double[]{points.x()[i][0], points.x()[i][1], points.label()[i], roles[i]});
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        out.put("curves", new DataTable(List.of("epoch", "train_loss", "val_loss", "test_loss", "train_acc",
                "val_acc", "test_acc"), rows));
        out.put("points", new DataTable(List.of("x1", "x2", "class", "role"), pts));
        return out;
    }

    /**
     * The training speed without any toolkit: a 2-8-8-2 network ({@code activation} as in the lab) on 500 circle
     * points (60 % of them trained on, batch 16, Adam), timed over {@code epochs} epochs (after a warm-up) in three
     * ways: training alone; training with the 100 x 100 decision map recomputed after every single epoch (the worst
     * case: the view does it once per frame, after many epochs); and the map alone. Reports wall-clock and this
     * thread's CPU time (on a shared machine the CPU time is the cost, the wall time includes waiting).
     */
    public static String benchmark(int epochs, int activation) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        PlaygroundModel m = new PlaygroundModel();
        m.setParameters(Map.of("n", 500.0, "layers", 2.0, "h1", 8.0, "h2", 8.0, "activation", (double) activation,
                "batch", 16.0, "optimizer", 2.0, "lr", 0.01));
        int[] predicted = new int[100 * 100];
        float[] confidence = new float[100 * 100];
        double[][] results = new double[3][2];
        for (int mode = 0; mode < 3; mode++) {
            for (int warm = 0; warm < 2; warm++) {
                m.restart();
                long w0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                for (int e = 0; e < epochs; e++) {
                    if (mode != 2) {
                        m.step();
                    }
                    if (mode != 0) {
                        m.decisionMap(-3.5, 3.5, -3.5, 3.5, 100, 100, predicted, confidence, null);
                    }
                }
                results[mode][0] = (System.nanoTime() - w0) / 1e9;
                results[mode][1] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        }
        return String.format(Locale.ROOT, "playground, 2-8-8-2 %s, 500 points (300 trained), batch 16, Adam:%n"
                        + "  training only:              %.0f epochs/s wall, %.0f epochs/s of CPU%n"
                        + "  training + 100x100 map per epoch: %.0f epochs/s wall, %.0f epochs/s of CPU%n"
                        + "  the map alone:              %.2f ms wall, %.2f ms CPU",
                ACTIVATIONS.get(activation).name().toLowerCase(Locale.ROOT),
                epochs / results[0][0], epochs / results[0][1], epochs / results[1][0], epochs / results[1][1],
                1000 * results[2][0] / epochs, 1000 * results[2][1] / epochs);
    }
}
