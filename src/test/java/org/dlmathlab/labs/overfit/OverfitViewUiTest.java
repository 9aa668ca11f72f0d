package org.dlmathlab.labs.overfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
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

/** Drives the overfit lab headless: the degree slider, more data, keys, a bad seed, early stopping. */
@ExtendWith(ApplicationExtension.class)
class OverfitViewUiTest {

    private OverfitModel model;
    private OverfitView view;

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
        model = new OverfitModel();
        model.setDefaults(Map.of());
        view = new OverfitView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1200, 800);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
    }

    /** The screen point of a value on a slider's track. */
    private static Point2D onTrack(Slider slider, double value) {
        Bounds b = slider.localToScreen(slider.getBoundsInLocal());
        double t = (value - slider.getMin()) / (slider.getMax() - slider.getMin());
        // The thumb's centre travels between half a thumb from each end.
        double inset = 8;
        return new Point2D(b.getMinX() + inset + t * (b.getWidth() - 2 * inset), b.getMinY() + b.getHeight() / 2);
    }

    @Test
    void draggingTheDegreeSliderChangesTheTrainingErrorAndTheMarker(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Slider slider = view.field("degree").slider();
        double before = model.quantity("train_error");
        String shown = view.readout("train_error").getText();
        assertEquals(3, view.markedDegree());
        long builds = view.degreeChartBuilds();
        robot.drag(onTrack(slider, 3), MouseButton.PRIMARY).moveTo(onTrack(slider, 9)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int degree = model.degree();
        assertTrue(degree >= 8 && degree <= 10, "the slider moved the degree to about 9: " + degree);
        assertTrue(model.quantity("train_error") < 0.5 * before, "a higher degree fits the points closer");
        assertNotEquals(shown, view.readout("train_error").getText(), "the read-out follows");
        assertEquals(degree, view.markedDegree(), "the chart marks the new degree");
        assertEquals(2, view.degreeChart().count("current"), "the marker is one vertical line");
        assertTrue(view.degreeChartBuilds() > builds);
        assertTrue(view.stateLabel().getText().startsWith("Degree " + degree), view.stateLabel().getText());
    }

    @Test
    void raisingNClosesTheGapForDegreeFifteen(FxRobot robot) {
        robot.interact(() -> {
            model.setParameter("degree", 15);
            model.setParameter("remedy", 1);
        });
        double gap = model.quantity("gap");
        assertTrue(gap > 1, "10 points, 16 coefficients: " + gap);
        robot.clickOn(view.field("n").field()).eraseText(3).write("100").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, model.n());
        assertTrue(model.quantity("gap") < 0.05 * gap, "gap " + model.quantity("gap"));
        assertTrue(view.caption().getText().contains("the gap closed"), view.caption().getText());
        assertTrue(view.caption().getText().contains("n 10 → 100"), view.caption().getText());
    }

    @Test
    void keysOnThePlotMoveDegreeAndDataAndPenalty(FxRobot robot) {
        robot.clickOn(view.plot());
        robot.type(KeyCode.RIGHT, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, model.degree());
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(15, model.n());
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1e-6, model.lambda());
        assertFalse(view.noPenaltyBox().isSelected());
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.seed());
        assertEquals("2", view.seedField().getText());
    }

    @Test
    void aBadSeedIsExplainedAndChangesNothing(FxRobot robot) {
        robot.clickOn(view.seedField()).eraseText(1).write("3.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.seed());
        assertTrue(view.seedError().getText().contains("whole number"), view.seedError().getText());
        robot.interact(() -> {
            view.seedField().setText("7 +");
            view.commitSeed();
        });
        assertEquals(1, model.seed());
        assertFalse(view.seedError().getText().isBlank());
        robot.interact(() -> {
            view.seedField().setText("2*3");
            view.commitSeed();
        });
        assertEquals(6, model.seed());
        assertEquals("", view.seedError().getText());
    }

    @Test
    void stopHereGoesToTheBestEpochAndTheEpochChartShowsTheRun(FxRobot robot) {
        robot.interact(() -> {
            view.setVisibleControls(java.util.Set.of("remedy", "early"));
            model.setParameter("degree", 9);
            model.setParameter("remedy", 3);
            model.setParameter("epoch", 1000);
        });
        assertTrue(view.epochChart().count("val") > 300, "the whole run is drawn");
        assertEquals(2, view.epochChart().count("stop"), "patience ran out within the run");
        robot.clickOn("#overfit-stop-here");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.quantity("best_epoch"), model.quantity("epoch"));
        long builds = view.degreeChartBuilds();
        robot.interact(() -> {
            view.train();
            view.playBar().pause();
        });
        assertEquals(0, model.quantity("epoch"), "Train starts from epoch 0");
        assertEquals(builds, view.degreeChartBuilds(), "moving through epochs leaves the degree chart alone");
    }
}
