package org.dlmathlab.ui.text;

/**
 * A LaTeX formula that JLaTeXMath cannot typeset. Unchecked so that callers who
 * only display math can let it pass to one handler that shows the source in red.
 */
public final class MathException extends RuntimeException {

    private final String latex;

    public MathException(String latex, String message, Throwable cause) {
        super(message, cause);
        this.latex = latex;
    }

    /** The LaTeX source that failed. */
    public String getLatex() {
        return latex;
    }
}
