package org.dlmathlab.math.expr;

import org.dlmathlab.math.expr.ExpressionException.Kind;

/**
 * Splits a formula into pieces (numbers, names, operators, parentheses, commas) one at a time, on demand,
 * so that the parser meets problems in reading order.
 *
 * <p>Numbers are {@code digits [. digits] [(e|E) [+|-] digits]} with either side of the point optional
 * but not both ({@code 12}, {@code 1.5}, {@code .5}, {@code 1e-3}, {@code 2E+3}). Names are
 * {@code [A-Za-z_][A-Za-z0-9_]*}; {@code and}, {@code or} and {@code not} are operators. Pasted symbols are
 * accepted: {@code −} for {@code -}, {@code × · ⋅} for {@code *}, {@code ÷} for {@code /}, {@code ≤ ≥ ≠} for
 * {@code <= >= !=} and {@code π} for {@code pi}. Every symbol is one character, so positions always index
 * the original text.
 */
final class Lexer {

    /** What a piece of the formula is. */
    enum Type { NUMBER, NAME, OP, LPAREN, RPAREN, COMMA, END }

    /**
     * One piece of the formula. {@code key} is the normalised operator ({@code "-"}, {@code "*"}, {@code "^"},
     * {@code "and"}, ...) or name ({@code "pi"} for {@code π}); {@code text} is what was typed.
     */
    record Token(Type type, String key, String text, int pos, double value) {

        boolean isOp(String op) {
            return type == Type.OP && key.equals(op);
        }
    }

    private final String src;
    private int i;

    Lexer(String src) {
        this.src = src;
    }

    /** @return the next character that is not a space, or -1 at the end; does not move on */
    int peekChar() {
        int j = skipSpaces(i);
        return j < src.length() ? src.charAt(j) : -1;
    }

    /** Reads the next piece; at the end returns an END token positioned at the length of the source. */
    Token next() {
        i = skipSpaces(i);
        if (i >= src.length()) {
            return new Token(Type.END, "", "", src.length(), 0);
        }
        int start = i;
        char c = src.charAt(i);
        if (isDigit(c) || c == '.') {
            return number();
        }
        if (isNameStart(c)) {
            while (i < src.length() && isNamePart(src.charAt(i))) {
                i++;
            }
            String name = src.substring(start, i);
            boolean keyword = name.equals("and") || name.equals("or") || name.equals("not");
            return new Token(keyword ? Type.OP : Type.NAME, name, name, start, 0);
        }
        i++;
        char n = i < src.length() ? src.charAt(i) : '\0';
        switch (c) {
            case '(': return token(Type.LPAREN, "(", start);
            case ')': return token(Type.RPAREN, ")", start);
            case ',': return token(Type.COMMA, ",", start);
            case 'π': return new Token(Type.NAME, "pi", "π", start, 0);
            case '+': return op("+", start);
            case '-': case '−': return op("-", start);
            case '×': case '·': case '⋅': return op("*", start);
            case '/': case '÷': return op("/", start);
            case '^': return op("^", start);
            case '≤': return op("<=", start);
            case '≥': return op(">=", start);
            case '≠': return op("!=", start);
            case '*': return n == '*' ? op2("^", start) : op("*", start);
            case '<': return n == '=' ? op2("<=", start) : op("<", start);
            case '>': return n == '=' ? op2(">=", start) : op(">", start);
            case '!': return n == '=' ? op2("!=", start) : op("not", start);
            case '=':
                if (n == '=') {
                    return op2("==", start);
                }
                throw badCharacter(start, "=", " To compare two values, write '=='.");
            case '&':
                if (n == '&') {
                    return op2("and", start);
                }
                throw badCharacter(start, "&", " For 'and', write 'and' or '&&'.");
            case '|':
                if (n == '|') {
                    return op2("or", start);
                }
                throw badCharacter(start, "|", " For 'or', write 'or' or '||'; for absolute value, write abs(x).");
            default:
                throw badCharacter(start, new String(Character.toChars(src.codePointAt(start))), "");
        }
    }

    private Token number() {
        int start = i;
        int digits = 0;
        int points = 0;
        while (i < src.length() && (isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
            if (src.charAt(i) == '.') {
                points++;
            } else {
                digits++;
            }
            i++;
        }
        boolean ok = digits > 0 && points <= 1;
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < src.length() && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                j++;
            }
            if (j < src.length() && isDigit(src.charAt(j))) {
                i = j;
                while (i < src.length() && isDigit(src.charAt(i))) {
                    i++;
                }
            } else if (j > i + 1 || j >= src.length() || !isNameStart(src.charAt(j))) {
                // (when a letter follows, as in "2exp(x)", the e starts a name and the number ends before it)
                String text = src.substring(start, i + 1);
                throw new ExpressionException(Kind.BAD_NUMBER, start, text, "'" + text + "' at column " + (start + 1)
                        + " is not a complete number: after the 'e' write the power of ten, like 1e-3."
                        + " (For a number times Euler's number e, write it with *, like 2*e.)");
            }
        }
        // anything number-like glued on, as in 1.2.3 or 1e3.5, makes the whole run a bad number
        while (i < src.length() && (isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
            ok = false;
            i++;
        }
        String text = src.substring(start, i);
        if (!ok) {
            throw new ExpressionException(Kind.BAD_NUMBER, start, text,
                    "'" + text + "' at column " + (start + 1) + " is not a valid number.");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new ExpressionException(Kind.BAD_NUMBER, start, text,
                    "The number '" + text + "' at column " + (start + 1) + " is too large.");
        }
        return new Token(Type.NUMBER, text, text, start, value);
    }

    private Token token(Type type, String text, int start) {
        return new Token(type, text, text, start, 0);
    }

    private Token op(String key, int start) {
        return new Token(Type.OP, key, src.substring(start, start + 1), start, 0);
    }

    private Token op2(String key, int start) {
        i++;
        return new Token(Type.OP, key, src.substring(start, start + 2), start, 0);
    }

    private ExpressionException badCharacter(int pos, String ch, String hint) {
        return new ExpressionException(Kind.UNEXPECTED_CHARACTER, pos, ch,
                "The character '" + ch + "' at column " + (pos + 1) + " cannot be used in a formula." + hint);
    }

    private int skipSpaces(int j) {
        while (j < src.length() && (Character.isWhitespace(src.charAt(j)) || Character.isSpaceChar(src.charAt(j)))) {
            j++;
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
