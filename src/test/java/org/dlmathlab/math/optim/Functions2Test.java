package org.dlmathlab.math.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.dlmathlab.math.expr.Expression;
import org.junit.jupiter.api.Test;

class Functions2Test {

    /** (f(x + h, y) - f(x - h, y)) / 2h and likewise in y, written out here rather than taken from typed(). */
    private static double[] centralGradient(Function2 f, double x, double y) {
        double hx = 1e-5 * Math.max(1, Math.abs(x));
        double hy = 1e-5 * Math.max(1, Math.abs(y));
        return new double[]{
                (f.f().applyAsDouble(x + hx, y) - f.f().applyAsDouble(x - hx, y)) / (2 * hx),
                (f.f().applyAsDouble(x, y + hy) - f.f().applyAsDouble(x, y - hy)) / (2 * hy)};
    }

    @Test
    void exactGradientsMatchCentralDifferencesAtRandomPoints() {
        Random random = new Random(11);
        for (Function2 f : Functions2.ALL) {
            for (int n = 0; n < 300; n++) {
                double x = f.xMin() + random.nextDouble() * (f.xMax() - f.xMin());
                double y = f.yMin() + random.nextDouble() * (f.yMax() - f.yMin());
                double[] exact = f.gradient().at(x, y);
                double[] numeric = centralGradient(f, x, y);
                for (int c = 0; c < 2; c++) {
                    assertEquals(numeric[c], exact[c], 1e-6 * Math.max(1, Math.abs(numeric[c])),
                            f.id() + " component " + c + " at (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void listedMinimaAreFlatAndLow() {
        for (Function2 f : Functions2.ALL) {
            for (double[] m : f.minima()) {
                double[] g = f.gradientAt(m);
                assertEquals(0, Math.hypot(g[0], g[1]), 1e-9, f.id());
                assertEquals(0, f.value(m), 1e-12, f.id());
            }
        }
        assertEquals(4, Functions2.HIMMELBLAU.minima().size());
        assertArrayEquals(new double[]{1, 1}, Functions2.ROSENBROCK.minima().get(0));
        assertTrue(Functions2.SADDLE.minima().isEmpty(), "a saddle has no minimum");
    }

    @Test
    void presetsStartInsideTheirViews() {
        assertEquals(List.of("bowl", "valley", "rosenbrock", "saddle", "himmelblau"),
                Functions2.ALL.stream().map(Function2::id).toList());
        for (Function2 f : Functions2.ALL) {
            double[] s = f.start();
            assertTrue(f.xMin() < s[0] && s[0] < f.xMax() && f.yMin() < s[1] && s[1] < f.yMax(), f.id());
            assertEquals(f, Functions2.byId(f.id()));
        }
        assertArrayEquals(new double[]{-1.5, 2}, Functions2.ROSENBROCK.start());
        assertThrows(NoSuchElementException.class, () -> Functions2.byId("nope"));
    }

    @Test
    void arraysCannotBeChangedFromOutside() {
        double[] start = Functions2.BOWL.start();
        start[0] = 99;
        assertEquals(2.5, Functions2.BOWL.start()[0]);
        Functions2.BOWL.minima().get(0)[0] = 99;
        assertEquals(0, Functions2.BOWL.minima().get(0)[0]);
        assertNotSame(Functions2.BOWL.start(), Functions2.BOWL.start());
    }

    @Test
    void typedSurfaceGetsANumericalGradient() {
        Function2 f = Function2.typed(Expression.parse("x^2 + 3x y - sin(y)", List.of("x", "y")));
        Random random = new Random(3);
        for (int n = 0; n < 50; n++) {
            double x = random.nextGaussian() * 3;
            double y = random.nextGaussian() * 3;
            double[] g = f.gradient().at(x, y);
            assertEquals(2 * x + 3 * y, g[0], 1e-8 * Math.max(1, Math.abs(g[0])));
            assertEquals(3 * x - Math.cos(y), g[1], 1e-8 * Math.max(1, Math.abs(g[1])));
        }
        assertEquals(Function2.TYPED_ID, f.id());
        assertTrue(f.minima().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Function2.typed(Expression.parse("x", "x")));
    }
}
