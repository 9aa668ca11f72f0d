package org.dlmathlab.math.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BinaryOperator;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.math.optim.ContourGrid;
import org.junit.jupiter.api.Test;

/** The presets' closed-form partials against Commons Math's automatic differentiation, and the gradient's geometry. */
class PartialSurfaceTest {

    /** Each preset written once more with DerivativeStructure, an independent source of exact derivatives. */
    private static final List<BinaryOperator<DerivativeStructure>> AUTODIFF = List.of(
            (x, y) -> x.multiply(x).add(y.multiply(y)),
            (x, y) -> x.multiply(x).add(y.multiply(y).multiply(3)),
            (x, y) -> x.multiply(x).subtract(y.multiply(y)),
            (x, y) -> x.multiply(y),
            (x, y) -> x.sin().multiply(y.cos()),
            (x, y) -> x.multiply(x).add(y.multiply(y)).divide(-2).exp());

    /** 17 x 17 points over [-3, 3]^2, off the grid of whole numbers too. */
    private static double[][] points() {
        double[][] out = new double[17 * 17][];
        int n = 0;
        for (int j = 0; j < 17; j++) {
            for (int i = 0; i < 17; i++) {
                out[n++] = new double[]{-3 + i * 0.375, -3 + j * 0.375 + 0.01 * i};
            }
        }
        return out;
    }

    @Test
    void presetPartialsMatchAutomaticDifferentiationEverywhere() {
        assertEquals(AUTODIFF.size(), PartialSurface.ALL.size());
        for (int k = 0; k < AUTODIFF.size(); k++) {
            PartialSurface s = PartialSurface.ALL.get(k);
            assertTrue(s.exact(), s.id());
            for (double[] p : points()) {
                DerivativeStructure x = new DerivativeStructure(2, 1, 0, p[0]);
                DerivativeStructure y = new DerivativeStructure(2, 1, 1, p[1]);
                DerivativeStructure f = AUTODIFF.get(k).apply(x, y);
                String at = s.id() + " at (" + p[0] + ", " + p[1] + ")";
                assertEquals(f.getValue(), s.value(p[0], p[1]), 1e-12, at);
                assertEquals(f.getPartialDerivative(1, 0), s.dx(p[0], p[1]), 1e-12, at);
                assertEquals(f.getPartialDerivative(0, 1), s.dy(p[0], p[1]), 1e-12, at);
                // And the numerical partials of the same f agree to the accuracy of central differences.
                assertEquals(s.dx(p[0], p[1]), Partials.dx(s.f(), p[0], p[1]), 1e-7, at);
                assertEquals(s.dy(p[0], p[1]), Partials.dy(s.f(), p[0], p[1]), 1e-7, at);
            }
        }
    }

    @Test
    void theSlopeAlongTheContourIsZero() {
        for (PartialSurface s : PartialSurface.ALL) {
            for (double[] p : points()) {
                double gx = s.dx(p[0], p[1]);
                double gy = s.dy(p[0], p[1]);
                if (Math.hypot(gx, gy) < 1e-3) {
                    continue;
                }
                // The tangent (-fy, fx), with the slope measured on f itself by central differences.
                double along = Partials.directional(s.f(), p[0], p[1], -gy, gx);
                assertEquals(0, along, 1e-7, s.id() + " at (" + p[0] + ", " + p[1] + ")");
                // Across the contour (along the gradient) the slope is the whole |grad f|.
                assertEquals(Math.hypot(gx, gy), Partials.directional(s.f(), p[0], p[1], gx, gy), 1e-6);
            }
        }
    }

