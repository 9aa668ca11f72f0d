package org.dlmathlab.app;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabModel;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.lesson.Lesson;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.text.MarkdownView;

/** A lesson on screen: its text and exercises on the left, its live lab on the right. */
public final class LessonPage {

    private final Lesson lesson;
    private final LabModel model;
    private final LabView labView;
    private final SplitPane root = new SplitPane();
    private final List<ExercisePane> exercisePanes = new ArrayList<>();
    private final MarkdownView text;
    private final VBox column;
    private final AppContext ctx;
    private boolean disposed;
    private final I18n i18n;
    private final Theme theme;

    public LessonPage(Lesson lesson, AppContext ctx) {
        this.lesson = lesson;
        // Page-scoped language and theme: everything the page hooks onto them goes when the page goes.
        I18n i18n = ctx.i18n().scoped();
        this.i18n = i18n;
        this.theme = ctx.theme().scoped();
        Lab<?> lab = ctx.labs().find(lesson.lab()).orElseThrow();
        model = lab.createModel();
        model.setDefaults(lesson.params());
        labView = lab.createViewFor(model, i18n, theme);
        labView.setVisibleControls(lesson.controls());

        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> lesson.title().get(i18n.lang()),
                i18n.langProperty()));
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        title.setId("lesson-title");
        text = LessonText.view(lesson.text(), i18n, theme, 15);
        text.setId("lesson-text");

        Label exercisesTitle = new Label();
        exercisesTitle.getStyleClass().add("exercises-title");
        exercisesTitle.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("lesson.exercises", ctx.progress().solvedCount(lesson), lesson.exercises().size()),
                i18n.langProperty(), ctx.progress().revisionProperty()));

        VBox column = new VBox(14, title, text, new Separator(), exercisesTitle);
        column.getStyleClass().add("lesson-column");
        column.setPadding(new Insets(18, 20, 28, 20));
        this.column = column;
        this.ctx = ctx;
        // The exercises sit below the lesson text, out of sight at first: build them after the first frame, one
        // per pulse, so a page opens without waiting for a dozen typeset prompts.
        Platform.runLater(this::buildNextExercise);
        ScrollPane scroller = new ScrollPane(column);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("lesson-scroller");
        scroller.setId("lesson-scroller");
        scroller.setMinWidth(260);

        Node labNode = labView.node();
        root.getItems().addAll(scroller, labNode);
        root.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(scroller, false);
        root.getStyleClass().add("lesson-page");
    }

    public Node root() {
        return root;
    }

    public Lesson lesson() {
        return lesson;
    }

    public LabModel model() {
        return model;
    }

    public LabView labView() {
        return labView;
    }

    public MarkdownView text() {
        return text;
    }

    /** Every exercise pane; builds any that are still waiting (tests and snapshots need them all). */
    public List<ExercisePane> exercises() {
        while (exercisePanes.size() < lesson.exercises().size()) {
            addExercise();
        }
        return exercisePanes;
    }

    private void buildNextExercise() {
        if (!disposed && exercisePanes.size() < lesson.exercises().size()) {
            addExercise();
            Platform.runLater(this::buildNextExercise);
        }
    }

    private void addExercise() {
        int index = exercisePanes.size();
        ExercisePane pane = new ExercisePane(lesson.exercises().get(index), index + 1, lesson, model,
                ctx.progress(), i18n, theme);
        exercisePanes.add(pane);
        column.getChildren().add(pane);
    }

    /** Puts the lab back to the lesson's starting state and view ("undo a slip"). */
    public void resetLab() {
        model.reset();
        labView.resetView();
    }

    public void dispose() {
        disposed = true;
        labView.dispose();
        exercisePanes.forEach(ExercisePane::dispose);
        i18n.release();
        theme.release();
    }
}
