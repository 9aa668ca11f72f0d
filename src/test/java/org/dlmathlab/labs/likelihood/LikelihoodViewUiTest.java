package org.dlmathlab.labs.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.PlotCanvas;
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

/** Drives the likelihood lab on the headless platform: drags on the curve and the map, the jump, typed data. */
@ExtendWith(ApplicationExtension.class)
class LikelihoodViewUiTest {

    private LikelihoodModel model;
    private LikelihoodView view;

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
        model = new LikelihoodModel();
        view = new LikelihoodView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1200, 800);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private static Point2D screen(PlotCanvas plot, double wx, double wy) {
        Viewport vp = plot.viewport();
        return plot.canvas().localToScreen(vp.toScreenX(wx), vp.toScreenY(wy));
    }

    @Test
    void draggingMuChangesTheLogLikelihoodAndTheMaximumMarkerStays(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double before = model.quantity("loglik");
        double[] marker = view.maximumMarker();
        long builds = view.mapBuilds();
        double peak = model.density(0);
        robot.drag(screen(view.dataPlot(), 0, peak)).moveTo(screen(view.dataPlot(), 1.5, peak))
                .moveTo(screen(view.dataPlot(), 2.5, peak)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.5, model.quantity("mu"), 1e-9, "snapped to tenths");
        assertNotEquals(before, model.quantity("loglik"));
        assertTrue(model.quantity("loglik") > before, "closer to the data, more likely");
        assertEquals(Format.num(model.quantity("loglik"), 3), view.readoutValues().get(1).getText());
        double[] after = view.maximumMarker();
        assertEquals(marker[0], after[0], 1e-9, "the maximum depends on the data only");
        assertEquals(marker[1], after[1], 1e-9);
        assertEquals(builds, view.mapBuilds(), "moving the candidate never recomputes the map image");
    }

    @Test
    void clickingTheMapMovesTheCandidateAndJumpReachesTheMaximum(FxRobot robot) {
        robot.clickOn(screen(view.mapPlot(), 1, 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("mu"), 0.1001);
        assertEquals(2, model.quantity("sigma"), 0.1001);
        robot.clickOn("#likelihood-jump");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(model.quantity("mu_mle"), model.quantity("mu"), 1e-12);
        assertEquals(model.quantity("sigma_mle"), model.quantity("sigma"), 1e-12);
        assertEquals(Format.num(model.quantity("loglik_max"), 3), view.readoutValues().get(1).getText());
        robot.interact(() -> view.mapPlot().requestFocus());
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.round((model.quantity("mu_mle") - 0.1) * 10) / 10.0, model.quantity("mu"), 1e-12,
                "the left key moves mu down to the next tenth");
        assertTrue(model.quantity("gap") > 0);
    }

    @Test
    void typedDataWithBadEntriesKeepTheGoodOnes(FxRobot robot) {
        robot.interact(() -> {
            view.typedArea().setText("1, 2, oops, 6");
            view.applyTyped();
        });
        assertEquals(3, model.quantity("n"));
        assertEquals(3, model.quantity("mu_mle"), 1e-12);
        String message = view.typedMessage().getText();
        assertTrue(message.contains("Entry 3") && message.contains("oops"), message);
        robot.interact(() -> {
            view.typedArea().setText("x y");
            view.applyTyped();
        });
        assertEquals(3, model.quantity("n"), "nothing readable: the data stay");
        assertTrue(view.typedMessage().getText().contains("No number"), view.typedMessage().getText());
        robot.interact(() -> robot.lookup("#likelihood-typed-generated").queryButton().fire());
        assertEquals(20, model.quantity("n"));
        assertEquals(0, model.quantity("typed"));
    }

    @Test
    void underflowIsExplainedNotShownAsNaN(FxRobot robot) {
        robot.interact(() -> model.setParameter("n", 300));
        assertEquals("0", view.readoutValues().get(0).getText());
        assertTrue(view.underflowNote().getText().contains("×10⁻"), view.underflowNote().getText());
        for (var label : view.readoutValues()) {
            assertTrue(!label.getText().contains("NaN") && !label.getText().contains("Infinity"), label.getText());
        }
    }
}
