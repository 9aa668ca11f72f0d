package org.dlmathlab.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for read-outs: short, no "-0", no floating-point noise. */
public final class Format {

    private Format() {
    }

    /** Up to {@code decimals} decimals, trailing zeros dropped; "−" (U+2212) for minus; "—" for undefined. */
    public static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        BigDecimal rounded = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        String s = rounded.toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    public static String num(double v) {
        return num(v, 3);
    }

    /** A value the way a learner would type it back: plain ASCII minus. */
    public static String editable(double v) {
        return num(v, 6).replace('−', '-');
    }

    /** "(x, y)". */
    public static String pair(double x, double y) {
        return "(" + num(x) + ", " + num(y) + ")";
    }
}
