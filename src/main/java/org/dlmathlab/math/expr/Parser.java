package org.dlmathlab.math.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;

import org.dlmathlab.math.expr.ExpressionException.Kind;
import org.dlmathlab.math.expr.Lexer.Token;
import org.dlmathlab.math.expr.Lexer.Type;

/**
 * A hand-written recursive-descent parser that turns a formula into a {@link Node} tree, following the
 * grammar documented on {@link Expression}. Sub-trees made only of numbers are folded into one number.
 * It stops at the first problem and throws an {@link ExpressionException} describing it.
 */
final class Parser {

    /** Longest formula accepted, in characters. */
    static final int MAX_LENGTH = 2000;
    /** Deepest nesting of parentheses, function calls, prefix signs and powers accepted. */
    static final int MAX_DEPTH = 200;

    private static final double[] NO_VALUES = new double[0];

    private final String src;
    private final List<String> variables;
    private final boolean[] used;
    private final Lexer lexer;
    private Token tok;
    private Token prev;
    private int depth;
    private int openParens;

    Parser(String src, List<String> variables) {
        this.src = src;
        this.variables = variables;
        this.used = new boolean[variables.size()];
        this.lexer = new Lexer(src);
    }

    /** Parses the whole source. */
    Node parse() {
        if (src.length() > MAX_LENGTH) {
            throw new ExpressionException(Kind.TOO_LONG, MAX_LENGTH, String.valueOf(src.length()),
                    "The formula is too long: it has " + src.length() + " characters and the limit is "
                            + MAX_LENGTH + ".");
        }
        advance();
        if (tok.type() == Type.END) {
            throw new ExpressionException(Kind.EMPTY, 0, "",
                    "The formula is empty: type an expression such as " + example() + ".");
        }
        Node root = or();
        if (tok.type() == Type.RPAREN) {
            throw unmatched(tok);
        }
        if (tok.type() != Type.END) {
            throw unexpected(tok);
        }
        return root;
    }

    /** @return which variables occur in the formula (valid after {@link #parse()}) */
    boolean[] used() {
        return used;
    }

    // or := and (('or' | '||') and)*
    private Node or() {
        Node left = and();
        while (tok.isOp("or")) {
            advance();
            left = binary((a, b) -> Node.truthy(a) || Node.truthy(b) ? 1 : 0, left, and());
        }
        return left;
    }

    // and := not (('and' | '&&') not)*
    private Node and() {
        Node left = not();
        while (tok.isOp("and")) {
            advance();
            left = binary((a, b) -> Node.truthy(a) && Node.truthy(b) ? 1 : 0, left, not());
        }
        return left;
    }

    // not := ('not' | '!') not | comparison
    private Node not() {
        if (tok.isOp("not")) {
            enter(tok);
            advance();
            Node operand = not();
            depth--;
            return fold(new Node.Not(operand), operand);
        }
        return comparison();
    }

    // comparison := sum [('<' | '<=' | '>' | '>=' | '==' | '!=') sum]
    private Node comparison() {
        Node left = sum();
        DoubleBinaryOperator cmp = comparator(tok);
        if (cmp == null) {
            return left;
        }
        Token first = tok;
        advance();
        Node node = binary(cmp, left, sum());
        if (comparator(tok) != null) {
            throw new ExpressionException(Kind.UNEXPECTED_TOKEN, tok.pos(), tok.text(),
                    "Comparisons cannot be chained: the '" + tok.text() + "' at column " + (tok.pos() + 1)
                            + " follows the '" + first.text() + "' at column " + (first.pos() + 1)
                            + ". Write 'a < b and b < c' instead of 'a < b < c'.");
        }
        return node;
    }

    // sum := term (('+' | '-') term)*
    private Node sum() {
        Node left = term();
        while (tok.isOp("+") || tok.isOp("-")) {
            boolean plus = tok.isOp("+");
            advance();
            Node right = term();
            left = plus ? binary(Double::sum, left, right) : binary((a, b) -> a - b, left, right);
        }
        return left;
    }

