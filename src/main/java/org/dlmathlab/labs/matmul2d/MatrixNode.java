package org.dlmathlab.labs.matmul2d;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.ui.Format;

/** A 2x2 matrix typeset with square brackets (drawn as borders), for captions and read-outs. */
final class MatrixNode extends HBox {

    private final Label[] cells = new Label[4];

    MatrixNode() {
        getStyleClass().add("matmul-matrix");
        setAlignment(Pos.CENTER_LEFT);
        setFillHeight(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(1);
        grid.setPadding(new Insets(1, 4, 1, 4));
        for (int col = 0; col < 2; col++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            cc.setMinWidth(Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < 4; i++) {
            cells[i] = new Label();
            cells[i].getStyleClass().add("matmul-cell");
            cells[i].setMinWidth(Region.USE_PREF_SIZE);
            grid.add(cells[i], i % 2, i / 2);
        }
        getChildren().addAll(bracket("matmul-bracket-left"), grid, bracket("matmul-bracket-right"));
        setMinWidth(Region.USE_PREF_SIZE);
        setMaxWidth(Region.USE_PREF_SIZE);
    }

    private static Region bracket(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setMinWidth(5);
        r.setPrefWidth(5);
        return r;
    }

    void show(Matrix2 m) {
        double[] v = {m.a(), m.b(), m.c(), m.d()};
        for (int i = 0; i < 4; i++) {
            cells[i].setText(Format.num(v[i]));
        }
    }

    /** The entries as shown, row by row: "[[1, 2], [3, 4]]" (tests read this). */
    String text() {
        return "[[" + cells[0].getText() + ", " + cells[1].getText() + "], [" + cells[2].getText() + ", "
                + cells[3].getText() + "]]";
    }
}
