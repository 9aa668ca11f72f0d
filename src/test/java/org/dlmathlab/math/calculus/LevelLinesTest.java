package org.dlmathlab.math.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dlmathlab.math.optim.ContourGrid;
import org.junit.jupiter.api.Test;

class LevelLinesTest {

    @Test
    void aLevelOfTheBowlIsACircleOfTheRightRadius() {
        ContourGrid grid = ContourGrid.sample((x, y) -> x * x + y * y, -3, 3, -3, 3, 240, 240);
        for (double r : new double[]{0.5, 1, 2.2}) {
            double[] seg = LevelLines.trace(grid, r * r);
            assertTrue(seg.length > 40, "many pieces");
            double length = 0;
            for (int k = 0; k < seg.length; k += 4) {
                assertEquals(r, Math.hypot(seg[k], seg[k + 1]), 0.005, "end on the circle");
                assertEquals(r, Math.hypot(seg[k + 2], seg[k + 3]), 0.005);
                length += Math.hypot(seg[k + 2] - seg[k], seg[k + 3] - seg[k + 1]);
            }
            assertEquals(2 * Math.PI * r, length, 0.01 * 2 * Math.PI * r, "the pieces add up to the circumference");
        }
    }

    @Test
    void theZeroLevelOfTheSaddleIsTheTwoDiagonals() {
        ContourGrid grid = ContourGrid.sample((x, y) -> x * x - y * y, -3, 3, -3, 3, 101, 101);
        double[] seg = LevelLines.trace(grid, 0);
        assertTrue(seg.length > 100);
        for (int k = 0; k < seg.length; k += 2) {
            assertEquals(Math.abs(seg[k]), Math.abs(seg[k + 1]), 0.04, "on y = x or y = -x");
        }
    }

    @Test
    void levelsOutsideTheRangeAndUndefinedCellsGiveNothing() {
        ContourGrid bowl = ContourGrid.sample((x, y) -> x * x + y * y, -3, 3, -3, 3, 50, 50);
        assertEquals(0, LevelLines.trace(bowl, -1).length);
        assertEquals(0, LevelLines.trace(bowl, 100).length);
        ContourGrid undefined = ContourGrid.sample((x, y) -> Double.NaN, -1, 1, -1, 1, 10, 10);
        assertEquals(0, LevelLines.trace(undefined, 0).length);
        // sqrt(x) is undefined left of the axis: the level x = 1 is still traced, the left half adds nothing.
        ContourGrid half = ContourGrid.sample((x, y) -> Math.sqrt(x), -2, 2, -2, 2, 80, 80);
        double[] seg = LevelLines.trace(half, 1);
        assertTrue(seg.length > 0);
        for (int k = 0; k < seg.length; k += 2) {
            assertEquals(1, seg[k], 0.01);
        }
    }
}
