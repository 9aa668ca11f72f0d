package org.dlmathlab.ui.text;

/**
 * One formula found in Markdown lesson text.
 *
 * @param latex   the LaTeX source between the dollar signs, trimmed
 * @param display {@code true} for {@code $$...$$}, {@code false} for {@code $...$}
 * @param line    1-based line of the opening dollar within the Markdown string
 */
public record MathSpan(String latex, boolean display, int line) {
}
