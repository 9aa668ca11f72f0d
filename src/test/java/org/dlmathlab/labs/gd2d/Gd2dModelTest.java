package org.dlmathlab.labs.gd2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.math.expr.ExpressionException;
import org.junit.jupiter.api.Test;

class Gd2dModelTest {

    /** The valley f = 0.1 x^2 + 2 y^2 has gradient (0.2 x, 4 y): the two coordinates differ, as a test should. */
    private static double[] valleyGradient(double x, double y) {
        return new double[]{0.2 * x, 4 * y};
    }

    private static Gd2dModel valley(double x0, double y0, double lr) {
        Gd2dModel m = new Gd2dModel();
        Map<String, Double> params = new HashMap<>(Map.of("preset", 1.0, "x0", x0, "y0", y0));
        for (String name : Gd2dModel.OPTIMIZERS) {
            params.put("lr_" + name, lr);
        }
        m.setDefaults(params);
        return m;
    }

    @Test
    void twoStepsOfEachOptimiserFollowTheUpdateRulesWrittenOut() {
        double lr = 0.1;
        double x0 = -4;
        double y0 = 1;
        Gd2dModel m = valley(x0, y0, lr);
        m.step();
        m.step();

        // Plain descent: theta <- theta - lr g, twice.
        double[] g = valleyGradient(x0, y0);
        double gx1 = x0 - lr * g[0];
        double gy1 = y0 - lr * g[1];
        g = valleyGradient(gx1, gy1);
        assertEquals(gx1 - lr * g[0], m.quantity("x_gd"), 1e-12);
        assertEquals(gy1 - lr * g[1], m.quantity("y_gd"), 1e-12);

        // Momentum: v <- 0.9 v + g; theta <- theta - lr v, from v = 0.
        g = valleyGradient(x0, y0);
        double vx = g[0];
        double vy = g[1];
        double mx1 = x0 - lr * vx;
        double my1 = y0 - lr * vy;
        g = valleyGradient(mx1, my1);
        vx = 0.9 * vx + g[0];
        vy = 0.9 * vy + g[1];
        assertEquals(mx1 - lr * vx, m.quantity("x_momentum"), 1e-12);
        assertEquals(my1 - lr * vy, m.quantity("y_momentum"), 1e-12);

        // RMSProp: s <- 0.9 s + 0.1 g^2; theta <- theta - lr g / (sqrt(s) + 1e-8), from s = 0.
        g = valleyGradient(x0, y0);
        double sx = 0.1 * g[0] * g[0];
        double sy = 0.1 * g[1] * g[1];
        double rx1 = x0 - lr * g[0] / (Math.sqrt(sx) + 1e-8);
        double ry1 = y0 - lr * g[1] / (Math.sqrt(sy) + 1e-8);
        g = valleyGradient(rx1, ry1);
        sx = 0.9 * sx + 0.1 * g[0] * g[0];
        sy = 0.9 * sy + 0.1 * g[1] * g[1];
        assertEquals(rx1 - lr * g[0] / (Math.sqrt(sx) + 1e-8), m.quantity("x_rmsprop"), 1e-12);
        assertEquals(ry1 - lr * g[1] / (Math.sqrt(sy) + 1e-8), m.quantity("y_rmsprop"), 1e-12);

        // Adam with beta1 = 0.9, beta2 = 0.999, eps = 1e-8 and bias correction; its first step is lr sign(g).
        g = valleyGradient(x0, y0);
        double mmx = 0.1 * g[0];
        double mmy = 0.1 * g[1];
        double vvx = 0.001 * g[0] * g[0];
        double vvy = 0.001 * g[1] * g[1];
        double ax1 = x0 - lr * (mmx / 0.1) / (Math.sqrt(vvx / 0.001) + 1e-8);
        double ay1 = y0 - lr * (mmy / 0.1) / (Math.sqrt(vvy / 0.001) + 1e-8);
        assertEquals(x0 + lr, ax1, 1e-8, "first Adam step is lr against the sign of the gradient");
        g = valleyGradient(ax1, ay1);
        mmx = 0.9 * mmx + 0.1 * g[0];
        mmy = 0.9 * mmy + 0.1 * g[1];
        vvx = 0.999 * vvx + 0.001 * g[0] * g[0];
        vvy = 0.999 * vvy + 0.001 * g[1] * g[1];
        double c1 = 1 - 0.9 * 0.9;
        double c2 = 1 - 0.999 * 0.999;
        assertEquals(ax1 - lr * (mmx / c1) / (Math.sqrt(vvx / c2) + 1e-8), m.quantity("x_adam"), 1e-12);
        assertEquals(ay1 - lr * (mmy / c1) / (Math.sqrt(vvy / c2) + 1e-8), m.quantity("y_adam"), 1e-12);

        for (String name : Gd2dModel.OPTIMIZERS) {
            double x = m.quantity("x_" + name);
            double y = m.quantity("y_" + name);
            assertEquals(0.1 * x * x + 2 * y * y, m.quantity("f_" + name), 1e-12, "f_" + name);
        }
        assertEquals(2, m.quantity("step"));
    }

