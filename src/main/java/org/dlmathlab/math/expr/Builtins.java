package org.dlmathlab.math.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The whitelist of functions and constants a formula may use. Names are case-sensitive.
 *
 * <ul>
 *   <li>Constants: {@code pi} = &pi;, {@code e} = Euler's number.</li>
 *   <li>One input: {@code sin cos tan asin acos atan sinh cosh tanh exp ln log log10 log2 sqrt abs sign
 *       floor ceil round sigmoid relu}, where {@code log} = {@code ln} is the natural logarithm,
 *       {@code sign} is &minus;1, 0 or 1, {@code round} rounds halves up (like {@link Math#round(double)}),
 *       {@code sigmoid(x)} = 1 / (1 + e<sup>&minus;x</sup>) and {@code relu(x)} = max(0, x).</li>
 *   <li>Two inputs: {@code atan2(y, x)}, {@code pow(a, b)} = a<sup>b</sup>, {@code hypot(a, b)} =
 *       &radic;(a&sup2; + b&sup2;).</li>
 *   <li>Two or more inputs: {@code min(a, b, ...)}, {@code max(a, b, ...)}.</li>
 * </ul>
 */
final class Builtins {

    /**
     * A whitelisted function: it accepts between {@code minArgs} and {@code maxArgs} inputs; exactly one of
     * {@code one} (for one input) and {@code two} (for two, or folded over two or more) is set.
     */
    record Function(String name, String usage, int minArgs, int maxArgs, DoubleUnaryOperator one,
                    DoubleBinaryOperator two) {

        /** @return e.g. "1 argument", "2 arguments", "at least 2 arguments" */
        String expectedCount() {
            String count = minArgs + (minArgs == 1 ? " argument" : " arguments");
            return minArgs == maxArgs ? count : "at least " + count;
        }
    }

    /** Functions by name, in the order they are listed to learners. */
    static final Map<String, Function> FUNCTIONS;
    /** Constants by name. */
    static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E);

    private static final Map<String, Function> table = new LinkedHashMap<>();

    static {
        one("sin", Math::sin);
        one("cos", Math::cos);
        one("tan", Math::tan);
        one("asin", Math::asin);
        one("acos", Math::acos);
        one("atan", Math::atan);
        two("atan2", "atan2(y, x)", Math::atan2);
        one("sinh", Math::sinh);
        one("cosh", Math::cosh);
        one("tanh", Math::tanh);
        one("exp", Math::exp);
        one("ln", Math::log);
        one("log", Math::log);
        one("log10", Math::log10);
        one("log2", Builtins::log2);
        one("sqrt", Math::sqrt);
        one("abs", Math::abs);
        one("sign", Math::signum);
        one("floor", Math::floor);
        one("ceil", Math::ceil);
        one("round", Builtins::round);
        many("min", Math::min);
        many("max", Math::max);
        two("pow", "pow(a, b)", Math::pow);
        two("hypot", "hypot(a, b)", Math::hypot);
        one("sigmoid", x -> 1 / (1 + Math.exp(-x)));
        one("relu", x -> Math.max(0, x));
        FUNCTIONS = Collections.unmodifiableMap(table);
    }

    private Builtins() {
    }

    private static void one(String name, DoubleUnaryOperator f) {
        table.put(name, new Function(name, name + "(x)", 1, 1, f, null));
    }

    private static void two(String name, String usage, DoubleBinaryOperator f) {
        table.put(name, new Function(name, usage, 2, 2, null, f));
    }

    private static void many(String name, DoubleBinaryOperator f) {
        table.put(name, new Function(name, name + "(a, b, ...)", 2, Integer.MAX_VALUE, null, f));
    }

    /** log<sub>2</sub>(x), exact for powers of two (so {@code log2(8)} is exactly 3). */
    static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY && Math.getExponent(x) >= Double.MIN_EXPONENT
                && (Double.doubleToRawLongBits(x) & 0x000F_FFFF_FFFF_FFFFL) == 0) {
            return Math.getExponent(x);
        }
        return Math.log(x) / Math.log(2);
    }

    /** Rounds half up like {@link Math#round(double)}, but keeps NaN, infinities and huge values as they are. */
    static double round(double x) {
        return Math.abs(x) < 0x1p52 ? (double) Math.round(x) : x;
    }
}
