package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StagedProductTest {

    private static final Matrix2 SHEAR = Matrix2.shear(1);
    private static final Matrix2 TURN = Matrix2.rotation(Math.PI / 2);

    @Test
    void startsAtTheIdentityPassesTheFirstMapAndEndsAtTheProduct() {
        assertEquals(Matrix2.IDENTITY, StagedProduct.at(TURN, SHEAR, 0));
        assertEquals(TURN, StagedProduct.at(TURN, SHEAR, 1));
        assertEquals(SHEAR.times(TURN), StagedProduct.at(TURN, SHEAR, 2), "first TURN, then SHEAR = SHEAR TURN");
        assertEquals(TURN.times(SHEAR), StagedProduct.at(SHEAR, TURN, 2));
    }

    @Test
    void eachStageIsAStraightMorphAndTheSecondActsOnTopOfTheFirst() {
        // Half-way through stage 1: (I + TURN) / 2.
        assertEquals(new Matrix2(0.5, -0.5, 0.5, 0.5), StagedProduct.at(TURN, SHEAR, 0.5));
        // Half-way through stage 2: [[1, 0.5], [0, 1]] TURN = [[0.5, -1], [1, 0]].
        assertEquals(new Matrix2(0.5, -1, 1, 0), StagedProduct.at(TURN, SHEAR, 1.5));
    }

    @Test
    void timeOutsideZeroToTwoIsClamped() {
        assertEquals(Matrix2.IDENTITY, StagedProduct.at(TURN, SHEAR, -3));
        assertEquals(SHEAR.times(TURN), StagedProduct.at(TURN, SHEAR, 7));
    }
}
