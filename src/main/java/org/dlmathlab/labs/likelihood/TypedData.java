package org.dlmathlab.labs.likelihood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.math.expr.ExpressionException;

/**
 * Data points a learner types, such as "1.2, 3.4, 2.8": entries are separated by commas, semicolons (ASCII or
 * full-width), the Chinese enumeration comma or white space, and each may be a small calculation ("7/2"). Good
 * entries are kept; each bad one is reported with its position (counting from 1) and its text.
 */
public final class TypedData {

    /** Why an entry was not used. */
    public enum Kind { NOT_A_NUMBER, OUT_OF_RANGE, TOO_MANY }

    /** One entry that was not used: its 1-based position among the entries, its text and why. */
    public record Problem(int position, String text, Kind kind) {
    }

    /** The good values, in order, and the problems. */
    public record Result(double[] values, List<Problem> problems) {
        public Result {
            values = values.clone();
            problems = List.copyOf(problems);
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private TypedData() {
    }

    /**
     * Parses text into at most {@code maxCount} values with |x| <= limit.
     *
     * @return the good values and the problems; both empty for blank text
     */
    public static Result parse(String text, double limit, int maxCount) {
        String[] entries = text.strip().split("[,;，；、\\s]+");
        List<Problem> problems = new ArrayList<>();
        double[] values = new double[Math.min(entries.length, maxCount)];
        int count = 0;
        int position = 0;
        for (String entry : entries) {
            if (entry.isEmpty()) {
                continue;
            }
            position++;
            if (count == maxCount) {
                problems.add(new Problem(position, entry, Kind.TOO_MANY));
                break;
            }
            try {
                double v = Expression.parse(entry, List.of()).evaluate();
                if (!Double.isFinite(v)) {
                    problems.add(new Problem(position, entry, Kind.NOT_A_NUMBER));
                } else if (Math.abs(v) > limit) {
                    problems.add(new Problem(position, entry, Kind.OUT_OF_RANGE));
                } else {
                    values[count++] = v;
                }
            } catch (ExpressionException e) {
                problems.add(new Problem(position, entry, Kind.NOT_A_NUMBER));
            }
        }
        return new Result(Arrays.copyOf(values, count), problems);
    }
}
