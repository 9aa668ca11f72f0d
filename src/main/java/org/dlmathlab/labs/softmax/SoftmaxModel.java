package org.dlmathlab.labs.softmax;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javafx.beans.Observable;
import org.dlmathlab.labs.ChangeSignal;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.Parameters;
import org.dlmathlab.math.data.Idx;
import org.dlmathlab.math.data.ImageResample;
import org.dlmathlab.math.data.ShapeImages;
import org.dlmathlab.math.nn.SlicedEpoch;
import org.dlmathlab.math.nn.SoftmaxRegression;
import org.dlmathlab.math.nn.Split;

/**
 * Softmax regression on small images: p = softmax(W x + b), trained epoch by epoch with mini-batch SGD on the
 * cross-entropy, on one of three data sources: the built-in generated shapes ({@link ShapeImages}), the learner's own
 * 16 x 16 drawings, or MNIST-style IDX files. The data is split (seeded) into a training and a validation part; each
 * epoch reports the training loss and accuracy, the validation accuracy and the validation confusion matrix.
 *
 * <p>Classes are numbered from 1 on screen and in the quantities ({@code predicted}, {@code p1..p5}); an IDX file's
 * own label L is class L + 1. Changing any parameter restarts training at epoch 0 (so parameters mean the same in any
 * order). A long epoch can run off the FX thread: {@link #prepareEpoch()} takes a private copy of the network, the
 * job trains it, and {@link #finish} installs it unless the run was restarted meanwhile.
 */
public final class SoftmaxModel implements LabModel {

    public static final String ID = "softmax";
    public static final int GRID = ShapeImages.SIZE;
    public static final int MAX_IDX_CLASSES = 10;
    public static final int MAX_PER_CLASS = 500;
    public static final int MAX_EPOCHS = 2000;
    public static final double LR_MIN = 0.001;
    public static final double LR_MAX = 10;
    public static final int MAX_BATCH = 1000;
    public static final int MIN_IDX_LIMIT = 100;
    public static final int MAX_IDX_LIMIT = 20000;
    public static final int MAX_SEED = 9999;

    /** Where the examples come from. */
    public enum Source { SHAPES, DRAWINGS, IDX }

    /** A labelled image set; labels are 0-based class indices below {@code classes}. */
    public record Dataset(double[][] x, int[] y, int classes, int rows, int cols) {
    }

    /** The outcome of one epoch, computed on a private copy of the network. */
    public record EpochResult(long generation, SoftmaxRegression net, double trainLoss, double trainAcc,
                              double valLoss, double valAcc, int[][] confusion) {
    }

    /** One epoch's work, safe to run on another thread: it touches only its own copy of the network. */
    public final class EpochJob {
        private final long generation = SoftmaxModel.this.generation;
        private final SoftmaxRegression copy = copyOf(net);
        private final Dataset train = trainSet;
        private final Dataset val = valSet;
        private final int batchSize = batch;
        private final double rate = lr;
        private final Random shuffles = random;

        /** Trains and evaluates; null when cancelled. */
        public EpochResult run(DoubleConsumer progress, BooleanSupplier cancelled) {
            double loss = SlicedEpoch.run(copy, train.x(), train.y(), batchSize, rate, shuffles,
                    f -> progress.accept(0.8 * f), cancelled);
            if (Double.isNaN(loss) || cancelled.getAsBoolean()) {
                return null;
            }
            EpochResult result = evaluate(generation, copy, train, val);
            progress.accept(1);
            return result;
        }
    }

    static final List<String> PARAMETERS = List.of("classes", "per_class", "noise", "seed", "val_split", "lr",
            "batch", "epochs", "draw", "idx_limit");
    static final List<String> QUANTITIES = List.of("epoch", "train_loss", "train_acc", "val_loss", "val_acc",
            "classes", "n_train", "n_val", "lr", "batch", "predicted", "p1", "p2", "p3", "p4", "p5", "ink", "source",
            "per_class", "noise", "seed", "val_split", "epochs", "draw", "examples", "idx_limit");
    static final Map<String, Double> LAB_DEFAULTS = Map.of("classes", 4.0, "per_class", 60.0, "noise", 0.15,
            "seed", 1.0, "val_split", 0.25, "lr", 0.1, "batch", 16.0, "epochs", 100.0, "draw", 0.0,
            "idx_limit", 6000.0);

