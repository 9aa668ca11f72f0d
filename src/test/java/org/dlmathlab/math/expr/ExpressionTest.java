package org.dlmathlab.math.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.dlmathlab.math.expr.ExpressionException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionTest {

    private static double eval(String source, double x) {
        return Expression.parse(source, List.of("x")).evaluate(x);
    }

    private static ExpressionException error(String source, String... variables) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(source, variables));
    }

    @ParameterizedTest(name = "{0} at x={1} is {2}")
    @CsvSource(delimiter = ';', value = {
        "-x^2; 3; -9",
        "(-x)^2; 3; 9",
        "2^3^2; 0; 512",
        "(2^3)^2; 0; 64",
        "2^-1; 0; 0.5",
        "2^-x^2; 1; 0.5",
        "2**3; 0; 8",
        "2 ** -2; 0; 0.25",
        "-2^2; 0; -4",
        "2x^2; 3; 18",
        "3x^2; 2; 12",
        "1 + 2 * 3; 0; 7",
        "(1 + 2) * 3; 0; 9",
        "10 - 4 - 3; 0; 3",
        "64 / 4 / 2; 0; 8",
        "8 / 2x; 2; 8",
        "1 - -1; 0; 2",
        "+x; 4; 4",
        "--x; 4; 4",
        "x*-2; 3; -6",
        "2^3x; 2; 16",
        "(x+1)(x-1); 3; 8",
        "1 < 2 and 3 > 2; 0; 1",
        "1 < 2 and 3 < 2; 0; 0",
        "1 > 2 or 3 > 2; 0; 1",
        "1 > 2 || 3 < 2; 0; 0",
        "x > 1 && x < 5; 3; 1",
        "not x > 1; 3; 0",
        "!(x > 1); 0; 1",
        "not 0; 0; 1",
        "not 0 and 0; 0; 0",
        "1 or 0 and 0; 0; 1",
        "x + 1 == 4; 3; 1",
        "x != 3; 3; 0",
        "x <= 3; 3; 1",
        "x >= 3.5; 3; 0",
        "1 + (x < 2); 1; 2",
    })
    void precedenceTable(String source, double x, double expected) {
        assertEquals(expected, eval(source, x), 1e-12, source);
    }

    @ParameterizedTest(name = "{0} at x={1} is {2}")
    @CsvSource(delimiter = ';', value = {
        "2x; 3; 6",
        "3(x+1); 2; 9",
        "(x+1)(x-1); 4; 15",
        "2 sin(x); 0.5; 0.958851077208406",
        "x sin(x); 0.5; 0.2397127693021015",
        "sin(x)cos(x); 0.5; 0.42073549240394825",
        "2pi; 0; 6.283185307179586",
        "2 pi x; 1; 6.283185307179586",
        "3x^2; 3; 27",
        "x(x+1); 3; 12",
        "2(3)(4); 0; 24",
        "2exp(x); 0; 2",
        "x x; 3; 9",
        "2 x / 4 x; 2; 2",
        "e(x); 2; 5.43656365691809",
        "pi(x + 1); 0; 3.141592653589793",
    })
    void implicitMultiplication(String source, double x, double expected) {
        assertEquals(expected, eval(source, x), 1e-12, source);
    }

    @Test
    void numbers() {
        assertEquals(12, eval("12", 0));
        assertEquals(1.5, eval("1.5", 0));
        assertEquals(0.5, eval(".5", 0));
        assertEquals(0.001, eval("1e-3", 0));
        assertEquals(2000, eval("2E+3", 0));
        assertEquals(2000, eval("2e3", 0));
        assertEquals(1, eval("1.", 0));
        assertEquals(0.25, eval("2.5e-1x", 0.1 * 10), 1e-15);
    }

    @Test
    void constantsAndShadowing() {
        assertEquals(Math.PI, eval("pi", 0));
        assertEquals(Math.E, eval("e", 0));
        assertEquals(Math.PI, eval("π", 0));
        assertEquals(7, Expression.parse("e + 1", List.of("e")).evaluate(6));
        assertEquals(5, Expression.parse("pi * 2", List.of("pi")).evaluate(2.5));
        assertEquals(Math.PI, Expression.parse("π", List.of()).evaluate());
        // a variable named like a function: followed by '(' it is the function, otherwise the variable
        assertEquals(1 + 5, Expression.parse("exp(0) + exp", List.of("exp")).evaluate(5));
    }

    @Test
    void unicodeSymbolsAreAccepted() {
        assertEquals(-1, eval("2 − x", 3));
        assertEquals(-9, eval("−x^2", 3));
        assertEquals(6, eval("2×x", 3));
        assertEquals(6, eval("2·x", 3));
        assertEquals(6, eval("2⋅x", 3));
        assertEquals(1.5, eval("x ÷ 2", 3));
        assertEquals(2 * Math.PI, eval("2π", 0));
        assertEquals(3 * Math.PI, eval("xπ", 3));
        assertEquals(1, eval("x ≤ 3 and x ≥ 3 and x ≠ 4", 3));
        assertEquals(4, eval("\u00a0x\t+\n1 ", 3));
    }

    @Test
    void namesWithDigitsAndUnderscores() {
        Expression e = Expression.parse("ihat_x * lambda1 + _b", List.of("ihat_x", "lambda1", "_b"));
        assertEquals(7, e.evaluate(2, 3, 1));
    }

    static Stream<Arguments> oneArgumentFunctions() {
        return Stream.of(
            Arguments.of("sin", (DoubleUnaryOperator) Math::sin),
            Arguments.of("cos", (DoubleUnaryOperator) Math::cos),
            Arguments.of("tan", (DoubleUnaryOperator) Math::tan),
            Arguments.of("asin", (DoubleUnaryOperator) Math::asin),
            Arguments.of("acos", (DoubleUnaryOperator) Math::acos),
            Arguments.of("atan", (DoubleUnaryOperator) Math::atan),
            Arguments.of("sinh", (DoubleUnaryOperator) Math::sinh),
            Arguments.of("cosh", (DoubleUnaryOperator) Math::cosh),
            Arguments.of("tanh", (DoubleUnaryOperator) Math::tanh),
            Arguments.of("exp", (DoubleUnaryOperator) Math::exp),
            Arguments.of("ln", (DoubleUnaryOperator) Math::log),
            Arguments.of("log", (DoubleUnaryOperator) Math::log),
            Arguments.of("log10", (DoubleUnaryOperator) Math::log10),
            Arguments.of("log2", (DoubleUnaryOperator) x -> Math.log(x) / Math.log(2)),
            Arguments.of("sqrt", (DoubleUnaryOperator) Math::sqrt),
            Arguments.of("abs", (DoubleUnaryOperator) Math::abs),
            Arguments.of("sign", (DoubleUnaryOperator) Math::signum),
            Arguments.of("floor", (DoubleUnaryOperator) Math::floor),
            Arguments.of("ceil", (DoubleUnaryOperator) Math::ceil),
            Arguments.of("round", (DoubleUnaryOperator) x -> (double) Math.round(x)),
            Arguments.of("sigmoid", (DoubleUnaryOperator) x -> 1 / (1 + Math.exp(-x))),
            Arguments.of("relu", (DoubleUnaryOperator) x -> Math.max(0, x)));
    }

    private static final double[] SAMPLES = {-7.3, -2.5, -1, -0.49, -0.1, 0, 0.3, 0.5, 0.99, 1, 2.5, 3.7, 42.42};

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneArgumentFunctions")
    void oneArgumentFunctionsMatchJavaMath(String name, DoubleUnaryOperator expected) {
        Expression e = Expression.parse(name + "(x)", List.of("x"));
        for (double x : SAMPLES) {
            double want = expected.applyAsDouble(x);
            double got = e.evaluate(x);
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got), name + "(" + x + ") should be NaN but was " + got);
            } else {
                assertEquals(want, got, 1e-12 * Math.max(1, Math.abs(want)), name + "(" + x + ")");
            }
        }
    }

    static Stream<Arguments> twoArgumentFunctions() {
        return Stream.of(
            Arguments.of("atan2", (DoubleBinaryOperator) Math::atan2),
            Arguments.of("pow", (DoubleBinaryOperator) Math::pow),
            Arguments.of("hypot", (DoubleBinaryOperator) Math::hypot),
            Arguments.of("min", (DoubleBinaryOperator) Math::min),
            Arguments.of("max", (DoubleBinaryOperator) Math::max));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoArgumentFunctions")
    void twoArgumentFunctionsMatchJavaMath(String name, DoubleBinaryOperator expected) {
        Expression e = Expression.parse(name + "(a, b)", List.of("a", "b"));
        for (double a : SAMPLES) {
            for (double b : SAMPLES) {
                double want = expected.applyAsDouble(a, b);
                double got = e.evaluate(a, b);
                if (Double.isNaN(want)) {
                    assertTrue(Double.isNaN(got), name + "(" + a + ", " + b + ")");
                } else {
                    assertEquals(want, got, 0.0, name + "(" + a + ", " + b + ")");
                }
            }
        }
    }

    @Test
    void functionEdgeCases() {
        assertEquals(3.0, eval("log2(8)", 0), 0.0);
        assertEquals(-10.0, eval("log2(x)", Math.pow(2, -10)), 0.0);
        assertEquals(3.0, eval("round(2.5)", 0));
        assertEquals(-2.0, eval("round(-2.5)", 0));
        assertEquals(0.0, eval("round(0.49999999999999994)", 0));
        assertEquals(1e300, eval("round(1e300)", 0));
        assertTrue(Double.isNaN(eval("round(x)", Double.NaN)));
        assertEquals(0.5, eval("sigmoid(0)", 0));
        assertEquals(0.0, eval("sigmoid(-1000)", 0));
        assertEquals(1.0, eval("sigmoid(1000)", 0));
        assertEquals(-1, eval("min(3, x, 2, 5)", -1));
        assertEquals(5, eval("max(3, x, 2, 5)", -1));
        assertEquals(0, eval("relu(-x)", 3));
        assertEquals(-1, eval("sign(-x)", 3));
    }

    @Test
    void comparisonsWithNaNAreFalse() {
        for (String op : new String[] {"<", "<=", ">", ">=", "==", "!="}) {
            Expression e = Expression.parse("x " + op + " 1", List.of("x"));
            assertEquals(0.0, e.evaluate(Double.NaN), op);
            assertFalse(e.isTrue(Double.NaN), op);
        }
        assertEquals(1.0, eval("not (x < 1)", Double.NaN));
    }

    @Test
    void isTrueTreatsZeroAndNaNAsFalse() {
        Expression e = Expression.parse("x", List.of("x"));
        assertTrue(e.isTrue(2));
        assertTrue(e.isTrue(-0.5));
        assertFalse(e.isTrue(0));
        assertFalse(e.isTrue(-0.0));
        assertFalse(e.isTrue(Double.NaN));
        assertTrue(Expression.parse("loss < 0.1 and steps <= 100", List.of("loss", "steps")).isTrue(0.05, 80));
        assertFalse(Expression.parse("loss < 0.1 and steps <= 100", List.of("loss", "steps")).isTrue(0.05, 120));
        assertEquals(1.0, eval("x and 2", Double.POSITIVE_INFINITY));
        assertEquals(0.0, eval("x or 0", Double.NaN));
    }

    @Test
    void accessors() {
        Expression e = Expression.parse("a*x + b", List.of("x", "a", "b", "c"));
        assertEquals(List.of("x", "a", "b", "c"), e.variables());
        assertEquals(Set.of("x", "a", "b"), e.variablesUsed());
        assertEquals(List.of("x", "a", "b"), List.copyOf(e.variablesUsed()));
        assertEquals("a*x + b", e.source());
        assertEquals("a*x + b", e.toString());
        assertEquals(Set.of(), Expression.parse("2 + pi", List.of("x")).variablesUsed());
        assertThrows(UnsupportedOperationException.class, () -> e.variablesUsed().add("c"));
        assertThrows(UnsupportedOperationException.class, () -> e.variables().add("d"));
    }

    @Test
    void evaluateWithMap() {
        Expression e = Expression.parse("a*x + b", List.of("x", "a", "b", "c"));
        Map<String, Double> values = new HashMap<>(Map.of("x", 2.0, "a", 3.0, "b", 1.0, "other", 99.0));
        assertEquals(7, e.evaluate(values));
        values.remove("b");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> e.evaluate(values));
        assertTrue(missing.getMessage().contains("'b'"), missing.getMessage());
        values.put("b", null);
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(values));
    }

    @Test
    void evaluateChecksTheNumberOfValues() {
        Expression e = Expression.parse("x + y", List.of("x", "y"));
        assertEquals(3, e.evaluate(1, 2));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(1));
        assertThrows(IllegalArgumentException.class, () -> e.evaluate(1, 2, 3));
    }

    @Test
    void badVariableListsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x", List.of("x", "x")));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x", List.of("and")));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x", List.of("2x")));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("x", List.of("x y")));
    }

    @ParameterizedTest(name = "''{0}'' -> {1} at {2}")
    @CsvSource(delimiter = ';', value = {
        "'';                EMPTY;                          0;  ''",
        "'   ';             EMPTY;                          0;  ''",
        "x $ 2;             UNEXPECTED_CHARACTER;           2;  $",
        "x = 2;             UNEXPECTED_CHARACTER;           2;  =",
        "x & 1;             UNEXPECTED_CHARACTER;           2;  &",
        "|x|;               UNEXPECTED_CHARACTER;           0;  |",
        "2 θ;               UNEXPECTED_CHARACTER;           2;  θ",
        "x +;               UNEXPECTED_END;                 3;  +",
        "'sin(x) *  ';      UNEXPECTED_END;                 10; *",
        "-;                 UNEXPECTED_END;                 1;  -",
        "x and;             UNEXPECTED_END;                 5;  and",
        "2 * * 3;           UNEXPECTED_TOKEN;               4;  *",
        "x 2;               UNEXPECTED_TOKEN;               2;  2",
        "1 < x < 3;         UNEXPECTED_TOKEN;               6;  <",
        "x == 1 != 0;       UNEXPECTED_TOKEN;               7;  !=",
        "(1, 2);            UNEXPECTED_TOKEN;               2;  ','",
        "(x + );            UNEXPECTED_TOKEN;               5;  )",
        "sin x;             UNEXPECTED_TOKEN;               0;  sin",
        "and x;             UNEXPECTED_TOKEN;               0;  and",
        "x not;             UNEXPECTED_TOKEN;               2;  not",
        "2 * !x;            UNEXPECTED_TOKEN;               4;  !",
        "x + y;             UNKNOWN_NAME;                   4;  y",
        "X;                 UNKNOWN_NAME;                   0;  X",
        "2 foo(x);          UNKNOWN_FUNCTION;               2;  foo",
        "Sin(x);            UNKNOWN_FUNCTION;               0;  Sin",
        "(x + 1;            MISSING_CLOSING_PARENTHESIS;    0;  (",
        "2 * (x + (1);      MISSING_CLOSING_PARENTHESIS;    4;  (",
        "sin(x;             MISSING_CLOSING_PARENTHESIS;    3;  (",
        "x + 1);            UNMATCHED_CLOSING_PARENTHESIS;  5;  )",
        ");                 UNMATCHED_CLOSING_PARENTHESIS;  0;  )",
        "x + );             UNMATCHED_CLOSING_PARENTHESIS;  4;  )",
        "sin(x, 1);         WRONG_ARGUMENT_COUNT;           0;  sin expects 1 argument",
        "1 + sin();         WRONG_ARGUMENT_COUNT;           4;  sin expects 1 argument",
        "atan2(x);          WRONG_ARGUMENT_COUNT;           0;  atan2 expects 2 arguments",
        "pow(1, 2, 3);      WRONG_ARGUMENT_COUNT;           0;  pow expects 2 arguments",
        "max(x);            WRONG_ARGUMENT_COUNT;           0;  max expects at least 2 arguments",
        "1.2.3;             BAD_NUMBER;                     0;  1.2.3",
        "x + 1e;            BAD_NUMBER;                     4;  1e",
        "2e + 1;            BAD_NUMBER;                     0;  2e",
        "1e+;               BAD_NUMBER;                     0;  1e",
        "1e3.5;             BAD_NUMBER;                     0;  1e3.5",
        "x + .;             BAD_NUMBER;                     4;  .",
        "1e999;             BAD_NUMBER;                     0;  1e999",
    })
    void errorKindsAndPositions(String source, Kind kind, int position, String detail) {
        ExpressionException e = error(source, "x");
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
        assertEquals(detail, e.detail(), e.getMessage());
        assertFalse(e.getMessage().toLowerCase().contains("token"), e.getMessage());
    }

    @Test
    void firstErrorIsReported() {
        ExpressionException e = error("y + $", "x");
        assertEquals(Kind.UNKNOWN_NAME, e.kind());
        e = error("x $ y", "x");
        assertEquals(Kind.UNEXPECTED_CHARACTER, e.kind());
        e = error("(x + 1.2.3", "x");
        assertEquals(Kind.BAD_NUMBER, e.kind());
    }

    @Test
    void messagesAreFriendlyAndNameTheCulprit() {
        assertEquals("Unknown name 'y' at column 5: only x can be used here.", error("x + y", "x").getMessage());
        assertEquals("Unknown name 'z' at column 1: only x, y and t can be used here.",
                error("z", "x", "y", "t").getMessage());
        assertTrue(error("y").getMessage().contains("no variables can be used here"));
        assertTrue(error("X", "x").getMessage().contains("Did you mean 'x'?"));
        assertEquals("Missing ')' for the '(' at column 5.", error("2 * (x + 1", "x").getMessage());
        assertTrue(error("foo(x)", "x").getMessage().startsWith("Unknown function 'foo' at column 1."));
        assertTrue(error("Sin(x)", "x").getMessage().contains("Did you mean 'sin'?"));
        assertTrue(error("sin(1, 2)", "x").getMessage().contains("'sin'"));
        assertTrue(error("sin(1, 2)", "x").getMessage().contains("expects 1 argument"));
        assertTrue(error("1 < x < 2", "x").getMessage().contains("a < b and b < c"));
        assertTrue(error("x = 2", "x").getMessage().contains("'=='"));
        assertTrue(error("1.2.3").getMessage().contains("'1.2.3'"));
        assertTrue(error("2e").getMessage().contains("2*e"));
        assertTrue(error("sin x", "x").getMessage().contains("sin(x)"));
        assertTrue(error("x +", "x").getMessage().contains("'+'"));
        assertTrue(error("x )", "x").getMessage().contains("no matching '('"));
        assertTrue(error("", "x").getMessage().contains("empty"));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String ok = "(".repeat(200) + "x" + ")".repeat(200);
        assertEquals(5, Expression.parse(ok, List.of("x")).evaluate(5));

        ExpressionException tooDeep = error("(".repeat(201) + "x" + ")".repeat(201), "x");
        assertEquals(Kind.TOO_DEEP, tooDeep.kind());
        assertEquals(200, tooDeep.position());

        assertEquals(Kind.TOO_DEEP, error("-".repeat(1500) + "x", "x").kind());
        assertEquals(Kind.TOO_DEEP, error("!".repeat(1500) + "x", "x").kind());
        assertEquals(Kind.TOO_DEEP, error("x" + "^x".repeat(900), "x").kind());
        assertEquals(Kind.TOO_DEEP, error("sin(".repeat(300) + "x" + ")".repeat(300), "x").kind());
        assertEquals(Kind.TOO_DEEP, error("(".repeat(1999), "x").kind());

        ExpressionException tooLong = error("(".repeat(100_000) + "x" + ")".repeat(100_000), "x");
        assertEquals(Kind.TOO_LONG, tooLong.kind());
        assertTrue(tooLong.getMessage().contains("2000"));

        // long but flat formulas are fine
        String sum = "x" + "+x".repeat(999);
        assertEquals(1000, Expression.parse(sum, List.of("x")).evaluate(1));
    }

    @Test
    void randomPolynomialsAgreeWithJava() {
        Random random = new Random(12345);
        String[] times = {"*", "", " ", "×", "·"};
        for (int trial = 0; trial < 400; trial++) {
            int terms = 1 + random.nextInt(4);
            int[] coefficients = new int[terms];
            int[] powers = new int[terms];
            StringBuilder source = new StringBuilder();
            for (int k = 0; k < terms; k++) {
                coefficients[k] = random.nextInt(19) - 9;
                powers[k] = random.nextInt(5);
                int c = coefficients[k];
                if (k == 0) {
                    source.append(c < 0 ? (random.nextBoolean() ? "-" : "−") : "");
                } else {
                    source.append(c < 0 ? (random.nextBoolean() ? " - " : "−") : (random.nextBoolean() ? " + " : "+"));
                }
                source.append(Math.abs(c));
                if (powers[k] > 0) {
                    source.append(times[random.nextInt(times.length)]);
                    String x = random.nextBoolean() ? "x" : "(x)";
                    source.append(powers[k] == 1 && random.nextBoolean() ? x
                            : x + (random.nextBoolean() ? "^" : "**") + powers[k]);
                }
            }
            Expression e = Expression.parse(source.toString(), List.of("x"));
            for (int j = 0; j < 3; j++) {
                double x = random.nextDouble() * 10 - 5;
                double expected = 0;
                for (int k = 0; k < terms; k++) {
                    expected += coefficients[k] * Math.pow(x, powers[k]);
                }
                assertEquals(expected, e.evaluate(x), 1e-9 * Math.max(1, Math.abs(expected)),
                        source + " at x=" + x);
            }
        }
    }

    @Test
    void randomTwoVariablePolynomialsAgreeWithJava() {
        Random random = new Random(777);
        for (int trial = 0; trial < 200; trial++) {
            int a = random.nextInt(7) - 3;
            int b = random.nextInt(7) - 3;
            int p = random.nextInt(4);
            int q = random.nextInt(4);
            String source = a + "x^" + p + "y - (" + b + ")(y + x)^" + q;
            Expression e = Expression.parse(source, List.of("x", "y"));
            double x = random.nextDouble() * 4 - 2;
            double y = random.nextDouble() * 4 - 2;
            double expected = a * Math.pow(x, p) * y - b * Math.pow(y + x, q);
            assertEquals(expected, e.evaluate(x, y), 1e-9 * Math.max(1, Math.abs(expected)), source);
        }
    }
}
