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
        if (Math.abs(v) < 1e-12) {
            // Rounding noise such as cos(pi/2) = 6e-17 reads as the 0 it is.
            return "0";
        }
        if (Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-4 && decimals <= 4)) {
            // Very large or small numbers read better as 7.61×10^11 than as a wall of digits or as 0.
            String[] parts = String.format(java.util.Locale.ROOT, "%.3e", v).split("e");
            String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString().replace("-", "−");
            int exponent = Integer.parseInt(parts[1]);
            return mantissa + "×10" + superscript(exponent);
        }
        BigDecimal rounded = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        String s = rounded.toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /**
     * Always in scientific form with {@code digits} significant digits, e.g. 1×10⁻¹³ or 2.5×10³, for quantities that
     * span many orders of magnitude (a step h, an error) where {@link #num} would round the tiny ones to 0.
     */
    public static String sci(double v, int digits) {
        if (!Double.isFinite(v)) {
            return num(v);
        }
        if (v == 0) {
            return "0";
        }
        String[] parts = String.format(java.util.Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v).split("e");
        String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString().replace("-", "−");
        int exponent = Integer.parseInt(parts[1]);
        return exponent == 0 ? mantissa : mantissa + "×10" + superscript(exponent);
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    public static String num(double v) {
        return num(v, 3);
    }

    /** A value the way a learner would type it back: plain ASCII minus. */
    public static String editable(double v) {
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-6)) {
            return Double.toString(v);
        }
        return num(v, 6).replace('−', '-');
    }

    /** "(x, y)". */
    public static String pair(double x, double y) {
        return "(" + num(x) + ", " + num(y) + ")";
    }
}