    @Test
    void theTracedLevelLineThroughAPointIsPerpendicularToTheGradient() {
        double[][] cases = {{0, 1.3, 0.7}, {1, -1.1, 0.4}, {2, 1.5, -0.5}, {3, 0.8, 1.7}, {4, 0.9, 0.6}, {5, -0.6, 0.9}};
        for (double[] c : cases) {
            PartialSurface s = PartialSurface.ALL.get((int) c[0]);
            double x = c[1];
            double y = c[2];
            ContourGrid grid = ContourGrid.sample(s.f(), -3, 3, -3, 3, 300, 300);
            double[] seg = LevelLines.trace(grid, s.value(x, y));
            // The piece of the level line nearest to P.
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int k = 0; k < seg.length; k += 4) {
                double d = Math.hypot((seg[k] + seg[k + 2]) / 2 - x, (seg[k + 1] + seg[k + 3]) / 2 - y);
                if (d < bestDist) {
                    bestDist = d;
                    best = k;
                }
            }
            assertTrue(bestDist < 0.02, s.id() + ": the level line passes through P, " + bestDist);
            double tx = seg[best + 2] - seg[best];
            double ty = seg[best + 3] - seg[best + 1];
            double gx = s.dx(x, y);
            double gy = s.dy(x, y);
            double cos = (tx * gx + ty * gy) / (Math.hypot(tx, ty) * Math.hypot(gx, gy));
            assertEquals(0, cos, 0.03, s.id() + ": cos of the angle between contour and gradient");
        }
    }

    @Test
    void theGradientLengthIsTheSteepestDirectionalSlope() {
        for (PartialSurface s : PartialSurface.ALL) {
            for (double[] p : new double[][]{{1, 1}, {-2, 0.5}, {0.3, -2.2}, {2.5, 2.5}}) {
                double best = Double.NEGATIVE_INFINITY;
                double bestAngle = 0;
                for (int k = 0; k < 3600; k++) {
                    double a = Math.toRadians(k / 10.0);
                    double slope = Partials.directional(s.f(), p[0], p[1], Math.cos(a), Math.sin(a));
                    if (slope > best) {
                        best = slope;
                        bestAngle = k / 10.0;
                    }
                }
                double norm = s.gradientNorm(p[0], p[1]);
                String at = s.id() + " at (" + p[0] + ", " + p[1] + ")";
                assertEquals(norm, best, 1e-5 * Math.max(1, norm), at);
                if (norm > 1e-3) {
                    double angle = s.gradientAngleDegrees(p[0], p[1]);
                    double diff = Math.abs(((bestAngle - angle) % 360 + 540) % 360 - 180);
                    assertTrue(diff <= 0.1, at + ": steepest at " + bestAngle + "°, gradient at " + angle + "°");
                }
            }
        }
    }

    @Test
    void anglesAndFlatSpots() {
        assertEquals(45, PartialSurface.BOWL.gradientAngleDegrees(1, 1), 1e-12);
        assertEquals(180, PartialSurface.BOWL.gradientAngleDegrees(-2, 0), 1e-12);
        assertEquals(-90, PartialSurface.SADDLE.gradientAngleDegrees(0, 1), 1e-12);
        assertTrue(Double.isNaN(PartialSurface.BOWL.gradientAngleDegrees(0, 0)), "no uphill direction at the bottom");
        assertTrue(Double.isNaN(PartialSurface.WAVES.gradientAngleDegrees(Math.PI / 2, 0)), "flat top of a hill");
        // The Gaussian hill is steepest on the circle r = 1, with slope e^(-1/2).
        assertEquals(Math.exp(-0.5), PartialSurface.HILL.gradientNorm(0.6, 0.8), 1e-12);
        assertTrue(PartialSurface.HILL.gradientNorm(0.5, 0) < Math.exp(-0.5));
        assertTrue(PartialSurface.HILL.gradientNorm(1.5, 0) < Math.exp(-0.5));
        assertThrows(IllegalArgumentException.class, () -> PartialSurface.BOWL.directional(1, 1, 0, 0));
    }

    @Test
    void aTypedFormulaGetsNumericalPartials() {
        PartialSurface s = PartialSurface.typed(Expression.parse("x^2*y + sin(y)", "x", "y"));
        assertFalse(s.exact());
        assertEquals(PartialSurface.TYPED_ID, s.id());
        assertEquals("x^2*y + sin(y)", s.formula());
        for (double[] p : points()) {
            assertEquals(2 * p[0] * p[1], s.dx(p[0], p[1]), 1e-7);
            assertEquals(p[0] * p[0] + Math.cos(p[1]), s.dy(p[0], p[1]), 1e-7);
        }
        assertThrows(IllegalArgumentException.class,
                () -> PartialSurface.typed(Expression.parse("x + t", "x", "t")));
        // No slope where f is undefined, nor at a pole (a symmetric difference quotient there would say 0).
        PartialSurface log = PartialSurface.typed(Expression.parse("ln(x) + y", "x", "y"));
        assertTrue(Double.isNaN(log.dx(-1, 0)));
        assertTrue(Double.isNaN(log.gradientAngleDegrees(-1, 0)));
        assertEquals(0.5, log.dx(2, 0), 1e-7);
        PartialSurface pole = PartialSurface.typed(Expression.parse("1/(x^2 + y^2)", "x", "y"));
        assertTrue(Double.isNaN(pole.dx(0, 0)));
        assertTrue(Double.isNaN(pole.gradientNorm(0, 0)));
    }
}
