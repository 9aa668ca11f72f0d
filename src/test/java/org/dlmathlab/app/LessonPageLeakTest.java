package org.dlmathlab.app;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A page the learner has left must be collectable: its text, exercises and lab hook onto the language and theme,
 * and those live as long as the app, so the page listens to page-scoped copies instead.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPageLeakTest {

    private MainWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("dlml-leak");
        AppContext ctx = DlMathLabApp.createContext(CommandLine.parse("--data-dir", data.toString(), "--lang", "en"));
        window = new MainWindow(ctx);
        stage.setScene(DlMathLabApp.createScene(window, 1100, 700));
        stage.show();
    }

    @Test
    void aPageLeftBehindIsCollectedEvenAfterALanguageSwitch(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        WeakReference<javafx.scene.Node>[] holder = new WeakReference[1];
        robot.interact(() -> {
            window.showLesson("linear-transformations");
            window.page().orElseThrow().exercises();
            holder[0] = new WeakReference<>(window.page().orElseThrow().root());
        });
        WeakReference<javafx.scene.Node> first = holder[0];
        WaitForAsyncUtils.waitForFxEvents(5);
        robot.interact(() -> window.showLesson("derivative-as-limit"));
        robot.interact(() -> window.context().i18n().setLang(org.dlmathlab.ui.Lang.ZH));
        // Let the old page's timers and queued work run out, as they would in use.
        WaitForAsyncUtils.waitForFxEvents(10);
        for (int i = 0; i < 20 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNull(first.get(), "the old page's nodes are still reachable");
    }
}
