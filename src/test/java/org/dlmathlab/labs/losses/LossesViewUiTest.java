package org.dlmathlab.labs.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.SliderField;
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

/** Drives the losses lab headless: dragging the prediction, the outlier button, keys, the clip note, typing. */
@ExtendWith(ApplicationExtension.class)
class LossesViewUiTest {

    private final Theme theme = new Theme(Theme.Mode.LIGHT);
    private LossesModel model;
    private LossesView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Start
    void start(Stage stage) {
        for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        Fonts.loadBundled();
        model = new LossesModel();
        view = new LossesView(model, new I18n(Lang.EN), theme);
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

    private Point2D predictionPoint(double wx, double wy) {
        Viewport vp = view.predictionPlot().viewport();
        return view.predictionPlot().canvas().localToScreen(vp.toScreenX(wx), vp.toScreenY(wy));
    }

    @Test
    void draggingThePredictionChangesTheLossAndFlipsTheSlopeAcrossTheTarget(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, model.quantity("p"));
        assertEquals(2.25, model.quantity("loss"), 1e-12);
        assertTrue(model.quantity("grad") < 0, "left of y = 2 the slope is negative");
        Point2D from = predictionPoint(0.5, model.quantity("loss"));
        Point2D mid = predictionPoint(1.6, 0.16);
        Point2D to = predictionPoint(3.5, 2.25);
        robot.drag(from, MouseButton.PRIMARY).moveTo(mid).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3.5, model.quantity("p"), 0.051, "the point follows the mouse, snapped to 0.1");
        assertEquals(Math.pow(model.quantity("p") - 2, 2), model.quantity("loss"), 1e-12);
        assertTrue(model.quantity("grad") > 0, "right of the target the slope is positive");
        assertTrue(view.readout("grad").getText().matches("[0-9.]+"), view.readout("grad").getText());

        // Pressing on empty space pans instead of moving the point.
        double p = model.quantity("p");
        robot.drag(predictionPoint(-0.5, 5), MouseButton.PRIMARY).moveTo(predictionPoint(0, 4))
                .release(MouseButton.PRIMARY);
        assertEquals(p, model.quantity("p"));