    private final ChangeSignal changes = new ChangeSignal();
    private Map<String, Double> defaults = new HashMap<>(LAB_DEFAULTS);
    private int classes = 4;
    private int perClass = 60;
    private double noise = 0.15;
    private long seed = 1;
    private double valSplit = 0.25;
    private double lr = 0.1;
    private int batch = 16;
    private int epochs = 100;
    private int draw;
    private int idxLimit = 6000;

    private Source source = Source.SHAPES;
    private final List<double[]> drawnX = new ArrayList<>();
    private final List<Integer> drawnY = new ArrayList<>();
    private Idx.Array idxImages;
    private Idx.Array idxLabels;
    private String idxName = "";
    private int idxClasses;

    private Dataset allSet;
    private Dataset trainSet;
    private Dataset valSet;
    private SoftmaxRegression net;
    private Random random;
    private volatile long generation;
    private int epoch;
    private double trainLoss = Double.NaN;
    private double trainAcc = Double.NaN;
    private double valLoss = Double.NaN;
    private double valAcc = Double.NaN;
    private int[][] confusion = new int[0][0];
    private final List<double[]> history = new ArrayList<>();

    private final double[] drawing = new double[GRID * GRID];
    private double[] probabilities = new double[0];

    public SoftmaxModel() {
        applyDraw();
        restart();
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
        set(name, value);
        if (name.equals("draw")) {
            applyDraw();
            updateProbabilities();
        } else {
            restart();
        }
        changes.fire();
    }

    private void set(String name, double value) {
        switch (name) {
            case "classes" -> classes = whole(name, value, 2, ShapeImages.MAX_CLASSES);
            case "per_class" -> perClass = whole(name, value, 2, MAX_PER_CLASS);
            case "noise" -> noise = Parameters.requireInRange(name, value, 0, 0.5);
            case "seed" -> seed = whole(name, value, 0, MAX_SEED);
            case "val_split" -> valSplit = Parameters.requireInRange(name, value, 0, 0.5);
            case "lr" -> lr = Parameters.requireInRange(name, value, LR_MIN, LR_MAX);
            case "batch" -> batch = whole(name, value, 1, MAX_BATCH);
            case "epochs" -> epochs = whole(name, value, 1, MAX_EPOCHS);
            case "draw" -> draw = whole(name, value, 0, ShapeImages.MAX_CLASSES);
            case "idx_limit" -> idxLimit = whole(name, value, MIN_IDX_LIMIT, MAX_IDX_LIMIT);
            default -> throw Parameters.unknown(ID, name, PARAMETERS);
        }
    }

