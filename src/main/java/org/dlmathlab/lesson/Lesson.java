package org.dlmathlab.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lesson as loaded from its file: which lab it uses with what starting parameters and visible controls, its text
 * in both languages, and its exercises.
 *
 * @param source where it came from, for messages (a path, or "built-in:lessons/id/lesson.yaml")
 * @param folder the lesson's folder on disk, empty for lessons inside the jar
 */
public record Lesson(String id, Topic topic, int order, Localized title, Localized summary, String lab,
                     Map<String, Double> params, Set<String> controls, Localized text, List<Exercise> exercises,
                     String source, Optional<Path> folder) {

    public Lesson {
        params = Map.copyOf(params);
        controls = Set.copyOf(controls);
        exercises = List.copyOf(exercises);
    }

    public Optional<Exercise> exercise(String exerciseId) {
        return exercises.stream().filter(e -> e.id().equals(exerciseId)).findFirst();
    }
}
