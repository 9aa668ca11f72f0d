package org.dlmathlab.labs.gd2d;

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

/** Drives the gd2d lab on the headless platform: clicking the map, playing, the contour image cache. */
@ExtendWith(ApplicationExtension.class)
class Gd2dViewUiTest {

    private Gd2dModel model;
    private Gd2dView view;

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
        model = new Gd2dModel();
        view = new Gd2dView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
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

    private Point2D screenPoint(double wx, double wy) {
        Viewport vp = view.plot().viewport();
        return view.plot().canvas().localToScreen(vp.toScreenX(wx), vp.toScreenY(wy));
    }

    @Test
    void clickingTheMapMovesTheStartAndRestartsTheRace(FxRobot robot) {
        robot.interact(() -> {
            model.step();
            model.step();
        });
        assertEquals(2.5, model.quantity("x0"));
        robot.clickOn(screenPoint(1, -1));
        WaitForAsyncUtils.waitForFxEvents();
        double unit = 1 / view.plot().viewport().scale();
        assertEquals(1, model.quantity("x0"), 1.5 * unit, "x0 within a pixel or so of the click");
        assertEquals(-1, model.quantity("y0"), 1.5 * unit);
        assertEquals(0, model.quantity("step"), "every optimiser restarts at the new start");
        for (String name : Gd2dModel.OPTIMIZERS) {
            assertEquals(model.quantity("x0"), model.quantity("x_" + name));
            assertEquals(model.quantity("y0"), model.quantity("y_" + name));
        }
        // The typed field of the start follows the click.
        assertEquals(model.quantity("x0"), Double.parseDouble(
                robot.lookup("#gd2d-x0 .text-field").queryTextInputControl().getText()), 1e-12);
    }

    @Test
    void playingManyStepsDrawsFramesWithoutRebuildingTheContourImage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        long builds = view.contourBuilds();
        assertEquals(1, builds, "one image for the first picture");
        robot.interact(() -> {
            view.showArrowsProperty().set(true);
            view.plot().paintNow();
        });
        long paintsBefore = view.plot().paintCount();
        long backdrops = view.backdropPaints();
        robot.interact(() -> {
            view.playBar().speedSlider().setValue(view.playBar().speedSlider().getMax());
            view.playBar().play();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.stepCount() >= 200);
        robot.interact(() -> view.playBar().pause());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.stepCount() >= 200);
        assertTrue(view.plot().paintCount() > paintsBefore + 2, "frames were drawn while playing");
        assertEquals(1, view.contourBuilds(), "stepping never rebuilds the contour image");
        assertEquals(backdrops, view.backdropPaints(), "nor redraws the layer that holds it");
        assertTrue(view.chart().count("adam") > 100, "the loss chart follows the race");

        // Zooming changes the view, and only then is the image computed again.
        robot.interact(() -> {
            view.plot().viewport().zoomAt(200, 200, 1.5);
            view.plot().paintNow();
        });
        assertEquals(2, view.contourBuilds());
    }

    @Test
    void keysOnTheMapPlayStepAndToggleTheArrows(FxRobot robot) {
        robot.clickOn(screenPoint(-2.5, -2.5));
        robot.interact(() -> model.setStart(2.5, 2));
        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("step"));
        assertFalse(view.showArrowsProperty().get());
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.showArrowsProperty().get());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.playBar().isPlaying());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.playBar().isPlaying());
    }

    @Test
    void aTypoInTheFormulaIsExplainedAndTheSurfaceStays(FxRobot robot) {
        robot.interact(() -> {
            view.formulaField().setText("x^2 + (y");
            view.applyFormula();
        });
        assertTrue(view.formulaError().getText().contains("never closed"), view.formulaError().getText());
        assertEquals(0, model.quantity("preset"));
        robot.interact(() -> {
            view.formulaField().setText("x^2 + 3y^2");
            view.applyFormula();
        });
        assertEquals("", view.formulaError().getText());
        assertEquals(-1, model.quantity("preset"));
    }
}
