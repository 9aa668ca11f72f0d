package org.dlmathlab.labs.gd1d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class Gd1dViewTest {

    private Gd1dModel model;
    private Gd1dView view;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        model = new Gd1dModel();
        model.setDefaults(Map.of("preset", 0.0, "x0", 3.0, "lr", 0.1));
        i18n = new I18n(Lang.EN);
        view = new Gd1dView(model, i18n, new Theme(Theme.Mode.LIGHT));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1100, 700));
        stage.show();
    }

    @Test
    void aTypoInTheFormulaIsExplainedAndTheOldFunctionStays(FxRobot robot) {
        robot.interact(() -> {
            view.formulaField().setText("x^2 + (3");
            view.applyFormula();
        });
        assertTrue(view.formulaError().getText().contains("never closed"), view.formulaError().getText());
        assertEquals(0, model.quantity("preset"));
        robot.interact(() -> {
            view.formulaField().setText("x^4 - 2x^2");
            view.applyFormula();
        });
        assertEquals("", view.formulaError().getText());
        assertEquals(-1, model.quantity("preset"));
    }

    @Test
    void playRunsStepsAndStopsWhenItDiverges(FxRobot robot) {
        robot.interact(() -> {
            model.setParameter("lr", 1.5);
            view.playBar().speedSlider().setValue(3);
            view.playBar().play();
        });
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("diverged"));
        assertFalse(view.playBar().isPlaying(), "Play stops by itself");
        assertEquals("Diverged", view.regimeLabel().getText());
        robot.interact(() -> i18n.setLang(Lang.ZH));
        assertEquals("已发散", view.regimeLabel().getText());
        assertTrue(view.table().getItems().stream().allMatch(r -> Double.isFinite(r[1])));
    }

    @Test
    void stepButtonTakesOneStepAndTheTableFollows(FxRobot robot) {
        robot.clickOn("#play-step");
        robot.clickOn("#play-step");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.quantity("step"));
        assertEquals(3, view.table().getItems().size(), "x0 and two steps");
        assertEquals(3 * 0.8 * 0.8, view.table().getItems().get(2)[1], 1e-12);
        assertEquals("Converging", view.regimeLabel().getText());
    }
}
