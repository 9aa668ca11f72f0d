package org.dlmathlab.math.calculus;

import java.util.List;
import org.dlmathlab.math.optim.Function1;

/**
 * The curves the limit lesson offers, each with its exact derivative so the secant can be compared with the true
 * tangent slope: 3x^2 - 4x (the notes' example, f'(x) = 6x - 4, f'(1) = 2), x^2 (2x), sin x (cos x), e^x (e^x),
 * x^3 - x (3x^2 - 1) and |x| (sign x; no derivative at 0, where the left and right limits are -1 and 1).
 */
public final class LimitCurves {

    public static final Function1 NOTES = new Function1("notes", x -> 3 * x * x - 4 * x, x -> 6 * x - 4, 1, -1, 2.5);
    public static final Function1 SQUARE = new Function1("square", x -> x * x, x -> 2 * x, 1, -3, 3);
    public static final Function1 SINE = new Function1("sine", Math::sin, Math::cos, 1, -4, 4);
    public static final Function1 EXP = new Function1("exp", Math::exp, Math::exp, 0, -3, 2);
    public static final Function1 CUBIC = new Function1("cubic", x -> x * x * x - x, x -> 3 * x * x - 1, 1, -2, 2);
    public static final Function1 ABS = new Function1("abs", Math::abs,
            x -> x == 0 ? Double.NaN : Math.signum(x), 0, -3, 3);

    public static final List<Function1> ALL = List.of(NOTES, SQUARE, SINE, EXP, CUBIC, ABS);

    private LimitCurves() {
    }
}
