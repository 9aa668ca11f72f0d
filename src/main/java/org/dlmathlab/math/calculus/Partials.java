package org.dlmathlab.math.calculus;

import java.util.function.DoubleBinaryOperator;

/**
 * Partial derivatives of f(x, y) by central differences: each one is an ordinary derivative of a slice.
 *
 * <ul>
 *   <li>df/dx (x, y) ~ (f(x + h, y) - f(x - h, y)) / (2h): y held fixed</li>
 *   <li>df/dy (x, y) ~ (f(x, y + h) - f(x, y - h)) / (2h): x held fixed</li>
 *   <li>grad f = (df/dx, df/dy) points uphill, steepest; |grad f| is that steepest slope; it is perpendicular to the
 *       contour through (x, y), along which the directional derivative grad f . u is 0</li>
 * </ul>
 * The step h = 1e-5 max(1, |coordinate|) balances the h^2 truncation error against rounding (about eps / h).
 */
public final class Partials {

    private Partials() {
    }

    public static double dx(DoubleBinaryOperator f, double x, double y) {
        double h = step(x);
        return (f.applyAsDouble(x + h, y) - f.applyAsDouble(x - h, y)) / (2 * h);
    }

    public static double dy(DoubleBinaryOperator f, double x, double y) {
        double h = step(y);
        return (f.applyAsDouble(x, y + h) - f.applyAsDouble(x, y - h)) / (2 * h);
    }

    /** (df/dx, df/dy). */
    public static double[] gradient(DoubleBinaryOperator f, double x, double y) {
        return new double[]{dx(f, x, y), dy(f, x, y)};
    }

    /** grad f . (ux, uy) / |(ux, uy)|: the slope when walking from (x, y) in the direction (ux, uy). */
    public static double directional(DoubleBinaryOperator f, double x, double y, double ux, double uy) {
        double len = Math.hypot(ux, uy);
        if (len == 0) {
            throw new IllegalArgumentException("a direction must not be the zero vector");
        }
        double[] g = gradient(f, x, y);
        return (g[0] * ux + g[1] * uy) / len;
    }

    private static double step(double at) {
        return 1e-5 * Math.max(1, Math.abs(at));
    }
}
