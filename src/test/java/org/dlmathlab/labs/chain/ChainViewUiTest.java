package org.dlmathlab.labs.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dlmathlab.app.DlMathLabApp;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the chain lab headless: the two passes, the palette, selecting and removing a link, the k field, keys. */
@ExtendWith(ApplicationExtension.class)
class ChainViewUiTest {

    private ChainModel model;
    private ChainView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Start
    void start(Stage stage) {
        for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        Fonts.loadBundled();
        model = new ChainModel();
        model.setDefaults(Map.of());
        view = new ChainView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1000, 760);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        stage.toFront();
    }

    private void waitForPasses() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.isAnimating());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String readout(int i) {
        return view.readouts().get(i).getText();
    }

    @Test
    void forwardRevealsValuesThenBackwardRevealsProducts(FxRobot robot) throws Exception {
        assertEquals(0, view.shownForward(), "nothing computed at the start");
        assertEquals("?", readout(0));
        robot.clickOn("#chain-forward");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isAnimating(), "the forward pass plays one node at a time");
        waitForPasses();
        assertEquals(1, model.reveal());
        assertEquals(2, view.shownForward(), "both link outputs shown");
        assertEquals(0, view.shownBackward(), "no blame passed back yet");
        assertEquals("4", readout(0), "z = (2·1)²");
        assertEquals("?", readout(1), "dz/dx waits for the backward pass");
        robot.clickOn("#chain-backward");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.isAnimating());
        assertEquals(1, model.reveal(), "the backward pass starts from the forward values");
        waitForPasses();
        assertEquals(2, model.reveal());
        assertEquals(3, view.shownBackward(), "dz/dz, dz/du1 and dz/dx");
        assertEquals("8", readout(1), "dz/dx = 8x at x = 1");
        assertEquals("8", readout(2), "the central difference agrees");
    }

    @Test
    void clickingAPaletteButtonAppendsALinkAndChangesDzdx(FxRobot robot) {
        robot.clickOn("#chain-showall");
        double before = model.dzdx();
        robot.clickOn("#chain-piece-sin");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.size());
        assertEquals(-1, model.preset());
        assertEquals(2, view.selectedLink(), "the new link is selected");
        assertEquals(8 * Math.cos(4), model.dzdx(), 1e-12, "dz/dx = cos(4x²) · 8x at x = 1");
        assertTrue(Math.abs(model.dzdx() - before) > 1);
        assertEquals("−5.22914897", readout(1));
        robot.clickOn("#chain-remove-last");
        assertEquals(2, model.size());
        assertEquals(8, model.dzdx(), 1e-12);
    }

    @Test
    void clickingALinkSelectsItAndDeleteRemovesIt(FxRobot robot) {
        robot.interact(() -> model.setParameter("preset", 2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.graph().paintNow());
        robot.clickOn(view.edgeCenter(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.selectedLink(), "the +1 link");
        robot.type(KeyCode.UP);
        assertEquals(1.1, model.quantity("k2"), 1e-12, "↑ raises the selected k by 0.1");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.size());
        assertEquals(3, model.quantity("kind2"), "(3x)²: the square moved up");
        assertEquals(18, model.dzdx(), 1e-12, "d(9x²)/dx = 18x at x = 1");
    }

    @Test
    void theKFieldTakesTypedValuesAndRejectsNonsense(FxRobot robot) {
        assertEquals(0, view.selectedLink(), "the ×2 link is selected at the start");
        robot.interact(() -> {
            view.kField().field().setText("1/2");
            view.kField().commitText();
        });
        assertEquals(0.5, model.quantity("k1"));
        assertEquals(0.5, model.dzdx(), 1e-15, "(x/2)² has slope x/2");
        robot.interact(() -> {
            view.kField().field().setText("2 +");
            view.kField().commitText();
        });
        assertTrue(view.kField().hasError(), "a typing error is marked");
        robot.interact(() -> {
            view.kField().field().setText("40");
            view.kField().commitText();
        });
        assertTrue(view.kField().hasError(), "out of range");
        assertEquals(0.5, model.quantity("k1"), "bad input changes nothing");
    }

    @Test
    void keysOnThePictureRunThePassesAndMoveX(FxRobot robot) throws Exception {
        robot.clickOn(view.graph());
        robot.type(KeyCode.B);
        waitForPasses();
        assertEquals(2, model.reveal(), "B runs forward then backward");
        robot.type(KeyCode.RIGHT);
        assertEquals(1.1, model.x(), 1e-12);
        robot.type(KeyCode.H);
        assertEquals(0, model.reveal());
        robot.type(KeyCode.A);
        assertEquals(2, model.reveal());
    }
}
