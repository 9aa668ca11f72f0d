package org.dlmathlab.ui;

import org.dlmathlab.math.expr.ExpressionException;

/** Words a typing error of a formula in the current language: "Unknown name 'y' at column 5 ...". */
public final class ExpressionMessages {

    private ExpressionMessages() {
    }

    public static String describe(ExpressionException e, I18n i18n) {
        return i18n.get("expr.error." + e.kind().name(), e.detail(), e.position() + 1);
    }
}