    static int whole(String name, double value, int min, int max) {
        Parameters.requireInRange(name, value, min, max);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + ", not " + value);
        }
        return (int) value;
    }

    @Override
    public void setDefaults(Map<String, Double> parameters) {
        defaults = Parameters.mergeDefaults(ID, LAB_DEFAULTS, parameters, PARAMETERS);
        reset();
    }

    /** Back to the lesson's start: its parameters, the built-in shapes, epoch 0. Drawn examples and IDX files stay. */
    @Override
    public void reset() {
        for (String name : PARAMETERS) {
            set(name, defaults.get(name));
        }
        source = Source.SHAPES;
        applyDraw();
        restart();
        changes.fire();
    }

    // ---- data -----------------------------------------------------------------------------------------------------

    public Source source() {
        return source;
    }

    /** Trains on the generated shapes (the parameters classes, per_class, noise and seed). */
    public void useShapes() {
        source = Source.SHAPES;
        restart();
        changes.fire();
    }

    /** Trains on the learner's drawings; refused (false) while there are none. */
    public boolean useDrawings() {
        if (drawnX.isEmpty()) {
            return false;
        }
        source = Source.DRAWINGS;
        restart();
        changes.fire();
        return true;
    }

    /** Trains on the loaded IDX files; refused (false) while none are loaded. */
    public boolean useIdx() {
        if (idxImages == null) {
            return false;
        }
        source = Source.IDX;
        restart();
        changes.fire();
        return true;
    }

    public boolean hasIdx() {
        return idxImages != null;
    }

    public String idxName() {
        return idxName;
    }

    /** Number of images in the loaded IDX file (0 when none). */
    public int idxCount() {
        return idxImages == null ? 0 : idxImages.count();
    }

    /**
     * Reads an images file (n x rows x cols) and a labels file (n), plain or gzipped, checks that they belong
     * together, and on success trains on them. On any problem throws with a message for the learner; nothing changes.
     */
    public void loadIdx(Path imagesFile, Path labelsFile) throws IOException {
        useIdx(readIdx(imagesFile, labelsFile));
    }

    /** Two IDX files that belong together, checked, ready for {@link #useIdx(IdxPair)}. */
    public record IdxPair(Idx.Array images, Idx.Array labels, int classes, String name) {
    }

    /** Reads and checks an images file and a labels file (any thread; touches no model state). */
    public static IdxPair readIdx(Path imagesFile, Path labelsFile) throws IOException {
        Idx.Array images = Idx.read(imagesFile);
        Idx.Array labels = Idx.read(labelsFile);
        String imagesName = imagesFile.getFileName().toString();
        int found = checkIdx(images, labels, imagesName, labelsFile.getFileName().toString());
        return new IdxPair(images, labels, found, imagesName);
    }

    /** Trains on a checked pair of IDX files from now on. */
    public void useIdx(IdxPair pair) {
        idxImages = pair.images();
        idxLabels = pair.labels();
        idxClasses = pair.classes();
        idxName = pair.name();
        source = Source.IDX;
        restart();
        changes.fire();
    }

    /** Checks an images/labels pair; returns the class count (largest label + 1). */
    static int checkIdx(Idx.Array images, Idx.Array labels, String imagesName, String labelsName)
            throws Idx.IdxException {
        if (images.dims().length != 3) {
            throw new Idx.IdxException(imagesName + " holds " + images.dims().length
                    + "-dimensional data; an images file has 3 dimensions (count, rows, columns).");
        }
        if (labels.dims().length != 1) {
            throw new Idx.IdxException(labelsName + " holds " + labels.dims().length
                    + "-dimensional data; a labels file has 1 dimension (count).");
        }
        int rows = images.dims()[1];
        int cols = images.dims()[2];
        if (rows < 2 || cols < 2 || rows > 64 || cols > 64) {
            throw new Idx.IdxException(imagesName + ": images of " + rows + " x " + cols
                    + " pixels; this lab takes images from 2 x 2 up to 64 x 64.");
        }
        if (images.count() != labels.count()) {
            throw new Idx.IdxException("The files do not match: " + imagesName + " holds " + images.count()
                    + " images but " + labelsName + " holds " + labels.count() + " labels.");
        }
        if (images.count() < 2) {
            throw new Idx.IdxException(imagesName + " holds " + images.count() + " images; at least 2 are needed.");
        }
        int max = 0;
        for (int i = 0; i < labels.count(); i++) {
            max = Math.max(max, labels.unsigned(i));
        }
        if (max + 1 > MAX_IDX_CLASSES) {
            throw new Idx.IdxException(labelsName + " has labels up to " + max + "; this lab handles labels 0 to "
                    + (MAX_IDX_CLASSES - 1) + " (at most " + MAX_IDX_CLASSES + " classes).");
        }
        if (max < 1) {
            throw new Idx.IdxException(labelsName + " has only the label 0; at least two classes are needed.");
        }
        return max + 1;
    }

    /** Adds the current drawing as an example of class k (1-based); false for an empty drawing. */
    public boolean addExample(int k) {
        if (k < 1 || k > ShapeImages.MAX_CLASSES) {
            throw new IllegalArgumentException("class must be 1 to " + ShapeImages.MAX_CLASSES + ", not " + k);
        }
        if (ink() == 0) {
            return false;
        }
        drawnX.add(drawing.clone());
        drawnY.add(k - 1);
        if (source == Source.DRAWINGS) {
            restart();
        }
        changes.fire();
        return true;
    }

    /** Forgets all drawn examples (and goes back to the shapes if they were in use). */
    public void clearExamples() {
        drawnX.clear();
        drawnY.clear();
        if (source == Source.DRAWINGS) {
            source = Source.SHAPES;
            restart();
        }
        changes.fire();
    }

    /** Drawn examples per class, index 0 = class 1. */
    public int[] exampleCounts() {
        int[] counts = new int[ShapeImages.MAX_CLASSES];
        for (int y : drawnY) {
            counts[y]++;
        }
        return counts;
    }

    private Dataset buildData() {
        switch (source) {
            case DRAWINGS -> {
                int k = 2;
                for (int y : drawnY) {
                    k = Math.max(k, y + 1);
                }
                int[] ys = new int[drawnY.size()];
                for (int i = 0; i < ys.length; i++) {
                    ys[i] = drawnY.get(i);
                }
                return new Dataset(drawnX.toArray(new double[0][]), ys, k, GRID, GRID);
            }
            case IDX -> {
                int n = Math.min(idxLimit, idxImages.count());
                double[][] xs = new double[n][];
                int[] ys = new int[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = idxImages.item(i);
                    ys[i] = idxLabels.unsigned(i);
                }
                return new Dataset(xs, ys, idxClasses, idxImages.dims()[1], idxImages.dims()[2]);
            }
            default -> {
                ShapeImages.Set set = ShapeImages.generate(classes, perClass, noise, seed);
                return new Dataset(set.images(), set.labels(), classes, GRID, GRID);
            }
        }
    }

    /** Starts training again on the same data and settings (the Play bar's Restart). */
    public void restartRun() {
        restart();
        changes.fire();
    }

    /** A fresh start on the current data: the seeded split, small random weights, epoch 0 measured. */
    private void restart() {
        generation++;
        allSet = buildData();
        int n = allSet.y().length;
        int nVal = (int) Math.round(n * valSplit);
        if (n - nVal < 1) {
            nVal = n - 1;
        }
        int[] order = Split.shuffled(n, new Random(seed * 7919 + 17));
        trainSet = subset(allSet, order, nVal, n);
        valSet = subset(allSet, order, 0, nVal);
        random = new Random(seed);
        net = new SoftmaxRegression(allSet.rows() * allSet.cols(), allSet.classes());
        net.initialise(random);
        epoch = 0;
        history.clear();
        install(evaluate(generation, net, trainSet, valSet));
        updateProbabilities();
    }

    private static Dataset subset(Dataset all, int[] order, int from, int to) {
        double[][] xs = new double[to - from][];
        int[] ys = new int[to - from];
        for (int i = from; i < to; i++) {
            xs[i - from] = all.x()[order[i]];
            ys[i - from] = all.y()[order[i]];
        }
        return new Dataset(xs, ys, all.classes(), all.rows(), all.cols());
    }

    private static SoftmaxRegression copyOf(SoftmaxRegression source) {
        SoftmaxRegression copy = new SoftmaxRegression(source.inputs(), source.classes());
        copy.network().setParameters(source.network().parameters());
        return copy;
    }

    static EpochResult evaluate(long generation, SoftmaxRegression net, Dataset train, Dataset val) {
        double trainLoss = train.y().length == 0 ? Double.NaN : net.loss(train.x(), train.y());
        double trainAcc = train.y().length == 0 ? Double.NaN : net.accuracy(train.x(), train.y());
        boolean hasVal = val.y().length > 0;
        double valLoss = hasVal ? net.loss(val.x(), val.y()) : Double.NaN;
        double valAcc = hasVal ? net.accuracy(val.x(), val.y()) : Double.NaN;
        int[][] confusion = hasVal ? net.confusion(val.x(), val.y()) : new int[net.classes()][net.classes()];
        return new EpochResult(generation, net, trainLoss, trainAcc, valLoss, valAcc, confusion);
    }

    private void install(EpochResult r) {
        net = r.net();
        trainLoss = r.trainLoss();
        trainAcc = r.trainAcc();
        valLoss = r.valLoss();
        valAcc = r.valAcc();
        confusion = r.confusion();
        history.add(new double[]{epoch, trainLoss, trainAcc, valLoss, valAcc});
    }

    // ---- training -------------------------------------------------------------------------------------------------

    @Override
    public boolean canStep() {
        return true;
    }

    /** Whether Play may go on: below the epoch limit. */
    public boolean canContinue() {
        return epoch < epochs && trainSet.y().length > 0;
    }

    /** One epoch, here and now (the checker, tests, small data sets). Does nothing past the epoch limit. */
    @Override
    public void step() {
        if (!canContinue()) {
            return;
        }
        finish(prepareEpoch().run(f -> { }, () -> false));
    }

    /** A job for one epoch on a copy of the current network (to run on any thread). */
    public EpochJob prepareEpoch() {
        return new EpochJob();
    }

    /** Installs a finished epoch; false (ignored) when cancelled or when the run restarted since it began. */
    public boolean finish(EpochResult result) {
        if (result == null || result.generation() != generation) {
            return false;
        }
        epoch++;
        install(result);
        updateProbabilities();
        changes.fire();
        return true;
    }

    /** Whether a job with this generation still belongs to the current run. */
    public long generation() {
        return generation;
    }

    // ---- the drawing ----------------------------------------------------------------------------------------------

    /** The drawing grid, GRID x GRID, row-major, values in [0, 1] (a copy). */
    public double[] drawing() {
        return drawing.clone();
    }

    public double pixel(int row, int col) {
        return drawing[row * GRID + col];
    }

    /**
     * Paints (or erases) with a round soft brush centred at (x, y) in pixel units (0..GRID; pixel (r, c) has its
     * centre at (c + 1/2, r + 1/2)): every pixel at distance d gets at least clamp(size/2 + 1/2 - d, 0, 1) of ink
     * (erasing takes that much away).
     */
    public void paint(double x, double y, double size, boolean erase) {
        if (paintQuietly(x, y, size, erase)) {
            drawingChanged();
        }
    }

    private boolean paintQuietly(double x, double y, double size, boolean erase) {
        double radius = size / 2;
        boolean changed = false;
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                double d = Math.hypot(c + 0.5 - x, r + 0.5 - y);
                double v = Math.max(0, Math.min(1, radius + 0.5 - d));
                if (v <= 0) {
                    continue;
                }
                int i = r * GRID + c;
                double next = erase ? Math.max(0, drawing[i] - v) : Math.max(drawing[i], v);
                if (next != drawing[i]) {
                    drawing[i] = next;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private void drawingChanged() {
        draw = -1;
        updateProbabilities();
        changes.fire();
    }

    /** Paints along the segment from (x0, y0) to (x1, y1) in quarter-pixel steps, so fast drags leave no gaps. */
    public void paintLine(double x0, double y0, double x1, double y1, double size, boolean erase) {
        int steps = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 4));
        boolean changed = false;
        for (int s = 1; s <= steps; s++) {
            double t = (double) s / steps;
            changed |= paintQuietly(x0 + t * (x1 - x0), y0 + t * (y1 - y0), size, erase);
        }
        if (changed) {
            drawingChanged();
        }
    }

    /** Copies sample i of the current data onto the drawing grid (resampled to GRID x GRID when needed). */
    public void drawSample(int i) {
        setDrawing(ImageResample.resize(allSet.x()[i], allSet.rows(), allSet.cols(), GRID, GRID));
    }

    public void clearDrawing() {
        java.util.Arrays.fill(drawing, 0);
        draw = 0;
        updateProbabilities();
        changes.fire();
    }

    /** Puts an image (GRID x GRID, values clamped to [0, 1]) on the drawing grid, e.g. a sample. */
    public void setDrawing(double[] image) {
        if (image.length != drawing.length) {
            throw new IllegalArgumentException("a drawing has " + drawing.length + " pixels, not " + image.length);
        }
        for (int i = 0; i < drawing.length; i++) {
            drawing[i] = Math.max(0, Math.min(1, image[i]));
        }
        draw = -1;
        updateProbabilities();
        changes.fire();
    }

    private void applyDraw() {
        if (draw == 0) {
            java.util.Arrays.fill(drawing, 0);
        } else if (draw > 0) {
            System.arraycopy(ShapeImages.prototype(draw - 1), 0, drawing, 0, drawing.length);
        }
    }

    /** Total ink of the drawing (sum of pixel values). */
    public double ink() {
        double s = 0;
        for (double v : drawing) {
            s += v;
        }
        return s;
    }

    private void updateProbabilities() {
        if (ink() == 0) {
            probabilities = new double[0];
            return;
        }
        probabilities = net.probabilities(ImageResample.resize(drawing, GRID, GRID, inputRows(), inputCols()));
    }

    /** Class probabilities of the current drawing (0-based index); empty while the drawing is blank. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    // ---- results --------------------------------------------------------------------------------------------------

    public int epoch() {
        return epoch;
    }

    public int epochs() {
        return epochs;
    }

    public int classCount() {
        return allSet.classes();
    }

    public int inputRows() {
        return allSet.rows();
    }

    public int inputCols() {
        return allSet.cols();
    }

    /** The weights of class c (0-based), rows x cols, row-major: the template the class matches. */
    public double[] classWeights(int c) {
        return net.classWeights(c);
    }

    /** counts[true][predicted] on the validation set (0-based classes). */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The whole current data set (training and validation, in their original order). */
    public Dataset data() {
        return allSet;
    }

    public int trainCount() {
        return trainSet.y().length;
    }

    public int valCount() {
        return valSet.y().length;
    }

    public int shapeClasses() {
        return classes;
    }

    public int perClass() {
        return perClass;
    }

    public double noise() {
        return noise;
    }

    public long seed() {
        return seed;
    }

    public double valSplit() {
        return valSplit;
    }

    public double lr() {
        return lr;
    }

    public int batch() {
        return batch;
    }

    public int idxLimit() {
        return idxLimit;
    }

    /** Rows of (epoch, train_loss, train_acc, val_loss, val_acc), one per epoch since the start. */
    public List<double[]> history() {
        return List.copyOf(history);
    }

    @Override
    public List<String> quantityNames() {
        return QUANTITIES;
    }

    @Override
    public double quantity(String name) {
        return switch (name) {
            case "epoch" -> epoch;
            case "train_loss" -> trainLoss;
            case "train_acc" -> trainAcc;
            case "val_loss" -> valLoss;
            case "val_acc" -> valAcc;
            case "classes" -> classCount();
            case "n_train" -> trainCount();
            case "n_val" -> valCount();
            case "lr" -> lr;
            case "batch" -> batch;
            case "predicted" -> probabilities.length == 0 ? Double.NaN : argmax(probabilities) + 1;
            case "p1", "p2", "p3", "p4", "p5" -> {
                int k = name.charAt(1) - '1';
                yield k < probabilities.length ? probabilities[k] : Double.NaN;
            }
            case "ink" -> ink();
            case "source" -> source.ordinal();
            case "per_class" -> perClass;
            case "noise" -> noise;
            case "seed" -> seed;
            case "val_split" -> valSplit;
            case "epochs" -> epochs;
            case "draw" -> draw;
            case "examples" -> drawnY.size();
            case "idx_limit" -> idxLimit;
            default -> throw new IllegalArgumentException("the " + ID + " lab has no quantity '" + name + "'");
        };
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public Observable changes() {
        return changes;
    }

    @Override
    public Map<String, DataTable> dataSeries() {
        return Map.of("history", new DataTable(List.of("epoch", "train_loss", "train_acc", "val_loss", "val_acc"),
                List.copyOf(history)));
    }
}
