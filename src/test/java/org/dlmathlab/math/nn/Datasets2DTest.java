package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class Datasets2DTest {

    @Test
    void aSeedAlwaysGivesTheSamePointsAndAnotherSeedOthers() {
        for (Datasets2D.Kind kind : Datasets2D.Kind.values()) {
            Datasets2D.Points a = Datasets2D.generate(kind, 101, 0.3, 3, 7);
            Datasets2D.Points b = Datasets2D.generate(kind, 101, 0.3, 3, 7);
            Datasets2D.Points c = Datasets2D.generate(kind, 101, 0.3, 3, 8);
            assertTrue(Arrays.deepEquals(a.x(), b.x()), kind + " repeatable");
            assertArrayEquals(a.label(), b.label());
            assertFalse(Arrays.deepEquals(a.x(), c.x()), kind + " depends on the seed");
            assertEquals(101, a.size());
            for (double[] p : a.x()) {
                assertEquals(2, p.length);
            }
        }
    }

    @Test
    void classesAreSharedOutEvenly() {
        assertArrayEquals(new int[]{50, 50}, Datasets2D.generate(Datasets2D.Kind.CIRCLE, 100, 0, 4, 1).counts(),
                "the circle always has two classes, whatever is asked");
        assertArrayEquals(new int[]{34, 33, 33}, Datasets2D.generate(Datasets2D.Kind.GAUSSIANS, 100, 0, 3, 1).counts());
        assertArrayEquals(new int[]{25, 25, 25, 25}, Datasets2D.generate(Datasets2D.Kind.SPIRAL, 100, 0, 4, 1).counts());
        assertEquals(2, Datasets2D.generate(Datasets2D.Kind.XOR, 10, 0, 3, 1).classes());
    }

    @Test
    void withoutNoiseTheShapesAreExact() {
        Datasets2D.Points circle = Datasets2D.generate(Datasets2D.Kind.CIRCLE, 400, 0, 2, 3);
        for (int i = 0; i < circle.size(); i++) {
            double r = Math.hypot(circle.x()[i][0], circle.x()[i][1]);
            if (circle.label()[i] == 0) {
                assertTrue(r <= 1.2 + 1e-12, "disc: r = " + r);
            } else {
                assertTrue(r >= 1.8 - 1e-12 && r <= 2.8 + 1e-12, "ring: r = " + r);
            }
        }
        Datasets2D.Points xor = Datasets2D.generate(Datasets2D.Kind.XOR, 400, 0, 2, 3);
        for (int i = 0; i < xor.size(); i++) {
            double product = xor.x()[i][0] * xor.x()[i][1];
            assertEquals(xor.label()[i] == 0, product > 0, "class 0 in quadrants 1 and 3");
            assertTrue(Math.abs(xor.x()[i][0]) >= 0.15 && Math.abs(xor.x()[i][1]) >= 0.15);
        }
        Datasets2D.Points spiral = Datasets2D.generate(Datasets2D.Kind.SPIRAL, 300, 0, 3, 3);
        for (double[] p : spiral.x()) {
            assertTrue(Math.hypot(p[0], p[1]) < 2.7 + 0.5, "the arms end near radius 2.7");
        }
    }

    @Test
    void gaussianBlobsHaveTheirCentresAndSpread() {
        int k = 4;
        Datasets2D.Points g = Datasets2D.generate(Datasets2D.Kind.GAUSSIANS, 8000, 0, k, 11);
        for (int c = 0; c < k; c++) {
            int cc = c;
            double[] xs = java.util.stream.IntStream.range(0, g.size()).filter(i -> g.label()[i] == cc)
                    .mapToDouble(i -> g.x()[i][0]).toArray();
            double angle = Math.PI / 4 + 2 * Math.PI * c / k;
            assertEquals(1.6 * Math.cos(angle), new Mean().evaluate(xs), 0.03, "centre of class " + c);
            assertEquals(0.45, new StandardDeviation().evaluate(xs), 0.03, "spread of class " + c);
        }
        // Noise adds its variance: sd = sqrt(0.45^2 + 0.3^2).
        Datasets2D.Points noisy = Datasets2D.generate(Datasets2D.Kind.GAUSSIANS, 8000, 0.3, 2, 11);
        double[] xs = java.util.stream.IntStream.range(0, noisy.size()).filter(i -> noisy.label()[i] == 0)
                .mapToDouble(i -> noisy.x()[i][0]).toArray();
        assertEquals(Math.hypot(0.45, 0.3), new StandardDeviation().evaluate(xs), 0.03);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Datasets2D.generate(Datasets2D.Kind.SPIRAL, 10, 0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets2D.generate(Datasets2D.Kind.CIRCLE, 10, -1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets2D.generate(Datasets2D.Kind.CIRCLE, -1, 0, 2, 1));
    }
}
