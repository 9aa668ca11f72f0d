package org.dlmathlab.math.expr;

/**
 * A problem found while reading a formula: what kind of problem it is, where it is, and a friendly
 * English sentence for the learner.
 *
 * <p>Only the first problem in a formula is reported. {@link #getMessage()} is meant to be shown as is;
 * {@link #kind()}, {@link #position()} and {@link #detail()} let a UI underline the right spot or a
 * test check exactly what went wrong.
 */
public final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The kinds of problem a formula can have. */
    public enum Kind {
        /** Nothing but spaces was typed. */
        EMPTY,
        /** A character that has no meaning in a formula, such as {@code $} or a single {@code =}. */
        UNEXPECTED_CHARACTER,
        /** The formula stops where something else was still needed, as in {@code 2 +}. */
        UNEXPECTED_END,
        /** A piece of the formula in a place where it cannot go, as in {@code 2 * * 3} or {@code a < b < c}. */
        UNEXPECTED_TOKEN,
        /** A name that is neither a declared variable nor a constant. */
        UNKNOWN_NAME,
        /** A name used like a function, {@code foo(x)}, that is not one of the known functions. */
        UNKNOWN_FUNCTION,
        /** A {@code (} that is never closed. */
        MISSING_CLOSING_PARENTHESIS,
        /** A {@code )} with no {@code (} before it. */
        UNMATCHED_CLOSING_PARENTHESIS,
        /** A function called with too few or too many inputs. */
        WRONG_ARGUMENT_COUNT,
        /** Something that starts like a number but is not one, such as {@code 1.2.3} or {@code 1e}. */
        BAD_NUMBER,
        /** The formula is longer than 2000 characters. */
        TOO_LONG,
        /** Parentheses, signs or powers are nested more than 200 levels deep. */
        TOO_DEEP
    }

    /** What kind of problem this is. */
    private final Kind kind;
    /** 0-based index of the problem in the source. */
    private final int position;
    /** The offending text or a short context; never null. */
    private final String detail;

    ExpressionException(Kind kind, int position, String detail, String message) {
        super(message);
        this.kind = kind;
        this.position = position;
        this.detail = detail == null ? "" : detail;
    }

    /** @return what kind of problem this is */
    public Kind kind() {
        return kind;
    }

    /** @return the 0-based index of the character in the source where the problem is */
    public int position() {
        return position;
    }

    /**
     * @return the offending piece of text, name or a short context such as {@code "sin expects 1 argument"};
     *     never {@code null}
     */
    public String detail() {
        return detail;
    }
}
