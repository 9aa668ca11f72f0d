package org.dlmathlab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlmathlab.io.YamlFiles;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;

/**
 * What the app remembers between runs: language, theme, window geometry, last lesson, extra lesson folders. Saved
 * atomically; an unreadable file is kept aside and defaults are used.
 */
public final class Settings {

    public static final String FILE_NAME = "settings.yaml";
    private static final String FORMAT = "dl-math-lab-settings";

    private final Path file;
    private Lang lang = Lang.systemDefault();
    private Theme.Mode theme = Theme.Mode.LIGHT;
    private double x = Double.NaN;
    private double y = Double.NaN;
    private double width = 1280;
    private double height = 800;
    private boolean maximized;
    private String lastLesson;
    private List<String> lessonFolders = new ArrayList<>();
    private Optional<String> problem = Optional.empty();

    public Settings(Path file) {
        this.file = file;
        YamlFiles.ReadResult result = YamlFiles.read(file, FORMAT);
        problem = result.problem().map(p -> p + result.keptAside().map(k -> " (kept as " + k + ")").orElse(""));
        Map<String, Object> data = result.data();
        if (data.get("lang") instanceof String code) {
            Lang.fromCode(code).ifPresent(l -> lang = l);
        }
        if ("dark".equals(data.get("theme"))) {
            theme = Theme.Mode.DARK;
        }
        x = number(data.get("x"), Double.NaN);
        y = number(data.get("y"), Double.NaN);
        width = Math.max(640, number(data.get("width"), width));
        height = Math.max(480, number(data.get("height"), height));
        maximized = Boolean.TRUE.equals(data.get("maximized"));
        if (data.get("lastLesson") instanceof String id) {
            lastLesson = id;
        }
        if (data.get("lessonFolders") instanceof List<?> list) {
            list.forEach(item -> lessonFolders.add(String.valueOf(item)));
        }
    }

    private static double number(Object value, double fallback) {
        return value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : fallback;
    }

    /** Writes the settings; returns an error message instead of throwing (losing settings must not stop the app). */
    public Optional<String> save() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", 1);
        doc.put("lang", lang.code());
        doc.put("theme", theme == Theme.Mode.DARK ? "dark" : "light");
        if (Double.isFinite(x) && Double.isFinite(y)) {
            doc.put("x", x);
            doc.put("y", y);
        }
        doc.put("width", width);
        doc.put("height", height);
        doc.put("maximized", maximized);
        if (lastLesson != null) {
            doc.put("lastLesson", lastLesson);
        }
        doc.put("lessonFolders", new ArrayList<>(lessonFolders));
        try {
            YamlFiles.write(file, doc);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    public Optional<String> problem() {
        return problem;
    }

    public Lang lang() {
        return lang;
    }

    public void setLang(Lang lang) {
        this.lang = lang;
    }

    public Theme.Mode theme() {
        return theme;
    }

    public void setTheme(Theme.Mode theme) {
        this.theme = theme;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public boolean maximized() {
        return maximized;
    }

    public void setGeometry(double x, double y, double width, double height, boolean maximized) {
        this.maximized = maximized;
        if (!maximized) {
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
        }
    }

    public Optional<String> lastLesson() {
        return Optional.ofNullable(lastLesson);
    }

    public void setLastLesson(String id) {
        this.lastLesson = id;
    }

    public List<String> lessonFolders() {
        return List.copyOf(lessonFolders);
    }

    public void addLessonFolder(String folder) {
        if (!lessonFolders.contains(folder)) {
            lessonFolders.add(folder);
        }
    }

    public void removeLessonFolder(String folder) {
        lessonFolders.remove(folder);
    }
}
