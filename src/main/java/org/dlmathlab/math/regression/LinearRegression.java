package org.dlmathlab.math.regression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.random.Well19937c;

/**
 * Fits y ~ w x + b by gradient descent on the mean squared error, one epoch at a time, the way the study notes do by
 * hand.
 *
 * <ul>
 *   <li>prediction: y_pred_i = w x_i + b</li>
 *   <li>loss: L(w, b) = (1/n) sum (y_pred_i - y_i)^2</li>
 *   <li>gradient: dL/dw = (2/n) sum x_i (y_pred_i - y_i), dL/db = (2/n) sum (y_pred_i - y_i)</li>
 *   <li>update: w = w - lr dL/dw, b = b - lr dL/db</li>
 * </ul>
 *
 * <p>With a batch size of at least n each epoch is one step on all the data, in the notes' order: predict, measure
 * the loss (this is the value the history keeps), take the gradient, update. With a smaller batch size the epoch
 * shuffles the points, then takes one step per consecutive batch with the same formulas, n being the batch's size
 * (the last batch may be smaller). The shuffle depends only on (seed, epoch), so a run can be replayed exactly.
 *
 * <p>A run that blows up stops: when the loss or a parameter stops being finite, or |w| or |b| exceeds
 * {@link #DIVERGENCE_LIMIT}, the epoch is discarded, {@link #diverged()} turns true and further epochs do nothing.
 * The history and the path therefore only ever hold finite numbers.
 */
public final class LinearRegression {

    /** The notes' settings: learning rate 0.01 for 200 epochs, printing every 20th. */
    public static final double NOTES_LEARNING_RATE = 0.01;
    public static final int NOTES_EPOCHS = 200;
    public static final int LOG_EVERY = 20;

    /** Beyond this size a parameter counts as diverged: the loss would overflow not many epochs later. */
    public static final double DIVERGENCE_LIMIT = 1e12;

    private final Dataset data;
    private final double[] x;
    private final double[] y;
    private final double learningRate;
    private final int batchSize;
    private final long seed;

    private double w;
    private double b;
    private int epoch;
    private boolean diverged;
    private double lastDw = Double.NaN;
    private double lastDb = Double.NaN;
    private final Series history = new Series();
    private final Series pathW = new Series();
    private final Series pathB = new Series();
    private final List<String> log = new ArrayList<>();

    /** A trainer starting from w = b = 0, as the notes do. */
    public LinearRegression(Dataset data, double learningRate, int batchSize, long seed) {
        this(data, learningRate, batchSize, seed, 0, 0);
    }

