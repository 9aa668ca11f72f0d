package org.dlmathlab.ui.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Starts the (headless Monocle) FX toolkit once per JVM and runs test code on its thread. */
final class FxTestSupport {

    static final String APP_FONT_STYLE = "-fx-font-family: \"Noto Sans CJK SC\";";

    private static boolean started;

    private FxTestSupport() {
    }

    static synchronized void startFx() throws Exception {
        if (started) {
            return;
        }
        // Start the toolkit the way TestFX does, so the robot-driven UI tests that run later in the same JVM
        // find it set up as they expect (a toolkit started with Platform.startup left their robot without input).
        org.testfx.api.FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        loadFont("/assets/fonts/NotoSansSC-subset-Regular.otf");
        loadFont("/assets/fonts/NotoSansSC-subset-Bold.otf");
        started = true;
    }

    private static void loadFont(String resource) throws IOException {
        try (InputStream in = FxTestSupport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            if (Font.loadFont(in, 15) == null) {
                throw new IOException("cannot load " + resource);
            }
        }
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            if (e.getCause() instanceof Error err) {
                throw err; // assertion failures keep their own message
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("FX work timed out", e);
        }
    }

    static void runFx(ThrowingRunnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A scene of the given width with the app's font family on its root, laid out. */
    static Scene show(Parent root, double width, double height) {
        root.setStyle(APP_FONT_STYLE);
        Scene scene = new Scene(root, width, height);
        layout(root);
        return scene;
    }

    static void layout(Parent root) {
        root.applyCss();
        root.layout();
        // A second pass settles baselines and heights that depend on widths.
        root.applyCss();
        root.layout();
    }

    /** Depth-first, in visual order. */
    static <T extends Node> List<T> findAll(Node root, Class<T> type, Predicate<? super T> filter) {
        List<T> out = new ArrayList<>();
        collect(root, type, filter, out);
        return out;
    }

    static List<Node> withClass(Node root, String styleClass) {
        return findAll(root, Node.class, n -> n.getStyleClass().contains(styleClass));
    }

    private static <T extends Node> void collect(Node n, Class<T> type, Predicate<? super T> filter, List<T> out) {
        if (type.isInstance(n) && filter.test(type.cast(n))) {
            out.add(type.cast(n));
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, type, filter, out);
            }
        }
    }

    /** All text shown under a node, Text by Text. */
    static String text(Node root) {
        StringBuilder b = new StringBuilder();
        for (Text t : findAll(root, Text.class, t -> true)) {
            b.append(t.getText());
        }
        return b.toString();
    }
}
