package org.dlmathlab.labs.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.math.regression.Csv;
import org.dlmathlab.math.regression.Dataset;
import org.dlmathlab.math.regression.LinearRegression;
import org.junit.jupiter.api.Test;

class RegressionModelTest {

    private static RegressionModel model(Map<String, Double> params) {
        RegressionModel m = new RegressionModel();
        m.setDefaults(params);
        return m;
    }

    private static void steps(RegressionModel m, int count) {
        for (int i = 0; i < count; i++) {
            m.step();
        }
    }

    @Test
    void publishesTheQuantitiesTheIssueNames() {
        List<String> names = new RegressionModel().quantityNames();
        for (String q : List.of("w", "b", "loss", "dw", "db", "lr", "epoch", "batch", "n", "noise", "seed", "w_opt",
                "b_opt", "diverged", "standardize", "loss_opt", "w_raw", "b_raw")) {
            assertTrue(names.contains(q), q);
        }
        RegressionModel m = new RegressionModel();
        for (String q : names) {
            assertTrue(Double.isFinite(m.quantity(q)), q + " is defined at the start");
        }
        assertEquals(100, m.quantity("n"));
        assertEquals(1, m.quantity("noise"));
        assertEquals(0.01, m.quantity("lr"));
        assertEquals(200, m.quantity("epochs"));
        assertEquals(0, m.quantity("epoch"));
        assertThrows(IllegalArgumentException.class, () -> m.quantity("nope"));
    }

    @Test
    void theNotesRunIsReproducedExactly() {
        // The notes: 100 points on [0, 10], y = 3x + 1 (no noise), w = b = 0, lr 0.01, 200 epochs, full batch.
        RegressionModel m = model(Map.of("noise", 0.0));
        assertTrue(m.canStep());
        steps(m, 200);
        LinearRegression direct = LinearRegression.fullBatch(Dataset.notes(0, Dataset.DEFAULT_SEED), 0.01);
        direct.run(200);
        assertEquals(direct.w(), m.quantity("w"), 0.0, "bit for bit");
        assertEquals(direct.b(), m.quantity("b"), 0.0, "bit for bit");
        assertArrayEquals(direct.lossHistory(), m.lossHistory());
        assertEquals(direct.logLines(), m.logLines());
        assertEquals(10, m.logLines().size());
        assertEquals("Epoch 0: loss=332.5152, w=2.1101, b=0.3200", m.logLines().get(0));
        assertEquals("Epoch 180: loss=0.0122, w=3.0328, b=0.7819", m.logLines().get(9));
        assertEquals(200, m.quantity("epoch"));
        assertEquals(100, m.quantity("batch"));

        // Play stops at the epoch limit; the loss and path series hold one row per epoch (and the start).
        assertFalse(m.canContinue());
        m.step();
        assertEquals(200, m.quantity("epoch"), "no step past the limit");
        Map<String, DataTable> series = m.dataSeries();
        assertEquals(List.of("epoch", "loss"), series.get("loss").columns());
        assertEquals(200, series.get("loss").rows().size());
        assertEquals(List.of("epoch", "w", "b"), series.get("path").columns());
        assertEquals(201, series.get("path").rows().size());
        assertArrayEquals(new double[]{200, direct.w(), direct.b()}, series.get("path").rows().get(200));
        assertTrue(m.lossHistoryCsv().startsWith("epoch,loss\n0," + direct.lossHistory()[0] + "\n1,"));

        // The exact line y = 3x + 1: the normal equation finds it, with (almost) zero loss.
        assertEquals(3, m.quantity("w_opt"), 1e-12);
        assertEquals(1, m.quantity("b_opt"), 1e-12);
        assertEquals(0, m.quantity("loss_opt"), 1e-20);
        // The gradient shown is the notes' formula at the current (w, b).
        double[] g = LinearRegression.gradient(m.trainingData(), m.quantity("w"), m.quantity("b"));
        assertEquals(g[0], m.quantity("dw"), 0.0);
        assertEquals(g[1], m.quantity("db"), 0.0);
    }

