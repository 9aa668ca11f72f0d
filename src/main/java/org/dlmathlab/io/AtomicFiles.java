package org.dlmathlab.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes that never leave a half-written file: the content goes to a temporary file in the same folder, is flushed to
 * disk, and then renamed over the target in one step. A crash leaves either the old file or the new one.
 */
public final class AtomicFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(StandardCharsets.UTF_8.encode(content));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Moves a file that could not be read out of the way, keeping it for the user: {@code name.corrupt-<time>}.
     *
     * @return where it was kept
     */
    public static Path keepAside(Path file) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        Path kept = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        int n = 1;
        while (Files.exists(kept)) {
            kept = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + n++);
        }
        Files.move(file, kept);
        return kept;
    }
}
