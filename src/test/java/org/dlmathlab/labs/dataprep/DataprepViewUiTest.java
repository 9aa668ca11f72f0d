package org.dlmathlab.labs.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The data-preparation lab on the headless platform: the steps' buttons and a CSV with bad rows. */
@ExtendWith(ApplicationExtension.class)
class DataprepViewUiTest {

    @TempDir
    Path dir;

    private DataprepModel model;
    private DataprepView view;

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
        model = new DataprepModel();
        view = new DataprepView(model, new I18n(Lang.EN), new Theme(Theme.Mode.LIGHT));
        Scene scene = new Scene(new StackPane(view.node()), 1000, 700);
        scene.getStylesheets().add(DlMathLabApp.class.getResource(DlMathLabApp.STYLESHEET).toExternalForm());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.show();
    }

    private String cell(FxRobot robot, int row, int col) {
        return robot.lookup("#dataprep-cell-" + row + "-" + col).queryAs(Label.class).getText();
    }

    @Test
    void theStepsFillEncodeAndShowTheMatrix(FxRobot robot) {
        assertEquals("NA", cell(robot, 0, 0));
        robot.clickOn("#dataprep-fill");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3", cell(robot, 0, 0));
        assertTrue(view.working().getChildren().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.equals("mean of NumRooms = (2 + 4) / 2 = 3, written into 2 empty cells")));
        robot.clickOn("#dataprep-onehot");
        robot.clickOn("#dataprep-to-matrix");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.quantity("matrix"));
        assertEquals("Every cell is a number: the table is ready to become a matrix.", view.status().getText());
        assertEquals("X: 4 rows × 3 columns, shape (4, 3)", ((Label) view.matrixBox().getChildren().get(0)).getText());
        // The keyboard works once the sheet has focus: N drops the _nan column.
        robot.clickOn("#dataprep-sheet");
        robot.type(javafx.scene.input.KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.quantity("x_cols"));
    }

    @Test
    void aCsvWithBadRowsIsReportedByLine(FxRobot robot) throws Exception {
        Path file = dir.resolve("pets.csv");
        Files.writeString(file, "animal,age,weight\ncat,3,4.5\ndog,5\nbird,,0.1\n\"fish, gold\",1,0.01,9\ndog,2,12\n");
        robot.interact(() -> view.loadCsvFile(file));
        String text = view.csvMessages().getText();
        assertTrue(view.csvMessages().isVisible());
        assertEquals("Read 3 rows and 3 columns from pets.csv.\n"
                + "line 3: expected 3 values, found 2; the row is left out\n"
                + "line 5: expected 3 values, found 4; the row is left out", text);
        assertEquals(3, model.quantity("rows"));
        assertEquals(1, model.quantity("missing"));
        assertEquals("NA", cell(robot, 1, 1));
        assertEquals("bird", cell(robot, 1, 0));
    }
}
