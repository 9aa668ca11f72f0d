package org.dlmathlab.math.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    static final String HOUSE = "NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n";

    @Test
    void readsTheHouseTableWithItsGaps() {
        Table.ReadResult r = Table.parseCsv(HOUSE);
        assertEquals(List.of(), r.problems());
        Table t = r.table();
        assertEquals(4, t.rowCount());
        assertEquals(3, t.columnCount());
        assertEquals(Table.Kind.NUMBER, t.column("NumRooms").kind());
        assertEquals(Table.Kind.CATEGORY, t.column("Alley").kind());
        assertEquals(Table.Kind.NUMBER, t.column("Price").kind());
        assertTrue(Double.isNaN(t.column("NumRooms").number(0)));
        assertEquals(2, t.column("NumRooms").number(1));
        assertEquals("Pave", t.column("Alley").label(0));
        assertNull(t.column("Alley").label(1));
        assertEquals(5, t.missingCount());
        assertFalse(t.isNumericMatrix());
        assertThrows(IllegalStateException.class, t::toMatrix);
    }

    @Test
    void badRowsAreReportedByLineAndTheGoodOnesKept() {
        String text = "a,b,c\n"              // 1
                + "1,2,3\n"                   // 2
                + "4,5\n"                     // 3: too few
                + "\n"                        // 4: blank, skipped
                + "6,7,8,9\n"                 // 5: too many
                + "\"x, y\",10,11\n"          // 6: a quoted comma is fine
                + "1e999,1,2\n"               // 7: too large
                + "ab\"c,1,2\n"               // 8: stray quote
                + "\"two\nlines\",3,4\n"      // 9-10: one record over two lines
                + "12,13,14\r\n"              // 11
                + "\"open,1,2\n";             // 12: never closed
        Table.ReadResult r = Table.parseCsv(text);
        List<Integer> lines = r.problems().stream().map(Table.Problem::line).toList();
        assertEquals(List.of(3, 5, 7, 8, 12), lines, r.problems().toString());
        assertEquals(Table.ProblemKind.FIELD_COUNT, r.problems().get(0).kind());
        assertEquals(List.of("3", "2"), r.problems().get(0).args());
        assertEquals("line 3: expected 3 values, found 2", r.problems().get(0).text());
        assertEquals("line 5: expected 3 values, found 4", r.problems().get(1).text());
        assertEquals(Table.ProblemKind.TOO_LARGE, r.problems().get(2).kind());
        assertEquals(Table.ProblemKind.QUOTING, r.problems().get(3).kind());
        assertTrue(r.problems().get(4).message().contains("never closed"));
        Table t = r.table();
        assertEquals(4, t.rowCount());
        assertEquals(Table.Kind.CATEGORY, t.column("a").kind(), "'x, y' and 'two lines' are not numbers");
        assertEquals("x, y", t.column("a").label(1));
        assertEquals("two\nlines", t.column("a").label(2));
        assertArrayEquals(new double[]{2, 10, 3, 13}, t.column("b").numbers());
    }

    @Test
    void quotesEscapesAndMissingMarkers() {
        Table t = Table.parseCsv("name,value\n\"say \"\"hi\"\"\",1.5\nnan,-2e-1\n\"\",.5\n  plain  , 7 \n").table();
        assertEquals("say \"hi\"", t.column("name").label(0));
        assertNull(t.column("name").label(1));
        assertNull(t.column("name").label(2));
        assertEquals("plain", t.column("name").label(3));
        assertArrayEquals(new double[]{1.5, -0.2, 0.5, 7}, t.column("value").numbers());
    }

    @Test
    void headerProblemsAndEmptyFiles() {
        Table.ReadResult dup = Table.parseCsv("x,x,,y\n1,2,3,4\n");
        assertEquals(List.of("x", "x.1", "column 3", "y"),
                dup.table().columns().stream().map(Table.Column::name).toList());
        assertEquals(2, dup.problems().size());
        assertEquals(1, dup.problems().get(0).line());

        Table.ReadResult empty = Table.parseCsv("\n\n");
        assertNull(empty.table());
        assertEquals(Table.ProblemKind.EMPTY, empty.problems().get(0).kind());

        Table.ReadResult headerOnly = Table.parseCsv("\uFEFFa,b\n");
        assertEquals(0, headerOnly.table().rowCount());
        assertEquals("a", headerOnly.table().column(0).name(), "the byte-order mark is not part of the name");
        assertEquals(Table.ProblemKind.NO_ROWS, headerOnly.problems().get(0).kind());
    }

    @Test
    void longFilesAreCutAndReportedOnce() {
        StringBuilder sb = new StringBuilder("a\n");
        for (int i = 0; i < Table.MAX_ROWS + 50; i++) {
            sb.append(i).append('\n');
        }
        Table.ReadResult r = Table.parseCsv(sb.toString());
        assertEquals(Table.MAX_ROWS, r.table().rowCount());
        assertEquals(1, r.problems().size());
        assertEquals(Table.MAX_ROWS + 2, r.problems().get(0).line());

        StringBuilder bad = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            bad.append("1\n");
        }
        Table.ReadResult many = Table.parseCsv(bad.toString());
        assertEquals(Table.MAX_REPORTED_PROBLEMS + 2, many.problems().size(), "capped, a count, and no rows");
    }

    @Test
    void aNumericTableBecomesAMatrix() {
        Table t = new Table(List.of(Table.Column.numeric("a", 1, 2), Table.Column.numeric("b", 3, 4)));
        assertTrue(t.isNumericMatrix());
        assertArrayEquals(new double[][]{{1, 3}, {2, 4}}, t.toMatrix());
        assertThrows(IllegalArgumentException.class,
                () -> new Table(List.of(Table.Column.numeric("a", 1), Table.Column.numeric("a", 2))));
        assertThrows(IllegalArgumentException.class,
                () -> new Table(List.of(Table.Column.numeric("a", 1), Table.Column.numeric("b", 2, 3))));
    }
}
