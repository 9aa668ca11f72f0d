package org.dlmathlab.lesson;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dlmathlab.labs.LabRegistry;

/**
 * Every lesson the app can show: the built-in ones inside the jar plus any folders the user adds. A file with problems
 * becomes an {@link ErrorCard} naming the file, line and problem; every other lesson still loads.
 */
public final class LessonLibrary {

    /** A lesson file that could not be loaded, shown in the navigator in place of its lesson. */
    public record ErrorCard(String id, String source, List<LessonProblem> problems) {
    }

    private final List<Lesson> lessons;
    private final List<ErrorCard> errors;

    private LessonLibrary(List<Lesson> lessons, List<ErrorCard> errors) {
        this.lessons = List.copyOf(lessons);
        this.errors = List.copyOf(errors);
    }

    /** Loads the built-in lessons and then each extra folder, proving every exercise's reference solution. */
    public static LessonLibrary load(LabRegistry labs, List<Path> extraFolders) {
        return load(labs, extraFolders, true);
    }

    /**
     * As {@link #load(LabRegistry, List)}; with {@code proveBuiltIn} false the built-in lessons' solutions are not
     * re-proven and their formulas not test-typeset (the app's start: the build's tests and {@code --check} do both;
     * at each launch they would cost about a second and a half). Lessons from the user's folders are always checked.
     */
    public static LessonLibrary load(LabRegistry labs, List<Path> extraFolders, boolean proveBuiltIn) {
        Builder b = new Builder(labs);
        b.proveBuiltIn = proveBuiltIn;
        b.addBuiltIn();
        for (Path folder : extraFolders) {
            b.addFolder(folder);
        }
        return b.build();
    }

    /** Loads only the lesson folders under {@code root} (or {@code root} itself if it holds a lesson file). */
    public static LessonLibrary loadOnly(LabRegistry labs, Path root) {
        Builder b = new Builder(labs);
        b.addFolder(root);
        return b.build();
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public List<ErrorCard> errors() {
        return errors;
    }

    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Lessons in course order: by topic, then order, then id. */
    public List<Lesson> ordered() {
        return lessons.stream().sorted(Comparator.comparing(Lesson::topic).thenComparingInt(Lesson::order)
                .thenComparing(Lesson::id)).toList();
    }

    /** Every problem of every error card, for {@code --check}. */
    public List<LessonProblem> problems() {
        return errors.stream().flatMap(e -> e.problems().stream()).toList();
    }

    private static final class Builder {
        private final LabRegistry labs;
        private final LessonLoader loader;
        private final LessonLoader trustingLoader;
        private final List<Lesson> lessons = new ArrayList<>();
        private final List<ErrorCard> errors = new ArrayList<>();
        private final Map<String, String> sources = new HashMap<>();
        private boolean proveBuiltIn = true;

        Builder(LabRegistry labs) {
            this.labs = labs;
            this.loader = new LessonLoader(labs);
            this.trustingLoader = new LessonLoader(labs, false);
        }

        void addBuiltIn() {
            URL url = LessonLibrary.class.getResource("/lessons");
            if (url == null) {
                return;
            }
            try {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                        scan(fs.getPath("/lessons"), true);
                    }
                } else {
                    scan(Path.of(uri), true);
                }
            } catch (IOException | URISyntaxException e) {
                errors.add(new ErrorCard("built-in", "built-in lessons",
                        List.of(new LessonProblem("built-in lessons", 0, "could not list them: " + e.getMessage()))));
            }
        }

        void addFolder(Path root) {
            if (!Files.isDirectory(root)) {
                errors.add(new ErrorCard(root.getFileName() == null ? root.toString() : root.getFileName().toString(),
                        root.toString(), List.of(new LessonProblem(root.toString(), 0, "this lesson folder does not exist"))));
                return;
            }
            try {
                scan(root, false);
            } catch (IOException e) {
                errors.add(new ErrorCard(root.toString(), root.toString(),
                        List.of(new LessonProblem(root.toString(), 0, "could not read it: " + e.getMessage()))));
            }
        }

        private void scan(Path root, boolean builtIn) throws IOException {
            if (Files.isRegularFile(root.resolve(LessonLoader.FILE_NAME))) {
                loadOne(root, builtIn);
                return;
            }
            List<Path> folders;
            try (Stream<Path> children = Files.list(root)) {
                folders = children.filter(Files::isDirectory).sorted().toList();
            }
            for (Path folder : folders) {
                if (Files.isRegularFile(folder.resolve(LessonLoader.FILE_NAME))) {
                    loadOne(folder, builtIn);
                }
            }
        }

        private void loadOne(Path folder, boolean builtIn) {
            Path file = folder.resolve(LessonLoader.FILE_NAME);
            String folderName = folder.getFileName().toString().replace("/", "");
            String source = builtIn ? "built-in:lessons/" + folderName + "/" + LessonLoader.FILE_NAME : file.toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                errors.add(new ErrorCard(folderName, source,
                        List.of(new LessonProblem(source, 0, "could not read it as UTF-8 text: " + e.getMessage()))));
                return;
            }
            LessonLoader checker = builtIn && !proveBuiltIn ? trustingLoader : loader;
            LessonLoader.Result result = checker.load(text, source, folderName,
                    builtIn ? Optional.empty() : Optional.of(folder));
            List<LessonProblem> problems = new ArrayList<>(result.problems());
            Lesson lesson = result.lesson().orElse(null);
            if (lesson != null && (proveBuiltIn || !builtIn)) {
                problems.addAll(SolutionProver.prove(lesson, labs));
                String earlier = sources.get(lesson.id());
                if (earlier != null) {
                    problems.add(new LessonProblem(source, 1,
                            "a lesson with id '" + lesson.id() + "' is already loaded from " + earlier));
                }
            }
            if (problems.isEmpty() && lesson != null) {
                lessons.add(lesson);
                sources.put(lesson.id(), source);
            } else {
                errors.add(new ErrorCard(result.idHint(), source, problems));
            }
        }

        LessonLibrary build() {
            return new LessonLibrary(lessons, errors);
        }
    }
}
