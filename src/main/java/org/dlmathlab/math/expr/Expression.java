package org.dlmathlab.math.expr;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A formula of a few variables, parsed once and then evaluated quickly and safely. A formula can only
 * compute: the only names it may use are the declared variables and the whitelisted constants and
 * functions (see below). It is immutable and safe to share between threads.
 *
 * <h2>Grammar</h2>
 * From lowest to highest precedence ({@code |} separates alternatives, {@code [ ]} is optional,
 * {@code *} repeats):
 * <pre>
 * or         := and (('or' | '||') and)*
 * and        := not (('and' | '&amp;&amp;') not)*
 * not        := ('not' | '!') not | comparison
 * comparison := sum [('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') sum]      (no chains: a &lt; b &lt; c is an error)
 * sum        := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary | implicit)*
 * implicit   := a unary that starts with a name or '(' : 2x, 3(x+1), (x+1)(x-1), 2 sin(x), x sin(x), 2pi
 * unary      := ('-' | '+') unary | power
 * power      := primary [('^' | '**') exponent]                        (right-associative)
 * exponent   := ('-' | '+') exponent | power
 * primary    := number | variable | constant | function '(' [or (',' or)*] ')' | '(' or ')'
 * </pre>
 * So {@code -x^2} = &minus;(x&sup2;), {@code 2^3^2} = 2<sup>9</sup> = 512, {@code 2^-1} = 0.5,
 * {@code 3x^2} = 3&middot;x&sup2; and {@code 2^3x} = 2&sup3;&middot;x. A number directly after another factor
 * is not multiplied: {@code x 2} is an error.
 *
 * <h2>Names, numbers and values</h2>
 * <ul>
 *   <li>Numbers: {@code 12}, {@code 1.5}, {@code .5}, {@code 1e-3}, {@code 2E+3}; {@code 1.2.3} or {@code 1e}
 *       are {@link ExpressionException.Kind#BAD_NUMBER bad numbers}.</li>
 *   <li>Names are {@code [A-Za-z_][A-Za-z0-9_]*} and case-sensitive, e.g. {@code ihat_x}, {@code lambda1}.
 *       A name is a declared variable, else a constant {@code pi} or {@code e} (so a variable called
 *       {@code e} wins over the constant). A name followed by {@code (} is a function call only if it is a
 *       function; for a variable, {@code x(x+1)} means x&middot;(x+1).</li>
 *   <li>Functions: {@code sin cos tan asin acos atan atan2(y,x) sinh cosh tanh exp ln log log10 log2 sqrt abs
 *       sign floor ceil round min(a,b,...) max(a,b,...) pow(a,b) hypot(a,b) sigmoid relu}, where
 *       {@code log} is the natural logarithm, sigmoid(x) = 1/(1+e<sup>&minus;x</sup>) and
 *       relu(x) = max(0, x).</li>
 *   <li>Truth values are numbers: comparisons and logic give 1.0 (true) or 0.0 (false); any value other
 *       than 0 and NaN counts as true. Every comparison with NaN is false (also {@code !=}).</li>
 *   <li>Spaces may go anywhere between pieces. Pasted symbols work: {@code −} for {@code -},
 *       {@code × · ⋅} for {@code *}, {@code ÷} for {@code /}, {@code ≤ ≥ ≠} and {@code π} for {@code pi}.</li>
 *   <li>Limits: at most 2000 characters and 200 levels of nesting.</li>
 * </ul>
 */
public final class Expression {

    private final String source;
    private final List<String> variables;
    private final Node root;
    private final Set<String> used;

    private Expression(String source, List<String> variables, Node root, Set<String> used) {
        this.source = source;
        this.variables = variables;
        this.root = root;
        this.used = used;
    }

    /**
     * Parses {@code source}. The variables are the only free names allowed besides the whitelisted constants
     * and functions; their order is the order of the values passed to {@link #evaluate(double...)}.
     *
     * @param source the formula as typed
     * @param variables the names of the variables
     * @return the parsed formula
     * @throws ExpressionException describing the first problem in {@code source}
     * @throws IllegalArgumentException if a variable name is not a valid name, is a keyword
     *     ({@code and}, {@code or}, {@code not}) or is listed twice
     */
    public static Expression parse(String source, List<String> variables) throws ExpressionException {
        Objects.requireNonNull(source, "source");
        List<String> vars = List.copyOf(variables);
        Set<String> seen = new HashSet<>();
        for (String v : vars) {
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]*") || v.equals("and") || v.equals("or") || v.equals("not")) {
                throw new IllegalArgumentException("'" + v + "' cannot be used as a variable name");
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("The variable '" + v + "' is listed twice");
            }
        }
        Parser parser = new Parser(source, vars);
        Node root = parser.parse();
        Set<String> used = new LinkedHashSet<>();
        for (int i = 0; i < vars.size(); i++) {
            if (parser.used()[i]) {
                used.add(vars.get(i));
            }
        }
        return new Expression(source, vars, root, Collections.unmodifiableSet(used));
    }

    /**
     * Same as {@link #parse(String, List)} with the variables given one by one.
     *
     * @param source the formula as typed
     * @param variables the names of the variables
     * @return the parsed formula
     * @throws ExpressionException describing the first problem in {@code source}
     */
    public static Expression parse(String source, String... variables) throws ExpressionException {
        return parse(source, Arrays.asList(variables));
    }

    /**
     * Evaluates the formula.
     *
     * @param values one value per variable, in the order of {@link #variables()}
     * @return the value of the formula; true/false results are 1.0/0.0
     * @throws IllegalArgumentException if the number of values differs from the number of variables
     */
    public double evaluate(double... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException("Expected " + variables.size() + " value(s) for " + variables
                    + " but got " + values.length);
        }
        return root.eval(values);
    }

    /**
     * Evaluates the formula with values looked up by name. Only the variables the formula uses need a
     * value; other entries are ignored.
     *
     * @param values the variable values by name
     * @return the value of the formula
     * @throws IllegalArgumentException if a variable the formula uses has no (non-null) value
     */
    public double evaluate(Map<String, Double> values) {
        double[] array = new double[variables.size()];
        Arrays.fill(array, Double.NaN);
        for (int i = 0; i < array.length; i++) {
            String name = variables.get(i);
            if (used.contains(name)) {
                Double value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("No value given for the variable '" + name + "'");
                }
                array[i] = value;
            }
        }
        return root.eval(array);
    }

    /**
     * Evaluates a condition, such as the goal {@code loss < 0.1}.
     *
     * @param values one value per variable, in the order of {@link #variables()}
     * @return whether the value is true, i.e. neither 0 nor NaN
     */
    public boolean isTrue(double... values) {
        return Node.truthy(evaluate(values));
    }

    /** @return the declared variables that actually occur in the formula, in declaration order */
    public Set<String> variablesUsed() {
        return used;
    }

    /** @return the declared variables, in the order their values are passed to {@link #evaluate(double...)} */
    public List<String> variables() {
        return variables;
    }

    /** @return the formula exactly as it was typed */
    public String source() {
        return source;
    }

    /** @return the source text */
    @Override
    public String toString() {
        return source;
    }
}
