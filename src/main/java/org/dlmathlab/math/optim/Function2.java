package org.dlmathlab.math.optim;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import org.dlmathlab.math.expr.Expression;

/**
 * A loss surface f(x, y) of two parameters with its gradient, a start, the rectangle to draw and the known minima.
 *
 * <p>The arrays are copied on the way in and out, so a record cannot be changed through them.
 *
 * @param id       a stable key: the preset's name (see {@link Functions2}) or {@value #TYPED_ID}
 * @param f        the function
 * @param gradient its gradient (df/dx, df/dy)
 * @param start    (x, y) where the optimisers start by default
 * @param xMin     left edge of the view
 * @param xMax     right edge of the view
 * @param yMin     bottom edge of the view
 * @param yMax     top edge of the view
 * @param minima   the known local minima as (x, y) points; empty when unknown or when there is none
 */
public record Function2(String id, DoubleBinaryOperator f, Gradient gradient, double[] start, double xMin,
                        double xMax, double yMin, double yMax, List<double[]> minima) {

    /** The id of every surface built from a typed formula. */
    public static final String TYPED_ID = "typed";

    /** grad f(x, y) = (df/dx, df/dy) as a new two-element array. */
    @FunctionalInterface
    public interface Gradient {
        double[] at(double x, double y);
    }

    public Function2 {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(gradient, "gradient");
        start = point(start);
        minima = minima.stream().map(Function2::point).toList();
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("Empty view [" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]");
        }
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public List<double[]> minima() {
        return minima.stream().map(double[]::clone).toList();
    }

    /** f(p) for p = (x, y). */
    public double value(double[] p) {
        return f.applyAsDouble(p[0], p[1]);
    }

    /** grad f(p) for p = (x, y). */
    public double[] gradientAt(double[] p) {
        return gradient.at(p[0], p[1]);
    }

    /** A typed formula of two variables, started at (1.5, 1.5) and shown on [-3, 3] x [-3, 3]. */
    public static Function2 typed(Expression e) {
        return typed(e, new double[]{1.5, 1.5}, -3, 3, -3, 3);
    }

    /**
     * A typed formula of two variables (x first, then y, in the order they were declared), with the gradient taken
     * by central differences, one coordinate at a time: df/dx ~ (f(x + h, y) - f(x - h, y)) / (2h) with
     * h = 1e-5 max(1, |x|), and likewise for y. The error is O(h^2); see {@link Function1#typed(Expression, double,
     * double, double)}.
     *
     * @throws IllegalArgumentException if {@code e} does not declare exactly two variables
     */
    public static Function2 typed(Expression e, double[] start, double xMin, double xMax, double yMin, double yMax) {
        if (e.variables().size() != 2) {
            throw new IllegalArgumentException("A surface needs a formula of two variables, not " + e.variables());
        }
        DoubleBinaryOperator f = (x, y) -> e.evaluate(x, y);
        Gradient gradient = (x, y) -> new double[]{
                Function1.centralDifference(u -> f.applyAsDouble(u, y), x),
                Function1.centralDifference(v -> f.applyAsDouble(x, v), y)};
        return new Function2(TYPED_ID, f, gradient, start, xMin, xMax, yMin, yMax, List.of());
    }

    private static double[] point(double[] p) {
        if (p.length != 2) {
            throw new IllegalArgumentException("A point of the plane has two coordinates, not " + p.length);
        }
        return p.clone();
    }
}
