package org.dlmathlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.LabRegistry;
import org.dlmathlab.math.expr.Expression;
import org.junit.jupiter.api.Test;

/** Opens every built-in lesson and solves every exercise with its reference solution. */
class BuiltInLessonsTest {

    private static final LabRegistry LABS = LabRegistry.standard();
    private static final LessonLibrary LIBRARY = LessonLibrary.load(LABS, List.of());

    @Test
    void everyBuiltInLessonLoadsAndProvesItsSolutions() {
        assertEquals(List.of(), LIBRARY.problems());
        Set<String> ids = LIBRARY.lessons().stream().map(Lesson::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("vectors-and-bases", "linear-transformations")), ids.toString());
    }

    @Test
    void everyLessonHasSixMixedExercisesWithTwoGoals() {
        for (Lesson lesson : LIBRARY.lessons()) {
            List<Exercise> ex = lesson.exercises();
            assertTrue(ex.size() >= 6, lesson.id() + " has " + ex.size() + " exercises");
            Set<String> kinds = ex.stream().map(Exercise::kind).collect(Collectors.toSet());
            assertEquals(Set.of("choice", "numeric", "formula", "goal"), kinds, lesson.id());
            assertTrue(ex.stream().filter(e -> e instanceof Exercise.Goal).count() >= 2, lesson.id());
        }
    }

    @Test
    void everyTextIsInBothLanguages() {
        for (Lesson lesson : LIBRARY.lessons()) {
            List<Localized> texts = new ArrayList<>(List.of(lesson.title(), lesson.text()));
            for (Exercise e : lesson.exercises()) {
                texts.addAll(List.of(e.common().prompt(), e.common().hint(), e.common().explanation()));
                if (e instanceof Exercise.Choice c) {
                    texts.addAll(c.choices());
                }
            }
            for (Localized t : texts) {
                assertFalse(t.zh() == null || t.zh().isBlank(), lesson.id() + " lacks Chinese for: " + t.en());
                // Chinese text has hanzi or Chinese punctuation (a choice may be a formula followed by "。").
                assertTrue(t.zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN || Character.UnicodeBlock.of(c)
                        == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION) || t.zh().equals(t.en()),
                        lesson.id() + ": " + t.zh());
            }
        }
    }

    /** Independently of the prover: play each goal's solution in a fresh lab and evaluate the goal directly. */
    @Test
    void everyGoalSolutionReachesItsGoalInAFreshLab() {
        int goals = 0;
        for (Lesson lesson : LIBRARY.lessons()) {
            for (Exercise e : lesson.exercises()) {
                if (e instanceof Exercise.Goal g) {
                    LabModel model = LABS.find(lesson.lab()).orElseThrow().createModel();
                    model.setDefaults(lesson.params());
                    g.common().setup().forEach(model::setParameter);
                    Expression goal = Expression.parse(g.goal(), model.quantityNames());
                    Map<String, Double> before = model.quantities();
                    assertFalse(goal.isTrue(model.quantityVector()), lesson.id() + "/" + g.id() + " at " + before);
                    g.solution().forEach(model::setParameter);
                    for (int i = 0; i < g.steps(); i++) {
                        model.step();
                    }
                    assertTrue(goal.isTrue(model.quantityVector()), lesson.id() + "/" + g.id());
                    goals++;
                }
            }
        }
        assertTrue(goals >= 4);
    }
}
