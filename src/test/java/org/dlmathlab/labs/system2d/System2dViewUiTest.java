package org.dlmathlab.labs.system2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Vec2;
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

/** Drives the system2d lab on the headless platform: dragging v and n, singular presets, typing, playback. */
@ExtendWith(ApplicationExtension.class)
class System2dViewUiTest {

    private System2dModel model;
    private System2dView view;

    /** Start the toolkit as TestFX does, whatever order the test classes run in. */
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
        model = new System2dModel();
        I18n i18n = new I18n(Lang.EN);
        view = new System2dView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
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

    private Point2D screenPoint(Vec2 p) {
        Viewport vp = view.plot().viewport();
        return view.plot().canvas().localToScreen(vp.toScreenX(p.x()), vp.toScreenY(p.y()));
    }

    private void drag(FxRobot robot, Vec2 from, Vec2 to) {
        robot.drag(screenPoint(from), MouseButton.PRIMARY).moveTo(screenPoint(to)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void draggingVMovesTheSolutionAndKeepsAxEqualToV(FxRobot robot) {
        assertEquals(2, model.quantity("x1"), 1e-12);
        assertEquals(1, model.quantity("x2"), 1e-12);
        drag(robot, model.target(), new Vec2(3, -1));
        // Drags snap to 0.1: v lands on (3, -1) itself.
        assertEquals(3, model.quantity("vx"), 1e-9);
        assertEquals(-1, model.quantity("vy"), 1e-9);
        // x1 - x2 = 3, x1 + x2 = -1  =>  x = (1, -2).
        assertEquals(1, model.quantity("x1"), 1e-12);
        assertEquals(-2, model.quantity("x2"), 1e-12);
        Vec2 ax = model.matrix().apply(new Vec2(model.quantity("x1"), model.quantity("x2")));
        assertEquals(model.quantity("vx"), ax.x(), 1e-12);
        assertEquals(model.quantity("vy"), ax.y(), 1e-12);
        assertEquals("One solution: x = (1, −2)", view.statusLabel().getText());
        assertEquals("(1, −2)", view.readout("x").getText());
        assertEquals("(3, −1)", view.readout("ax").getText());
        // The typed fields of v follow the drag.
        assertEquals("3", robot.lookup("#system2d-vx .text-field").queryTextInputControl().getText());
    }

    @Test
    void aSingularMatrixSaysNoInverseAndWhetherVIsReachable(FxRobot robot) {
        robot.clickOn("#system2d-preset-parallel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("det"));
        assertEquals("No solution: v is off the column space", view.statusLabel().getText());
        assertTrue(view.inverseNote().getText().startsWith("No inverse: det = 0"), view.inverseNote().getText());
        assertEquals("none", view.readout("x").getText());
        assertFalse(view.readout("residual").getText().isEmpty());
        // Drag v onto the column line y = x / 2: now infinitely many solutions.
        drag(robot, model.target(), new Vec2(2, 1));
        assertEquals(-1, model.quantity("solutions"));
        assertEquals("Infinitely many solutions: x = xₚ + t·n", view.statusLabel().getText());
        Vec2 xp = new Vec2(model.quantity("x1"), model.quantity("x2"));
        assertEquals(0, model.matrix().apply(xp).minus(model.target()).length(), 1e-12);
        // The zero matrix reaches nothing but 0.
        robot.clickOn("#system2d-preset-zero");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No solution: A sends every x to 0, and v is not 0", view.statusLabel().getText());
        assertEquals("0", view.readout("rank").getText());
        assertEquals("2", view.readout("nullity").getText());
        // Back to an invertible matrix: the inverse is shown again.
        robot.clickOn("#system2d-preset-twoLines");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", view.inverseNote().getText());
        assertEquals(1, model.quantity("solutions"));
        for (String name : model.quantityNames()) {
            double q = model.quantity(name);
            assertFalse(Double.isInfinite(q), name);
        }
    }

    @Test
    void theNullPointSlidesAlongItsLineAndStaysOnZero(FxRobot robot) {
        robot.interact(() -> {
            view.setVisibleControls(Set.of("matrix", "presets", "nullspace", "readouts"));
            model.setMatrix(new Matrix2(1, 2, 0.5, 1));
        });
        Vec2 start = model.nullPoint().orElseThrow();
        // Drag towards a point off the line: n follows the foot of the perpendicular.
        drag(robot, start, new Vec2(2.5, 0));
        Vec2 n = model.nullPoint().orElseThrow();
        Vec2 dir = new Vec2(2, -1).times(1 / Math.sqrt(5));
        assertEquals(Math.round(new Vec2(2.5, 0).dot(dir) * 10) / 10.0, model.quantity("nt"), 1e-9);
        assertEquals(0, n.x() * dir.y() - n.y() * dir.x(), 1e-12, "n stays on the null line");
        assertEquals(0, model.matrix().apply(n).length(), 1e-12);
        assertEquals("(0, 0)", view.readout("nullspace.an").getText());
        assertEquals("1 + 1 = 2", view.readout("nullspace.ranknull").getText());
        // Keys slide it too.
        double before = model.quantity("nt");
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 0.1, model.quantity("nt"), 1e-9);
        // With the target hidden, the arrow keys leave v alone.
        Vec2 v = model.target();
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(v, model.target());
    }

    @Test
    void badTypedInputIsExplainedAndChangesNothing(FxRobot robot) {
        var field = view.field("a");
        robot.interact(() -> {
            field.field().setText("2 +");
            field.commitText();
        });
        assertTrue(field.hasError());
        assertEquals(1, model.quantity("a"));
        robot.interact(() -> {
            field.field().setText("11");
            field.commitText();
        });
        assertTrue(field.hasError());
        assertEquals("a must be a number between −10 and 10.", field.field().getTooltip().getText());
        assertEquals(1, model.quantity("a"));
        robot.interact(() -> {
            field.field().setText("1/2");
            field.commitText();
        });
        assertFalse(field.hasError());
        assertEquals(0.5, model.quantity("a"));
    }

    @Test
    void playingAThenItsInverseBringsThePlaneBackExactly(FxRobot robot) throws Exception {
        List<Matrix2> atEnd = new ArrayList<>();
        List<Double> phases = new ArrayList<>();
        robot.interact(() -> model.phaseProperty().addListener((o, was, is) -> {
            phases.add(is.doubleValue());
            if (is.doubleValue() == 2) {
                atEnd.add(model.displayedMatrix());
            }
        }));
        robot.clickOn(screenPoint(new Vec2(-2.5, -2.5)));
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> view.isPlaying());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !view.isPlaying());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(System2dModel.IDLE, model.phaseProperty().get(), "idle again: the plane shows A");
        assertTrue(phases.stream().anyMatch(p -> p > 0 && p < 1), "went through I -> A");
        assertTrue(phases.stream().anyMatch(p -> p > 1 && p < 2), "went through A -> A^-1 A");
        assertFalse(atEnd.isEmpty(), "reached phase 2");
        Matrix2 back = atEnd.get(0);
        assertEquals(1, back.a(), 1e-12);
        assertEquals(0, back.b(), 1e-12);
        assertEquals(0, back.c(), 1e-12);
        assertEquals(1, back.d(), 1e-12);
        assertEquals(2, model.quantity("x1"), 1e-12, "playing changes no quantity");
        assertNotEquals(0, view.plot().paintCount());
    }
}
