package org.dlmathlab.math.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dlmathlab.math.expr.Expression;
import org.junit.jupiter.api.Test;

class Descent1DTest {

    private static Descent1D onSquare(double lr) {
        return new Descent1D(Functions1.SQUARE, lr, 3);
    }

    private static void assertAllFinite(List<Double> history) {
        for (double x : history) {
            assertTrue(Double.isFinite(x), () -> "non-finite value in " + history);
        }
    }

    @Test
    void smallRateConvergesAlongTheClosedForm() {
        // f = x^2, f' = 2x: x_(k+1) = x_k - 0.1 * 2 x_k = 0.8 x_k.
        Descent1D descent = onSquare(0.1);
        for (int k = 1; k <= 30; k++) {
            assertTrue(descent.step());
            assertEquals(3 * Math.pow(0.8, k), descent.x(), 1e-12);
        }
        assertEquals(Regime.CONVERGING, descent.regime());
        assertEquals(31, descent.history().size());
        assertEquals(30, descent.stepCount());
    }

    @Test
    void rateAboveOneOverCurvatureOscillates() {
        // x_(k+1) = (1 - 0.9 * 2) x_k = -0.8 x_k
        Descent1D descent = onSquare(0.9);
        for (int k = 1; k <= 20; k++) {
            descent.step();
            assertEquals(3 * Math.pow(-0.8, k), descent.x(), 1e-12);
        }
        assertEquals(Regime.OSCILLATING, descent.regime());
    }

    @Test
    void rateOfExactlyTwoOverCurvatureBouncesForever() {
        Descent1D descent = onSquare(1.0);
        for (int k = 1; k <= 50; k++) {
            descent.step();
            assertEquals(k % 2 == 0 ? 3 : -3, descent.x(), 0);
        }
        assertEquals(Regime.OSCILLATING, descent.regime());
        assertFalse(descent.diverged());
    }

    @Test
    void rateAboveTwoOverCurvatureDivergesAndStopsCleanly() {
        Descent1D descent = onSquare(1.1);
        for (int k = 0; k < 5; k++) {
            descent.step();
        }
        assertEquals(Regime.DIVERGING, descent.regime());
        int taken = descent.step(200);
        assertTrue(descent.diverged(), "|x| grows by 1.2 per step and passes 1e6 after about 70 steps");
        assertTrue(taken < 200);
        assertEquals(Regime.DIVERGING, descent.regime());
        assertAllFinite(descent.history());
        assertTrue(descent.history().stream().allMatch(x -> Math.abs(x) <= Descent1D.LIMIT));
        double last = descent.x();
        assertFalse(descent.step(), "a diverged walk refuses further steps");
        assertEquals(last, descent.x());
        assertEquals(descent.stepCount() + 1, descent.history().size());
    }

    @Test
    void tinyRateIsTooSlow() {
        Descent1D descent = onSquare(1e-4);
        descent.step(20);
        assertEquals(Regime.TOO_SLOW, descent.regime());
    }

    @Test
    void shiftedQuadraticConvergesToTwoThirds() {
        Descent1D descent = new Descent1D(Functions1.QUADRATIC, 0.1);
        descent.step(200);
        assertEquals(2.0 / 3, descent.x(), 1e-10);
        assertEquals(Regime.CONVERGED, descent.regime());
    }

    @Test
    void doubleWellFromTheRightSettlesInTheLocalValley() {
        Descent1D descent = new Descent1D(Functions1.DOUBLE_WELL, 0.01);
        descent.step(5000);
        assertEquals(1.1309011, descent.x(), 1e-6);
        assertEquals(Regime.CONVERGED, descent.regime());
    }

    @Test
    void regimeBeforeTwoStepsIsConverging() {
        Descent1D descent = onSquare(1.5);
        assertEquals(Regime.CONVERGING, descent.regime());
        descent.step();
        assertEquals(Regime.CONVERGING, descent.regime());
        descent.step();
        assertEquals(Regime.DIVERGING, descent.regime());
    }

    @Test
    void resetStartsOver() {
        Descent1D descent = onSquare(1.1);
        descent.step(300);
        assertTrue(descent.diverged());
        descent.reset(-2);
        assertFalse(descent.diverged());
        assertEquals(List.of(-2.0), descent.history());
        assertEquals(0, descent.stepCount());
        descent.setLearningRate(0.1);
        descent.step();
        assertEquals(-1.6, descent.x(), 1e-15);
    }

    @Test
    void historyIsCappedButKeepsStartAndCurrentPoint() {
        Descent1D descent = onSquare(1e-6);
        descent.step(Descent1D.MAX_HISTORY + 10);
        assertEquals(Descent1D.MAX_HISTORY + 10, descent.stepCount());
        assertEquals(Descent1D.MAX_HISTORY, descent.history().size());
        assertEquals(3.0, descent.history().get(0));
        assertEquals(descent.x(), descent.history().get(Descent1D.MAX_HISTORY - 1));
    }

    @Test
    void undefinedRegionOfATypedFormulaStopsTheWalk() {
        Function1 log = Function1.typed(Expression.parse("ln(x)", "x"));
        Descent1D outside = new Descent1D(log, 0.1, -1);
        assertTrue(outside.diverged());
        assertFalse(outside.step());
        // ln has no minimum: descent runs towards 0 and steps past it into NaN, which must not be recorded.
        Descent1D inside = new Descent1D(log, 1, 0.5);
        inside.step(100);
        assertTrue(inside.diverged());
        assertAllFinite(inside.history());
    }

    @Test
    void closedFormRegimesOfAQuadratic() {
        // f = (a/2) x^2 with a = 2 (that is x^2): factor 1 - 2 eta.
        assertEquals(Regime.TOO_SLOW, Descent1D.classifyQuadratic(1e-4, 2));
        assertEquals(Regime.CONVERGING, Descent1D.classifyQuadratic(0.1, 2));
        assertEquals(Regime.CONVERGING, Descent1D.classifyQuadratic(0.5, 2));
        assertEquals(Regime.OSCILLATING, Descent1D.classifyQuadratic(0.9, 2));
        assertEquals(Regime.OSCILLATING, Descent1D.classifyQuadratic(1.0, 2));
        assertEquals(Regime.DIVERGING, Descent1D.classifyQuadratic(1.1, 2));
        assertEquals(Regime.DIVERGING, Descent1D.classifyQuadratic(0.1, -1));
        assertEquals(Regime.CONVERGED, Descent1D.classifyQuadratic(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> Descent1D.classifyQuadratic(0, 2));
    }

    @Test
    void observedRegimeAgreesWithTheClosedForm() {
        for (double lr : new double[]{1e-4, 0.003, 0.1, 0.4, 0.6, 0.9, 1.0, 1.05, 1.3}) {
            Descent1D descent = onSquare(lr);
            descent.step(10);
            assertEquals(Descent1D.classifyQuadratic(lr, 2), descent.regime(), "lr " + lr);
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> onSquare(0));
        assertThrows(IllegalArgumentException.class, () -> onSquare(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Descent1D(Functions1.SQUARE, 0.1, Double.NaN));
    }
}
