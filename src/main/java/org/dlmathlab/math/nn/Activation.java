package org.dlmathlab.math.nn;

import org.apache.commons.math3.special.Erf;

/**
 * Activation functions a = f(z) with their derivatives f'(z), as in the notes' activation table.
 *
 * <ul>
 *   <li>sigmoid: 1 / (1 + e^-z), range (0, 1); f' = f (1 - f), at most 1/4, vanishing for large |z|</li>
 *   <li>tanh: (e^z - e^-z) / (e^z + e^-z), range (-1, 1), centred on 0; f' = 1 - f^2</li>
 *   <li>ReLU: max(0, z); f' = 1 for z > 0, 0 for z < 0 (0 taken at z = 0)</li>
 *   <li>leaky ReLU: z for z > 0, alpha z otherwise; f' = 1 or alpha</li>
 *   <li>swish (SiLU): z sigmoid(z); f' = sigmoid(z) + z sigmoid(z) (1 - sigmoid(z))</li>
 *   <li>GELU: z Phi(z) = z (1 + erf(z / sqrt 2)) / 2; f' = Phi(z) + z phi(z), phi the standard normal density</li>
 *   <li>linear (identity): z; f' = 1, used for a regression output</li>
 * </ul>
 */
public enum Activation {
    SIGMOID, TANH, RELU, LEAKY_RELU, SWISH, GELU, LINEAR;

    /** The slope of leaky ReLU for z < 0 unless a caller gives another. */
    public static final double DEFAULT_ALPHA = 0.01;

    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    public double value(double z) {
        return value(z, DEFAULT_ALPHA);
    }

    public double derivative(double z) {
        return derivative(z, DEFAULT_ALPHA);
    }

    /** f(z); {@code alpha} is used by leaky ReLU only. */
    public double value(double z, double alpha) {
        return switch (this) {
            case SIGMOID -> sigmoid(z);
            case TANH -> Math.tanh(z);
            case RELU -> z > 0 ? z : 0;
            case LEAKY_RELU -> z > 0 ? z : alpha * z;
            case SWISH -> z * sigmoid(z);
            case GELU -> 0.5 * z * (1 + Erf.erf(z * INV_SQRT_2));
            case LINEAR -> z;
        };
    }

    /** f'(z); {@code alpha} is used by leaky ReLU only. */
    public double derivative(double z, double alpha) {
        return switch (this) {
            case SIGMOID -> {
                double s = sigmoid(z);
                yield s * (1 - s);
            }
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
            case RELU -> z > 0 ? 1 : 0;
            case LEAKY_RELU -> z > 0 ? 1 : alpha;
            case SWISH -> {
                double s = sigmoid(z);
                yield s + z * s * (1 - s);
            }
            case GELU -> 0.5 * (1 + Erf.erf(z * INV_SQRT_2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
            case LINEAR -> 1;
        };
    }

    /** The range of f as text, e.g. "(0, 1)". */
    public String range() {
        return switch (this) {
            case SIGMOID -> "(0, 1)";
            case TANH -> "(−1, 1)";
            case RELU -> "[0, ∞)";
            case LEAKY_RELU, LINEAR -> "(−∞, ∞)";
            case SWISH -> "[≈−0.278, ∞)";
            case GELU -> "[≈−0.170, ∞)";
        };
    }

    /** 1 / (1 + e^-z), in a form that never overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double ez = Math.exp(z);
        return ez / (1 + ez);
    }
}
