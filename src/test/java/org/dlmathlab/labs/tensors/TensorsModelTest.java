package org.dlmathlab.labs.tensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dlmathlab.math.tensor.NdArray;
import org.junit.jupiter.api.Test;

class TensorsModelTest {

    @Test
    void startsWithTheCountingMatrixAndItsColumnSums() {
        TensorsModel m = new TensorsModel();
        assertEquals(NdArray.of(new double[][]{{1, 2, 3}, {4, 5, 6}}), m.arrayA());
        assertEquals(1, m.quantity("ndim"));
        assertEquals(1, m.quantity("rows"), "a 1-D result reads rows = 1");
        assertEquals(3, m.quantity("cols"));
        assertEquals(21, m.quantity("result_sum"));
        assertEquals(5, m.quantity("out0"));
        assertEquals(9, m.quantity("out2"));
        assertTrue(Double.isNaN(m.quantity("out3")), "past the end of the result");
        assertEquals(NdArray.of(new double[][]{{10, 20, 30}}), m.arrayB());
    }

    @Test
    void shapesOfEveryReductionAreDocumentedAsSlicesRowsCols() {
        TensorsModel m = new TensorsModel();
        m.setParameter("keepdims", 1);
        assertEquals(2, m.quantity("ndim"));
        assertEquals(1, m.quantity("rows"));
        m.setParameter("axis", 1);
        assertEquals(2, m.quantity("rows"));
        assertEquals(1, m.quantity("cols"));
        m.setParameter("axis", -1);
        m.setParameter("keepdims", 0);
        assertEquals(0, m.quantity("ndim"), "a scalar");
        assertEquals(1, m.quantity("rows"));
        assertEquals(1, m.quantity("cols"));
        assertEquals(21, m.quantity("out0"));
        m.setParameter("op", TensorsModel.OP_MEAN);
        assertEquals(3.5, m.quantity("out0"));
        // cumsum over all axes runs over the flattened array, as np.cumsum(a) does.
        m.setParameter("op", TensorsModel.OP_CUMSUM);
        assertEquals(1, m.quantity("ndim"));
        assertEquals(6, m.quantity("cols"));
        assertEquals(21, m.quantity("out5"));
        assertEquals(10, m.quantity("out3"));
    }

    @Test
    void threeDimensionsAndAMissingAxis() {
        TensorsModel m = new TensorsModel();
        m.setParameter("axis", 2);
        assertEquals(0, m.quantity("ok"), "a matrix has no axis 2");
        assertTrue(Double.isNaN(m.quantity("ndim")));
        assertTrue(m.reduction().error().contains("out of bounds"));
        m.setParameter("in_ndim", 3);
        m.setParameter("in_rows", 3);
        m.setParameter("in_cols", 4);
        assertEquals(1, m.quantity("ok"));
        assertArrayEquals(new int[]{2, 3, 4}, m.arrayA().shape());
        assertEquals(NdArray.counting(2, 3, 4), m.arrayA());
        assertEquals(1, m.quantity("slices"), "summing axis 2 of (2, 3, 4) leaves (2, 3): padded, slices = 1");
        assertEquals(2, m.quantity("rows"));
        assertEquals(3, m.quantity("cols"));
        m.setParameter("keepdims", 1);
        assertEquals(2, m.quantity("slices"), "(2, 3, 1)");
        assertEquals(1, m.quantity("cols"));
        m.setParameter("keepdims", 0);
        m.setParameter("axis", 1);
        assertEquals(2, m.quantity("rows"));
        assertEquals(4, m.quantity("cols"));
        assertEquals(300, m.quantity("result_sum"));
    }

    @Test
    void editedCellsSurviveShapeChangesAndResetForgetsThem() {
        TensorsModel m = new TensorsModel();
        m.setCell(TensorsModel.Operand.A2, new int[]{1, 2}, 15);
        assertEquals(30, m.quantity("in_sum"));
        assertTrue(m.isEdited(TensorsModel.Operand.A2, 1, 2));
        m.setParameter("in_rows", 3);
        assertEquals(15, m.arrayA().get(1, 2), "the edit is kept where it was");
        assertEquals(7, m.arrayA().get(2, 0), "new cells count on");
        assertThrows(IllegalArgumentException.class,
                () -> m.setCell(TensorsModel.Operand.A2, new int[]{0, 0}, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> m.setCell(TensorsModel.Operand.A2, new int[]{0, 0}, 5000));
        assertThrows(IndexOutOfBoundsException.class,
                () -> m.setCell(TensorsModel.Operand.A2, new int[]{3, 0}, 1));
        m.setDefaults(Map.of("in_cols", 2.0, "a01", -4.0));
        assertEquals(NdArray.of(new double[][]{{1, -4}, {3, 4}}), m.arrayA());
        m.setCell(TensorsModel.Operand.A2, new int[]{0, 0}, 9);
        m.setParameter("in_cols", 4);
        m.reset();
        assertEquals(NdArray.of(new double[][]{{1, -4}, {3, 4}}), m.arrayA(), "reset returns to the lesson start");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> m.setParameter("a44", 1));
        assertTrue(unknown.getMessage().contains("a00-a33"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("axis", 0.5));
    }

    @Test
    void broadcastingAndProductsFollowTheShapes() {
        TensorsModel m = new TensorsModel();
        assertEquals(1, m.quantity("compatible"));
        assertEquals(2, m.quantity("bc_rows"));
        assertEquals(3, m.quantity("bc_cols"));
        assertEquals(21 + 2 * 60, m.quantity("bc_sum"), "A + row, the row counted twice");
        m.setParameter("b_ndim", 1);
        m.setParameter("b_cols", 2);
        assertEquals(0, m.quantity("compatible"));
        assertNull(m.broadcastResult());
        assertTrue(Double.isNaN(m.quantity("bc_rows")));
        assertTrue(m.broadcastShapes().message().contains("(2, 3) and (2,)"));
        // A column (2, 1) stretches across.
        m.setParameter("b_ndim", 2);
        m.setParameter("b_rows", 2);
        m.setParameter("b_cols", 1);
        m.setParameter("b_op", TensorsModel.B_MULTIPLY);
        assertEquals(NdArray.of(new double[][]{{10, 20, 30}, {80, 100, 120}}), m.broadcastResult());
        // Products: (2, 3) with (3, 2) has only the matrix product; (2, 2) with (2, 2) has both.
        m.setParameter("b_rows", 3);
        m.setParameter("b_cols", 2);
        assertEquals(0, m.quantity("had_ok"));
        assertEquals(1, m.quantity("mat_ok"));
        assertEquals(2, m.quantity("mat_rows"));
        assertEquals(2, m.quantity("mat_cols"));
        m.setParameter("in_cols", 2);
        m.setParameter("b_rows", 2);
        assertEquals(1, m.quantity("had_ok"));
        assertEquals(10 + 40 + 90 + 160, m.quantity("had_sum"));
        assertEquals(540, m.quantity("mat_sum"));
        assertNotNull(m.hadamard());
        // Dividing by a zero in B is undefined, never a number on screen.
        m.setParameter("b_op", TensorsModel.B_DIVIDE);
        m.setCell(TensorsModel.Operand.B, new int[]{0, 0}, 0);
        assertTrue(Double.isNaN(m.quantity("bc_sum")));
    }
}
