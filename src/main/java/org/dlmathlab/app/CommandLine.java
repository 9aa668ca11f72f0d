package org.dlmathlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;

/**
 * The parsed command line. Unknown options and bad values raise {@link UsageException} with a one-line message.
 *
 * @param mode       what to do
 * @param lesson     the lesson id for snapshot and export
 * @param output     the PNG (snapshot) or folder (export)
 * @param checkDir   the folder to check, empty for the built-in and --lessons folders
 * @param sets       NAME=VALUE pairs for export, in order
 */
public record CommandLine(Mode mode, Optional<Lang> lang, Optional<Theme.Mode> theme, List<Path> lessonFolders,
                          Optional<Path> dataDir, Optional<Path> checkDir, String lesson, Path output, int width,
                          int height, Map<String, Double> sets, int steps, Optional<Path> benchOut) {

    /** What the program is asked to do. */
    public enum Mode { RUN, HELP, CHECK, SNAPSHOT, EXPORT, BENCH, FIRST_FRAME }

    /** A bad command line; the message is one line meant for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static final String USAGE = """
            Usage: dl-math-lab [options]
              (no options)                 open the lab window
              --lang en|zh                 language of the UI and the lessons
              --theme light|dark           colour theme
              --lessons DIR                also load the lesson folders in DIR (repeatable)
              --data-dir DIR               keep progress and settings in DIR
              --check [DIR]                validate every lesson (or those in DIR), prove every reference solution,
                                           print file:line: message for each problem, exit 1 if any
              --snapshot LESSON OUT.png    render a lesson page to a PNG and exit
                  [--size WxH]             page size in pixels (default 1280x800)
              --export LESSON OUT_DIR      write quantities.csv, one CSV per data series and snapshot.png
              --set NAME=VALUE ...         (with --export or --snapshot) set lab parameters first
              --steps N                    (with --export or --snapshot) run the lab's step command N times
              --bench [OUT.txt]            measure update, frame and launch times (needs a display or Xvfb)
              --help                       show this help
            """;

    public static CommandLine parse(String... args) throws UsageException {
        Mode mode = Mode.RUN;
        Optional<Lang> lang = Optional.empty();
        Optional<Theme.Mode> theme = Optional.empty();
        List<Path> folders = new ArrayList<>();
        Optional<Path> dataDir = Optional.empty();
        Optional<Path> checkDir = Optional.empty();
        Optional<Path> benchOut = Optional.empty();
        String lesson = null;
        Path output = null;
        int width = 1280;
        int height = 800;
        Map<String, Double> sets = new LinkedHashMap<>();
        int steps = 0;
        boolean sizeGiven = false;
        boolean stepsGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> mode = setMode(mode, Mode.HELP, arg);
                case "--lang" -> {
                    String v = value(args, ++i, arg);
                    lang = Optional.of(Lang.fromCode(v).orElseThrow(
                            () -> new UsageException("--lang takes en or zh, not '" + v + "'")));
                }
                case "--theme" -> {
                    String v = value(args, ++i, arg);
                    theme = Optional.of(switch (v) {
                        case "light" -> Theme.Mode.LIGHT;
                        case "dark" -> Theme.Mode.DARK;
                        default -> throw new UsageException("--theme takes light or dark, not '" + v + "'");
                    });
                }
                case "--lessons" -> folders.add(Path.of(value(args, ++i, arg)));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, arg)));
                case "--check" -> {
                    mode = setMode(mode, Mode.CHECK, arg);
                    if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        checkDir = Optional.of(Path.of(args[++i]));
                    }
                }
                case "--snapshot" -> {
                    mode = setMode(mode, Mode.SNAPSHOT, arg);
                    lesson = value(args, ++i, arg);
                    output = Path.of(value(args, ++i, arg));
                }
                case "--export" -> {
                    mode = setMode(mode, Mode.EXPORT, arg);
                    lesson = value(args, ++i, arg);
                    output = Path.of(value(args, ++i, arg));
                }
                case "--size" -> {
                    String v = value(args, ++i, arg);
                    String[] parts = v.toLowerCase().split("x");
                    try {
                        if (parts.length != 2) {
                            throw new NumberFormatException();
                        }
                        width = Integer.parseInt(parts[0]);
                        height = Integer.parseInt(parts[1]);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--size takes WIDTHxHEIGHT such as 1280x800, not '" + v + "'");
                    }
                    if (width < 200 || height < 150 || width > 8000 || height > 8000) {
                        throw new UsageException("--size must be between 200x150 and 8000x8000, not '" + v + "'");
                    }
                    sizeGiven = true;
                }
                case "--set" -> {
                    String v = value(args, ++i, arg);
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--set takes NAME=VALUE, not '" + v + "'");
                    }
                    String number = v.substring(eq + 1);
                    try {
                        sets.put(v.substring(0, eq), Double.parseDouble(number));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--set " + v.substring(0, eq) + " needs a number, not '" + number + "'");
                    }
                }
                case "--steps" -> {
                    String v = value(args, ++i, arg);
                    try {
                        steps = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--steps takes a whole number, not '" + v + "'");
                    }
                    if (steps < 0 || steps > 10_000_000) {
                        throw new UsageException("--steps must be between 0 and 10000000, not " + steps);
                    }
                    stepsGiven = true;
                }
                case "--bench" -> {
                    mode = setMode(mode, Mode.BENCH, arg);
                    if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        benchOut = Optional.of(Path.of(args[++i]));
                    }
                }
                case "--first-frame" -> mode = setMode(mode, Mode.FIRST_FRAME, arg);
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + arg + "' (see --help)"
                        : "unexpected argument '" + arg + "' (see --help)");
            }
        }
        if (sizeGiven && mode != Mode.SNAPSHOT) {
            throw new UsageException("--size only goes with --snapshot");
        }
        if ((!sets.isEmpty() || stepsGiven) && mode != Mode.EXPORT && mode != Mode.SNAPSHOT) {
            throw new UsageException("--set and --steps only go with --export or --snapshot");
        }
        return new CommandLine(mode, lang, theme, List.copyOf(folders), dataDir, checkDir, lesson, output, width,
                height, sets, steps, benchOut);
    }

    private static Mode setMode(Mode current, Mode wanted, String arg) throws UsageException {
        if (current != Mode.RUN && current != wanted) {
            throw new UsageException(arg + " cannot be combined with another action");
        }
        return wanted;
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value (see --help)");
        }
        return args[i];
    }
}
