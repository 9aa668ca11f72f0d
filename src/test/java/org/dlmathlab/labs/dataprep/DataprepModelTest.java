package org.dlmathlab.labs.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dlmathlab.math.data.Table;
import org.junit.jupiter.api.Test;

class DataprepModelTest {

    @Test
    void theHouseTableStartsWithFiveGaps() {
        DataprepModel m = new DataprepModel();
        assertEquals(4, m.quantity("rows"));
        assertEquals(3, m.quantity("cols"));
        assertEquals(5, m.quantity("missing"));
        assertEquals(0, m.quantity("numeric"));
        assertEquals(1, m.quantity("categories"));
        assertEquals(1, m.quantity("target"));
        assertEquals(2, m.quantity("x_cols"));
        assertTrue(Double.isNaN(m.quantity("fill_mean")));
        assertNull(m.inputMatrix());
    }

    @Test
    void theNotesPipelineReproducedExactly() {
        DataprepModel m = new DataprepModel();
        m.setParameter("filled", 1);
        assertEquals(3, m.quantity("fill_mean"));
        assertEquals(2, m.quantity("fill_count"));
        assertEquals(3, m.quantity("missing"));
        m.setParameter("onehot", 1);
        assertEquals(1, m.quantity("numeric"));
        assertEquals(2, m.quantity("onehot_cols"));
        assertEquals(List.of("NumRooms", "Alley_Pave", "Alley_nan", "Price"),
                m.outcome().table().columns().stream().map(Table.Column::name).toList());
        assertArrayEquals(new double[][]{{3, 1, 0}, {2, 0, 1}, {4, 0, 1}, {3, 0, 1}}, m.inputMatrix());
        assertArrayEquals(new double[]{127500, 106000, 178100, 140000}, m.targetValues());
        assertEquals(0, m.quantity("matrix"), "not shown until asked for");
        m.setParameter("matrix", 1);
        assertEquals(1, m.quantity("matrix"));
        m.setParameter("dummy_na", 0);
        assertArrayEquals(new double[][]{{3, 1}, {2, 0}, {4, 0}, {3, 0}}, m.inputMatrix());
        // Without a target, Price is an input too (and has no gap to fill).
        m.setParameter("target", 0);
        assertEquals(3, m.quantity("x_cols"));
        assertNull(m.targetValues());
    }

    @Test
    void theMatrixNeedsEveryCellToBeANumber() {
        DataprepModel m = new DataprepModel();
        m.setParameter("matrix", 1);
        assertEquals(0, m.quantity("matrix"));
        m.setParameter("onehot", 1);
        assertEquals(0, m.quantity("matrix"), "NumRooms still has gaps");
        assertEquals(2, m.quantity("missing"));
    }

    @Test
    void aLearnersCsvReplacesTheTableAndResetBringsTheHouseBack() {
        DataprepModel m = new DataprepModel();
        m.setDefaults(Map.of("filled", 1.0));
        List<Table.Problem> problems = m.loadCsv("city,temp\nOslo,3\nRome\nLima,NA\n,20\n", "weather.csv");
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertEquals(1, m.quantity("csv"));
        assertEquals(0, m.quantity("filled"), "a new file starts from the raw table");
        assertEquals(3, m.quantity("rows"));
        assertEquals(2, m.quantity("missing"));
        assertEquals(1, m.quantity("target"), "temp is the last column and numeric: it is set apart as y");
        assertEquals(1, m.quantity("x_cols"), "only city is an input");
        m.setParameter("target", 0);
        m.setParameter("filled", 1);
        assertEquals(11.5, m.quantity("fill_mean"));
        m.setParameter("onehot", 1);
        m.setParameter("dummy_na", 1);
        assertEquals(1, m.quantity("numeric"));
        assertEquals(4, m.quantity("cols"), "city_Lima, city_Oslo, city_nan, temp");
        // A file with nothing usable leaves the table alone.
        List<Table.Problem> none = m.loadCsv("", "empty.csv");
        assertEquals(Table.ProblemKind.EMPTY, none.get(0).kind());
        assertEquals(3, m.quantity("rows"));
        m.reset();
        assertEquals(0, m.quantity("csv"));
        assertEquals(1, m.quantity("filled"), "the lesson's start");
        assertEquals(4, m.quantity("rows"));
    }
}
