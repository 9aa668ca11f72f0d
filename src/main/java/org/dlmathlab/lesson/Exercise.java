package org.dlmathlab.lesson;

import java.util.List;
import java.util.Map;

/**
 * One exercise of a lesson. Four kinds, as a learner meets them: a concept question with choices, a number within a
 * tolerance, a typed formula in one variable, and a goal state to reach in the lab.
 */
public sealed interface Exercise
        permits Exercise.Choice, Exercise.Numeric, Exercise.Formula, Exercise.Goal {

    /** What every kind shares. {@code setup} holds lab parameters the exercise loads when the learner opens it. */
    record Common(String id, Localized prompt, Localized hint, Localized explanation, Map<String, Double> setup,
                  int line) {
        public Common {
            setup = Map.copyOf(setup);
        }
    }

    Common common();

    default String id() {
        return common().id();
    }

    /** The kind's name as in lesson files. */
    String kind();

    /** Pick the right option; {@code answer} is the zero-based index of the correct choice. */
    record Choice(Common common, List<Localized> choices, int answer) implements Exercise {
        public Choice {
            choices = List.copyOf(choices);
        }

        @Override
        public String kind() {
            return "choice";
        }
    }

    /**
     * Type a number; right when within {@code tolerance} of {@code answer}. {@code solution} is what a learner could
     * type (an expression such as "2*3 - 1*4"). When {@code checkQuantity} is set, the checker also proves that the
     * lab, with {@code checkParams} applied, shows that quantity equal to the answer.
     */
    record Numeric(Common common, double answer, double tolerance, String solution, String checkQuantity,
                   Map<String, Double> checkParams) implements Exercise {
        public Numeric {
            checkParams = Map.copyOf(checkParams);
        }

        @Override
        public String kind() {
            return "numeric";
        }
    }

    /** Type a formula in {@code variable}; right when it agrees with {@code answer} at many points of [from, to]. */
    record Formula(Common common, String variable, String answer, String solution, double from, double to)
            implements Exercise {
        @Override
        public String kind() {
            return "formula";
        }
    }

    /**
     * Reach a state in the lab: {@code goal} is a condition over the lab's named quantities, checked live. The
     * reference {@code solution} is a set of parameter values that reaches it, followed by {@code steps} runs of the
     * lab's step command (for labs that run a process, such as gradient descent).
     */
    record Goal(Common common, String goal, Map<String, Double> solution, int steps) implements Exercise {
        public Goal {
            solution = Map.copyOf(solution);
        }

        @Override
        public String kind() {
            return "goal";
        }
    }
}
