package org.dlmathlab.math.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BroadcastTest {

    private static int[] s(int... dims) {
        return dims;
    }

    /** Pairs and the shapes NumPy gives for them (worked out by hand from the rule). */
    @Test
    void compatiblePairsGiveNumPysShapes() {
        Object[][] cases = {
                {s(2, 3), s(1, 3), s(2, 3)},
                {s(2, 3), s(2, 1), s(2, 3)},
                {s(2, 3), s(3), s(2, 3)},
                {s(2, 3), s(2, 3), s(2, 3)},
                {s(2, 3), s(), s(2, 3)},
                {s(3, 1), s(1, 4), s(3, 4)},
                {s(3, 1), s(4), s(3, 4)},
                {s(1), s(5), s(5)},
                {s(5), s(1), s(5)},
                {s(2, 1, 3), s(4, 1), s(2, 4, 3)},
                {s(2, 3, 4), s(3, 1), s(2, 3, 4)},
                {s(2, 3, 4), s(4), s(2, 3, 4)},
                {s(1, 3, 1), s(2, 1, 4), s(2, 3, 4)},
                {s(), s(), s()},
                {s(4, 4), s(1, 1), s(4, 4)},
        };
        for (Object[] c : cases) {
            int[] a = (int[]) c[0];
            int[] b = (int[]) c[1];
            Broadcast.Result r = Broadcast.of(a, b);
            assertTrue(r.compatible(), r.message());
            assertArrayEquals((int[]) c[2], r.shape(), r.message());
            // The rule is symmetric.
            assertArrayEquals((int[]) c[2], Broadcast.of(b, a).shape());
        }
    }

    @Test
    void clashingPairsAreNamed() {
        Broadcast.Result r = Broadcast.of(s(3, 3), s(2));
        assertFalse(r.compatible());
        assertEquals(1, r.clashes().size());
        assertEquals(new Broadcast.Clash(1, 3, 2), r.clashes().get(0));
        assertEquals("shapes (3, 3) and (2,) do not broadcast: in the last position 3 and 2 differ and neither is 1",
                r.message());

        Broadcast.Result both = Broadcast.of(s(2, 3), s(3, 2));
        assertEquals(2, both.clashes().size());
        assertEquals(new Broadcast.Clash(2, 2, 3), both.clashes().get(1));
        assertTrue(both.message().contains("second-to-last position 2 and 3"), both.message());

        Object[][] incompatible = {
                {s(2, 3), s(2)},
                {s(2, 3), s(3, 1)},
                {s(2, 3), s(1, 2)},
                {s(2, 3, 4), s(3, 3)},
                {s(2, 3, 4), s(3, 1, 4)},
                {s(4), s(3)},
        };
        for (Object[] c : incompatible) {
            assertFalse(Broadcast.of((int[]) c[0], (int[]) c[1]).compatible());
        }
    }

    @Test
    void applyingStretchesRowsAndColumns() {
        NdArray a = NdArray.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
        NdArray row = NdArray.of(new double[][]{{10, 20, 30}});
        NdArray col = NdArray.of(new double[][]{{100}, {200}});
        assertEquals(NdArray.of(new double[][]{{11, 22, 33}, {14, 25, 36}}), Broadcast.apply(a, row, Double::sum));
        assertEquals(NdArray.of(new double[][]{{101, 102, 103}, {204, 205, 206}}),
                Broadcast.apply(a, col, Double::sum));
        assertEquals(NdArray.of(new double[][]{{11, 22, 33}, {14, 25, 36}}),
                Broadcast.apply(a, NdArray.vector(10, 20, 30), Double::sum));
        // A column plus a row: the outer sum.
        NdArray outer = Broadcast.apply(NdArray.of(new double[][]{{1}, {2}, {3}}), NdArray.vector(10, 20),
                Double::sum);
        assertEquals(NdArray.of(new double[][]{{11, 21}, {12, 22}, {13, 23}}), outer);
        // The notes' A / A.sum(axis=1, keepdims=True): every row divided by its own sum.
        NdArray m = NdArray.of(new double[][]{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        NdArray shares = Broadcast.apply(m, m.sum(1, true), (x, y) -> x / y);
        assertEquals(1.0 / 6, shares.get(0, 0), 1e-12);
        assertEquals(7.0 / 24, shares.get(2, 0), 1e-12);
        assertEquals(1.0, shares.sum(1, false).flat(2), 1e-12);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.apply(m, NdArray.vector(1, 2), Double::sum));
        assertTrue(bad.getMessage().contains("(3, 3) and (2,)"));
    }

    @Test
    void sourcePositionsAndOriginals() {
        int[] out = {2, 3};
        assertEquals(2, Broadcast.sourcePosition(out, s(1, 3), 5), "row operand: column 2");
        assertEquals(1, Broadcast.sourcePosition(out, s(2, 1), 5), "column operand: row 1");
        assertEquals(2, Broadcast.sourcePosition(out, s(3), 5));
        assertEquals(0, Broadcast.sourcePosition(out, s(), 4));
        assertTrue(Broadcast.isOriginal(out, s(1, 3), 2));
        assertFalse(Broadcast.isOriginal(out, s(1, 3), 5), "second row is a stretched copy");
        assertTrue(Broadcast.isOriginal(out, s(2, 1), 3));
        assertFalse(Broadcast.isOriginal(out, s(2, 1), 4));
        assertTrue(Broadcast.isOriginal(out, s(2, 3), 5));
        assertFalse(Broadcast.isOriginal(out, s(3), 4));
    }
}
