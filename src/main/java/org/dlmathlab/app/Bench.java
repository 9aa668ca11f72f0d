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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.dlmathlab.labs.transform2d.Transform2dView;
import org.dlmathlab.lesson.Lesson;

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
            report.add(Tools.onFx(() -> measureMemory(h, ctx)));
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
        return line("whole frame at " + (int) h.scene().getWidth() + "x" + (int) h.scene().getHeight()
                + " (css + layout + draw + rasterise, via snapshot)", times, "p99 < 16.7 ms");
    }

    /** Moves the slider on every pulse for three seconds and records the real intervals between pulses. */
    private static String measurePulses(Holder h) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        Tools.onFx(() -> {
            new AnimationTimer() {
                private final long[] intervals = new long[400];
                private int n = -20;
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && n >= 0) {
                        intervals[n] = now - last;
                    }
                    last = now;
                    n++;
                    h.slider().setValue(2.5 * Math.sin(n * 0.2));
                    if (n == intervals.length) {
                        stop();
                        done.complete(intervals);
                    }
                }
            }.start();
            return null;
        });
        long[] intervals = done.get(60, TimeUnit.SECONDS);
        long dropped = Arrays.stream(intervals).filter(t -> t > 25_000_000L).count();
        return line("pulse interval while a slider moves every frame", intervals, "about 16.7 ms, none dropped")
                + String.format(Locale.ROOT, "; intervals over 25 ms: %d of %d", dropped, intervals.length);
    }

    private static String measureMemory(Holder h, AppContext ctx) {
        for (Lesson lesson : ctx.library().ordered()) {
            h.window().showLesson(lesson);
            h.scene().getRoot().applyCss();
            h.scene().getRoot().layout();
        }
        System.gc();
        long rssKb = readRssKb();
        return String.format(Locale.ROOT, "resident memory after opening all %d lessons: %s [budget: < 400 MB]",
                ctx.library().lessons().size(), rssKb < 0 ? "unknown" : (rssKb / 1024) + " MB");
    }

    private static long readRssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Starts fresh JVMs that report their first frame, and takes the median. */
    private static String measureLaunch(Path data) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long[] times = new long[LAUNCHES];
        int ok = 0;
        for (int i = 0; i < LAUNCHES; i++) {
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
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
                    }
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
        }
        if (ok == 0) {
            return "launch to first frame: no child reported (is there a display?)";
        }
        return line("launch to first frame (JVM start included, " + ok + " runs)", Arrays.copyOf(times, ok),
                "< 1.5 s");
    }

    private static String line(String what, long[] nanos, String budget) {
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
