package org.dlmathlab.lesson;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.LabRegistry;
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.math.expr.ExpressionException;
import org.dlmathlab.ui.text.MathScanner;
import org.dlmathlab.ui.text.MathSpan;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one {@code lesson.yaml} into a {@link Lesson}, collecting every problem with its line instead of stopping at
 * the first, so an author fixes a file in one pass. The YAML is only composed into nodes, never constructed into
 * objects: a lesson file cannot instantiate classes or run code. The format is documented in {@code lessons/README.md}.
 */
public final class LessonLoader {

    /** The file name of a lesson inside its folder. */
    public static final String FILE_NAME = "lesson.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> ROOT_KEYS = Set.of("id", "topic", "order", "title", "summary", "lab", "params",
            "controls", "text", "exercises");
    private static final Set<String> COMMON_KEYS = Set.of("id", "kind", "prompt", "hint", "explanation", "setup");
    private static final Map<String, Set<String>> KIND_KEYS = Map.of(
            "choice", Set.of("choices", "answer"),
            "numeric", Set.of("answer", "tolerance", "solution", "check"),
            "formula", Set.of("variable", "answer", "solution", "domain"),
            "goal", Set.of("goal", "solution", "steps"));
    private static final int MAX_FILE_CHARS = 1_000_000;

    private final LabRegistry labs;
    private final boolean thorough;
    /** One model per lab, only ever read (quantity names, whether it steps): models can be costly to make. */
    private final Map<String, LabModel> probes = new java.util.HashMap<>();

    /** The outcome of loading one file: a lesson when there were no problems. */
    public record Result(Optional<Lesson> lesson, List<LessonProblem> problems, String source, String idHint) {
    }

    public LessonLoader(LabRegistry labs) {
        this(labs, true);
    }

    /**
     * @param thorough whether to run the checks that cost time: test-typesetting every formula of the text and
     *                 trying every parameter value on a live lab model (some labs train or sample when a parameter
     *                 changes); the app skips them for the built-in lessons, which the build checks
     */
    public LessonLoader(LabRegistry labs, boolean thorough) {
        this.labs = labs;
        this.thorough = thorough;
    }

    private LabModel probe(Lab<?> lab) {
        return probes.computeIfAbsent(lab.id(), id -> lab.createModel());
    }

    /**
     * Parses a lesson.
     *
     * @param text       the file's content
     * @param source     the name used in messages
     * @param folderName the folder's name, which the id must match; null to skip that check
     * @param folder     the folder on disk, if any
     */
    public Result load(String text, String source, String folderName, Optional<Path> folder) {
        Session s = new Session(source);
        String hint = folderName == null ? source : folderName;
        if (text.length() > MAX_FILE_CHARS) {
            s.problem(1, "the file is larger than " + MAX_FILE_CHARS + " characters");
            return new Result(Optional.empty(), s.problems, source, hint);
        }
        Node root;
        try (Reader reader = new StringReader(text)) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setAllowDuplicateKeys(false);
            options.setAllowRecursiveKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            s.problem(line, "this is not valid YAML: " + e.getProblem());
            return new Result(Optional.empty(), s.problems, source, hint);
        } catch (YAMLException | java.io.IOException e) {
            s.problem(1, "this is not valid YAML: " + e.getMessage());
            return new Result(Optional.empty(), s.problems, source, hint);
        }
        if (!(root instanceof MappingNode map)) {
            s.problem(root == null ? 1 : line(root), "a lesson file must be a mapping of keys such as id, title, lab");
            return new Result(Optional.empty(), s.problems, source, hint);
        }
        Lesson lesson = s.lesson(map, folderName, folder);
        return new Result(s.problems.isEmpty() ? Optional.ofNullable(lesson) : Optional.empty(), s.problems, source,
                lesson != null && lesson.id() != null ? lesson.id() : hint);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** One file's worth of state: its name and the problems found so far. */
    private final class Session {
        final String source;
        final List<LessonProblem> problems = new ArrayList<>();

        Session(String source) {
            this.source = source;
        }

        void problem(int line, String message) {
            problems.add(new LessonProblem(source, line, message));
        }

        Lesson lesson(MappingNode root, String folderName, Optional<Path> folder) {
            Map<String, NodeTuple> keys = keys(root, ROOT_KEYS, "lesson");
            String id = requiredId(keys, "id", root);
            if (id != null && folderName != null && !id.equals(folderName)) {
                problem(line(keys.get("id").getValueNode()),
                        "id '" + id + "' must match the lesson's folder name '" + folderName + "'");
            }
            Topic topic = null;
            String topicKey = string(keys.get("topic"), "topic", root, true);
            if (topicKey != null) {
                topic = Topic.fromKey(topicKey).orElse(null);
                if (topic == null) {
                    problem(line(keys.get("topic").getValueNode()), "unknown topic '" + topicKey + "' (use one of: "
                            + String.join(", ", java.util.Arrays.stream(Topic.values()).map(Topic::key).toList())
                            + ")");
                }
            }
            int order = keys.containsKey("order") ? (int) Math.round(number(keys.get("order").getValueNode(), "order"))
                    : 0;
            Localized title = localized(keys.get("title"), "title", root, true);
            Localized summary = keys.containsKey("summary") ? localized(keys.get("summary"), "summary", root, false)
                    : Localized.EMPTY;
            Localized text = localized(keys.get("text"), "text", root, true);
            checkMath(keys.get("text"), text);

            String labId = string(keys.get("lab"), "lab", root, true);
            Lab<?> lab = null;
            if (labId != null) {
                lab = labs.find(labId).orElse(null);
                if (lab == null) {
                    problem(line(keys.get("lab").getValueNode()), "unknown lab '" + labId + "' (available: "
                            + String.join(", ", labs.all().stream().map(Lab::id).toList()) + ")");
                }
            }
            Map<String, Double> params = keys.containsKey("params")
                    ? paramMap(keys.get("params").getValueNode(), "params", lab) : Map.of();
            Set<String> controls = keys.containsKey("controls") ? controls(keys.get("controls").getValueNode(), lab)
                    : Set.of();
            List<Exercise> exercises = keys.containsKey("exercises")
                    ? exercises(keys.get("exercises").getValueNode(), lab) : List.of();
            if (!keys.containsKey("exercises")) {
                problem(line(root), "a lesson needs an 'exercises' list");
            }
            if (id == null || topic == null || lab == null) {
                return null;
            }
            return new Lesson(id, topic, order, title, summary, labId, params, controls, text, exercises, source,
                    folder);
        }

        // ---- exercises ----------------------------------------------------------------------------------------

        List<Exercise> exercises(Node node, Lab<?> lab) {
            if (!(node instanceof SequenceNode seq)) {
                problem(line(node), "'exercises' must be a list (each item starts with '- ')");
                return List.of();
            }
            List<Exercise> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    problem(line(item), "each exercise must be a mapping with id, kind, prompt, hint, explanation");
                    continue;
                }
                Exercise e = exercise(map, lab);
                if (e != null) {
                    if (!ids.add(e.id())) {
                        problem(e.common().line(), "exercise id '" + e.id() + "' is used twice in this lesson");
                    } else {
                        out.add(e);
                    }
                }
            }
            return out;
        }

        Exercise exercise(MappingNode map, Lab<?> lab) {
            String kind = string(tuple(map, "kind"), "kind", map, true);
            Set<String> allowed = new HashSet<>(COMMON_KEYS);
            if (kind != null && KIND_KEYS.containsKey(kind)) {
                allowed.addAll(KIND_KEYS.get(kind));
            } else if (kind != null) {
                problem(line(tuple(map, "kind").getValueNode()),
                        "unknown exercise kind '" + kind + "' (use choice, numeric, formula or goal)");
                return null;
            }
            Map<String, NodeTuple> keys = keys(map, allowed, "exercise");
            String id = requiredId(keys, "id", map);
            Localized prompt = localized(keys.get("prompt"), "prompt", map, true);
            Localized hint = localized(keys.get("hint"), "hint", map, true);
            Localized explanation = localized(keys.get("explanation"), "explanation", map, true);
            checkMath(keys.get("prompt"), prompt);
            checkMath(keys.get("hint"), hint);
            checkMath(keys.get("explanation"), explanation);
            Map<String, Double> setup = keys.containsKey("setup")
                    ? paramMap(keys.get("setup").getValueNode(), "setup", lab) : Map.of();
            if (kind == null || id == null) {
                return null;
            }
            Exercise.Common common = new Exercise.Common(id, prompt, hint, explanation, setup, line(map));
            return switch (kind) {
                case "choice" -> choice(common, keys, map);
                case "numeric" -> numeric(common, keys, map, lab);
                case "formula" -> formula(common, keys, map);
                default -> goal(common, keys, map, lab);
            };
        }

        Exercise choice(Exercise.Common common, Map<String, NodeTuple> keys, MappingNode map) {
            NodeTuple choicesTuple = keys.get("choices");
            List<Localized> choices = new ArrayList<>();
            if (choicesTuple == null) {
                problem(line(map), "a choice exercise needs 'choices'");
            } else if (!(choicesTuple.getValueNode() instanceof SequenceNode seq) || seq.getValue().size() < 2) {
                problem(line(choicesTuple.getValueNode()), "'choices' must be a list of at least two options");
            } else {
                for (Node option : seq.getValue()) {
                    Localized text = localizedValue(option, "choice");
                    if (text != null) {
                        choices.add(text);
                    }
                }
            }
            NodeTuple answerTuple = keys.get("answer");
            if (answerTuple == null) {
                problem(line(map), "a choice exercise needs 'answer': the number of the right choice, counting from 0");
                return null;
            }
            double answer = number(answerTuple.getValueNode(), "answer");
            int index = (int) answer;
            if (index != answer || index < 0 || index >= Math.max(choices.size(), 1)) {
                problem(line(answerTuple.getValueNode()), "'answer' must be the index of a choice, from 0 to "
                        + (choices.size() - 1) + " (counting from 0)");
                return null;
            }
            return new Exercise.Choice(common, choices, index);
        }

        Exercise numeric(Exercise.Common common, Map<String, NodeTuple> keys, MappingNode map, Lab<?> lab) {
            NodeTuple answerTuple = keys.get("answer");
            if (answerTuple == null) {
                problem(line(map), "a numeric exercise needs 'answer'");
                return null;
            }
            double answer = number(answerTuple.getValueNode(), "answer");
            double tolerance = keys.containsKey("tolerance")
                    ? number(keys.get("tolerance").getValueNode(), "tolerance") : 1e-6 * Math.max(1, Math.abs(answer));
            if (!(tolerance > 0)) {
                problem(line(keys.get("tolerance").getValueNode()), "'tolerance' must be a positive number");
            }
            String solution = string(keys.get("solution"), "solution", map, true);
            if (solution != null) {
                expression(solution, List.of(), keys.get("solution").getValueNode(), "solution");
            }
            String quantity = null;
            Map<String, Double> checkParams = Map.of();
            if (keys.containsKey("check")) {
                Node check = keys.get("check").getValueNode();
                if (!(check instanceof MappingNode checkMap)) {
                    problem(line(check), "'check' must be a mapping with 'quantity' and optional 'params'");
                } else {
                    Map<String, NodeTuple> checkKeys = keys(checkMap, Set.of("quantity", "params"), "check");
                    quantity = string(checkKeys.get("quantity"), "quantity", checkMap, true);
                    if (quantity != null && lab != null && !probe(lab).quantityNames().contains(quantity)) {
                        problem(line(checkKeys.get("quantity").getValueNode()), "the " + lab.id()
                                + " lab has no quantity '" + quantity + "'");
                    }
                    if (checkKeys.containsKey("params")) {
                        checkParams = paramMap(checkKeys.get("params").getValueNode(), "params", lab);
                    }
                }
            }
            return new Exercise.Numeric(common, answer, tolerance, solution, quantity, checkParams);
        }

        Exercise formula(Exercise.Common common, Map<String, NodeTuple> keys, MappingNode map) {
            String variable = keys.containsKey("variable") ? string(keys.get("variable"), "variable", map, true) : "x";
            if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problem(line(map), "'variable' must be a name such as x");
                return null;
            }
            String answer = string(keys.get("answer"), "answer", map, true);
            String solution = string(keys.get("solution"), "solution", map, true);
            if (answer != null) {
                expression(answer, List.of(variable), keys.get("answer").getValueNode(), "answer");
            }
            if (solution != null) {
                expression(solution, List.of(variable), keys.get("solution").getValueNode(), "solution");
            }
            double from = -5;
            double to = 5;
            if (keys.containsKey("domain")) {
                Node domain = keys.get("domain").getValueNode();
                if (domain instanceof SequenceNode seq && seq.getValue().size() == 2) {
                    from = number(seq.getValue().get(0), "domain");
                    to = number(seq.getValue().get(1), "domain");
                    if (!(from < to)) {
                        problem(line(domain), "'domain' must be [from, to] with from < to");
                    }
                } else {
                    problem(line(domain), "'domain' must be a list of two numbers, e.g. [-3, 3]");
                }
            }
            return answer == null || solution == null ? null
                    : new Exercise.Formula(common, variable, answer, solution, from, to);
        }

        Exercise goal(Exercise.Common common, Map<String, NodeTuple> keys, MappingNode map, Lab<?> lab) {
            String goal = string(keys.get("goal"), "goal", map, true);
            if (goal != null && lab != null) {
                expression(goal, probe(lab).quantityNames(), keys.get("goal").getValueNode(), "goal");
            }
            Map<String, Double> solution = Map.of();
            if (!keys.containsKey("solution")) {
                problem(line(map), "a goal exercise needs 'solution': lab parameters that reach the goal");
            } else {
                solution = paramMap(keys.get("solution").getValueNode(), "solution", lab);
            }
            int steps = 0;
            if (keys.containsKey("steps")) {
                double n = number(keys.get("steps").getValueNode(), "steps");
                if (n != Math.rint(n) || n < 0 || n > 1_000_000) {
                    problem(line(keys.get("steps").getValueNode()), "'steps' must be a whole number from 0 to 1000000");
                } else if (lab != null && !probe(lab).canStep()) {
                    problem(line(keys.get("steps").getValueNode()), "the " + lab.id() + " lab has no step command");
                } else {
                    steps = (int) n;
                }
            }
            return goal == null ? null : new Exercise.Goal(common, goal, solution, steps);
        }

        // ---- values -------------------------------------------------------------------------------------------

        Map<String, NodeTuple> keys(MappingNode map, Set<String> allowed, String what) {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    problem(line(t.getKeyNode()), "keys must be plain names");
                    continue;
                }
                if (!allowed.contains(key.getValue())) {
                    problem(line(key), "unknown key '" + key.getValue() + "' in this " + what + " (known: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                    continue;
                }
                out.put(key.getValue(), t);
            }
            return out;
        }

        NodeTuple tuple(MappingNode map, String key) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t;
                }
            }
            return null;
        }

        String requiredId(Map<String, NodeTuple> keys, String key, Node owner) {
            String id = string(keys.get(key), key, owner, true);
            if (id != null && !ID.matcher(id).matches()) {
                problem(line(keys.get(key).getValueNode()),
                        "'" + id + "' is not a valid id: use lower-case letters, digits and '-'");
                return null;
            }
            return id;
        }

        String string(NodeTuple tuple, String key, Node owner, boolean required) {
            if (tuple == null) {
                if (required) {
                    problem(line(owner), "missing '" + key + "'");
                }
                return null;
            }
            if (tuple.getValueNode() instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                return scalar.getValue().strip();
            }
            problem(line(tuple.getValueNode()), "'" + key + "' must be a non-empty text");
            return null;
        }

        Localized localized(NodeTuple tuple, String key, Node owner, boolean required) {
            if (tuple == null) {
                if (required) {
                    problem(line(owner), "missing '" + key + "' (give it as en: ... and zh: ...)");
                }
                return Localized.EMPTY;
            }
            Localized value = localizedValue(tuple.getValueNode(), key);
            return value == null ? Localized.EMPTY : value;
        }

        /** A plain text (English only) or a mapping {en: ..., zh: ...}. */
        Localized localizedValue(Node node, String key) {
            if (node instanceof ScalarNode scalar) {
                if (scalar.getValue().isBlank()) {
                    problem(line(node), "'" + key + "' is empty");
                    return null;
                }
                return new Localized(scalar.getValue(), null);
            }
            if (node instanceof MappingNode map) {
                Map<String, NodeTuple> langs = keys(map, Set.of("en", "zh"), "text");
                String en = string(langs.get("en"), "en", map, true);
                String zh = langs.containsKey("zh") ? string(langs.get("zh"), "zh", map, false) : null;
                return en == null ? null : new Localized(en, zh);
            }
            problem(line(node), "'" + key + "' must be a text or a mapping with en and zh");
            return null;
        }

        double number(Node node, String key) {
            if (!(node instanceof ScalarNode scalar)) {
                problem(line(node), "'" + key + "' must be a number");
                return Double.NaN;
            }
            try {
                double v = Expression.parse(scalar.getValue(), List.of()).evaluate();
                if (!Double.isFinite(v)) {
                    problem(line(node), "'" + key + "' must be a finite number, not " + scalar.getValue());
                }
                return v;
            } catch (ExpressionException e) {
                problem(line(node), "'" + key + "' must be a number: " + e.getMessage());
                return Double.NaN;
            }
        }

        void expression(String source, List<String> variables, Node node, String key) {
            try {
                Expression.parse(source, variables);
            } catch (ExpressionException e) {
                problem(line(node), "'" + key + "' has an error: " + e.getMessage());
            }
        }

        Map<String, Double> paramMap(Node node, String key, Lab<?> lab) {
            if (!(node instanceof MappingNode map)) {
                problem(line(node), "'" + key + "' must be a mapping of parameter names to numbers");
                return Map.of();
            }
            Map<String, Double> out = new LinkedHashMap<>();
            // A fresh model, since trying values changes it; skipped when not thorough.
            LabModel probe = lab == null || !thorough ? null : lab.createModel();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    problem(line(t.getKeyNode()), "parameter names must be plain names");
                    continue;
                }
                double v = number(t.getValueNode(), k.getValue());
                if (probe != null && Double.isFinite(v)) {
                    try {
                        probe.setParameter(k.getValue(), v);
                    } catch (IllegalArgumentException e) {
                        problem(line(t.getKeyNode()), e.getMessage());
                        continue;
                    }
                }
                out.put(k.getValue(), v);
            }
            return out;
        }

        Set<String> controls(Node node, Lab<?> lab) {
            if (!(node instanceof SequenceNode seq)) {
                problem(line(node), "'controls' must be a list of control names");
                return Set.of();
            }
            Set<String> out = new LinkedHashSet<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    problem(line(item), "each control must be a name");
                    continue;
                }
                if (lab != null && !lab.controlNames().contains(scalar.getValue())) {
                    problem(line(item), "the " + lab.id() + " lab has no control '" + scalar.getValue()
                            + "' (it has: " + String.join(", ", lab.controlNames()) + ")");
                    continue;
                }
                out.add(scalar.getValue());
            }
            return out;
        }

        /** Every $...$ formula must typeset: report bad LaTeX at the line where it stands. */
        void checkMath(NodeTuple tuple, Localized text) {
            if (tuple == null || text == null || !thorough) {
                return;
            }
            if (tuple.getValueNode() instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getValueNode() instanceof ScalarNode sc) {
                        checkMathIn(sc, line(sc));
                    }
                }
            } else if (tuple.getValueNode() instanceof ScalarNode sc) {
                checkMathIn(sc, line(sc));
            }
        }

        private void checkMathIn(ScalarNode scalar, int startLine) {
            // Block scalars (| and >) start their content on the line after the indicator.
            Character style = scalar.getScalarStyle() == null ? null : scalar.getScalarStyle().getChar();
            int offset = style != null && (style == '|' || style == '>') ? 1 : 0;
            for (MathSpan span : MathScanner.findMath(scalar.getValue())) {
                Optional<String> error = MathText.validate(span.latex());
                error.ifPresent(message -> problem(startLine + offset + span.line() - 1,
                        "this formula does not typeset: $" + span.latex() + "$: " + message));
            }
        }
    }
}
