package org.dlmathlab.labs.tensors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.tensor.Broadcast;
import org.dlmathlab.math.tensor.NdArray;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * Draws the tensors lab: the array A as cells (a 3-D array as stacked slices) beside what is computed from it, which
 * depends on the picture chosen: a reduction (the cells added into each result entry light up one entry at a time),
 * broadcasting against B (B's stretched copies drawn faintly, or the clash named), or the Hadamard and matrix products
 * of A and B. Cells of A and B are edited by clicking them and typing. Holds no math: the model computes everything.
 */
public final class TensorsView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("mode", "array", "reduce", "broadcast", "product",
            "readouts");

    private static final double MAX_CELL = 60;
    private static final double MIN_CELL = 16;
    private static final double MARGIN = 16;

    private final TensorsModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final ControlGroups groups;
    private final BorderPane root = new BorderPane();
    private final PlotCanvas plot = new PlotCanvas(new Viewport(0, 1, 0, 1, false));
    private final Pane overlay = new Pane();
    private final TextField editor = new TextField();
    private final Label message = new Label();
    private final Label shapeReadout = new Label();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Timeline animation = new Timeline();
    private final List<ToggleButton> axisButtons = new ArrayList<>();

    /** Cells drawn last frame, for clicks and hovering. */
    private CellBlock blockA;
    private CellBlock blockB;
    private CellBlock blockResult;
    private CellBlock blockHadamard;
    private CellBlock blockMatmul;

    /** The reduction entry being explained: its sources light up. -1 = none. */
    private int lit = -1;
    /** While the animation plays, result entries after this one are not drawn yet. -1 = all drawn. */
    private int revealed = -1;
    /** The product cell under the mouse: which product and where. */
    private CellBlock hoverBlock;
    private int hoverCell = -1;
    /** The keyboard's cell: in A or B, a row-major position. */
    private TensorsModel.Operand cursorOperand;
    private int cursorCell = -1;
    /** The cell being edited. */
    private TensorsModel.Operand editOperand;
    private int[] editIndex;
    /** The last typing error, shown until the next good value or until the editor closes. */
    private String typingError;

    public TensorsView(TensorsModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-tensors");

        plot.setPainter(this::paint);
        plot.setInteraction(new Clicking());
        plot.setId("tensors-canvas");
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        overlay.setPickOnBounds(false);
        overlay.getChildren().add(editor);
        editor.setVisible(false);
        editor.setId("tensors-cell-editor");
        editor.setTooltip(Tips.of(i18n, "tensors.editor.tooltip"));
        editor.setOnAction(e -> commitEdit());
        editor.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor();
                plot.requestFocus();
                e.consume();
            }
        });
        editor.focusedProperty().addListener((o, was, is) -> {
            if (!is && editor.isVisible()) {
                commitEdit();
            }
        });
        StackPane stack = new StackPane(plot, overlay);
        message.setWrapText(true);
        message.setId("tensors-message");
        message.getStyleClass().add("lab-status");
        message.setStyle("-fx-text-fill: -dl-bad;");
        message.setPadding(new Insets(2, 10, 2, 10));
        message.setVisible(false);
        message.setManaged(false);
        VBox center = new VBox(stack, message);
        VBox.setVgrow(stack, Priority.ALWAYS);
        root.setCenter(center);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(modeGroup(), arrayGroup(), reduceGroup(), broadcastGroup(), productGroup(),
                readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 220);
        root.setRight(scroller);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> refresh());
        theme.modeProperty().addListener(o -> refresh());
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas plot() {
        return plot;
    }

    public TextField editor() {
        return editor;
    }

    /** The line under the picture: typing errors and broadcasting clashes. */
    public Label message() {
        return message;
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    public Label shapeReadout() {
        return shapeReadout;
    }

    /** Whether the lighting-up animation is running. */
    public boolean isAnimating() {
        return animation.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /** The screen-local centre of a cell of A or B as last drawn (for tests and keyboard users). */
    public double[] cellCenter(TensorsModel.Operand which, int position) {
        CellBlock block = which == TensorsModel.Operand.B ? blockB : blockA;
        if (block == null || position >= block.size()) {
            return null;
        }
        double[] c = block.cell(position);
        return new double[]{c[0] + block.s() / 2, c[1] + block.s() / 2};
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        stopAnimation();
        closeEditor();
        plot.requestRedraw();
    }

    @Override
    public void dispose() {
        animation.stop();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node modeGroup() {
        VBox box = groups.group("mode", "tensors.mode.title");
        ToggleGroup tg = new ToggleGroup();
        FlowPane row = new FlowPane(6, 6);
        String[] keys = {"reduce", "broadcast", "product"};
        for (int m = 0; m < keys.length; m++) {
            row.getChildren().add(choice(tg, model.modeProperty(), m, "tensors.mode." + keys[m],
                    "tensors.mode." + keys[m] + ".tooltip", "tensors-mode-" + keys[m]));
        }
        box.getChildren().add(row);
        return box;
    }

    private Node arrayGroup() {
        VBox box = groups.group("array", "tensors.array.title");
        box.getChildren().add(wrapped("tensors.array.explain"));
        ToggleGroup tg = new ToggleGroup();
        HBox dims = new HBox(6, choice(tg, model.inNdimProperty(), 2, "tensors.array.2d", "tensors.array.2d.tooltip",
                "tensors-2d"), choice(tg, model.inNdimProperty(), 3, "tensors.array.3d", "tensors.array.3d.tooltip",
                "tensors-3d"));
        GridPane sizes = new GridPane();
        sizes.setHgap(8);
        sizes.setVgap(4);
        Node slices = spinner(model.inSlicesProperty(), 1, TensorsModel.MAX_SLICES, "tensors.array.slices.tooltip",
                "tensors-slices");
        Label slicesLabel = label("tensors.array.slices");
        sizes.addRow(0, slicesLabel, slices);
        sizes.addRow(1, label("tensors.array.rows"), spinner(model.inRowsProperty(), 1, TensorsModel.MAX_ROWS,
                "tensors.array.rows.tooltip", "tensors-rows"));
        sizes.addRow(2, label("tensors.array.cols"), spinner(model.inColsProperty(), 1, TensorsModel.MAX_COLS,
                "tensors.array.cols.tooltip", "tensors-cols"));
        Runnable showSlices = () -> {
            boolean three = model.inNdimProperty().get() == 3;
            slicesLabel.setDisable(!three);
            slices.setDisable(!three);
        };
        model.inNdimProperty().addListener(o -> showSlices.run());
        showSlices.run();
        Button counting = button("tensors.array.count", "tensors.array.count.tooltip", "tensors-count", () -> {
            closeEditor();
            model.clearEdits();
        });
        box.getChildren().addAll(dims, sizes, counting);
        return box;
    }

    private Node reduceGroup() {
        VBox box = groups.group("reduce", "tensors.reduce.title");
        ToggleGroup ops = new ToggleGroup();
        FlowPane opRow = new FlowPane(6, 6);
        String[] opKeys = {"sum", "mean", "cumsum"};
        for (int o = 0; o < opKeys.length; o++) {
            ToggleButton b = choice(ops, model.opProperty(), o, "tensors.op." + opKeys[o],
                    "tensors.op." + opKeys[o] + ".tooltip", "tensors-op-" + opKeys[o]);
            b.addEventHandler(javafx.event.ActionEvent.ACTION, e -> afterReduceChange());
            opRow.getChildren().add(b);
        }
        ToggleGroup axes = new ToggleGroup();
        FlowPane axisRow = new FlowPane(6, 6);
        Label axisLabel = label("tensors.axis");
        axisRow.getChildren().add(axisLabel);
        int[] values = {0, 1, 2, TensorsModel.ALL};
        for (int v : values) {
            String key = v == TensorsModel.ALL ? "tensors.axis.all" : "tensors.axis." + v;
            ToggleButton b = choice(axes, model.axisProperty(), v, key, key + ".tooltip",
                    "tensors-axis-" + (v == TensorsModel.ALL ? "all" : Integer.toString(v)));
            b.addEventHandler(javafx.event.ActionEvent.ACTION, e -> afterReduceChange());
            axisButtons.add(b);
            axisRow.getChildren().add(b);
        }
        CheckBox keep = new CheckBox();
        keep.setMnemonicParsing(false);
        keep.textProperty().bind(i18n.bind("tensors.keepdims"));
        keep.setTooltip(Tips.of(i18n, "tensors.keepdims.tooltip"));
        keep.setId("tensors-keepdims");
        keep.setWrapText(true);
        keep.setSelected(model.keepdimsProperty().get() == 1);
        model.keepdimsProperty().addListener((o, was, is) -> keep.setSelected(is.intValue() == 1));
        keep.setOnAction(e -> {
            model.keepdimsProperty().set(keep.isSelected() ? 1 : 0);
            afterReduceChange();
        });
        shapeReadout.setId("tensors-shape");
        shapeReadout.setWrapText(true);
        shapeReadout.getStyleClass().add("readout-value");
        shapeReadout.setTooltip(Tips.of(i18n, "tensors.shape.tooltip"));
        Button replay = button("tensors.replay", "tensors.replay.tooltip", "tensors-replay", this::playAnimation);
        box.getChildren().addAll(opRow, axisRow, keep, shapeReadout, replay);
        return box;
    }

    private Node broadcastGroup() {
        VBox box = groups.group("broadcast", "tensors.broadcast.title");
        box.getChildren().add(wrapped("tensors.broadcast.explain"));
        FlowPane presets = new FlowPane(6, 6);
        String[] keys = {"row", "column", "vector", "same", "scalar", "clash"};
        for (String key : keys) {
            presets.getChildren().add(button("tensors.b." + key, "tensors.b." + key + ".tooltip", "tensors-b-" + key,
                    () -> applyBPreset(key)));
        }
        GridPane sizes = new GridPane();
        sizes.setHgap(8);
        sizes.setVgap(4);
        sizes.addRow(0, label("tensors.b.ndim"), spinner(model.bNdimProperty(), 0, 2, "tensors.b.ndim.tooltip",
                "tensors-b-ndim"));
        Node bRows = spinner(model.bRowsProperty(), 1, TensorsModel.MAX_ROWS, "tensors.b.rows.tooltip",
                "tensors-b-rows");
        Label bRowsLabel = label("tensors.b.rows");
        Node bCols = spinner(model.bColsProperty(), 1, TensorsModel.MAX_COLS, "tensors.b.cols.tooltip",
                "tensors-b-cols");
        Label bColsLabel = label("tensors.b.cols");
        sizes.addRow(1, bRowsLabel, bRows);
        sizes.addRow(2, bColsLabel, bCols);
        Runnable enable = () -> {
            int n = model.bNdimProperty().get();
            bRows.setDisable(n < 2);
            bRowsLabel.setDisable(n < 2);
            bCols.setDisable(n < 1);
            bColsLabel.setDisable(n < 1);
        };
        model.bNdimProperty().addListener(o -> enable.run());
        enable.run();
        ToggleGroup ops = new ToggleGroup();
        HBox opRow = new HBox(6, label("tensors.b.op"));
        opRow.setAlignment(Pos.CENTER_LEFT);
        String[] opKeys = {"add", "multiply", "divide"};
        for (int o = 0; o < opKeys.length; o++) {
            ToggleButton b = choice(ops, model.bOpProperty(), o, "tensors.b.op." + opKeys[o],
                    "tensors.b.op." + opKeys[o] + ".tooltip", "tensors-b-op-" + opKeys[o]);
            b.addEventHandler(javafx.event.ActionEvent.ACTION, e -> model.modeProperty().set(
                    TensorsModel.MODE_BROADCAST));
            opRow.getChildren().add(b);
        }
        box.getChildren().addAll(presets, sizes, opRow);
        return box;
    }

    private Node productGroup() {
        VBox box = groups.group("product", "tensors.product.title");
        box.getChildren().add(wrapped("tensors.product.explain"));
        FlowPane presets = new FlowPane(6, 6);
        presets.getChildren().addAll(
                button("tensors.product.same", "tensors.product.same.tooltip", "tensors-p-same",
                        () -> setB(2, rowsOfA(), model.inColsProperty().get(), TensorsModel.MODE_PRODUCT)),
                button("tensors.product.transposed", "tensors.product.transposed.tooltip", "tensors-p-transposed",
                        () -> setB(2, model.inColsProperty().get(), rowsOfA(), TensorsModel.MODE_PRODUCT)));
        box.getChildren().add(presets);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "tensors.readouts.title");
        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints valueColumn = new javafx.scene.layout.ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("readouts");
        String[] names = {"shapeA", "result", "resultSum", "shapeB", "broadcast", "hadamard", "matmul"};
        for (int row = 0; row < names.length; row++) {
            Label name = label("tensors.readout." + names[row]);
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.getStyleClass().add("readout-name");
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("tensors-readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, name, value);
        }
        box.getChildren().add(grid);
        return box;
    }

    private ToggleButton choice(ToggleGroup tg, IntegerProperty property, int value, String textKey, String tipKey,
                                String id) {
        ToggleButton b = new ToggleButton();
        b.setMnemonicParsing(false);
        b.textProperty().bind(i18n.bind(textKey));
        b.setTooltip(Tips.of(i18n, tipKey));
        b.setToggleGroup(tg);
        b.setId(id);
        b.setSelected(property.get() == value);
        property.addListener((o, was, is) -> b.setSelected(is.intValue() == value));
        b.setOnAction(e -> {
            // A toggle group lets a click deselect; the model's value stays the single truth.
            b.setSelected(true);
            closeEditor();
            property.set(value);
            switchModeFor(property);
        });
        return b;
    }

    /** Using a group's controls shows that group's picture. */
    private void switchModeFor(IntegerProperty property) {
        if (property == model.opProperty() || property == model.axisProperty()) {
            model.modeProperty().set(TensorsModel.MODE_REDUCE);
        } else if (property == model.bOpProperty()) {
            model.modeProperty().set(TensorsModel.MODE_BROADCAST);
        }
    }

    private Node spinner(IntegerProperty property, int min, int max, String tipKey, String id) {
        Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                property.get()));
        spinner.setEditable(false);
        spinner.setPrefWidth(78);
        spinner.setId(id);
        spinner.setTooltip(Tips.of(i18n, tipKey));
        spinner.valueProperty().addListener((o, was, is) -> {
            if (is != null && is != property.get()) {
                closeEditor();
                property.set(is);
                if (property == model.bNdimProperty() || property == model.bRowsProperty()
                        || property == model.bColsProperty()) {
                    if (model.modeProperty().get() == TensorsModel.MODE_REDUCE) {
                        model.modeProperty().set(TensorsModel.MODE_BROADCAST);
                    }
                }
            }
        });
        property.addListener((o, was, is) -> spinner.getValueFactory().setValue(is.intValue()));
        return spinner;
    }

    private Button button(String textKey, String tipKey, String id, Runnable action) {
        Button b = new Button();
        b.setMnemonicParsing(false);
        b.textProperty().bind(i18n.bind(textKey));
        b.setTooltip(Tips.of(i18n, tipKey));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    private Label wrapped(String key) {
        Label l = label(key);
        l.setWrapText(true);
        l.getStyleClass().add("control-explain");
        return l;
    }

    private int rowsOfA() {
        return model.inRowsProperty().get();
    }

    /** B presets: shapes named after the matrix A they meet. */
    private void applyBPreset(String key) {
        int r = model.inRowsProperty().get();
        int c = model.inColsProperty().get();
        switch (key) {
            case "row" -> setB(2, 1, c, TensorsModel.MODE_BROADCAST);
            case "column" -> setB(2, r, 1, TensorsModel.MODE_BROADCAST);
            case "vector" -> setB(1, 1, c, TensorsModel.MODE_BROADCAST);
            case "same" -> setB(2, r, c, TensorsModel.MODE_BROADCAST);
            case "scalar" -> setB(0, 1, 1, TensorsModel.MODE_BROADCAST);
            default -> {
                // A vector whose length clashes with A's last axis (and is not 1): (2,) against (3, 3) and so on.
                int clash = c == 2 ? 3 : 2;
                setB(1, 1, c == 1 ? 2 : clash, TensorsModel.MODE_BROADCAST);
                if (c == 1) {
                    // Against one column every vector broadcasts; clash on the rows instead.
                    setB(2, r == 2 ? 3 : 2, 2, TensorsModel.MODE_BROADCAST);
                }
            }
        }
    }

    private void setB(int ndim, int rows, int cols, int mode) {
        closeEditor();
        model.bNdimProperty().set(ndim);
        model.bRowsProperty().set(rows);
        model.bColsProperty().set(cols);
        model.modeProperty().set(mode);
    }

    private void afterReduceChange() {
        model.modeProperty().set(TensorsModel.MODE_REDUCE);
        playAnimation();
    }

    // ---- animation ------------------------------------------------------------------------------------------------

    /** Lights up the sources of each result entry in turn, revealing the result as it goes. */
    public void playAnimation() {
        animation.stop();
        TensorsModel.Reduction r = model.reduction();
        if (r.result() == null) {
            lit = -1;
            revealed = -1;
            plot.requestRedraw();
            return;
        }
        int n = r.result().size();
        double perCell = Math.max(160, Math.min(700, 4200.0 / n));
        animation.getKeyFrames().clear();
        for (int i = 0; i < n; i++) {
            int at = i;
            animation.getKeyFrames().add(new KeyFrame(Duration.millis(perCell * i), e -> {
                lit = at;
                revealed = at;
                plot.requestRedraw();
            }));
        }
        animation.getKeyFrames().add(new KeyFrame(Duration.millis(perCell * n + 400), e -> {
            lit = -1;
            revealed = -1;
            plot.requestRedraw();
        }));
        animation.playFromStart();
    }

    private void stopAnimation() {
        animation.stop();
        lit = -1;
        revealed = -1;
    }

    // ---- editing --------------------------------------------------------------------------------------------------

    private void openEditor(TensorsModel.Operand which, int position) {
        CellBlock block = which == TensorsModel.Operand.B ? blockB : blockA;
        if (block == null || position < 0 || position >= block.size()) {
            return;
        }
        editOperand = which;
        editIndex = NdArray.unravel(block.shape(), position);
        cursorOperand = which;
        cursorCell = position;
        double[] c = block.cell(position);
        double w = Math.max(block.s(), 64);
        editor.resizeRelocate(c[0] + block.s() / 2 - w / 2, c[1] + block.s() / 2 - 15, w, 30);
        editor.setText(Format.editable(model.cell(which, editIndex)));
        editor.getStyleClass().removeAll("field-error");
        editor.setVisible(true);
        editor.requestFocus();
        editor.selectAll();
    }

    /** Parses the editor's text; a bad value is explained and changes nothing. */
    private void commitEdit() {
        if (!editor.isVisible() || editOperand == null) {
            return;
        }
        String text = editor.getText();
        try {
            double v = numberParser.applyAsDouble(text);
            if (Math.abs(v) > TensorsModel.CELL_LIMIT) {
                throw new IllegalArgumentException(i18n.get("tensors.error.range",
                        Format.num(-TensorsModel.CELL_LIMIT), Format.num(TensorsModel.CELL_LIMIT)));
            }
            TensorsModel.Operand which = editOperand;
            int[] index = editIndex;
            closeEditor();
            model.setCell(which, index, v);
            plot.requestFocus();
        } catch (IllegalArgumentException ex) {
            if (!editor.getStyleClass().contains("field-error")) {
                editor.getStyleClass().add("field-error");
            }
            typingError = i18n.get("tensors.error.cell", text.strip(), ex.getMessage());
            showMessage(typingError);
        }
    }

    /** Types a value into a cell as the learner would (used by tests and keyboard users). */
    public void typeIntoCell(TensorsModel.Operand which, int position, String text) {
        openEditor(which, position);
        editor.setText(text);
        commitEdit();
    }

    private void closeEditor() {
        editOperand = null;
        editIndex = null;
        editor.setVisible(false);
        editor.getStyleClass().removeAll("field-error");
        if (typingError != null) {
            typingError = null;
            showMessage(modeMessage());
        }
    }

    /** What the line under the picture says when no typing error is showing. */
    private String modeMessage() {
        if (model.modeProperty().get() != TensorsModel.MODE_BROADCAST) {
            return "";
        }
        Broadcast.Result r = model.broadcastShapes();
        if (!r.compatible()) {
            return clashText(r);
        }
        NdArray res = model.broadcastResult();
        for (int i = 0; i < res.size(); i++) {
            if (!Double.isFinite(res.flat(i))) {
                return i18n.get("tensors.broadcast.divZero");
            }
        }
        return "";
    }

    private void showMessage(String text) {
        message.setText(text);
        boolean any = !text.isEmpty();
        message.setVisible(any);
        message.setManaged(any);
    }

    // ---- keys -----------------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.getTarget() == editor) {
            return;
        }
        switch (e.getCode()) {
            case S -> setOp(TensorsModel.OP_SUM);
            case M -> setOp(TensorsModel.OP_MEAN);
            case C -> setOp(TensorsModel.OP_CUMSUM);
            case DIGIT1, NUMPAD1 -> setAxis(1);
            case DIGIT2, NUMPAD2 -> setAxis(2);
            case A -> setAxis(TensorsModel.ALL);
            case K -> {
                model.keepdimsProperty().set(1 - model.keepdimsProperty().get());
                afterReduceChange();
            }
            case SPACE -> {
                model.modeProperty().set(TensorsModel.MODE_REDUCE);
                playAnimation();
            }
            case R -> model.modeProperty().set(TensorsModel.MODE_REDUCE);
            case B -> model.modeProperty().set(TensorsModel.MODE_BROADCAST);
            case P -> model.modeProperty().set(TensorsModel.MODE_PRODUCT);
            case LEFT -> moveCursor(0, -1);
            case RIGHT -> moveCursor(0, 1);
            case UP -> moveCursor(-1, 0);
            case DOWN -> moveCursor(1, 0);
            case ENTER, F2 -> {
                if (cursorOperand == null) {
                    cursorOperand = TensorsModel.Operand.A2;
                    cursorCell = 0;
                }
                openEditor(cursorOperand, cursorCell);
            }
            default -> {
                // 0 picks axis 0 here; the canvas also resets its (unused) view on 0, which is harmless.
                if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
                    setAxis(0);
                    break;
                }
                return;
            }
        }
        e.consume();
    }

    private void setOp(int op) {
        model.opProperty().set(op);
        afterReduceChange();
    }

    private void setAxis(int axis) {
        if (axis == 2 && model.inNdimProperty().get() != 3) {
            return;
        }
        model.axisProperty().set(axis);
        afterReduceChange();
    }

    /** Arrow keys walk over A's cells (and on into B's when B is drawn). */
    private void moveCursor(int down, int right) {
        if (blockA == null) {
            return;
        }
        if (cursorOperand == null || (cursorOperand == TensorsModel.Operand.B ? blockB : blockA) == null) {
            cursorOperand = model.inNdimProperty().get() == 3 ? TensorsModel.Operand.A3 : TensorsModel.Operand.A2;
            cursorCell = 0;
            plot.requestRedraw();
            return;
        }
        CellBlock block = cursorOperand == TensorsModel.Operand.B ? blockB : blockA;
        int[] shape = block.shape();
        if (cursorCell >= block.size()) {
            cursorCell = 0;
        }
        int cols = block.cols();
        int rowsTotal = block.size() / cols;
        int row = cursorCell / cols + down;
        int col = cursorCell % cols + right;
        if (col >= cols && blockB != null && cursorOperand != TensorsModel.Operand.B) {
            cursorOperand = TensorsModel.Operand.B;
            cursorCell = 0;
        } else if (col < 0 && cursorOperand == TensorsModel.Operand.B) {
            cursorOperand = model.inNdimProperty().get() == 3 ? TensorsModel.Operand.A3 : TensorsModel.Operand.A2;
            cursorCell = blockA.cols() - 1;
        } else {
            row = Math.max(0, Math.min(rowsTotal - 1, row));
            col = Math.max(0, Math.min(cols - 1, col));
            cursorCell = row * cols + col;
        }
        if (shape.length == 0) {
            cursorCell = 0;
        }
        plot.requestRedraw();
    }

    // ---- read-outs ------------------------------------------------------------------------------------------------

    private void refresh() {
        int[] sa = model.shapeA();
        TensorsModel.Reduction r = model.reduction();
        boolean cumsum = model.opProperty().get() == TensorsModel.OP_CUMSUM;
        for (ToggleButton b : axisButtons) {
            b.setDisable(b.getId().equals("tensors-axis-2") && model.inNdimProperty().get() != 3);
        }
        if (r.result() != null) {
            String arrow = NdArray.shapeText(sa) + " → " + NdArray.shapeText(r.result().shape());
            shapeReadout.setText(cumsum && model.keepdimsProperty().get() == 1
                    ? arrow + "\n" + i18n.get("tensors.shape.cumsumKeep") : arrow);
            readouts.get("result").setText(NdArray.shapeText(r.result().shape()));
            readouts.get("resultSum").setText(Format.num(r.result().total()));
        } else {
            shapeReadout.setText(i18n.get("tensors.error.axis", model.axisProperty().get(), sa.length));
            readouts.get("result").setText("—");
            readouts.get("resultSum").setText("—");
        }
        readouts.get("shapeA").setText(NdArray.shapeText(sa));
        readouts.get("shapeB").setText(NdArray.shapeText(model.shapeB()));
        Broadcast.Result bc = model.broadcastShapes();
        readouts.get("broadcast").setText(bc.compatible() ? NdArray.shapeText(bc.shape())
                : i18n.get("tensors.readout.clash"));
        NdArray had = model.hadamard();
        NdArray mat = model.matmul();
        readouts.get("hadamard").setText(had != null ? NdArray.shapeText(had.shape())
                : i18n.get("tensors.readout.undefined"));
        readouts.get("matmul").setText(mat != null ? NdArray.shapeText(mat.shape())
                : i18n.get("tensors.readout.undefined"));
        if (cursorOperand != null && cursorOperand != TensorsModel.Operand.B
                && cursorOperand != (model.inNdimProperty().get() == 3 ? TensorsModel.Operand.A3
                : TensorsModel.Operand.A2)) {
            cursorOperand = null;
        }
        showMessage(typingError != null ? typingError : modeMessage());
        plot.requestRedraw();
    }

    // ---- drawing --------------------------------------------------------------------------------------------------

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        contentBottom = 0;
        blockA = null;
        blockB = null;
        blockResult = null;
        blockHadamard = null;
        blockMatmul = null;
        switch (model.modeProperty().get()) {
            case TensorsModel.MODE_BROADCAST -> paintBroadcast(g, p, w, h);
            case TensorsModel.MODE_PRODUCT -> paintProducts(g, p, w, h);
            default -> paintReduce(g, p, w, h);
        }
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        String hint = i18n.get(w >= 760 ? "tensors.plane.hint" : "tensors.plane.hintShort");
        if (contentBottom < h - 26) {
            g.fillText(hint, 12, h - 8, Math.max(50, w - 24));
        }
    }

    // -- reduce --

    private void paintReduce(GraphicsContext g, Theme.Palette p, double w, double h) {
        NdArray a = model.arrayA();
        TensorsModel.Reduction r = model.reduction();
        int[] sa = a.shape();
        String call = callText();
        drawTitle(g, p, call + (r.result() != null ? "    " + NdArray.shapeText(sa) + " → "
                + NdArray.shapeText(r.result().shape()) : ""), 12, 10, w - 24);
        double gutter = sa.length == 3 ? 46 : 26;
        double top = 64;
        double bottom = 74;
        int[] sr = r.result() != null ? r.result().shape() : sa;
        double arrowW = 70;
        double wa = CellBlock.widthFor(sa, 1);
        double wr = CellBlock.widthFor(sr, 1);
        double availH = h - top - bottom;
        double sH = Math.min((w - 2 * MARGIN - gutter - arrowW) / (wa + wr), solveHeight(sa, sr, availH, false));
        double sV = Math.min((w - 2 * MARGIN - gutter) / Math.max(wa, wr), solveHeight(sa, sr, availH - 50, true));
        boolean vertical = sV > sH * 1.15;
        double s = clampCell(vertical ? sV : sH);
        double ha = CellBlock.heightFor(sa, s);
        double hr = CellBlock.heightFor(sr, s);
        double ax;
        double ay;
        double rx;
        double ry;
        if (!vertical) {
            double total = gutter + wa * s + arrowW + wr * s;
            ax = Math.max(MARGIN, (w - total) / 2) + gutter;
            ay = top + Math.min(30, Math.max(0, (availH - Math.max(ha, hr)) / 2));
            rx = ax + wa * s + arrowW;
            ry = ay + Math.max(0, (ha - hr) / 2);
        } else {
            ax = Math.max(MARGIN + gutter, (w - wa * s) / 2);
            ay = top;
            rx = Math.max(MARGIN, (w - wr * s) / 2);
            ry = ay + ha + 56;
        }
        blockA = new CellBlock(sa, ax, ay, s);
        int[][] sources = r.sources();
        boolean[] litCells = new boolean[a.size()];
        if (lit >= 0 && lit < sources.length) {
            for (int i : sources[lit]) {
                litCells[i] = true;
            }
        }
        drawAxisLabels(g, p, blockA);
        drawBlock(g, p, blockA, "A", null, pos -> new CellLook(text(a.flat(pos)), litCells[pos] ? p.probe() : null,
                false, isEditedAt(pos), isCursor(TensorsModel.Operand.A2, pos)));
        if (!vertical) {
            drawArrow(g, p, blockA.right() + 12, ay + ha / 2, rx - 12, ry + hr / 2);
        } else {
            drawArrow(g, p, w / 2, blockA.bottom() + 26, w / 2, ry - 12);
        }
        if (r.result() == null) {
            g.setFill(p.warning());
            g.setFont(Fonts.bold(14));
            g.setTextBaseline(VPos.TOP);
            g.setTextAlign(TextAlignment.LEFT);
            wrap(g, i18n.get("tensors.error.axis", model.axisProperty().get(), sa.length), vertical ? MARGIN
                    : rx, vertical ? ry : ay, vertical ? w - 2 * MARGIN : Math.max(120, w - rx - MARGIN), 19);
            return;
        }
        NdArray res = r.result();
        blockResult = new CellBlock(sr, rx, ry, s);
        drawBlock(g, p, blockResult, i18n.get("tensors.result"), null, pos -> new CellLook(
                revealed >= 0 && pos > revealed ? "" : text(res.flat(pos)),
                pos == lit ? p.eigen() : null, false, false, false));
        String working = lit >= 0 && lit < sources.length ? working(a, sources[lit], res.flat(lit)) : null;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Fonts.regular(14));
        double textY = Math.max(blockA.bottom(), blockResult.bottom()) + 30;
        if (working != null) {
            g.setFill(p.text());
            wrap(g, working, MARGIN, textY, w - 2 * MARGIN, 18);
        } else {
            g.setFill(p.axis());
            wrap(g, i18n.get("tensors.reduce.hover"), MARGIN, textY, w - 2 * MARGIN, 18);
        }
    }

    private double solveHeight(int[] sa, int[] sr, double avail, boolean stacked) {
        // Heights are linear in the cell side s, apart from the slice gaps' minimum; solve for s at the larger size.
        for (double s = MAX_CELL; s >= MIN_CELL; s -= 1) {
            double need = stacked ? CellBlock.heightFor(sa, s) + CellBlock.heightFor(sr, s) + 40
                    : Math.max(CellBlock.heightFor(sa, s), CellBlock.heightFor(sr, s)) + 28;
            if (need <= avail) {
                return s;
            }
        }
        return MIN_CELL;
    }

    private static double clampCell(double s) {
        return Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(s)));
    }

    private String callText() {
        int axis = model.axisProperty().get();
        boolean keep = model.keepdimsProperty().get() == 1;
        String fn = switch (model.opProperty().get()) {
            case TensorsModel.OP_MEAN -> "mean";
            case TensorsModel.OP_CUMSUM -> "cumsum";
            default -> "sum";
        };
        List<String> args = new ArrayList<>();
        if (axis != TensorsModel.ALL) {
            args.add("axis=" + axis);
        }
        if (keep && model.opProperty().get() != TensorsModel.OP_CUMSUM) {
            args.add("keepdims=True");
        }
        return "A." + fn + "(" + String.join(", ", args) + ")";
    }

    /** "7 = 2 + 5", "3.5 = (2 + 5) / 2"; long sums are shortened in the middle. */
    private String working(NdArray a, int[] sources, double value) {
        List<String> terms = new ArrayList<>();
        if (sources.length <= 8) {
            for (int i : sources) {
                terms.add(term(a.flat(i)));
            }
        } else {
            for (int k = 0; k < 3; k++) {
                terms.add(term(a.flat(sources[k])));
            }
            terms.add("…");
            for (int k = sources.length - 2; k < sources.length; k++) {
                terms.add(term(a.flat(sources[k])));
            }
        }
        String sum = String.join(" + ", terms);
        if (model.opProperty().get() == TensorsModel.OP_MEAN) {
            sum = (sources.length > 1 ? "(" + sum + ")" : sum) + " / " + sources.length;
        }
        return i18n.get("tensors.working", sum, text(value), sources.length);
    }

    private static String term(double v) {
        String t = Format.num(v, 3);
        return v < 0 ? "(" + t + ")" : t;
    }

    private void drawAxisLabels(GraphicsContext g, Theme.Palette p, CellBlock block) {
        int n = block.shape().length;
        int chosen = model.modeProperty().get() == TensorsModel.MODE_REDUCE ? model.axisProperty().get() : -2;
        g.setFont(Fonts.regular(12));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        // The last axis runs along each row.
        int last = n - 1;
        setAxisColour(g, p, chosen, last);
        g.fillText(i18n.get("tensors.axisLabel", last) + " →", block.x(), block.y() - (n == 3 ? 20 : 4));
        // The axis before it runs down the rows: rotated text on the left.
        drawVertical(g, p, chosen, n - 2, i18n.get("tensors.axisLabel", n - 2) + " →", block.x() - 8,
                block.y(), block.y() + block.rows() * block.s());
        if (n == 3) {
            drawVertical(g, p, chosen, 0, i18n.get("tensors.axisLabel", 0) + " →", block.x() - 28, block.y(),
                    block.bottom());
        }
    }

    private void setAxisColour(GraphicsContext g, Theme.Palette p, int chosen, int axis) {
        boolean on = chosen == axis || chosen == TensorsModel.ALL;
        g.setFill(on ? p.probe() : p.axis());
        g.setFont(on ? Fonts.bold(12) : Fonts.regular(12));
    }

    private void drawVertical(GraphicsContext g, Theme.Palette p, int chosen, int axis, String label, double x,
                              double y0, double y1) {
        setAxisColour(g, p, chosen, axis);
        g.save();
        g.translate(x, (y0 + y1) / 2);
        g.rotate(90);
        g.setTextAlign(TextAlignment.CENTER);
        // After a quarter turn, the glyphs' "down" points left: the label sits left of x, clear of the bracket.
        g.setTextBaseline(VPos.TOP);
        g.fillText(label, 0, 0, Math.max(30, y1 - y0 + 30));
        g.restore();
    }

    // -- broadcast --

    private void paintBroadcast(GraphicsContext g, Theme.Palette p, double w, double h) {
        NdArray a = model.arrayA();
        NdArray b = model.arrayB();
        Broadcast.Result shapes = model.broadcastShapes();
        String sign = switch (model.bOpProperty().get()) {
            case TensorsModel.B_MULTIPLY -> "*";
            case TensorsModel.B_DIVIDE -> "/";
            default -> "+";
        };
        drawTitle(g, p, "A " + sign + " B    " + NdArray.shapeText(a.shape()) + " " + sign + " "
                + NdArray.shapeText(b.shape()) + (shapes.compatible() ? " → " + NdArray.shapeText(shapes.shape())
                : "  ✗"), 12, 10, w - 24);
        int[] sa = a.shape();
        int[] sb = b.shape();
        boolean ok = shapes.compatible();
        int[] sr = ok ? shapes.shape() : sb;
        double gutter = sa.length == 3 ? 46 : 26;
        double top = 64;
        double reserved = 200; // the note, the alignment table and the hint line
        double availH = h - top - reserved;
        double signW = 44;
        double wa = CellBlock.widthFor(sa, 1);
        double wb = CellBlock.widthFor(sr, 1);
        double wr = ok ? CellBlock.widthFor(sr, 1) : 0;
        // One row "A + B = result", or two rows "A + B" over "= result" when that gives bigger cells.
        double sOne = Math.min((w - 2 * MARGIN - gutter - 2 * signW) / (wa + wb + wr),
                solveHeight(sa, sr, availH, false));
        double sTwo = !ok ? 0 : Math.min((w - 2 * MARGIN - gutter - signW) / (wa + wb),
                solveHeight(sa, sr, availH - 30, true));
        boolean twoRows = sTwo > sOne * 1.15;
        double s = clampCell(twoRows ? sTwo : sOne);
        double ha = CellBlock.heightFor(sa, s);
        double hb = CellBlock.heightFor(sr, s);
        double rowW = gutter + (wa + wb) * s + signW + (twoRows ? 0 : signW + wr * s);
        double x = Math.max(MARGIN, (w - rowW) / 2) + gutter;
        double y = top;
        blockA = new CellBlock(sa, x, y, s);
        drawAxisLabels(g, p, blockA);
        drawBlock(g, p, blockA, "A", null, pos -> new CellLook(text(a.flat(pos)), null, false, isEditedAt(pos),
                isCursor(TensorsModel.Operand.A2, pos)));
        double bx = blockA.right() + signW;
        drawSign(g, p, sign, blockA.right() + signW / 2, y + Math.min(ha, hb) / 2);
        double bottom;
        if (ok) {
            // B drawn at the result's shape: its own cells solid, the stretched copies faint.
            CellBlock stretched = new CellBlock(sr, bx, y, s);
            // B's own shape; where it is stretched to is in the title and the note below.
            String caption = "B  " + NdArray.shapeText(sb);
            drawBlock(g, p, stretched, "B", caption, pos -> {
                boolean original = Broadcast.isOriginal(sr, sb, pos);
                int src = Broadcast.sourcePosition(sr, sb, pos);
                return new CellLook(text(b.flat(src)), null, !original, original && model.isEdited(
                        TensorsModel.Operand.B, NdArray.unravel(sb, src)), original
                        && isCursor(TensorsModel.Operand.B, src));
            });
            // Clicks on B reach its own cells: hitB maps positions through the stretched block.
            blockB = new CellBlock(sb, bx, y, s);
            double rx;
            double ry;
            if (twoRows) {
                ry = Math.max(blockA.bottom(), stretched.bottom()) + 44;
                rx = x + signW;
                drawSign(g, p, "=", x + signW / 2 - 8, ry + hb / 2);
            } else {
                ry = y;
                rx = stretched.right() + signW;
                drawSign(g, p, "=", stretched.right() + signW / 2, y + hb / 2);
            }
            NdArray res = model.broadcastResult();
            blockResult = new CellBlock(sr, rx, ry, s);
            drawBlock(g, p, blockResult, i18n.get("tensors.result"), null, pos -> new CellLook(text(res.flat(pos)),
                    null, false, false, false));
            bottom = Math.max(blockResult.bottom(), blockA.bottom()) + 30;
            g.setFont(Fonts.regular(12.5));
            g.setFill(p.axis());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            bottom = wrap(g, i18n.get("tensors.broadcast.stretched", NdArray.shapeText(sb),
                    NdArray.shapeText(sr)), MARGIN, bottom, w - 2 * MARGIN, 17);
        } else {
            blockB = new CellBlock(sb, bx, y, s);
            drawBlock(g, p, blockB, "B", null, pos -> new CellLook(text(b.flat(pos)), null, false,
                    model.isEdited(TensorsModel.Operand.B, NdArray.unravel(sb, pos)),
                    isCursor(TensorsModel.Operand.B, pos)));
            g.setStroke(p.warning());
            g.setLineWidth(2.5);
            g.strokeRect(blockB.x() - 6, blockB.y() - 4, blockB.width() + 12, blockB.height() + 8);
            bottom = Math.max(blockA.bottom(), blockB.bottom()) + 30;
        }
        drawAlignment(g, p, shapes, MARGIN + 8, bottom + 10, w);
    }

    /** The two shapes aligned on the right, with a tick or a cross per position and the reason for a cross. */
    private void drawAlignment(GraphicsContext g, Theme.Palette p, Broadcast.Result r, double x, double y,
                               double w) {
        int n = Math.max(r.a().length, r.b().length);
        double colW = 36;
        double labelW = 64;
        g.setTextBaseline(VPos.TOP);
        g.setFont(Fonts.bold(12.5));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(i18n.get("tensors.align.title"), x, y);
        double rowY = y + 20;
        String[] labels = {"A", "B", i18n.get("tensors.result")};
        for (int row = 0; row < 3; row++) {
            g.setFont(Fonts.regular(13));
            g.setFill(p.axis());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(labels[row], x, rowY + row * 19, labelW - 6);
            for (int k = 1; k <= n; k++) {
                double cx = x + labelW + (n - k) * colW + colW / 2;
                String t;
                boolean padded = false;
                if (row == 0 || row == 1) {
                    int[] shape = row == 0 ? r.a() : r.b();
                    padded = k > shape.length;
                    t = padded ? "1" : Integer.toString(Broadcast.lengthFromRight(shape, k));
                } else {
                    int at = k;
                    boolean clash = r.clashes().stream().anyMatch(c -> c.fromRight() == at);
                    t = clash ? "✗" : r.compatible() ? Integer.toString(Broadcast.lengthFromRight(r.shape(), k))
                            : "✓";
                    g.setFill(clash ? p.warning() : p.text());
                }
                if (row < 2) {
                    g.setFill(padded ? p.axis().deriveColor(0, 1, 1, 0.55) : p.text());
                }
                g.setTextAlign(TextAlignment.CENTER);
                g.setFont(row == 2 ? Fonts.bold(13) : Fonts.regular(13));
                g.fillText(t, cx, rowY + row * 19);
            }
        }
        double noteX = x + labelW + n * colW + 18;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Fonts.regular(12.5));
        String note;
        if (r.compatible()) {
            g.setFill(p.axis());
            note = i18n.get("tensors.align.ok");
        } else {
            g.setFill(p.warning());
            note = clashText(r);
        }
        if (w - noteX > 240) {
            wrap(g, note, noteX, rowY, w - noteX - MARGIN, 17);
        } else {
            wrap(g, note, x, rowY + 3 * 19 + 6, w - x - MARGIN, 17);
        }
    }

    /** The clear message for shapes that do not broadcast, naming each clashing position. */
    private String clashText(Broadcast.Result r) {
        List<String> parts = new ArrayList<>();
        for (Broadcast.Clash c : r.clashes()) {
            parts.add(i18n.get("tensors.align.clash", position(c.fromRight()), c.sizeA(), c.sizeB()));
        }
        return i18n.get("tensors.align.fail", NdArray.shapeText(r.a()), NdArray.shapeText(r.b())) + " "
                + String.join(" ", parts);
    }

    private String position(int fromRight) {
        return i18n.get("tensors.align.position" + Math.min(fromRight, 3));
    }

    // -- products --

    private void paintProducts(GraphicsContext g, Theme.Palette p, double w, double h) {
        NdArray a = model.arrayA();
        NdArray b = model.arrayB();
        NdArray had = model.hadamard();
        NdArray mat = model.matmul();
        drawTitle(g, p, "A ⊙ B   " + i18n.get("tensors.product.vs") + "   A B", 12, 10, w - 24);
        int[] sa = a.shape();
        int[] sb = b.shape();
        int[] sh = had != null ? had.shape() : new int[]{1, 1};
        int[] sm = mat != null ? mat.shape() : new int[]{1, 1};
        double top = 64;
        double gap = 56;
        double gutter = sa.length == 3 ? 46 : 26;
        double half = (w - 2 * MARGIN - gutter - gap) / 2;
        double availH = h - top - 190;
        double s = MAX_CELL;
        while (s > MIN_CELL && (Math.max(CellBlock.heightFor(sa, s), CellBlock.heightFor(sb, s))
                + Math.max(CellBlock.heightFor(sh, s), CellBlock.heightFor(sm, s)) + 60 > availH
                || Math.max(CellBlock.widthFor(sa, s), CellBlock.widthFor(sh, s)) > half
                || Math.max(CellBlock.widthFor(sb, s), CellBlock.widthFor(sm, s)) > half)) {
            s -= 1;
        }
        s = clampCell(s);
        double leftX = MARGIN + gutter;
        double rightX = leftX + half + gap;
        blockA = new CellBlock(sa, leftX, top, s);
        blockB = new CellBlock(sb, rightX, top, s);
        boolean hoverHad = hoverBlock != null && hoverBlock == blockHadamardPrev && hoverCell >= 0;
        boolean hoverMat = hoverBlock != null && hoverBlock == blockMatmulPrev && hoverCell >= 0;
        int hi = -1;
        int hj = -1;
        if ((hoverHad || hoverMat) && hoverCell < hoverBlock.size()) {
            int[] idx = NdArray.unravel(hoverBlock.shape(), hoverCell);
            hi = idx[0];
            hj = idx[1];
        }
        int fi = hi;
        int fj = hj;
        drawBlock(g, p, blockA, "A", null, pos -> {
            int[] idx = NdArray.unravel(sa, pos);
            boolean on = sa.length == 2 && (hoverHad ? idx[0] == fi && idx[1] == fj : hoverMat && idx[0] == fi);
            return new CellLook(text(a.flat(pos)), on ? p.probe() : null, false, isEditedAt(pos),
                    isCursor(TensorsModel.Operand.A2, pos));
        });
        drawBlock(g, p, blockB, "B", null, pos -> {
            int[] idx = NdArray.unravel(sb, pos);
            boolean on = sb.length == 2 && (hoverHad ? idx[0] == fi && idx[1] == fj : hoverMat && idx[1] == fj);
            return new CellLook(text(b.flat(pos)), on ? p.probe() : null, false,
                    model.isEdited(TensorsModel.Operand.B, idx), isCursor(TensorsModel.Operand.B, pos));
        });
        double y2 = Math.max(blockA.bottom(), blockB.bottom()) + 62;
        double bottom = y2;
        if (had != null) {
            blockHadamard = new CellBlock(sh, leftX, y2, s);
            drawBlock(g, p, blockHadamard, "A ⊙ B", null, pos -> new CellLook(text(had.flat(pos)),
                    hoverHad && pos == hoverCell ? p.eigen() : null, false, false, false));
            bottom = Math.max(bottom, blockHadamard.bottom() + 26);
        } else {
            bottom = Math.max(bottom, drawReason(g, p, "A ⊙ B", i18n.get("tensors.product.hadamardNo",
                    NdArray.shapeText(sa), NdArray.shapeText(sb)), leftX - gutter / 2, y2, half + gutter / 2));
        }
        if (mat != null) {
            blockMatmul = new CellBlock(sm, rightX, y2, s);
            drawBlock(g, p, blockMatmul, "A B", null, pos -> new CellLook(text(mat.flat(pos)),
                    hoverMat && pos == hoverCell ? p.eigen() : null, false, false, false));
            bottom = Math.max(bottom, blockMatmul.bottom() + 26);
        } else {
            bottom = Math.max(bottom, drawReason(g, p, "A B", i18n.get("tensors.product.matmulNo",
                    NdArray.shapeText(sa), NdArray.shapeText(sb)), rightX, y2, w - rightX - MARGIN));
        }
        blockHadamardPrev = blockHadamard;
        blockMatmulPrev = blockMatmul;
        String line;
        if (hoverHad && had != null) {
            line = i18n.get("tensors.product.hadamardCell", fi, fj, term(a.get(fi, fj)), term(b.get(fi, fj)),
                    text(had.get(fi, fj)));
        } else if (hoverMat && mat != null) {
            List<String> terms = new ArrayList<>();
            for (int k = 0; k < sa[1]; k++) {
                terms.add(term(a.get(fi, k)) + "·" + term(b.get(k, fj)));
            }
            line = i18n.get("tensors.product.matmulCell", fi, fj, String.join(" + ", terms),
                    text(mat.get(fi, fj)));
        } else {
            line = i18n.get("tensors.product.hover");
        }
        g.setFont(Fonts.regular(14));
        g.setFill(hoverHad || hoverMat ? p.text() : p.axis());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        wrap(g, line, MARGIN, bottom + 8, w - 2 * MARGIN, 18);
    }

    /** The lowest y drawn in this frame, so the hint line is left out rather than drawn over content. */
    private double contentBottom;

    /** Remembered from the last frame so hovering can tell which product block the mouse is over. */
    private CellBlock blockHadamardPrev;
    private CellBlock blockMatmulPrev;

    private double drawReason(GraphicsContext g, Theme.Palette p, String title, String reason, double x, double y,
                              double width) {
        g.setFont(Fonts.bold(13));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(title, x, y - 6);
        g.setFont(Fonts.regular(13));
        g.setFill(p.warning());
        g.setTextBaseline(VPos.TOP);
        return wrap(g, reason, x, y, Math.max(120, width), 17);
    }

    // -- shared drawing --

    /** How one cell looks: its text, a highlight colour (or null), faint (a stretched copy), edited, cursor. */
    private record CellLook(String text, Color highlight, boolean faint, boolean edited, boolean cursor) {
    }

    private void drawBlock(GraphicsContext g, Theme.Palette p, CellBlock block, String name, String captionText,
                           java.util.function.IntFunction<CellLook> look) {
        double s = block.s();
        int[] shape = block.shape();
        Color cellFill = p.gridFaint().deriveColor(0, 1, 1, theme.mode() == Theme.Mode.DARK ? 1 : 0.55);
        Color border = p.axis().deriveColor(0, 1, 1, 0.55);
        double fontSize = Math.max(10, Math.min(17, s * 0.34));
        for (int pos = 0; pos < block.size(); pos++) {
            double[] c = block.cell(pos);
            CellLook l = look.apply(pos);
            double arc = shape.length <= 1 ? s * 0.35 : 3;
            g.setFill(l.highlight() != null ? l.highlight().deriveColor(0, 1, 1, 0.38)
                    : l.faint() ? cellFill.deriveColor(0, 1, 1, 0.35) : cellFill);
            g.fillRoundRect(c[0] + 1.5, c[1] + 1.5, s - 3, s - 3, arc, arc);
            g.setStroke(l.highlight() != null ? l.highlight() : l.faint() ? border.deriveColor(0, 1, 1, 0.5) : border);
            g.setLineWidth(l.highlight() != null ? 2 : 1);
            if (l.faint()) {
                g.setLineDashes(4, 3);
            }
            g.strokeRoundRect(c[0] + 1.5, c[1] + 1.5, s - 3, s - 3, arc, arc);
            g.setLineDashes();
            if (l.cursor()) {
                g.setStroke(p.ihat());
                g.setLineWidth(2.5);
                g.strokeRoundRect(c[0] + 3, c[1] + 3, s - 6, s - 6, arc, arc);
            }
            g.setFill(l.faint() ? p.text().deriveColor(0, 1, 1, 0.45) : l.edited() ? p.image() : p.text());
            Font font = l.edited() ? Fonts.bold(fontSize) : Fonts.regular(fontSize);
            double tw = TextMetrics.width(l.text(), font);
            if (tw > s - 6) {
                font = Fonts.regular(Math.max(8, fontSize * (s - 6) / tw));
            }
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(l.text(), c[0] + s / 2, c[1] + s / 2);
        }
        // Brackets make the number of axes visible: none for a scalar or a vector, [ ] around a matrix's rows.
        g.setStroke(p.text().deriveColor(0, 1, 1, 0.8));
        g.setLineWidth(1.6);
        if (shape.length >= 2) {
            for (int k = 0; k < block.slices(); k++) {
                double top = block.sliceTop(k) - 2;
                double bottom = top + block.rows() * s + 4;
                bracket(g, block.x() - 3, top, bottom, 1);
                bracket(g, block.right() + 3, top, bottom, -1);
                if (shape.length == 3) {
                    g.setFill(p.axis());
                    g.setFont(Fonts.regular(11.5));
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.BOTTOM);
                    g.fillText(name + "[" + k + "]", block.x(), top - 1);
                }
            }
        }
        g.setFill(p.text());
        g.setFont(Fonts.bold(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String caption = captionText != null ? captionText : name + "  " + NdArray.shapeText(shape);
        contentBottom = Math.max(contentBottom, block.bottom() + 22);
        g.fillText(caption, block.x(), block.bottom() + 6, Math.max(block.width() + 60, 80));
    }

    private static void bracket(GraphicsContext g, double x, double top, double bottom, int dir) {
        double arm = 5 * dir;
        g.strokeLine(x + arm, top, x, top);
        g.strokeLine(x, top, x, bottom);
        g.strokeLine(x, bottom, x + arm, bottom);
    }

    private void drawTitle(GraphicsContext g, Theme.Palette p, String text, double x, double y, double maxW) {
        g.setFont(Fonts.bold(16));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, y, maxW);
    }

    private void drawSign(GraphicsContext g, Theme.Palette p, String sign, double x, double y) {
        g.setFont(Fonts.bold(22));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(sign, x, y);
    }

    private void drawArrow(GraphicsContext g, Theme.Palette p, double x0, double y0, double x1, double y1) {
        g.setStroke(p.eigen());
        g.setFill(p.eigen());
        g.setLineWidth(2.2);
        g.strokeLine(x0, y0, x1, y1);
        double angle = Math.atan2(y1 - y0, x1 - x0);
        double len = 10;
        g.fillPolygon(new double[]{x1, x1 - len * Math.cos(angle - 0.4), x1 - len * Math.cos(angle + 0.4)},
                new double[]{y1, y1 - len * Math.sin(angle - 0.4), y1 - len * Math.sin(angle + 0.4)}, 3);
    }

    private double wrap(GraphicsContext g, String text, double x, double y, double width, double lineH) {
        double bottom = wrapText(g, text, x, y, width, lineH);
        contentBottom = Math.max(contentBottom, bottom);
        return bottom;
    }

    /** Draws text wrapped at spaces (and between CJK characters) within a width. */
    private static double wrapText(GraphicsContext g, String text, double x, double y, double width, double lineH) {
        Font font = g.getFont();
        double yy = y;
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            int i = 0;
            while (i < paragraph.length()) {
                int next = nextBreak(paragraph, i);
                String piece = paragraph.substring(i, next);
                if (line.length() > 0 && TextMetrics.width(line + piece, font) > width) {
                    g.fillText(line.toString().stripTrailing(), x, yy);
                    yy += lineH;
                    line.setLength(0);
                    piece = piece.stripLeading();
                }
                line.append(piece);
                i = next;
            }
            g.fillText(line.toString(), x, yy);
            yy += lineH;
        }
        return yy;
    }

    private static int nextBreak(String s, int from) {
        int i = from;
        if (i < s.length() && Character.UnicodeScript.of(s.codePointAt(i)) == Character.UnicodeScript.HAN) {
            int j = i + 1;
            // Closing punctuation never starts a line.
            while (j < s.length() && "，。：；！？）、”’》".indexOf(s.charAt(j)) >= 0) {
                j++;
            }
            return j;
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        while (i < s.length() && s.charAt(i) != ' '
                && Character.UnicodeScript.of(s.codePointAt(i)) != Character.UnicodeScript.HAN) {
            i++;
        }
        return Math.max(i, from + 1);
    }


    /** A cell's number: short, and "—" for the undefined results of dividing by 0. */
    private static String text(double v) {
        return Double.isFinite(v) ? Format.num(v, 2) : "—";
    }

    private boolean isEditedAt(int pos) {
        TensorsModel.Operand which = model.inNdimProperty().get() == 3 ? TensorsModel.Operand.A3
                : TensorsModel.Operand.A2;
        return model.isEdited(which, NdArray.unravel(model.shapeA(), pos));
    }

    private boolean isCursor(TensorsModel.Operand which, int pos) {
        if (cursorOperand == null || !plot.isFocused()) {
            return false;
        }
        boolean sameSide = (which == TensorsModel.Operand.B) == (cursorOperand == TensorsModel.Operand.B);
        return sameSide && cursorCell == pos;
    }

    /** B's own cell under a point; in the broadcast picture B's stretched copies lead to their original. */
    private int hitB(double sx, double sy) {
        if (blockB == null) {
            return -1;
        }
        if (model.modeProperty().get() == TensorsModel.MODE_BROADCAST && model.broadcastShapes().compatible()) {
            int[] sr = model.broadcastShapes().shape();
            CellBlock stretched = new CellBlock(sr, blockB.x(), blockB.y(), blockB.s());
            int hit = stretched.hit(sx, sy);
            return hit < 0 ? -1 : Broadcast.sourcePosition(sr, blockB.shape(), hit);
        }
        return blockB.hit(sx, sy);
    }

    // ---- mouse ----------------------------------------------------------------------------------------------------

    /** Clicks on cells of A or B open the editor; hovering over result cells explains them. */
    private final class Clicking implements PlotCanvas.Interaction {

        @Override
        public boolean press(double x, double y, MouseEvent event) {
            Viewport vp = plot.viewport();
            double sx = vp.toScreenX(x);
            double sy = vp.toScreenY(y);
            if (blockA != null && blockA.hit(sx, sy) >= 0) {
                TensorsModel.Operand which = model.inNdimProperty().get() == 3 ? TensorsModel.Operand.A3
                        : TensorsModel.Operand.A2;
                openEditor(which, blockA.hit(sx, sy));
                return true;
            }
            int bHit = hitB(sx, sy);
            if (bHit >= 0) {
                openEditor(TensorsModel.Operand.B, bHit);
                return true;
            }
            closeEditor();
            return true; // nothing to pan: the cells always fit
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double x, double y) {
            Viewport vp = plot.viewport();
            double sx = vp.toScreenX(x);
            double sy = vp.toScreenY(y);
            int before = hoverCell;
            CellBlock beforeBlock = hoverBlock;
            hoverBlock = null;
            hoverCell = -1;
            if (model.modeProperty().get() == TensorsModel.MODE_REDUCE && blockResult != null && !isAnimating()) {
                int hit = blockResult.hit(sx, sy);
                if (hit != lit) {
                    lit = hit;
                    plot.requestRedraw();
                }
            }
            for (CellBlock block : new CellBlock[]{blockHadamard, blockMatmul}) {
                if (block != null && block.hit(sx, sy) >= 0) {
                    hoverBlock = block;
                    hoverCell = block.hit(sx, sy);
                }
            }
            if (before != hoverCell || beforeBlock != hoverBlock) {
                plot.requestRedraw();
            }
            boolean onCell = (blockA != null && blockA.hit(sx, sy) >= 0) || hitB(sx, sy) >= 0;
            return onCell ? Cursor.TEXT : Cursor.DEFAULT;
        }

    }
}
