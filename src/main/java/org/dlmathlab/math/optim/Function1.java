package org.dlmathlab.math.optim;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.dlmathlab.math.expr.Expression;

/**
 * A loss curve f(x) of one parameter together with its derivative f'(x), a start for the descent and the x-range to
 * show.
 *
 * @param id           a stable key: the preset's name (see {@link Functions1}) or {@value #TYPED_ID}
 * @param f            the function
 * @param df           its derivative
 * @param defaultStart where a descent starts unless the learner drags it elsewhere
 * @param viewMin      left end of the x-range worth drawing
 * @param viewMax      right end of the x-range worth drawing
 */
public record Function1(String id, DoubleUnaryOperator f, DoubleUnaryOperator df, double defaultStart,
                        double viewMin, double viewMax) {

    /** The id of every function built from a typed formula. */
    public static final String TYPED_ID = "typed";

    public Function1 {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(df, "df");
        if (!(viewMin < viewMax)) {
            throw new IllegalArgumentException("viewMin must be below viewMax: " + viewMin + ", " + viewMax);
        }
    }

    /** f(x). */
    public double value(double x) {
        return f.applyAsDouble(x);
    }

    /** f'(x). */
    public double slope(double x) {
        return df.applyAsDouble(x);
    }

    /** A typed formula of one variable, started at x = 2 and shown on [-4, 4]; see {@link #typed(Expression, double,
     * double, double)}. */
    public static Function1 typed(Expression e) {
        return typed(e, 2, -4, 4);
    }

    /**
     * A typed formula of one variable, whose derivative is taken by the central difference
     * f'(x) ~ (f(x + h) - f(x - h)) / (2h) with h = 1e-5 max(1, |x|).
     *
     * <p>By Taylor's theorem the truncation error is f'''(x) h^2 / 6 + O(h^4), i.e. O(h^2), against O(h) for the
     * one-sided (f(x + h) - f(x)) / h. Rounding adds about eps |f(x)| / h (eps ~ 1e-16), so h ~ 1e-5 (the cube root of
     * eps, scaled with |x| so that x + h differs from x) balances the two and leaves roughly 10 correct digits.
     *
     * @param e            a formula with exactly one declared variable
     * @param start        the default start
     * @param viewMin      left end of the range to draw
     * @param viewMax      right end of the range to draw
     * @throws IllegalArgumentException if {@code e} does not declare exactly one variable
     */
    public static Function1 typed(Expression e, double start, double viewMin, double viewMax) {
        if (e.variables().size() != 1) {
            throw new IllegalArgumentException("A curve needs a formula of one variable, not " + e.variables());
        }
        DoubleUnaryOperator f = x -> e.evaluate(x);
        return new Function1(TYPED_ID, f, x -> centralDifference(f, x), start, viewMin, viewMax);
    }

    /** (f(x + h) - f(x - h)) / (2h) with h = 1e-5 max(1, |x|). */
    static double centralDifference(DoubleUnaryOperator f, double x) {
        double h = 1e-5 * Math.max(1, Math.abs(x));
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
}
