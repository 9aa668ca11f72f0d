package org.dlmathlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.dlmathlab.labs.transform2d.Transform2dView;

/**
 * The speed benchmark ({@code --bench}): on the transform lab at 1280x800, the time from a slider change to the draw
 * calls being issued, the time of a whole frame (CSS, layout, drawing and rasterising the scene), the real pulse
 * intervals while a slider moves every frame, the launch time to the first frame (in fresh JVMs), and the resident
 * memory after opening every lesson. Prints medians and 99th percentiles next to DESIGN.md's budgets.
 */
public final class Bench {

    private static final String LESSON = "linear-transformations";
    private static final int UPDATES = 3000;
    private static final int FRAMES = 400;
    private static final int LAUNCHES = 5;

    /** Lesson and the parameter to move for each lab beyond transform2d (a lesson not installed is skipped). */
    private static final String[][] OTHER_LABS = {
            {"dot-product-and-norms", "ux"}, {"tensors-and-axes", "a00"}, {"matrix-multiplication", "a"},
            {"determinants", "a"}, {"determinant-3d", "m11"}, {"linear-systems", "vx"},
            {"rank-and-null-space", "a"}, {"eigenvectors", "vx"}, {"derivative-as-limit", "x"},
            {"entropy-and-cross-entropy", "p1"}, {"gradient-descent-1d", "x0"}, {"gradient-descent-2d", "x0"}};

    private Bench() {
    }

