package org.dlmathlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.dlmathlab.ui.Lang;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void parsesEveryOption() throws Exception {
        CommandLine cl = CommandLine.parse("--export", "linear-transformations", "out", "--set", "a=2", "--set",
                "d=-1.5", "--steps", "3", "--lang", "zh", "--lessons", "a", "--lessons", "b", "--data-dir", "dd");
        assertEquals(CommandLine.Mode.EXPORT, cl.mode());
        assertEquals("linear-transformations", cl.lesson());
        assertEquals(Path.of("out"), cl.output());
        assertEquals(Map.of("a", 2.0, "d", -1.5), cl.sets());
        assertEquals(3, cl.steps());
        assertEquals(Lang.ZH, cl.lang().orElseThrow());
        assertEquals(2, cl.lessonFolders().size());
        assertEquals(Path.of("dd"), cl.dataDir().orElseThrow());

        CommandLine snap = CommandLine.parse("--snapshot", "x", "x.png", "--size", "800x600");
        assertEquals(800, snap.width());
        assertEquals(600, snap.height());
        assertEquals(CommandLine.Mode.CHECK, CommandLine.parse("--check").mode());
        assertEquals(Path.of("dir"), CommandLine.parse("--check", "dir").checkDir().orElseThrow());
        assertEquals(CommandLine.Mode.RUN, CommandLine.parse().mode());
    }

    @Test
    void badInputGetsAOneLineMessage() {
        String[][] bad = {
                {"--frobnicate"}, {"--lang", "fr"}, {"--size", "big", "--snapshot", "a", "b.png"},
                {"--snapshot", "a"}, {"--set", "a=1"}, {"--export", "l", "o", "--set", "a"},
                {"--export", "l", "o", "--set", "a=x"}, {"--export", "l", "o", "--steps", "-1"},
                {"--check", "--snapshot", "a", "b"}, {"stray"}, {"--theme", "blue"},
        };
        for (String[] args : bad) {
            CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                    () -> CommandLine.parse(args), String.join(" ", args));
            assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
