package org.dlmathlab.math.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The derivative as a limit: f'(x) = lim_{h -> 0} (f(x + h) - f(x)) / h.
 *
 * <ul>
 *   <li>forward quotient (f(x + h) - f(x)) / h: error about h f''(x) / 2 from the curve (truncation)</li>
 *   <li>central quotient (f(x + h) - f(x - h)) / (2h): error about h^2 f'''(x) / 6</li>
 *   <li>in floating point each f value carries a rounding error of about eps |f(x)| (eps = 2^-52), which the
 *       division by h magnifies to about eps |f(x)| / h: below some h the rounding wins and the quotient gets worse,
 *       and once x + h == x in doubles the quotient is exactly 0</li>
 * </ul>
 */
public final class DifferenceQuotient {

    /** One row of the table the notes print: a step h and the forward quotient at that step. */
    public record Row(double h, double quotient) {
    }

    private DifferenceQuotient() {
    }

    /** (f(x + h) - f(x)) / h. */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** (f(x + h) - f(x - h)) / (2h). */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /**
     * The notes' loop: start at {@code h0}, multiply h by {@code factor} after each row (h *= 0.1 in the notes, so
     * h accumulates the same rounding as there), {@code rows} rows in all.
     */
    public static List<Row> table(DoubleUnaryOperator f, double x, double h0, double factor, int rows) {
        List<Row> out = new ArrayList<>(rows);
        double h = h0;
        for (int i = 0; i < rows; i++) {
            out.add(new Row(h, forward(f, x, h)));
            h *= factor;
        }
        return out;
    }

    /**
     * Rough size of the rounding part of the forward quotient's error at step h: 2 eps max(|f(x)|, |f(x + h)|) / h
     * plus the error of representing x + h. Where this passes the truncation part, shrinking h stops helping.
     */
    public static double roundingError(DoubleUnaryOperator f, double x, double h) {
        double eps = Math.ulp(1.0);
        double scale = Math.max(Math.abs(f.applyAsDouble(x)), Math.abs(f.applyAsDouble(x + h)));
        return 2 * eps * Math.max(scale, Double.MIN_NORMAL) / Math.abs(h) + eps * Math.abs(x) / Math.abs(h);
    }
}
