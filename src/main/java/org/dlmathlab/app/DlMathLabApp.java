package org.dlmathlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.dlmathlab.labs.LabRegistry;
import org.dlmathlab.lesson.ProgressStore;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.text.MathRenderer;

/** The desktop application: builds the context from the command line and settings, opens the main window. */
public final class DlMathLabApp extends Application {

    public static final String STYLESHEET = "/org/dlmathlab/css/app.css";
    private static CommandLine commandLine;
    private static Future<AppContext> preparing;

    private AppContext ctx;
    private MainWindow window;

    static void launchWith(CommandLine cl) {
        commandLine = cl;
        // Read settings, progress and lessons (and warm up the math typesetter) while the toolkit starts:
        // the two take about the same time, so launch takes the longer of them instead of their sum.
        FutureTask<AppContext> task = new FutureTask<>(() -> {
            AppContext prepared = createContext(cl);
            MathRenderer.check("\\sum_{i=1}^{n} x_i^2");
            return prepared;
        });
        Thread thread = new Thread(task, "dlml-prepare");
        thread.setDaemon(true);
        thread.start();
        preparing = task;
        Application.launch(DlMathLabApp.class);
    }

    /** Everything the window needs, from the command line and the data folder. Used by the app, tools and tests. */
    public static AppContext createContext(CommandLine cl) throws IOException {
        Path dataDir = cl.dataDir().orElseGet(DataDirs::defaultDataDir);
        Files.createDirectories(dataDir);
        Settings settings = new Settings(dataDir.resolve(Settings.FILE_NAME));
        cl.lang().ifPresent(settings::setLang);
        cl.theme().ifPresent(settings::setTheme);
        ProgressStore progress = new ProgressStore(dataDir.resolve(ProgressStore.FILE_NAME));
        I18n i18n = new I18n(settings.lang());
        Theme theme = new Theme(settings.theme());
        return new AppContext(i18n, theme, LabRegistry.standard(), settings, progress, cl.lessonFolders());
    }

    /** A scene for the window, with the stylesheet and shortcuts. */
    public static Scene createScene(MainWindow window, double width, double height) {
        Scene scene = new Scene(window.root(), width, height);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(STYLESHEET).toExternalForm());
        window.installShortcuts(scene);
        return scene;
    }

    /** With -Ddlml.timing=true, prints how long each start-up phase took since the JVM started. */
    private static void mark(String phase) {
        if (Boolean.getBoolean("dlml.timing")) {
            System.out.println("TIMING " + phase + " "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        mark("start");
        CommandLine cl = commandLine != null ? commandLine : parseQuietly(getParameters().getRaw());
        Fonts.loadBundled();
        mark("fonts");
        ctx = preparing != null ? awaitPrepared() : createContext(cl);
        mark("context (settings, lessons)");
        window = new MainWindow(ctx);
        mark("main window");
        Settings s = ctx.settings();
        Scene scene = createScene(window, s.width(), s.height());
        stage.setScene(scene);
        stage.titleProperty().bind(ctx.i18n().bind("app.title"));
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        placeOnScreen(stage, s);
        ctx.i18n().langProperty().addListener((o, old, lang) -> {
            s.setLang(lang);
            s.save();
        });
        ctx.theme().modeProperty().addListener((o, old, mode) -> {
            s.setTheme(mode);
            s.save();
        });
        stage.setOnCloseRequest(e -> saveGeometry(stage));
        window.showInitial(s.lastLesson());
        mark("first lesson page");
        stage.show();
        mark("shown");
        if (cl.mode() == CommandLine.Mode.FIRST_FRAME) {
            reportFirstFrame(window);
        }
    }

    private static AppContext awaitPrepared() throws IOException {
        try {
            return preparing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading lessons", e);
        }
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.settings().save();
        }
    }

    private void saveGeometry(Stage stage) {
        ctx.settings().setGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
        ctx.settings().save();
    }

    /** Restores the saved place if it is still on a screen (a monitor may have been unplugged). */
    private static void placeOnScreen(Stage stage, Settings s) {
        stage.setWidth(s.width());
        stage.setHeight(s.height());
        if (Double.isFinite(s.x()) && Double.isFinite(s.y())) {
            Rectangle2D saved = new Rectangle2D(s.x(), s.y(), Math.max(1, s.width()), Math.max(1, s.height()));
            boolean visible = Screen.getScreens().stream()
                    .anyMatch(screen -> screen.getVisualBounds().intersects(saved));
            if (visible) {
                stage.setX(s.x());
                stage.setY(s.y());
            }
        }
        stage.setMaximized(s.maximized());
    }

    /** For the launch benchmark: prints the time from JVM start to the first rendered frame, then quits. */
    private static void reportFirstFrame(MainWindow window) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The second pulse starts after the first frame was rendered.
                if (++frames == 2) {
                    stop();
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("FIRST_FRAME_MS " + ms);
                    Platform.runLater(() -> reportMemory(window));
                }
            }
        }.start();
    }

    /**
     * For the benchmark: opens every lesson as a learner would (each one gets a few frames, so its timers and queued
     * work run and end as they do in use), then prints the heap and the resident memory and quits.
     */
    private static void reportMemory(MainWindow window) {
        java.util.List<org.dlmathlab.lesson.Lesson> lessons = window.context().library().ordered();
        new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                int index = frame / 4;
                if (frame % 4 == 0 && index < lessons.size()) {
                    window.showLesson(lessons.get(index));
                    window.page().ifPresent(LessonPage::exercises);
                }
                frame++;
                if (index >= lessons.size() + 3) {
                    stop();
                    printMemory();
                    Platform.exit();
                }
            }
        }.start();
    }

    private static void printMemory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println("HEAP_KB used " + (rt.totalMemory() - rt.freeMemory()) / 1024 + " committed "
                + rt.totalMemory() / 1024);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    System.out.println("RSS_KB " + line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            System.out.println("RSS_KB -1");
        }
    }

    private static CommandLine parseQuietly(java.util.List<String> args) {
        try {
            return CommandLine.parse(args.toArray(String[]::new));
        } catch (CommandLine.UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static Optional<CommandLine> commandLine() {
        return Optional.ofNullable(commandLine);
    }
}
