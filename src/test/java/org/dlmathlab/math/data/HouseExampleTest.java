package org.dlmathlab.math.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

/**
 * The notes' house_tiny.csv, step by step as pandas does it: inputs = data.iloc[:, 0:2]; inputs.fillna(inputs.mean());
 * pd.get_dummies(inputs, dummy_na=True).
 */
class HouseExampleTest {

    private static Table inputs() {
        return Table.parseCsv(TableTest.HOUSE).table().columnRange(0, 2);
    }

    @Test
    void fillingUsesTheMeanOfThePresentRooms() {
        Imputer.Result r = Imputer.fillMean(inputs());
        assertEquals(1, r.fills().size());
        Imputer.Fill fill = r.fills().get(0);
        assertEquals("NumRooms", fill.column());
        assertEquals(List.of(2.0, 4.0), fill.present());
        assertEquals(3.0, fill.mean(), 0);
        assertEquals(6.0, fill.sum(), 0);
        assertEquals(List.of(0, 3), fill.filled());
        assertArrayEquals(new double[]{3, 2, 4, 3}, r.table().column("NumRooms").numbers());
        // The category column is untouched: its gaps are one-hot's job.
        assertEquals(3, r.table().column("Alley").missingCount());
        assertEquals(3, r.table().missingCount());
    }

    @Test
    void oneHotWithMissingAsItsOwnCategory() {
        Table filled = Imputer.fillMean(inputs()).table();
        OneHot.Result r = OneHot.encode(filled, true);
        Table t = r.table();
        assertEquals(List.of("NumRooms", "Alley_Pave", "Alley_nan"),
                t.columns().stream().map(Table.Column::name).toList());
        assertTrue(t.isNumericMatrix());
        assertArrayEquals(new double[][]{{3, 1, 0}, {2, 0, 1}, {4, 0, 1}, {3, 0, 1}}, t.toMatrix());
        assertEquals(List.of("Pave"), r.encodings().get(0).categories());
    }

    @Test
    void oneHotWithoutTheNanColumnLeavesRowsOfZeros() {
        Table filled = Imputer.fillMean(inputs()).table();
        Table t = OneHot.encode(filled, false).table();
        assertEquals(List.of("NumRooms", "Alley_Pave"), t.columns().stream().map(Table.Column::name).toList());
        assertArrayEquals(new double[][]{{3, 1}, {2, 0}, {4, 0}, {3, 0}}, t.toMatrix());
    }

    @Test
    void categoriesAreSortedAndNanIsAddedEvenWhenNothingIsMissing() {
        Table t = new Table(List.of(Table.Column.category("c", "b", "a", "c", "a")));
        OneHot.Result r = OneHot.encode(t, true);
        assertEquals(List.of("c_a", "c_b", "c_c", "c_nan"),
                r.table().columns().stream().map(Table.Column::name).toList());
        assertArrayEquals(new double[]{0, 1, 0, 1}, r.table().column("c_a").numbers());
        assertArrayEquals(new double[]{0, 0, 0, 0}, r.table().column("c_nan").numbers());
        // Each row has exactly one 1 among a category's columns when nan has its own column.
        Table withGaps = new Table(List.of(Table.Column.category("c", "x", null, "y")));
        double[][] m = OneHot.encode(withGaps, true).table().toMatrix();
        for (double[] row : m) {
            assertEquals(1, StatUtils.sum(row));
        }
    }

    @Test
    void aColumnWithNoValueHasNoMeanAndStaysMissing() {
        Table t = new Table(List.of(Table.Column.numeric("empty", Double.NaN, Double.NaN),
                Table.Column.numeric("ok", 1, Double.NaN)));
        Imputer.Result r = Imputer.fillMean(t);
        assertFalse(r.fills().get(0).possible());
        assertTrue(Double.isNaN(r.fills().get(0).mean()));
        assertEquals(List.of(), r.fills().get(0).filled());
        assertEquals(2, r.table().column("empty").missingCount());
        assertArrayEquals(new double[]{1, 1}, r.table().column("ok").numbers());
    }

    @Test
    void meansAgreeWithStatUtilsOnRandomColumns() {
        java.util.Random rnd = new java.util.Random(11);
        for (int trial = 0; trial < 30; trial++) {
            double[] values = new double[2 + rnd.nextInt(20)];
            java.util.List<Double> present = new java.util.ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                values[i] = rnd.nextDouble() < 0.3 ? Double.NaN : rnd.nextGaussian() * 100;
                if (!Double.isNaN(values[i])) {
                    present.add(values[i]);
                }
            }
            double expected = present.isEmpty() ? Double.NaN
                    : StatUtils.mean(present.stream().mapToDouble(Double::doubleValue).toArray());
            assertEquals(expected, Imputer.meanOfPresent(Table.Column.numeric("v", values)), 1e-9);
        }
    }
}
