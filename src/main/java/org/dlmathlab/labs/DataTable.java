package org.dlmathlab.labs;

import java.util.List;

/** A table a lab shows, e.g. a loss history: column names and rows of numbers. Written as CSV by {@code --export}. */
public record DataTable(List<String> columns, List<double[]> rows) {

    public DataTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (double[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
            }
        }
    }
}
