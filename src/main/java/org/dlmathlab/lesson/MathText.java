package org.dlmathlab.lesson;

import java.util.Optional;
import org.scilab.forge.jlatexmath.TeXFormula;

/** Checks that a formula of lesson text typesets, without any UI toolkit (for the loader and {@code --check}). */
final class MathText {

    private MathText() {
    }

    /** Empty when the formula typesets, else JLaTeXMath's complaint. */
    static Optional<String> validate(String latex) {
        if (latex.isBlank()) {
            return Optional.of("the formula is empty");
        }
        try {
            new TeXFormula(latex);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
