package org.dlmathlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.LabRegistry;
import org.dlmathlab.math.expr.Expression;

/**
 * Proves every exercise of a lesson solvable: its reference solution passes the same checker the learner faces, and a
 * goal is not already met before the learner does anything. {@code --check} and a test run this over every lesson.
 */
public final class SolutionProver {

    private SolutionProver() {
    }

    public static List<LessonProblem> prove(Lesson lesson, LabRegistry labs) {
        List<LessonProblem> problems = new ArrayList<>();
        Lab<?> lab = labs.find(lesson.lab()).orElse(null);
        if (lab == null) {
            problems.add(new LessonProblem(lesson.source(), 1, "unknown lab '" + lesson.lab() + "'"));
            return problems;
        }
        for (Exercise exercise : lesson.exercises()) {
            try {
                String failure = prove(exercise, lesson, lab);
                if (failure != null) {
                    problems.add(new LessonProblem(lesson.source(), exercise.common().line(),
                            "exercise '" + exercise.id() + "': " + failure));
                }
            } catch (RuntimeException e) {
                problems.add(new LessonProblem(lesson.source(), exercise.common().line(),
                        "exercise '" + exercise.id() + "': its reference solution could not be checked: "
                                + e.getMessage()));
            }
        }
        return problems;
    }

    private static String prove(Exercise exercise, Lesson lesson, Lab<?> lab) {
        if (exercise instanceof Exercise.Choice c) {
            return proveChoice(c);
        } else if (exercise instanceof Exercise.Numeric n) {
            return proveNumeric(n, lesson, lab);
        } else if (exercise instanceof Exercise.Formula f) {
            return proveFormula(f);
        }
        return proveGoal((Exercise.Goal) exercise, lesson, lab);
    }

    private static String proveChoice(Exercise.Choice c) {
        if (!ExerciseChecker.checkChoice(c, c.answer()).correct()) {
            return "the marked answer is not accepted";
        }
        for (int i = 0; i < c.choices().size(); i++) {
            if (i != c.answer() && ExerciseChecker.checkChoice(c, i).correct()) {
                return "choice " + i + " is accepted too";
            }
        }
        return null;
    }

    private static String proveNumeric(Exercise.Numeric n, Lesson lesson, Lab<?> lab) {
        Feedback f = ExerciseChecker.checkNumeric(n, n.solution());
        if (!f.correct()) {
            double value = Expression.parse(n.solution(), List.of()).evaluate();
            return "the solution '" + n.solution() + "' gives " + value + ", not the answer " + n.answer()
                    + " (tolerance " + n.tolerance() + ")";
        }
        if (n.checkQuantity() != null) {
            LabModel model = lab.createModel();
            model.setDefaults(lesson.params());
            applyAll(model, n.common().setup());
            applyAll(model, n.checkParams());
            double shown = model.quantity(n.checkQuantity());
            if (!(Math.abs(shown - n.answer()) <= n.tolerance())) {
                return "the lab shows " + n.checkQuantity() + " = " + shown + " but the answer says " + n.answer();
            }
        }
        return null;
    }

    private static String proveFormula(Exercise.Formula f) {
        if (!ExerciseChecker.checkFormula(f, f.solution()).correct()) {
            return "the solution '" + f.solution() + "' does not match the answer '" + f.answer() + "'";
        }
        // The checker must also be able to say no: a formula off by one must be rejected.
        if (ExerciseChecker.checkFormula(f, "(" + f.answer() + ") + 1").correct()) {
            return "the checker accepts a wrong formula; is the domain [" + f.from() + ", " + f.to() + "] usable?";
        }
        return null;
    }

    private static String proveGoal(Exercise.Goal g, Lesson lesson, Lab<?> lab) {
        LabModel model = lab.createModel();
        model.setDefaults(lesson.params());
        applyAll(model, g.common().setup());
        Expression goal = ExerciseChecker.compileGoal(g, model);
        if (ExerciseChecker.goalReached(goal, model)) {
            return "the goal is already met at the start, before the learner does anything";
        }
        applyAll(model, g.solution());
        for (int i = 0; i < g.steps(); i++) {
            model.step();
        }
        if (!ExerciseChecker.goalReached(goal, model)) {
            return "the reference solution " + g.solution() + (g.steps() > 0 ? " with " + g.steps() + " steps" : "")
                    + " does not reach the goal '" + g.goal() + "'";
        }
        return null;
    }

    private static void applyAll(LabModel model, Map<String, Double> params) {
        params.forEach(model::setParameter);
    }
}
