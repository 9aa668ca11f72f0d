package org.dlmathlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.lesson.Exercise;
import org.dlmathlab.lesson.ExerciseChecker;
import org.dlmathlab.lesson.Feedback;
import org.dlmathlab.lesson.Lesson;
import org.dlmathlab.lesson.Localized;
import org.dlmathlab.lesson.ProgressStore;
import org.dlmathlab.math.expr.Expression;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.text.MarkdownView;

/**
 * One exercise on the lesson page: prompt, the input its kind needs, Check, a hint on demand, immediate feedback, the
 * explanation once solved, and the reference solution on request. Goal exercises are checked live against the lab.
 */
public final class ExercisePane extends VBox {

    private final Exercise exercise;
    private final Lesson lesson;
    private final LabModel model;
    private final ProgressStore progress;
    private final I18n i18n;
    private final Label feedbackLabel = new Label();
    private final Theme theme;
    private final Label badge = new Label();
    private final VBox explanationBox = new VBox();
    private final VBox hintBox = new VBox();
    private final VBox solutionBox = new VBox(6);
    private Feedback lastFeedback;
    private TextField answerField;
    private ToggleGroup choiceGroup;
    private Expression goal;
    private InvalidationListener goalListener;

    public ExercisePane(Exercise exercise, int number, Lesson lesson, LabModel model, ProgressStore progress, I18n i18n,
                        Theme theme) {
        this.exercise = exercise;
        this.lesson = lesson;
        this.model = model;
        this.progress = progress;
        this.i18n = i18n;
        setSpacing(8);
        getStyleClass().addAll("exercise", "exercise-" + exercise.kind());
        setId("exercise-" + exercise.id());

        Label title = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("exercise.title", number, i18n.get("exercise.kind." + exercise.kind())),
                i18n.langProperty()));
        title.getStyleClass().add("exercise-title");
        badge.getStyleClass().add("exercise-badge");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, badge);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, LessonText.view(exercise.common().prompt(), i18n, theme, 14));

        getChildren().add(input(theme));

        feedbackLabel.setWrapText(true);
        feedbackLabel.getStyleClass().add("feedback");
        feedbackLabel.setId("feedback-" + exercise.id());
        feedbackLabel.setMinHeight(Region.USE_PREF_SIZE);
        // An empty feedback line would leave a gap between the answer and the buttons.
        feedbackLabel.managedProperty().bind(feedbackLabel.textProperty().isNotEmpty());
        feedbackLabel.visibleProperty().bind(feedbackLabel.textProperty().isNotEmpty());

        Button hint = smallButton("exercise.hint", "exercise.hint.tooltip");
        hint.setOnAction(e -> {
            // Built on first use: most hints are never opened, and each is a typeset page of its own.
            if (hintBox.getChildren().isEmpty()) {
                hintBox.getChildren().add(LessonText.view(exercise.common().hint(), i18n, theme, 13.5));
            }
            toggle(hintBox);
        });
        Button solution = smallButton("exercise.showSolution", "exercise.showSolution.tooltip");
        solution.setOnAction(e -> {
            if (solutionBox.getChildren().isEmpty()) {
                buildSolution(theme);
            }
            toggle(solutionBox);
        });
        HBox actions = new HBox(8, hint, solution);
        actions.setAlignment(Pos.CENTER_LEFT);

        hintBox.getStyleClass().add("exercise-hint");
        explanationBox.getStyleClass().add("exercise-explanation");
        solutionBox.getStyleClass().add("exercise-solution");
        this.theme = theme;
        for (VBox box : List.of(hintBox, explanationBox, solutionBox)) {
            box.setVisible(false);
            box.setManaged(false);
        }
        getChildren().addAll(feedbackLabel, actions, hintBox, solutionBox, explanationBox);

        i18n.langProperty().addListener(o -> {
            showFeedback(lastFeedback);
            refreshBadge();
        });
        refreshBadge();
        if (isSolved()) {
            show(explanationBox, true);
        }
    }

    public Exercise exercise() {
        return exercise;
    }

    public boolean isSolved() {
        return progress.isSolved(lesson.id(), exercise.id());
    }

    public Label feedbackLabel() {
        return feedbackLabel;
    }

    public TextField answerField() {
        return answerField;
    }

    /** Stops listening to the lab (the page is going away). */
    public void dispose() {
        if (goalListener != null) {
            model.changes().removeListener(goalListener);
        }
    }

    private Region input(Theme theme) {
        if (exercise instanceof Exercise.Choice c) {
            VBox box = new VBox(6);
            choiceGroup = new ToggleGroup();
            for (int i = 0; i < c.choices().size(); i++) {
                RadioButton option = new RadioButton();
                HBox label = new HBox(LessonText.view(c.choices().get(i), i18n, theme, 14));
                label.setPadding(new javafx.geometry.Insets(0, 0, 0, 6));
                option.setGraphic(label);
                option.setUserData(i);
                option.setToggleGroup(choiceGroup);
                option.setId("choice-" + exercise.id() + "-" + i);
                option.setWrapText(true);
                box.getChildren().add(option);
            }
            Button check = checkButton();
            check.setOnAction(e -> {
                int selected = choiceGroup.getSelectedToggle() == null ? -1
                        : (int) choiceGroup.getSelectedToggle().getUserData();
                record(ExerciseChecker.checkChoice(c, selected));
            });
            box.getChildren().add(check);
            return box;
        }
        if (exercise instanceof Exercise.Goal g) {
            return goalInput(g);
        }
        answerField = new TextField();
        answerField.setId("answer-" + exercise.id());
        HBox.setHgrow(answerField, Priority.ALWAYS);
        Label prefix = new Label();
        Button check = checkButton();
        if (exercise instanceof Exercise.Formula f) {
            prefix.setText(f.variable() + " ↦");
            answerField.promptTextProperty().bind(i18n.bind("exercise.formula.prompt", f.variable()));
            answerField.setTooltip(tooltip("exercise.formula.tooltip"));
            check.setOnAction(e -> record(ExerciseChecker.checkFormula(f, answerField.getText())));
        } else {
            Exercise.Numeric n = (Exercise.Numeric) exercise;
            answerField.promptTextProperty().bind(i18n.bind("exercise.numeric.prompt"));
            answerField.setTooltip(tooltip("exercise.numeric.tooltip"));
            check.setOnAction(e -> record(ExerciseChecker.checkNumeric(n, answerField.getText())));
        }
        answerField.setOnAction(e -> check.fire());
        HBox row = new HBox(8);
        if (!prefix.getText().isEmpty()) {
            row.getChildren().add(prefix);
        }
        row.getChildren().addAll(answerField, check);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Region goalInput(Exercise.Goal g) {
        goal = ExerciseChecker.compileGoal(g, model);
        VBox box = new VBox(6);
        Label live = new Label();
        live.getStyleClass().add("goal-live");
        live.setId("goal-live-" + exercise.id());
        live.setWrapText(true);
        live.setMinHeight(Region.USE_PREF_SIZE);
        Boolean[] shown = {null};
        Runnable update = () -> {
            boolean reached = ExerciseChecker.goalReached(goal, model);
            // Touch the label only when the verdict flips: a label that changes every frame while the learner
            // drags would make the whole lesson column repaint each frame.
            if (shown[0] == null || shown[0] != reached) {
                shown[0] = reached;
                live.setText(i18n.get(reached ? "exercise.goal.met" : "exercise.goal.notMet"));
                live.getStyleClass().removeAll("goal-met", "goal-not-met");
                live.getStyleClass().add(reached ? "goal-met" : "goal-not-met");
            }
            if (reached && !isSolved()) {
                record(Feedback.right());
            }
        };
        goalListener = o -> update.run();
        model.changes().addListener(goalListener);
        i18n.langProperty().addListener(o -> {
            shown[0] = null;
            update.run();
        });
        if (!g.common().setup().isEmpty()) {
            Button load = smallButton("exercise.goal.load", "exercise.goal.load.tooltip");
            load.setOnAction(e -> g.common().setup().forEach(model::setParameter));
            box.getChildren().add(load);
        }
        box.getChildren().add(live);
        // Only report, never mark solved, for a state the learner did not reach by acting.
        boolean reached = ExerciseChecker.goalReached(goal, model);
        shown[0] = reached;
        live.setText(i18n.get(reached ? "exercise.goal.met" : "exercise.goal.notMet"));
        live.getStyleClass().add(reached ? "goal-met" : "goal-not-met");
        return box;
    }

    private void buildSolution(Theme theme) {
        if (exercise instanceof Exercise.Choice c) {
            solutionBox.getChildren().add(LessonText.view(prefixed(c.choices().get(c.answer())), i18n, theme, 13.5));
        } else if (exercise instanceof Exercise.Numeric n) {
            solutionBox.getChildren().add(code(n.solution() + " = " + Format.num(n.answer(), 6)));
        } else if (exercise instanceof Exercise.Formula f) {
            solutionBox.getChildren().add(code(f.variable() + " ↦ " + f.solution()));
        } else {
            Exercise.Goal g = (Exercise.Goal) exercise;
            String params = g.solution().entrySet().stream().map(e -> e.getKey() + " = " + Format.num(e.getValue(), 6))
                    .collect(Collectors.joining(",  ")) + (g.steps() > 0 ? i18n.get("exercise.goal.steps", g.steps())
                    : "");
            Button apply = smallButton("exercise.goal.apply", "exercise.goal.apply.tooltip");
            apply.setId("apply-solution-" + exercise.id());
            apply.setOnAction(e -> applySolution(g.solution(), g.steps()));
            solutionBox.getChildren().addAll(code(params), apply);
        }
    }

    /** Shows the reference state in the lab; the exercise is marked solved only when the learner gets there. */
    private void applySolution(Map<String, Double> solution, int steps) {
        model.changes().removeListener(goalListener);
        try {
            solution.forEach(model::setParameter);
            for (int i = 0; i < steps; i++) {
                model.step();
            }
        } finally {
            model.changes().addListener(goalListener);
        }
        showFeedback(Feedback.wrong("exercise.goal.shown"));
    }

    private static Localized prefixed(Localized text) {
        return new Localized("✓ " + text.en(), text.zh() == null ? null : "✓ " + text.zh());
    }

    private static Label code(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("exercise-code");
        label.setWrapText(true);
        return label;
    }

    private void record(Feedback feedback) {
        showFeedback(feedback);
        if (feedback.correct()) {
            progress.markSolved(lesson.id(), exercise.id());
            show(explanationBox, true);
            refreshBadge();
        }
    }

    private void showFeedback(Feedback feedback) {
        lastFeedback = feedback;
        feedbackLabel.getStyleClass().removeAll("feedback-correct", "feedback-wrong");
        if (feedback == null) {
            feedbackLabel.setText("");
            return;
        }
        List<Object> args = new ArrayList<>();
        for (Object arg : feedback.args()) {
            args.add(arg instanceof Double d ? Format.num(d, 4) : arg);
        }
        feedbackLabel.setText(i18n.get(feedback.key(), args.toArray()));
        feedbackLabel.getStyleClass().add(feedback.correct() ? "feedback-correct" : "feedback-wrong");
    }

    private void refreshBadge() {
        badge.setText(isSolved() ? i18n.get("exercise.solved") : "");
    }

    private Button checkButton() {
        Button check = new Button();
        check.textProperty().bind(i18n.bind("exercise.check"));
        check.setTooltip(tooltip("exercise.check.tooltip"));
        check.setDefaultButton(false);
        check.setId("check-" + exercise.id());
        check.getStyleClass().add("check-button");
        return check;
    }

    private Button smallButton(String key, String tipKey) {
        Button b = new Button();
        b.textProperty().bind(i18n.bind(key));
        b.setTooltip(tooltip(tipKey));
        b.getStyleClass().add("small-button");
        return b;
    }

    private Tooltip tooltip(String key) {
        return Tips.of(i18n, key);
    }

    private void toggle(VBox box) {
        show(box, !box.isVisible());
    }

    private void show(VBox box, boolean visible) {
        if (visible && box == explanationBox && box.getChildren().isEmpty()) {
            box.getChildren().add(LessonText.view(exercise.common().explanation(), i18n, theme, 13.5));
        }
        box.setVisible(visible);
        box.setManaged(visible);
    }
}
