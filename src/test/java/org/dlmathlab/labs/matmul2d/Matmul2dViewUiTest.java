package org.dlmathlab.labs.matmul2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Format;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the matmul2d lab on the headless platform: sliders, presets, typed input, keys, the playback. */
@ExtendWith(ApplicationExtension.class)
class Matmul2dViewUiTest {

    private Matmul2dModel model;
    private Matmul2dView view;

    /** Start the toolkit as TestFX does, whatever order the test classes run in. */
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
        model = new Matmul2dModel();
        I18n i18n = new I18n(Lang.EN);
        view = new Matmul2dView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
        Scene scene = new Scene(new StackPane(view.node()), 1100, 760);
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
    void draggingASliderOfBChangesBothPlanesCaptions(FxRobot robot) {
        String ab = view.captionText(true);
        String ba = view.captionText(false);
        assertTrue(ab.contains("[[1, −1], [1, 0]]"), ab);
        assertTrue(ba.contains("[[0, −1], [1, 1]]"), ba);
        double b12 = model.quantity("b12");
        Node thumb = robot.lookup("#matmul-entry-b12 .thumb").query();
        robot.moveTo(thumb).press(MouseButton.PRIMARY).moveBy(45, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.quantity("b12") > b12 + 0.3, "the slider moved b12 to the right: " + model.quantity("b12"));
        assertNotEquals(ab, view.captionText(true));
        assertNotEquals(ba, view.captionText(false));
        assertTrue(view.captionText(true).contains(Format.num(model.ab().b())), view.captionText(true));
        assertTrue(view.captionText(false).contains(Format.num(model.ba().d())), view.captionText(false));
        assertTrue(view.captionText(true).contains("det = " + Format.num(model.ab().det())));
    }

    @Test
    void theCommuteReadOutFlipsBetweenACommutingAndANonCommutingPair(FxRobot robot) {
        assertTrue(view.commuteVerdict().getText().startsWith("AB ≠ BA"), view.commuteVerdict().getText());
        robot.clickOn("#matmul-preset-a-rotation");
        robot.clickOn("#matmul-preset-b-rotation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("commute"));
        assertTrue(view.commuteVerdict().getText().startsWith("AB = BA"), view.commuteVerdict().getText());
        assertTrue(view.commuteReason().getText().contains("A = B"), view.commuteReason().getText());
        robot.clickOn("#matmul-preset-b-shear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("commute"));
        assertTrue(view.commuteVerdict().getText().startsWith("AB ≠ BA"), view.commuteVerdict().getText());
        robot.clickOn("#matmul-preset-a-identity");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("commute"));
        assertTrue(view.commuteReason().getText().contains("multiple of I"), view.commuteReason().getText());
        robot.clickOn("#matmul-preset-a-scaling");
        robot.clickOn("#matmul-preset-b-identity");
        robot.clickOn("#matmul-entry-b22 .text-field").eraseText(4).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.quantity("b22"));
        assertTrue(view.commuteReason().getText().contains("diagonal"), view.commuteReason().getText());
    }

    @Test
    void badTypedInputIsExplainedAndChangesNothing(FxRobot robot) {
        double before = model.quantity("b11");
        String caption = view.captionText(true);
        robot.clickOn("#matmul-entry-b11 .text-field").eraseText(4).write("2+").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.entryField("b11").hasError());
        assertEquals(before, model.quantity("b11"));
        assertEquals(caption, view.captionText(true));
        robot.clickOn("#matmul-entry-b11 .text-field").eraseText(4).write("12").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.entryField("b11").hasError(), "12 is outside [-10, 10]");
        assertEquals(before, model.quantity("b11"));
        robot.clickOn("#matmul-entry-b11 .text-field").eraseText(4).write("1/2").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.entryField("b11").hasError());
        assertEquals(0.5, model.quantity("b11"));

        // A typed shape size that is not a whole number from 1 to 10 is refused with a message.
        robot.interact(() -> {
            view.spinner("n").getEditor().setText("0");
            view.spinner("n").commitValue();
        });
        assertEquals(3, model.quantity("n"));
        assertTrue(view.shapeError().isVisible());
        assertTrue(view.shapeError().getText().contains("whole number"), view.shapeError().getText());
        robot.interact(() -> {
            view.spinner("n").getEditor().setText("2");
            view.spinner("n").commitValue();
        });
        assertEquals(2, model.quantity("n"));
        assertFalse(view.shapeError().isVisible());
        assertEquals(1, model.quantity("shape_ok"));
        assertTrue(view.shapeResult().getText().startsWith("(2 × 2)(2 × 4) = 2 × 4"), view.shapeResult().getText());
    }

    @Test
    void keysOnAPlaneSwapAndPlayAndTheZoomIsShared(FxRobot robot) throws Exception {
        Matrix2 a = model.matrixA();
        Matrix2 b = model.matrixB();
        robot.clickOn(view.planeAb());
        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(b, model.matrixA());
        assertEquals(a, model.matrixB());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isPlaying());
        assertTrue(model.stageProperty().get() < Matmul2dModel.STAGE_DONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.isPlaying());
        assertEquals(Matmul2dModel.STAGE_DONE, model.stageProperty().get(), 1e-12);

        // Any edit during the playback stops it and shows the finished products.
        robot.interact(view::play);
        robot.interact(() -> model.setParameter("b11", 2));
        assertFalse(view.isPlaying());
        assertEquals(Matmul2dModel.STAGE_DONE, model.stageProperty().get());

        double scale = view.planeBa().viewport().scale();
        robot.moveTo(view.planeAb()).scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> Math.abs(view.planeBa().viewport().scale() - view.planeAb().viewport().scale()) < 1e-9
                        && Math.abs(view.planeBa().viewport().scale() - scale) > 1e-6);
    }
}
