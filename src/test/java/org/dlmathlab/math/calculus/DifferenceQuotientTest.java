package org.dlmathlab.math.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class DifferenceQuotientTest {

    private static final DoubleUnaryOperator NOTES_F = x -> 3 * x * x - 4 * x;

    /** Seed 003 prints this table for f(x) = 3x^2 - 4x at x = 1, h = 0.1 shrinking tenfold each row. */
    private static final List<String> NOTES_TABLE = List.of(
            "h=0.10000,numerical limit=2.30000",
            "h=0.01000,numerical limit=2.03000",
            "h=0.00100,numerical limit=2.00300",
            "h=0.00010,numerical limit=2.00030",
            "h=0.00001,numerical limit=2.00003",
            "h=0.00000,numerical limit=2.00000",
            "h=0.00000,numerical limit=2.00000",
            "h=0.00000,numerical limit=2.00000",
            "h=0.00000,numerical limit=2.00000",
            "h=0.00000,numerical limit=2.00000");

    @Test
    void reproducesTheNotesTableLineForLine() {
        List<DifferenceQuotient.Row> rows = DifferenceQuotient.table(NOTES_F, 1, 0.1, 0.1, 10);
        for (int i = 0; i < rows.size(); i++) {
            String line = String.format(Locale.ROOT, "h=%.5f,numerical limit=%.5f", rows.get(i).h(),
                    rows.get(i).quotient());
            assertEquals(NOTES_TABLE.get(i), line, "row " + i);
        }
    }

    @Test
    void forwardQuotientOfAQuadraticIsExactlyTheSlopePlusAh() {
        // (f(x+h) - f(x)) / h = f'(x) + 3h for f = 3x^2 - 4x: the truncation error is linear in h.
        for (double h : new double[]{0.5, 0.1, 0.01}) {
            assertEquals(2 + 3 * h, DifferenceQuotient.forward(NOTES_F, 1, h), 1e-9);
        }
        // The central quotient of a quadratic has no truncation error at all.
        assertEquals(2, DifferenceQuotient.central(NOTES_F, 1, 0.5), 1e-12);
    }

    @Test
    void roundingTakesOverForTinyStepsAndTheQuotientCollapsesOnceXPlusHEqualsX() {
        List<DifferenceQuotient.Row> rows = DifferenceQuotient.table(NOTES_F, 1, 0.1, 0.1, 17);
        double best = Double.MAX_VALUE;
        int bestRow = -1;
        for (int i = 0; i < rows.size(); i++) {
            double err = Math.abs(rows.get(i).quotient() - 2);
            if (err < best) {
                best = err;
                bestRow = i;
            }
        }
        assertTrue(bestRow >= 5 && bestRow <= 10, "the best h is near sqrt(eps), not the smallest: row " + bestRow);
        assertTrue(Math.abs(rows.get(14).quotient() - 2) > 1e-3, "at h = 1e-15 rounding dominates");
        assertEquals(0, DifferenceQuotient.forward(NOTES_F, 1, 1e-17), "1 + 1e-17 == 1 in doubles");
        assertTrue(DifferenceQuotient.roundingError(NOTES_F, 1, 1e-12) > DifferenceQuotient.roundingError(NOTES_F, 1,
                1e-6));
    }
}
