package org.dlmathlab.labs.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlmathlab.app.CommandLine;
import org.dlmathlab.app.Tools;
import org.dlmathlab.math.regression.Dataset;
import org.dlmathlab.math.regression.LinearRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --export LESSON DIR --steps N} on a lesson that uses the regression lab. */
class RegressionExportTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void exportWritesTheLossHistoryAndThePath() throws Exception {
        Path lesson = Files.createDirectories(dir.resolve("lessons").resolve("reg-export"));
        Files.writeString(lesson.resolve("lesson.yaml"), """
                id: reg-export
                topic: optimisation
                title: {en: Regression, zh: 回归}
                lab: regression
                params: {noise: 0}
                controls: [run, readouts, rate]
                text: {en: Text, zh: 文字}
                exercises:
                  - id: fit
                    kind: goal
                    prompt: {en: Fit, zh: 拟合}
                    goal: "abs(w - w_opt) < 0.05 and epoch > 0"
                    solution: {standardize: 1, lr: 0.1}
                    steps: 60
                    hint: {en: h, zh: 提示}
                    explanation: {en: e, zh: 解释}
                """);
        Tools.useHeadlessToolkit();
        Path out = dir.resolve("out");
        int code = Tools.export(CommandLine.parse("--lessons", dir.resolve("lessons").toString(), "--export",
                "reg-export", out.toString(), "--steps", "200"));
        assertEquals(0, code);
        List<String> loss = Files.readAllLines(out.resolve("loss.csv"));
        List<String> path = Files.readAllLines(out.resolve("path.csv"));
        assertEquals("epoch,loss", loss.get(0));
        assertEquals(201, loss.size());
        assertEquals("epoch,w,b", path.get(0));
        assertEquals(202, path.size());
        LinearRegression notes = LinearRegression.fullBatch(Dataset.notes(0, Dataset.DEFAULT_SEED), 0.01);
        notes.run(200);
        String[] last = path.get(201).split(",");
        assertEquals(notes.w(), Double.parseDouble(last[1]), 0.0);
        assertEquals(notes.b(), Double.parseDouble(last[2]), 0.0);
        List<String> quantities = Files.readAllLines(out.resolve("quantities.csv"));
        assertTrue(quantities.contains("epoch,200.0"), quantities.toString());
        assertTrue(Files.size(out.resolve("snapshot.png")) > 10_000);

        // The lesson's goal (standardised x reaches the optimum in 60 epochs) is proved by the app's own checker.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        assertEquals(0, Tools.check(CommandLine.parse("--check", dir.resolve("lessons").toString()), print, print),
                buffer.toString(StandardCharsets.UTF_8));
    }
}
