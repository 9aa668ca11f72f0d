package org.dlmathlab.labs.det2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
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
import org.dlmathlab.ui.Viewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the det2d lab on the headless platform: flipping by a drag, the collapse animation, drawing a shape. */
@ExtendWith(ApplicationExtension.class)
class Det2dViewUiTest {

    private Det2dModel model;
    private Det2dView view;

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
        model = new Det2dModel();
        I18n i18n = new I18n(Lang.EN);
        view = new Det2dView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
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
    void draggingJhatAcrossIhatFlipsTheOrientation(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("orientation"));
        assertFalse(view.flippedBadge().isVisible());

        // j-hat's tip from (0, 1) down across i-hat's line to (0.5, -1).
        robot.drag(screenPoint(0, 1), MouseButton.PRIMARY).moveTo(screenPoint(0.5, -1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, model.quantity("b"), 1e-9, "the drag snaps to the 0.1 grid");
        assertEquals(-1, model.quantity("d"), 1e-9);
        assertEquals(1, model.quantity("a"), "i-hat stays");
        assertEquals(-1, model.quantity("det"), 1e-9);
        assertEquals(-1, model.quantity("orientation"));
        assertTrue(view.flippedBadge().isVisible(), "the flip is announced on the plane");
        assertTrue(view.flippedBadge().getText().contains("Orientation flipped"), view.flippedBadge().getText());
        assertTrue(view.readout("orientation").getText().startsWith("flipped"));

        // And back over: the badge goes away.
        robot.drag(screenPoint(0.5, -1), MouseButton.PRIMARY).moveTo(screenPoint(-0.5, 2))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.quantity("det"), 1e-9);
        assertFalse(view.flippedBadge().isVisible());
    }

    @Test
    void animatingASingularMatrixEndsWithTheCollapseCaption(FxRobot robot) throws Exception {
        robot.clickOn("#det2d-preset-singular");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Matrix2(1, 2, 0.5, 1), model.matrix());
        assertEquals(1, model.quantity("rank"));

        robot.clickOn("#det2d-animate");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isAnimating());
        assertFalse(view.collapseCaption().isVisible(), "early in the morph the plane still has area");
        // Part way, the drawn square has shrunk but not vanished: det((1-t)I + tA) = (1-t)(1-t+2t) here.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.morphProperty().get() > 0.4);
        double t = model.morphProperty().get();
        if (t < 0.95) {
            double shownDet = model.displayedMatrix().det();
            assertTrue(shownDet > 0 && shownDet < 1, "det of the in-between map " + shownDet + " at t = " + t);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.isAnimating());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.morphProperty().get());
        assertTrue(view.collapseCaption().isVisible());
        assertTrue(view.collapseCaption().getText().contains("squashed onto a line"),
                view.collapseCaption().getText());
        assertTrue(view.collapseCaption().getText().contains("no way back"));

        // The zero matrix squashes everything onto the origin.
        robot.clickOn("#det2d-preset-zero");
        robot.clickOn("#det2d-animate");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.isAnimating());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.collapseCaption().getText().contains("origin"), view.collapseCaption().getText());

        // An invertible matrix: no caption.
        robot.clickOn("#det2d-preset-shear");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.collapseCaption().isVisible());
    }

    @Test
    void clickedCornersMakeAShapeWhoseAreaScalesByAbsDet(FxRobot robot) {
        robot.interact(() -> model.setMatrix(Matrix2.scaling(2, 1.5)));
        robot.clickOn(screenPoint(-2, -2.5));
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.drawToggle().isSelected(), "D turns drawing on");
        assertEquals(0, model.quantity("shape_points"), "the focusing click was not in draw mode");

        robot.clickOn(screenPoint(-3, -1));
        robot.clickOn(screenPoint(-1, -1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.quantity("shape_points"));
        assertTrue(view.shapeMessage().getText().contains("at least 3"), view.shapeMessage().getText());
        assertEquals("—", view.readout("ratio").getText(), "no ratio, and no NaN on screen");

        robot.clickOn(screenPoint(-1, 1));
        WaitForAsyncUtils.waitForFxEvents();
        // Right triangle with legs 2 and 2 (clicks snap to the 0.1 grid): area 2, image area 2 * 3 = 6.
        assertEquals(2, model.quantity("shape_area"), 1e-9);
        assertEquals(6, model.quantity("image_area"), 1e-9);
        assertEquals(3, model.quantity("shape_ratio"), 1e-9);
        assertTrue(view.readout("ratio").getText().startsWith("3"), view.readout("ratio").getText());

        // A fourth corner that makes the outline cross itself into two equal loops: net area 0.
        robot.clickOn(screenPoint(-3, 1));
        robot.type(KeyCode.BACK_SPACE);
        robot.type(KeyCode.BACK_SPACE);
        robot.clickOn(screenPoint(-3, 1));
        robot.clickOn(screenPoint(-1, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, model.quantity("shape_points"));
        assertTrue(view.shapeMessage().getText().contains("crosses itself"), view.shapeMessage().getText());
        assertTrue(Double.isNaN(model.quantity("shape_ratio")));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("shape_points"), "Esc clears the shape");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.drawToggle().isSelected(), "a second Esc leaves draw mode");
    }

    @Test
    void aTypoInAFieldIsExplainedAndChangesNothing(FxRobot robot) {
        robot.interact(() -> {
            view.entryField("a").field().setText("2 +");
            assertFalse(view.entryField("a").commitText());
        });
        assertTrue(view.entryField("a").hasError());
        assertEquals(1, model.quantity("a"));
        robot.interact(() -> {
            view.entryField("b22").field().setText("12");
            assertFalse(view.entryField("b22").commitText());
        });
        assertTrue(view.entryField("b22").field().getTooltip().getText().contains("between"),
                view.entryField("b22").field().getTooltip().getText());
        assertEquals(1, model.quantity("b22"));
        robot.interact(() -> {
            view.entryField("b22").field().setText("1/2");
            assertTrue(view.entryField("b22").commitText());
        });
        assertEquals(0.5, model.quantity("det_b"), 1e-15);
        assertEquals("0.5", view.readout("det_ab").getText());
    }
}
