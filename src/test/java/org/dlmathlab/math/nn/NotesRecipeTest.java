package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotesRecipeTest {

    /**
     * The losses the notes' own code prints (repr of {@code losses[e]}), from running seed 002's script unchanged with
     * NumPy 2.4: epochs 0, 1, 2, 10, 100, 500 and 999.
     */
    private static final int[] EPOCHS = {0, 1, 2, 10, 100, 500, 999};
    private static final double[] NUMPY = {0.33455008989960927, 0.31207511631926566, 0.2911120956789758,
        0.16691118681233832, 0.0003054840680033747, 1.5515549363626037e-09, 1.537065646685334e-09};

    @Test
    void theNotesRunGivesNumPysLosses() {
        double[] losses = NotesRecipe.notes().train(NotesRecipe.notesWeights(), NotesRecipe.NOTES_LEARNING_RATE,
                NotesRecipe.NOTES_EPOCHS);
        assertEquals(1000, losses.length);
        for (int i = 0; i < EPOCHS.length; i++) {
            double got = losses[EPOCHS[i]];
            double relative = Math.abs(got - NUMPY[i]) / NUMPY[i];
            // Measured: every printed loss is reproduced bit for bit (relative 0). The bounds leave room for a JVM
            // whose Math.exp differs from NumPy's in the last bit: at the float32 floor (1e-9) the loss is the square
            // of an output built from float32 weights, so one flipped float32 rounding would show at about 1e-6.
            assertTrue(relative < (EPOCHS[i] <= 100 ? 1e-12 : 1e-5), "epoch " + EPOCHS[i] + ": " + got + " vs "
                    + NUMPY[i] + " (relative " + relative + ")");
        }
    }

    @Test
    void theParametersStayFloat32AndTheUpdateIsSimultaneous() {
        NotesRecipe recipe = NotesRecipe.notes();
        double[] theta = NotesRecipe.toFloat32(NotesRecipe.notesWeights());
        NotesRecipe.Epoch epoch = recipe.epoch(theta, 0.01);
        assertEquals(recipe.loss(theta), epoch.loss(), 0, "the recorded loss is the one before the update");
        double[] grad = recipe.gradient(theta, true);
        for (int k = 0; k < theta.length; k++) {
            assertEquals((float) epoch.updated()[k], epoch.updated()[k], 0, "stored as float32");
            // Every gradient is taken at the original parameters, so the epoch's gradient equals the gradient there.
            assertEquals(grad[k], epoch.gradient()[k], 0);
            assertEquals((float) (theta[k] - 0.01 * grad[k]), epoch.updated()[k], 0);
        }
    }

    @Test
    void analyticGradientsMatchCentralDifferencesTightlyAndTheNotesForwardDifferenceLoosely() {
        double[] theta = NotesRecipe.toFloat32(NotesRecipe.notesWeights());
        NotesNetwork net = new NotesNetwork(1, 1, 0, Activation.SIGMOID, theta);
        NotesRecipe recipe = NotesRecipe.notes();
        assertEquals(recipe.loss(theta), net.loss(), 1e-15);
        double[] notes = recipe.gradient(theta, true);
        double worstCentral = 0;
        double worstNotes = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            double h = 1e-5;
            plus[k] += h;
            minus[k] -= h;
            double central = (recipe.loss(plus) - recipe.loss(minus)) / (2 * h);
            worstCentral = Math.max(worstCentral, NotesNetwork.relativeDifference(net.gradient(k), central));
            worstNotes = Math.max(worstNotes, NotesNetwork.relativeDifference(net.gradient(k), notes[k]));
            // The chain-rule product is the back-propagated gradient.
            assertEquals(net.gradient(k), net.chain(k).product(), 1e-15, "parameter " + k);
        }
        assertTrue(worstCentral < 1e-8, "central differences agree to " + worstCentral);
        // The forward difference is off by about h L''/2: here up to a few 1e-4 of the gradient, never 1e-2.
        assertTrue(worstNotes < 2e-3 && worstNotes > 1e-6, "the notes' forward differences agree to " + worstNotes);
    }
}
