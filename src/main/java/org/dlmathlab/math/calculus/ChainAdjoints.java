package org.dlmathlab.math.calculus;

/**
 * The backward pass of a {@link Chain}: how much the output z "blames" each value along the path.
 *
 * <p>With u_0 = x, u_i = g_i(u_{i-1}) and z = u_n, the adjoint of u_i is dz/du_i, found right to left:
 * <pre>
 *   dz/du_n = 1,   dz/du_{i-1} = dz/du_i * g_i'(u_{i-1})   (i = n, ..., 1),
 * </pre>
 * so dz/du_i = g_n'(u_{n-1}) * ... * g_{i+1}'(u_i), the product of the local derivatives to its right, and
 * dz/du_0 = dz/dx is the whole chain-rule product. This is what backpropagation passes back through a network.
 */
public final class ChainAdjoints {

    private ChainAdjoints() {
    }

    /**
     * The adjoints of one pass: {@code out[i]} = dz/du_i for i = 0..n, where {@code out[0]} = dz/dx and
     * {@code out[n]} = 1. The product is taken right to left, as backpropagation does.
     */
    public static double[] of(Chain.Pass pass) {
        double[] locals = pass.locals();
        int n = locals.length;
        double[] out = new double[n + 1];
        out[n] = 1;
        for (int i = n; i >= 1; i--) {
            out[i - 1] = out[i] * locals[i - 1];
        }
        return out;
    }
}
