package org.dlmathlab.labs.splits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlmathlab.math.data.ThreeWaySplit;
import org.dlmathlab.math.selection.CurveSource;
import org.junit.jupiter.api.Test;

class SplitsModelTest {

    @Test
    void theSplitSizesAddUpAndFollowThePercentages() {
        SplitsModel m = new SplitsModel();
        assertEquals(24, m.quantity("n_train"));
        assertEquals(8, m.quantity("n_val"));
        assertEquals(8, m.quantity("n_test"));
        for (int n = 10; n <= 200; n += 13) {
            m.setParameter("n", n);
            assertEquals(n, m.quantity("n_train") + m.quantity("n_val") + m.quantity("n_test"));
            assertEquals(Math.round(0.6 * n), m.quantity("n_train"), 1);
        }
        m.setParameter("n", 50);
        m.setSplit(70, 10);
        assertEquals(35, m.quantity("n_train"));
        assertEquals(5, m.quantity("n_val"));
        assertEquals(10, m.quantity("n_test"));
        assertEquals(20, m.quantity("test_pct"), 1e-12);
    }

    @Test
    void aSplitWithAnEmptyPartIsRefusedBySetSplitAndChangesNothing() {
        SplitsModel m = new SplitsModel();
        double before = m.quantity("test_error");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setSplit(85, 15));
        assertTrue(e.getMessage().contains("nothing for the test part"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.setSplit(60, 1));
        assertTrue(e.getMessage().contains("validation part gets no point"), e.getMessage());
        assertEquals(60, m.quantity("train_pct"));
        assertEquals(20, m.quantity("val_pct"));
        assertEquals(before, m.quantity("test_error"));
        assertEquals(1, m.quantity("split_ok"));
    }

    @Test
    void parametersMeanTheSameInAnyOrderEvenThroughABadSplit() {
        // A lesson map is unordered: train 80 set before val 10 passes through 80 + 20 = 100 (no test part).
        SplitsModel a = new SplitsModel();
        a.setParameter("train_pct", 80);
        assertEquals(0, a.quantity("split_ok"));
        assertTrue(Double.isNaN(a.quantity("test_error")), "no errors while a part is empty");
        assertTrue(Double.isNaN(a.quantity("optimism")));
        assertEquals(0, a.quantity("n_test"));
        a.setParameter("val_pct", 10);
        SplitsModel b = new SplitsModel();
        b.setParameter("val_pct", 10);
        b.setParameter("train_pct", 80);
        assertEquals(1, a.quantity("split_ok"));
        for (String q : List.of("n_train", "n_val", "n_test", "test_error", "fresh_error", "degree")) {
            assertEquals(b.quantity(q), a.quantity(q), q);
        }
        a.step();
        assertEquals(200, a.quantity("repeats"));
        a.setParameter("train_pct", 95);
        a.step();
        assertEquals(0, a.quantity("repeats"), "no experiment while the split is bad");
    }

    @Test
    void theTunedDegreeFollowsTheSwitchAndTheReadOutsDescribeTheDrawnModel() {
        SplitsModel m = new SplitsModel();
        assertEquals(1, m.quantity("auto_degree"));
        assertEquals(5, m.quantity("degree"), "seed 6: validation picks degree 5");
        assertEquals(5, m.quantity("best_val_degree"));
        assertEquals(7, m.quantity("best_test_degree"));
        double honestReport = m.quantity("reported_error");
        double honestOptimism = m.quantity("optimism");
        m.setParameter("tuned_on_test", 1);
        assertEquals(7, m.quantity("degree"));
        assertEquals(7, m.quantity("best_degree"));
        assertTrue(m.quantity("reported_error") < honestReport, "the test-tuned score looks better");
        assertTrue(m.quantity("optimism") > honestOptimism + 0.05, "and is more optimistic");
        for (String mode : List.of("0", "1")) {
            m.setParameter("tuned_on_test", Double.parseDouble(mode));
            assertEquals(m.quantity("test_error"), m.quantity("reported_error"));
            assertEquals(m.quantity("fresh_error") - m.quantity("reported_error"), m.quantity("optimism"), 1e-15);
        }
        // By hand: the degree parameter rules, whatever the tuning picks.
        m.setParameter("auto_degree", 0);
        m.setParameter("degree", 12);
        assertEquals(12, m.quantity("degree"));
        assertTrue(m.quantity("train_error") < m.quantity("fresh_error"), "degree 12 overfits");
        assertEquals(m.shownFit().mse(m.run().fresh().x(), m.run().fresh().y()), m.quantity("fresh_error"), 1e-15);
    }

