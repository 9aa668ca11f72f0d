package org.dlmathlab.math.nn;

/**
 * One forward and backward pass through the notes' 2-3-1 network (inputs x1, x2; three hidden units with activation
 * f; a linear output o; L = (o - y)^2), by {@link Mlp}, with every intermediate value a diagram shows.
 *
 * <p>Forward: z_j = w_x1_hj x1 + w_x2_hj x2 + b_hj, a_j = f(z_j), o = sum_j w_hj_o a_j + b_o, L = (o - y)^2.
 *
 * <p>Backward, by the chain rule:
 * <pre>
 *   dL/do    = 2 (o - y)
 *   dL/dw_hj_o = dL/do * a_j,          dL/db_o = dL/do
 *   dL/da_j  = dL/do * w_hj_o,         dL/dz_j = dL/da_j * f'(z_j)
 *   dL/dw_xi_hj = dL/dz_j * x_i,       dL/db_hj = dL/dz_j
 * </pre>
 * so each weight's gradient is a product of local derivatives along its path to the loss, e.g.
 * dL/dw_x1_h1 = dL/do * do/da_1 * da_1/dz_1 * dz_1/dw = 2 (o - y) * w_h1_o * f'(z_1) * x1 ({@link #chain}).
 *
 * <p>Parameters are in the notes' order (see {@link NotesRecipe}).
 */
public final class NotesNetwork {

    private final double[] x;
    private final double target;
    private final Activation hidden;
    private final double[] theta;
    private final double[] z = new double[NotesRecipe.HIDDEN];
    private final double[] a = new double[NotesRecipe.HIDDEN];
    private final double[] dLda = new double[NotesRecipe.HIDDEN];
    private final double[] dLdz = new double[NotesRecipe.HIDDEN];
    private final double[] gradient = new double[NotesRecipe.PARAMETERS];
    private final double out;
    private final double loss;

    /** The local derivatives along one parameter's path to the loss, and their product dL/dtheta_k. */
    public record ChainTerms(double[] factors, double product) {
    }

    /** Runs the network with parameters theta (notes' order) on input x against target y. */
    public NotesNetwork(double x1, double x2, double target, Activation hidden, double[] theta) {
        if (theta.length != NotesRecipe.PARAMETERS) {
            throw new IllegalArgumentException("the 2-3-1 network has 13 parameters, not " + theta.length);
        }
        this.x = new double[]{x1, x2};
        this.target = target;
        this.hidden = hidden;
        this.theta = theta.clone();
        Mlp net = toMlp(hidden, theta);
        Mlp.Pass pass = net.newPass();
        net.forward(x, pass);
        loss = net.backward(pass, new double[]{target}, Loss.MSE);
        double[] flat = new double[net.parameterCount()];
        net.accumulate(pass, 1, flat);
        System.arraycopy(fromMlpOrder(flat), 0, gradient, 0, gradient.length);
        for (int j = 0; j < NotesRecipe.HIDDEN; j++) {
            z[j] = pass.z[0][j];
            a[j] = pass.a[1][j];
            dLdz[j] = pass.delta[0][j];
            dLda[j] = pass.delta[1][0] * theta[NotesRecipe.w2(j)];
        }
        out = pass.out()[0];
    }

    /** The network as an {@link Mlp}: weights(0)[j][i] = W1[i][j], biases(0) = b1, weights(1)[0] = W2, b = b2. */
    public static Mlp toMlp(Activation hidden, double[] theta) {
        Mlp net = new Mlp(new int[]{NotesRecipe.INPUTS, NotesRecipe.HIDDEN, 1}, hidden, Mlp.Output.LINEAR);
        for (int j = 0; j < NotesRecipe.HIDDEN; j++) {
            for (int i = 0; i < NotesRecipe.INPUTS; i++) {
                net.weights(0)[j][i] = theta[NotesRecipe.w1(i, j)];
            }
            net.biases(0)[j] = theta[NotesRecipe.b1(j)];
            net.weights(1)[0][j] = theta[NotesRecipe.w2(j)];
        }
        net.biases(1)[0] = theta[NotesRecipe.B2];
        return net;
    }

