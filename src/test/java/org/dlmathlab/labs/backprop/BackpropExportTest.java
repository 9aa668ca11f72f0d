package org.dlmathlab.labs.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlmathlab.app.CommandLine;
import org.dlmathlab.app.Tools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --export backpropagation DIR --steps 1000} writes the notes' loss curve. */
class BackpropExportTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void exportWritesTheNotesLossCurve() throws Exception {
        Tools.useHeadlessToolkit();
        Path out = dir.resolve("out");
        assertEquals(0, Tools.export(CommandLine.parse("--export", "backpropagation", out.toString(), "--steps",
                "1000")));
        List<String> loss = Files.readAllLines(out.resolve("loss.csv"));
        assertEquals("epoch,loss", loss.get(0));
        assertEquals(1001, loss.size(), "one row per epoch, as the notes' losses list");
        // The notes' script run with NumPy 2.4 prints these losses for epochs 0, 1, 2, 10, 100, 500 and 999.
        int[] epochs = {0, 1, 2, 10, 100, 500, 999};
        double[] numpy = {0.33455008989960927, 0.31207511631926566, 0.2911120956789758, 0.16691118681233832,
            0.0003054840680033747, 1.5515549363626037e-09, 1.537065646685334e-09};
        for (int i = 0; i < epochs.length; i++) {
            String[] row = loss.get(epochs[i] + 1).split(",");
            assertEquals(epochs[i], Double.parseDouble(row[0]));
            double got = Double.parseDouble(row[1]);
            assertTrue(Math.abs(got - numpy[i]) <= 1e-12 * numpy[i] * (epochs[i] <= 100 ? 1 : 1e7),
                    "epoch " + epochs[i] + ": " + got + " vs " + numpy[i]);
        }
        List<String> quantities = Files.readAllLines(out.resolve("quantities.csv"));
        assertTrue(quantities.contains("epoch,1000.0"), quantities.toString());
        assertTrue(Files.size(out.resolve("snapshot.png")) > 10_000);
    }
}
