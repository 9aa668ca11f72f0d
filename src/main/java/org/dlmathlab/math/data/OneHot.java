package org.dlmathlab.math.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One-hot encoding of category columns, as pandas' {@code get_dummies}: a category column with the distinct labels
 * {@code c_1 < c_2 < ... < c_k} (sorted as strings) becomes k numeric columns named {@code <column>_<c_j>}, where row i
 * holds {@code 1} in column j when its label is {@code c_j} and {@code 0} otherwise. A missing label gives a row of
 * zeros, unless {@code dummyNa} is set: then one more column {@code <column>_nan} is added (always, even when nothing is
 * missing, as {@code dummy_na=True} does) and holds 1 exactly where the label was missing.
 *
 * <p>The new columns take the place of the category column (pandas appends them after the other columns instead; the
 * lab keeps them in place so the learner sees where they came from). Numeric columns are left alone.
 */
public final class OneHot {

    private OneHot() {
    }

    /**
     * How one category column was encoded.
     *
     * @param column     the original column's name
     * @param categories its distinct labels, sorted
     * @param naColumn   whether a {@code _nan} column was added
     * @param names      the new columns' names, in order
     */
    public record Encoding(String column, List<String> categories, boolean naColumn, List<String> names) {

        public Encoding {
            categories = List.copyOf(categories);
            names = List.copyOf(names);
        }
    }

    /**
     * The encoded table and what was done.
     *
     * @param table     the table with every category column replaced by its 0/1 columns
     * @param encodings one per category column, in column order
     */
    public record Result(Table table, List<Encoding> encodings) {

        public Result {
            encodings = List.copyOf(encodings);
        }
    }

    /** The distinct labels of a category column, sorted; missing cells are not a label. */
    public static List<String> categories(Table.Column column) {
        Set<String> labels = new TreeSet<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                labels.add(column.label(i));
            }
        }
        return new ArrayList<>(labels);
    }

    /** Encodes every category column of a table. */
    public static Result encode(Table table, boolean dummyNa) {
        List<Table.Column> columns = new ArrayList<>();
        List<Encoding> encodings = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Table.Column c : table.columns()) {
            taken.add(c.name());
        }
        for (Table.Column c : table.columns()) {
            if (c.isNumeric()) {
                columns.add(c);
                continue;
            }
            taken.remove(c.name());
            List<String> categories = categories(c);
            List<String> names = new ArrayList<>();
            for (String label : categories) {
                double[] bits = new double[c.size()];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = !c.isMissing(i) && c.label(i).equals(label) ? 1 : 0;
                }
                String name = fresh(c.name() + "_" + label, taken);
                names.add(name);
                columns.add(Table.Column.numeric(name, bits));
            }
            if (dummyNa) {
                double[] bits = new double[c.size()];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = c.isMissing(i) ? 1 : 0;
                }
                String name = fresh(c.name() + "_nan", taken);
                names.add(name);
                columns.add(Table.Column.numeric(name, bits));
            }
            encodings.add(new Encoding(c.name(), categories, dummyNa, names));
        }
        return new Result(new Table(columns), encodings);
    }

    /** A name not yet in the table (a label could repeat an existing column's name). */
    private static String fresh(String name, Set<String> taken) {
        String candidate = name;
        for (int k = 1; taken.contains(candidate); k++) {
            candidate = name + "." + k;
        }
        taken.add(candidate);
        return candidate;
    }
}
