package org.dlmathlab.math.optim;

import java.util.List;
import java.util.NoSuchElementException;

/** The preset loss curves of the 1D descent lab, each with its exact derivative. */
public final class Functions1 {

    /** f(x) = x^2, f'(x) = 2x: the textbook bowl, minimum 0 at x = 0. */
    public static final Function1 SQUARE = new Function1("square", x -> x * x, x -> 2 * x, 3, -4, 4);

    /** f(x) = 3x^2 - 4x, f'(x) = 6x - 4: a shifted bowl whose minimum sits at x = 2/3 (f = -4/3). */
    public static final Function1 QUADRATIC = new Function1("quadratic", x -> 3 * x * x - 4 * x, x -> 6 * x - 4,
            -1, -1.5, 2.5);

    /**
     * f(x) = x^4 - 3x^2 + x, f'(x) = 4x^3 - 6x + 1: two valleys. The global minimum is at x ~ -1.3008
     * (f ~ -3.514), a local one at x ~ 1.1309 (f ~ -1.070), with a hump at x ~ 0.1699 between them. Started at
     * x = 2, plain descent settles in the local valley and never sees the deeper one.
     */
    public static final Function1 DOUBLE_WELL = new Function1("double-well", x -> x * x * x * x - 3 * x * x + x,
            x -> 4 * x * x * x - 6 * x + 1, 2, -2.2, 2.2);

    /**
     * f(x) = e^x - 2x, f'(x) = e^x - 2, minimum at x = ln 2. The curvature f''(x) = e^x is about 0.007 at x = -5 (an
     * almost straight slope) but 20 at x = 3, and a step is only stable where eta &lt; 2 / f''. So eta = 0.5 crosses
     * the flat side quickly yet flings a start at x = 3 far to the left, while eta = 0.05 is safe on the steep side but
     * crawls on the flat one: no single learning rate suits both.
     */
    public static final Function1 FLAT_STEEP = new Function1("flat-steep", x -> Math.exp(x) - 2 * x,
            x -> Math.exp(x) - 2, 2.5, -5, 3);

    /** Every preset, in the order the lab lists them. */
    public static final List<Function1> ALL = List.of(SQUARE, QUADRATIC, DOUBLE_WELL, FLAT_STEEP);

    private Functions1() {
    }

    /** The preset with this id, or throws {@link NoSuchElementException}. */
    public static Function1 byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No 1D function called '" + id + "'"));
    }
}
