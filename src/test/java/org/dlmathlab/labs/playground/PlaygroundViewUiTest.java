package org.dlmathlab.labs.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
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

/** Drives the playground on the headless platform: playing, the shape editor, clicking points in, typed values. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundViewUiTest {

    private PlaygroundModel model;
    private PlaygroundView view;

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
        model = new PlaygroundModel();
        view = new PlaygroundView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1100, 800);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private Point2D screenPoint(double wx, double wy) {
        Viewport vp = view.plot().viewport();
        return view.plot().canvas().localToScreen(vp.toScreenX(wx), vp.toScreenY(wy));
    }

    @Test
    void playTrainsAndDrawsTheRegionsOncePerFrameAtMost(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double loss0 = model.quantity("train_loss");
        long frames0 = view.plot().paintCount();
        robot.clickOn("#play-toggle");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.epoch() >= 60);
        robot.interact(() -> view.playBar().pause());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.epoch() >= 60);
        assertTrue(model.quantity("train_loss") < loss0 / 3, "the loss fell: " + model.quantity("train_loss"));
        long frames = view.plot().paintCount() - frames0;
        assertTrue(frames > 2, "frames were drawn while playing");
        assertTrue(view.regionBuilds() <= view.plot().paintCount() + 1,
                "the decision map is built at most once per frame: " + view.regionBuilds() + " for "
                        + view.plot().paintCount() + " paints");
        assertTrue(view.regionBuilds() < model.epoch(), "not once per epoch");
        assertTrue(view.chart().count("train") > 1, "the curves follow");
        assertEquals("Epoch " + model.epoch(), view.epochLabel().getText());
        // Paused: drawing again computes nothing new.
        long builds = view.regionBuilds();
        robot.interact(() -> view.plot().paintNow());
        assertEquals(builds, view.regionBuilds());
    }

    @Test
    void theShapeEditorRebuildsTheNetwork(FxRobot robot) {
        robot.interact(model::step);
        assertEquals(1, model.epoch());
        robot.clickOn("#playground-units-plus-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, model.param("h1"));
        assertEquals(0, model.epoch(), "a new shape starts over");
        assertEquals(2 * 5 + 5 + 5 * 2 + 2, model.quantity("param_count"));
        robot.clickOn("#playground-add-layer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.param("layers"));
        assertEquals(5, model.param("h2"), "a new layer copies the size of the one before");
        assertTrue(robot.lookup("#playground-units-minus-2").query().isVisible());
        assertEquals(2 * 5 + 5 + 5 * 5 + 5 + 5 * 2 + 2, model.net().parameterCount());
        robot.clickOn("#playground-units-minus-2");
        robot.clickOn("#playground-remove-layer");
        robot.clickOn("#playground-remove-layer");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.param("layers"));
        assertEquals(2, model.net().sizes().length, "inputs and outputs only: 2 → 2");
        assertTrue(robot.lookup("#playground-remove-layer").query().isDisabled());
    }

    @Test
    void clickingAddsPointsAndShiftClickTheOtherClass(FxRobot robot) {
        robot.interact(() -> model.setParameter("dataset", PlaygroundModel.OWN_POINTS));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(screenPoint(1, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.points().size());
        assertEquals(0, model.points().label()[0]);
        double unit = 1 / view.plot().viewport().scale();
        assertEquals(1, model.points().x()[0][0], 2 * unit + 0.01);
        assertEquals(1, model.points().x()[0][1], 2 * unit + 0.01);
        robot.press(KeyCode.SHIFT);
        try {
            robot.clickOn(screenPoint(-2, 0.5));
        } finally {
            robot.release(KeyCode.SHIFT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.points().size());
        assertEquals(1, model.points().label()[1], "Shift+click adds the other class");
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.points().size(), "Backspace removes the last point");
    }

    @Test
    void keysOnThePlaneStepPlayAndRestart(FxRobot robot) {
        robot.clickOn(screenPoint(0, 0));
        robot.type(KeyCode.S);
        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.epoch());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.epoch());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.playBar().isPlaying());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.playBar().isPlaying());
    }

    @Test
    void aBadTypedValueIsExplainedAndChangesNothing(FxRobot robot) {
        robot.interact(() -> {
            view.field("n").field().setText("2000");
            view.field("n").commitText();
        });
        assertTrue(view.field("n").hasError());
        assertEquals(400, model.param("n"));
        robot.interact(() -> {
            view.field("lr").field().setText("1/(2");
            view.field("lr").commitText();
        });
        assertTrue(view.field("lr").hasError());
        assertEquals(0.03, model.param("lr"));
        robot.interact(() -> {
            view.field("lr").field().setText("1/100");
            view.field("lr").commitText();
        });
        assertFalse(view.field("lr").hasError());
        assertEquals(0.01, model.param("lr"), 1e-15);
        robot.interact(() -> {
            view.field("n").field().setText("150");
            view.field("n").commitText();
        });
        assertEquals(150, model.param("n"));
        assertEquals(150, model.points().size());
    }
}