    @Test
    void theModelIsFittedOnTheTrainingPartOnly() {
        SplitsModel m = new SplitsModel();
        m.setParameter("auto_degree", 0);
        m.setParameter("degree", 4);
        ThreeWaySplit split = m.run().split();
        CurveSource.Sample train = m.run().part(ThreeWaySplit.Part.TRAIN);
        // Refit on the training points alone: the drawn curve is that fit.
        var alone = org.dlmathlab.math.regression.PolynomialFit.fit(train.x(), train.y(), 4, 0);
        for (double x = -3; x <= 3; x += 0.5) {
            assertEquals(alone.value(x), m.shownFit().value(x), 1e-12);
        }
        // Growing the test part at the expense of validation moves no training point, so the curve stays.
        double curveBefore = m.shownFit().value(0.7);
        double trainErrorBefore = m.quantity("train_error");
        m.setSplit(60, 10);
        assertEquals(curveBefore, m.shownFit().value(0.7), 0);
        assertEquals(trainErrorBefore, m.quantity("train_error"), 0);
        assertEquals(split.trainSize(), m.quantity("n_train"));
    }

    @Test
    void theFreshSampleEstimatesTheExactExpectedError() {
        SplitsModel m = new SplitsModel();
        double expected = m.quantity("true_error");
        assertTrue(expected > m.quantity("noise_floor"), "no model beats the noise floor on endless data");
        assertEquals(0.09, m.quantity("noise_floor"), 1e-15);
        double fresh0 = m.quantity("fresh_error");
        m.drawFresh();
        assertEquals(1, m.quantity("fresh_draw"));
        double fresh1 = m.quantity("fresh_error");
        assertTrue(fresh0 != fresh1, "another fresh sample, another estimate");
        assertEquals(expected, fresh0, 0.15 * expected);
        assertEquals(expected, fresh1, 0.15 * expected);
        assertEquals(expected, m.quantity("true_error"), 0, "the exact value does not depend on the sample");
    }

    @Test
    void theRepeatedExperimentShowsTuningOnTheTestSetIsOptimisticAndIsForgottenWhenTheDataChange() {
        SplitsModel m = new SplitsModel();
        assertEquals(0, m.quantity("repeats"));
        assertTrue(Double.isNaN(m.quantity("mean_optimism_test")));
        m.step();
        assertEquals(200, m.quantity("repeats"));
        double honest = m.quantity("mean_optimism_val");
        double onTest = m.quantity("mean_optimism_test");
        assertTrue(onTest > honest + 0.05, onTest + " vs " + honest);
        assertTrue(Math.abs(honest) < 3 * m.quantity("se_optimism_val"));
        assertEquals(m.quantity("mean_fresh_test") - m.quantity("mean_reported_test"), onTest, 1e-12);
        // Changing the degree or the switch keeps it (both procedures were run); changing the data does not.
        m.setParameter("tuned_on_test", 1);
        m.setParameter("degree", 2);
        assertEquals(200, m.quantity("repeats"));
        m.setParameter("noise", 0.5);
        assertEquals(0, m.quantity("repeats"));
        assertTrue(Double.isNaN(m.quantity("mean_optimism_val")));
    }

    @Test
    void resetReturnsToTheLessonsStartAndBadValuesAreRefused() {
        SplitsModel m = new SplitsModel();
        Map<String, Double> start = new LinkedHashMap<>();
        start.put("n", 60.0);
        start.put("auto_degree", 0.0);
        start.put("degree", 2.0);
        m.setDefaults(start);
        m.setParameter("degree", 9);
        m.setParameter("seed", 11);
        m.step();
        m.reset();
        assertEquals(60, m.quantity("n"));
        assertEquals(2, m.quantity("degree"));
        assertEquals(6, m.quantity("seed"));
        assertEquals(0, m.quantity("repeats"));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("degree", 2.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("degree", 13));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("n", 5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("noise", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("tuned_on_test", 0.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("lambda", 1));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("nope", 1.0)));
        assertEquals(2, m.quantity("degree"), "refused values change nothing");
    }

    @Test
    void everyQuantityIsDefinedAndTheExportHasThePointsAndErrors() {
        SplitsModel m = new SplitsModel();
        m.step();
        for (String q : m.quantityNames()) {
            assertFalse(Double.isNaN(m.quantity(q)), q + " is NaN at the start");
        }
        var series = m.dataSeries();
        assertEquals(40, series.get("points").rows().size());
        assertEquals(12, series.get("errors").rows().size());
        assertEquals(200, series.get("repeats").rows().size());
        assertEquals(m.quantity("test_error"), series.get("errors").rows().get(4)[3], 0, "degree 5's test error");
    }
}
