package org.dlmathlab.labs.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypedDataTest {

    @Test
    void goodEntriesAreKeptAndBadOnesNamedWithTheirPosition() {
        TypedData.Result r = TypedData.parse("1.2, 3.4,abc; 7/2  -1e1\n 2x, 1e9，5、6", 100, 1000);
        assertArrayEquals(new double[]{1.2, 3.4, 3.5, -10, 5, 6}, r.values(), 1e-15);
        assertEquals(List.of(new TypedData.Problem(3, "abc", TypedData.Kind.NOT_A_NUMBER),
                new TypedData.Problem(6, "2x", TypedData.Kind.NOT_A_NUMBER),
                new TypedData.Problem(7, "1e9", TypedData.Kind.OUT_OF_RANGE)), r.problems());
    }

    @Test
    void blankTextGivesNothingAndTooManyIsReportedOnce() {
        TypedData.Result blank = TypedData.parse("  \n ", 100, 10);
        assertEquals(0, blank.values().length);
        assertEquals(List.of(), blank.problems());
        TypedData.Result many = TypedData.parse("1 2 3 4 5", 100, 3);
        assertArrayEquals(new double[]{1, 2, 3}, many.values());
        assertEquals(List.of(new TypedData.Problem(4, "4", TypedData.Kind.TOO_MANY)), many.problems());
        TypedData.Result inf = TypedData.parse("1/0, 2", 100, 3);
        assertArrayEquals(new double[]{2}, inf.values());
        assertEquals(TypedData.Kind.NOT_A_NUMBER, inf.problems().get(0).kind());
    }
}
