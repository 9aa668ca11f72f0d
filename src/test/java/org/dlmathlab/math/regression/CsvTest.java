package org.dlmathlab.math.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<String> texts(Csv.Result result) {
        return result.problems().stream().map(Csv.Problem::text).toList();
    }

    @Test
    void aHeaderLineIsRecognisedAndSkipped() {
        Csv.Result withHeader = Csv.parse("x,y\n1,2\n3,4.5\n");
        assertEquals(List.of(), withHeader.problems());
        Dataset d = withHeader.data().orElseThrow();
        assertArrayEquals(new double[]{1, 3}, d.x(), 0.0);
        assertArrayEquals(new double[]{2, 4.5}, d.y(), 0.0);

        Csv.Result without = Csv.parse("1,2\n3,4.5");
        assertEquals(List.of(), without.problems());
        assertEquals(d, without.data().orElseThrow(), "a numeric first line is data");

        Csv.Result mixed = Csv.parse("time,2\n1,2\n3,4");
        assertEquals(List.of("line 1: 'time' is not a number"), texts(mixed), "half-numeric is a bad row");
        assertEquals(2, mixed.data().orElseThrow().n());
    }

    @Test
    void badRowsAreReportedWithTheirLineAndSkipped() {
        String text = String.join("\n",
                "# hours studied, score",  // 1
                "hours,score",             // 2
                "1,2",                     // 3
                "",                        // 4
                "abc,3",                   // 5
                "4,5,6",                   // 6
                "7,",                      // 7
                "8",                       // 8
                "NaN,1",                   // 9
                "0x10,1",                  // 10
                "1e400,2",                 // 11
                "  9 , 10 ",               // 12
                "# the end");              // 13
        Csv.Result r = Csv.parse(text);
        assertEquals(List.of(
                "line 5: 'abc' is not a number",
                "line 6: expected 2 values (x,y), found 3",
                "line 7: the y value is missing",
                "line 8: expected 2 values (x,y), found 1",
                "line 9: 'NaN' is not a number",
                "line 10: '0x10' is not a number",
                "line 11: '1e400' is too large"), texts(r));
        assertEquals(5, r.problems().get(0).line());
        assertEquals("'abc' is not a number", r.problems().get(0).message());
        Dataset d = r.data().orElseThrow();
        assertArrayEquals(new double[]{1, 9}, d.x(), 0.0);
        assertArrayEquals(new double[]{2, 10}, d.y(), 0.0);
    }

    @Test
    void tooFewRowsGiveNoData() {
        Csv.Result empty = Csv.parse("x,y\n\n# nothing\n");
        assertTrue(empty.data().isEmpty());
        assertEquals(List.of("no data rows"), texts(empty));
        assertEquals(0, empty.problems().get(0).line());
        assertEquals(List.of("no data rows"), texts(Csv.parse("")));

        Csv.Result one = Csv.parse("x,y\n1,2\n");
        assertTrue(one.data().isEmpty());
        assertEquals(List.of("only 1 data row: a line needs at least 2 points"), texts(one));

        Csv.Result allBad = Csv.parse("1,a\n2,b");
        assertTrue(allBad.data().isEmpty());
        assertEquals(List.of("line 1: 'a' is not a number", "line 2: 'b' is not a number", "no data rows"),
                texts(allBad));
    }

    @Test
    void semicolonsTabsAndWindowsLineEndingsWork() {
        Dataset expected = new Dataset(new double[]{1.5, -2, 3e2}, new double[]{2, 0.25, -4});
        assertEquals(expected, Csv.parse("x;y\r\n1.5;2\r\n-2;.25\r\n3e2;-4\r\n").data().orElseThrow());
        assertEquals(expected, Csv.parse("x\ty\n1.5\t2\n-2\t0.25\n300\t-4").data().orElseThrow());
        assertEquals(expected, Csv.parse("\uFEFFx,y\n1.5,2\n-2,+0.25\n3E+2,-4.0").data().orElseThrow());
        // Spreadsheets in many locales write decimal commas next to semicolons.
        Csv.Result comma = Csv.parse("x;y\n1,5;2\n-2;0,25\n300;-4");
        assertEquals(List.of(), comma.problems());
        assertEquals(expected, comma.data().orElseThrow());
        // The first data line decides the separator.
        assertEquals(List.of("line 3: expected 2 values (x,y), found 1"), texts(Csv.parse("1;2\n3;4\n5,6")));
    }

    @Test
    void rowsBeyondTheLimitAreNotRead() {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < Csv.MAX_ROWS + 5; i++) {
            text.append(i).append(',').append(2 * i).append('\n');
        }
        Csv.Result r = Csv.parse(text.toString());
        assertEquals(Csv.MAX_ROWS, r.data().orElseThrow().n());
        assertEquals(List.of("line " + (Csv.MAX_ROWS + 2) + ": more than 100000 data rows; the rest of the file "
                + "was not read"), texts(r));
    }

    @Test
    void aFloodOfProblemsIsSummarised() {
        StringBuilder text = new StringBuilder("1,2\n3,4\n");
        for (int i = 0; i < 60; i++) {
            text.append("oops\n");
        }
        Csv.Result r = Csv.parse(text.toString());
        assertEquals(Csv.MAX_REPORTED_PROBLEMS + 1, r.problems().size());
        assertEquals("line 3: expected 2 values (x,y), found 1", r.problems().get(0).text());
        assertEquals("... and 10 more problems", r.problems().get(Csv.MAX_REPORTED_PROBLEMS).text());
        assertEquals(2, r.data().orElseThrow().n());
    }

    @Test
    void formatRoundTripsEveryDoubleExactly() {
        Random random = new Random(5);
        List<double[]> rows = new ArrayList<>();
        rows.add(new double[]{0.1, -0.0});
        rows.add(new double[]{1e-300, 1.7976931348623157e308});
        rows.add(new double[]{-123456789.125, Double.MIN_VALUE});
        for (int i = 0; i < 200; i++) {
            rows.add(new double[]{random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20),
                    random.nextDouble() - 0.5});
        }
        String text = Csv.format(rows, "x,y");
        assertTrue(text.startsWith("x,y\n0.1,-0.0\n"), text.substring(0, 20));
        Csv.Result back = Csv.parse(text);
        assertEquals(List.of(), back.problems());
        Dataset d = back.data().orElseThrow();
        assertEquals(rows.size(), d.n());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i), new double[]{d.x(i), d.y(i)}, 0.0, "row " + i);
        }
        assertEquals(-0.0, d.y(0), 0.0);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(d.y(0)), "the sign of zero survives");

        assertEquals("1.0,2.0\n", Csv.format(List.of(new double[]{1, 2}), null));
        assertEquals("1.0,2.0\n", Csv.format(List.of(new double[]{1, 2}), ""));
        assertThrows(IllegalArgumentException.class,
                () -> Csv.format(List.of(new double[]{Double.NaN, 1}), "x,y"));
        assertFalse(Csv.parse(Csv.format(List.of(), "x,y")).data().isPresent());
    }
}