    @Test
    void onTheBowlDescentMomentumAndAdamReachTheMinimum() {
        Gd2dModel m = new Gd2dModel();
        assertEquals(0, m.quantity("preset"));
        assertEquals(2.5, m.quantity("x0"));
        assertEquals(2, m.quantity("y0"));
        for (int i = 0; i < 300; i++) {
            m.step();
        }
        for (String name : List.of("gd", "momentum", "adam")) {
            assertEquals(0, m.quantity("x_" + name), 1e-3, "x_" + name);
            assertEquals(0, m.quantity("y_" + name), 1e-3, "y_" + name);
            assertTrue(m.quantity("f_" + name) < 1e-5, "f_" + name + " = " + m.quantity("f_" + name));
            assertEquals(0, m.quantity("diverged_" + name));
        }
        // RMSProp's steps stay about lr long, so it ends up hopping around the minimum rather than in it.
        assertTrue(m.quantity("f_rmsprop") < 0.01);
        assertEquals(300, m.quantity("step"));
    }

    @Test
    void descentWithRateOneAndAHalfDivergesOnTheBowlAndStaysFinite() {
        Gd2dModel m = new Gd2dModel();
        m.setParameter("lr_gd", 1.5);
        for (int i = 0; i < 50; i++) {
            m.step();
        }
        assertEquals(1, m.quantity("diverged_gd"));
        for (String name : m.quantityNames()) {
            assertTrue(Double.isFinite(m.quantity(name)), name + " = " + m.quantity(name));
        }
        // x <- x - 1.5 (2x) = -2x: the last finite point is 2^k times the start, with |f| still under a million.
        assertEquals(Math.abs(m.quantity("x_gd") / 2.5), Math.abs(m.quantity("y_gd") / 2), 1e-9);
        assertTrue(Math.abs(m.quantity("f_gd")) <= 1e6);
        assertEquals(0, m.quantity("diverged_adam"));
        assertTrue(m.canContinue(), "the others race on");
        assertEquals(50, m.quantity("step"));

        DataTable loss = m.dataSeries().get("loss");
        int diverged = m.path("gd").size();
        assertTrue(Double.isFinite(loss.rows().get(diverged - 1)[1]));
        assertTrue(Double.isNaN(loss.rows().get(diverged)[1]), "no loss is reported after divergence");

        // With only descent racing, the race is over: Play stops and Step changes nothing.
        for (String name : List.of("momentum", "rmsprop", "adam")) {
            m.setParameter("on_" + name, 0);
        }
        assertFalse(m.canContinue());
        m.step();
        assertEquals(50, m.quantity("step"));
    }

    @Test
    void resetReturnsToTheLessonDefaults() {
        Gd2dModel m = new Gd2dModel();
        m.setDefaults(Map.of("preset", 2.0, "lr_adam", 0.02, "on_rmsprop", 0.0));
        Map<String, Double> expected = new LinkedHashMap<>(Gd2dModel.recommended(2));
        expected.put("lr_adam", 0.02);
        expected.put("on_rmsprop", 0.0);
        assertEquals(expected, new LinkedHashMap<>(m.defaults()));
        Map<String, Double> start = m.quantities();

        m.setFormula("x^2 + y^4");
        m.setStart(1, 1);
        m.setParameter("lr_gd", 0.3);
        m.setParameter("on_rmsprop", 1);
        for (int i = 0; i < 10; i++) {
            m.step();
        }
        assertEquals(-1, m.quantity("preset"));
        m.reset();
        assertEquals(start, m.quantities());
        assertEquals(2, m.quantity("preset"));
        assertEquals(-1.5, m.quantity("x0"));
        assertEquals(2, m.quantity("y0"));
        assertEquals(0.02, m.quantity("lr_adam"));
        assertEquals(0.001, m.quantity("lr_gd"));
        assertEquals(0, m.quantity("step"));
        assertEquals(0, m.quantity("on_rmsprop"));
        assertTrue(Double.isNaN(m.quantity("f_rmsprop")), "an optimiser that is off has no position");
        assertEquals(null, m.formula());
    }