    @Test
    void theGradientAtTheStartIsTheSumInTheNotes() {
        RegressionModel m = model(Map.of("noise", 0.0));
        Dataset d = m.data();
        double sumX = 0;
        double sumB = 0;
        for (int i = 0; i < d.n(); i++) {
            sumX += d.x(i) * (0 - d.y(i));
            sumB += 0 - d.y(i);
        }
        assertEquals(2.0 / d.n() * sumX, m.quantity("dw"), 1e-9);
        assertEquals(2.0 / d.n() * sumB, m.quantity("db"), 1e-12);
        assertEquals(-32, m.quantity("db"), 1e-9, "db = -2 mean(y) = -2 (3*5 + 1)");
    }

    @Test
    void sgdWithBatchOneIsDeterministicPerSeed() {
        Map<String, Double> settings = Map.of("batch", 1.0, "lr", 0.001, "seed", 7.0);
        RegressionModel a = model(settings);
        RegressionModel b = model(settings);
        steps(a, 30);
        steps(b, 30);
        assertEquals(1, a.quantity("batch"));
        assertEquals(100, a.stepsPerEpoch());
        assertArrayEquals(a.pathW(), b.pathW());
        assertArrayEquals(a.pathB(), b.pathB());
        assertArrayEquals(a.lossHistory(), b.lossHistory());

        // It is LinearRegression's SGD on the seed's data, shuffled by the same seed.
        LinearRegression direct = new LinearRegression(Dataset.linear(100, 0, 10, 3, 1, 1, 7), 0.001, 1, 7);
        direct.run(30);
        assertArrayEquals(direct.pathW(), a.pathW());

        RegressionModel other = model(Map.of("batch", 1.0, "lr", 0.001, "seed", 8.0));
        steps(other, 30);
        assertFalse(Arrays.equals(a.pathW(), other.pathW()), "another seed, another run");

        // Restart replays the same run.
        a.restart();
        steps(a, 30);
        assertArrayEquals(b.pathW(), a.pathW());
    }

    /** Epochs until the loss is within 1e-6 of the best; -1 on divergence or if the limit comes first. */
    private static int epochsToConverge(RegressionModel m) {
        while (m.canContinue()) {
            m.step();
            if (m.quantity("loss") - m.quantity("loss_opt") <= 1e-6) {
                return (int) m.quantity("epoch");
            }
        }
        return -1;
    }

    @Test
    void standardizedXConvergesInFarFewerEpochs() {
        RegressionModel raw = model(Map.of("lr", 0.01, "epochs", 5000.0));
        RegressionModel z = model(Map.of("lr", 0.1, "epochs", 5000.0, "standardize", 1.0));
        int rawEpochs = epochsToConverge(raw);
        int zEpochs = epochsToConverge(z);
        assertTrue(rawEpochs > 900, "raw x at the notes' lr: " + rawEpochs);
        assertTrue(zEpochs > 0 && zEpochs < 60, "standardised: " + zEpochs);

        // The best loss is the same (a line is a line in either units), and the raw-x line matches the raw optimum.
        assertEquals(raw.quantity("loss_opt"), z.quantity("loss_opt"), 1e-9);
        assertEquals(raw.quantity("w_opt"), z.quantity("w_raw"), 1e-3);
        assertEquals(raw.quantity("b_opt"), z.quantity("b_raw"), 1e-2);
        // The stability limit: 2 / lambda_max is 1 for standardised x (Hessian 2I), about 0.029 for raw x.
        assertEquals(1, z.quantity("lr_limit"), 1e-9);
        assertEquals(0.0292, raw.quantity("lr_limit"), 5e-4);
        // Even at raw x's best learning rate it takes hundreds of epochs.
        RegressionModel rawFast = model(Map.of("lr", 0.0285, "epochs", 5000.0));
        assertTrue(epochsToConverge(rawFast) > 5 * zEpochs);
    }

