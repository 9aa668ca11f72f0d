package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;

/** The vanishing-gradient regions against closed forms, and against Commons Math's root finder for swish and GELU. */
class VanishingRegionsTest {

    private static final double T = 0.05;

    private static List<VanishingRegions.Interval> regions(Activation f, double alpha) {
        return VanishingRegions.find(z -> f.derivative(z, alpha), -8, 8, T);
    }

    @Test
    void sigmoidVanishesBeyondTheClosedFormEdge() {
        double r = Math.sqrt(1 - 4 * T);
        double edge = Math.log((1 + r) / (1 - r));
        assertEquals(2.887, edge, 1e-3, "the edge for t = 0.05");
        List<VanishingRegions.Interval> found = regions(Activation.SIGMOID, 0);
        assertEquals(2, found.size(), found.toString());
        assertEquals(-8, found.get(0).from());
        assertEquals(-edge, found.get(0).to(), 1e-12);
        assertEquals(edge, found.get(1).from(), 1e-12);
        assertEquals(8, found.get(1).to());
    }

    @Test
    void tanhVanishesBeyondAtanhOfRootOneMinusT() {
        double r = Math.sqrt(1 - T);
        double edge = 0.5 * Math.log((1 + r) / (1 - r));
        List<VanishingRegions.Interval> found = regions(Activation.TANH, 0);
        assertEquals(2, found.size());
        assertEquals(-edge, found.get(0).to(), 1e-12);
        assertEquals(edge, found.get(1).from(), 1e-12);
    }

    @Test
    void reluIsFlatOnTheWholeNegativeSideAndLeakyOnlyWhenAlphaIsSmall() {
        List<VanishingRegions.Interval> relu = regions(Activation.RELU, 0);
        assertEquals(1, relu.size());
        assertEquals(-8, relu.get(0).from());
        assertEquals(0, relu.get(0).to(), 1e-15, "the jump at 0 is located exactly");
        List<VanishingRegions.Interval> leaky = regions(Activation.LEAKY_RELU, 0.01);
        assertEquals(1, leaky.size());
        assertEquals(0, leaky.get(0).to(), 1e-15);
        assertTrue(regions(Activation.LEAKY_RELU, 0.1).isEmpty(), "a slope of 0.1 passes the gradient on");
        assertTrue(regions(Activation.LINEAR, 0).isEmpty());
    }

    @Test
    void swishAndGeluEdgesAreWhereTheSlopeMeetsTheThreshold() {
        BrentSolver solver = new BrentSolver(1e-13);
        for (Activation f : List.of(Activation.SWISH, Activation.GELU)) {
            List<VanishingRegions.Interval> found = regions(f, 0);
            // A far-left tail where the slope creeps back to 0, and a dip around the slope's zero crossing.
            assertEquals(2, found.size(), f + ": " + found);
            assertEquals(-8, found.get(0).from());
            double zero = solver.solve(100, z -> f.derivative(z, 0), -2, -0.2);
            assertTrue(found.get(1).contains(zero), f + " slope is 0 at " + zero);
            for (VanishingRegions.Interval r : found) {
                for (double end : new double[]{r.from(), r.to()}) {
                    if (Math.abs(end) < 8) {
                        double root = solver.solve(100, z -> Math.abs(f.derivative(z, 0)) - T, end - 1e-3,
                                end + 1e-3);
                        assertEquals(root, end, 1e-9, f + " edge");
                    }
                }
            }
            // Inside every region the slope is small, just outside it is not.
            for (VanishingRegions.Interval r : found) {
                assertTrue(Math.abs(f.derivative((r.from() + r.to()) / 2, 0)) < T);
                if (r.to() < 8) {
                    assertFalse(Math.abs(f.derivative(r.to() + 1e-6, 0)) < T);
                }
            }
        }
        assertEquals(-0.7518, new BrentSolver(1e-12).solve(100, z -> Activation.GELU.derivative(z, 0), -2, -0.2),
                1e-4, "GELU turns around at z = -0.7518");
    }

    @Test
    void inAnyAndBadArguments() {
        List<VanishingRegions.Interval> relu = regions(Activation.RELU, 0);
        assertTrue(VanishingRegions.inAny(relu, -3));
        assertFalse(VanishingRegions.inAny(relu, 0.5));
        assertThrows(IllegalArgumentException.class, () -> VanishingRegions.find(z -> 0, 1, 1, T));
        assertThrows(IllegalArgumentException.class, () -> VanishingRegions.find(z -> 0, 0, 1, 0));
    }
}
