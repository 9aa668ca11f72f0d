package org.dlmathlab.labs.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;

class LossesModelTest {

    private final LossesModel model = new LossesModel();

    private double q(String name) {
        return model.quantity(name);
    }

    @Test
    void regressionLossesAndSlopesMatchClosedForms() {
        model.setParameter("kind", 0);
        for (double p = -4; p <= 6; p += 0.37) {
            model.setParameter("p", p);
            model.setParameter("y", 1.5);
            assertEquals((p - 1.5) * (p - 1.5), q("loss"), 1e-12, "MSE at " + p);
            assertEquals(2 * (p - 1.5), q("grad"), 1e-12);
        }
        model.setParameter("kind", 1);
        model.setParameter("p", -2);
        assertEquals(3.5, q("loss"), 1e-12);
        assertEquals(-1, q("grad"), 0, "MAE's slope is -1 left of the target");
        model.setParameter("p", 9);
        assertEquals(1, q("grad"), 0, "and +1 right of it, however far");
        model.setParameter("p", 1.5);
        assertEquals(0, q("grad"), 0, "the corner uses the subgradient 0");
        assertEquals(model.quantity("loss"), q("exact_loss"), 0);
        assertEquals(0, q("clipped"));
    }

    @Test
    void gradientSignFlipsAcrossTheTargetAndMatchesDifferences() {
        for (int kind = 0; kind <= 1; kind++) {
            model.setParameter("kind", kind);
            model.setParameter("y", 2);
            model.setParameter("p", 1.9);
            assertTrue(q("grad") < 0, "left of the target: raise p");
            model.setParameter("p", 2.1);
            assertTrue(q("grad") > 0, "right of the target: lower p");
        }
        model.setParameter("kind", 2);
        for (double p : new double[]{0.05, 0.3, 0.7, 0.95}) {
            for (int label = 0; label <= 1; label++) {
                model.setParameter("pb", p);
                model.setParameter("yb", label);
                double h = 1e-6;
                double numeric = (model.curve(p + h) - model.curve(p - h)) / (2 * h);
                assertEquals(numeric, q("grad"), 1e-5 * Math.max(1, Math.abs(numeric)), "BCE slope at " + p);
                assertEquals(label == 1 ? -Math.log(p) : -Math.log(1 - p), q("loss"), 1e-12);
            }
        }
    }

    @Test
    void categoricalCrossEntropyFollowsTheSoftmax() {
        model.setParameter("kind", 3);
        model.setParameter("z1", 1);
        model.setParameter("z2", 2);
        model.setParameter("z3", 0.5);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(0.5);
        for (int c = 1; c <= 3; c++) {
            model.setParameter("true_class", c);
            double pc = Math.exp(new double[]{1, 2, 0.5}[c - 1]) / sum;
            assertEquals(pc, q("p_true"), 1e-12);
            assertEquals(pc, q("p"), 1e-12, "p is the true class's probability in CCE");
            assertEquals(1, q("y"), 0);
            assertEquals(-Math.log(pc), q("loss"), 1e-12);
            assertEquals(-1 / pc, q("grad"), 1e-9);
            assertEquals(q("p" + c) - 1, q("dz" + c), 1e-12, "dL/dz = p - onehot");
        }
        assertEquals(1, q("p1") + q("p2") + q("p3"), 1e-12);
        assertEquals(0, q("dz1") + q("dz2") + q("dz3"), 1e-12);
    }

    @Test
    void crossEntropyNearZeroStaysFiniteAndSaysItIsClipped() {
        model.setParameter("kind", 3);
        model.setParameter("true_class", 1);
        model.setParameter("z1", -25);
        model.setParameter("z2", 25);
        model.setParameter("z3", 0);
        assertTrue(q("p_true") < 1e-21, "p_true ~ 2e-22");
        assertEquals(15 * Math.log(10), q("loss"), 1e-9, "capped at -ln 1e-15 = 34.54 nats");
        assertEquals(1, q("clipped"));
        assertEquals(50, q("exact_loss"), 1e-6, "the unclipped value, from the logits");
        assertTrue(Double.isFinite(q("grad")), "dL/dp is huge but finite: " + q("grad"));
        assertEquals(-1, q("dz1"), 1e-12, "the logit gradient stays bounded");
        assertEquals(1, q("dz2"), 1e-10);

        model.setParameter("kind", 2);
        model.setParameter("yb", 1);
        model.setParameter("pb", 0);
        assertEquals(15 * Math.log(10), q("loss"), 1e-9, "BCE at p = 0 with y = 1: the same ceiling");
        assertEquals(1, q("clipped"));
        assertEquals(Double.POSITIVE_INFINITY, q("exact_loss"), "-ln 0 unclipped");
        assertTrue(Double.isFinite(q("grad")));
        model.setParameter("pb", 0.001);
        assertEquals(0, q("clipped"));
    }

