package org.dlmathlab.labs.overfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.dlmathlab.math.regression.NoisyCurve;
import org.junit.jupiter.api.Test;

/** The overfit lab's numbers: the fit, the U shape and each remedy closing the gap (all seeded). */
class OverfitModelTest {

    private static OverfitModel model(Map<String, Double> params) {
        OverfitModel m = new OverfitModel();
        m.setDefaults(params);
        return m;
    }

    @Test
    void theFitIsOrdinaryLeastSquaresAsCommonsMathComputesIt() {
        OverfitModel m = model(Map.of("n", 30.0, "degree", 4.0, "seed", 8.0));
        NoisyCurve c = m.data();
        double[] xs = c.trainX();
        double[][] powers = new double[xs.length][4];
        for (int i = 0; i < xs.length; i++) {
            for (int k = 0; k < 4; k++) {
                powers[i][k] = Math.pow(xs[i], k + 1);
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(c.trainY(), powers);
        double[] beta = ols.estimateRegressionParameters();
        double sse = 0;
        for (int i = 0; i < xs.length; i++) {
            double p = beta[0];
            for (int k = 0; k < 4; k++) {
                p += beta[k + 1] * powers[i][k];
            }
            assertEquals(p, m.fit().value(xs[i]), 1e-9);
            sse += (p - c.trainY()[i]) * (p - c.trainY()[i]);
        }
        assertEquals(sse / xs.length, m.quantity("train_error"), 1e-12);
        assertEquals(m.quantity("val_error") - m.quantity("train_error"), m.quantity("gap"), 1e-15);
    }

    @Test
    void trainingErrorNeverRisesWithTheDegree() {
        OverfitModel m = model(Map.of("n", 40.0, "seed", 3.0));
        double previous = Double.POSITIVE_INFINITY;
        for (int d = 1; d <= OverfitModel.MAX_DEGREE; d++) {
            double e = m.trainError(d);
            assertTrue(e <= previous * (1 + 1e-9) + 1e-12, "degree " + d + ": " + e + " after " + previous);
            previous = e;
        }
    }

    @Test
    void theValidationErrorMakesAUWithTheBestDegreeInTheMiddle() {
        OverfitModel m = model(Map.of());
        int best = m.bestDegree();
        assertEquals(5, best, "the lesson's draw");
        assertEquals(best, m.quantity("best_degree"));
        assertTrue(m.valError(15) > 5 * m.valError(best), "degree 15 on 10 points: " + m.valError(15));
        assertTrue(m.valError(1) > 2 * m.valError(best), "degree 1 underfits: " + m.valError(1));
        assertTrue(m.trainError(9) < 1e-12, "10 coefficients through 10 points");
    }

    @Test
    void anL2PenaltyTamesDegreeFifteenOnTenPoints() {
        OverfitModel m = model(Map.of("degree", 15.0));
        double val = m.quantity("val_error");
        double size = m.quantity("coef_norm");
        m.setParameter("lambda", 0.01);
        assertTrue(m.quantity("val_error") < 0.2 * val, m.quantity("val_error") + " vs " + val);
        assertTrue(m.quantity("coef_norm") < 0.1 * size, "coefficients shrink: " + m.quantity("coef_norm"));
        m.setParameter("remedy", 2);
        assertTrue(m.quantity("gap") < m.quantity("base_gap"), "the caption's before and after");
        double previous = Double.POSITIVE_INFINITY;
        for (double lambda : new double[]{1e-6, 1e-4, 1e-2, 1, 10}) {
            m.setParameter("lambda", lambda);
            assertTrue(m.quantity("coef_norm") < previous, "more penalty, smaller coefficients");
            previous = m.quantity("coef_norm");
        }
    }

    @Test
    void moreDataClosesTheGap() {
        OverfitModel m = model(Map.of("degree", 15.0, "remedy", 1.0));
        double small = m.quantity("gap");
        m.setParameter("n", 100);
        assertTrue(m.quantity("gap") < 0.05 * small, m.quantity("gap") + " vs " + small);
        assertEquals(small, m.quantity("base_gap"), 1e-12, "compared with the lesson's n");
        m.setParameter("n", 200);
        assertTrue(m.quantity("gap") < 0.01);
    }

    @Test
    void earlyStoppingQuantitiesFollowTheRun() {
        OverfitModel m = model(Map.of("degree", 9.0));
        assertTrue(Double.isNaN(m.quantity("best_epoch")), "only with that remedy chosen");
        m.setParameter("remedy", 3);
        int best = (int) m.quantity("best_epoch");
        m.setParameter("epoch", best);
        assertEquals(m.run().valError(best), m.quantity("es_val_error"));
        assertTrue(m.quantity("es_gap") < m.quantity("final_gap") / 3);
        assertEquals(best + 50, m.quantity("stop_epoch"));
        // Steps walk through the run and stop at its end.
        m.restartRun();
        int steps = 0;
        while (m.canContinue()) {
            m.step();
            steps++;
        }
        assertEquals(OverfitModel.STEPS_PER_RUN, steps);
        assertEquals(1000, m.quantity("epoch"));
        // epoch beyond epochs counts as the last one, whatever the order of setting.
        m.setParameter("epoch", 5000);
        m.setParameter("epochs", 2000);
        assertEquals(2000, m.quantity("epoch"));
    }

    @Test
    void dropoutClosesTheNetworksGap() {
        OverfitModel m = model(Map.of("remedy", 4.0, "dropout", 0.2));
        double plain = m.quantity("plain_gap");
        double dropped = m.quantity("net_gap");
        assertTrue(plain > 0.08, "50 units memorise 10 points: " + plain);
        assertTrue(dropped < plain / 2, dropped + " vs " + plain);
        m.setParameter("dropout", 0);
        assertEquals(plain, m.quantity("net_gap"), 1e-12, "p = 0 is the plain network");
    }

    @Test
    void badValuesAreRefusedWithAReasonAndResetReturnsToTheStart() {
        OverfitModel m = model(Map.of("degree", 4.0));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("degree", 16));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("degree", 2.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("n", 4));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("lambda", 1e-9));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("sigma", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("volume", 1));
        assertThrows(IllegalArgumentException.class, () -> m.quantity("volume"));
        m.setParameter("degree", 12);
        m.setParameter("lambda", 0.5);
        m.reset();
        assertEquals(4, m.quantity("degree"));
        assertEquals(0, m.quantity("lambda"));
        for (String q : m.quantityNames()) {
            double v = m.quantity(q);
            assertTrue(Double.isNaN(v) || Double.isFinite(v), q);
        }
        assertEquals(15, m.dataSeries().get("errors").rows().size());
    }
}
