package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class MatrixShapeTest {

    @Test
    void theProductIsDefinedExactlyWhenTheInnerSizesAgreeAndThenIsMByP() {
        int checked = 0;
        for (int m = 1; m <= 10; m++) {
            for (int n = 1; n <= 10; n++) {
                for (int n2 = 1; n2 <= 10; n2++) {
                    for (int p = 1; p <= 10; p++) {
                        MatrixShape left = new MatrixShape(m, n);
                        MatrixShape right = new MatrixShape(n2, p);
                        assertEquals(n == n2, left.canMultiply(right));
                        assertEquals(n == n2, left.product(right).isPresent());
                        assertEquals(n == n2, left.mismatch(right).isEmpty());
                        if (n == n2) {
                            assertEquals(new MatrixShape(m, p), left.times(right));
                            assertEquals((long) m * n * p, left.multiplications(right));
                        } else {
                            assertEquals(0, left.multiplications(right));
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(10_000, checked);
    }

    @Test
    void agreesWithCommonsMathOnWhichProductsExist() {
        for (int n = 1; n <= 4; n++) {
            for (int n2 = 1; n2 <= 4; n2++) {
                RealMatrix left = new Array2DRowRealMatrix(3, n);
                RealMatrix right = new Array2DRowRealMatrix(n2, 2);
                boolean mine = new MatrixShape(3, n).canMultiply(new MatrixShape(n2, 2));
                if (mine) {
                    RealMatrix product = left.multiply(right);
                    assertEquals(3, product.getRowDimension());
                    assertEquals(2, product.getColumnDimension());
                } else {
                    assertThrows(DimensionMismatchException.class, () -> left.multiply(right));
                }
            }
        }
    }

    @Test
    void aMismatchSaysWhichSizesDisagree() {
        MatrixShape a = new MatrixShape(2, 3);
        MatrixShape b = new MatrixShape(2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.times(b));
        assertTrue(e.getMessage().contains("(2 × 3)(2 × 4) is not defined"), e.getMessage());
        assertTrue(e.getMessage().contains("3 columns"), e.getMessage());
        assertTrue(e.getMessage().contains("2 rows"), e.getMessage());
        assertTrue(new MatrixShape(1, 1).mismatch(new MatrixShape(2, 1)).contains("1 column but"));
    }

    @Test
    void aLayerIsAMatrixTimesAColumn() {
        MatrixShape w = new MatrixShape(128, 784);
        assertEquals(MatrixShape.column(128), w.times(MatrixShape.column(784)));
        assertEquals(new MatrixShape(128, 32), w.times(new MatrixShape(784, 32)));
        assertFalse(w.canMultiply(MatrixShape.column(128)), "W x needs x as long as a row of W");
        assertEquals(128 * 32, w.times(new MatrixShape(784, 32)).size());
    }

    @Test
    void emptyShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MatrixShape(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new MatrixShape(2, -1));
    }
}
