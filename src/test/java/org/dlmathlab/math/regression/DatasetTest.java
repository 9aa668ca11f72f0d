package org.dlmathlab.math.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void xIsNumpyLinspace() {
        double[] x = Dataset.notes(0, 1).x();
        assertEquals(100, x.length);
        assertEquals(0.0, x[0]);
        assertEquals(10.0, x[99], 0.0, "the end point is exact");
        double step = 10.0 / 99;
        for (int i = 0; i < 99; i++) {
            assertEquals(i * step, x[i], 0.0);
        }
        assertArrayEquals(new double[]{-1, -0.5, 0, 0.5, 1}, Dataset.linear(5, -1, 1, 1, 0, 0, 0).x(), 0.0);
        assertArrayEquals(new double[]{4}, Dataset.linear(1, 4, 9, 1, 0, 0, 0).x(), 0.0, "n = 1 gives [from]");
        assertArrayEquals(new double[]{2, 2, 2}, Dataset.linear(3, 2, 2, 1, 0, 0, 0).x(), 0.0);
        assertArrayEquals(new double[]{1, 0.5, 0}, Dataset.linear(3, 1, 0, 1, 0, 0, 0).x(), 0.0, "descending");
    }

    @Test
    void zeroNoiseIsTheExactLineAndNoiseHasTheRequestedSpread() {
        Dataset exact = Dataset.linear(50, -3, 8, 3, 1, 0, 9);
        for (int i = 0; i < exact.n(); i++) {
            assertEquals(3 * exact.x(i) + 1, exact.y(i), 0.0);
        }
        Dataset noisy = Dataset.linear(20_000, 0, 1, 0, 5, 2, 9);
        double[] y = noisy.y();
        assertEquals(5, new Mean().evaluate(y), 0.05);
        assertEquals(2, new StandardDeviation().evaluate(y), 0.05);
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
        assertEquals(Dataset.notes(1, 42), Dataset.notes(1, 42));
        assertEquals(Dataset.notes(1, 42).hashCode(), Dataset.notes(1, 42).hashCode());
        assertNotEquals(Dataset.notes(1, 42), Dataset.notes(1, 43));
        assertEquals(Dataset.notes(0, 42), Dataset.notes(0, 43), "without noise the seed does not matter");
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] x = {1, 2, 3};
        double[] y = {4, 5, 6};
        Dataset d = new Dataset(x, y);
        x[0] = 99;
        d.y()[1] = 99;
        assertEquals(1, d.x(0));
        assertEquals(5, d.y(1));
        assertEquals(3, d.n());
    }

    @Test
    void badShapesAndValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[]{1, 2}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[]{Double.NaN}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Dataset.linear(0, 0, 1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Dataset.linear(5, 0, 1, 1, 0, -1, 0));
    }

    @Test
    void standardizedXHasMeanZeroAndPopulationSdOne() {
        Dataset d = Dataset.notes(1, 3);
        Dataset.Scaling s = d.scaling();
        assertEquals(5, s.mean(), 1e-12);
        double[] x = d.x();
        assertEquals(new StandardDeviation(false).evaluate(x), s.sd(), 1e-12);
        Dataset z = d.standardized();
        assertEquals(0, new Mean().evaluate(z.x()), 1e-12);
        assertEquals(1, new StandardDeviation(false).evaluate(z.x()), 1e-12);
        assertArrayEquals(d.y(), z.y(), 0.0);
        for (int i = 0; i < d.n(); i++) {
            assertEquals((x[i] - s.mean()) / s.sd(), z.x(i), 0.0);
        }
    }

    @Test
    void constantXIsOnlyCentred() {
        Dataset flat = new Dataset(new double[]{0.1, 0.1, 0.1}, new double[]{1, 2, 3});
        assertEquals(new Dataset.Scaling(0.1, 1), flat.scaling());
        assertArrayEquals(new double[]{0, 0, 0}, flat.standardized().x(), 0.0);
    }

    @Test
    void aLineOnStandardizedXIsTheSameLineOnRawX() {
        Dataset.Scaling s = new Dataset.Scaling(5, 2.5);
        double[] raw = s.toRaw(4, -1);
        for (double x : new double[]{-3, 0, 5, 12.5}) {
            assertEquals(4 * s.apply(x) - 1, raw[0] * x + raw[1], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> new Dataset.Scaling(0, 0));
    }
}
