package org.dlmathlab.math.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes the two-column (x, y) text files that learners bring to the regression lab.
 *
 * <p>Reading is forgiving about layout and strict about numbers: values may be separated by commas, semicolons or
 * tabs (the separator found in the first data line is used for the whole file); blank lines and lines starting with '#'
 * are skipped; a first line in which no value is a number is taken as a header. Every other line must hold exactly
 * two plain decimal numbers (like 3, -0.5, 1.2e-3). A line that does not is reported with its 1-based line number
 * and skipped, so one typo does not lose the whole file.
 */
public final class Csv {

    /** More rows than this are not read: the lab draws every point and trains on all of them each frame. */
    public static final int MAX_ROWS = 100_000;

    /** After this many problems only a count is added, so a wrong file does not flood the screen. */
    static final int MAX_REPORTED_PROBLEMS = 50;

    /** Plain decimal numbers only: no NaN, Infinity, hex or Java suffixes such as 1d, which parseDouble accepts. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Csv() {
    }

    /**
     * What {@link #parse} found.
     *
     * @param data     the good rows, present when at least two remain (fewer cannot define a line)
     * @param problems what was wrong, in line order; empty for a clean file
     */
    public record Result(Optional<Dataset> data, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One thing wrong with the file.
     *
     * @param line    the 1-based line number, or 0 for the file as a whole
     * @param message a sentence for the learner, without the line number
     */
    public record Problem(int line, String message) {

        /** "line 7: 'abc' is not a number", or just the message for the whole file. */
        public String text() {
            return line > 0 ? "line " + line + ": " + message : message;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** Parses (x, y) rows; see the class comment for the accepted layout. */
    public static Result parse(String text) {
        List<Problem> problems = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\\R", -1) : text.split("\\R", -1);
        boolean firstLine = true;
        String separator = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (firstLine) {
                firstLine = false;
                if (isHeader(line)) {
                    continue;
                }
            }
            if (separator == null) {
                separator = separatorOf(line); // from the first data line, for the whole file
            }
            if (rows.size() == MAX_ROWS) {
                problems.add(new Problem(i + 1,
                        "more than " + MAX_ROWS + " data rows; the rest of the file was not read"));
                break;
            }
            String[] fields = line.split(Pattern.quote(separator), -1);
            double[] row = parseRow(fields, separator, i + 1, problems);
            if (row != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(0, "no data rows"));
        } else if (rows.size() == 1) {
            problems.add(new Problem(0, "only 1 data row: a line needs at least 2 points"));
        }
        if (problems.size() > MAX_REPORTED_PROBLEMS) {
            int dropped = problems.size() - MAX_REPORTED_PROBLEMS;
            problems = new ArrayList<>(problems.subList(0, MAX_REPORTED_PROBLEMS));
            problems.add(new Problem(0, "... and " + dropped + " more problems"));
        }
        Optional<Dataset> data = rows.size() >= 2 ? Optional.of(toDataset(rows)) : Optional.empty();
        return new Result(data, problems);
    }

    /**
     * Writes rows as comma-separated lines, each value with {@link Double#toString(double)} so that reading the text
     * back gives the same doubles bit for bit.
     *
     * @param header the first line, such as "x,y"; null or empty for none
     */
    public static String format(List<double[]> rows, String header) {
        StringBuilder out = new StringBuilder();
        if (header != null && !header.isEmpty()) {
            out.append(header).append('\n');
        }
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("cannot write " + row[j] + ": only finite numbers");
                }
                out.append(j == 0 ? "" : ",").append(row[j]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Tab if the line has one, else semicolon if it has one, else comma. */
    private static String separatorOf(String line) {
        if (line.indexOf('\t') >= 0) {
            return "\t";
        }
        return line.indexOf(';') >= 0 ? ";" : ",";
    }

    /** A first line in which no value is a number, such as "x,y" or "hours;score". */
    private static boolean isHeader(String line) {
        String separator = separatorOf(line);
        for (String field : line.split(Pattern.quote(separator), -1)) {
            if (number(field, separator) != null) {
                return false;
            }
        }
        return true;
    }

    /** The row's two values, or null after adding a problem. */
    private static double[] parseRow(String[] fields, String separator, int lineNumber, List<Problem> problems) {
        if (fields.length != 2) {
            problems.add(new Problem(lineNumber, "expected 2 values (x,y), found " + fields.length));
            return null;
        }
        double[] row = new double[2];
        for (int j = 0; j < 2; j++) {
            String field = fields[j].strip();
            String name = j == 0 ? "x" : "y";
            if (field.isEmpty()) {
                problems.add(new Problem(lineNumber, "the " + name + " value is missing"));
                return null;
            }
            Double value = number(field, separator);
            if (value == null) {
                problems.add(new Problem(lineNumber, "'" + field + "' is not a number"));
                return null;
            }
            if (value.isInfinite()) {
                problems.add(new Problem(lineNumber, "'" + field + "' is too large"));
                return null;
            }
            row[j] = value;
        }
        return row;
    }

    /**
     * The field's value, or null when it is not a plain decimal number. Where the separator is not a comma, a
     * decimal comma (as spreadsheets in many locales write "2,5") is accepted too.
     */
    private static Double number(String field, String separator) {
        String s = field.strip();
        if (!separator.equals(",") && s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
            s = s.replace(',', '.');
        }
        return NUMBER.matcher(s).matches() ? Double.valueOf(s) : null;
    }

    private static Dataset toDataset(List<double[]> rows) {
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
        }
        return new Dataset(x, y);
    }
}
