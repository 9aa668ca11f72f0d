package org.dlmathlab.labs.eigen2d;

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

/** Drives the eigen2d lab on the headless platform: dragging v onto an eigenvector line, keys, typed input. */
@ExtendWith(ApplicationExtension.class)
class Eigen2dViewUiTest {

    private Eigen2dModel model;
    private Eigen2dView view;
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
        model = new Eigen2dModel();
        i18n = new I18n(Lang.EN);
        view = new Eigen2dView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
        view.setVisibleControls(Set.of());
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
    void draggingVOntoAnEigenvectorLineLightsItUp(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("on_span"));
        assertTrue(view.stateLabel().getText().contains("off the line"), view.stateLabel().getText());

        // From v = (1.5, 0.5) onto the lambda = 3 line y = x; the drag snaps to the 0.1 grid.
        robot.drag(screenPoint(1.5, 0.5), MouseButton.PRIMARY).moveTo(screenPoint(1.0, 0.9))
                .moveTo(screenPoint(1.3, 1.3)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.3, model.quantity("vx"), 1e-9, "snapped to the grid");
        assertEquals(1.3, model.quantity("vy"), 1e-9);
        assertEquals(1, model.quantity("on_span"));
        assertEquals("v is an eigenvector: Av = λv, λ = 3", view.stateLabel().getText());
        assertTrue(view.stateLabel().getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
                .equals("eigen")), "the label is marked as the eigenvector state");
        assertEquals("1.3", view.field("vx").field().getText(), "the typed field follows the drag");

        // And off it again.
        robot.drag(screenPoint(1.3, 1.3), MouseButton.PRIMARY).moveTo(screenPoint(1.3, 0.4)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("on_span"));
        assertFalse(view.stateLabel().getText().contains("is an eigenvector"));
    }

    @Test
    void draggingIHatChangesTheMatrixAndTheEigenvalues(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        // i-hat lands at (2, 1); move it to (3, 0): A = [[3, 1], [0, 2]].
        robot.drag(screenPoint(2, 1), MouseButton.PRIMARY).moveTo(screenPoint(2.6, 0.4))
                .moveTo(screenPoint(3, 0)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.quantity("a"), 1e-9);
        assertEquals(0, model.quantity("c"), 1e-9);
        assertEquals(3, model.quantity("lambda1"), 1e-9);
        assertEquals(2, model.quantity("lambda2"), 1e-9);
        assertEquals("λ² − 5λ + 6 = 0", view.readout("poly").getText());
    }

    @Test
    void keysOnThePlaneStepClearAndToggle(FxRobot robot) {
        robot.clickOn(screenPoint(-3, -2.5));
        robot.type(KeyCode.S, KeyCode.S, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.quantity("k"));
        assertEquals(3, view.kSlider().getValue(), 0, "the slider follows the steps");
        assertTrue(view.trailCaption().getText().contains("Pulled toward the λ = 3 line"),
                view.trailCaption().getText());
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("k"));
        robot.type(KeyCode.W, KeyCode.E, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("sweep"));
        assertEquals(0, model.quantity("show_eigen"));
        assertEquals(0, model.quantity("normalise"));
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.6, model.quantity("vy"), 1e-12, "arrow keys move v by 0.1");
    }

    @Test
    void presetsDescribeTheirCases(FxRobot robot) {
        robot.clickOn("#eigen2d-preset-rotation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("complex"));
        assertEquals("λ = 0 ± 1i: complex, no real direction is kept", view.readout("eigenvalues").getText());
        robot.clickOn("#eigen2d-preset-shear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("λ = 1, repeated: only one eigenvector line", view.readout("eigenvalues").getText());
        robot.clickOn("#eigen2d-preset-uniform");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("every vector", view.readout("eigenvectors").getText());
    }

    @Test
    void badTypedInputIsExplainedAndChangesNothing(FxRobot robot) {
        robot.interact(() -> {
            view.field("a").field().setText("12");
            view.field("a").commitText();
        });
        assertTrue(view.field("a").hasError());
        assertEquals(2, model.quantity("a"), "out-of-range input leaves A alone");
        robot.interact(() -> {
            view.field("a").field().setText("1/2");
            view.field("a").commitText();
        });
        assertFalse(view.field("a").hasError());
        assertEquals(0.5, model.quantity("a"), 1e-12);
    }
}
