package org.dlmathlab.math.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.dlmathlab.math.data.ThreeWaySplit;
import org.junit.jupiter.api.Test;

class DegreeSweepTest {

    private static HoldoutRun run(long seed) {
        return HoldoutRun.of(40, 0.3, 0.6, 0.2, seed, 0, HoldoutRun.FRESH_SIZE, DegreeSweep.MAX_DEGREE);
    }

    @Test
    void everyFitIsOrdinaryLeastSquaresOnTheTrainingPointsAlone() {
        HoldoutRun run = run(6);
        CurveSource.Sample train = run.part(ThreeWaySplit.Part.TRAIN);
        for (int d : new int[]{1, 3, 5}) {
            // Commons Math's OLS on the columns x, x^2, ..., x^d (with intercept) must give the same curve.
            double[][] design = new double[train.size()][d];
            for (int i = 0; i < train.size(); i++) {
                for (int k = 0; k < d; k++) {
                    design[i][k] = Math.pow(train.x()[i], k + 1);
                }
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(train.y(), design);
            double[] beta = ols.estimateRegressionParameters();
            for (double x = -3; x <= 3; x += 0.25) {
                double p = beta[0];
                for (int k = 0; k < d; k++) {
                    p += beta[k + 1] * Math.pow(x, k + 1);
                }
                assertEquals(p, run.sweep().fit(d).value(x), 1e-8, "degree " + d + " at x = " + x);
            }
        }
    }

    @Test
    void changingATestOrValidationPointDoesNotChangeTheFit() {
        HoldoutRun run = run(6);
        CurveSource.Sample train = run.part(ThreeWaySplit.Part.TRAIN);
        CurveSource.Sample val = run.part(ThreeWaySplit.Part.VALIDATION);
        CurveSource.Sample test = run.part(ThreeWaySplit.Part.TEST);
        DegreeSweep before = DegreeSweep.run(train, val, test, run.fresh(), 12);
        double[] testY = test.y().clone();
        testY[0] += 5;
        double[] valY = val.y().clone();
        valY[2] -= 3;
        DegreeSweep after = DegreeSweep.run(train, new CurveSource.Sample(val.x(), valY),
                new CurveSource.Sample(test.x(), testY), run.fresh(), 12);
        for (int d = 1; d <= 12; d++) {
            for (double x = -3; x <= 3; x += 0.5) {
                assertEquals(before.fit(d).value(x), after.fit(d).value(x), 0, "the fit ignores held-out points");
            }
            assertEquals(before.trainError(d), after.trainError(d), 0);
            assertNotEquals(before.testError(d), after.testError(d), "the test error does see the test point");
        }
        // A training point, on the other hand, moves the curve.
        double[] trainY = train.y().clone();
        trainY[0] += 1;
        DegreeSweep moved = DegreeSweep.run(new CurveSource.Sample(train.x(), trainY), val, test, run.fresh(), 12);
        assertNotEquals(before.fit(3).value(0.5), moved.fit(3).value(0.5));
    }

    @Test
    void theErrorsAreMeanSquaredErrorsAndTheTrainingErrorNeverRisesWithTheDegree() {
        HoldoutRun run = run(6);
        DegreeSweep sweep = run.sweep();
        CurveSource.Sample test = run.part(ThreeWaySplit.Part.TEST);
        double mse = 0;
        for (int i = 0; i < test.size(); i++) {
            double e = sweep.fit(4).value(test.x()[i]) - test.y()[i];
            mse += e * e / test.size();
        }
        assertEquals(mse, sweep.testError(4), 1e-12);
        for (int d = 2; d <= 12; d++) {
            // Nested models: a higher degree can always reproduce a lower one, so least squares never does worse.
            assertTrue(sweep.trainError(d) <= sweep.trainError(d - 1) + 1e-9, "degree " + d);
        }
    }

    @Test
    void tuningPicksTheSmallestErrorOfThePartItLooksAt() {
        DegreeSweep sweep = run(6).sweep();
        int dv = sweep.bestByValidation();
        int dt = sweep.bestByTest();
        for (int d = 1; d <= 12; d++) {
            assertTrue(sweep.validationError(dv) <= sweep.validationError(d));
            assertTrue(sweep.testError(dt) <= sweep.testError(d));
        }
        assertEquals(5, dv, "seed 6, the lesson's data set");
        assertEquals(7, dt);
        assertEquals(dt, sweep.best(true));
        assertEquals(dv, sweep.best(false));
        assertTrue(sweep.testError(dt) < sweep.testError(dv), "tuning on the test set reports a better score...");
        assertTrue(sweep.freshError(dt) > sweep.freshError(dv), "...for a model that does worse on fresh data");
    }
}
