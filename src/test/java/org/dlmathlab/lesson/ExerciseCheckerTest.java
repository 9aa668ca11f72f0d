package org.dlmathlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dlmathlab.labs.transform2d.Transform2dModel;
import org.dlmathlab.math.expr.Expression;
import org.junit.jupiter.api.Test;

class ExerciseCheckerTest {

    private static final Exercise.Common COMMON = new Exercise.Common("x", Localized.EMPTY, Localized.EMPTY,
            Localized.EMPTY, Map.of(), 1);

    @Test
    void numericAnswersMayBeCalculations() {
        Exercise.Numeric e = new Exercise.Numeric(COMMON, 0.5, 1e-3, "1/2", null, Map.of());
        assertTrue(ExerciseChecker.checkNumeric(e, "0.5").correct());
        assertTrue(ExerciseChecker.checkNumeric(e, "1/2").correct());
        assertTrue(ExerciseChecker.checkNumeric(e, "sin(pi/6)").correct());
        Feedback close = ExerciseChecker.checkNumeric(e, "0.51");
        assertEquals("feedback.numeric.close", close.key());
        Feedback wrong = ExerciseChecker.checkNumeric(e, "3");
        assertEquals("feedback.numeric.wrong", wrong.key());
        assertEquals(List.of(3.0), wrong.args());
        assertEquals("feedback.empty", ExerciseChecker.checkNumeric(e, "  ").key());
        Feedback typo = ExerciseChecker.checkNumeric(e, "1/(2");
        assertFalse(typo.correct());
        assertEquals("expr.error.MISSING_CLOSING_PARENTHESIS", typo.key());
        assertEquals(3, typo.args().get(1), "1-based column of the unclosed parenthesis");
        assertEquals("feedback.numeric.notFinite", ExerciseChecker.checkNumeric(e, "1/0").key());
    }

    @Test
    void formulasAreComparedAsFunctions() {
        Exercise.Formula f = new Exercise.Formula(COMMON, "x", "6x - 4", "6*x - 4", -3, 3);
        assertTrue(ExerciseChecker.checkFormula(f, "2(3x - 2)").correct());
        assertTrue(ExerciseChecker.checkFormula(f, "-4 + x*6").correct());
        Feedback wrong = ExerciseChecker.checkFormula(f, "6x + 4");
        assertFalse(wrong.correct());
        assertEquals("feedback.formula.wrong", wrong.key());
        double x = (Double) wrong.args().get(1);
        assertEquals(6 * x - 4, (Double) wrong.args().get(2), 1e-9, "the expected value at the reported x");
        assertEquals(6 * x + 4, (Double) wrong.args().get(3), 1e-9, "the learner's value at the reported x");
        Feedback unknown = ExerciseChecker.checkFormula(f, "6y - 4");
        assertEquals("expr.error.UNKNOWN_NAME", unknown.key());
        assertEquals("y", unknown.args().get(0));
    }

    @Test
    void choicesAndGoals() {
        Exercise.Choice c = new Exercise.Choice(COMMON, List.of(Localized.EMPTY, Localized.EMPTY), 1);
        assertTrue(ExerciseChecker.checkChoice(c, 1).correct());
        assertFalse(ExerciseChecker.checkChoice(c, 0).correct());
        assertEquals("feedback.choice.none", ExerciseChecker.checkChoice(c, -1).key());

        Transform2dModel model = new Transform2dModel();
        Exercise.Goal g = new Exercise.Goal(COMMON, "abs(ihat_x - 1) < 0.05 and abs(ihat_y - 2) < 0.05",
                Map.of("a", 1.0, "c", 2.0), 0);
        Expression goal = ExerciseChecker.compileGoal(g, model);
        assertFalse(ExerciseChecker.goalReached(goal, model));
        model.setIhat(1.02, 1.98);
        assertTrue(ExerciseChecker.goalReached(goal, model));
    }
}
