package org.dlmathlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

/** The desktop application: builds the context from the command line and settings, opens the main window. */
public final class DlMathLabApp extends Application {

    public static final String STYLESHEET = "/org/dlmathlab/css/app.css";
    private static CommandLine commandLine;

    private AppContext ctx;
    private MainWindow window;

    static void launchWith(CommandLine cl) {
        commandLine = cl;
        Application.launch(DlMathLabApp.class);
    }

    /** Everything the window needs, from the command line and the data folder. Used by the app, tools and tests. */
    public static AppContext createContext(CommandLine cl) throws IOException {
        Fonts.loadBundled();
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

    @Override
    public void start(Stage stage) throws IOException {
        CommandLine cl = commandLine != null ? commandLine : parseQuietly(getParameters().getRaw());
        ctx = createContext(cl);
        window = new MainWindow(ctx);
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
        stage.show();
        if (cl.mode() == CommandLine.Mode.FIRST_FRAME) {
            reportFirstFrame();
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
    private static void reportFirstFrame() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The second pulse starts after the first frame was rendered.
                if (++frames == 2) {
                    stop();
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("FIRST_FRAME_MS " + ms);
                    Platform.exit();
                }
            }
        }.start();
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
