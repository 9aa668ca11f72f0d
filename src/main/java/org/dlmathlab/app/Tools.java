package org.dlmathlab.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.dlmathlab.labs.DataTable;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.LabRegistry;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.lesson.Lesson;
import org.dlmathlab.lesson.LessonLibrary;
import org.dlmathlab.lesson.LessonProblem;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Png;
import org.dlmathlab.ui.Theme;

/** The command-line tools: {@code --check}, {@code --snapshot} and {@code --export}. */
public final class Tools {

    private Tools() {
    }

    /** Picks the headless Monocle platform with software rendering, so the tools need no display. */
    public static void useHeadlessToolkit() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, Tools.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
    }

    /** Validates lessons and proves their reference solutions; returns the exit code. */
    public static int check(CommandLine cl, PrintStream out, PrintStream err) {
        LabRegistry labs = LabRegistry.standard();
        LessonLibrary library = cl.checkDir()
                .map(dir -> LessonLibrary.loadOnly(labs, dir))
                .orElseGet(() -> LessonLibrary.load(labs, cl.lessonFolders()));
        List<LessonProblem> problems = library.problems();
        for (LessonProblem p : problems) {
            out.println(p);
        }
        int exercises = library.lessons().stream().mapToInt(l -> l.exercises().size()).sum();
        String summary = "checked " + (library.lessons().size() + library.errors().size()) + " lesson files: "
                + library.lessons().size() + " lessons with " + exercises + " exercises passed, "
                + problems.size() + " problem" + (problems.size() == 1 ? "" : "s");
        (problems.isEmpty() ? out : err).println(summary);
        if (library.lessons().isEmpty() && library.errors().isEmpty()) {
            err.println("no lesson files found");
            return 1;
        }
        return problems.isEmpty() ? 0 : 1;
    }

    /** Renders one lesson page to a PNG. */
    public static int snapshot(CommandLine cl) {
        try {
            AppContext ctx = DlMathLabApp.createContext(withTempData(cl));
            Optional<Lesson> lesson = ctx.library().find(cl.lesson());
            // A lesson whose file has problems is drawn as its error card: authors see what the learner would.
            Optional<LessonLibrary.ErrorCard> card = ctx.library().errors().stream()
                    .filter(e -> e.id().equals(cl.lesson())).findFirst();
            if (lesson.isEmpty() && card.isEmpty()) {
                return unknownLesson(cl.lesson(), ctx.library());
            }
            onFx(() -> {
                MainWindow window = new MainWindow(ctx);
                if (lesson.isPresent()) {
                    window.showLesson(lesson.get());
                    window.page().ifPresent(LessonPage::exercises);
                    LabModel model = window.page().orElseThrow().model();
                    for (Map.Entry<String, Double> set : cl.sets().entrySet()) {
                        model.setParameter(set.getKey(), set.getValue());
                    }
                    for (int i = 0; i < cl.steps(); i++) {
                        model.step();
                    }
                } else {
                    window.showError(card.get());
                }
                Scene scene = DlMathLabApp.createScene(window, cl.width(), cl.height());
                writeSnapshot(scene, cl.output());
                return null;
            });
            System.out.println("wrote " + cl.output());
            return 0;
        } catch (Exception e) {
            System.err.println("dl-math-lab: snapshot failed: " + e.getMessage());
            return 1;
        }
    }

    /** Sets parameters, steps the lab, writes its quantities, data series and a picture. */
    public static int export(CommandLine cl) {
        try {
            LabRegistry labs = LabRegistry.standard();
            LessonLibrary library = LessonLibrary.load(labs, cl.lessonFolders());
            Optional<Lesson> found = library.find(cl.lesson());
            if (found.isEmpty()) {
                return unknownLesson(cl.lesson(), library);
            }
            Lesson lesson = found.get();
            Lab<?> lab = labs.find(lesson.lab()).orElseThrow();
            LabModel model = lab.createModel();
            model.setDefaults(lesson.params());
            for (Map.Entry<String, Double> set : cl.sets().entrySet()) {
                try {
                    model.setParameter(set.getKey(), set.getValue());
                } catch (IllegalArgumentException e) {
                    System.err.println("dl-math-lab: --set " + set.getKey() + ": " + e.getMessage());
                    return 2;
                }
            }
            if (cl.steps() > 0 && !model.canStep()) {
                System.err.println("dl-math-lab: --steps: the " + lab.id() + " lab has no step command");
                return 2;
            }
            for (int i = 0; i < cl.steps(); i++) {
                model.step();
            }
            Path dir = cl.output();
            Files.createDirectories(dir);
            writeQuantities(model, dir.resolve("quantities.csv"));
            for (Map.Entry<String, DataTable> series : model.dataSeries().entrySet()) {
                writeTable(series.getValue(), dir.resolve(series.getKey() + ".csv"));
            }
            Fonts.loadBundled();
            Lang lang = cl.lang().orElse(Lang.EN);
            Theme theme = new Theme(cl.theme().orElse(Theme.Mode.LIGHT));
            onFx(() -> {
                Fonts.loadBundled();
                LabView view = lab.createViewFor(model, new I18n(lang), theme);
                view.setVisibleControls(lesson.controls());
                Scene scene = new Scene(new javafx.scene.layout.StackPane(view.node()), 1280, 800);
                scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
                scene.getRoot().getStyleClass().add(theme.styleClass());
                writeSnapshot(scene, dir.resolve("snapshot.png"));
                return null;
            });
            System.out.println("wrote " + dir.resolve("quantities.csv") + ", " + model.dataSeries().size()
                    + " data series and " + dir.resolve("snapshot.png"));
            return 0;
        } catch (Exception e) {
            System.err.println("dl-math-lab: export failed: " + e.getMessage());
            return 1;
        }
    }

    static void writeQuantities(LabModel model, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("name,value\n");
        // Double.toString is the shortest text that reads back to the same double: full precision, no noise.
        model.quantities().forEach((name, value) -> sb.append(name).append(',').append(value).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static void writeTable(DataTable table, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", table.columns())).append('\n');
        for (double[] row : table.rows()) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : ",").append(row[i]);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static void writeSnapshot(Scene scene, Path out) throws IOException {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage image = scene.snapshot(null);
        Png.write(image, out);
    }

    private static int unknownLesson(String id, LessonLibrary library) {
        System.err.println("dl-math-lab: no lesson '" + id + "' (available: "
                + String.join(", ", library.ordered().stream().map(Lesson::id).toList()) + ")");
        return 2;
    }

    /** Snapshots must not write the learner's real settings: use a throw-away data folder unless one is given. */
    private static CommandLine withTempData(CommandLine cl) throws IOException {
        if (cl.dataDir().isPresent()) {
            return cl;
        }
        Path tmp = Files.createTempDirectory("dl-math-lab-snapshot");
        tmp.toFile().deleteOnExit();
        return new CommandLine(cl.mode(), cl.lang(), cl.theme(), cl.lessonFolders(), Optional.of(tmp), cl.checkDir(),
                cl.lesson(), cl.output(), cl.width(), cl.height(), cl.sets(), cl.steps(), cl.benchOut());
    }

    /** Starts the toolkit if needed and runs the task on the FX thread, waiting for it. */
    static <T> T onFx(Callable<T> task) throws Exception {
        startToolkit();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new IOException("the UI toolkit did not answer within 120 s");
        }
    }

    static void startToolkit() throws InterruptedException {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }
}
