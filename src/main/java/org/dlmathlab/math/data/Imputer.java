package org.dlmathlab.math.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills missing numbers with the mean of the values present in the same column, as pandas'
 * {@code df.fillna(df.mean())}: for a numeric column with present values {@code x_1 .. x_m},
 * {@code mean = (x_1 + ... + x_m) / m}, and every missing cell of that column becomes that mean. Category columns are
 * left alone (their gaps are one-hot's business). A numeric column with no value at all has no mean: it stays
 * missing, and its {@link Fill} says so with {@code mean = NaN} and {@code present = 0}.
 */
public final class Imputer {

    private Imputer() {
    }

    /**
     * What happened to one numeric column that had missing cells.
     *
     * @param column  the column's name
     * @param present the values that were there, in row order (the numbers that were averaged)
     * @param mean    their mean, NaN when none was present
     * @param filled  the rows that received the mean (none when the mean is NaN)
     */
    public record Fill(String column, List<Double> present, double mean, List<Integer> filled) {

        public Fill {
            present = List.copyOf(present);
            filled = List.copyOf(filled);
        }

        /** Whether the column could be filled: it had at least one value. */
        public boolean possible() {
            return !present.isEmpty();
        }

        /** The sum of the present values (the numerator of the mean). */
        public double sum() {
            double s = 0;
            for (double v : present) {
                s += v;
            }
            return s;
        }
    }

    /**
     * The result of filling.
     *
     * @param table the table with the gaps filled where a mean exists
     * @param fills one entry per numeric column that had missing cells, in column order
     */
    public record Result(Table table, List<Fill> fills) {

        public Result {
            fills = List.copyOf(fills);
        }
    }

    /** The mean of a numeric column's present values; NaN when every value is missing. */
    public static double meanOfPresent(Table.Column column) {
        double sum = 0;
        int m = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                sum += column.number(i);
                m++;
            }
        }
        return m == 0 ? Double.NaN : sum / m;
    }

    /** Fills every numeric column's gaps with that column's mean. */
    public static Result fillMean(Table table) {
        List<Table.Column> columns = new ArrayList<>();
        List<Fill> fills = new ArrayList<>();
        for (Table.Column c : table.columns()) {
            if (!c.isNumeric() || c.missingCount() == 0) {
                columns.add(c);
                continue;
            }
            List<Double> present = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    present.add(c.number(i));
                }
            }
            double mean = meanOfPresent(c);
            List<Integer> filled = new ArrayList<>();
            double[] values = c.numbers();
            if (!Double.isNaN(mean)) {
                for (int i = 0; i < values.length; i++) {
                    if (Double.isNaN(values[i])) {
                        values[i] = mean;
                        filled.add(i);
                    }
                }
            }
            columns.add(Table.Column.numeric(c.name(), values));
            fills.add(new Fill(c.name(), present, mean, filled));
        }
        return new Result(new Table(columns), fills);
    }
}