    @Test
    void aLearningRateOfPointOneDivergesOnRawXAndStaysFinite() {
        RegressionModel m = model(Map.of("lr", 0.1));
        assertTrue(m.quantity("lr") > m.quantity("lr_limit"));
        steps(m, 200);
        assertEquals(1, m.quantity("diverged"));
        assertFalse(m.canContinue());
        int stoppedAt = (int) m.quantity("epoch");
        assertTrue(stoppedAt < 200);
        m.step();
        assertEquals(stoppedAt, m.quantity("epoch"), "a diverged run stays stopped");
        for (String q : m.quantityNames()) {
            assertTrue(Double.isFinite(m.quantity(q)), q + " = " + m.quantity(q));
        }
        for (DataTable table : m.dataSeries().values()) {
            for (double[] row : table.rows()) {
                for (double v : row) {
                    assertTrue(Double.isFinite(v));
                }
            }
        }
        // Standardising fixes it at the same learning rate.
        m.setParameter("standardize", 1);
        assertEquals(0, m.quantity("diverged"));
        assertEquals(0, m.quantity("epoch"), "changing the scaling restarts the run");
        steps(m, 200);
        assertEquals(0, m.quantity("diverged"));
        assertEquals(m.quantity("loss_opt"), m.quantity("loss"), 1e-9);
    }

    @Test
    void jumpingToTheClosedFormGivesTheOptimalLoss() {
        RegressionModel m = new RegressionModel();
        steps(m, 10);
        assertTrue(m.quantity("loss") > m.quantity("loss_opt") + 1e-3);
        assertTrue(m.jumpToClosedForm());
        assertTrue(m.isFromClosedForm());
        assertEquals(m.quantity("w_opt"), m.quantity("w"), 0.0);
        assertEquals(m.quantity("b_opt"), m.quantity("b"), 0.0);
        assertEquals(m.quantity("loss_opt"), m.quantity("loss"), 1e-12);
        assertEquals(0, m.quantity("dw"), 1e-9);
        assertEquals(0, m.quantity("db"), 1e-9);
        double[] ols = LinearRegression.normalEquation(m.data());
        assertEquals(ols[0], m.quantity("w_opt"), 0.0);
        // Descent from the minimum stays there.
        steps(m, 20);
        assertEquals(m.quantity("loss_opt"), m.quantity("loss"), 1e-12);
        m.restart();
        assertFalse(m.isFromClosedForm());
        assertEquals(0, m.quantity("w"));
        // Also on standardised x, where w_raw and b_raw give the raw optimum.
        m.setParameter("standardize", 1);
        m.jumpToClosedForm();
        assertEquals(ols[0], m.quantity("w_raw"), 1e-9);
        assertEquals(ols[1], m.quantity("b_raw"), 1e-9);
    }

    @Test
    void aCsvWithBadRowsReportsTheirLinesAndKeepsTheGoodRows() {
        RegressionModel m = new RegressionModel();
        String text = String.join("\n",
                "x,y",          // 1: header
                "0,1",          // 2
                "1,3.5",        // 3
                "2,abc",        // 4: not a number
                "",             // 5: blank, skipped quietly
                "3,7,9",        // 6: three values
                "4,9",          // 7
                ",5",           // 8: x missing
                "5,11.5");      // 9
        List<Csv.Problem> problems = m.loadCsv(text);
        assertEquals(List.of(4, 6, 8), problems.stream().map(Csv.Problem::line).toList(), problems.toString());
        assertEquals(1, m.quantity("csv"));
        assertEquals(4, m.quantity("n"));
        assertArrayEquals(new double[]{0, 1, 4, 5}, m.data().x());
        assertArrayEquals(new double[]{1, 3.5, 9, 11.5}, m.data().y());
        assertEquals(0, m.quantity("epoch"), "new data restarts the run");
        assertTrue(m.isFullBatch(), "batch 100 is at least n = 4: full batch");
        double[] ols = LinearRegression.normalEquation(m.data());
        assertEquals(ols[0], m.quantity("w_opt"), 1e-12);

        // n and noise wait while the file is in use; "Use generated data" brings them back.
        m.setParameter("n", 50);
        m.setParameter("noise", 2);
        assertEquals(4, m.quantity("n"));
        m.useGeneratedData();
        assertEquals(0, m.quantity("csv"));
        assertEquals(50, m.quantity("n"));
        assertEquals(Dataset.linear(50, 0, 10, 3, 1, 2, Dataset.DEFAULT_SEED), m.data());

        // A file with nothing usable keeps the data as it was.
        Dataset before = m.data();
        List<Csv.Problem> none = m.loadCsv("x,y\nfoo,bar\n");
        assertEquals(before, m.data());
        assertEquals(0, m.quantity("csv"));
        assertTrue(none.stream().anyMatch(p -> p.line() == 2));
        assertTrue(none.stream().anyMatch(p -> p.line() == 0 && p.message().contains("no data rows")));

        // Points that all share one x: loaded, but there is no single best line, and that is said.
        List<Csv.Problem> flat = m.loadCsv("2,1\n2,3\n2,5\n");
        assertEquals(1, m.quantity("csv"));
        assertTrue(flat.stream().anyMatch(p -> p.message().contains("all x values are equal")), flat.toString());
        assertTrue(Double.isNaN(m.quantity("w_opt")));
        assertFalse(m.jumpToClosedForm());
        steps(m, 5);
        assertTrue(Double.isFinite(m.quantity("loss")));

        // Reset returns to the lesson's generated data.
        m.reset();
        assertEquals(0, m.quantity("csv"));
        assertEquals(100, m.quantity("n"));
    }