    @Test
    void draggingTheCrossEntropyPointSetsTheTrueLogit() {
        model.setParameter("kind", 3);
        model.setParameter("true_class", 2);
        model.movePrediction(0.9);
        assertEquals(0.9, q("p_true"), 1e-12);
        assertEquals(1, q("z1"), 0, "the other logits stay");
        model.movePrediction(0);
        assertTrue(q("p_true") < 1e-5, "pushed to the low end, within the logit limit");
        assertTrue(q("z2") >= -LossesModel.LOGIT_LIMIT);
        model.setParameter("kind", 2);
        model.movePrediction(1.7);
        assertEquals(1, q("pb"), 0, "a probability is clamped to [0, 1]");
        model.setParameter("kind", 0);
        model.movePrediction(-40);
        assertEquals(-LossesModel.VALUE_LIMIT, q("p"), 0);
    }

    @Test
    void theBestConstantsAreTheArgminsOfTheLossesOverC() {
        // Odd count (5 points), then even (6 with the outlier), then an even count without one (4 points).
        for (Map<String, Double> setting : new Map[]{Map.of("n", 5.0, "outlier", 0.0),
                Map.of("n", 5.0, "outlier", 1.0), Map.of("n", 4.0, "outlier", 0.0)}) {
            setting.forEach(model::setParameter);
            double bestMse = Double.POSITIVE_INFINITY;
            double argMse = Double.NaN;
            double bestMae = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= 3000; i++) {
                double c = i * 0.01;
                model.setParameter("c", c);
                if (q("mse") < bestMse) {
                    bestMse = q("mse");
                    argMse = c;
                }
                bestMae = Math.min(bestMae, q("mae"));
            }
            assertEquals(q("mse_best"), argMse, 0.0051, "MSE's argmin is the mean " + setting);
            assertEquals(StatUtils.mean(model.data()), q("mse_best"), 1e-12);
            assertEquals(new Median().evaluate(model.data()), q("mae_best"), 1e-12);
            model.setParameter("c", q("mae_best"));
            assertEquals(bestMae, q("mae"), 1e-9, "MAE's minimum is reached at the median " + setting);
            model.setParameter("c", q("mse_best"));
            assertEquals(0, q("mse_grad"), 1e-12);
        }
    }

    @Test
    void anOutlierMovesTheMeanByItsShareAndTheMedianByAtMostOnePosition() {
        double[] before = model.data();
        double mean = q("mse_best");
        double median = q("mae_best");
        assertEquals(3.6, mean, 1e-12);
        assertEquals(3.5, median, 1e-12);
        assertEquals(5, q("n_points"));
        model.setOutlier(true);
        assertEquals(6, q("n_points"));
        assertEquals(1, q("outlier"));
        assertEquals((20 - mean) / 6, q("mse_best") - mean, 1e-12, "(outlier - mean) / (n + 1)");
        double[] sorted = before.clone();
        Arrays.sort(sorted);
        assertTrue(q("mae_best") >= median && q("mae_best") <= sorted[3], "between the old median and the next value");
        assertEquals(3.75, q("mae_best"), 1e-12);
        double meanShift = q("mse_best") - mean;
        double medianShift = q("mae_best") - median;
        assertTrue(meanShift > 10 * medianShift, meanShift + " vs " + medianShift);

        // Farther away: the mean keeps following, the median does not move at all.
        model.setParameter("outlier_y", 50);
        assertEquals((50 - mean) / 6, q("mse_best") - mean, 1e-12);
        assertEquals(3.75, q("mae_best"), 1e-12);
    }

    @Test
    void movingPointsAndTheOutlierByIndex() {
        model.movePoint(0, 4.26);
        assertEquals(4.26, q("y1"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> model.movePoint(5, 1), "no outlier yet");
        model.setOutlier(true);
        model.movePoint(5, 99);
        assertEquals(LossesModel.DATA_LIMIT, q("outlier_y"), 0, "clamped");
        assertTrue(Double.isNaN(q("y6")), "beyond n there is no point");
    }

    @Test
    void parametersAreCheckedAndResetReturnsToTheLessonStart() {
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("kind", 4));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("kind", 1.5));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("pb", 1.01));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("z2", 26));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("n", 9));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("y", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("w", 1));
        assertThrows(IllegalArgumentException.class, () -> model.quantity("nope"));

        model.setDefaults(Map.of("kind", 2.0, "pb", 0.8, "c", 3.0));
        assertEquals(2, q("kind"));
        model.setParameter("kind", 0);
        model.setParameter("c", 7);
        model.setOutlier(true);
        AtomicInteger heard = new AtomicInteger();
        model.changes().addListener(o -> heard.incrementAndGet());
        model.reset();
        assertEquals(1, heard.get(), "a reset is heard once");
        assertEquals(2, q("kind"));
        assertEquals(0.8, q("p"), 0, "BCE shows pb as its prediction");
        assertEquals(3, q("c"));
        assertFalse(model.hasOutlier());
        for (String name : model.quantityNames()) {
            if (!name.matches("y[6-8]")) {
                assertFalse(Double.isNaN(q(name)), name + " is defined");
            }
        }
    }

    @Test
    void eachKindKeepsItsOwnParametersSoOrderDoesNotMatter() {
        LossesModel a = new LossesModel();
        a.setParameter("p", 3);
        a.setParameter("kind", 1);
        LossesModel b = new LossesModel();
        b.setParameter("kind", 1);
        b.setParameter("p", 3);
        assertEquals(a.quantities(), b.quantities());
    }
}
