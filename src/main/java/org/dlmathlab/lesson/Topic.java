package org.dlmathlab.lesson;

import java.util.Optional;

/** The navigator's groups, in the order a course would take them. */
public enum Topic {
    LINEAR_ALGEBRA("linear-algebra"),
    CALCULUS("calculus"),
    PROBABILITY("probability"),
    OPTIMISATION("optimisation"),
    NEURAL_NETWORKS("neural-networks");

    private final String key;

    Topic(String key) {
        this.key = key;
    }

    /** The id used in lesson files and message keys. */
    public String key() {
        return key;
    }

    public static Optional<Topic> fromKey(String key) {
        for (Topic t : values()) {
            if (t.key.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
