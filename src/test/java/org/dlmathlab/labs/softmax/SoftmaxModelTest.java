package org.dlmathlab.labs.softmax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.dlmathlab.math.data.Idx;
import org.dlmathlab.math.data.ShapeImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftmaxModelTest {

    @TempDir
    Path dir;

    @Test
    void shapesReachNinetyPercentOnValidationInTwentyEpochs() {
        for (int seed : new int[]{1, 2, 3}) {
            SoftmaxModel m = new SoftmaxModel();
            m.setDefaults(Map.of("classes", 5.0, "per_class", 100.0, "lr", 0.5, "seed", (double) seed));
            double startLoss = m.quantity("train_loss");
            assertEquals(Math.log(5), startLoss, 0.02, "tiny weights: every class near 1/5");
            for (int e = 0; e < 20; e++) {
                m.step();
            }
            assertEquals(20, m.quantity("epoch"));
            assertEquals(375, m.quantity("n_train"));
            assertEquals(125, m.quantity("n_val"));
            assertTrue(m.quantity("val_acc") > 0.9, "seed " + seed + ": val_acc " + m.quantity("val_acc"));
            assertTrue(m.quantity("train_loss") < 0.3 * startLoss);
            int[][] confusion = m.confusion();
            int total = 0;
            int diagonal = 0;
            for (int t = 0; t < 5; t++) {
                for (int p = 0; p < 5; p++) {
                    total += confusion[t][p];
                }
                diagonal += confusion[t][t];
            }
            assertEquals(125, total, "the confusion matrix counts the validation set");
            assertEquals(m.quantity("val_acc"), (double) diagonal / total, 1e-12);
        }
    }

    @Test
    void sameSettingsGiveTheSameRunAndRestartGoesBackToEpochZero() {
        SoftmaxModel a = new SoftmaxModel();
        SoftmaxModel b = new SoftmaxModel();
        for (int e = 0; e < 3; e++) {
            a.step();
            b.step();
        }
        assertEquals(a.quantity("train_loss"), b.quantity("train_loss"), 0.0);
        assertArrayEquals(a.classWeights(2), b.classWeights(2), 0.0);
        double start = new SoftmaxModel().quantity("train_loss");
        a.restartRun();
        assertEquals(0, a.quantity("epoch"));
        assertEquals(start, a.quantity("train_loss"), 0.0);
        assertEquals(1, a.history().size());
    }

    @Test
    void weightsAreOneImagePerClass() {
        SoftmaxModel m = new SoftmaxModel();
        m.setParameter("classes", 3);
        assertEquals(3, m.quantity("classes"));
        assertEquals(16, m.inputRows());
        assertEquals(16, m.inputCols());
        for (int c = 0; c < 3; c++) {
            assertEquals(256, m.classWeights(c).length);
        }
    }

    @Test
    void badParametersAreRefusedAndChangeNothing() {
        SoftmaxModel m = new SoftmaxModel();
        m.step();
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("lr", 0));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("batch", 2.5));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("classes", 6));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("noise", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.setParameter("nope", 1));
        assertEquals(1, m.quantity("epoch"), "a refused value does not restart the run");
        assertEquals(0.1, m.quantity("lr"));
    }

    @Test
    void drawingChangesTheProbabilitiesAndTheyAddUpToOne() {
        SoftmaxModel m = new SoftmaxModel();
        m.setParameter("lr", 0.5);
        for (int e = 0; e < 10; e++) {
            m.step();
        }
        assertTrue(Double.isNaN(m.quantity("predicted")), "a blank grid predicts nothing");
        // A vertical stroke down the middle.
        m.paintLine(8, 2, 8, 14, 2, false);
        assertTrue(m.ink() > 10);
        assertEquals(2, m.quantity("predicted"), "a vertical stroke is a vertical bar");
        double sum = 0;
        for (int k = 1; k <= 4; k++) {
            sum += m.quantity("p" + k);
        }
        assertEquals(1, sum, 1e-12);
        assertTrue(Double.isNaN(m.quantity("p5")), "only four classes");
        double before = m.quantity("p2");
        // Turning it into a cross moves probability to class 4.
        m.paintLine(2, 8, 14, 8, 2, false);
        assertTrue(m.quantity("p4") > 0.5 && m.quantity("p2") < before);
        // Erasing everything leaves a blank grid.
        for (double y = 0; y <= 16; y += 0.5) {
            m.paintLine(0, y, 16, y, 4, true);
        }
        assertEquals(0, m.ink(), 0.0);
        m.setParameter("draw", 3);
        assertEquals(3, m.quantity("predicted"), "the ring prototype is a ring");
    }

    @Test
    void drawnExamplesBecomeTheData() {
        SoftmaxModel m = new SoftmaxModel();
        assertFalse(m.useDrawings(), "no examples yet");
        assertFalse(m.addExample(1), "a blank drawing is not an example");
        for (int k = 0; k < 3; k++) {
            for (int shape = 0; shape < 2; shape++) {
                m.setParameter("draw", shape + 1);
                m.paint(2 + k, 2 + k, 1, false);
                assertTrue(m.addExample(shape + 1));
            }
        }
        assertArrayEquals(new int[]{3, 3, 0, 0, 0}, m.exampleCounts());
        assertTrue(m.useDrawings());
        assertEquals(SoftmaxModel.Source.DRAWINGS, m.source());
        assertEquals(2, m.quantity("classes"));
        assertEquals(6, m.quantity("n_train") + m.quantity("n_val"));
        m.reset();
        assertEquals(SoftmaxModel.Source.SHAPES, m.source(), "reset returns to the lesson's data");
        assertEquals(6, m.quantity("examples"), "but keeps the learner's examples");
    }

    @Test
    void anEpochRunOnACopyIsInstalledUnlessTheRunRestarted() {
        SoftmaxModel m = new SoftmaxModel();
        SoftmaxModel.EpochJob job = m.prepareEpoch();
        double[] before = m.classWeights(0);
        SoftmaxModel.EpochResult result = job.run(f -> { }, () -> false);
        assertArrayEquals(before, m.classWeights(0), 0.0, "the job trains a copy");
        assertTrue(m.finish(result));
        assertEquals(1, m.quantity("epoch"));
        SoftmaxModel.EpochJob stale = m.prepareEpoch();
        m.setParameter("lr", 0.2);
        assertFalse(m.finish(stale.run(f -> { }, () -> false)), "a result from before a restart is dropped");
        assertEquals(0, m.quantity("epoch"));
        assertNull(m.prepareEpoch().run(f -> { }, () -> true), "a cancelled job returns nothing");
    }

    // ---- IDX files ------------------------------------------------------------------------------------------------

    /** n images of 28 x 28: class 0 bright on the left half, class 1 on the right, class 2 on the top rows. */
    private void writeIdx(Path images, Path labels, int n, int labelCount, boolean gzip) throws IOException {
        byte[] pixels = new byte[n * 28 * 28];
        byte[] ys = new byte[labelCount];
        Random random = new Random(5);
        for (int i = 0; i < n; i++) {
            int y = i % 3;
            if (i < labelCount) {
                ys[i] = (byte) y;
            }
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean on = y == 0 ? c < 14 : y == 1 ? c >= 14 : r < 10;
                    int v = on ? 150 + random.nextInt(100) : random.nextInt(60);
                    pixels[i * 784 + r * 28 + c] = (byte) v;
                }
            }
        }
        for (int i = n; i < labelCount; i++) {
            ys[i] = 1;
        }
        try (OutputStream out = Files.newOutputStream(images)) {
            Idx.write(new Idx.Array(new int[]{n, 28, 28}, pixels), out, gzip);
        }
        try (OutputStream out = Files.newOutputStream(labels)) {
            Idx.write(new Idx.Array(new int[]{labelCount}, ys), out, gzip);
        }
    }

    @Test
    void plainAndGzippedIdxFilesTrainA28By28Model() throws IOException {
        for (boolean gzip : new boolean[]{false, true}) {
            Path images = dir.resolve("images" + gzip + (gzip ? ".gz" : ""));
            Path labels = dir.resolve("labels" + gzip + (gzip ? ".gz" : ""));
            writeIdx(images, labels, 120, 120, gzip);
            SoftmaxModel m = new SoftmaxModel();
            m.loadIdx(images, labels);
            assertEquals(SoftmaxModel.Source.IDX, m.source());
            assertEquals(3, m.quantity("classes"));
            assertEquals(28, m.inputRows());
            assertEquals(784, m.classWeights(1).length, "weights images are 28 x 28");
            assertEquals(120, m.quantity("n_train") + m.quantity("n_val"));
            m.setParameter("lr", 0.05);
            for (int e = 0; e < 5; e++) {
                m.step();
            }
            assertTrue(m.quantity("val_acc") > 0.9, "an easy set: " + m.quantity("val_acc"));
            // A 16 x 16 drawing is resampled to 28 x 28: ink on the left means class 0, i.e. class 1 on screen.
            m.paintLine(3, 1, 3, 15, 4, false);
            assertEquals(1, m.quantity("predicted"));
        }
    }

    @Test
    void mismatchedCountsTruncatedAndForeignFilesGiveMessagesAndChangeNothing() throws IOException {
        SoftmaxModel m = new SoftmaxModel();
        m.step();
        Path images = dir.resolve("img");
        Path labels = dir.resolve("lab");
        writeIdx(images, labels, 30, 31, false);
        IOException e = assertThrows(IOException.class, () -> m.loadIdx(images, labels));
        assertTrue(e.getMessage().contains("30 images") && e.getMessage().contains("31 labels"), e.getMessage());

        writeIdx(images, labels, 30, 30, false);
        byte[] whole = Files.readAllBytes(images);
        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
        e = assertThrows(IOException.class, () -> m.loadIdx(cut, labels));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, these are not images");
        e = assertThrows(IOException.class, () -> m.loadIdx(text, labels));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());

        e = assertThrows(IOException.class, () -> m.loadIdx(labels, images));
        assertTrue(e.getMessage().contains("3 dimensions"), e.getMessage());

        byte[] many = new byte[30];
        many[4] = 12;
        try (OutputStream out = Files.newOutputStream(labels)) {
            Idx.write(new Idx.Array(new int[]{30}, many), out, false);
        }
        e = assertThrows(IOException.class, () -> m.loadIdx(images, labels));
        assertTrue(e.getMessage().contains("labels up to 12"), e.getMessage());

        assertEquals(SoftmaxModel.Source.SHAPES, m.source(), "nothing changed");
        assertEquals(1, m.quantity("epoch"));
        assertFalse(m.hasIdx());
        assertEquals(ShapeImages.SIZE, m.inputRows());
    }
}
