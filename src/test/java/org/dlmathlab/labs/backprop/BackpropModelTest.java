package org.dlmathlab.labs.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.NotesRecipe;
import org.dlmathlab.math.nn.PassCursor;
import org.junit.jupiter.api.Test;

class BackpropModelTest {

    @Test
    void everyRequiredQuantityIsNamedAndFinite() {
        BackpropModel model = new BackpropModel();
        List<String> names = model.quantityNames();
        for (String required : List.of("loss", "out", "h1", "h2", "h3", "epoch", "x1", "x2", "target", "lr",
                "activation", "mode")) {
            assertTrue(names.contains(required), required);
        }
        for (String w : BackpropModel.WEIGHTS) {
            assertTrue(names.contains(w) && names.contains("grad_" + w) && names.contains("numgrad_" + w), w);
            assertTrue(model.parameterNames().contains(w), w);
        }
        assertEquals(List.of("w_x1_h1", "w_x1_h2", "w_x1_h3", "w_x2_h1", "w_x2_h2", "w_x2_h3", "b_h1", "b_h2", "b_h3",
                "w_h1_o", "w_h2_o", "w_h3_o", "b_o"), BackpropModel.WEIGHTS);
        for (String name : names) {
            assertTrue(Double.isFinite(model.quantity(name)), name);
        }
        // The notes' start: float32 weights as NumPy stores them, loss as their script prints it.
        assertEquals((float) -0.0053, model.quantity("w_x1_h1"), 0);
        assertEquals((float) 0.3793, model.quantity("w_x2_h1"), 0);
        assertEquals(0.33455008989960927, model.quantity("loss"), 1e-15);
        assertEquals(-Math.sqrt(0.33455008989960927), model.quantity("out"), 1e-12);
        assertEquals(Activation.sigmoid(0.36), model.quantity("h1"), 1e-8);
        assertEquals(2 * model.quantity("out"), model.quantity("grad_out"), 1e-15);
        assertEquals(model.quantity("grad_out") * model.quantity("h1"), model.quantity("grad_w_h1_o"), 1e-15);
        assertEquals(model.quantity("grad_out") * model.quantity("w_h1_o") * model.quantity("h1")
                * (1 - model.quantity("h1")), model.quantity("grad_w_x1_h1"), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> model.quantity("nope"));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("activation", 1.5));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("lr", 0));
        assertThrows(IllegalArgumentException.class, () -> model.setParameter("w_x1_h1", Double.NaN));
    }

    @Test
    void numericalGradientIsTheNotesForwardDifferenceAndAgreesToAboutOneInTenThousand() {
        BackpropModel model = new BackpropModel();
        double[] theta = new double[NotesRecipe.PARAMETERS];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = model.parameter(k);
        }
        double[] notes = NotesRecipe.notes().gradient(theta, true);
        for (int k = 0; k < theta.length; k++) {
            String w = BackpropModel.WEIGHTS.get(k);
            assertEquals(notes[k], model.quantity("numgrad_" + w), 0, w);
            double rel = model.quantity("reldiff_" + w);
            assertTrue(rel > 1e-6 && rel < 1e-3, w + ": " + rel);
        }
        assertTrue(model.quantity("max_reldiff") < 2e-4);
    }

    @Test
    void forwardRevealsInOrderAndBackwardInReverse() {
        BackpropModel model = new BackpropModel();
        PassCursor c = model.cursor();
        assertEquals(0, model.quantity("forward_step"));
        assertFalse(c.showsZ(0));
        PassCursor.Reveal[] expected = {
            new PassCursor.Reveal(PassCursor.Kind.Z_HIDDEN, 0, -1), new PassCursor.Reveal(PassCursor.Kind.A_HIDDEN, 0, -1),
            new PassCursor.Reveal(PassCursor.Kind.Z_HIDDEN, 1, -1), new PassCursor.Reveal(PassCursor.Kind.A_HIDDEN, 1, -1),
            new PassCursor.Reveal(PassCursor.Kind.Z_HIDDEN, 2, -1), new PassCursor.Reveal(PassCursor.Kind.A_HIDDEN, 2, -1),
            new PassCursor.Reveal(PassCursor.Kind.OUT, -1, -1), new PassCursor.Reveal(PassCursor.Kind.LOSS, -1, -1)};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], model.stepForward());
            assertEquals(i + 1, model.quantity("forward_step"));
            assertTrue(c.shows(expected[i]));
            if (i + 1 < expected.length) {
                assertFalse(c.shows(expected[i + 1]), "nothing ahead of the cursor shows");
            }
        }
        // Backward: dL/do first, then the output layer, then each hidden unit's dL/da and dL/dz, then layer one.
        assertEquals(PassCursor.Kind.DL_DOUT, model.stepBackward().kind());
        int[] outputLayer = {NotesRecipe.w2(0), NotesRecipe.w2(1), NotesRecipe.w2(2), NotesRecipe.B2};
        for (int k : outputLayer) {
            assertFalse(c.showsGradient(k));
            assertEquals(k, model.stepBackward().parameter());
            assertTrue(c.showsGradient(k));
        }
        for (int j = 0; j < 3; j++) {
            assertEquals(new PassCursor.Reveal(PassCursor.Kind.DL_DA_HIDDEN, j, -1), model.stepBackward());
            assertEquals(new PassCursor.Reveal(PassCursor.Kind.DL_DZ_HIDDEN, j, -1), model.stepBackward());
        }
        assertFalse(c.showsGradient(NotesRecipe.w1(0, 0)), "first-layer gradients come last");
        for (int j = 0; j < 3; j++) {
            assertEquals(NotesRecipe.w1(0, j), model.stepBackward().parameter());
            assertEquals(NotesRecipe.w1(1, j), model.stepBackward().parameter());
            assertEquals(NotesRecipe.b1(j), model.stepBackward().parameter());
        }
        assertEquals(20, model.quantity("backward_step"));
        assertNull(model.stepBackward(), "the backward pass is complete");
        // Backward from a fresh walk completes the forward pass first.
        model.hideValues();
        assertEquals(PassCursor.Kind.DL_DOUT, model.stepBackward().kind());
        assertEquals(8, model.quantity("forward_step"));
        // Forward after a complete pass starts a new walk.
        model.runBackward();
        assertEquals(PassCursor.Kind.Z_HIDDEN, model.stepForward().kind());
        assertEquals(1, model.quantity("forward_step"));
        assertEquals(0, model.quantity("backward_step"));
    }

    @Test
    void stepsFollowTheNotesCurveAndExportItAsLossCsv() {
        BackpropModel model = new BackpropModel();
        double[] notes = NotesRecipe.notes().train(NotesRecipe.notesWeights(), 0.01, 101);
        for (int i = 0; i < 101; i++) {
            model.step();
        }
        assertEquals(101, model.quantity("epoch"));
        DataTable loss = model.dataSeries().get("loss");
        assertEquals(List.of("epoch", "loss"), loss.columns());
        assertEquals(101, loss.rows().size());
        for (int e = 0; e < 101; e++) {
            assertEquals(e, loss.rows().get(e)[0]);
            assertEquals(notes[e], loss.rows().get(e)[1], 0, "epoch " + e);
        }
        // NumPy's values for epochs 0, 10 and 100 (running the notes' script with NumPy 2.4).
        assertEquals(0.33455008989960927, loss.rows().get(0)[1], 0);
        assertEquals(0.16691118681233832, loss.rows().get(10)[1], 0);
        assertEquals(0.0003054840680033747, loss.rows().get(100)[1], 0);
        assertEquals(8, model.quantity("forward_step"), "an epoch computes, and so reveals, both passes");
        assertEquals(20, model.quantity("backward_step"));
    }

    @Test
    void analyticModeDescendsAndEditsStartANewRun() {
        BackpropModel model = new BackpropModel();
        model.setParameter("mode", 0);
        model.setParameter("lr", 0.2);
        double before = model.quantity("loss");
        double g = model.quantity("grad_b_o");
        double b = model.quantity("b_o");
        model.step();
        assertEquals(b - 0.2 * g, model.quantity("b_o"), 1e-15, "theta <- theta - lr dL/dtheta");
        assertEquals(before, model.history().get(0)[1], 0, "the recorded loss is the one before the update");
        model.train(9);
        assertEquals(10, model.quantity("epoch"));
        assertTrue(model.quantity("loss") < 1e-4, "lr 0.2 reaches 1e-4 within 10 epochs");
        model.setParameter("lr", 0.1);
        assertEquals(10, model.quantity("epoch"), "a new rate carries on");
        model.setParameter("w_x1_h1", 0.5);
        assertEquals(0, model.quantity("epoch"), "a new weight starts a new run");
        assertTrue(model.history().isEmpty());
        model.setParameter("target", 0.5);
        assertEquals(2 * (model.quantity("out") - 0.5), model.quantity("grad_out"), 1e-15);

        // Reset returns to the lesson's start.
        model.setDefaults(Map.of("x1", 2.0));
        model.step();
        model.reset();
        assertEquals(2, model.quantity("x1"));
        assertEquals((float) -0.0053, model.quantity("w_x1_h1"), 0);
        assertEquals(0, model.quantity("epoch"));
        assertEquals(0, model.quantity("forward_step"));
    }

    @Test
    void aDivergingRunStopsWithFiniteNumbers() {
        BackpropModel model = new BackpropModel();
        model.setParameter("mode", 0);
        model.setParameter("lr", 5);
        model.train(10_000);
        assertEquals(1, model.quantity("diverged"));
        assertFalse(model.canStep());
        assertTrue(model.quantity("epoch") < 100);
        for (String name : model.quantityNames()) {
            assertTrue(Double.isFinite(model.quantity(name)), name);
        }
        for (double[] row : model.history()) {
            assertTrue(Double.isFinite(row[1]));
        }
    }

    @Test
    void deadReluPassesNoGradient() {
        BackpropModel model = new BackpropModel();
        model.setParameter("activation", 2);
        assertTrue(model.quantity("z_h2") < 0);
        assertEquals(0, model.quantity("grad_w_x1_h2"));
        assertEquals(0, model.quantity("numgrad_w_x1_h2"), 0, "a nudge of 1e-4 leaves z_h2 negative");
        assertEquals(0, model.quantity("reldiff_w_x1_h2"));
    }
}