    /**
     * @param learningRate the step size lr, finite and > 0
     * @param batchSize    points per step, at least 1; n or more means full-batch gradient descent
     * @param seed         seeds the per-epoch shuffles of mini-batch training (unused for full batches)
     * @param w0           the starting slope
     * @param b0           the starting intercept
     */
    public LinearRegression(Dataset data, double learningRate, int batchSize, long seed, double w0, double b0) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be finite and > 0, was " + learningRate);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, was " + batchSize);
        }
        if (!Double.isFinite(w0) || !Double.isFinite(b0)) {
            throw new IllegalArgumentException("the start must be finite, was w=" + w0 + ", b=" + b0);
        }
        this.data = data;
        this.x = data.x();
        this.y = data.y();
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.seed = seed;
        this.w = w0;
        this.b = b0;
        pathW.add(w0);
        pathB.add(b0);
    }

    /** Full-batch gradient descent from w = b = 0: the notes' loop. */
    public static LinearRegression fullBatch(Dataset data, double learningRate) {
        return new LinearRegression(data, learningRate, data.n(), 0);
    }

    /**
     * Runs one epoch (see the class comment).
     *
     * @return false when nothing ran because the run has diverged, now or earlier
     */
    public boolean epoch() {
        if (diverged) {
            return false;
        }
        return batchSize >= x.length ? fullBatchEpoch() : miniBatchEpoch();
    }

    /** Runs up to {@code epochs} epochs, fewer if the run diverges; returns how many ran. */
    public int run(int epochs) {
        int ran = 0;
        while (ran < epochs && epoch()) {
            ran++;
        }
        return ran;
    }

    private boolean fullBatchEpoch() {
        double[] step = lossAndGradient(x, y, null, 0, x.length, w, b);
        double newW = w - learningRate * step[1];
        double newB = b - learningRate * step[2];
        if (!Double.isFinite(step[0]) || outOfBounds(newW, newB)) {
            diverged = true;
            return false;
        }
        commit(step[0], newW, newB, step[1], step[2]);
        return true;
    }

    /**
     * One pass over a fresh shuffle, updating after every batch. The recorded loss is the mean of the batch losses,
     * each measured before its own batch's update (what a training loop that averages its printed losses reports);
     * it is not the loss at any single (w, b), which is what {@link #fullLoss()} gives.
     */
    private boolean miniBatchEpoch() {
        int[] order = shuffled(x.length, seed, epoch);
        double newW = w;
        double newB = b;
        double lossSum = 0;
        int batches = 0;
        double dw = Double.NaN;
        double db = Double.NaN;
        for (int from = 0; from < x.length; from += batchSize) {
            int to = Math.min(x.length, from + batchSize);
            double[] step = lossAndGradient(x, y, order, from, to, newW, newB);
            newW = newW - learningRate * step[1];
            newB = newB - learningRate * step[2];
            if (!Double.isFinite(step[0]) || outOfBounds(newW, newB)) {
                diverged = true; // w and b still hold the epoch's start: the whole epoch is dropped
                return false;
            }
            lossSum += step[0];
            batches++;
            dw = step[1];
            db = step[2];
        }
        double epochLoss = lossSum / batches;
        if (!Double.isFinite(epochLoss)) {
            diverged = true;
            return false;
        }
        commit(epochLoss, newW, newB, dw, db);
        return true;
    }

    private static boolean outOfBounds(double w, double b) {
        // The negated comparison is also true for NaN.
        return !(Math.abs(w) <= DIVERGENCE_LIMIT) || !(Math.abs(b) <= DIVERGENCE_LIMIT);
    }

    private void commit(double loss, double newW, double newB, double dw, double db) {
        w = newW;
        b = newB;
        lastDw = dw;
        lastDb = db;
        history.add(loss);
        pathW.add(newW);
        pathB.add(newB);
        if (epoch % LOG_EVERY == 0) {
            // As the notes print it: the loss from before this epoch's update, w and b after it.
            log.add("Epoch " + epoch + ": loss=" + fixed4(loss) + ", w=" + fixed4(newW) + ", b=" + fixed4(newB));
        }
        epoch++;
    }

    /**
     * {loss, dL/dw, dL/db} over the points order[from .. to-1] (or from .. to-1 when order is null), with the sums
     * taken left to right, as Python's built-in sum does.
     */
    private static double[] lossAndGradient(double[] x, double[] y, int[] order, int from, int to, double w,
                                            double b) {
        double squares = 0;
        double xTimesError = 0;
        double error = 0;
        for (int k = from; k < to; k++) {
            int i = order == null ? k : order[k];
            double e = (w * x[i] + b) - y[i];
            squares += e * e;
            xTimesError += x[i] * e;
            error += e;
        }
        int m = to - from;
        return new double[]{squares / m, (2.0 / m) * xTimesError, (2.0 / m) * error};
    }

    /** A Fisher-Yates shuffle of 0 .. n-1 from a generator seeded with (seed, epoch) alone. */
    static int[] shuffled(int n, long seed, int epoch) {
        Well19937c random = new Well19937c(new int[]{(int) (seed >>> 32), (int) seed, epoch});
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** L(w, b) = (1/n) sum (w x_i + b - y_i)^2, the mean squared error. */
    public static double loss(Dataset d, double w, double b) {
        return lossAndGradient(d.x(), d.y(), null, 0, d.n(), w, b)[0];
    }

    /** {dL/dw, dL/db} = {(2/n) sum x_i (w x_i + b - y_i), (2/n) sum (w x_i + b - y_i)}. */
    public static double[] gradient(Dataset d, double w, double b) {
        double[] all = lossAndGradient(d.x(), d.y(), null, 0, d.n(), w, b);
        return new double[]{all[1], all[2]};
    }

    /**
     * The exact minimiser {w*, b*} = (X^T X)^-1 X^T y, where X has the rows [x_i, 1].
     *
     * <p>It is computed by a QR decomposition of X (the least-squares solution of X [w, b]^T = y), which is the same
     * vector as the formula but avoids forming X^T X, whose condition number is the square of X's.
     *
     * @throws IllegalArgumentException when all x are equal, so that X^T X is singular and every line through
     *                                  (x, mean y) fits equally well
     */
    public static double[] normalEquation(Dataset d) {
        double[] xs = d.x();
        double min = Arrays.stream(xs).min().orElseThrow();
        double max = Arrays.stream(xs).max().orElseThrow();
        if (min == max) {
            throw new IllegalArgumentException("all x values are equal: the best line is not unique");
        }
        double[][] rows = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            rows[i] = new double[]{xs[i], 1};
        }
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(rows, false)).getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("the x values are too close together: the best line is not unique");
        }
        RealVector wb = solver.solve(new ArrayRealVector(d.y(), false));
        return new double[]{wb.getEntry(0), wb.getEntry(1)};
    }

    /**
     * Python's {@code f"{v:.4f}"}: the exact binary value rounded half-even, a minus sign kept on values that round
     * to zero. String.format rounds the shortest decimal form half-up instead and so prints 2.0001 where Python
     * prints 2.0000 (2.00005 is stored as 2.0000499...).
     */
    static String fixed4(double v) {
        String digits = new BigDecimal(Math.abs(v)).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        return (Math.copySign(1.0, v) < 0 ? "-" : "") + digits;
    }

    public double w() {
        return w;
    }

    public double b() {
        return b;
    }

    /** The number of completed epochs. */
    public int epochCount() {
        return epoch;
    }

    public boolean diverged() {
        return diverged;
    }

    public Dataset data() {
        return data;
    }

    public double learningRate() {
        return learningRate;
    }

    public int batchSize() {
        return batchSize;
    }

    public long seed() {
        return seed;
    }

    public boolean isFullBatch() {
        return batchSize >= x.length;
    }

    /** The loss recorded for each completed epoch (see the class comment); all finite. */
    public double[] lossHistory() {
        return history.toArray();
    }

    /** The last recorded loss, or NaN before the first epoch. */
    public double lastLoss() {
        return history.size() == 0 ? Double.NaN : history.get(history.size() - 1);
    }

    /** dL/dw of the last step taken (the last batch's for mini-batches), or NaN before the first epoch. */
    public double lastDw() {
        return lastDw;
    }

    /** dL/db of the last step taken (the last batch's for mini-batches), or NaN before the first epoch. */
    public double lastDb() {
        return lastDb;
    }

    /** The MSE over all the data at the current w and b. */
    public double fullLoss() {
        return lossAndGradient(x, y, null, 0, x.length, w, b)[0];
    }

    /** w at the start (index 0) and after each epoch k (index k): epochCount() + 1 values. */
    public double[] pathW() {
        return pathW.toArray();
    }

    /** b at the start (index 0) and after each epoch k (index k): epochCount() + 1 values. */
    public double[] pathB() {
        return pathB.toArray();
    }

    /** The notes' printout so far: "Epoch i: loss=..., w=..., b=..." for i = 0, 20, 40, ... */
    public List<String> logLines() {
        return List.copyOf(log);
    }

    /** A growing array of doubles, so long runs do not box every value. */
    private static final class Series {
        private double[] values = new double[64];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
