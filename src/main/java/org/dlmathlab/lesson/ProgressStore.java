package org.dlmathlab.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.dlmathlab.io.YamlFiles;

/**
 * Which exercises the learner has solved, saved after every change by an atomic write. A file that cannot be read is
 * kept aside (never overwritten) and a fresh record started; {@link #problem()} says so for the UI to show.
 *
 * <p>File format: {@code format: dl-math-lab-progress}, {@code version: 1}, {@code solved: {lesson-id: [exercise-id,
 * ...]}}.
 */
public final class ProgressStore {

    public static final String FILE_NAME = "progress.yaml";
    static final String FORMAT = "dl-math-lab-progress";

    private final Path file;
    private final Map<String, Set<String>> solved = new TreeMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private Optional<String> problem = Optional.empty();
    private Optional<Path> keptAside = Optional.empty();
    private Optional<String> saveError = Optional.empty();

    public ProgressStore(Path file) {
        this.file = file;
        load();
    }

    private void load() {
        YamlFiles.ReadResult result = YamlFiles.read(file, FORMAT);
        problem = result.problem();
        keptAside = result.keptAside();
        Object map = result.data().get("solved");
        if (map instanceof Map<?, ?> lessons) {
            lessons.forEach((lesson, list) -> {
                if (lesson instanceof String id && list instanceof List<?> items) {
                    Set<String> ids = new LinkedHashSet<>();
                    items.forEach(item -> ids.add(String.valueOf(item)));
                    solved.put(id, ids);
                }
            });
        }
    }

    public Path file() {
        return file;
    }

    /** Set when the file on disk could not be read at start-up: what was wrong. */
    public Optional<String> problem() {
        return problem;
    }

    /** Where an unreadable file was moved to. */
    public Optional<Path> keptAside() {
        return keptAside;
    }

    /** Set when the last save failed (disk full, no permission): the progress is still in memory. */
    public Optional<String> saveError() {
        return saveError;
    }

    /** Increments on every change, so views can refresh their marks. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public boolean isSolved(String lessonId, String exerciseId) {
        return solved.getOrDefault(lessonId, Set.of()).contains(exerciseId);
    }

    public int solvedCount(Lesson lesson) {
        Set<String> done = solved.getOrDefault(lesson.id(), Set.of());
        return (int) lesson.exercises().stream().filter(e -> done.contains(e.id())).count();
    }

    public void markSolved(String lessonId, String exerciseId) {
        if (solved.computeIfAbsent(lessonId, k -> new LinkedHashSet<>()).add(exerciseId)) {
            changed();
        }
    }

    /** Forgets everything (the UI asks first). */
    public void resetAll() {
        solved.clear();
        changed();
    }

    private void changed() {
        save();
        revision.set(revision.get() + 1);
    }

    private void save() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", 1);
        Map<String, Object> lessons = new LinkedHashMap<>();
        solved.forEach((lesson, ids) -> lessons.put(lesson, new ArrayList<>(ids)));
        doc.put("solved", lessons);
        try {
            YamlFiles.write(file, doc);
            saveError = Optional.empty();
        } catch (IOException e) {
            saveError = Optional.of(e.getMessage());
        }
    }
}
