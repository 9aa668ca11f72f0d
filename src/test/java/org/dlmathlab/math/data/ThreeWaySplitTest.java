package org.dlmathlab.math.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThreeWaySplitTest {

    @Test
    void sizesAddUpExactlyAndStayWithinOneOfTheirShares() {
        for (int n = 0; n <= 250; n++) {
            for (int train = 0; train <= 100; train += 7) {
                for (int val = 0; train + val <= 100; val += 9) {
                    double tf = train / 100.0;
                    double vf = val / 100.0;
                    int[] s = ThreeWaySplit.sizes(n, tf, vf);
                    assertEquals(n, s[0] + s[1] + s[2], "n = " + n + ", " + train + "/" + val);
                    double[] share = {n * tf, n * vf, n * (1 - tf - vf)};
                    for (int k = 0; k < 3; k++) {
                        assertTrue(s[k] >= 0 && Math.abs(s[k] - share[k]) < 1 + 1e-9,
                                "part " + k + " of n = " + n + ", " + train + "/" + val + ": " + Arrays.toString(s));
                    }
                }
            }
        }
    }

    @Test
    void exactSharesAreKeptAndTheRemainderGoesToTheLargestFractions() {
        assertArrayEquals(new int[]{24, 8, 8}, ThreeWaySplit.sizes(40, 0.6, 0.2));
        assertArrayEquals(new int[]{7, 1, 2}, ThreeWaySplit.sizes(10, 0.7, 0.1));
        // 10 points at 1/3 each: 3.33 each, the one left over goes to the first of the tied parts (train).
        assertArrayEquals(new int[]{4, 3, 3}, ThreeWaySplit.sizes(10, 1 / 3.0, 1 / 3.0));
        // 7 x (0.5, 0.25, 0.25) = 3.5, 1.75, 1.75: floors 3, 1, 1 and the two left over go to the .75 parts.
        assertArrayEquals(new int[]{3, 2, 2}, ThreeWaySplit.sizes(7, 0.5, 0.25));
    }

    @Test
    void theShuffleIsAPermutationAndDependsOnlyOnTheSeed() {
        int[] a = ThreeWaySplit.permutation(50, 7);
        int[] b = ThreeWaySplit.permutation(50, 7);
        int[] c = ThreeWaySplit.permutation(50, 8);
        assertArrayEquals(a, b, "same seed, same order");
        assertFalse(Arrays.equals(a, c), "another seed, another order");
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        ThreeWaySplit s1 = ThreeWaySplit.of(50, 0.6, 0.2, 7);
        ThreeWaySplit s2 = ThreeWaySplit.of(50, 0.6, 0.2, 7);
        for (int i = 0; i < 50; i++) {
            assertEquals(s1.part(i), s2.part(i));
        }
    }

    @Test
    void thePartsAreDisjointCoverEveryPointAndFollowTheShuffle() {
        ThreeWaySplit split = ThreeWaySplit.of(40, 0.6, 0.2, 3);
        assertEquals(24, split.trainSize());
        assertEquals(8, split.validationSize());
        assertEquals(8, split.testSize());
        boolean[] seen = new boolean[40];
        for (ThreeWaySplit.Part part : ThreeWaySplit.Part.values()) {
            int[] idx = split.indices(part);
            assertEquals(split.size(part), idx.length);
            for (int i : idx) {
                assertFalse(seen[i], "point " + i + " is in two parts");
                seen[i] = true;
                assertEquals(part, split.part(i));
            }
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        int[] p = split.permutation();
        assertArrayEquals(Arrays.copyOfRange(p, 0, 24), split.indices(ThreeWaySplit.Part.TRAIN));
        assertArrayEquals(Arrays.copyOfRange(p, 32, 40), split.indices(ThreeWaySplit.Part.TEST));

        double[] values = new double[40];
        for (int i = 0; i < 40; i++) {
            values[i] = 10 * i;
        }
        double[] test = split.select(values, ThreeWaySplit.Part.TEST);
        for (int k = 0; k < test.length; k++) {
            assertEquals(10.0 * split.indices(ThreeWaySplit.Part.TEST)[k], test[k]);
        }
    }

    @Test
    void movingTheFractionsOnlyMovesPointsAcrossABorder() {
        ThreeWaySplit before = ThreeWaySplit.of(40, 0.6, 0.2, 11);
        ThreeWaySplit after = ThreeWaySplit.of(40, 0.7, 0.2, 11);
        int changed = 0;
        for (int i = 0; i < 40; i++) {
            if (before.part(i) != after.part(i)) {
                changed++;
                // Train grew by 4: points move from validation to train and from test to validation, never further.
                assertEquals(before.part(i).ordinal() - 1, after.part(i).ordinal(), "point " + i);
            }
        }
        assertEquals(8, changed, "4 cross the train/validation border and 4 the validation/test one");
    }

    @Test
    void aPartWithoutAPointIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreeWaySplit.of(10, 0.6, 0.02, 1));
        assertTrue(e.getMessage().contains("validation part would get no point"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThreeWaySplit.of(20, 0.8, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> ThreeWaySplit.sizes(20, 0.8, 0.3));
        assertThrows(IllegalArgumentException.class, () -> ThreeWaySplit.sizes(20, -0.1, 0.3));
        assertThrows(IllegalArgumentException.class, () -> ThreeWaySplit.of(3, 0.34, 0.33, 1).select(new double[4],
                ThreeWaySplit.Part.TRAIN));
    }
}
