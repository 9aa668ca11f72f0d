package org.dlmathlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

    @TempDir
    Path dir;

    @Test
    void solvedExercisesSurviveARestart() {
        Path file = dir.resolve(ProgressStore.FILE_NAME);
        ProgressStore first = new ProgressStore(file);
        assertTrue(first.problem().isEmpty());
        first.markSolved("vectors", "e1");
        first.markSolved("vectors", "e2");
        first.markSolved("other", "q");
        ProgressStore second = new ProgressStore(file);
        assertTrue(second.isSolved("vectors", "e1"));
        assertTrue(second.isSolved("vectors", "e2"));
        assertTrue(second.isSolved("other", "q"));
        assertFalse(second.isSolved("other", "e1"));
        second.resetAll();
        assertFalse(new ProgressStore(file).isSolved("vectors", "e1"));
    }

    @Test
    void aCorruptFileIsKeptAsideAndAFreshOneStarted() throws Exception {
        Path file = dir.resolve(ProgressStore.FILE_NAME);
        Files.writeString(file, "format: dl-math-lab-progress\nsolved: {a: [x\n", StandardCharsets.UTF_8);
        ProgressStore store = new ProgressStore(file);
        assertTrue(store.problem().isPresent());
        Path kept = store.keptAside().orElseThrow();
        assertTrue(Files.exists(kept));
        assertEquals("format: dl-math-lab-progress\nsolved: {a: [x\n", Files.readString(kept), "kept byte for byte");
        assertFalse(Files.exists(file), "nothing written until there is something to save");
        store.markSolved("l", "e");
        assertTrue(new ProgressStore(file).isSolved("l", "e"));
        assertTrue(Files.exists(kept), "the kept copy is never overwritten");
    }

    @Test
    void aFileOfAnotherKindCountsAsCorrupt() throws Exception {
        Path file = dir.resolve(ProgressStore.FILE_NAME);
        Files.write(file, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        ProgressStore store = new ProgressStore(file);
        assertTrue(store.problem().isPresent());
        Files.writeString(file, "just: a map\n");
        assertTrue(new ProgressStore(file).problem().orElseThrow().contains("not a dl-math-lab-progress"));
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve(ProgressStore.FILE_NAME));
        for (int i = 0; i < 20; i++) {
            store.markSolved("l", "e" + i);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(ProgressStore.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
