package org.dlmathlab.labs.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.math.nn.NotesRecipe;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the back-propagation lab on the headless platform: the pass buttons, clicking a weight, keys, training. */
@ExtendWith(ApplicationExtension.class)
class BackpropViewUiTest {

    private BackpropModel model;
    private BackpropView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Start
    void start(Stage stage) {
        for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        Fonts.loadBundled();
        model = new BackpropModel();
        view = new BackpropView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1200, 800);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @Test
    void forwardSixTimesRevealsTheHiddenValuesInOrderThenBackwardTheGradients(FxRobot robot) {
        String[] starts = {"z_h1 =", "a_h1 =", "z_h2 =", "a_h2 =", "z_h3 =", "a_h3 ="};
        String[] quantities = {"z_h1", "h1", "z_h2", "h2", "z_h3", "h3"};
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#backprop-forward");
            WaitForAsyncUtils.waitForFxEvents();
            List<String> log = view.passLog().getItems();
            assertEquals(i + 1, log.size());
            assertTrue(log.get(i).startsWith(starts[i]), log.get(i));
            assertTrue(log.get(i).endsWith("= " + BackpropView.num(model.quantity(quantities[i]))), log.get(i));
        }
        assertEquals(6, model.quantity("forward_step"));
        assertEquals(0, model.quantity("backward_step"));

        // Backward first finishes the forward pass (o and L), then reveals dL/do.
        robot.clickOn("#backprop-backward");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> log = view.passLog().getItems();
        assertEquals(9, log.size());
        assertTrue(log.get(7).startsWith("L = "), log.get(7));
        assertTrue(log.get(8).startsWith("∂L/∂o = 2(o − y) = " + BackpropView.num(model.quantity("grad_out"))),
                log.get(8));
        robot.clickOn("#backprop-backward");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.passLog().getItems().get(9).startsWith("∂L/∂w(h1→o)"));
        assertTrue(view.passLog().getItems().get(9).endsWith(BackpropView.num(model.quantity("grad_w_h1_o"))));
        robot.clickOn("#backprop-run-backward");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(28, view.passLog().getItems().size());
    }

    @Test
    void clickingAWeightShowsItsChainRuleProductEqualToItsGradient(FxRobot robot) {
        int k = NotesRecipe.w1(1, 2);
        robot.interact(() -> view.plot().paintNow());
        double[] centre = view.labelCentre(k);
        assertNotNull(centre, "the weight's label is on the diagram");
        Point2D screen = view.plot().canvas().localToScreen(centre[0], centre[1]);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(k, view.selectedParameter());
        String grad = BackpropView.num(model.quantity("grad_w_x2_h3"));
        assertEquals(grad, view.chainValue().getText());
        // The factors multiply to the same number: 2(o - y) * w_h3_o * sigma'(z_h3) * x2.
        double product = 2 * model.quantity("out") * model.quantity("w_h3_o") * model.quantity("h3")
                * (1 - model.quantity("h3")) * model.quantity("x2");
        assertEquals(model.quantity("grad_w_x2_h3"), product, 1e-15);
        assertTrue(view.chainNumbers().getText().startsWith("= (" + BackpropView.num(model.quantity("grad_out"))));

        // The output bias via its label above the output node.
        double[] bias = view.labelCentre(NotesRecipe.B2);
        robot.clickOn(view.plot().canvas().localToScreen(bias[0], bias[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NotesRecipe.B2, view.selectedParameter());
        assertEquals(BackpropView.num(model.quantity("grad_b_o")), view.chainValue().getText());
    }

    @Test
    void keysOnTheDiagramStepUpdateAndTrain(FxRobot robot) {
        double[] centre = view.labelCentre(NotesRecipe.B2);
        robot.clickOn(view.plot().canvas().localToScreen(centre[0], centre[1]));
        robot.type(KeyCode.F);
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.quantity("forward_step"));
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("backward_step"));
        robot.type(KeyCode.U);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("epoch"));
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.selectedParameter(), "↓ after the last parameter wraps to the first");

        // Train N: a bad entry is refused with a message and trains nothing; a good one runs N epochs.
        robot.interact(() -> view.epochsSpinner().getEditor().setText("ten"));
        robot.interact(view::train);
        assertEquals(1, model.quantity("epoch"));
        assertTrue(view.epochsSpinner().getEditor().getStyleClass().contains("field-error"));
        robot.interact(() -> view.epochsSpinner().getEditor().setText("99"));
        robot.interact(view::train);
        assertEquals(100, model.quantity("epoch"));
        assertEquals(100, view.chart().count("loss"), "the loss curve has one point per epoch");
        assertEquals(model.history().get(99)[1], NotesRecipe.notes().train(NotesRecipe.notesWeights(), 0.01, 100)[99],
                0);
    }
}
