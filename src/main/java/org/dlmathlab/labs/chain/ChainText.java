package org.dlmathlab.labs.chain;

import org.dlmathlab.math.calculus.Chain;
import org.dlmathlab.ui.Format;

/**
 * The words the chain picture uses: node names (x, u₁, ..., z), each link's formula in its own input name and its
 * local derivative written the way backpropagation reuses forward values (σ′ = u(1 − u), tanh′ = 1 − u²).
 * Text only; the numbers come from the model.
 */
final class ChainText {

    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    private ChainText() {
    }

    /** The name of node i of a chain with n links: x, u₁, ..., u_{n-1}, z. */
    static String node(int i, int n) {
        if (i == 0) {
            return "x";
        }
        if (i == n) {
            return "z";
        }
        return "u" + SUBSCRIPTS.charAt(i);
    }

    /** The link's right-hand side in its input name, e.g. "2x", "u₁ + 1", "σ(u₂)". */
    static String formula(Chain.Link link, String in) {
        return switch (link.kind()) {
            case SCALE -> coefficient(link.k()) + in;
            case SHIFT -> link.k() < 0 ? in + " − " + Format.num(-link.k(), 4) : in + " + " + Format.num(link.k(), 4);
            case SQUARE -> in + "²";
            case CUBE -> in + "³";
            case SIGMOID -> "σ(" + in + ")";
            case TANH -> "tanh(" + in + ")";
            case EXP -> "exp(" + in + ")";
            case SIN -> "sin(" + in + ")";
            case RELU -> "ReLU(" + in + ")";
        };
    }

    /**
     * The whole composition in x with the same symbols as the edges, e.g. "σ(2x − 1)", "(3x + 1)²", "2(x + 1)".
     * Brackets go only where they are needed: a product needs a power or an atom, a power needs an atom.
     */
    static String composed(java.util.List<Chain.Link> links) {
        String inner = "x";
        int level = ATOM;
        for (Chain.Link link : links) {
            int needs = switch (link.kind()) {
                case SCALE -> POWER;
                case SQUARE, CUBE -> ATOM;
                default -> SUM;
            };
            String arg = level >= needs ? inner : "(" + inner + ")";
            inner = formula(link, arg);
            level = switch (link.kind()) {
                case SCALE -> PRODUCT;
                case SHIFT -> SUM;
                case SQUARE, CUBE -> POWER;
                default -> ATOM;
            };
        }
        return inner;
    }

    // How tightly an expression binds, loosest first.
    private static final int SUM = 0;
    private static final int PRODUCT = 1;
    private static final int POWER = 2;
    private static final int ATOM = 3;

    /**
     * The local derivative d(out)/d(in) as a formula, or null when it is a plain number (×k, +k). For ReLU the branch
     * taken at the current input is named, since the formula has two.
     */
    static String localFormula(Chain.Link link, String in, String out, double input) {
        return switch (link.kind()) {
            case SCALE, SHIFT -> null;
            case SQUARE -> "2" + in;
            case CUBE -> "3" + in + "²";
            case SIGMOID -> out + "(1 − " + out + ")";
            case TANH -> "1 − " + out + "²";
            case EXP -> "exp(" + in + ")";
            case SIN -> "cos(" + in + ")";
            case RELU -> input > 0 ? "1 (" + in + " > 0)" : "0 (" + in + " ≤ 0)";
        };
    }

    /** "du₁/dx". */
    static String derivative(String out, String in) {
        return "d" + out + "/d" + in;
    }

    /** The label of a palette button: ×k, +k, x², x³, σ, tanh, exp, sin, ReLU. */
    static String piece(Chain.Kind kind) {
        return switch (kind) {
            case SCALE -> "×k";
            case SHIFT -> "+k";
            case SQUARE -> "x²";
            case CUBE -> "x³";
            case SIGMOID -> "σ";
            case TANH -> "tanh";
            case EXP -> "exp";
            case SIN -> "sin";
            case RELU -> "ReLU";
        };
    }

    /**
     * A value on the picture: four decimals, but about three significant digits for small numbers (0.000486, not
     * 0.0005), so that a vanishing product never reads as 0 while it is not.
     */
    static String value(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return Format.num(v);
        }
        double size = Math.abs(v);
        if (size < 1e-6) {
            return Format.sci(v, 3);
        }
        int decimals = (int) Math.max(4, Math.min(8, 2 - Math.floor(Math.log10(size))));
        return Format.num(v, decimals);
    }

    /** A factor inside a written product, in brackets when negative: 2 × (−0.5) × 3. */
    static String factor(double v) {
        String s = value(v);
        return v < 0 && !s.equals("0") ? "(" + s + ")" : s;
    }

    private static String coefficient(double k) {
        String s = Format.num(k, 4);
        // "1x" and "−1x" read oddly; "0.5x" and "−2x" read fine.
        if (s.equals("1")) {
            return "";
        }
        if (s.equals("−1")) {
            return "−";
        }
        return s.contains("×") ? s + "·" : s;
    }
}
