package org.dlmathlab.labs.gaussian;

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
import org.dlmathlab.ui.Format;
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

/** Drives the gaussian lab on the headless platform: the draw buttons, slices, keys, drags and the seed field. */
@ExtendWith(ApplicationExtension.class)
class GaussianViewUiTest {

    private GaussianModel model;
    private GaussianView view;

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
        model = new GaussianModel();
        view = new GaussianView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
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
    void draw100AddsAHundredSamplesAndUpdatesTheMean(FxRobot robot) {
        robot.clickOn("#gaussian-draw100");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, model.quantity("n"));
        assertEquals("100", view.readoutValues().get(0).getText());
        assertEquals(Format.num(model.quantity("mean"), 4), view.readoutValues().get(1).getText());
        assertFalse(view.readoutValues().get(1).getText().equals("—"));
        assertTrue(view.chart().count("mean") == 100, "one chart point per sample so far");
        robot.clickOn("#gaussian-draw100");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(200, model.quantity("n"));
        assertEquals(Format.num(model.quantity("mean"), 4), view.readoutValues().get(1).getText());
    }

    @Test
    void draw10000RunsInSlicesAndKeepsTheWindowResponsive(FxRobot robot) throws Exception {
        robot.clickOn("#gaussian-draw10k");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.quantity("n") < 10_000 && model.quantity("n") >= GaussianView.SLICE,
                "the first slice is drawn at once, the rest over later frames: " + model.quantity("n"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.quantity("n") == 10_000 && !view.isDrawing());
        assertEquals(0, model.quantity("mean"), 0.05);
        assertEquals(1, model.quantity("variance"), 0.06);
        assertTrue(view.chart().count("variance") > 500);
        robot.clickOn("#gaussian-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("n"));
        assertEquals("—", view.readoutValues().get(1).getText(), "no sample, no mean: a dash, never NaN");
        assertEquals(0, view.chart().count("mean"));
    }

    @Test
    void keysDrawClearAndNudgeTheDistribution(FxRobot robot) {
        robot.clickOn(screenPoint(-4.5, 0.45));
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("n"));
        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(101, model.quantity("n"));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.1, model.quantity("mu"), 1e-12);
        assertEquals(0, model.quantity("n"), "moving mu clears the samples");
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, model.quantity("sigma"), 1e-12);
        robot.type(KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.showSquaresProperty().get());
    }

    @Test
    void draggingThePeakMovesMuAndTheSideRingChangesSigma(FxRobot robot) {
        robot.interact(() -> model.draw(30));
        double peak = model.density(0);
        robot.drag(screenPoint(0, peak)).moveTo(screenPoint(1.5, peak)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, model.quantity("mu"), 1e-9, "snapped to tenths");
        assertEquals(0, model.quantity("n"));
        double y = model.density(1.5 + 1);
        robot.drag(screenPoint(2.5, y)).moveTo(screenPoint(3.5, y)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.quantity("sigma"), 1e-9);
    }

    @Test
    void aBadSeedIsExplainedAndChangesNothing(FxRobot robot) {
        robot.interact(() -> model.draw(20));
        robot.interact(() -> {
            view.seedField().setText("12.5");
            view.commitSeed();
        });
        assertTrue(view.seedError().isVisible());
        assertTrue(view.seedError().getText().contains("whole number"), view.seedError().getText());
        assertEquals(42, model.quantity("seed"));
        assertEquals(20, model.quantity("n"));
        robot.interact(() -> {
            view.seedField().setText("7 *");
            view.commitSeed();
        });
        assertTrue(view.seedError().isVisible());
        robot.interact(() -> {
            view.seedField().setText("7");
            view.commitSeed();
        });
        assertFalse(view.seedError().isVisible());
        assertEquals(7, model.quantity("seed"));
        assertEquals(0, model.quantity("n"));
    }
}