    @Test
    void badParametersAreRejectedWithAMessage() {
        Gd2dModel m = new Gd2dModel();
        Map<String, Double> before = m.quantities();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("lr_gd", 0));
        assertTrue(e.getMessage().contains("lr_gd") && e.getMessage().contains("between"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("lr_adam", 11));
        assertTrue(e.getMessage().contains("lr_adam"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("x0", Double.NaN));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("y0", -10.5));
        assertTrue(e.getMessage().contains("y0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("preset", 1.5));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("preset", 5));
        e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("on_momentum", 0.5));
        assertTrue(e.getMessage().contains("0 (off) or 1 (on)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.setParameter("lr_sgd", 0.1));
        assertTrue(e.getMessage().contains("lr_momentum"), "lists the parameters it has: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setStart(12, 0));
        assertThrows(IllegalArgumentException.class, () -> m.setDefaults(Map.of("lr_gd", -1.0)));
        assertThrows(IllegalArgumentException.class, () -> m.quantity("z_gd"));
        assertEquals(before, m.quantities(), "a rejected value changes nothing");
    }

    @Test
    void aTypedFormulaRacesAndATypoThrows() {
        Gd2dModel m = new Gd2dModel();
        m.setFormula("(x - 1)^2 + 2(y + 0.5)^2");
        assertEquals(-1, m.quantity("preset"));
        assertEquals("(x - 1)^2 + 2(y + 0.5)^2", m.formula());
        for (int i = 0; i < 300; i++) {
            m.step();
        }
        assertEquals(1, m.quantity("x_gd"), 1e-6, "the numeric gradient finds the minimum");
        assertEquals(-0.5, m.quantity("y_gd"), 1e-6);
        assertEquals(0, m.quantity("f_gd"), 1e-10);

        ExpressionException typo = assertThrows(ExpressionException.class, () -> m.setFormula("x^2 + (y"));
        assertEquals(ExpressionException.Kind.MISSING_CLOSING_PARENTHESIS, typo.kind());
        assertThrows(ExpressionException.class, () -> m.setFormula("x^2 + z"));
        assertEquals("(x - 1)^2 + 2(y + 0.5)^2", m.formula(), "a typo keeps the old surface");
        assertEquals(300, m.quantity("step"));

        m.setParameter("preset", 4);
        assertEquals(4, m.quantity("preset"));
        assertEquals(null, m.formula());
    }

    @Test
    void aNewRateReplaysThatOptimiserToTheSameStep() {
        Gd2dModel m = new Gd2dModel();
        for (int i = 0; i < 20; i++) {
            m.step();
        }
        double gdBefore = m.quantity("x_gd");
        m.setParameter("lr_adam", 0.05);
        assertEquals(20, m.quantity("step"));
        assertEquals(gdBefore, m.quantity("x_gd"), "the other runners are untouched");

        Gd2dModel fresh = new Gd2dModel();
        fresh.setParameter("lr_adam", 0.05);
        for (int i = 0; i < 20; i++) {
            fresh.step();
        }
        assertEquals(fresh.quantity("x_adam"), m.quantity("x_adam"));
        assertEquals(fresh.quantity("y_adam"), m.quantity("y_adam"));

        // Switched off and on again mid-race, an optimiser rejoins where it would have been.
        m.setParameter("on_momentum", 0);
        assertTrue(Double.isNaN(m.quantity("x_momentum")));
        m.step();
        m.setParameter("on_momentum", 1);
        fresh.step();
        assertEquals(fresh.quantity("x_momentum"), m.quantity("x_momentum"));
    }

    @Test
    void parametersMeanTheSameInAnyOrder() {
        Gd2dModel a = new Gd2dModel();
        a.setParameter("preset", 1);
        a.setParameter("lr_gd", 0.3);
        a.setParameter("x0", -3);
        Gd2dModel b = new Gd2dModel();
        b.setParameter("x0", -3);
        b.setParameter("lr_gd", 0.3);
        b.setParameter("preset", 1);
        for (int i = 0; i < 5; i++) {
            a.step();
            b.step();
        }
        assertEquals(a.quantities(), b.quantities());

        // The preset menu, by contrast, brings the preset's recommended start and rates.
        a.choosePreset(2);
        assertEquals(Gd2dModel.recommended(2).get("lr_gd"), a.quantity("lr_gd"));
        assertEquals(-1.5, a.quantity("x0"));
        assertEquals(0, a.quantity("step"));
    }

    @Test
    void dataSeriesAndChangeSignals() {
        Gd2dModel m = new Gd2dModel();
        AtomicInteger fired = new AtomicInteger();
        m.changes().addListener(o -> fired.incrementAndGet());
        m.setParameter("on_rmsprop", 0);
        for (int i = 0; i < 7; i++) {
            m.step();
        }
        assertEquals(8, fired.get(), "one signal per change and per step");
        Map<String, DataTable> series = m.dataSeries();
        DataTable loss = series.get("loss");
        assertEquals(List.of("step", "f_gd", "f_momentum", "f_rmsprop", "f_adam"), loss.columns());
        assertEquals(8, loss.rows().size());
        double[] last = loss.rows().get(7);
        assertEquals(7, last[0]);
        assertEquals(m.quantity("f_gd"), last[1]);
        assertTrue(Double.isNaN(last[3]), "NaN where an optimiser is off");
        assertEquals(10.25, loss.rows().get(0)[1], 1e-12, "f at the start (2.5, 2)");
        DataTable path = series.get("path");
        assertEquals(List.of("step", "x_gd", "y_gd", "x_momentum", "y_momentum", "x_rmsprop", "y_rmsprop", "x_adam",
                "y_adam"), path.columns());
        assertEquals(m.quantity("x_adam"), path.rows().get(7)[7]);
        assertEquals(2.5, path.rows().get(0)[1]);
    }
}
