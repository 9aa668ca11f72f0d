package org.dlmathlab.lesson;

import java.util.List;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.math.expr.Equivalence;
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.math.expr.ExpressionException;

/**
 * Checks a learner's answer against an exercise. Numeric answers may be typed as expressions ("2*3 - 4"); formulas
 * are compared with the reference at {@value #FORMULA_POINTS} points of the exercise's domain.
 */
public final class ExerciseChecker {

    public static final int FORMULA_POINTS = 64;
    private static final double FORMULA_ABS_TOL = 1e-6;
    private static final double FORMULA_REL_TOL = 1e-6;

    private ExerciseChecker() {
    }

    public static Feedback checkChoice(Exercise.Choice e, int selected) {
        if (selected < 0 || selected >= e.choices().size()) {
            return Feedback.wrong("feedback.choice.none");
        }
        return selected == e.answer() ? Feedback.right() : Feedback.wrong("feedback.choice.wrong");
    }

    public static Feedback checkNumeric(Exercise.Numeric e, String typed) {
        if (typed == null || typed.isBlank()) {
            return Feedback.wrong("feedback.empty");
        }
        double value;
        try {
            value = Expression.parse(typed, List.of()).evaluate();
        } catch (ExpressionException ex) {
            return expressionError(ex);
        }
        if (!Double.isFinite(value)) {
            return Feedback.wrong("feedback.numeric.notFinite");
        }
        if (Math.abs(value - e.answer()) <= e.tolerance()) {
            return Feedback.right();
        }
        if (Math.abs(value - e.answer()) <= 20 * e.tolerance()) {
            return Feedback.wrong("feedback.numeric.close", value);
        }
        return Feedback.wrong("feedback.numeric.wrong", value);
    }

    public static Feedback checkFormula(Exercise.Formula e, String typed) {
        if (typed == null || typed.isBlank()) {
            return Feedback.wrong("feedback.empty");
        }
        Expression candidate;
        try {
            candidate = Expression.parse(typed, List.of(e.variable()));
        } catch (ExpressionException ex) {
            return expressionError(ex);
        }
        Expression reference = Expression.parse(e.answer(), List.of(e.variable()));
        Equivalence.Result result = Equivalence.compare(reference, candidate, e.from(), e.to(), FORMULA_POINTS,
                FORMULA_ABS_TOL, FORMULA_REL_TOL);
        if (result.equivalent()) {
            return Feedback.right();
        }
        return Feedback.wrong("feedback.formula.wrong", e.variable(), result.worstX(), result.expected(),
                result.actual());
    }

    /** Compiles a goal against a model's quantities; evaluate it with {@link #goalReached}. */
    public static Expression compileGoal(Exercise.Goal e, LabModel model) {
        return Expression.parse(e.goal(), model.quantityNames());
    }

    public static boolean goalReached(Expression goal, LabModel model) {
        return goal.isTrue(model.quantityVector());
    }

    /** A typing error, worded for the learner: key expr.error.KIND with (detail, 1-based column). */
    public static Feedback expressionError(ExpressionException ex) {
        return Feedback.wrong("expr.error." + ex.kind().name(), ex.detail(), ex.position() + 1);
    }
}
