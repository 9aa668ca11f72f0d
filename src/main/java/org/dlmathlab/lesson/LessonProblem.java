package org.dlmathlab.lesson;

/** Something wrong with a lesson file: which file, which line (1-based; 0 when unknown) and what. */
public record LessonProblem(String file, int line, String message) {

    /** The {@code file:line: message} form that {@code --check} prints and editors can jump to. */
    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ": " + message;
    }
}