    @Test
    void theLossSurfaceIsTheMeanSquaredError() {
        for (double standardize : new double[]{0, 1}) {
            RegressionModel m = model(Map.of("standardize", standardize, "noise", 2.0));
            for (double[] wb : new double[][]{{0, 0}, {3, 1}, {-2, 7}, {10, 20}}) {
                assertEquals(LinearRegression.loss(m.trainingData(), wb[0], wb[1]), m.lossAt(wb[0], wb[1]),
                        1e-9 * Math.max(1, m.lossAt(wb[0], wb[1])));
            }
        }
        RegressionModel flat = new RegressionModel();
        flat.loadCsv("1,1\n1,2\n");
        assertEquals(LinearRegression.loss(flat.trainingData(), 2, 3), flat.lossAt(2, 3), 1e-12);
    }

    @Test
    void badParametersAreRejectedWithAMessage() {
        RegressionModel m = new RegressionModel();
        Object[][] bad = {{"n", 1.0}, {"n", 1001.0}, {"n", 2.5}, {"noise", -0.1}, {"noise", Double.NaN},
            {"seed", -1.0}, {"seed", 0.5}, {"lr", 0.0}, {"lr", 2.0}, {"batch", 0.0}, {"batch", 3.5},
            {"standardize", 0.5}, {"w0", 100.0}, {"b0", Double.POSITIVE_INFINITY}, {"epochs", 0.0},
            {"epochs", 10.5}};
        for (Object[] c : bad) {
            String name = (String) c[0];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.setParameter(name, (Double) c[1]), name + " = " + c[1]);
            assertTrue(e.getMessage().startsWith(name + " must"), e.getMessage());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("alpha", 1));
        assertTrue(unknown.getMessage().contains("no parameter 'alpha'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("lr", 5.0)));
        // Nothing changed.
        assertEquals(100, m.quantity("n"));
        assertEquals(0.01, m.quantity("lr"));
    }

    @Test
    void parametersRestartTheRunAndTheLimitDoesNot() {
        RegressionModel m = new RegressionModel();
        steps(m, 5);
        m.setParameter("epochs", 10);
        assertEquals(5, m.quantity("epoch"), "the limit keeps the run");
        steps(m, 10);
        assertEquals(10, m.quantity("epoch"));
        int run = m.runId();
        m.setParameter("lr", 0.02);
        assertEquals(0, m.quantity("epoch"));
        assertNotEquals(run, m.runId());
        m.setParameter("w0", 2);
        m.setParameter("b0", -1);
        assertEquals(2, m.quantity("w"));
        assertEquals(-1, m.quantity("b"));
        m.setParameter("batch", 1000);
        assertEquals(100, m.quantity("batch"), "the batch shown is at most n");
        m.setParameter("batch", 10);
        assertEquals(10, m.stepsPerEpoch());
        m.setParameter("n", 400);
        assertEquals(400, m.quantity("n"));
        assertEquals(40, m.stepsPerEpoch(), "a batch of 10 stays 10 when n grows");
        m.reset();
        assertEquals(100, m.quantity("n"));
        assertEquals(0, m.quantity("w"));
        assertEquals(200, m.quantity("epochs"));
    }
}
