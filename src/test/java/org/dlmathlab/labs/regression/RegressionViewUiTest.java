package org.dlmathlab.labs.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The regression lab's view on the headless platform: playing, the cached loss surface, files, divergence. */
@ExtendWith(ApplicationExtension.class)
class RegressionViewUiTest {

    @TempDir
    Path dir;

    private RegressionModel model;
    private RegressionView view;
    private Stage stage;

    /** Start the toolkit as TestFX does, whatever order the test classes run in. */
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Fonts.loadBundled();
        model = new RegressionModel();
        view = new RegressionView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1200, 760);
        scene.getStylesheets().add(getClass().getResource("/org/dlmathlab/css/app.css").toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.sizeToScene(); // the primary stage is shared: undo a size that an earlier test gave it
        // Within the headless screen (1280x800), or the painter overflows its buffer.
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Test
    void playRunsToTheEpochLimitWithOnePointPerEpochAndNeverRebuildsTheContourImage(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isGridLayout(), "1200 wide: the four pictures in a 2x2 grid");
        long rebuilds = view.contourRebuilds();
        long paints = view.surfacePlot().paintCount();
        assertTrue(rebuilds >= 1, "the surface was drawn");
        assertEquals(1, view.lossChart().count("loss"), "before epoch 0: the starting loss alone, to scale the axis");

        robot.interact(() -> {
            view.playBar().speedSlider().setValue(3); // full speed: 1000 epochs per second
            view.playBar().play();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.playBar().isPlaying());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(200, model.quantity("epoch"), "Play stops at the epoch limit");
        assertEquals(200, view.lossChart().count("loss"), "one point per epoch");
        assertEquals(rebuilds, view.contourRebuilds(), "playing only moves the path over the cached image");
        assertTrue(view.surfacePlot().paintCount() > paints, "the path was redrawn while playing");
        assertEquals(10, view.logList().getItems().size(), "a log line every 20 epochs");
        assertEquals(model.logLines().get(9), view.logList().getItems().get(9));
        assertTrue(view.statusLabel().getText().contains("epoch limit"), view.statusLabel().getText());

        // Play does nothing more at the limit; a new limit lets it go on, still without rebuilding the image.
        robot.interact(() -> view.playBar().play());
        assertFalse(view.playBar().isPlaying());
        robot.interact(() -> {
            view.epochLimitField().setText("250");
            view.commitEpochLimit();
            view.playBar().play();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.playBar().isPlaying());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(250, view.lossChart().count("loss"));
        assertEquals(rebuilds, view.contourRebuilds());

        // Restart empties the chart; zooming the surface rebuilds the image once; new data rebuilds it again.
        robot.interact(() -> model.restart());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.lossChart().count("loss"), "before epoch 0: the starting loss alone, to scale the axis");
        robot.interact(() -> {
            view.surfacePlot().viewport().zoomAt(100, 100, 1.25);
            view.surfacePlot().paintNow();
            view.surfacePlot().paintNow();
        });
        assertEquals(rebuilds + 1, view.contourRebuilds());
        robot.interact(() -> model.setParameter("standardize", 1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.surfacePlot().paintNow());
        assertEquals(rebuilds + 2, view.contourRebuilds());
    }

    @Test
    void aDivergingRunSaysSoWithAdviceAndTheCheckboxShowsALogAxis(FxRobot robot) {
        robot.interact(() -> {
            view.field("lr").field().setText("0.1");
            view.field("lr").commitText();
        });
        assertEquals(0.1, model.quantity("lr"));
        assertTrue(view.statusLabel().getText().contains("above the stability limit"),
                view.statusLabel().getText());
        robot.interact(() -> {
            for (int i = 0; i < 50; i++) {
                view.playBar().stepOnce();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("diverged"));
        assertTrue(view.statusLabel().getText().startsWith("Diverged at epoch"), view.statusLabel().getText());
        assertTrue(view.readout("loss").getText().contains("×10"), "huge, but a number: "
                + view.readout("loss").getText());
        int points = view.lossChart().count("loss");
        assertEquals(model.lossHistory().length, points);
        robot.interact(() -> view.logScaleBox().setSelected(true));
        assertTrue(view.lossChart().isLogScale());
        assertEquals(points, view.lossChart().count("loss"), "every loss is positive: all stay on a log axis");
        assertTrue(view.logList().getItems().get(view.logList().getItems().size() - 1).contains("diverged"));
    }

    @Test
    void aCsvFileWithBadLinesIsLoadedAndItsProblemsListedByLine(FxRobot robot) throws Exception {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "x,y\n1,2\nfoo,3\n2,4\n3\n4,8\n", StandardCharsets.UTF_8);
        robot.interact(() -> view.loadCsvFile(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("csv"));
        assertEquals(3, model.quantity("n"));
        List<String> lines = List.of(view.csvMessages().getText().split("\n"));
        assertEquals("Loaded 3 points from points.csv.", lines.get(0));
        assertEquals("line 3: “foo” is not a number", lines.get(1));
        assertEquals("line 5: expected 2 values (x,y), found 1", lines.get(2));
        assertTrue(view.field("n").isDisabled(), "n waits while the file is in use");

        Path out = dir.resolve("history.csv");
        robot.interact(() -> {
            view.playBar().stepOnce();
            view.playBar().stepOnce();
            view.exportLossHistory(out);
        });
        List<String> saved = Files.readAllLines(out);
        assertEquals("epoch,loss", saved.get(0));
        assertEquals(3, saved.size());
        assertTrue(saved.get(1).startsWith("0,"));

        robot.interact(() -> view.jumpToClosedForm());
        assertEquals(model.quantity("loss_opt"), model.quantity("loss"), 1e-12);
        assertTrue(view.statusLabel().getText().contains("closed-form"), view.statusLabel().getText());
    }

    @Test
    void aNarrowWindowShowsTheFourPicturesAsTwoRowsOfTabs(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(760);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.isGridLayout());
        assertTrue(view.surfacePlot().getParent().isVisible() != view.scatterPlot().getParent().isVisible(),
                "one picture of the pair at a time");
        robot.interact(() -> robot.lookup("#regression-tab-1").queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.surfacePlot().getParent().isVisible());
        assertFalse(view.scatterPlot().getParent().isVisible());
    }
}