    static int run(CommandLine cl) {
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            Tools.useHeadlessToolkit();
        }
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "DL Math Lab benchmark: java %s, %d cores, prism %s, glass %s",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("prism.order", "default"), System.getProperty("glass.platform", "default")));
        try {
            Path data = Files.createTempDirectory("dl-math-lab-bench");
            CommandLine benchCl = CommandLine.parse("--data-dir", data.toString(), "--lang", "en");
            AppContext ctx = DlMathLabApp.createContext(benchCl);
            Tools.startToolkit();
            Holder h = Tools.onFx(() -> open(ctx));
            report.add(Tools.onFx(() -> measureUpdates(h)));
            report.add(Tools.onFx(() -> measureFrames(h)));
            report.add(measurePulses(h));
            // Every other lab: a parameter moved each time, as a slider would move it.
            for (String[] lab : OTHER_LABS) {
                report.add(measureLab(h, lab[0], lab[1]));
            }
            // Long runs, so that the lab is still moving for the whole measurement.
            report.add(measurePlay(h, "gradient-descent-2d", java.util.Map.of("preset", 2.0)));
            report.add(measurePlay(h, "linear-regression", java.util.Map.of("epochs", 10000.0, "lr", 0.005)));
            // DESIGN.md's network budget: 2-8-8 on 500 points, batches of 10, decision regions drawn every frame.
            report.add(measurePlay(h, "playground", java.util.Map.of("dataset", 0.0, "n", 500.0, "train_frac", 0.9,
                    "val_frac", 0.05, "layers", 2.0, "h1", 8.0, "h2", 8.0, "batch", 10.0)));
            report.add(org.dlmathlab.labs.playground.PlaygroundModel.benchmark(300, 0));
            report.add(org.dlmathlab.labs.playground.PlaygroundModel.benchmark(300, 1));
            report.add(measureSoftmaxEpoch());
            report.add(measureLaunch(data));
        } catch (Exception e) {
            report.add("benchmark failed: " + e);
            print(report, cl.benchOut());
            return 1;
        } finally {
            javafx.application.Platform.exit();
        }
        print(report, cl.benchOut());
        return 0;
    }

    private record Holder(Stage stage, Scene scene, MainWindow window, Transform2dView view, Slider slider) {
    }

    private static Holder open(AppContext ctx) {
        MainWindow window = new MainWindow(ctx);
        window.showLesson(LESSON);
        Scene scene = DlMathLabApp.createScene(window, 1280, 800);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        LessonPage page = window.page().orElseThrow();
        Transform2dView view = (Transform2dView) page.labView();
        return new Holder(stage, scene, window, view, view.entryField("a").slider());
    }

    private static String measureUpdates(Holder h) {
        long[] times = new long[UPDATES];
        for (int i = -300; i < UPDATES; i++) {
            double v = 2.5 * Math.sin(i * 0.37);
            long t0 = System.nanoTime();
            h.slider().setValue(v);
            h.view().plot().paintNow();
            long t1 = System.nanoTime();
            if (i >= 0) {
                times[i] = t1 - t0;
            }
        }
        return line("slider change -> model update -> draw calls issued", times, "median < 2 ms, p99 < 5 ms");
    }

    private static String measureFrames(Holder h) {
        long[] times = new long[FRAMES];
        WritableImage image = new WritableImage((int) h.scene().getWidth(), (int) h.scene().getHeight());
        for (int i = -40; i < FRAMES; i++) {
            double v = 2.5 * Math.sin(i * 0.37);
            long t0 = System.nanoTime();
            h.slider().setValue(v);
            h.scene().getRoot().applyCss();
            h.scene().getRoot().layout();
            h.view().plot().paintNow();
            h.scene().snapshot(image);
            long t1 = System.nanoTime();
            if (i >= 0) {
                times[i] = t1 - t0;
            }
        }
        return line("full repaint at " + (int) h.scene().getWidth() + "x" + (int) h.scene().getHeight()
                + " (css + layout + draw + rasterise the whole scene and read it back, via snapshot; an upper bound)",
                times, "none; real frames repaint only what changed");
    }

    /**
     * Moves the slider at the start of every pulse and times each real frame: from the pulse starting (the
     * animation timer runs first in a pulse) to the scene's frame being rendered, as the toolkit's performance
     * tracker reports it. Also records the intervals between pulses, where a dropped frame shows as a gap.
     */
    private static String measurePulses(Holder h) throws Exception {
        return measureFrames(h.scene(), i -> h.slider().setValue(2.5 * Math.sin(i * 0.2)),
                "real frame while a slider moves every pulse (pulse start -> frame rendered)");
    }

    /**
     * Opens a lesson and moves one lab parameter around its starting value: first timing the model update plus the
     * draw calls of every plot canvas in the view, then the real frames with the parameter moved every pulse.
     */
    private static String measureLab(Holder h, String lessonId, String parameter) throws Exception {
        double[] base = new double[1];
        List<org.dlmathlab.ui.PlotCanvas> canvases = new ArrayList<>();
        org.dlmathlab.labs.LabModel model = Tools.onFx(() -> {
            if (h.window().context().library().find(lessonId).isEmpty()) {
                return null;
            }
            h.window().showLesson(lessonId);
            LessonPage page = h.window().page().orElseThrow();
            h.scene().getRoot().applyCss();
            h.scene().getRoot().layout();
            collectCanvases(page.labView().node(), canvases);
            base[0] = page.model().quantityNames().contains(parameter) ? page.model().quantity(parameter) : 0;
            return page.model();
        });
        if (model == null) {
            return "(no lesson " + lessonId + ")";
        }
        // Upwards from the start only, so that weights and counts that must stay >= 0 are never refused.
        java.util.function.IntConsumer move = i -> model.setParameter(parameter,
                base[0] + 0.25 * (1 + Math.sin(i * 0.37)));
        String updates = Tools.onFx(() -> {
            long[] times = new long[UPDATES / 3];
            for (int i = -100; i < times.length; i++) {
                long t0 = System.nanoTime();
                move.accept(i);
                for (org.dlmathlab.ui.PlotCanvas canvas : canvases) {
                    canvas.paintNow();
                }
                long t1 = System.nanoTime();
                if (i >= 0) {
                    times[i] = t1 - t0;
                }
            }
            return line(lessonId + ": " + parameter + " change -> model update -> draw calls of its "
                    + canvases.size() + " plot canvas(es)", times, "median < 2 ms, p99 < 5 ms");
        });
        String frames = measureFrames(h.scene(), move, lessonId + ": real frame while " + parameter
                + " moves every pulse");
        Tools.onFx(() -> {
            model.reset();
            return null;
        });
        return updates + "\n" + frames;
    }

    private static void collectCanvases(javafx.scene.Node node, List<org.dlmathlab.ui.PlotCanvas> out) {
        if (node instanceof org.dlmathlab.ui.PlotCanvas) {
            out.add((org.dlmathlab.ui.PlotCanvas) node);
        }
        if (node instanceof javafx.scene.Parent) {
            for (javafx.scene.Node child : ((javafx.scene.Parent) node).getChildrenUnmodifiable()) {
                collectCanvases(child, out);
            }
        }
    }

    /** Opens a lesson whose lab runs a process, plays it at full speed and times the real frames. */
    private static String measurePlay(Holder h, String lessonId, java.util.Map<String, Double> params)
            throws Exception {
        boolean opened = Tools.onFx(() -> {
            if (h.window().context().library().find(lessonId).isEmpty()) {
                return false;
            }
            h.window().showLesson(lessonId);
            params.forEach(h.window().page().orElseThrow().model()::setParameter);
            org.dlmathlab.ui.PlayBar bar = h.window().page().orElseThrow().labView().player().orElseThrow();
            bar.speedSlider().setValue(bar.speedSlider().getMax());
            bar.play();
            return true;
        });
        if (!opened) {
            return "(no lesson " + lessonId + ")";
        }
        org.dlmathlab.labs.LabModel model = Tools.onFx(() -> h.window().page().orElseThrow().model());
        boolean epochs = model.quantityNames().contains("epoch");
        double[] before = {epochs ? Tools.onFx(() -> model.quantity("epoch")) : 0, System.nanoTime()};
        String result = measureFrames(h.scene(), i -> { },
                "real frame while " + lessonId + " plays at full speed (pulse start -> frame rendered)");
        if (epochs) {
            double done = Tools.onFx(() -> model.quantity("epoch")) - before[0];
            double seconds = (System.nanoTime() - before[1]) / 1e9;
            result += String.format(Locale.ROOT, "%n%s: %.0f epochs in %.1f s of play = %.0f epochs per second, "
                    + "drawing every frame", lessonId, done, seconds, done / seconds);
        }
        Tools.onFx(() -> {
            h.window().page().orElseThrow().labView().player().orElseThrow().pause();
            return null;
        });
        return result;
    }

    private static String measureFrames(Scene scene, java.util.function.IntConsumer perPulse, String what)
            throws Exception {
        int n = 400;
        long[] frames = new long[n];
        long[] intervals = new long[n];
        CompletableFuture<Void> done = new CompletableFuture<>();
        Tools.onFx(() -> {
            com.sun.javafx.perf.PerformanceTracker tracker =
                    com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene);
            long[] pulseStart = new long[1];
            int[] index = {-30};
            tracker.setOnRenderedFrameTask(() -> {
                int i = index[0] - 1;
                if (i >= 0 && i < n && frames[i] == 0 && pulseStart[0] != 0) {
                    frames[i] = System.nanoTime() - pulseStart[0];
                }
            });
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    int i = index[0];
                    if (i >= 0 && i < n && last != 0) {
                        intervals[i] = t - last;
                    }
                    last = t;
                    pulseStart[0] = t;
                    perPulse.accept(i);
                    index[0]++;
                    if (index[0] > n + 1) {
                        stop();
                        tracker.setOnRenderedFrameTask(null);
                        done.complete(null);
                    }
                }
            }.start();
            return null;
        });
        done.get(60, TimeUnit.SECONDS);
        long[] rendered = Arrays.stream(frames).filter(t -> t > 0).toArray();
        long dropped = Arrays.stream(intervals).filter(t -> t > 25_000_000L).count();
        return line(what, rendered, "p99 < 16.7 ms") + "\n"
                + line("interval between pulses meanwhile", intervals, "16.7 ms at 60 Hz")
                + String.format(Locale.ROOT, "; intervals over 25 ms (a dropped frame): %d of %d", dropped, n);
    }

    /**
     * Softmax regression on 10,000 images of 28 x 28 (random pixels with a class-dependent bright block, so there is
     * something to learn), 10 classes, batches of 64: the time of one training epoch, over 7 epochs.
     */
    private static String measureSoftmaxEpoch() {
        java.util.Random random = new java.util.Random(1);
        int n = 10_000;
        double[][] xs = new double[n][28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < xs[i].length; p++) {
                xs[i][p] = random.nextDouble() < 0.2 ? random.nextDouble() : 0;
            }
            for (int p = labels[i] * 70; p < labels[i] * 70 + 70; p++) {
                xs[i][p] = 1;
            }
        }
        org.dlmathlab.math.nn.SoftmaxRegression model = new org.dlmathlab.math.nn.SoftmaxRegression(28 * 28, 10);
        model.initialise(random);
        model.trainEpoch(xs, labels, 64, 0.1, random);
        long[] times = new long[7];
        for (int e = 0; e < times.length; e++) {
            long t0 = System.nanoTime();
            model.trainEpoch(xs, labels, 64, 0.1, random);
            times[e] = System.nanoTime() - t0;
        }
        return line(String.format(Locale.ROOT, "softmax regression, one epoch on 10,000 images of 28x28, 10 classes,"
                + " batches of 64 (accuracy after 8 epochs %.3f)", model.accuracy(xs, labels)), times,
                "well under 1 s");
    }

    /** Starts fresh JVMs that report their first frame, and takes the median. */
    private static String measureLaunch(Path data) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long[] times = new long[LAUNCHES];
        long[] rss = new long[LAUNCHES];
        long[] heap = new long[LAUNCHES];
        int okHeap = 0;
        int ok = 0;
        int okRss = 0;
        for (int i = 0; i < LAUNCHES; i++) {
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
            // The children start as the app does: with this JVM's flags (see app.jvm.flags in the pom).
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (arg.startsWith("-XX:") || arg.startsWith("-Xm") || arg.startsWith("-Xs")) {
                    cmd.add(arg);
                }
            }
            for (String prop : List.of("glass.platform", "monocle.platform", "prism.order")) {
                if (System.getProperty(prop) != null) {
                    cmd.add("-D" + prop + "=" + System.getProperty(prop));
                }
            }
            cmd.addAll(List.of(Launcher.class.getName(), "--first-frame", "--data-dir", data.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    if (l.startsWith("FIRST_FRAME_MS ")) {
                        times[ok++] = Long.parseLong(l.substring(15).trim()) * 1_000_000L;
                    } else if (l.startsWith("HEAP_KB used ") && okHeap < LAUNCHES) {
                        heap[okHeap++] = Long.parseLong(l.substring(13).trim().split(" ")[0]);
                    } else if (l.startsWith("RSS_KB ") && okRss < LAUNCHES) {
                        rss[okRss++] = Long.parseLong(l.substring(7).trim());
                    }
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
        }
        if (ok == 0) {
            return "launch to first frame: no child reported (is there a display?)";
        }
        long[] kb = Arrays.copyOf(rss, okRss);
        Arrays.sort(kb);
        long[] live = Arrays.copyOf(heap, okHeap);
        Arrays.sort(live);
        return line("launch to first frame (JVM start included, " + ok + " runs)", Arrays.copyOf(times, ok),
                "< 1.5 s") + "\n" + String.format(Locale.ROOT,
                "resident memory after opening every lesson with all its exercises (same runs): median %d MB "
                        + "[budget: < 400 MB]; live Java heap after a full GC: median %d MB",
                kb.length == 0 ? -1 : kb[kb.length / 2] / 1024, live.length == 0 ? -1 : live[live.length / 2] / 1024);
    }

    private static String line(String what, long[] nanos, String budget) {
        if (nanos.length == 0) {
            return what + ": no samples";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        return String.format(Locale.ROOT, "%s, n=%d: median %.3f ms, p99 %.3f ms, max %.3f ms [budget: %s]",
                what, nanos.length, median, p99, max, budget);
    }

    private static void print(List<String> report, Optional<Path> out) {
        report.forEach(System.out::println);
        out.ifPresent(path -> {
            try {
                Files.write(path, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("could not write " + path + ": " + e.getMessage());
            }
        });
    }
}
