package org.dlmathlab.labs.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the neuron lab headless: a weight slider, ReLU switching the neuron off, the input point, keys, typos. */
@ExtendWith(ApplicationExtension.class)
class NeuronViewUiTest {

    private NeuronModel model;
    private NeuronView view;

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
        model = new NeuronModel();
        view = new NeuronView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1100, 760);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
    }

    @Test
    void movingAWeightSliderMovesZAndTheMarker(FxRobot robot) {
        robot.interact(() -> view.curve().paintNow());
        double zBefore = model.z();
        double markerBefore = view.markerPosition()[0];
        assertEquals(view.curve().viewport().toScreenX(zBefore), markerBefore, 1e-9);
        Node thumb = robot.lookup("#neuron-w1 .thumb").query();
        robot.drag(thumb).moveBy(45, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.curve().paintNow());
        double w1 = model.weight(0);
        assertTrue(w1 > 1.5 + 0.3, "the slider raised w1: " + w1);
        double z = model.z();
        assertEquals(model.bias() + w1 * model.input(0) + model.weight(1) * model.input(1), z, 1e-12);
        assertTrue(z > zBefore, "with x1 = 1 > 0, a larger w1 raises z");
        double marker = view.markerPosition()[0];
        assertNotEquals(markerBefore, marker, "the marker moved");
        assertEquals(view.curve().viewport().toScreenX(z), marker, 1e-9, "and sits at the new z");
        assertEquals(view.curve().viewport().toScreenY(model.a()), view.markerPosition()[1], 1e-9);
        assertEquals(Double.parseDouble(robot.lookup("#neuron-w1 .text-field").queryTextInputControl().getText()),
                w1, 1e-6, "the typed field follows the slider");
    }

    @Test
    void reluWithANegativeSumSwitchesTheNeuronOff(FxRobot robot) {
        robot.interact(() -> view.activationBox().getSelectionModel().select(2));
        assertEquals(2, model.quantity("activation"));
        robot.clickOn("#neuron-w0 .text-field").eraseText(8).write("-3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-3, model.bias());
        assertTrue(model.z() < 0);
        assertEquals(0, model.quantity("a"));
        assertEquals(0, model.quantity("slope"));
        assertTrue(view.note().getText().contains("switched off"), view.note().getText());
        robot.interact(() -> model.setParameter("activation", 0));
        assertTrue(view.note().getText().contains("slope"), view.note().getText());
    }

    @Test
    void draggingTheInputPointMovesX1AndX2WithoutRecomputingTheTint(FxRobot robot) {
        robot.interact(() -> view.plane().paintNow());
        long builds = view.tintBuilds();
        Viewport vp = view.plane().viewport();
        Point2D from = view.plane().canvas().localToScreen(vp.toScreenX(1), vp.toScreenY(0.5));
        Point2D to = view.plane().canvas().localToScreen(vp.toScreenX(-2), vp.toScreenY(3));
        robot.drag(from).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.plane().paintNow());
        double unit = 1.5 / vp.scale() + 0.051;
        assertEquals(-2, model.input(0), unit);
        assertEquals(3, model.input(1), unit);
        assertEquals(Math.round(model.input(0) * 10) / 10.0, model.input(0), 1e-12, "snapped to 0.1");
        assertEquals(builds, view.tintBuilds(), "moving the inputs does not change the tint");
        robot.interact(() -> model.setParameter("w0", 1));
        robot.interact(() -> view.plane().paintNow());
        assertEquals(builds + 1, view.tintBuilds(), "a new bias does");
    }

    @Test
    void keysOnThePicturesChooseInputsAndActivation(FxRobot robot) {
        Point2D corner = view.diagram().canvas().localToScreen(20, 40);
        robot.clickOn(corner);
        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.inputCount());
        assertTrue(robot.lookup("#neuron-x3").query().isVisible(), "x3's slider appears");
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("activation"));
        assertEquals(1, view.activationBox().getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-0.4, model.bias(), 1e-12);
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(model.quantity("x2")));
        assertTrue(!robot.lookup("#neuron-x2").query().isVisible());
    }

    @Test
    void aTypoIsExplainedAndChangesNothing(FxRobot robot) {
        double before = model.weight(1);
        robot.clickOn("#neuron-w2 .text-field").eraseText(8).write("2*/3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, model.weight(1));
        assertTrue(robot.lookup("#neuron-w2 .text-field").query().getStyleClass().contains("field-error"));
        robot.clickOn("#neuron-w2 .text-field").eraseText(8).write("9").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, model.weight(1), "out of range is refused too");
        robot.clickOn("#neuron-w2 .text-field").eraseText(8).write("1/2").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, model.weight(1));
    }
}
