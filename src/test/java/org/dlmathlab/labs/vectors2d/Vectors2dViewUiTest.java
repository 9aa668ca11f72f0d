package org.dlmathlab.labs.vectors2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
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

/** Drives the vectors2d lab on the headless platform: drags, keys, typed cells and the undefined read-outs. */
@ExtendWith(ApplicationExtension.class)
class Vectors2dViewUiTest {

    private Vectors2dModel model;
    private Vectors2dView view;
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
        model = new Vectors2dModel();
        i18n = new I18n(Lang.EN);
        view = new Vectors2dView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
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
    void draggingUAcrossThePerpendicularFlipsTheSignLabel(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.signLabel().getText().startsWith("Acute"), view.signLabel().getText());
        assertEquals("10", view.readout("dot").getText());
        // v = (2, 4); the perpendicular through the origin runs along (-2, 1). Drag u's tip from (3, 1) past it.
        robot.drag(screenPoint(3, 1), MouseButton.PRIMARY).moveTo(screenPoint(0, 2)).moveTo(screenPoint(-3, 1))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-3, model.quantity("ux"), 1e-9, "the drag snaps to the 0.1 grid");
        assertEquals(1, model.quantity("uy"), 1e-9);
        assertEquals(-1, model.quantity("sign"));
        assertTrue(view.signLabel().getText().startsWith("Obtuse"), view.signLabel().getText());
        assertEquals("−2", view.readout("dot").getText(), "(-3)·2 + 1·4");
        assertEquals("-3", view.slider("ux").field().getText(), "the typed field follows the drag");

        // Onto the perpendicular itself: a right angle, u·v = 0.
        robot.drag(screenPoint(-3, 1), MouseButton.PRIMARY).moveTo(screenPoint(-2, 1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.signLabel().getText().startsWith("Right angle"), view.signLabel().getText());
        assertEquals("0", view.readout("dot").getText());
    }

    @Test
    void aZeroVectorShowsUndefinedNeverNaN(FxRobot robot) {
        robot.interact(() -> model.setU(0, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(model.quantity("cos")));
        assertEquals("undefined", view.readout("cos").getText());
        assertEquals("undefined", view.readout("angle").getText());
        assertTrue(view.signLabel().getText().contains("zero vector"), view.signLabel().getText());
        robot.interact(() -> {
            model.setU(3, 1);
            model.setV(0, 0);
        });
        assertEquals("undefined", view.readout("proj").getText());
        robot.interact(() -> i18n.setLang(Lang.ZH));
        assertEquals("无定义", view.readout("proj").getText());
        for (String name : new String[]{"dot", "cos", "angle", "proj", "l1", "l2", "linf", "norm_sum"}) {
            String text = view.readout(name).getText();
            assertFalse(text.contains("NaN") || text.contains("Infinity") || text.contains("—"), name + ": " + text);
        }
    }

    @Test
    void typedMatrixCellsAcceptCalculationsAndExplainMistakes(FxRobot robot) {
        var cell = view.cellField("m12");
        var property = model.cellProperty(0, 1);
        robot.interact(() -> {
            cell.setText("1/2");
            view.commitCell("m12", cell, property);
        });
        assertEquals(0.5, model.quantity("m12"), 1e-12);
        assertEquals(Math.sqrt(1 + 0.25 + 0 + 4 + 1 + 4), model.quantity("frobenius"), 1e-12);
        assertTrue(view.frobeniusFormula().getText().contains("√10.25"), view.frobeniusFormula().getText());
        robot.interact(() -> {
            cell.setText("2*(3");
            view.commitCell("m12", cell, property);
        });
        assertTrue(view.matrixError().isVisible());
        assertTrue(cell.getStyleClass().contains("field-error"));
        assertEquals(0.5, model.quantity("m12"), 1e-12, "a typo changes nothing");
        robot.interact(() -> {
            cell.setText("11");
            view.commitCell("m12", cell, property);
        });
        assertTrue(view.matrixError().getText().contains("between"), view.matrixError().getText());
        assertEquals(0.5, model.quantity("m12"), 1e-12, "out of range changes nothing");
        robot.interact(() -> {
            cell.setText("-2");
            view.commitCell("m12", cell, property);
        });
        assertFalse(view.matrixError().isVisible());
        assertFalse(cell.getStyleClass().contains("field-error"));
        assertEquals(Math.sqrt(14), model.quantity("frobenius"), 1e-12);
        // Reset puts the lesson's cells back into the fields.
        robot.interact(() -> {
            model.setParameter("m11", 9);
            model.reset();
        });
        assertEquals("1", view.cellField("m11").getText());
    }

    @Test
    void keysOnThePlaneMoveTheVectorsAndSwitchLayers(FxRobot robot) {
        robot.clickOn(screenPoint(-4, -4));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3.1, model.quantity("ux"), 1e-12);
        robot.press(KeyCode.SHIFT).type(KeyCode.UP).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4.1, model.quantity("vy"), 1e-12, "Shift+arrows move v");
        assertEquals(0, model.quantity("show_norms"));
        robot.type(KeyCode.N);
        robot.type(KeyCode.DIGIT3);
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("show_norms"));
        assertEquals(2, model.quantity("ball"), "3 picks the max-norm square");
        assertEquals(1.1, model.quantity("alpha"), 1e-12);
        assertTrue(robot.lookup("#ball-linf").queryAs(javafx.scene.control.RadioButton.class).isSelected());

        // A lesson that hides the neuron: its key does nothing.
        robot.interact(() -> view.setVisibleControls(Set.of("vectors", "dot")));
        robot.type(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("show_neuron"));
        robot.interact(() -> view.setVisibleControls(Set.of()));
        robot.type(KeyCode.W);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("show_neuron"));
    }

    @Test
    void theNeuronIsWrittenOutTermByTerm(FxRobot robot) {
        robot.interact(() -> {
            model.setU(3, -1);
            model.setV(2, 0.5);
            model.setParameter("bias", -1);
        });
        String text = view.neuronFormula().getText();
        assertTrue(text.contains("2⋅3 + 0.5⋅(−1) + (−1)"), text);
        assertTrue(text.endsWith("= 4.5"), text);
        assertEquals(4.5, model.quantity("z"), 1e-12);
    }
}