    /** Reorders a gradient from {@link Mlp}'s flat order (W1 by hidden unit, b1, W2, b2) to the notes' order. */
    private static double[] fromMlpOrder(double[] flat) {
        double[] out = new double[NotesRecipe.PARAMETERS];
        for (int j = 0; j < NotesRecipe.HIDDEN; j++) {
            for (int i = 0; i < NotesRecipe.INPUTS; i++) {
                out[NotesRecipe.w1(i, j)] = flat[j * NotesRecipe.INPUTS + i];
            }
            out[NotesRecipe.b1(j)] = flat[NotesRecipe.INPUTS * NotesRecipe.HIDDEN + j];
            out[NotesRecipe.w2(j)] = flat[NotesRecipe.INPUTS * NotesRecipe.HIDDEN + NotesRecipe.HIDDEN + j];
        }
        out[NotesRecipe.B2] = flat[NotesRecipe.PARAMETERS - 1];
        return out;
    }

    public double input(int i) {
        return x[i];
    }

    public double target() {
        return target;
    }

    public Activation activation() {
        return hidden;
    }

    /** theta_k, notes' order. */
    public double parameter(int k) {
        return theta[k];
    }

    public double[] parameters() {
        return theta.clone();
    }

    /** The pre-activation z_j of hidden unit j (0-based). */
    public double z(int unit) {
        return z[unit];
    }

    /** The activation a_j = f(z_j) of hidden unit j. */
    public double a(int unit) {
        return a[unit];
    }

    /** The output o (linear, so also its pre-activation). */
    public double out() {
        return out;
    }

    /** L = (o - y)^2. */
    public double loss() {
        return loss;
    }

    /** dL/do = 2 (o - y). */
    public double dLdOut() {
        return 2 * (out - target);
    }

    /** dL/da_j = dL/do * w_hj_o. */
    public double dLda(int unit) {
        return dLda[unit];
    }

    /** dL/dz_j = dL/da_j * f'(z_j). */
    public double dLdz(int unit) {
        return dLdz[unit];
    }

    /** f'(z_j), the hidden unit's local slope. */
    public double slope(int unit) {
        return hidden.derivative(z[unit]);
    }

    /** dL/dtheta_k by back-propagation. */
    public double gradient(int k) {
        return gradient[k];
    }

    public double[] gradient() {
        return gradient.clone();
    }

    /**
     * The chain-rule factors of dL/dtheta_k, from the loss back to the parameter:
     * input weight w_xi_hj: [dL/do, do/da_j = w_hj_o, da_j/dz_j = f'(z_j), dz_j/dw = x_i];
     * hidden bias b_hj: [dL/do, w_hj_o, f'(z_j), 1]; output weight w_hj_o: [dL/do, do/dw = a_j]; b_o: [dL/do, 1].
     */
    public ChainTerms chain(int k) {
        double dLdo = dLdOut();
        double[] factors;
        if (k < NotesRecipe.INPUTS * NotesRecipe.HIDDEN) {
            int i = k / NotesRecipe.HIDDEN;
            int j = k % NotesRecipe.HIDDEN;
            factors = new double[]{dLdo, theta[NotesRecipe.w2(j)], slope(j), x[i]};
        } else if (k < NotesRecipe.w2(0)) {
            int j = k - NotesRecipe.b1(0);
            factors = new double[]{dLdo, theta[NotesRecipe.w2(j)], slope(j), 1};
        } else if (k < NotesRecipe.B2) {
            factors = new double[]{dLdo, a[k - NotesRecipe.w2(0)]};
        } else if (k == NotesRecipe.B2) {
            factors = new double[]{dLdo, 1};
        } else {
            throw new IllegalArgumentException("no parameter " + k);
        }
        double product = 1;
        for (double f : factors) {
            product *= f;
        }
        return new ChainTerms(factors, product);
    }

    /** Which hidden unit a parameter belongs to (0..2), or -1 for b_o. */
    public static int unitOf(int k) {
        if (k < NotesRecipe.INPUTS * NotesRecipe.HIDDEN) {
            return k % NotesRecipe.HIDDEN;
        }
        return k == NotesRecipe.B2 ? -1 : (k - NotesRecipe.b1(0)) % NotesRecipe.HIDDEN;
    }

    /**
     * Relative difference |a - b| / max(|a|, |b|), the usual gradient-check measure; 0 when both are 0 (a dead unit
     * passes no gradient either way).
     */
    public static double relativeDifference(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