    // term := unary (('*' | '/') unary | unary-starting-with-a-name-or-'(')*
    private Node term() {
        Node left = unary();
        while (true) {
            if (tok.isOp("*") || tok.isOp("/")) {
                boolean times = tok.isOp("*");
                advance();
                Node right = unary();
                left = times ? binary((a, b) -> a * b, left, right) : binary((a, b) -> a / b, left, right);
            } else if (tok.type() == Type.NAME || tok.type() == Type.LPAREN) {
                left = binary((a, b) -> a * b, left, unary()); // implicit multiplication: 2x, 3(x+1), x sin(x)
            } else {
                return left;
            }
        }
    }

    // unary := ('-' | '+') unary | power
    private Node unary() {
        if (tok.isOp("-") || tok.isOp("+")) {
            boolean minus = tok.isOp("-");
            enter(tok);
            advance();
            Node operand = unary();
            depth--;
            return minus ? fold(new Node.Neg(operand), operand) : operand;
        }
        return power();
    }

    // power := primary [('^' | '**') exponent];  exponent := ('-' | '+') exponent | power
    private Node power() {
        Node base = primary();
        if (!tok.isOp("^")) {
            return base;
        }
        advance();
        return binary(Math::pow, base, exponent());
    }

    private Node exponent() {
        enter(tok);
        Node result;
        if (tok.isOp("-") || tok.isOp("+")) {
            boolean minus = tok.isOp("-");
            advance();
            Node operand = exponent();
            result = minus ? fold(new Node.Neg(operand), operand) : operand;
        } else {
            result = power();
        }
        depth--;
        return result;
    }

    // primary := number | name | function '(' [or (',' or)*] ')' | '(' or ')'
    private Node primary() {
        Token t = tok;
        switch (t.type()) {
            case NUMBER:
                advance();
                return new Node.Num(t.value());
            case NAME:
                return name(t);
            case LPAREN: {
                enter(t);
                advance();
                openParens++;
                Node inner = or();
                expectClosing(t);
                return inner;
            }
            case END:
                throw new ExpressionException(Kind.UNEXPECTED_END, t.pos(), prev.text(),
                        "The formula ends too early: something is missing after the '" + prev.text()
                                + "' at column " + (prev.pos() + 1) + ".");
            case RPAREN:
                if (openParens == 0) {
                    throw unmatched(t);
                }
                throw new ExpressionException(Kind.UNEXPECTED_TOKEN, t.pos(), ")",
                        "Something is missing before the ')' at column " + (t.pos() + 1) + ".");
            default:
                throw new ExpressionException(Kind.UNEXPECTED_TOKEN, t.pos(), t.text(),
                        "Expected a number, a name or '(' at column " + (t.pos() + 1) + ", but found '" + t.text()
                                + "'.");
        }
    }

    private Node name(Token t) {
        String name = t.key();
        boolean call = lexer.peekChar() == '(' && !t.text().equals("π");
        Builtins.Function function = Builtins.FUNCTIONS.get(name);
        if (call && function != null) {
            return call(t, function);
        }
        int index = variables.indexOf(name);
        if (index >= 0) {
            used[index] = true;
            advance();
            return new Node.Var(index);
        }
        Double constant = Builtins.CONSTANTS.get(name);
        if (constant != null) {
            advance();
            return new Node.Num(constant);
        }
        if (function != null) {
            throw new ExpressionException(Kind.UNEXPECTED_TOKEN, t.pos(), name,
                    "The function '" + name + "' at column " + (t.pos() + 1)
                            + " needs its input in parentheses, like " + function.usage() + ".");
        }
        if (call) {
            throw new ExpressionException(Kind.UNKNOWN_FUNCTION, t.pos(), name,
                    "Unknown function '" + name + "' at column " + (t.pos() + 1) + "." + suggestion(name)
                            + " The functions you can use are: " + String.join(", ", Builtins.FUNCTIONS.keySet())
                            + ".");
        }
        String allowed = variables.isEmpty() ? "no variables can be used here, only numbers, pi and e"
                : "only " + listed(variables) + " can be used here";
        throw new ExpressionException(Kind.UNKNOWN_NAME, t.pos(), name,
                "Unknown name '" + name + "' at column " + (t.pos() + 1) + ": " + allowed + "."
                        + suggestion(name));
    }

