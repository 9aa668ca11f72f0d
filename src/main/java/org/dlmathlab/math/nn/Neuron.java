package org.dlmathlab.math.nn;

/**
 * One artificial neuron, as in the notes: a = f(z) with the weighted sum z = w0 + sum_{i=1..n} w_i x_i, where w0 is
 * the bias, w_i the weights, x_i the inputs and f the activation. The slope f'(z) is what back-propagation multiplies
 * into every gradient that passes through the neuron (dL/dw_i = dL/da * f'(z) * x_i).
 */
public final class Neuron {

    private Neuron() {
    }

    /**
     * What one forward pass computes.
     *
     * @param z     the weighted sum w0 + sum w_i x_i
     * @param a     the output f(z)
     * @param slope f'(z)
     * @param terms the products w_i x_i, one per input (the bias is not among them)
     */
    public record Output(double z, double a, double slope, double[] terms) {
        public Output {
            terms = terms.clone();
        }

        @Override
        public double[] terms() {
            return terms.clone();
        }

        public double term(int i) {
            return terms[i];
        }
    }

    /** z = w0 + sum_i w_i x_i over the first {@code n} inputs. */
    public static double weightedSum(double bias, double[] weights, double[] inputs, int n) {
        check(weights, inputs, n);
        double z = bias;
        for (int i = 0; i < n; i++) {
            z += weights[i] * inputs[i];
        }
        return z;
    }

    /** The forward pass over the first {@code n} inputs; {@code alpha} is leaky ReLU's slope for z &lt; 0. */
    public static Output evaluate(Activation f, double alpha, double bias, double[] weights, double[] inputs, int n) {
        check(weights, inputs, n);
        double[] terms = new double[n];
        double z = bias;
        for (int i = 0; i < n; i++) {
            terms[i] = weights[i] * inputs[i];
            z += terms[i];
        }
        return new Output(z, f.value(z, alpha), f.derivative(z, alpha), terms);
    }

    /**
     * The decision line of a two-input neuron, w0 + w1 x1 + w2 x2 = 0, as a point on it and a direction along it;
     * null when w1 = w2 = 0 (z is the constant w0 everywhere, so there is no line).
     */
    public static double[] decisionLine(double bias, double w1, double w2) {
        double norm2 = w1 * w1 + w2 * w2;
        if (norm2 == 0) {
            return null;
        }
        // The point of the line closest to the origin is -w0 w / |w|^2; the line runs perpendicular to w.
        return new double[]{-bias * w1 / norm2, -bias * w2 / norm2, -w2, w1};
    }

    private static void check(double[] weights, double[] inputs, int n) {
        if (n < 0 || n > weights.length || n > inputs.length) {
            throw new IllegalArgumentException("n = " + n + " inputs, but " + weights.length + " weights and "
                    + inputs.length + " inputs were given");
        }
    }
}
