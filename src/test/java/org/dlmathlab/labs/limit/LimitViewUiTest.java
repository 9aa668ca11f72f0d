package org.dlmathlab.labs.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
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

/** Drives the limit lab headless: dragging the point, the h ÷ 10 button, the table, a typing error, rounding. */
@ExtendWith(ApplicationExtension.class)
class LimitViewUiTest {

    private LimitModel model;
    private LimitView view;

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
        model = new LimitModel();
        model.setDefaults(Map.of());
        view = new LimitView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1100, 760);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
    }

    private Point2D screenPoint(double wx, double wy) {
        Viewport vp = view.plot().viewport();
        return view.plot().canvas().localToScreen(vp.toScreenX(wx), vp.toScreenY(wy));
    }

    @Test
    void draggingThePointSlidesItAlongTheCurve(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Point2D from = screenPoint(1, -1);
        Point2D to = screenPoint(2, -1);
        robot.drag(from).moveTo(to).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.x(), 0.06, "x follows the mouse, snapped to 0.05");
        assertEquals(6 * model.x() - 4, model.quantity("tangent"), 1e-9);
    }

    @Test
    void theSmallerButtonAndTheTableSetH(FxRobot robot) {
        robot.clickOn("#limit-smaller");
        robot.clickOn("#limit-smaller");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.01, model.h(), 1e-15);
        assertEquals(1, view.table().getSelectionModel().getSelectedIndex(), "the row for h = 0.01 is marked");
        robot.interact(() -> view.table().getSelectionModel().select(3));
        assertEquals(1e-4, model.h(), 1e-18, "picking a row shows that secant");
        assertEquals(2.0003, model.quantity("secant"), 1e-9);
    }

    @Test
    void aTypingErrorIsExplainedAndTheCurveStays(FxRobot robot) {
        robot.interact(() -> {
            view.formulaField().setText("3x^2 - ");
            view.applyFormula();
        });
        assertFalse(view.formulaError().getText().isBlank(), "the error is explained");
        assertTrue(view.formulaField().getStyleClass().contains("field-error"));
        assertEquals(0, model.quantity("preset"), "the notes' curve is still in use");
        robot.interact(() -> {
            view.formulaField().setText("x^3");
            view.applyFormula();
        });
        assertTrue(view.formulaError().getText().isBlank());
        assertEquals(-1, model.quantity("preset"));
    }

    @Test
    void tinyStepsSayThatRoundingTookOver(FxRobot robot) {
        robot.interact(() -> model.setParameter("h", 1e-5));
        String calm = view.note().getText();
        robot.interact(() -> model.setParameter("h", 1e-12));
        assertFalse(calm.equals(view.note().getText()), "the note changes once rounding dominates");
        assertTrue(view.note().getText().contains("Rounding"), view.note().getText());
        robot.interact(() -> model.setParameter("h", 1e-16));
        assertTrue(view.note().getText().contains("equals x"), view.note().getText());
        assertEquals(0, model.quantity("secant"), "1 + 1e-16 == 1 in doubles");
    }

    @Test
    void zoomWithHFramesAFewStepsAroundThePoint(FxRobot robot) {
        robot.interact(() -> {
            model.setParameter("h", 1e-3);
            view.zoomBox().setSelected(true);
        });
        Viewport vp = view.plot().viewport();
        double width = vp.maxWorldX() - vp.minWorldX();
        assertTrue(width < 0.02 && width > 0.002, "a few h wide: " + width);
        assertTrue(vp.minWorldX() < 1 && vp.maxWorldX() > 1, "around the point");
    }
}
