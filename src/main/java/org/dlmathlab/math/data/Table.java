package org.dlmathlab.math.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small table of named columns, each either numeric (a double per row, NaN where the value is missing) or a category
 * (a label per row, null where missing), like a pandas DataFrame after {@code read_csv}. Immutable.
 *
 * <p>Reading CSV ({@link #parseCsv}): the first record is the header; every later record must have as many fields as
 * the header, else it is reported with its line number and left out (the good rows are kept). A field that is empty or
 * one of pandas' usual missing markers ({@link #MISSING_MARKERS}, such as NA or NaN) is missing. A column is numeric when
 * every value present in it is a plain decimal number, otherwise it is a category column.
 */
public final class Table {

    /** What a column holds. */
    public enum Kind { NUMBER, CATEGORY }

    /** Text that means "no value", as pandas reads it by default (a subset). */
    public static final Set<String> MISSING_MARKERS = Set.of("", "NA", "N/A", "n/a", "na", "NaN", "nan", "NAN",
            "null", "NULL", "None", "#N/A");

    /** The lab draws every cell, so a file is cut to this many rows and columns. */
    public static final int MAX_ROWS = 200;
    public static final int MAX_COLUMNS = 12;
    /** After this many problems only a count is added, so a wrong file does not flood the screen. */
    static final int MAX_REPORTED_PROBLEMS = 30;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** One column; the arrays are copied in and out. */
    public static final class Column {
        private final String name;
        private final Kind kind;
        private final double[] numbers;
        private final String[] labels;

        private Column(String name, Kind kind, double[] numbers, String[] labels) {
            this.name = name;
            this.kind = kind;
            this.numbers = numbers;
            this.labels = labels;
        }

        /** A numeric column; NaN marks a missing value. Infinite values are refused. */
        public static Column numeric(String name, double... values) {
            for (double v : values) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("column " + name + " holds an infinite value");
                }
            }
            return new Column(name, Kind.NUMBER, values.clone(), null);
        }

        /** A category column; null marks a missing value. */
        public static Column category(String name, String... values) {
            return new Column(name, Kind.CATEGORY, null, values.clone());
        }

        public String name() {
            return name;
        }

        public Kind kind() {
            return kind;
        }

        public boolean isNumeric() {
            return kind == Kind.NUMBER;
        }

        public int size() {
            return kind == Kind.NUMBER ? numbers.length : labels.length;
        }

        public boolean isMissing(int row) {
            return kind == Kind.NUMBER ? Double.isNaN(numbers[row]) : labels[row] == null;
        }

        public int missingCount() {
            int n = 0;
            for (int i = 0; i < size(); i++) {
                if (isMissing(i)) {
                    n++;
                }
            }
            return n;
        }

        /** The number in a row (NaN when missing); only for numeric columns. */
        public double number(int row) {
            requireNumeric();
            return numbers[row];
        }

        public double[] numbers() {
            requireNumeric();
            return numbers.clone();
        }

        /** The label in a row (null when missing); only for category columns. */
        public String label(int row) {
            if (kind != Kind.CATEGORY) {
                throw new IllegalStateException("column " + name + " holds numbers, not categories");
            }
            return labels[row];
        }

        public String[] labels() {
            if (kind != Kind.CATEGORY) {
                throw new IllegalStateException("column " + name + " holds numbers, not categories");
            }
            return labels.clone();
        }

        /** The same values under another name. */
        public Column renamed(String newName) {
            return new Column(newName, kind, numbers, labels);
        }

        /** The rows with the given positions, in that order. */
        Column rows(int[] keep) {
            if (kind == Kind.NUMBER) {
                double[] out = new double[keep.length];
                for (int i = 0; i < keep.length; i++) {
                    out[i] = numbers[keep[i]];
                }
                return new Column(name, kind, out, null);
            }
            String[] out = new String[keep.length];
            for (int i = 0; i < keep.length; i++) {
                out[i] = labels[keep[i]];
            }
            return new Column(name, kind, null, out);
        }

        private void requireNumeric() {
            if (kind != Kind.NUMBER) {
                throw new IllegalStateException("column " + name + " holds categories, not numbers");
            }
        }
    }

    /**
     * One thing wrong with a CSV file.
     *
     * @param line    the 1-based line number, or 0 for the file as a whole
     * @param kind    what went wrong, for messages in the learner's language
     * @param args    the values, names or counts the message is about, in the message's order
     * @param message an English sentence without the line number
     */
    public record Problem(int line, ProblemKind kind, List<String> args, String message) {

        public Problem {
            args = List.copyOf(args);
        }

        /** "line 4: ..." or the message alone for the whole file. */
        public String text() {
            return line > 0 ? "line " + line + ": " + message : message;
        }
    }

    /** The kinds of CSV problems. */
    public enum ProblemKind { EMPTY, FIELD_COUNT, QUOTING, TOO_LARGE, TOO_MANY_ROWS, TOO_MANY_COLUMNS,
        DUPLICATE_NAME, EMPTY_NAME, NO_ROWS, MORE }

    /**
     * What {@link #parseCsv} found.
     *
     * @param table    the table of good rows (possibly with no rows), or null when there was not even a header
     * @param problems what was wrong, in line order
     */
    public record ReadResult(Table table, List<Problem> problems) {

        public ReadResult {
            problems = List.copyOf(problems);
        }
    }

    private final List<Column> columns;
    private final int rows;

    /** A table of columns of equal length with distinct names. */
    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.rows = columns.isEmpty() ? 0 : columns.get(0).size();
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, not " + rows);
            }
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("two columns are called " + c.name());
            }
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The column with that name, or null. */
    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.size();
    }

    /** Cells with no value, over all columns. */
    public int missingCount() {
        int n = 0;
        for (Column c : columns) {
            n += c.missingCount();
        }
        return n;
    }

    /** True when every column is numeric and no cell is missing: the table can become a matrix. */
    public boolean isNumericMatrix() {
        for (Column c : columns) {
            if (!c.isNumeric() || c.missingCount() > 0) {
                return false;
            }
        }
        return true;
    }

    /** The values as a rows x columns matrix; only when {@link #isNumericMatrix()}. */
    public double[][] toMatrix() {
        if (!isNumericMatrix()) {
            throw new IllegalStateException("the table still has missing cells or category columns");
        }
        double[][] out = new double[rows][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int i = 0; i < rows; i++) {
                out[i][j] = columns.get(j).number(i);
            }
        }
        return out;
    }

    /** The columns from {@code from} (inclusive) to {@code to} (exclusive), as {@code df.iloc[:, from:to]}. */
    public Table columnRange(int from, int to) {
        return new Table(columns.subList(from, to));
    }

    /** This table's columns followed by another's (same number of rows). */
    public Table besides(Table other) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(other.columns);
        return new Table(all);
    }

    // ---- CSV ------------------------------------------------------------------------------------------------------

    /** Reads CSV text; see the class comment for the rules. Never throws for bad content: it reports it. */
    public static ReadResult parseCsv(String text) {
        List<Problem> problems = new ArrayList<>();
        List<CsvRecords.Record> records = CsvRecords.split(text);
        int headerAt = 0;
        while (headerAt < records.size() && records.get(headerAt).error() != null) {
            CsvRecords.Record bad = records.get(headerAt++);
            problems.add(new Problem(bad.line(), ProblemKind.QUOTING, List.of(), bad.error()));
        }
        if (headerAt == records.size()) {
            problems.add(new Problem(0, ProblemKind.EMPTY, List.of(), "the file has no header line with column names"));
            return new ReadResult(null, problems);
        }
        CsvRecords.Record header = records.get(headerAt);
        List<String> names = new ArrayList<>(header.fields());
        int width = names.size();
        if (width > MAX_COLUMNS) {
            problems.add(new Problem(header.line(), ProblemKind.TOO_MANY_COLUMNS,
                    List.of(Integer.toString(width), Integer.toString(MAX_COLUMNS)),
                    "the file has " + width + " columns; only the first " + MAX_COLUMNS + " are read"));
        }
        int kept = Math.min(width, MAX_COLUMNS);
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < kept; j++) {
            String name = names.get(j);
            if (name.isEmpty()) {
                String fresh = unique("column " + (j + 1), seen);
                problems.add(new Problem(header.line(), ProblemKind.EMPTY_NAME, List.of(Integer.toString(j + 1), fresh),
                        "column " + (j + 1) + " has no name; it is called '" + fresh + "'"));
                name = fresh;
            } else if (seen.contains(name)) {
                String fresh = unique(name, seen);
                problems.add(new Problem(header.line(), ProblemKind.DUPLICATE_NAME, List.of(name, fresh),
                        "the name '" + name + "' is used twice; the second column is called '" + fresh + "'"));
                name = fresh;
            }
            seen.add(name);
            names.set(j, name);
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int r = headerAt + 1; r < records.size(); r++) {
            CsvRecords.Record rec = records.get(r);
            if (rec.error() != null) {
                problems.add(new Problem(rec.line(), ProblemKind.QUOTING, List.of(), rec.error()));
                continue;
            }
            if (rec.fields().size() != width) {
                problems.add(new Problem(rec.line(), ProblemKind.FIELD_COUNT,
                        List.of(Integer.toString(width), Integer.toString(rec.fields().size())),
                        "expected " + width + " values, found " + rec.fields().size()));
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                problems.add(new Problem(rec.line(), ProblemKind.TOO_MANY_ROWS, List.of(Integer.toString(MAX_ROWS)),
                        "more than " + MAX_ROWS + " rows; the rest of the file was not read"));
                break;
            }
            String[] row = rec.fields().subList(0, kept).toArray(new String[0]);
            String tooLarge = firstTooLarge(row);
            if (tooLarge != null) {
                problems.add(new Problem(rec.line(), ProblemKind.TOO_LARGE, List.of(tooLarge),
                        "'" + tooLarge + "' is too large to be a number"));
                continue;
            }
            rows.add(row);
            rowLines.add(rec.line());
        }
        if (problems.size() > MAX_REPORTED_PROBLEMS) {
            int dropped = problems.size() - MAX_REPORTED_PROBLEMS;
            problems = new ArrayList<>(problems.subList(0, MAX_REPORTED_PROBLEMS));
            problems.add(new Problem(0, ProblemKind.MORE, List.of(Integer.toString(dropped)),
                    "... and " + dropped + " more problems"));
        }
        if (rows.isEmpty()) {
            // After the cap, so that the most important news is never cut.
            problems.add(new Problem(0, ProblemKind.NO_ROWS, List.of(), "the file has no usable data rows"));
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < kept; j++) {
            columns.add(columnOf(names.get(j), rows, j));
        }
        return new ReadResult(new Table(columns), problems);
    }

    /** Whether a field means "no value". */
    public static boolean isMissingMarker(String field) {
        return MISSING_MARKERS.contains(field.strip());
    }

    /** Whether a field is a plain decimal number such as 3, -0.5 or 1.2e-3. */
    public static boolean isNumber(String field) {
        return NUMBER.matcher(field.strip()).matches();
    }

    private static String firstTooLarge(String[] row) {
        for (String f : row) {
            if (isNumber(f) && Double.isInfinite(Double.parseDouble(f.strip()))) {
                return f.strip();
            }
        }
        return null;
    }

    private static Column columnOf(String name, List<String[]> rows, int j) {
        boolean numeric = true;
        for (String[] row : rows) {
            String f = row[j];
            if (!isMissingMarker(f) && !isNumber(f)) {
                numeric = false;
                break;
            }
        }
        if (numeric) {
            double[] values = new double[rows.size()];
            for (int i = 0; i < values.length; i++) {
                String f = rows.get(i)[j];
                values[i] = isMissingMarker(f) ? Double.NaN : Double.parseDouble(f.strip());
            }
            return Column.numeric(name, values);
        }
        String[] labels = new String[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            String f = rows.get(i)[j];
            labels[i] = isMissingMarker(f) ? null : f;
        }
        return Column.category(name, labels);
    }

    /** name.1, name.2, ... as pandas renames repeated column names. */
    private static String unique(String name, Set<String> seen) {
        if (!seen.contains(name)) {
            return name;
        }
        for (int k = 1; ; k++) {
            String candidate = name + "." + k;
            if (!seen.contains(candidate)) {
                return candidate;
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            sb.append(c.name()).append(c.isNumeric() ? Arrays.toString(c.numbers) : Arrays.toString(c.labels))
                    .append('\n');
        }
        return sb.toString();
    }
}
