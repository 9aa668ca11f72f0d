package org.dlmathlab.labs.det3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.math.linalg.Matrix3;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.math.linalg.Vec3;
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

/** Drives the det3d lab on the headless platform: turning the view, presets, typed entries, the morph. */
@ExtendWith(ApplicationExtension.class)
class Det3dViewUiTest {

    private Det3dModel model;
    private Det3dView view;
    private I18n i18n;

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
        model = new Det3dModel();
        i18n = new I18n(Lang.EN);
        view = new Det3dView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
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

    private Point2D onScreen(double canvasX, double canvasY) {
        return view.plot().canvas().localToScreen(canvasX, canvasY);
    }

    @Test
    void draggingThePictureTurnsTheViewAndLeavesTheMatrixAlone(FxRobot robot) {
        robot.interact(() -> view.applyPreset(Preset.SHEAR));
        Matrix3 before = model.matrix();
        double yaw = view.yawProperty().get();
        double pitch = view.pitchProperty().get();
        Vec2 tipBefore = view.toCanvas(before.column3());
        double w = view.plot().getWidth();
        double h = view.plot().getHeight();
        // A drag straight right: only the yaw changes, by about 0.01 rad per pixel.
        robot.drag(onScreen(w / 2, h / 2), MouseButton.PRIMARY).moveTo(onScreen(w / 2 + 120, h / 2)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(yaw - 1.2, view.yawProperty().get(), 0.08, "dragging right turns the front to the right");
        assertEquals(pitch, view.pitchProperty().get(), 0.02);
        assertEquals(before, model.matrix(), "turning the view never edits the matrix");
        Vec2 tipAfter = view.toCanvas(before.column3());
        assertTrue(tipAfter.minus(tipBefore).length() > 20, "the arrows move on screen: " + tipBefore + tipAfter);
        // A drag down tilts the camera to look more from above.
        double yaw2 = view.yawProperty().get();
        robot.drag(onScreen(w / 2, h / 2 - 40), MouseButton.PRIMARY).moveTo(onScreen(w / 2, h / 2 + 40)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.pitchProperty().get() > pitch + 0.5, "pitch " + view.pitchProperty().get());
        assertEquals(yaw2, view.yawProperty().get(), 0.02);
        assertEquals(before, model.matrix());
    }

    @Test
    void keysTurnTheViewAndDoubleClickResetsIt(FxRobot robot) {
        robot.clickOn(onScreen(30, view.plot().getHeight() / 2));
        double yaw = view.yawProperty().get();
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(yaw + Math.toRadians(5), view.yawProperty().get(), 1e-9);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Det3dView.DEFAULT_PITCH + Math.toRadians(10), view.pitchProperty().get(), 1e-9);
        // Pitch stops short of the pole however long the key is held.
        for (int i = 0; i < 30; i++) {
            robot.interact(() -> view.turn(0, Math.toRadians(15)));
        }
        assertTrue(view.pitchProperty().get() <= Math.toRadians(89) + 1e-12);
        robot.doubleClickOn(onScreen(30, view.plot().getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Det3dView.DEFAULT_YAW, view.yawProperty().get(), 1e-12);
        assertEquals(Det3dView.DEFAULT_PITCH, view.pitchProperty().get(), 1e-12);
        assertEquals(1, model.quantity("det"), "the matrix is untouched");
    }

    @Test
    void singularPresetsSayTheCubeIsFlat(FxRobot robot) {
        robot.clickOn("#det3d-preset-plane");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("det"), 1e-12);
        assertEquals(2, model.quantity("rank"));
        assertTrue(view.readout("shape").getText().contains("flat"), view.readout("shape").getText());
        assertTrue(view.readout("orientation").getText().contains("no volume"));
        robot.clickOn("#det3d-preset-line");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("rank"));
        assertTrue(view.readout("shape").getText().contains("line segment"), view.readout("shape").getText());
        robot.clickOn("#det3d-preset-reflection");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, model.quantity("det"));
        assertTrue(view.readout("orientation").getText().contains("mirror image"),
                view.readout("orientation").getText());
        // The same words in Chinese.
        robot.interact(() -> {
            i18n.setLang(Lang.ZH);
            view.applyPreset(Preset.PLANE);
        });
        assertTrue(view.readout("shape").getText().contains("扁"), view.readout("shape").getText());
    }

    /** Replaces the whole text of a field, as a learner would with Ctrl+A, and presses Enter. */
    private static void typeInto(FxRobot robot, String query, String text) {
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).write(text).type(KeyCode.ENTER);
    }

    @Test
    void typedEntriesUpdateTheExpansionAndBadInputChangesNothing(FxRobot robot) {
        robot.interact(() -> model.setMatrix(new Matrix3(2, -1, 3, 1, 0, 1, -2, 4, 1)));
        String expansion = view.expansionLabel().getText();
        assertTrue(expansion.contains("2⋅(0⋅1 − 1⋅4)"), expansion);
        assertTrue(expansion.contains("− (−1)⋅(1⋅1 − 1⋅(−2))"), expansion);
        assertTrue(expansion.endsWith("= 7"), expansion);
        assertEquals("7", view.readout("det").getText());

        typeInto(robot, "#det3d-field-m33", "1/2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, model.quantity("m33"));
        assertFalse(view.matrixErrorLabel().isVisible());

        typeInto(robot, "#det3d-field-m33", "9");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, model.quantity("m33"), "out of range: the matrix keeps its value");
        assertTrue(view.matrixErrorLabel().isVisible());
        assertTrue(view.matrixErrorLabel().getText().contains("between"), view.matrixErrorLabel().getText());

        typeInto(robot, "#det3d-field-m33", "2*(");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, model.quantity("m33"), "not a number: nothing changes");
        assertTrue(view.matrixErrorLabel().isVisible());
        assertNotEquals("", view.matrixErrorLabel().getText());

        typeInto(robot, "#det3d-field-m33", "-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, model.quantity("m33"));
        assertFalse(view.matrixErrorLabel().isVisible(), "a good value clears the message");
    }

    @Test
    void theMorphFlattensASingularMatrixOnlyAtTheEnd(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.applyPreset(Preset.PLANE);
            view.animateFromIdentity();
        });
        assertTrue(view.isAnimating());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.morphProperty().get() > 0.3);
        double t = model.morphProperty().get();
        if (t < 1) {
            assertTrue(Math.abs(model.displayedMatrix().det()) > 1e-3, "mid-way the cube still has volume");
        }
        assertEquals(0, model.quantity("det"), 1e-12, "goals always see M itself");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.isAnimating());
        assertEquals(1, model.morphProperty().get());
        assertEquals(2, model.displayedMatrix().rank());
    }

    @Test
    void manyChangesInOnePulseCostOneDrawing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        long before = view.plot().paintCount();
        robot.interact(() -> {
            for (int k = 0; k < 50; k++) {
                model.setParameter("m12", k / 50.0);
                view.turn(0.01, 0.0);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        long drawn = view.plot().paintCount() - before;
        assertTrue(drawn >= 1 && drawn <= 2, "drawn " + drawn + " times");
    }

    @Test
    void fitViewKeepsABigSolidOnTheCanvas(FxRobot robot) {
        robot.interact(() -> {
            model.setMatrix(Matrix3.scaling(5, 5, 5));
            view.fitView();
            view.plot().paintNow();
        });
        double w = view.plot().getWidth();
        double h = view.plot().getHeight();
        Vec2 far = view.toCanvas(new Vec3(5, 5, 5));
        assertTrue(far.x() >= 0 && far.x() <= w && far.y() >= 0 && far.y() <= h, far + " in " + w + "x" + h);
        Vec2 origin = view.toCanvas(Vec3.ZERO);
        assertTrue(origin.x() >= 0 && origin.x() <= w && origin.y() >= 0 && origin.y() <= h);
    }
}