        // Arrow keys on the plot move p by 0.1; 2 switches to MAE, whose slope has size 1.
        robot.clickOn(predictionPoint(4, -0.5));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(p - 0.1, model.quantity("p"), 1e-9);
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("kind"));
        assertEquals(1, model.quantity("grad"));
    }

    /** Rows of the outlier canvas whose pixel in column x is close to the colour. */
    private static List<Integer> rowsOf(Image image, int x, Color color) {
        PixelReader reader = image.getPixelReader();
        List<Integer> rows = new ArrayList<>();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            Color c = reader.getColor(x, y);
            double d = Math.abs(c.getRed() - color.getRed()) + Math.abs(c.getGreen() - color.getGreen())
                    + Math.abs(c.getBlue() - color.getBlue());
            if (d < 0.12) {
                rows.add(y);
            }
        }
        return rows;
    }

    /** The world value where a line of this colour is drawn in the outlier picture (looked for in a few columns). */
    private double lineValue(FxRobot robot, Color color) {
        Image[] shot = new Image[1];
        robot.interact(() -> {
            view.outlierPlot().paintNow();
            shot[0] = view.outlierPlot().canvas().snapshot(null, null);
        });
        // Columns between the first two points: no point, arrow or legend there; a dashed line shows in some.
        double x0 = view.pointScreenX(0) + 16;
        double x1 = view.pointScreenX(1) - 12;
        for (int x = (int) x0; x < x1; x++) {
            List<Integer> rows = rowsOf(shot[0], x, color);
            rows.removeIf(y -> y < view.outlierPlot().viewport().height() * 0.3);
            if (!rows.isEmpty()) {
                double mid = (rows.get(0) + rows.get(rows.size() - 1)) / 2.0 + 0.5;
                return view.outlierPlot().viewport().toWorldY(mid);
            }
        }
        return Double.NaN;
    }

    @Test
    void theOutlierButtonMovesTheMseLineMoreThanTheMaeLine(FxRobot robot) {
        robot.interact(() -> view.setArrows(LossesView.ARROWS_NONE));
        Color mse = theme.palette().jhat();
        Color mae = theme.palette().eigen();
        double meanBefore = lineValue(robot, mse);
        double medianBefore = lineValue(robot, mae);
        assertEquals(3.6, meanBefore, 0.1, "the red line is drawn at the mean");
        assertEquals(3.5, medianBefore, 0.1, "the teal line at the median");

        robot.clickOn("#losses-outlier");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("outlier"));
        assertTrue(view.outlierButton().getText().contains("Remove"), view.outlierButton().getText());
        double meanAfter = lineValue(robot, mse);
        double medianAfter = lineValue(robot, mae);
        assertEquals(model.quantity("mse_best"), meanAfter, 0.15);
        assertEquals(model.quantity("mae_best"), medianAfter, 0.15);
        double meanShift = Math.abs(meanAfter - meanBefore);
        double medianShift = Math.abs(medianAfter - medianBefore);
        assertTrue(meanShift > 2.4, "the MSE line jumps by (20 - 3.6)/6 = 2.73: " + meanShift);
        assertTrue(medianShift < 0.5, "the MAE line barely moves: " + medianShift);
        assertTrue(meanShift > 5 * medianShift);
        assertTrue(view.outlierPlot().viewport().maxWorldY() > 20, "the view grew to show the outlier");

        // Keys on the outlier picture: M puts c at the mean, N at the median, O takes the outlier away again.
        robot.clickOn(view.outlierPlot().canvas().localToScreen(view.pointScreenX(0) + 20,
                view.outlierPlot().viewport().toScreenY(2)));
        double pixel = 1 / view.outlierPlot().viewport().scaleY();
        assertEquals(2, model.quantity("c"), 0.05 + 1.5 * pixel, "a click elsewhere moves c (snapped to 0.1)");
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.quantity("mse_best"), model.quantity("c"), 1e-12);
        assertEquals(0, model.quantity("mse_grad"), 1e-9);
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3.75, model.quantity("c"), 1e-12);
        robot.type(KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("outlier"));
    }

    @Test
    void draggingAPointMovesOnlyThatPoint(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Viewport vp = view.outlierPlot().viewport();
        Point2D from = view.outlierPlot().canvas().localToScreen(view.pointScreenX(1), vp.toScreenY(4));
        Point2D to = view.outlierPlot().canvas().localToScreen(view.pointScreenX(1), vp.toScreenY(5.5));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5.5, model.quantity("y2"), 0.051);
        assertEquals(3, model.quantity("y1"));
        assertEquals(1, model.quantity("c"), "c stays while a point is dragged");
    }

    @Test
    void theClipIsShownAndExplained(FxRobot robot) {
        robot.interact(() -> {
            model.setParameter("kind", 3);
            model.setParameter("z1", -25);
            model.setParameter("z2", 25);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.note().isVisible());
        String note = view.note().getText();
        assertTrue(note.contains("10⁻¹⁵") && note.contains("34.5388") && note.contains("50"), note);
        assertTrue(view.readout("loss").getText().startsWith("34.5388"), view.readout("loss").getText());
        for (String name : List.of("loss", "grad", "ptrue", "dz")) {
            String text = view.readout(name).getText();
            assertFalse(text.contains("NaN") || text.contains("Infinity") || text.contains("∞"), name + ": " + text);
        }
        robot.interact(() -> model.setParameter("z1", 20));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.note().getText().contains("confident wrong"), "p_1 = e^-5: no clip, but a steep loss");
        robot.interact(() -> model.setParameter("z2", 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.note().isVisible(), "no note once the probability is ordinary");
    }

    @Test
    void aBadTypedValueIsExplainedAndChangesNothing(FxRobot robot) {
        SliderField p = robot.lookup("#losses-p").queryAs(SliderField.class);
        robot.interact(() -> {
            p.field().setText("2 +");
            p.commitText();
        });
        assertTrue(p.hasError());
        assertEquals(0.5, model.quantity("p"));
        robot.interact(() -> {
            p.field().setText("40");
            p.commitText();
        });
        assertTrue(p.hasError(), "out of range");
        assertTrue(p.field().getTooltip().getText().contains("between"), p.field().getTooltip().getText());
        assertEquals(0.5, model.quantity("p"));
        robot.interact(() -> {
            p.field().setText("7/2");
            p.commitText();
        });
        assertFalse(p.hasError());
        assertEquals(3.5, model.quantity("p"), 1e-12);
    }

    @Test
    void thePanelButtonsShowOneOrBothPictures(FxRobot robot) {
        robot.clickOn("#losses-panel-outliers");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("panel"));
        assertFalse(view.predictionPlot().isVisible());
        assertTrue(view.outlierPlot().isVisible());
        robot.clickOn("#losses-panel-prediction");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.predictionPlot().isVisible());
        assertFalse(view.outlierPlot().isVisible());
        robot.interact(model::reset);
        assertTrue(view.predictionPlot().isVisible() && view.outlierPlot().isVisible(), "reset: both again");
    }
}
