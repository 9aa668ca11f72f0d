package org.dlmathlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.dlmathlab.labs.LabRegistry;
import org.junit.jupiter.api.Test;

class SolutionProverTest {

    private static List<LessonProblem> prove(String yaml) {
        LabRegistry labs = LabRegistry.standard();
        Lesson lesson = new LessonLoader(labs).load(yaml, "t.yaml", "sample", Optional.empty()).lesson().orElseThrow();
        return SolutionProver.prove(lesson, labs);
    }

    @Test
    void aGoalAlreadyMetAtTheStartIsAProblem() {
        List<LessonProblem> problems = prove(LessonLoaderTest.VALID.replace("goal: \"det < -0.5\"", "goal: \"det > 0\""));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("already met at the start"));
    }

    @Test
    void aSolutionThatMissesTheGoalIsAProblem() {
        List<LessonProblem> problems = prove(LessonLoaderTest.VALID.replace("solution: {a: -1}", "solution: {a: 0.5}"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("does not reach the goal"), problems.toString());
    }

    @Test
    void aNumericAnswerTheLabContradictsIsAProblem() {
        List<LessonProblem> problems = prove(LessonLoaderTest.VALID
                .replace("answer: 2\n", "answer: 3\n").replace("solution: \"2*1 - 0*0\"", "solution: \"3\""));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("the lab shows det = 2.0"), problems.toString());
    }

    @Test
    void aWrongFormulaSolutionIsAProblem() {
        List<LessonProblem> problems = prove(LessonLoaderTest.VALID.replace("solution: \"6*x-4\"", "solution: \"6*x+4\""));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("does not match the answer"));
    }
}
