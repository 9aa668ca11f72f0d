package org.dlmathlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlmathlab.labs.transform2d.Transform2dModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {

    @TempDir
    Path dir;

    /** Start the toolkit as TestFX does, whatever order the test classes run in (see FxTestSupport). */
    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    private static String run(CommandLine cl, int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Tools.check(cl, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, text);
        return text;
    }

    @Test
    void checkPassesOnTheBuiltInLessons() throws Exception {
        String out = run(CommandLine.parse("--check"), 0);
        assertTrue(out.contains("0 problems"), out);
    }

    @Test
    void checkPrintsFileLineMessageAndFailsOnABrokenFolder() throws Exception {
        Path lesson = Files.createDirectories(dir.resolve("bad-one"));
        Files.writeString(lesson.resolve("lesson.yaml"), LessonYaml.minimal("bad-one")
                .replace("goal: \"det < 0\"", "goal: \"det < \""));
        Path good = Files.createDirectories(dir.resolve("good-one"));
        Files.writeString(good.resolve("lesson.yaml"), LessonYaml.minimal("good-one"));
        String out = run(CommandLine.parse("--check", dir.toString()), 1);
        String expected = lesson.resolve("lesson.yaml") + ":";
        assertTrue(out.lines().anyMatch(l -> l.startsWith(expected) && l.contains("'goal' has an error")), out);
        assertTrue(out.contains("1 lessons with"), out);
    }

    @Test
    void exportWritesQuantitiesAndSnapshot() throws Exception {
        Tools.useHeadlessToolkit();
        Path out = dir.resolve("export");
        int code = Tools.export(CommandLine.parse("--export", "linear-transformations", out.toString(),
                "--set", "a=2", "--set", "b=1", "--set", "c=1", "--set", "d=3", "--set", "vx=1", "--set", "vy=2"));
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out.resolve("quantities.csv"));
        assertEquals("name,value", lines.get(0));
        assertEquals(new Transform2dModel().quantityNames().size() + 1, lines.size());
        assertTrue(lines.contains("det,5.0"), lines.toString());
        assertTrue(lines.contains("avx,4.0"), lines.toString());
        assertTrue(lines.contains("avy,7.0"), lines.toString());
        assertTrue(Files.size(out.resolve("snapshot.png")) > 10_000);
        assertEquals(2, Tools.export(CommandLine.parse("--export", "linear-transformations", out.toString(),
                "--set", "a=99")));
        assertEquals(2, Tools.export(CommandLine.parse("--export", "linear-transformations", out.toString(),
                "--steps", "3")), "transform2d has no step command");
        assertEquals(2, Tools.export(CommandLine.parse("--export", "no-such-lesson", out.toString())));
    }

    @Test
    void snapshotWritesAPngOfTheRequestedSize() throws Exception {
        Tools.useHeadlessToolkit();
        Path png = dir.resolve("page.png");
        assertEquals(0, Tools.snapshot(CommandLine.parse("--snapshot", "vectors-and-bases", png.toString(),
                "--lang", "zh", "--size", "900x600")));
        javax.imageio.ImageIO.read(png.toFile());
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void snapshotAppliesSetParametersAndRejectsBadOnes() throws Exception {
        Tools.useHeadlessToolkit();
        Path plain = dir.resolve("plain.png");
        Path flipped = dir.resolve("flipped.png");
        assertEquals(0, Tools.snapshot(CommandLine.parse("--snapshot", "linear-transformations", plain.toString())));
        assertEquals(0, Tools.snapshot(CommandLine.parse("--snapshot", "linear-transformations", flipped.toString(),
                "--set", "a=-2", "--set", "d=0.5")));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(plain), Files.readAllBytes(flipped)),
                "the set matrix changes the picture");
        assertEquals(1, Tools.snapshot(CommandLine.parse("--snapshot", "linear-transformations",
                dir.resolve("bad.png").toString(), "--set", "a=99")), "out of range is refused");
    }
}
