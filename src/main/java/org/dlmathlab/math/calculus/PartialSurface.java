package org.dlmathlab.math.calculus;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import org.dlmathlab.math.expr.Expression;

/**
 * A surface z = f(x, y) together with its two partial derivatives, for the partial-derivatives lab.
 *
 * <ul>
 *   <li>df/dx (x, y): the slope of the slice y = const, i.e. of the one-variable function t -> f(t, y) at t = x</li>
 *   <li>df/dy (x, y): the slope of the slice x = const, t -> f(x, t) at t = y</li>
 *   <li>grad f = (df/dx, df/dy); |grad f| = sqrt((df/dx)^2 + (df/dy)^2); its angle atan2(df/dy, df/dx)</li>
 *   <li>the slope in the direction of a unit vector u: D_u f = grad f . u, largest (= |grad f|) for u along grad f
 *       and 0 along the contour, which is therefore perpendicular to grad f</li>
 * </ul>
 * The presets carry their partials in closed form; a typed formula gets them by central differences
 * ({@link Partials}), so {@link #exact()} tells which.
 *
 * @param id      a stable key: the preset's name or {@value #TYPED_ID}
 * @param formula f as a learner would type it (the evaluator's syntax)
 * @param f       the function
 * @param fx      df/dx
 * @param fy      df/dy
 * @param exact   whether fx and fy are closed forms (false: central differences)
 */
public record PartialSurface(String id, String formula, DoubleBinaryOperator f, DoubleBinaryOperator fx,
                             DoubleBinaryOperator fy, boolean exact) {

    /** The id of every surface built from a typed formula. */
    public static final String TYPED_ID = "typed";

    /** x^2 + y^2: df/dx = 2x, df/dy = 2y; round contours, the gradient points straight away from the bottom. */
    public static final PartialSurface BOWL = new PartialSurface("bowl", "x^2 + y^2",
            (x, y) -> x * x + y * y, (x, y) -> 2 * x, (x, y) -> 2 * y, true);
    /** x^2 + 3y^2: df/dx = 2x, df/dy = 6y; oval contours, three times steeper across y. */
    public static final PartialSurface LONG_BOWL = new PartialSurface("long-bowl", "x^2 + 3y^2",
            (x, y) -> x * x + 3 * y * y, (x, y) -> 2 * x, (x, y) -> 6 * y, true);
    /** x^2 - y^2: df/dx = 2x, df/dy = -2y; up along x, down along y, flat at the origin without being a minimum. */
    public static final PartialSurface SADDLE = new PartialSurface("saddle", "x^2 - y^2",
            (x, y) -> x * x - y * y, (x, y) -> 2 * x, (x, y) -> -2 * y, true);
    /** xy: df/dx = y, df/dy = x; a saddle turned by 45 degrees, each slice a straight line. */
    public static final PartialSurface PRODUCT = new PartialSurface("product", "x*y",
            (x, y) -> x * y, (x, y) -> y, (x, y) -> x, true);
    /** sin(x) cos(y): df/dx = cos(x) cos(y), df/dy = -sin(x) sin(y); an egg box of hills and pits. */
    public static final PartialSurface WAVES = new PartialSurface("waves", "sin(x)*cos(y)",
            (x, y) -> Math.sin(x) * Math.cos(y), (x, y) -> Math.cos(x) * Math.cos(y),
            (x, y) -> -Math.sin(x) * Math.sin(y), true);
    /**
     * exp(-(x^2 + y^2)/2): df/dx = -x f, df/dy = -y f; a round hill, steepest on the circle r = 1 where
     * |grad f| = r e^(-r^2/2) peaks at e^(-1/2).
     */
    public static final PartialSurface HILL = new PartialSurface("hill", "exp(-(x^2 + y^2)/2)",
            (x, y) -> Math.exp(-(x * x + y * y) / 2), (x, y) -> -x * Math.exp(-(x * x + y * y) / 2),
            (x, y) -> -y * Math.exp(-(x * x + y * y) / 2), true);

    /** The presets in the order of the lab's {@code preset} parameter. */
    public static final List<PartialSurface> ALL = List.of(BOWL, LONG_BOWL, SADDLE, PRODUCT, WAVES, HILL);

    public PartialSurface {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(fx, "fx");
        Objects.requireNonNull(fy, "fy");
    }

    /**
     * A formula in x and y (declared in that order), its partials by central differences with
     * h = 1e-5 max(1, |coordinate|) (see {@link Partials}). Where f itself is undefined or infinite (ln x left of
     * the axis, 1 / (x^2 + y^2) at the origin) the partials are NaN: a difference quotient taken beside a pole would
     * report a slope that is not there.
     *
     * @throws IllegalArgumentException if {@code e} does not declare exactly the variables x and y
     */
    public static PartialSurface typed(Expression e) {
        if (!e.variables().equals(List.of("x", "y"))) {
            throw new IllegalArgumentException("A surface needs a formula in x and y, not " + e.variables());
        }
        DoubleBinaryOperator f = (x, y) -> e.evaluate(x, y);
        DoubleBinaryOperator fx = (x, y) -> Double.isFinite(f.applyAsDouble(x, y)) ? Partials.dx(f, x, y) : Double.NaN;
        DoubleBinaryOperator fy = (x, y) -> Double.isFinite(f.applyAsDouble(x, y)) ? Partials.dy(f, x, y) : Double.NaN;
        return new PartialSurface(TYPED_ID, e.source().strip(), f, fx, fy, false);
    }

    public double value(double x, double y) {
        return f.applyAsDouble(x, y);
    }

    /** df/dx at (x, y). */
    public double dx(double x, double y) {
        return fx.applyAsDouble(x, y);
    }

    /** df/dy at (x, y). */
    public double dy(double x, double y) {
        return fy.applyAsDouble(x, y);
    }

    /** (df/dx, df/dy). */
    public double[] gradient(double x, double y) {
        return new double[]{dx(x, y), dy(x, y)};
    }

    /** |grad f| = sqrt((df/dx)^2 + (df/dy)^2): the steepest slope at (x, y). */
    public double gradientNorm(double x, double y) {
        return Math.hypot(dx(x, y), dy(x, y));
    }

    /**
     * The direction of grad f in degrees, atan2(df/dy, df/dx) in (-180, 180]; NaN where the gradient vanishes
     * (|grad f| below 1e-12), since a flat spot has no uphill direction.
     */
    public double gradientAngleDegrees(double x, double y) {
        double gx = dx(x, y);
        double gy = dy(x, y);
        if (!(Math.hypot(gx, gy) >= 1e-12)) {
            return Double.NaN;
        }
        return Math.toDegrees(Math.atan2(gy, gx)) + 0.0;
    }

    /** D_u f = grad f . u / |u|: the slope of f when walking from (x, y) in the direction (ux, uy). */
    public double directional(double x, double y, double ux, double uy) {
        double len = Math.hypot(ux, uy);
        if (len == 0) {
            throw new IllegalArgumentException("a direction must not be the zero vector");
        }
        return (dx(x, y) * ux + dy(x, y) * uy) / len;
    }
}
