package org.dlmathlab.ui;

import java.util.List;
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.math.expr.ExpressionException;

/** Turns what a learner types into a number: "0.5", "1/2", "-sqrt(2)/2", "2pi" all work. */
public final class NumberInput {

    private NumberInput() {
    }

    /**
     * Evaluates text as a constant expression.
     *
     * @throws IllegalArgumentException with a message in the current language when the text is not a number
     */
    public static double parse(String text, I18n i18n) {
        try {
            double value = Expression.parse(text, List.of()).evaluate();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(i18n.get("input.notFinite", text.strip()));
            }
            return value;
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(ExpressionMessages.describe(e, i18n));
        }
    }
}
