package org.dlmathlab.math.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class Race2DTest {

    private static Map<String, Optimizer> field(double lr) {
        Map<String, Optimizer> field = new LinkedHashMap<>();
        field.put("GD", new GradientDescent(lr));
        field.put("Momentum", new Momentum(lr));
        field.put("RMSProp", new RmsProp(lr));
        field.put("Adam", new Adam(lr));
        return field;
    }

    @Test
    void everyoneStartsTogetherAndPathsGrowByOnePointPerStep() {
        Race2D race = new Race2D(Functions2.BOWL, field(0.1));
        assertEquals(List.of("GD", "Momentum", "RMSProp", "Adam"), race.names());
        for (String name : race.names()) {
            assertArrayEquals(new double[]{2.5, 2}, race.position(name));
            assertEquals(10.25, race.value(name), 1e-15);
            assertEquals(1, race.path(name).size());
        }
        for (int k = 0; k < 25; k++) {
            assertTrue(race.step());
        }
        assertEquals(25, race.stepCount());
        for (String name : race.names()) {
            List<double[]> path = race.path(name);
            assertEquals(26, path.size());
            assertArrayEquals(race.position(name), path.get(25));
            assertEquals(Functions2.BOWL.value(race.position(name)), race.value(name));
            assertFalse(race.diverged(name));
        }
        // Plain descent in the race is the closed form 0.8^k theta_0.
        assertEquals(2.5 * Math.pow(0.8, 25), race.position("GD")[0], 1e-12);
    }

    @Test
    void theFieldReachesTheBottomOfTheBowl() {
        Race2D race = new Race2D(Functions2.BOWL, field(0.05));
        for (int k = 0; k < 2000; k++) {
            race.step();
        }
        for (String name : List.of("GD", "Momentum", "Adam")) {
            double[] p = race.position(name);
            assertTrue(Math.hypot(p[0], p[1]) < 1e-3, name + " ended at " + p[0] + ", " + p[1]);
        }
        // RMSProp's steps stay about lr long whatever the gradient (g / sqrt(s) ~ +-1), so with a fixed rate it
        // hovers within about lr of the bottom instead of settling.
        double[] p = race.position("RMSProp");
        assertTrue(Math.abs(p[0]) <= 0.05 && Math.abs(p[1]) <= 0.05, "RMSProp ended at " + p[0] + ", " + p[1]);
    }

    @Test
    void aRunnerThatDivergesStopsWhileTheOthersGoOn() {
        Map<String, Optimizer> field = new LinkedHashMap<>();
        field.put("wild", new GradientDescent(1.5));
        field.put("calm", new GradientDescent(0.1));
        Race2D race = new Race2D(Functions2.BOWL, field);
        for (int k = 0; k < 200; k++) {
            race.step();
        }
        assertTrue(race.diverged("wild"), "each step multiplies theta by 1 - 2 * 1.5 = -2");
        assertFalse(race.diverged("calm"));
        assertTrue(Math.abs(race.value("wild")) <= Race2D.LIMIT);
        for (double[] p : race.path("wild")) {
            assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]));
        }
        int frozen = race.path("wild").size();
        race.step();
        assertEquals(frozen, race.path("wild").size());
        assertEquals(202, race.path("calm").size());
    }

    @Test
    void descentSlidesOffTheSaddle() {
        Race2D race = new Race2D(Functions2.SADDLE, Map.of("gd", new GradientDescent(0.1)));
        // y grows by 1 + 2 * 0.1 = 1.2 a step: from 0.01 it passes |f| = y^2 = 1e6 (y = 1000) after about 63 steps.
        int steps = 0;
        while (!race.diverged("gd") && steps < 500) {
            race.step();
            steps++;
        }
        assertTrue(race.diverged("gd"));
        assertTrue(steps > 50 && steps < 80, "diverged after " + steps + " steps");
        assertFalse(race.step(), "nobody is left to move");
    }

    @Test
    void resetPutsEveryoneBackAndForgetsOptimiserState() {
        Race2D race = new Race2D(Functions2.ROSENBROCK, new double[]{0, 0}, field(0.001));
        for (int k = 0; k < 30; k++) {
            race.step();
        }
        double[] adamAfter30 = race.position("Adam");
        race.reset();
        assertEquals(0, race.stepCount());
        assertArrayEquals(new double[]{0, 0}, race.position("Adam"));
        assertEquals(1, race.path("Adam").size());
        for (int k = 0; k < 30; k++) {
            race.step();
        }
        assertArrayEquals(adamAfter30, race.position("Adam"));
    }

    @Test
    void pathsAreCappedButKeepStartAndCurrentPoint() {
        Race2D race = new Race2D(Functions2.VALLEY, Map.of("gd", new GradientDescent(1e-4)));
        for (int k = 0; k < Race2D.MAX_PATH + 5; k++) {
            race.step();
        }
        List<double[]> path = race.path("gd");
        assertEquals(Race2D.MAX_PATH, path.size());
        assertArrayEquals(Functions2.VALLEY.start(), path.get(0));
        assertArrayEquals(race.position("gd"), path.get(path.size() - 1));
        assertThrows(UnsupportedOperationException.class, () -> path.add(new double[2]));
    }

    @Test
    void unknownNamesAreAnError() {
        Race2D race = new Race2D(Functions2.BOWL, field(0.1));
        assertThrows(NoSuchElementException.class, () -> race.position("SGD"));
    }
}
