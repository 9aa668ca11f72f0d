package org.dlmathlab.labs.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the entropy lab on the headless platform: dragging bars, keys, typed values, the classifier view. */
@ExtendWith(ApplicationExtension.class)
class EntropyViewUiTest {

    private EntropyModel model;
    private EntropyView view;

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
        model = new EntropyModel();
        model.setDefaults(Map.of("k", 4.0, "p1", 4.0, "p2", 2.0, "p3", 1.0, "p4", 1.0));
        I18n i18n = new I18n(Lang.EN);
        view = new EntropyView(model, i18n, new Theme(Theme.Mode.LIGHT), text -> NumberInput.parse(text, i18n));
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

    private Point2D barTop(int index, boolean q) {
        double[] at = view.barTop(index, q);
        return view.plot().canvas().localToScreen(at[0], at[1]);
    }

    private double sum(String prefix) {
        double s = 0;
        for (int i = 1; i <= model.outcomes(); i++) {
            s += model.quantity(prefix + i);
        }
        return s;
    }

    @Test
    void draggingABarChangesTheEntropyAndKeepsTheSumAtOne(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.75, model.quantity("entropy"), 1e-12);
        Point2D from = barTop(3, false);
        // p4 = 0.125 up to where 0.5 is drawn: the bar for 1 starts at p1's top (0.5) so aim at that height.
        Point2D to = new Point2D(from.getX(), barTop(0, false).getY());
        robot.drag(new Point2D(from.getX(), from.getY() + 3), MouseButton.PRIMARY).moveTo(to)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("P4", view.selection());
        assertEquals(0.5, model.quantity("p4"), 0.011, "the bar follows the pointer (snapped to 0.01)");
        assertEquals(0, Math.abs(model.quantity("p4") * 100 - Math.round(model.quantity("p4") * 100)), 1e-9);
        assertNotEquals(1.75, model.quantity("entropy"), 1e-3);
        assertEquals(1, sum("p"), 1e-12);
        // The others kept their proportions 4 : 2 : 1.
        assertEquals(2, model.quantity("p1") / model.quantity("p2"), 1e-9);
        assertEquals(2, model.quantity("p2") / model.quantity("p3"), 1e-9);
        assertTrue(view.readout("entropy").getText().startsWith(
                org.dlmathlab.ui.Format.num(model.quantity("entropy"))), view.readout("entropy").getText());
    }

    @Test
    void keysPickABarAndNudgeIt(FxRobot robot) {
        robot.clickOn(barTop(0, false));
        robot.type(KeyCode.DIGIT3, KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Q3", view.selection());
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.26, model.quantity("q3"), 1e-9);
        assertEquals(1, sum("q"), 1e-12);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("P4", view.selection(), "Tab walks P3, Q3, P4, ...");
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("kl"), 1e-12, "C copies P into Q");
        robot.type(KeyCode.U);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.quantity("entropy"), 1e-12, "U makes the selected side uniform");
    }

    @Test
    void typedValuesGoThroughTheDragRuleAndBadTextChangesNothing(FxRobot robot) {
        robot.interact(() -> view.select(1, false));
        robot.interact(() -> {
            view.valueField().setText("1/3");
            view.valueField().getOnAction().handle(null);
        });
        assertEquals(1.0 / 3, model.quantity("p2"), 1e-12);
        assertEquals(1, sum("p"), 1e-12);
        Map<String, Double> before = model.quantities();
        for (String bad : new String[]{"1.5", "abc", "-0.1"}) {
            robot.interact(() -> {
                view.valueField().setText(bad);
                view.valueField().getOnAction().handle(null);
            });
            assertTrue(view.valueError().isVisible(), bad);
            assertFalse(view.valueError().getText().isBlank(), bad);
            assertEquals(before, model.quantities(), "'" + bad + "' changes nothing");
        }
        assertTrue(view.valueField().getStyleClass().contains("field-error"));
    }

    @Test
    void aZeroInQIsReportedAsInfiniteNeverAsInfinityOrNaN(FxRobot robot) {
        Point2D from = barTop(0, true);
        Point2D floor = view.plot().canvas().localToScreen(view.barTop(0, true)[0],
                view.barTop(0, true)[1] + 400);
        robot.drag(from, MouseButton.PRIMARY).moveTo(floor).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("q1"));
        assertEquals(0, model.quantity("finite"));
        assertTrue(view.statusLabel().getText().contains("Q gives probability 0 to an outcome that happens"),
                view.statusLabel().getText());
        assertEquals("infinite", view.readout("cross").getText());
        assertNoBadNumbers(view.node());
    }

    @Test
    void theClassifierViewMakesPTheLabelAndClickingAColumnPicksTheTrueClass(FxRobot robot) {
        robot.clickOn("#entropy-classifier");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("classifier"));
        assertEquals(0.25, model.quantity("q1"), 1e-12, "Q carried over into the logits");
        robot.clickOn(barTop(2, false).add(0, 5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.quantity("true_class"));
        assertEquals(1, model.quantity("p3"));
        assertEquals(0, model.quantity("entropy"));
        assertEquals(Math.log(4), model.quantity("loss_nats"), 1e-12);
        assertTrue(view.readout("kl").getText().startsWith("2 bits"), view.readout("kl").getText());
        // Dragging Q's bar of the true class up lowers the loss.
        Point2D top = barTop(2, true);
        robot.drag(top, MouseButton.PRIMARY).moveTo(top.add(0, -200)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.quantity("loss_nats") < Math.log(4) - 0.3, "loss " + model.quantity("loss_nats"));
        assertEquals(1, sum("q"), 1e-12);
        assertNoBadNumbers(view.node());
    }

    private static void assertNoBadNumbers(Node node) {
        if (node instanceof Labeled labeled) {
            String text = labeled.getText() == null ? "" : labeled.getText();
            assertFalse(text.contains("Infinity") || text.contains("NaN"), text);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                assertNoBadNumbers(child);
            }
        }
    }
}
