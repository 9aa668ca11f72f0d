package org.dlmathlab.math.optim;

import java.util.List;
import java.util.NoSuchElementException;

/** The preset loss surfaces of the optimiser race, each with its exact gradient. */
public final class Functions2 {

    /** f = x^2 + y^2, grad = (2x, 2y): the round bowl, minimum 0 at the origin. */
    public static final Function2 BOWL = new Function2("bowl", (x, y) -> x * x + y * y,
            (x, y) -> new double[]{2 * x, 2 * y}, new double[]{2.5, 2}, -3, 3, -3, 3, List.of(new double[]{0, 0}));

    /**
     * f = 0.1 x^2 + 2 y^2, grad = (0.2x, 4y): a long narrow valley. The curvatures 0.2 along x and 4 across differ
     * twentyfold, so a rate small enough not to bounce across the valley (eta &lt; 2/4) crawls along it
     * (the x-factor 1 - 0.2 eta stays above 0.9): the case momentum and Adam were made for.
     */
    public static final Function2 VALLEY = new Function2("valley", (x, y) -> 0.1 * x * x + 2 * y * y,
            (x, y) -> new double[]{0.2 * x, 4 * y}, new double[]{-4.5, 1.2}, -5, 5, -2.5, 2.5,
            List.of(new double[]{0, 0}));

    /**
     * f = (1 - x)^2 + 100 (y - x^2)^2, grad = (-2(1 - x) - 400 x (y - x^2), 200 (y - x^2)): Rosenbrock's banana. The
     * curved valley floor y = x^2 is easy to find and slow to follow to the minimum 0 at (1, 1).
     */
    public static final Function2 ROSENBROCK = new Function2("rosenbrock",
            (x, y) -> (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x),
            (x, y) -> new double[]{-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)},
            new double[]{-1.5, 2}, -2, 2, -1, 3, List.of(new double[]{1, 1}));

    /**
     * f = x^2 - y^2, grad = (2x, -2y): a saddle with no minimum; the origin is flat but curves up along x and down
     * along y. The start (2, 0.01) lies just off the ridge line y = 0, so plain descent first heads for the origin and
     * only slowly notices the tiny y that then grows by (1 + 2 eta) each step.
     */
    public static final Function2 SADDLE = new Function2("saddle", (x, y) -> x * x - y * y,
            (x, y) -> new double[]{2 * x, -2 * y}, new double[]{2, 0.01}, -3, 3, -3, 3, List.of());

    /**
     * f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2, grad = (4x a + 2b, 2a + 4y b) with a = x^2 + y - 11 and
     * b = x + y^2 - 7: Himmelblau's function, four minima of value 0. Which one an optimiser finds depends on the
     * start and the rate.
     */
    public static final Function2 HIMMELBLAU = new Function2("himmelblau",
            (x, y) -> square(x * x + y - 11) + square(x + y * y - 7),
            Functions2::himmelblauGradient, new double[]{0, 0}, -5, 5, -5, 5,
            List.of(new double[]{3, 2}, new double[]{-2.805118086952745, 3.131312518250573},
                    new double[]{-3.779310253377747, -3.283185991286170},
                    new double[]{3.584428340330492, -1.848126526964403}));

    /** Every preset, in the order the lab lists them. */
    public static final List<Function2> ALL = List.of(BOWL, VALLEY, ROSENBROCK, SADDLE, HIMMELBLAU);

    private Functions2() {
    }

    /** The preset with this id, or throws {@link NoSuchElementException}. */
    public static Function2 byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No 2D function called '" + id + "'"));
    }

    private static double[] himmelblauGradient(double x, double y) {
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        return new double[]{4 * x * a + 2 * b, 2 * a + 4 * y * b};
    }

    private static double square(double v) {
        return v * v;
    }
}
