package org.dlmathlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dlmathlab.labs.LabRegistry;
import org.junit.jupiter.api.Test;

class LessonLoaderTest {

    static final String VALID = """
            id: sample
            topic: linear-algebra
            order: 5
            title: {en: Sample, zh: 示例}
            lab: transform2d
            params: {a: 2, d: 1}
            controls: [matrix, readouts]
            text:
              en: |
                The matrix $A$ has $\\det A = ad - bc$.
              zh: |
                矩阵 $A$ 的行列式是 $ad - bc$。
            exercises:
              - id: pick
                kind: choice
                prompt: {en: Pick, zh: 选}
                choices: [{en: one, zh: 一}, {en: two, zh: 二}]
                answer: 1
                hint: {en: h, zh: 提示}
                explanation: {en: e, zh: 解释}
              - id: det
                kind: numeric
                prompt: {en: 'det?', zh: 行列式？}
                answer: 2
                tolerance: 0.01
                solution: "2*1 - 0*0"
                check: {quantity: det}
                hint: h
                explanation: e
              - id: slope
                kind: formula
                prompt: slope
                answer: "6x - 4"
                solution: "6*x-4"
                domain: [-2, 2]
                hint: h
                explanation: e
              - id: flip
                kind: goal
                prompt: flip it
                goal: "det < -0.5"
                solution: {a: -1}
                hint: h
                explanation: e
            """;

    private final LessonLoader loader = new LessonLoader(LabRegistry.standard());

    private LessonLoader.Result load(String text) {
        return loader.load(text, "test.yaml", "sample", Optional.empty());
    }

    @Test
    void aValidLessonLoadsWithEveryKindOfExercise() {
        LessonLoader.Result r = load(VALID);
        assertEquals(List.of(), r.problems());
        Lesson lesson = r.lesson().orElseThrow();
        assertEquals("sample", lesson.id());
        assertEquals(Topic.LINEAR_ALGEBRA, lesson.topic());
        assertEquals(2.0, lesson.params().get("a"));
        assertEquals(4, lesson.exercises().size());
        assertTrue(lesson.exercises().get(0) instanceof Exercise.Choice c && c.answer() == 1);
        assertTrue(lesson.exercises().get(1) instanceof Exercise.Numeric n && n.checkQuantity().equals("det"));
        assertTrue(lesson.exercises().get(2) instanceof Exercise.Formula f && f.from() == -2 && f.to() == 2);
        assertTrue(lesson.exercises().get(3) instanceof Exercise.Goal);
        assertEquals("示例", lesson.title().zh());
        assertEquals("slope", lesson.exercises().get(2).common().prompt().en());
        assertEquals(List.of(), SolutionProver.prove(lesson, LabRegistry.standard()));
    }

    @Test
    void malformedYamlNamesTheLine() {
        String broken = VALID.replace("order: 5", "order: [5");
        LessonLoader.Result r = load(broken);
        assertTrue(r.lesson().isEmpty());
        assertEquals(1, r.problems().size());
        LessonProblem p = r.problems().get(0);
        assertTrue(p.line() >= 3 && p.line() <= 5, "line near the broken flow sequence: " + p);
        assertTrue(p.message().contains("not valid YAML"), p.message());
        assertTrue(p.toString().startsWith("test.yaml:"), p.toString());
    }

    @Test
    void everyProblemIsReportedWithItsOwnLine() {
        String bad = VALID
                .replace("lab: transform2d", "lab: transform2d\ncolour: blue")
                .replace("controls: [matrix, readouts]", "controls: [matrix, sliders]")
                .replace("goal: \"det < -0.5\"", "goal: \"det < -0.5 and ztuff > 1\"")
                .replace("answer: \"6x - 4\"", "answer: \"6x - \"");
        LessonLoader.Result r = load(bad);
        assertTrue(r.lesson().isEmpty());
        List<String> messages = r.problems().stream().map(LessonProblem::toString).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("test.yaml:6: unknown key 'colour'"), messages.get(0));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("test.yaml:8: ") && m.contains("no control 'sliders'")),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("'answer' has an error")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("ztuff")), messages.toString());
    }

    @Test
    void unknownLabTopicAndParameterAreExplained() {
        String bad = VALID.replace("topic: linear-algebra", "topic: algebra")
                .replace("params: {a: 2, d: 1}", "params: {a: 2, q: 1, b: 99}");
        List<String> messages = load(bad).problems().stream().map(LessonProblem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("unknown topic 'algebra'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("no parameter 'q'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("b must be between -10 and 10")), messages.toString());
    }

    @Test
    void badLatexIsReportedAtItsLine() {
        String bad = VALID.replace("The matrix $A$ has", "The matrix $\\notacommand A$ has");
        List<LessonProblem> problems = load(bad).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(10, problems.get(0).line(), problems.toString());
        assertTrue(problems.get(0).message().contains("does not typeset"));
    }

    @Test
    void idMustMatchFolderAndExercisesNeedTheirParts() {
        LessonLoader.Result r = loader.load(VALID, "x.yaml", "other-name", Optional.empty());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("must match the lesson's folder")));
        String missing = VALID.replace("    answer: 1\n", "    answer: 7\n").replace("    hint: h\n    explanation: e\n  - id: slope",
                "    explanation: e\n  - id: slope");
        List<String> messages = load(missing).problems().stream().map(LessonProblem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("index of a choice")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.equals("missing 'hint' (give it as en: ... and zh: ...)")),
                messages.toString());
    }

    @Test
    void yamlCannotConstructObjects() {
        String attack = VALID.replace("order: 5", "order: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader []]");
        LessonLoader.Result r = load(attack);
        assertTrue(r.lesson().isEmpty(), "a tagged node is not a number");
        assertFalse(r.problems().isEmpty());
    }
}
