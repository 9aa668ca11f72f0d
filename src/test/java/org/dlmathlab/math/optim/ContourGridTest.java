package org.dlmathlab.math.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dlmathlab.math.expr.Expression;
import org.junit.jupiter.api.Test;

class ContourGridTest {

    @Test
    void samplesSitAtCellCentresWithTheTopRowFirst() {
        ContourGrid grid = ContourGrid.sample((x, y) -> 10 * x + y, 0, 4, 0, 2, 4, 2);
        assertEquals(0.5, grid.x(0), 1e-15);
        assertEquals(3.5, grid.x(3), 1e-15);
        assertEquals(1.5, grid.y(0), 1e-15);
        assertEquals(0.5, grid.y(1), 1e-15);
        assertArrayEquals(new double[]{6.5, 16.5, 26.5, 36.5, 5.5, 15.5, 25.5, 35.5}, grid.values(), 1e-12);
        assertEquals(15.5, grid.value(1, 1), 1e-12);
    }

    @Test
    void centreOfTheBowlIsTheLowestLevel() {
        // Odd counts put a sample centre exactly on the origin.
        ContourGrid grid = ContourGrid.sample((x, y) -> x * x + y * y, -3, 3, -3, 3, 101, 81);
        double centre = grid.value(50, 40);
        assertEquals(0, centre, 1e-12);
        int lowest = grid.levelIndex(centre);
        assertEquals(0, lowest);
        for (double v : grid.values()) {
            assertTrue(grid.levelIndex(v) >= lowest);
        }
        assertEquals(ContourGrid.DEFAULT_LEVEL_COUNT - 1, grid.levelIndex(grid.value(0, 0)), "a corner is highest");
    }

    /** How many samples fall into each band of {@code levels}. */
    private static int[] bandCounts(ContourGrid grid, double[] levels) {
        int[] counts = new int[levels.length];
        for (double v : grid.values()) {
            counts[ContourGrid.levelIndex(levels, v)]++;
        }
        return counts;
    }

    @Test
    void levelsAreIncreasingQuantilesStartingAtTheMinimum() {
        // 120 x 120 = 14,400 samples: few enough that every sample enters the quantiles.
        ContourGrid grid = ContourGrid.sample(Functions2.ROSENBROCK.f(), -2, 2, -1, 3, 120, 120);
        double[] levels = grid.levels(10);
        assertEquals(10, levels.length);
        double min = Double.POSITIVE_INFINITY;
        for (double v : grid.values()) {
            min = Math.min(min, v);
        }
        assertEquals(min, levels[0]);
        for (int k = 1; k < levels.length; k++) {
            assertTrue(levels[k] > levels[k - 1]);
        }
        for (int count : bandCounts(grid, levels)) {
            assertEquals(1440, count, 1, "each band holds a tenth of the samples");
        }
    }

    @Test
    void largeGridsReadQuantilesFromASubsample() {
        ContourGrid grid = ContourGrid.sample(Functions2.ROSENBROCK.f(), -2, 2, -1, 3, 400, 300);
        double[] levels = grid.levels(12);
        assertEquals(12, levels.length);
        double min = Double.POSITIVE_INFINITY;
        for (double v : grid.values()) {
            min = Math.min(min, v);
        }
        assertEquals(min, levels[0], "the true minimum, even if the subsample skipped it");
        for (int count : bandCounts(grid, levels)) {
            assertEquals(10_000, count, 200, "each band holds about a twelfth of the samples");
        }
    }

    @Test
    void levelIndexEdges() {
        double[] levels = {1, 2, 4};
        assertEquals(0, ContourGrid.levelIndex(levels, -5));
        assertEquals(0, ContourGrid.levelIndex(levels, 1));
        assertEquals(0, ContourGrid.levelIndex(levels, 1.5));
        assertEquals(1, ContourGrid.levelIndex(levels, 2));
        assertEquals(2, ContourGrid.levelIndex(levels, 4));
        assertEquals(2, ContourGrid.levelIndex(levels, Double.POSITIVE_INFINITY));
        assertEquals(0, ContourGrid.levelIndex(levels, Double.NEGATIVE_INFINITY));
        assertEquals(-1, ContourGrid.levelIndex(levels, Double.NaN));
        assertEquals(-1, ContourGrid.levelIndex(new double[0], 3));
    }

    @Test
    void undefinedSamplesAreKeptButLeftOutOfTheLevels() {
        Expression log = Expression.parse("ln(x) + y", "x", "y");
        ContourGrid grid = ContourGrid.sample((x, y) -> log.evaluate(x, y), -2, 2, -1, 1, 40, 20);
        assertTrue(Double.isNaN(grid.value(0, 0)), "ln of a negative number");
        double[] levels = grid.levels(8);
        assertEquals(8, levels.length);
        for (double level : levels) {
            assertTrue(Double.isFinite(level));
        }
        assertEquals(-1, grid.levelIndex(grid.value(0, 0)));
        assertTrue(grid.levelIndex(grid.value(30, 10)) >= 0);
    }

    @Test
    void degenerateSurfaces() {
        ContourGrid flat = ContourGrid.sample((x, y) -> 5, 0, 1, 0, 1, 10, 10);
        assertArrayEquals(new double[]{5}, flat.levels(12));
        assertEquals(0, flat.levelIndex(5));
        ContourGrid nowhere = ContourGrid.sample((x, y) -> Double.NaN, 0, 1, 0, 1, 10, 10);
        assertEquals(0, nowhere.levels(12).length);
        assertEquals(-1, nowhere.levelIndex(1));
    }
}