    private Node call(Token nameToken, Builtins.Function function) {
        advance();
        Token open = tok;
        enter(open);
        advance();
        openParens++;
        List<Node> args = new ArrayList<>();
        if (tok.type() != Type.RPAREN) {
            args.add(or());
            while (tok.type() == Type.COMMA) {
                advance();
                args.add(or());
            }
        }
        expectClosing(open);
        if (args.size() < function.minArgs() || args.size() > function.maxArgs()) {
            String expected = function.expectedCount();
            throw new ExpressionException(Kind.WRONG_ARGUMENT_COUNT, nameToken.pos(),
                    function.name() + " expects " + expected,
                    "The function '" + function.name() + "' at column " + (nameToken.pos() + 1) + " expects "
                            + expected + ", like " + function.usage() + ", but got " + args.size() + ".");
        }
        Node[] a = args.toArray(new Node[0]);
        if (function.one() != null) {
            return fold(new Node.Unary(function.one(), a[0]), a);
        }
        if (function.maxArgs() == 2) {
            return binary(function.two(), a[0], a[1]);
        }
        return fold(new Node.Fold(function.two(), a), a);
    }

    private void expectClosing(Token open) {
        if (tok.type() == Type.END) {
            throw new ExpressionException(Kind.MISSING_CLOSING_PARENTHESIS, open.pos(), "(",
                    "Missing ')' for the '(' at column " + (open.pos() + 1) + ".");
        }
        if (tok.type() != Type.RPAREN) {
            throw unexpected(tok);
        }
        openParens--;
        depth--;
        advance();
    }

    private void advance() {
        prev = tok;
        tok = lexer.next();
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException(Kind.TOO_DEEP, at.pos(), at.text(),
                    "The formula is nested too deeply at column " + (at.pos() + 1) + ": at most " + MAX_DEPTH
                            + " levels of parentheses, signs and powers are allowed.");
        }
    }

    private Node binary(DoubleBinaryOperator f, Node a, Node b) {
        return fold(new Node.Binary(f, a, b), a, b);
    }

    /** Replaces {@code node} by its value when all its inputs are plain numbers. */
    private static Node fold(Node node, Node... inputs) {
        for (Node input : inputs) {
            if (!(input instanceof Node.Num)) {
                return node;
            }
        }
        return new Node.Num(node.eval(NO_VALUES));
    }

    private static DoubleBinaryOperator comparator(Token t) {
        if (t.type() != Type.OP) {
            return null;
        }
        switch (t.key()) {
            case "<": return (a, b) -> a < b ? 1 : 0;
            case "<=": return (a, b) -> a <= b ? 1 : 0;
            case ">": return (a, b) -> a > b ? 1 : 0;
            case ">=": return (a, b) -> a >= b ? 1 : 0;
            case "==": return (a, b) -> a == b ? 1 : 0;
            case "!=": return (a, b) -> a != b && !Double.isNaN(a) && !Double.isNaN(b) ? 1 : 0;
            default: return null;
        }
    }

    private ExpressionException unmatched(Token t) {
        return new ExpressionException(Kind.UNMATCHED_CLOSING_PARENTHESIS, t.pos(), ")",
                "The ')' at column " + (t.pos() + 1) + " has no matching '(' before it.");
    }

    private ExpressionException unexpected(Token t) {
        String hint;
        if (t.type() == Type.NUMBER) {
            hint = ": put an operator such as * or + in front of it";
        } else if (t.type() == Type.COMMA) {
            hint = ": commas only separate the inputs of a function, like max(a, b)";
        } else {
            hint = "";
        }
        String what = t.type() == Type.NUMBER ? "number '" : "'";
        return new ExpressionException(Kind.UNEXPECTED_TOKEN, t.pos(), t.text(),
                "Unexpected " + what + t.text() + "' at column " + (t.pos() + 1) + hint + ".");
    }

    /** A hint when the name differs only in upper/lower case from something known, else "". */
    private String suggestion(String name) {
        List<String> candidates = new ArrayList<>(variables);
        candidates.addAll(Builtins.CONSTANTS.keySet());
        candidates.addAll(Builtins.FUNCTIONS.keySet());
        for (String candidate : candidates) {
            if (candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return " Did you mean '" + candidate + "'? Names are case-sensitive.";
            }
        }
        return "";
    }

    private String example() {
        return variables.isEmpty() ? "2 + 3" : "2*" + variables.get(0) + " + 1";
    }

    /** "x", "x and y", "x, y and t". */
    private static String listed(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
