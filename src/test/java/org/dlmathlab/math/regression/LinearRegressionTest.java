package org.dlmathlab.math.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    private static final Dataset EXACT = Dataset.notes(0, Dataset.DEFAULT_SEED);
    private static final Dataset NOISY = Dataset.notes(1, Dataset.DEFAULT_SEED);

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(Math.abs(expected - actual) <= tolerance * scale,
                what + ": expected " + expected + " but was " + actual);
    }

    /** The notes' Python loop, line by line, on plain arrays. */
    private static final class NotesLoop {
        final List<Double> lossHistory = new ArrayList<>();
        final List<String> printed = new ArrayList<>();
        double w = 0.0;
        double b = 0.0;

        NotesLoop(double[] x, double[] y, double learningRate, int epochs) {
            int n = x.length;
            for (int i = 0; i < epochs; i++) {
                double[] yPred = new double[n];
                for (int j = 0; j < n; j++) {
                    yPred[j] = w * x[j] + b;
                }
                double squares = 0;
                for (int j = 0; j < n; j++) {
                    squares += (yPred[j] - y[j]) * (yPred[j] - y[j]);
                }
                double loss = squares / n;
                lossHistory.add(loss);
                double sumX = 0;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sumX += x[j] * (yPred[j] - y[j]);
                    sum += yPred[j] - y[j];
                }
                double dw = (2.0 / n) * sumX;
                double db = (2.0 / n) * sum;
                w = w - learningRate * dw;
                b = b - learningRate * db;
                if (i % 20 == 0) {
                    printed.add(String.format(Locale.ROOT, "Epoch %d: loss=%.4f, w=%.4f, b=%.4f", i, loss, w, b));
                }
            }
        }
    }

    @Test
    void fullBatchFollowsTheNotesLoopEpochByEpoch() {
        double[] x = new double[100];
        double[] y = new double[100];
        double step = 10.0 / 99;
        for (int i = 0; i < 100; i++) {
            x[i] = i == 99 ? 10.0 : i * step;
            y[i] = 3 * x[i] + 1;
        }
        assertArrayEquals(x, EXACT.x(), 0.0, "np.linspace(0, 10, 100)");
        NotesLoop notes = new NotesLoop(x, y, 0.01, 200);

        LinearRegression trainer = LinearRegression.fullBatch(EXACT, LinearRegression.NOTES_LEARNING_RATE);
        assertEquals(200, trainer.run(LinearRegression.NOTES_EPOCHS));

        double[] history = trainer.lossHistory();
        assertEquals(200, history.length);
        for (int i = 0; i < 200; i++) {
            assertRelative(notes.lossHistory.get(i), history[i], 1e-12, "loss of epoch " + i);
        }
        assertRelative(notes.w, trainer.w(), 1e-12, "w");
        assertRelative(notes.b, trainer.b(), 1e-12, "b");
        assertEquals(notes.printed, trainer.logLines());
        assertEquals(10, trainer.logLines().size());
        assertFalse(trainer.diverged());
    }

    @Test
    void printsWhatNumpyPrintsForTheNotesScript() {
        // python3 running the notes' script with numpy 2.4: y = 3x + 1 exactly, then on NOISY exported by Csv.format
        LinearRegression exact = LinearRegression.fullBatch(EXACT, 0.01);
        exact.run(200);
        assertEquals(List.of(
                "Epoch 0: loss=332.5152, w=2.1101, b=0.3200",
                "Epoch 20: loss=0.0599, w=3.0727, b=0.5165",
                "Epoch 40: loss=0.0491, w=3.0658, b=0.5623",
                "Epoch 60: loss=0.0402, w=3.0596, b=0.6038",
                "Epoch 80: loss=0.0330, w=3.0539, b=0.6413",
                "Epoch 100: loss=0.0270, w=3.0488, b=0.6753",
                "Epoch 120: loss=0.0222, w=3.0442, b=0.7060",
                "Epoch 140: loss=0.0182, w=3.0400, b=0.7339",
                "Epoch 160: loss=0.0149, w=3.0362, b=0.7591",
                "Epoch 180: loss=0.0122, w=3.0328, b=0.7819"), exact.logLines());
        // numpy's final "w =" and "b =" (repr, full precision)
        assertRelative(3.029832697478413, exact.w(), 1e-14, "final w");
        assertRelative(0.8015917718607933, exact.b(), 1e-14, "final b");

        LinearRegression noisy = LinearRegression.fullBatch(NOISY, 0.01);
        noisy.run(200);
        List<String> lines = noisy.logLines();
        assertEquals("Epoch 0: loss=332.3534, w=2.1068, b=0.3182", lines.get(0));
        assertEquals("Epoch 180: loss=1.0092, w=3.0509, b=0.6263", lines.get(9));
        assertRelative(3.0493845475543706, noisy.w(), 1e-14, "final w");
        assertRelative(0.6364266874186656, noisy.b(), 1e-14, "final b");
    }

    @Test
    void firstEpochMatchesTheClosedFormSums() {
        int n = 100;
        double h = 10.0 / 99;
        double sumX = h * (n - 1) * n / 2.0; // 0 + h + 2h + ... + 99h
        double sumX2 = h * h * (n - 1) * n * (2.0 * n - 1) / 6; // h^2 (0^2 + 1^2 + ... + 99^2)
        assertRelative(n * 5.0, sumX, 1e-15, "sum x = 5n");
        double loss0 = (9 * sumX2 + 6 * sumX + n) / n; // mean((3x + 1)^2)
        double dw0 = -(2.0 / n) * (3 * sumX2 + sumX); // -(2/n) sum x (3x + 1)
        double db0 = -(2.0 / n) * (3 * sumX + n); // -(2/n) sum (3x + 1)

        LinearRegression trainer = LinearRegression.fullBatch(EXACT, 0.01);
        assertTrue(Double.isNaN(trainer.lastLoss()));
        assertTrue(trainer.epoch());
        assertRelative(loss0, trainer.lossHistory()[0], 1e-13, "loss_0");
        assertRelative(dw0, trainer.lastDw(), 1e-13, "dw_0");
        assertRelative(db0, trainer.lastDb(), 1e-13, "db_0");
        assertRelative(-0.01 * dw0, trainer.w(), 1e-13, "w_1 = -lr dw_0");
        assertRelative(-0.01 * db0, trainer.b(), 1e-13, "b_1 = -lr db_0");
        assertRelative(loss0, LinearRegression.loss(EXACT, 0, 0), 1e-13, "loss(d, 0, 0)");
        double[] g = LinearRegression.gradient(EXACT, 0, 0);
        assertRelative(dw0, g[0], 1e-13, "gradient dw");
        assertRelative(db0, g[1], 1e-13, "gradient db");
        assertEquals(LinearRegression.loss(EXACT, trainer.w(), trainer.b()), trainer.fullLoss(), 0.0);
    }

    @Test
    void normalEquationAgreesWithCommonsMathOlsAndFindsTheExactLine() {
        for (long seed = 1; seed <= 20; seed++) {
            Dataset d = Dataset.linear(30 + (int) seed, -4, 7, -1.5 + seed, 2, 3, seed);
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            double[][] design = new double[d.n()][];
            for (int i = 0; i < d.n(); i++) {
                design[i] = new double[]{d.x(i)};
            }
            ols.newSampleData(d.y(), design);
            double[] interceptSlope = ols.estimateRegressionParameters();
            double[] wb = LinearRegression.normalEquation(d);
            assertEquals(interceptSlope[1], wb[0], 1e-9, "slope, seed " + seed);
            assertEquals(interceptSlope[0], wb[1], 1e-9, "intercept, seed " + seed);
            // The optimum is where the gradient vanishes.
            double[] g = LinearRegression.gradient(d, wb[0], wb[1]);
            assertEquals(0, g[0], 1e-9);
            assertEquals(0, g[1], 1e-9);
        }
        double[] exact = LinearRegression.normalEquation(EXACT);
        assertEquals(3, exact[0], 1e-12);
        assertEquals(1, exact[1], 1e-12);
        assertEquals(0, LinearRegression.loss(EXACT, exact[0], exact[1]), 1e-24);
    }

    @Test
    void normalEquationRefusesDataWithoutASpreadInX() {
        Dataset flat = new Dataset(new double[]{2, 2, 2}, new double[]{1, 5, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearRegression.normalEquation(flat));
        assertEquals("all x values are equal: the best line is not unique", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LinearRegression.normalEquation(new Dataset(new double[]{1}, new double[]{1})));
    }

    @Test
    void sgdWithBatchOneEndsNearTheOptimum() {
        double[] best = LinearRegression.normalEquation(NOISY);
        double bestLoss = LinearRegression.loss(NOISY, best[0], best[1]);
        LinearRegression sgd = new LinearRegression(NOISY, 0.0005, 1, 7);
        assertFalse(sgd.isFullBatch());
        sgd.run(300);
        assertFalse(sgd.diverged());
        assertEquals(best[0], sgd.w(), 0.01);
        assertEquals(best[1], sgd.b(), 0.02);
        assertEquals(bestLoss, sgd.fullLoss(), 1e-3);
        assertTrue(sgd.fullLoss() >= bestLoss, "nothing beats the normal equation");
    }

    @Test
    void miniBatchEpochIsShuffledBatchesWithTheRecipeAndRecordsTheMeanBatchLoss() {
        int batch = 32; // 100 = 32 + 32 + 32 + 4: the last batch is smaller
        double lr = 0.005;
        LinearRegression trainer = new LinearRegression(NOISY, lr, batch, 99);
        double[] x = NOISY.x();
        double[] y = NOISY.y();
        double w = 0;
        double b = 0;
        for (int e = 0; e < 5; e++) {
            int[] order = LinearRegression.shuffled(100, 99, e);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < 100; i++) {
                assertEquals(i, sorted[i], "a shuffle is a permutation");
            }
            double lossSum = 0;
            int batches = 0;
            double dw = 0;
            double db = 0;
            for (int from = 0; from < 100; from += batch) {
                int m = Math.min(batch, 100 - from);
                double squares = 0;
                double sumX = 0;
                double sum = 0;
                for (int k = from; k < from + m; k++) {
                    double err = w * x[order[k]] + b - y[order[k]];
                    squares += err * err;
                    sumX += x[order[k]] * err;
                    sum += err;
                }
                dw = 2.0 / m * sumX;
                db = 2.0 / m * sum;
                w -= lr * dw;
                b -= lr * db;
                lossSum += squares / m;
                batches++;
            }
            assertEquals(4, batches);
            assertTrue(trainer.epoch());
            assertRelative(lossSum / batches, trainer.lastLoss(), 1e-12, "epoch " + e + " loss");
            assertRelative(w, trainer.w(), 1e-12, "w after epoch " + e);
            assertRelative(b, trainer.b(), 1e-12, "b after epoch " + e);
            assertRelative(dw, trainer.lastDw(), 1e-12, "last batch dw");
            assertRelative(db, trainer.lastDb(), 1e-12, "last batch db");
        }
        assertEquals(LinearRegression.loss(NOISY, trainer.w(), trainer.b()), trainer.fullLoss(), 0.0);
        assertEquals(6, trainer.pathW().length);
        assertEquals(0, trainer.pathW()[0]);
        assertEquals(trainer.w(), trainer.pathW()[5]);
        assertEquals(trainer.b(), trainer.pathB()[5]);
    }

    @Test
    void aBatchOfAtLeastNIsTheFullBatchRecipe() {
        LinearRegression full = LinearRegression.fullBatch(NOISY, 0.01);
        LinearRegression big = new LinearRegression(NOISY, 0.01, 1000, 5);
        full.run(50);
        big.run(50);
        assertArrayEquals(full.lossHistory(), big.lossHistory(), 0.0);
        assertArrayEquals(full.pathW(), big.pathW(), 0.0);
        assertArrayEquals(full.pathB(), big.pathB(), 0.0);
    }

    @Test
    void theSameSeedReplaysTheSamePathAndAnotherSeedDoesNot() {
        LinearRegression a = new LinearRegression(NOISY, 0.002, 10, 123);
        LinearRegression b = new LinearRegression(Dataset.notes(1, Dataset.DEFAULT_SEED), 0.002, 10, 123);
        LinearRegression c = new LinearRegression(NOISY, 0.002, 10, 124);
        a.run(20);
        b.run(20);
        c.run(20);
        assertArrayEquals(a.pathW(), b.pathW(), 0.0);
        assertArrayEquals(a.pathB(), b.pathB(), 0.0);
        assertArrayEquals(a.lossHistory(), b.lossHistory(), 0.0);
        assertFalse(Arrays.equals(a.pathW(), c.pathW()));
        assertFalse(Arrays.equals(a.lossHistory(), c.lossHistory()));
        assertFalse(Arrays.equals(LinearRegression.shuffled(100, 123, 0), LinearRegression.shuffled(100, 123, 1)),
                "each epoch gets a fresh order");
    }

    @Test
    void learningRatePointOneDivergesOnTheNotesDataAndKeepsOnlyFiniteNumbers() {
        LinearRegression trainer = LinearRegression.fullBatch(NOISY, 0.1);
        int ran = trainer.run(200);
        assertTrue(trainer.diverged());
        assertTrue(ran < 200, "stopped after " + ran + " epochs");
        assertEquals(ran, trainer.epochCount());
        assertFalse(trainer.epoch(), "a diverged run stays stopped");
        assertEquals(ran, trainer.lossHistory().length);
        assertEquals(ran + 1, trainer.pathW().length);
        for (double loss : trainer.lossHistory()) {
            assertTrue(Double.isFinite(loss));
        }
        for (int k = 0; k <= ran; k++) {
            assertTrue(Math.abs(trainer.pathW()[k]) <= LinearRegression.DIVERGENCE_LIMIT);
            assertTrue(Math.abs(trainer.pathB()[k]) <= LinearRegression.DIVERGENCE_LIMIT);
        }
        double[] h = trainer.lossHistory();
        assertTrue(h[h.length - 1] > 1e6 * h[0], "the loss grew before the stop");
        assertTrue(Double.isFinite(trainer.lastLoss()) && Double.isFinite(trainer.fullLoss()));

        LinearRegression miniBatch = new LinearRegression(NOISY, 0.1, 10, 1);
        miniBatch.run(200);
        assertTrue(miniBatch.diverged());
        for (double loss : miniBatch.lossHistory()) {
            assertTrue(Double.isFinite(loss));
        }
    }

    @Test
    void aFitOnStandardizedXMapsBackToTheRawOptimum() {
        Dataset.Scaling scaling = NOISY.scaling();
        double[] onZ = LinearRegression.normalEquation(NOISY.standardized());
        double[] raw = LinearRegression.normalEquation(NOISY);
        double[] mapped = scaling.toRaw(onZ[0], onZ[1]);
        assertEquals(raw[0], mapped[0], 1e-9);
        assertEquals(raw[1], mapped[1], 1e-9);

        // Gradient descent on z, mapped back, heads for the same line.
        LinearRegression gd = LinearRegression.fullBatch(NOISY.standardized(), 0.1);
        gd.run(200);
        double[] gdRaw = scaling.toRaw(gd.w(), gd.b());
        assertEquals(raw[0], gdRaw[0], 1e-9);
        assertEquals(raw[1], gdRaw[1], 1e-9);
    }

    /** Epochs until the MSE is within 1e-6 of the optimum; -1 if the run diverges, cap + 1 if it is too slow. */
    private static int epochsToConverge(Dataset d, double lr, int cap) {
        double[] best = LinearRegression.normalEquation(d);
        double bestLoss = LinearRegression.loss(d, best[0], best[1]);
        LinearRegression trainer = LinearRegression.fullBatch(d, lr);
        while (trainer.epochCount() < cap) {
            if (!trainer.epoch()) {
                return -1;
            }
            if (trainer.fullLoss() - bestLoss <= 1e-6) {
                return trainer.epochCount();
            }
        }
        return cap + 1;
    }

    @Test
    void standardizingXMakesGradientDescentFarFaster() {
        Dataset z = NOISY.standardized();
        int standardized = epochsToConverge(z, 0.1, 100_000);
        // With mean 0 and variance 1 the loss surface is a round bowl (Hessian 2I): lr 0.5 lands in one step.
        assertEquals(1, epochsToConverge(z, 0.5, 100_000));

        // Raw x from 0 to 10: the Hessian (2/n) X^T X has eigenvalues of about 68.5 and 0.50, so lr must stay below
        // 2 / 68.5 = 0.0292 and the flat direction still crawls. Try every stable lr on a 0.0005 grid.
        int bestRaw = Integer.MAX_VALUE;
        double bestLr = 0;
        for (int k = 1; k <= 80; k++) {
            double lr = k * 0.0005;
            int epochs = epochsToConverge(NOISY, lr, 20_000);
            if (epochs > 0 && epochs < bestRaw) {
                bestRaw = epochs;
                bestLr = lr;
            }
        }
        int atNotesLr = epochsToConverge(NOISY, 0.01, 100_000);
        String seen = "standardized lr 0.1: " + standardized + ", raw best lr " + bestLr + ": " + bestRaw
                + ", raw lr 0.01: " + atNotesLr;
        // Seen: 44, 347 (lr 0.0285), 992
        assertTrue(standardized < 60, seen);
        assertTrue(bestRaw > 300 && bestRaw > 5 * standardized, seen);
        assertTrue(bestLr < 0.0292, seen);
        assertTrue(atNotesLr > 900, seen);
        assertEquals(-1, epochsToConverge(NOISY, 0.0295, 100_000), "just above 2 / lambda_max diverges");
    }

    @Test
    void logNumbersAreFormattedAsPythonFormatsThem() {
        // Each expected string is what Python 3 prints for f"{v:.4f}".
        double[] values = {2.00005, 1.00005, 0.00005, -0.00001, -0.0, 0.12345, 0.00015, 123.45675, 3.0, -2.5e-5,
                332.51515, 1000000.00005};
        String[] python = {"2.0000", "1.0001", "0.0001", "-0.0000", "-0.0000", "0.1235", "0.0001", "123.4567",
                "3.0000", "-0.0000", "332.5152", "1000000.0001"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(python[i], LinearRegression.fixed4(values[i]), "f\"{" + values[i] + ":.4f}\"");
        }
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new LinearRegression(NOISY, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinearRegression(NOISY, Double.NaN, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinearRegression(NOISY, 0.01, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new LinearRegression(NOISY, 0.01, 10, 1, Double.POSITIVE_INFINITY, 0));
        LinearRegression fromElsewhere = new LinearRegression(EXACT, 0.01, 100, 0, 5, -2);
        assertEquals(5, fromElsewhere.pathW()[0]);
        assertEquals(-2, fromElsewhere.pathB()[0]);
        assertRelative(LinearRegression.loss(EXACT, 5, -2), fromElsewhere.fullLoss(), 1e-15, "loss at the start");
    }
}
