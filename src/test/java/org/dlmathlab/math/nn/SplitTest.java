package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void sizesFollowTheFractionsAndTestGetsTheRest() {
        Split s = Split.of(400, 0.6, 0.2, 1);
        assertEquals(240, s.train().length);
        assertEquals(80, s.validation().length);
        assertEquals(80, s.test().length);
        Split odd = Split.of(7, 0.5, 0.25, 1);
        assertEquals(4, odd.train().length, "round(3.5) = 4");
        assertEquals(2, odd.validation().length, "round(1.75) = 2");
        assertEquals(1, odd.test().length);
        Split over = Split.of(10, 0.9, 0.5, 1);
        assertEquals(9, over.train().length);
        assertEquals(1, over.validation().length, "validation gets what is left");
        assertEquals(0, over.test().length);
    }

    @Test
    void everyIndexLandsInExactlyOnePart() {
        Split s = Split.of(123, 0.55, 0.3, 9);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 123).toArray(), all);
        int[] roles = s.roles(123);
        for (int i : s.validation()) {
            assertEquals(1, roles[i]);
        }
        for (int i : s.test()) {
            assertEquals(2, roles[i]);
        }
        assertEquals(s.train().length, Arrays.stream(roles).filter(r -> r == 0).count());
    }

    @Test
    void theShuffleIsSeeded() {
        assertArrayEquals(Split.of(50, 0.6, 0.2, 3).train(), Split.of(50, 0.6, 0.2, 3).train());
        assertFalse(Arrays.equals(Split.of(50, 0.6, 0.2, 3).train(), Split.of(50, 0.6, 0.2, 4).train()));
        int[] sorted = Split.of(50, 0.6, 0.2, 3).train().clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, Split.of(50, 0.6, 0.2, 3).train()), "shuffled, not in order");
    }

    @Test
    void badFractionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Split.of(10, 1.2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.of(10, 0.5, -0.1, 1));
    }
}
