package org.dlmathlab.math.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

class NdArrayTest {

    /** The notes' matrix A = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]. */
    private static final NdArray A = NdArray.of(new double[][]{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});

    @Test
    void theNotesSumsAlongEachAxis() {
        assertEquals(NdArray.vector(12, 15, 18), A.sum(0, false));
        assertEquals(NdArray.vector(6, 15, 24), A.sum(1, false));
        assertEquals(NdArray.scalar(45), A.sumAll(false));
        assertEquals(NdArray.vector(4, 5, 6), A.mean(0, false));
        assertEquals(5, A.meanAll(false).flat(0));
        NdArray kept = A.sum(1, true);
        assertArrayEquals(new int[]{3, 1}, kept.shape());
        assertArrayEquals(new double[]{6, 15, 24}, kept.toFlatArray());
        assertEquals(NdArray.of(new double[][]{{1, 2, 3}, {5, 7, 9}, {12, 15, 18}}), A.cumsum(0));
        assertEquals(NdArray.of(new double[][]{{1, 3, 6}, {4, 9, 15}, {7, 15, 24}}), A.cumsum(1));
    }

    @Test
    void keepdimsShapesFollowNumPy() {
        int[] s = {2, 3, 4};
        assertArrayEquals(new int[]{3, 4}, NdArray.reducedShape(s, 0, false));
        assertArrayEquals(new int[]{1, 3, 4}, NdArray.reducedShape(s, 0, true));
        assertArrayEquals(new int[]{2, 4}, NdArray.reducedShape(s, 1, false));
        assertArrayEquals(new int[]{2, 1, 4}, NdArray.reducedShape(s, 1, true));
        assertArrayEquals(new int[]{2, 3}, NdArray.reducedShape(s, 2, false));
        assertArrayEquals(new int[]{2, 3, 1}, NdArray.reducedShape(s, 2, true));
        assertArrayEquals(new int[]{}, NdArray.reducedShapeAll(s, false));
        assertArrayEquals(new int[]{1, 1, 1}, NdArray.reducedShapeAll(s, true));
        assertArrayEquals(new int[]{1, 3}, NdArray.reducedShape(new int[]{2, 3}, 0, true));
        assertArrayEquals(new int[]{3}, NdArray.reducedShape(new int[]{2, 3}, 0, false));
        assertEquals("(3,)", NdArray.shapeText(new int[]{3}));
        assertEquals("(2, 3)", NdArray.shapeText(new int[]{2, 3}));
        assertEquals("()", NdArray.shapeText(new int[]{}));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> A.sum(2, false));
        assertTrue(bad.getMessage().contains("axis 2 is out of bounds"), bad.getMessage());
    }

    @Test
    void randomSumsAndMeansAgreeWithStatUtils() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int k = 1 + rnd.nextInt(3);
            int r = 1 + rnd.nextInt(4);
            int c = 1 + rnd.nextInt(5);
            double[][][] x = new double[k][r][c];
            for (double[][] slice : x) {
                for (double[] row : slice) {
                    for (int j = 0; j < c; j++) {
                        row[j] = rnd.nextGaussian() * 10;
                    }
                }
            }
            NdArray t = NdArray.of(x);
            assertEquals(StatUtils.sum(t.toFlatArray()), t.sumAll(false).flat(0), 1e-9);
            assertEquals(StatUtils.mean(t.toFlatArray()), t.meanAll(true).flat(0), 1e-9);
            for (int axis = 0; axis < 3; axis++) {
                NdArray s = t.sum(axis, true);
                NdArray m = t.mean(axis, false);
                NdArray cs = t.cumsum(axis);
                for (int a = 0; a < k; a++) {
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < c; j++) {
                            int[] idx = {a, i, j};
                            int n = t.dim(axis);
                            double[] line = new double[n];
                            for (int q = 0; q < n; q++) {
                                int[] at = idx.clone();
                                at[axis] = q;
                                line[q] = t.get(at);
                            }
                            int[] out = idx.clone();
                            out[axis] = 0;
                            assertEquals(StatUtils.sum(line), s.get(out), 1e-9);
                            int[] dropped = dropAxis(idx, axis);
                            assertEquals(StatUtils.mean(line), m.get(dropped), 1e-9);
                            // cumsum at position idx[axis] is the sum of the line up to and including it
                            assertEquals(StatUtils.sum(line, 0, idx[axis] + 1), cs.get(idx), 1e-9);
                        }
                    }
                }
            }
        }
    }

    @Test
    void sourcesListTheCellsThatAreAdded() {
        NdArray t = NdArray.counting(2, 3);
        int[][] down = t.reductionSources(0);
        assertEquals(3, down.length);
        assertArrayEquals(new int[]{1, 4}, down[1], "column 1 adds positions 1 and 4");
        int[][] across = t.reductionSources(1);
        assertArrayEquals(new int[]{3, 4, 5}, across[1]);
        int[][] running = t.cumsumSources(1);
        assertArrayEquals(new int[]{3, 4}, running[4]);
        NdArray x = NdArray.counting(2, 3, 4);
        int[][] slices = x.reductionSources(0);
        assertArrayEquals(new int[]{5, 17}, slices[5]);
        // Every source group sums to the reduction entry.
        for (int axis = 0; axis < 3; axis++) {
            int[][] g = x.reductionSources(axis);
            NdArray s = x.sum(axis, false);
            for (int o = 0; o < g.length; o++) {
                double total = 0;
                for (int i : g[o]) {
                    total += x.flat(i);
                }
                assertEquals(s.flat(o), total, 1e-12);
            }
        }
    }

    @Test
    void hadamardAndMatrixProductOnTheSameMatrices() {
        NdArray p = NdArray.of(new double[][]{{1, 2}, {3, 4}});
        NdArray q = NdArray.of(new double[][]{{5, 6}, {7, 8}});
        assertEquals(NdArray.of(new double[][]{{5, 12}, {21, 32}}), p.hadamard(q));
        assertEquals(NdArray.of(new double[][]{{19, 22}, {43, 50}}), p.matmul(q));
        // The products differ in general, and the Hadamard product commutes while the matrix product does not.
        assertEquals(p.hadamard(q), q.hadamard(p));
        assertTrue(!p.matmul(q).equals(q.matmul(p)));

        Random rnd = new Random(3);
        double[][] m = new double[3][4];
        double[][] n = new double[4][2];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextInt(19) - 9;
            }
        }
        for (double[] row : n) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextInt(19) - 9;
            }
        }
        RealMatrix expected = new Array2DRowRealMatrix(m).multiply(new Array2DRowRealMatrix(n));
        NdArray got = NdArray.of(m).matmul(NdArray.of(n));
        assertArrayEquals(new int[]{3, 2}, got.shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expected.getEntry(i, j), got.get(i, j), 1e-12);
            }
        }
        NdArray wide = NdArray.counting(2, 3);
        assertTrue(NdArray.matmulDefined(new int[]{2, 3}, new int[]{3, 2}));
        assertTrue(!NdArray.matmulDefined(new int[]{2, 3}, new int[]{2, 3}));
        assertTrue(!NdArray.hadamardDefined(new int[]{2, 3}, new int[]{3, 2}));
        IllegalArgumentException notSquare = assertThrows(IllegalArgumentException.class, () -> wide.matmul(wide));
        assertTrue(notSquare.getMessage().contains("(2, 3) times (2, 3)"), notSquare.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wide.hadamard(NdArray.counting(3, 2)));
        assertEquals(NdArray.counting(2, 3).total() , 21);
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NdArray(new int[]{2, 2}, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new NdArray(new int[]{0, 2}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> NdArray.counting(1, 1, 1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> A.get(3, 0));
    }

    private static int[] dropAxis(int[] idx, int axis) {
        int[] out = new int[idx.length - 1];
        for (int k = 0, j = 0; k < idx.length; k++) {
            if (k != axis) {
                out[j++] = idx[k];
            }
        }
        return out;
    }
}
