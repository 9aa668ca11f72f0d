package org.dlmathlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dlmathlab.labs.transform2d.Transform2dView;
import org.dlmathlab.lesson.Exercise;
import org.dlmathlab.lesson.ProgressStore;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window on the headless platform. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    private static final String LESSON = "linear-transformations";
    private Path dataDir;
    private Path extraLessons;
    private AppContext ctx;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataDir = Files.createTempDirectory("dlml-ui-data");
        extraLessons = Files.createTempDirectory("dlml-ui-lessons");
        Path broken = Files.createDirectories(extraLessons.resolve("broken-lesson"));
        Files.writeString(broken.resolve("lesson.yaml"), "id: broken-lesson\ntopic: calculus\ntitle: [oops\n",
                StandardCharsets.UTF_8);
        open(stage);
    }

    private void open(Stage stage) throws Exception {
        // A tooltip left open by the previous test would sit over the window and catch the robot's clicks.
        for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        ctx = DlMathLabApp.createContext(CommandLine.parse("--data-dir", dataDir.toString(), "--lang", "en",
                "--lessons", extraLessons.toString()));
        window = new MainWindow(ctx);
        window.showLesson(LESSON);
        stage.setScene(DlMathLabApp.createScene(window, 1280, 800));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        // When another test started the toolkit, a new stage is not focused by itself: keys would go nowhere.
        stage.toFront();
        stage.requestFocus();
    }

    /** The exercise panes, built on the FX thread (the page builds them lazily). */
    private java.util.List<ExercisePane> panes() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> window.page().orElseThrow().exercises()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Transform2dView labView() {
        return (Transform2dView) window.page().orElseThrow().labView();
    }

    private Point2D screenPoint(double wx, double wy) {
        Viewport vp = labView().plot().viewport();
        return labView().plot().localToScreen(vp.toScreenX(wx), vp.toScreenY(wy));
    }

    @Test
    void draggingIhatMovesTheSlidersAndTheDeterminant(FxRobot robot) {
        robot.interact(() -> window.page().orElseThrow().model().setDefaults(java.util.Map.of()));
        Point2D from = screenPoint(1, 0);
        Point2D to = screenPoint(2, 1);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Transform2dView view = labView();
        assertEquals(2, view.entryField("a").slider().getValue(), 1e-9);
        assertEquals(1, view.entryField("c").slider().getValue(), 1e-9);
        assertEquals("2", view.entryField("a").field().getText());
        assertEquals("2", view.readout("det").getText(), "det = 2*1 - 0*1");
        assertEquals("(2, 1)", view.readout("ihat").getText());
    }

    @Test
    void typingIntoAFieldAcceptsCalculationsAndExplainsTypos(FxRobot robot) {
        Transform2dView view = labView();
        robot.interact(() -> view.entryField("b").field().setText("1/2"));
        robot.interact(() -> view.entryField("b").commitText());
        assertEquals(0.5, window.page().orElseThrow().model().quantity("b"), 1e-12);
        robot.interact(() -> view.entryField("b").field().setText("2*(3"));
        robot.interact(() -> view.entryField("b").commitText());
        assertTrue(view.entryField("b").hasError());
        assertEquals(0.5, window.page().orElseThrow().model().quantity("b"), 1e-12, "a typo changes nothing");
        assertTrue(view.entryField("b").field().getTooltip().getText().contains("never closed"),
                view.entryField("b").field().getTooltip().getText());
    }

    @Test
    void switchingToChineseChangesTheUiAndTheLessonText(FxRobot robot) {
        Button reset = robot.lookup("#reset-lab").queryButton();
        assertEquals("⟲ Reset lab", reset.getText());
        String enText = window.page().orElseThrow().text().getMarkdown();
        robot.clickOn("#transform-plane");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Lang.ZH, ctx.i18n().lang());
        assertEquals("⟲ 重置实验", reset.getText());
        String zhText = window.page().orElseThrow().text().getMarkdown();
        assertNotEquals(enText, zhText);
        assertTrue(zhText.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        Label title = robot.lookup("#lesson-title").queryAs(Label.class);
        assertEquals(window.page().orElseThrow().lesson().title().zh(), title.getText());
        assertEquals("det A", labView().readout("det").getParent().getChildrenUnmodifiable().get(0) instanceof Label l
                ? l.getText() : "");
    }

    @Test
    void aBrokenLessonFileShowsItsErrorCardWhileTheOthersOpen(FxRobot robot) {
        assertEquals(1, ctx.library().errors().size());
        assertFalse(ctx.library().lessons().isEmpty());
        TreeItem<MainWindow.NavItem> problems = window.navigator().getRoot().getChildren()
                .get(window.navigator().getRoot().getChildren().size() - 1);
        robot.interact(() -> window.navigator().getSelectionModel().select(problems.getChildren().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#error-card").tryQuery().isPresent());
        String card = robot.lookup(".error-problem").queryAs(Label.class).getText();
        assertTrue(card.matches("Line \\d+: this is not valid YAML.*"), card);
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("One lesson file has problems"));
        robot.interact(() -> window.showLesson(LESSON));
        assertTrue(robot.lookup("#error-card").tryQuery().isEmpty());
        assertTrue(window.page().isPresent());
    }

    @Test
    void solvingAnExerciseSurvivesARestart(FxRobot robot) throws Exception {
        ExercisePane numeric = panes().stream()
                .filter(p -> p.exercise() instanceof Exercise.Numeric).findFirst().orElseThrow();
        Exercise.Numeric e = (Exercise.Numeric) numeric.exercise();
        robot.interact(() -> numeric.answerField().setText("123456"));
        robot.interact(() -> robot.lookup("#check-" + e.id()).queryButton().fire());
        assertTrue(numeric.feedbackLabel().getStyleClass().contains("feedback-wrong"));
        robot.interact(() -> numeric.answerField().setText(e.solution()));
        robot.interact(() -> numeric.answerField().fireEvent(new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(numeric.feedbackLabel().getStyleClass().contains("feedback-correct"),
                numeric.feedbackLabel().getText());
        assertTrue(new ProgressStore(dataDir.resolve(ProgressStore.FILE_NAME)).isSolved(LESSON, e.id()));
        robot.interact(() -> {
            try {
                open(stage);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        ExercisePane again = panes().stream()
                .filter(p -> p.exercise().id().equals(e.id())).findFirst().orElseThrow();
        assertTrue(again.isSolved());
    }

    @Test
    void aGoalIsCheckedLiveWhileTheLabChanges(FxRobot robot) {
        LessonPage page = window.page().orElseThrow();
        ExercisePane goalPane = panes().stream().filter(p -> p.exercise() instanceof Exercise.Goal)
                .findFirst().orElseThrow();
        Exercise.Goal goal = (Exercise.Goal) goalPane.exercise();
        assertFalse(goalPane.isSolved());
        robot.interact(() -> {
            goal.common().setup().forEach(page.model()::setParameter);
            goal.solution().forEach(page.model()::setParameter);
        });
        assertTrue(goalPane.isSolved(), "reaching the goal state marks it solved");
        Label live = robot.lookup("#goal-live-" + goal.id()).queryAs(Label.class);
        assertTrue(live.getStyleClass().contains("goal-met"));
    }

    @Test
    void aTypoInAFormulaGetsAMessageNotAStackTrace(FxRobot robot) {
        ExercisePane formula = panes().stream()
                .filter(p -> p.exercise() instanceof Exercise.Formula).findFirst().orElseThrow();
        robot.interact(() -> formula.answerField().setText("3x + (2"));
        robot.interact(() -> robot.lookup("#check-" + formula.exercise().id()).queryButton().fire());
        String text = formula.feedbackLabel().getText();
        assertTrue(text.contains("never closed"), text);
        assertFalse(formula.isSolved());
    }

    @Test
    void aSingularMatrixSaysItHasNoInverseAndResetUndoesIt(FxRobot robot) {
        robot.clickOn("#preset-singular");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(labView().statusLabel().getText().contains("No inverse"), labView().statusLabel().getText());
        assertEquals("1", labView().readout("rank").getText());
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", labView().statusLabel().getText());
    }

    @Test
    void manyChangesInOneEventCostOneRedraw(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        long before = labView().plot().paintCount();
        robot.interact(() -> {
            var model = window.page().orElseThrow().model();
            for (int i = 0; i < 20; i++) {
                model.setParameter("a", 1 + i * 0.01);
                model.setParameter("d", 1 - i * 0.01);
            }
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        long paints = labView().plot().paintCount() - before;
        assertTrue(paints >= 1 && paints <= 2, "40 changes drew " + paints + " times");
    }

    @Test
    void keysAnimateFromIdentityAndToggleEigenvectors(FxRobot robot) {
        var model = (org.dlmathlab.labs.transform2d.Transform2dModel) window.page().orElseThrow().model();
        robot.interact(() -> model.setParameter("b", 1));
        robot.clickOn("#transform-plane");
        robot.type(KeyCode.A);
        assertTrue(labView().isAnimating());
        double early = model.morphProperty().get();
        assertTrue(early < 1, "the morph starts from the identity: t = " + early);
        WaitForAsyncUtils.sleep(2200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.morphProperty().get(), 1e-12);
        assertFalse(labView().isAnimating());
        robot.type(KeyCode.E);
        assertTrue(model.showEigenProperty().get());
        robot.type(KeyCode.RIGHT);
        assertEquals(2.1, model.quantity("vx"), 1e-9, "arrow keys nudge the probe by 0.1");
    }

    @Test
    void nextAndPreviousWalkTheLessonsInOrder(FxRobot robot) {
        var ordered = ctx.library().ordered();
        robot.interact(() -> window.showLesson(ordered.get(0)));
        robot.interact(window::next);
        assertEquals(ordered.get(Math.min(1, ordered.size() - 1)).id(), window.page().orElseThrow().lesson().id());
        robot.interact(window::previous);
        assertEquals(ordered.get(0).id(), window.page().orElseThrow().lesson().id());
    }
}
