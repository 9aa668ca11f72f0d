package org.dlmathlab.labs.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
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

/** Drives the softmax lab on the headless platform: drawing, stepping, the weight images and a bad IDX file. */
@ExtendWith(ApplicationExtension.class)
class SoftmaxViewUiTest {

    @TempDir
    Path dir;

    private SoftmaxModel model;
    private SoftmaxView view;

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
        model = new SoftmaxModel();
        view = new SoftmaxView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
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

    /** The screen point of a position on the drawing grid, in grid pixels (0..16). */
    private Point2D gridPoint(double px, double py) {
        double[] box = view.gridBox();
        double cell = box[2] / SoftmaxModel.GRID;
        return view.gridSurface().localToScreen(box[0] + px * cell, box[1] + py * cell);
    }

    @Test
    void drawingOnTheGridChangesTheProbabilities(FxRobot robot) {
        robot.interact(() -> {
            model.setParameter("lr", 0.5);
            for (int e = 0; e < 10; e++) {
                model.step();
            }
        });
        assertTrue(Double.isNaN(model.quantity("p1")), "blank grid: no probabilities yet");
        long paints = view.barsSurface().paintCount();
        robot.drag(gridPoint(8, 2.5), MouseButton.PRIMARY).moveTo(gridPoint(8, 8)).moveTo(gridPoint(8, 13.5)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.ink() > 8, "the drag left ink: " + model.ink());
        assertEquals(2, model.quantity("predicted"), "a vertical stroke reads as a vertical bar");
        double p2 = model.quantity("p2");
        assertTrue(view.barsSurface().paintCount() > paints, "the bars were redrawn while drawing");
        // Crossing it with a horizontal stroke shifts the probabilities towards the cross.
        robot.drag(gridPoint(2.5, 8), MouseButton.PRIMARY).moveTo(gridPoint(8, 8)).moveTo(gridPoint(13.5, 8)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.quantity("p2") < p2);
        assertEquals(4, model.quantity("predicted"));
        assertEquals("4 cross", robot.lookup("#softmax-readout-predicted").queryLabeled().getText());
        // C on the focused grid clears it.
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.ink(), 0.0);
    }

    @Test
    void stepIncreasesTheEpochAndTheAccuracyReadout(FxRobot robot) {
        String before = robot.lookup("#softmax-readout-trainAcc").queryLabeled().getText();
        assertEquals("0", robot.lookup("#softmax-readout-epoch").queryLabeled().getText());
        robot.clickOn("#play-step");
        robot.clickOn("#play-step");
        robot.clickOn("#play-step");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.quantity("epoch"));
        assertEquals("3", robot.lookup("#softmax-readout-epoch").queryLabeled().getText());
        String after = robot.lookup("#softmax-readout-trainAcc").queryLabeled().getText();
        assertNotEquals(before, after);
        double shown = Double.parseDouble(after.replace("%", "").trim());
        assertEquals(100 * model.quantity("train_acc"), shown, 0.051);
        assertTrue(model.quantity("train_acc") > 0.5);
        assertEquals(4, view.chart().count("loss"), "epochs 0 to 3 on the chart");
        // S on the grid steps too.
        robot.clickOn(gridPoint(0.2, 0.2));
        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, model.quantity("epoch"));
    }

    @Test
    void weightImagesHaveTheSizeOfTheInputs() {
        double[] w = new double[16 * 16];
        w[0] = -2;
        w[255] = 2;
        WritableImage img = SoftmaxView.weightImage(w, 16, 16, 2, Color.BLUE, Color.WHITE, Color.RED);
        assertEquals(16, img.getWidth());
        assertEquals(16, img.getHeight());
        assertEquals(Color.BLUE, img.getPixelReader().getColor(0, 0));
        assertEquals(Color.RED, img.getPixelReader().getColor(15, 15));
        assertEquals(Color.WHITE, img.getPixelReader().getColor(5, 5));
        WritableImage wide = SoftmaxView.weightImage(new double[28 * 28], 28, 28, 1, Color.BLUE, Color.WHITE,
                Color.RED);
        assertEquals(28, wide.getWidth());
        assertEquals(28, wide.getHeight());
    }

    @Test
    void aFileThatIsNotIdxGivesAMessageAndChangesNothing(FxRobot robot) throws Exception {
        Path text = dir.resolve("readme.txt");
        Files.writeString(text, "not an image file");
        robot.interact(() -> view.openIdx(text, text));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view.idxStatus().getText().startsWith("Could not use these files"));
        assertTrue(view.idxStatus().getText().contains("readme.txt is not an IDX file"), view.idxStatus().getText());
        assertEquals(SoftmaxModel.Source.SHAPES, model.source());
    }

    @Test
    void aLargeIdxSetTrainsOnAWorkerThread(FxRobot robot) throws Exception {
        int n = 3600;
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
            for (int p = 0; p < 784; p++) {
                boolean left = p % 28 < 14;
                pixels[i * 784 + p] = (byte) (left == (i % 2 == 0) ? 200 : 10);
            }
        }
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labelFile = dir.resolve("train-labels-idx1-ubyte.gz");
        try (var out = Files.newOutputStream(images)) {
            org.dlmathlab.math.data.Idx.write(new org.dlmathlab.math.data.Idx.Array(new int[]{n, 28, 28}, pixels),
                    out, true);
        }
        try (var out = Files.newOutputStream(labelFile)) {
            org.dlmathlab.math.data.Idx.write(new org.dlmathlab.math.data.Idx.Array(new int[]{n}, labels), out, true);
        }
        robot.interact(() -> view.openIdx(images, labelFile));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.source() == SoftmaxModel.Source.IDX);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.idxStatus().getText().contains("3600 images of 28 × 28 pixels, 2 classes"),
                view.idxStatus().getText());
        robot.interact(() -> {
            view.playBar().stepOnce();
            // Still on the FX thread: the worker can only hand its epoch back through a later runLater.
            assertEquals(0, model.quantity("epoch"), "the epoch runs in the background, not in the click");
            assertTrue(view.isBusy());
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.quantity("epoch") == 1 && !view.isBusy());
        assertTrue(model.quantity("val_acc") > 0.99);
        assertEquals(784, model.classWeights(0).length);
    }
}
