package org.dlmathlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlmathlab.labs.LabRegistry;
import org.dlmathlab.lesson.LessonLibrary;
import org.dlmathlab.lesson.ProgressStore;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** What the windows share: language, theme, labs, lessons, progress and settings. */
public final class AppContext {

    private final I18n i18n;
    private final Theme theme;
    private final LabRegistry labs;
    private final Settings settings;
    private final ProgressStore progress;
    private final List<Path> commandLineFolders;
    private LessonLibrary library;

    public AppContext(I18n i18n, Theme theme, LabRegistry labs, Settings settings, ProgressStore progress,
                      List<Path> commandLineFolders) {
        this.i18n = i18n;
        this.theme = theme;
        this.labs = labs;
        this.settings = settings;
        this.progress = progress;
        this.commandLineFolders = List.copyOf(commandLineFolders);
        reloadLessons();
    }

    /** Loads the lessons again from the jar, the command line's folders and the settings' folders. */
    public void reloadLessons() {
        List<Path> folders = new ArrayList<>(commandLineFolders);
        for (String folder : settings.lessonFolders()) {
            Path p = Path.of(folder);
            if (!folders.contains(p)) {
                folders.add(p);
            }
        }
        // Built-in solutions are proven by the build and by --check; the user's own lessons are proven here.
        library = LessonLibrary.load(labs, folders, false);
    }

    public I18n i18n() {
        return i18n;
    }

    public Theme theme() {
        return theme;
    }

    public LabRegistry labs() {
        return labs;
    }

    public Settings settings() {
        return settings;
    }

    public ProgressStore progress() {
        return progress;
    }

    public LessonLibrary library() {
        return library;
    }
}
