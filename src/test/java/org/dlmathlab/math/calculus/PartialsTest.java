package org.dlmathlab.math.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class PartialsTest {

    @Test
    void partialsMatchClosedForms() {
        // f = x^2 y + sin(x y): df/dx = 2xy + y cos(xy), df/dy = x^2 + x cos(xy).
        DoubleBinaryOperator f = (x, y) -> x * x * y + Math.sin(x * y);
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            double x = -3 + 6 * r.nextDouble();
            double y = -3 + 6 * r.nextDouble();
            assertEquals(2 * x * y + y * Math.cos(x * y), Partials.dx(f, x, y), 1e-7);
            assertEquals(x * x + x * Math.cos(x * y), Partials.dy(f, x, y), 1e-7);
        }
    }

    @Test
    void gradientIsPerpendicularToTheContourAndItsLengthIsTheSteepestSlope() {
        DoubleBinaryOperator bowl = (x, y) -> x * x + 3 * y * y;
        double x = 1.2;
        double y = -0.7;
        double[] g = Partials.gradient(bowl, x, y);
        // Along the contour (tangent = grad rotated by 90 degrees) the slope is 0.
        assertEquals(0, Partials.directional(bowl, x, y, -g[1], g[0]), 1e-7);
        double norm = Math.hypot(g[0], g[1]);
        assertEquals(norm, Partials.directional(bowl, x, y, g[0], g[1]), 1e-7);
        for (double angle = 0; angle < 2 * Math.PI; angle += 0.1) {
            assertTrue(Partials.directional(bowl, x, y, Math.cos(angle), Math.sin(angle)) <= norm + 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> Partials.directional(bowl, 0, 0, 0, 0));
    }
}
