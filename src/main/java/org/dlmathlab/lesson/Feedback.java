package org.dlmathlab.lesson;

import java.util.List;

/**
 * The checker's verdict on one answer: right or not, and a message key (in the UI bundles) with its arguments, so the
 * same verdict reads well in either language.
 */
public record Feedback(boolean correct, String key, List<Object> args) {

    public Feedback {
        args = List.copyOf(args);
    }

    public static Feedback right() {
        return new Feedback(true, "feedback.correct", List.of());
    }

    public static Feedback wrong(String key, Object... args) {
        return new Feedback(false, key, List.of(args));
    }
}
