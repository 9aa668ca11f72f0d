package org.dlmathlab.math.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeightGridTest {

    @Test
    void theBowlShowsItsWholeRange() {
        HeightGrid g = HeightGrid.sample((x, y) -> x * x + y * y, -3, 3, 36);
        assertEquals(36, g.cells());
        assertEquals(-3, g.x(0));
        assertEquals(3, g.y(36), 1e-12);
        assertEquals(0, g.low(), 1e-12);
        assertEquals(18, g.high(), 1e-12);
        assertEquals(18, g.value(36, 36), 1e-12);
        assertEquals(-1, g.normalized(0), 1e-12);
        assertEquals(1, g.normalized(18), 1e-12);
        assertEquals(0, g.normalized(9), 1e-12);
        assertEquals(1, g.normalized(50), "clamped");
        assertTrue(Double.isNaN(g.normalized(Double.NaN)));
        assertFalse(g.clipped());
    }

    @Test
    void aPoleIsClippedToTheCentralRange() {
        HeightGrid g = HeightGrid.sample((x, y) -> 1 / (x * x + y * y + 1e-4), -3, 3, 36);
        assertTrue(g.clipped());
        assertTrue(g.high() < 100, "the spike at the origin does not flatten the rest: " + g.high());
        assertEquals(1, g.normalized(1e4));
        HeightGrid infinite = HeightGrid.sample((x, y) -> 1 / (x * x + y * y), -3, 3, 36);
        assertTrue(infinite.clipped(), "the infinite sample at the origin is cut off");
        assertEquals(1, infinite.normalized(Double.POSITIVE_INFINITY));
    }

    @Test
    void flatAndUndefinedSurfacesStillGetARange() {
        HeightGrid flat = HeightGrid.sample((x, y) -> 5, -3, 3, 4);
        assertEquals(4, flat.low());
        assertEquals(6, flat.high());
        assertEquals(0, flat.normalized(5));
        HeightGrid none = HeightGrid.sample((x, y) -> Double.NaN, -3, 3, 4);
        assertEquals(-1, none.low());
        assertEquals(1, none.high());
        assertThrows(IllegalArgumentException.class, () -> HeightGrid.sample((x, y) -> 0, -3, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> HeightGrid.sample((x, y) -> 0, 3, 3, 4));
    }
}
