package org.dlmathlab.labs.tensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the tensors lab on the headless platform: typing into cells, keys, and a broadcasting clash. */
@ExtendWith(ApplicationExtension.class)
class TensorsViewUiTest {

    private TensorsModel model;
    private TensorsView view;

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
        model = new TensorsModel();
        I18n i18n = new I18n(Lang.EN);
        view = new TensorsView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
        Scene scene = new Scene(new StackPane(view.node()), 1000, 700);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private Point2D screenOfCell(TensorsModel.Operand which, int position) {
        robotPaint();
        double[] c = view.cellCenter(which, position);
        return view.plot().canvas().localToScreen(c[0], c[1]);
    }

    private void robotPaint() {
        WaitForAsyncUtils.asyncFx(() -> view.plot().paintNow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingACellAndTypingUpdatesTheSum(FxRobot robot) {
        assertEquals(21, model.quantity("in_sum"));
        assertEquals("21", view.readout("resultSum").getText());
        robot.clickOn(screenOfCell(TensorsModel.Operand.A2, 5));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.editor().isVisible(), "a click opens the editor on the cell");
        assertEquals("6", view.editor().getText());
        robot.eraseText(1).write("15").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.editor().isVisible());
        assertEquals(15, model.arrayA().get(1, 2));
        assertEquals(30, model.quantity("result_sum"));
        assertEquals("30", view.readout("resultSum").getText());
        assertEquals(18, model.quantity("out2"), "the last column's sum: 3 + 15");
    }

    @Test
    void badTextIsExplainedAndTheCellKeepsItsValue(FxRobot robot) {
        robot.interact(() -> view.typeIntoCell(TensorsModel.Operand.A2, 0, "2 +"));
        assertTrue(view.message().isVisible());
        assertTrue(view.message().getText().startsWith("Could not use \"2 +\""), view.message().getText());
        assertTrue(view.editor().getStyleClass().contains("field-error"));
        assertEquals(1, model.arrayA().get(0, 0));
        robot.interact(() -> view.typeIntoCell(TensorsModel.Operand.A2, 0, "1/2"));
        assertEquals(0.5, model.arrayA().get(0, 0));
        assertFalse(view.message().isVisible(), "a good value clears the message");
    }

    @Test
    void anIncompatibleBroadcastShowsTheMessage(FxRobot robot) {
        // As a lesson would: only the broadcasting controls and the read-outs, so the buttons are on screen.
        robot.interact(() -> view.setVisibleControls(java.util.Set.of("broadcast", "readouts")));
        robot.clickOn("#tensors-b-clash");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TensorsModel.MODE_BROADCAST, model.modeProperty().get());
        assertEquals(0, model.quantity("compatible"));
        assertTrue(view.message().isVisible());
        assertEquals("Shapes (2, 3) and (2,) do not broadcast. In the last position the lengths are 3 and 2: "
                + "they differ and neither is 1.", view.message().getText());
        assertEquals("shapes clash", view.readout("broadcast").getText());
        robot.clickOn("#tensors-b-row");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("compatible"));
        assertFalse(view.message().isVisible());
        assertEquals("(2, 3)", view.readout("broadcast").getText());
    }

    @Test
    void keysOnThePictureChooseTheReduction(FxRobot robot) {
        robot.clickOn(view.plot());
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.axisProperty().get());
        assertTrue(view.isAnimating(), "a new reduction lights up its cells");
        robot.type(KeyCode.K);
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.keepdimsProperty().get());
        assertEquals(TensorsModel.OP_MEAN, model.opProperty().get());
        assertEquals("(2, 3) → (2, 1)", view.shapeReadout().getText());
        assertEquals(2 + 5, model.quantity("result_sum"), "row means 2 and 5");
        robot.type(KeyCode.A);
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TensorsModel.ALL, model.axisProperty().get());
        assertEquals(TensorsModel.MODE_PRODUCT, model.modeProperty().get());
    }
}
