package org.dlmathlab.math.nn;

/**
 * The study notes' training loop for their 2-3-1 network (seed 002), reproduced number for number.
 *
 * <p>The network: inputs x = (x1, x2), three hidden units, one linear output, squared error against a target y:
 * <pre>
 *   z_j = x1 W1[0][j] + x2 W1[1][j] + b1[j],   a_j = f(z_j)   (f = sigmoid in the notes: 1 / (1 + e^-z))
 *   o   = a_0 W2[0] + a_1 W2[1] + a_2 W2[2] + b2,   L = (o - y)^2
 * </pre>
 * One epoch is the notes' {@code update_weights}: L0 = L(theta); for every parameter k, in the notes' order, a copy of
 * the <em>original</em> parameters gets theta_k + h (h = 1e-4), grad_k = (L(theta + h e_k) - L0) / h (a forward
 * difference), and the update theta_k - lr grad_k is kept aside; all updates then take effect together. The epoch's
 * recorded loss is L0, before the update.
 *
 * <p>NumPy's number types matter at the last digits, so they are mimicked: the notes keep the parameters in float32
 * arrays, so theta_k + h is a float32 sum and every updated value is rounded to float32 when stored; the inputs are
 * int64, so {@code np.dot} promotes to float64 and every loss is computed in double from the float32 values.
 *
 * <p>Parameter order (13 values, as the notes' {@code np.ndenumerate} visits them): W1 row by row, W1[i][j] the weight
 * from input i to hidden unit j (k = 3i + j); then b1 (k = 6..8); then W2 (k = 9..11); then b2 (k = 12).
 */
public final class NotesRecipe {

    /** The notes' finite-difference step. */
    public static final double STEP = 1e-4;
    /** The notes' learning rate. */
    public static final double NOTES_LEARNING_RATE = 0.01;
    /** The notes' number of epochs. */
    public static final int NOTES_EPOCHS = 1000;
    public static final int PARAMETERS = 13;
    public static final int HIDDEN = 3;
    public static final int INPUTS = 2;
    /** Index of b2 (the output bias). */
    public static final int B2 = 12;

    /** The notes' input [1, 1] and target 0. */
    public static final double[] NOTES_INPUT = {1, 1};
    public static final double NOTES_TARGET = 0;

    /** The notes' starting weights and biases, as printed there, in parameter order. */
    private static final double[] NOTES_WEIGHTS = {
        -0.0053, -0.5820, -0.2723, // W1[0][.]: from x1 to h1, h2, h3
        0.3793, -0.5204, 0.1896,   // W1[1][.]: from x2 to h1, h2, h3
        -0.0140, 0.5607, -0.0628,  // b1
        0.1528, -0.1745, -0.1135,  // W2
        -0.5516};                  // b2

    private final double x1;
    private final double x2;
    private final double target;
    private final Activation hidden;
    private final double alpha;

    /** One epoch's outcome: the recorded loss L0, the forward-difference gradient and the updated parameters. */
    public record Epoch(double loss, double[] gradient, double[] updated) {
    }

    /** The recipe for input (x1, x2), a target and a hidden activation (leaky ReLU uses the default slope). */
    public NotesRecipe(double x1, double x2, double target, Activation hidden) {
        this(x1, x2, target, hidden, Activation.DEFAULT_ALPHA);
    }

    public NotesRecipe(double x1, double x2, double target, Activation hidden, double alpha) {
        this.x1 = x1;
        this.x2 = x2;
        this.target = target;
        this.hidden = hidden;
        this.alpha = alpha;
    }

    /** The notes' own setting: input [1, 1], target 0, sigmoid hidden units. */
    public static NotesRecipe notes() {
        return new NotesRecipe(NOTES_INPUT[0], NOTES_INPUT[1], NOTES_TARGET, Activation.SIGMOID);
    }

    /** The notes' printed starting parameters (as typed there; {@link #toFloat32} gives NumPy's stored values). */
    public static double[] notesWeights() {
        return NOTES_WEIGHTS.clone();
    }

    /** Index of W1[i][j], the weight from input i to hidden unit j. */
    public static int w1(int input, int unit) {
        return HIDDEN * input + unit;
    }

    /** Index of b1[j]. */
    public static int b1(int unit) {
        return INPUTS * HIDDEN + unit;
    }

    /** Index of W2[j], the weight from hidden unit j to the output. */
    public static int w2(int unit) {
        return INPUTS * HIDDEN + HIDDEN + unit;
    }

    /** Every value rounded to float32, as {@code np.array(..., dtype=np.float32)} stores it. */
    public static double[] toFloat32(double[] theta) {
        double[] out = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            out[k] = (float) theta[k];
        }
        return out;
    }

    /**
     * The notes' {@code feed_forward}: L(theta) = (o - y)^2 in double, summing in NumPy's order (the dot product,
     * then the bias).
     */
    public double loss(double[] theta) {
        double out = 0;
        for (int j = 0; j < HIDDEN; j++) {
            double z = (x1 * theta[w1(0, j)] + x2 * theta[w1(1, j)]) + theta[b1(j)];
            out += activate(z) * theta[w2(j)];
        }
        out += theta[B2];
        double e = out - target;
        return e * e;
    }

    private double activate(double z) {
        // The notes write the sigmoid as 1 / (1 + exp(-z)); Activation.sigmoid's overflow-safe form for z < 0 rounds
        // differently in the last bit, which the float32 updates would carry along.
        return hidden == Activation.SIGMOID ? 1 / (1 + Math.exp(-z)) : hidden.value(z, alpha);
    }

    /**
     * The notes' forward-difference gradient at theta: grad_k = (L(theta + h e_k) - L(theta)) / h with h = 1e-4.
     *
     * @param float32 whether theta_k + h is a float32 sum (the notes' arrays) or a double one
     */
    public double[] gradient(double[] theta, boolean float32) {
        return gradient(theta, loss(theta), float32);
    }

    private double[] gradient(double[] theta, double base, boolean float32) {
        double[] grad = new double[theta.length];
        double[] temp = theta.clone();
        for (int k = 0; k < theta.length; k++) {
            // Float addition in Java is the exactly rounded float32 sum, as NumPy 2 adds a Python float to float32.
            temp[k] = float32 ? (float) theta[k] + (float) STEP : theta[k] + STEP;
            grad[k] = (loss(temp) - base) / STEP;
            temp[k] = theta[k];
        }
        return grad;
    }

    /**
     * One epoch of the notes' {@code update_weights} at learning rate lr. theta should hold float32 values (see
     * {@link #toFloat32}); the updated values are float32 too.
     */
    public Epoch epoch(double[] theta, double lr) {
        double original = loss(theta);
        double[] grad = gradient(theta, original, true);
        double[] updated = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            // float32 - float64 is float64 in NumPy; storing it back into the float32 array rounds it.
            updated[k] = (float) (theta[k] - grad[k] * lr);
        }
        return new Epoch(original, grad, updated);
    }

    /** The notes' whole run: the recorded loss of each of {@code epochs} epochs from theta (rounded to float32). */
    public double[] train(double[] theta, double lr, int epochs) {
        double[] losses = new double[epochs];
        double[] current = toFloat32(theta);
        for (int e = 0; e < epochs; e++) {
            Epoch step = epoch(current, lr);
            losses[e] = step.loss();
            current = step.updated();
        }
        return losses;
    }
}
