package org.dlmathlab.labs.splits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.math.data.ThreeWaySplit;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the splits lab on the headless platform: the split slider, the tuning switch, refusals and keys. */
@ExtendWith(ApplicationExtension.class)
class SplitsViewUiTest {

    private SplitsModel model;
    private SplitsView view;

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
        model = new SplitsModel();
        view = new SplitsView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1100, 800);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private List<Color> paintedColours(FxRobot robot) {
        robot.interact(() -> view.plot().paintNow());
        return view.lastPointColours();
    }

    private long count(List<Color> colours, Color colour) {
        return colours.stream().filter(colour::equals).count();
    }

    @Test
    void draggingTheTrainSliderMovesPointsIntoTheTrainingPartAndRecoloursThem(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Color train = view.colourOf(ThreeWaySplit.Part.TRAIN);
        List<Color> before = paintedColours(robot);
        assertEquals(40, before.size());
        assertEquals(24, count(before, train));
        assertEquals(24, model.quantity("n_train"));

        Node thumb = view.trainField().slider().lookup(".thumb");
        // The validation share is 20 %, so train can grow to 79 % before the test part would be empty.
        double pxPerPercent = view.trainField().slider().getWidth() / (90 - 1);
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(12 * pxPerPercent, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double trainPct = model.quantity("train_pct");
        assertTrue(trainPct > 62 && trainPct < 79, "the slider moved the split: " + trainPct);
        assertEquals(trainPct, Math.rint(trainPct), "whole percentages");
        int nTrain = (int) model.quantity("n_train");
        assertTrue(nTrain > 24, "more training points: " + nTrain);
        assertEquals(40, nTrain + model.quantity("n_val") + model.quantity("n_test"));
        List<Color> after = paintedColours(robot);
        assertEquals(nTrain, count(after, train), "every training point is drawn in the training colour");
        assertNotEquals(before, after, "the points that changed part changed colour");
        for (int i = 0; i < 40; i++) {
            if (before.get(i).equals(train)) {
                assertEquals(train, after.get(i), "a training point stays a training point when train grows");
            }
        }
        assertEquals(Integer.toString((int) trainPct), view.trainField().field().getText());
    }

    @Test
    void tuningOnTheTestSetChangesTheReportedScoreAndTheOptimism(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        String reported = view.readoutValues().get(2).getText();
        String optimism = view.readoutValues().get(5).getText();
        assertEquals("0.1382", reported, "seed 6 tuned on validation: degree 5");
        assertEquals("+0.02", optimism);
        assertFalse(view.readoutValues().get(5).getStyleClass().contains("splits-warning"));

        robot.clickOn(view.onTestBox());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("tuned_on_test"));
        assertEquals(7, model.quantity("degree"));
        assertEquals("0.0641", view.readoutValues().get(2).getText(), "a better-looking score");
        assertEquals("+0.1256", view.readoutValues().get(5).getText(), "that does not hold on fresh data");
        assertTrue(view.readoutValues().get(5).getStyleClass().contains("splits-warning"));
        assertEquals("7", view.degreeField().field().getText(), "the degree field follows the tuning");

        robot.clickOn(view.onTestBox());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(reported, view.readoutValues().get(2).getText());
        assertEquals(optimism, view.readoutValues().get(5).getText());
    }

    @Test
    void aTypedSplitWithoutATestPartIsRefusedAndChangesNothing(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double testError = model.quantity("test_error");
        robot.interact(() -> {
            view.validationField().field().setText("45");
            view.validationField().commitText();
        });
        assertTrue(view.validationField().hasError());
        assertTrue(view.splitMessage().getText().contains("no room for a test part"),
                view.splitMessage().getText());
        assertEquals(20, model.quantity("val_pct"));
        assertEquals(testError, model.quantity("test_error"));

        robot.interact(() -> {
            view.validationField().field().setText("10");
            view.validationField().commitText();
        });
        assertFalse(view.validationField().hasError());
        assertEquals("", view.splitMessage().getText());
        assertEquals(10, model.quantity("val_pct"));
        assertEquals(12, model.quantity("n_test"));
    }

    @Test
    void keysOnThePlotTuneStepTheDegreeAndRepeatTheExperiment(FxRobot robot) {
        robot.clickOn(view.plot());
        robot.type(KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("tuned_on_test"));
        assertTrue(view.onTestBox().isSelected());
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.quantity("auto_degree"), "choosing by hand");
        assertEquals(6, model.quantity("degree"));
        assertFalse(view.autoBox().isSelected());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(200, model.quantity("repeats"));
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, model.quantity("degree"), "back to the tuned degree (tuned on test)");
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, model.quantity("seed"));
        assertEquals(0, model.quantity("repeats"), "new data: the old experiment no longer applies");
    }
}
