package org.dlmathlab.labs.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
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

/** Drives the activations lab headless: the probe on ReLU's flat side, the logit sliders, the temperature. */
@ExtendWith(ApplicationExtension.class)
class ActivationsViewUiTest {

    private ActivationsModel model;
    private ActivationsView view;

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
        model = new ActivationsModel();
        view = new ActivationsView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1100, 760);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
    }

    /** Whether the node and every ancestor are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Point2D onPlot(double wx, double wy) {
        Viewport vp = view.plot().viewport();
        return view.plot().canvas().localToScreen(vp.toScreenX(wx), vp.toScreenY(wy));
    }

    @Test
    void reluWithANegativeZHasSlopeZeroAndSaysTheGradientVanished(FxRobot robot) {
        robot.interact(() -> view.activationBox().getSelectionModel().select(2));
        assertEquals(2, model.quantity("activation"));
        assertFalse(view.vanishingLabel().isVisible(), "at z = 1 ReLU passes the gradient on");
        robot.drag(onPlot(1, -0.8)).moveTo(onPlot(-2, -0.8)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double unit = 1.5 / view.plot().viewport().scale() + 0.051;
        assertEquals(-2, model.z(), unit, "the probe followed the drag");
        assertEquals(0, model.quantity("dfz"));
        assertEquals(0, model.quantity("fz"));
        assertEquals(1, model.quantity("vanishing"));
        assertTrue(view.vanishingLabel().isVisible());
        assertTrue(view.vanishingLabel().getText().contains("Vanishing gradient"), view.vanishingLabel().getText());
        assertEquals("0", robot.lookup("#activations-dfz").queryLabeled().getText());
        robot.interact(() -> model.setParameter("activation", 3));
        assertFalse(view.vanishingLabel().isVisible(), "leaky ReLU with alpha 0.1 keeps a slope");
    }

    @Test
    void draggingALogitKeepsTheSumAtOne(FxRobot robot) {
        robot.clickOn("#activations-tab-softmax");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.page());
        assertTrue(robot.lookup("#activations-logit2").query().isVisible(), "the logits show beside the bars");
        double before = model.quantity("p2");
        Node thumb = robot.lookup("#activations-logit2 .thumb").query();
        robot.drag(thumb).moveBy(60, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.logit(1) > 1.5, "z2 went up: " + model.logit(1));
        assertTrue(model.quantity("p2") > before);
        assertEquals(1, model.quantity("psum"), 1e-12);
        assertTrue(view.sumLabel().getText().startsWith("Σ p = 1 "), view.sumLabel().getText());
        robot.drag(thumb).moveBy(-200, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("psum"), 1e-12);
        assertTrue(view.sumLabel().getText().startsWith("Σ p = 1 "), view.sumLabel().getText());
    }

    @Test
    void theTemperatureButtonsGoFromOneHotToUniform(FxRobot robot) {
        robot.interact(() -> model.setParameter("page", 1));
        robot.clickOn("T = 0.1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.1, model.temperature());
        assertTrue(model.quantity("pmax") > 0.9999, "nearly one-hot");
        robot.clickOn("T = 10");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.quantity("pmax") < 0.3, "nearly uniform over 4");
        assertEquals(1, model.quantity("psum"), 1e-12);
    }

    @Test
    void aLessonCanHideTheSoftmaxAndTheTable(FxRobot robot) {
        robot.interact(() -> view.setVisibleControls(Set.of("activation", "probe")));
        assertEquals(1, view.tabs().getTabs().size());
        assertFalse(shown(robot.lookup("#activations-show-tanh").query()), "overlays hidden");
        assertTrue(shown(robot.lookup("#activations-z").query()), "the probe stays");
        robot.interact(() -> view.setVisibleControls(Set.of()));
        assertEquals(3, view.tabs().getTabs().size());
        robot.interact(() -> model.setParameter("page", 2));
        assertEquals(2, view.tabs().getSelectionModel().getSelectedIndex());
        assertEquals(8 * 7, view.table().getChildren().size(), "a header and 7 rows of 7 cells");
    }
}
