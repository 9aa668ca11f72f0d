package org.dlmathlab.labs.dataprep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.data.Imputer;
import org.dlmathlab.math.data.OneHot;
import org.dlmathlab.math.data.Table;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;

/**
 * Draws the data-preparation lab: the table with its gaps marked NA, the filled cells and one-hot columns tinted, the
 * working of each step (the mean computed from the present values, the categories found), and the numeric matrix X
 * (and y) once every cell is a number. Holds no math: the model and math.data do the work.
 */
public final class DataprepView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("steps", "csv", "readouts");

    private static final long MAX_CSV_BYTES = 2L * 1024 * 1024;

    private static final String NA_STYLE = "-fx-text-fill: -dl-bad; -fx-font-weight: bold;";
    private static final String FILLED_STYLE = "-fx-text-fill: -dl-accent; -fx-font-weight: bold; "
            + "-fx-background-color: -dl-hint-bg;";
    private static final String ONEHOT_STYLE = "-fx-background-color: -dl-expl-bg;";
    private static final String TARGET_STYLE = "-fx-background-color: -dl-code-bg;";
    private static final String CELL_BASE = "-fx-border-color: -dl-border; -fx-border-width: 0 0 1 0; ";

    private final DataprepModel model;
    private final I18n i18n;
    private final ControlGroups groups;
    private final BorderPane root = new BorderPane();
    private final VBox sheet = new VBox(14);
    private final GridPane table = new GridPane();
    private final VBox working = new VBox(6);
    private final VBox matrixBox = new VBox(6);
    private final Label status = new Label();
    private final Label hint = new Label();
    private final TextArea csvMessages = new TextArea();
    private final List<Label> readoutValues = new ArrayList<>();
    private FileChooser chooser;

    public DataprepView(DataprepModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-dataprep");

        table.setId("dataprep-table");
        table.setHgap(0);
        table.setVgap(0);
        status.setId("dataprep-status");
        status.setWrapText(true);
        status.setStyle("-fx-font-weight: bold;");
        working.setId("dataprep-working");
        matrixBox.setId("dataprep-matrix");
        hint.setWrapText(true);
        hint.getStyleClass().add("control-explain");
        hint.textProperty().bind(i18n.bind("dataprep.hint"));
        sheet.setPadding(new Insets(14));
        sheet.setFocusTraversable(true);
        sheet.setId("dataprep-sheet");
        // Only the table scrolls sideways; the text around it wraps at the visible width.
        ScrollPane tableScroll = new ScrollPane(table);
        tableScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        tableScroll.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The viewport is as tall as the whole table: a sideways scroll bar must not hide the header.
        tableScroll.prefViewportHeightProperty().bind(table.heightProperty());
        tableScroll.getStyleClass().add("dataprep-table-scroll");
        tableScroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        ScrollPane matrixScroll = new ScrollPane(matrixBox);
        matrixScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        matrixScroll.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        matrixScroll.prefViewportHeightProperty().bind(matrixBox.heightProperty());
        matrixScroll.setFitToWidth(true);
        matrixScroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        sheet.getChildren().addAll(hint, tableScroll, status, working, matrixScroll);
        sheet.setOnMouseClicked(e -> sheet.requestFocus());
        sheet.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        ScrollPane scroll = new ScrollPane(sheet);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("dataprep-scroll");
        root.setCenter(scroll);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(stepsGroup(), csvGroup(), readoutGroup());
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

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    public GridPane table() {
        return table;
    }

    public VBox working() {
        return working;
    }

    public VBox matrixBox() {
        return matrixBox;
    }

    public Label status() {
        return status;
    }

    public TextArea csvMessages() {
        return csvMessages;
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node stepsGroup() {
        VBox box = groups.group("steps", "dataprep.steps.title");
        ToggleButton fill = toggle(model.filledProperty(), "dataprep.fill", "dataprep.fill.tooltip", "dataprep-fill");
        ToggleButton onehot = toggle(model.onehotProperty(), "dataprep.onehot", "dataprep.onehot.tooltip",
                "dataprep-onehot");
        CheckBox dummy = check(model.dummyNaProperty(), "dataprep.dummyNa", "dataprep.dummyNa.tooltip",
                "dataprep-dummy-na");
        dummy.setPadding(new Insets(0, 0, 0, 18));
        ToggleButton matrix = toggle(model.matrixProperty(), "dataprep.matrix", "dataprep.matrix.tooltip",
                "dataprep-to-matrix");
        CheckBox target = check(model.targetProperty(), "dataprep.target", "dataprep.target.tooltip",
                "dataprep-target");
        box.getChildren().addAll(groups.explain("dataprep.steps.explain"), fill, onehot, dummy, matrix, target);
        return box;
    }

    private Node csvGroup() {
        VBox box = groups.group("csv", "dataprep.csv.title");
        Button open = new Button();
        open.textProperty().bind(i18n.bind("dataprep.csv.open"));
        open.setTooltip(Tips.of(i18n, "dataprep.csv.open.tooltip"));
        open.setId("dataprep-open-csv");
        open.setOnAction(e -> openCsv());
        Button house = new Button();
        house.textProperty().bind(i18n.bind("dataprep.csv.house"));
        house.setTooltip(Tips.of(i18n, "dataprep.csv.house.tooltip"));
        house.setId("dataprep-house");
        house.setOnAction(e -> {
            model.reset();
            showCsvMessages(List.of());
        });
        csvMessages.setEditable(false);
        csvMessages.setWrapText(true);
        csvMessages.setPrefRowCount(5);
        csvMessages.setId("dataprep-csv-messages");
        csvMessages.setTooltip(Tips.of(i18n, "dataprep.csv.messages.tooltip"));
        csvMessages.setVisible(false);
        csvMessages.setManaged(false);
        box.getChildren().addAll(groups.explain("dataprep.csv.explain"), new HBox(6, open, house), csvMessages);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "dataprep.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        String[] names = {"shape", "missing", "numeric", "x"};
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind("dataprep.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("dataprep-readout-" + names[row]);
            value.setWrapText(true);
            readoutValues.add(value);
            grid.addRow(row, name, value);
        }
        box.getChildren().add(grid);
        return box;
    }

    private ToggleButton toggle(BooleanProperty property, String textKey, String tipKey, String id) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(i18n.bind(textKey));
        b.setTooltip(Tips.of(i18n, tipKey));
        b.setId(id);
        b.setWrapText(true);
        b.setMnemonicParsing(false); // names such as dummy_na keep their underscore
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.selectedProperty().bindBidirectional(property);
        return b;
    }

    private CheckBox check(BooleanProperty property, String textKey, String tipKey, String id) {
        CheckBox c = new CheckBox();
        c.textProperty().bind(i18n.bind(textKey));
        c.setTooltip(Tips.of(i18n, tipKey));
        c.setId(id);
        c.setWrapText(true);
        c.setMnemonicParsing(false);
        c.selectedProperty().bindBidirectional(property);
        return c;
    }


    // ---- keys -----------------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case F -> flip(model.filledProperty());
            case H -> flip(model.onehotProperty());
            case N -> flip(model.dummyNaProperty());
            case X -> flip(model.matrixProperty());
            case Y -> flip(model.targetProperty());
            case O -> openCsv();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static void flip(BooleanProperty p) {
        p.set(!p.get());
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void openCsv() {
        if (chooser == null) {
            chooser = new FileChooser();
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(i18n.get("dataprep.csv.filter"), "*.csv", "*.txt"),
                    new FileChooser.ExtensionFilter(i18n.get("dataprep.csv.filterAll"), "*.*"));
        }
        chooser.setTitle(i18n.get("dataprep.csv.open.title"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            chooser.setInitialDirectory(file.getParentFile());
            loadCsvFile(file.toPath());
        }
    }

    /** Reads a learner's CSV into the model and lists, by line number, what could not be used. */
    public void loadCsvFile(Path file) {
        List<String> lines = new ArrayList<>();
        String name = String.valueOf(file.getFileName());
        try {
            if (Files.size(file) > MAX_CSV_BYTES) {
                showCsvMessages(List.of(i18n.get("dataprep.csv.tooLarge", name, MAX_CSV_BYTES / (1024 * 1024))));
                return;
            }
            // Bytes that are not UTF-8 become replacement characters, so the file still opens and shows them.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<Table.Problem> problems = model.loadCsv(text, name);
            if (name.equals(model.csvName()) && model.original().rowCount() > 0) {
                lines.add(i18n.get("dataprep.csv.loaded", model.original().rowCount(),
                        model.original().columnCount(), name));
            } else {
                lines.add(i18n.get("dataprep.csv.notLoaded", name));
            }
            for (Table.Problem p : problems) {
                lines.add(describe(p));
            }
        } catch (IOException ex) {
            lines.add(i18n.get("dataprep.csv.readError", name, String.valueOf(ex.getMessage())));
        }
        showCsvMessages(lines);
    }

    /** A CSV problem in the learner's language: "line 4: expected 3 values, found 2". */
    String describe(Table.Problem p) {
        Object[] args = p.args().toArray();
        String text = i18n.get("dataprep.csv.problem." + p.kind().name(), args);
        return p.line() > 0 ? i18n.get("dataprep.csv.line", p.line(), text) : text;
    }

    private void showCsvMessages(List<String> lines) {
        csvMessages.setText(String.join("\n", lines));
        boolean any = !lines.isEmpty();
        csvMessages.setVisible(any);
        csvMessages.setManaged(any);
    }

    // ---- drawing --------------------------------------------------------------------------------------------------

    private void refresh() {
        DataprepModel.Outcome o = model.outcome();
        Table t = o.table();
        drawTable(o, t);
        drawWorking(o);
        drawMatrix(o, t);
        int missing = t.missingCount();
        long categories = t.columns().stream().filter(c -> !c.isNumeric()).count();
        if (t.isNumericMatrix()) {
            status.setText(i18n.get("dataprep.status.ready"));
            status.setStyle("-fx-font-weight: bold; -fx-text-fill: -dl-good;");
        } else {
            status.setText(i18n.get("dataprep.status.notYet", missing, categories));
            status.setStyle("-fx-font-weight: bold; -fx-text-fill: -dl-bad;");
        }
        readoutValues.get(0).setText("(" + t.rowCount() + ", " + t.columnCount() + ")");
        readoutValues.get(1).setText(Integer.toString(missing));
        readoutValues.get(2).setText(i18n.get(t.isNumericMatrix() ? "dataprep.readout.yes" : "dataprep.readout.no"));
        readoutValues.get(3).setText("(" + o.inputs().rowCount() + ", " + o.inputs().columnCount() + ")");
    }

    private void drawTable(DataprepModel.Outcome o, Table t) {
        table.getChildren().clear();
        table.add(headerCell("", ""), 0, 0);
        for (int j = 0; j < t.columnCount(); j++) {
            Table.Column c = t.column(j);
            String kind;
            if (c.name().equals(o.targetName())) {
                kind = i18n.get("dataprep.kind.target");
            } else if (o.isOneHot(c.name())) {
                kind = i18n.get("dataprep.kind.onehot");
            } else {
                kind = i18n.get(c.isNumeric() ? "dataprep.kind.number" : "dataprep.kind.category");
            }
            Label head = headerCell(c.name(), kind);
            head.setStyle("-fx-border-color: -dl-text; -fx-border-width: 0 0 1.5 0; -fx-font-weight: bold; "
                    + columnStyle(o, c.name()));
            table.add(head, j + 1, 0);
        }
        for (int i = 0; i < t.rowCount(); i++) {
            Label index = cell(Integer.toString(i));
            index.getStyleClass().add("readout-name");
            index.setStyle(CELL_BASE + "-fx-text-fill: -dl-muted;");
            table.add(index, 0, i + 1);
            for (int j = 0; j < t.columnCount(); j++) {
                Table.Column c = t.column(j);
                Label cell;
                if (c.isMissing(i)) {
                    cell = cell("NA");
                    cell.setStyle(CELL_BASE + columnStyle(o, c.name()) + NA_STYLE);
                    cell.setTooltip(new Tooltip(i18n.get("dataprep.cell.na")));
                } else if (c.isNumeric()) {
                    cell = cell(Format.num(c.number(i), 3));
                    cell.setAlignment(Pos.CENTER_RIGHT);
                    if (o.isFilled(c.name(), i)) {
                        cell.setStyle(CELL_BASE + FILLED_STYLE);
                        cell.setTooltip(new Tooltip(i18n.get("dataprep.cell.filled", Format.num(c.number(i), 3))));
                    } else {
                        cell.setStyle(CELL_BASE + columnStyle(o, c.name()));
                    }
                } else {
                    cell = cell(c.label(i));
                    cell.setStyle(CELL_BASE + columnStyle(o, c.name()));
                }
                cell.setId("dataprep-cell-" + i + "-" + j);
                table.add(cell, j + 1, i + 1);
            }
        }
    }

    private static String columnStyle(DataprepModel.Outcome o, String column) {
        if (column.equals(o.targetName())) {
            return TARGET_STYLE;
        }
        return o.isOneHot(column) ? ONEHOT_STYLE : "";
    }

    private Label headerCell(String name, String kind) {
        Label l = new Label(kind.isEmpty() ? name : name + "\n" + kind);
        l.setPadding(new Insets(4, 12, 4, 12));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Pr...": the sheet scrolls instead
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("dataprep-header");
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.setPadding(new Insets(4, 12, 4, 12));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add("dataprep-cell");
        return l;
    }

    private void drawWorking(DataprepModel.Outcome o) {
        working.getChildren().clear();
        if (o.targetName() != null) {
            working.getChildren().add(line(i18n.get("dataprep.work.target", o.targetName()), false));
        } else if (model.targetProperty().get() && model.original().columnCount() >= 2) {
            working.getChildren().add(line(i18n.get("dataprep.work.targetCategory"), false));
        }
        for (Imputer.Fill f : o.fills()) {
            if (!f.possible()) {
                working.getChildren().add(line(i18n.get("dataprep.work.noMean", f.column()), true));
                continue;
            }
            List<String> terms = new ArrayList<>();
            List<Double> values = f.present();
            if (values.size() <= 8) {
                for (double v : values) {
                    terms.add(Format.num(v, 3));
                }
            } else {
                for (int k = 0; k < 3; k++) {
                    terms.add(Format.num(values.get(k), 3));
                }
                terms.add("…");
                terms.add(Format.num(values.get(values.size() - 1), 3));
            }
            String sum = values.size() == 1 ? terms.get(0) : "(" + String.join(" + ", terms) + ")";
            working.getChildren().add(line(i18n.get("dataprep.work.mean", f.column(), sum, values.size(),
                    Format.num(f.mean(), 4), f.filled().size()), false));
        }
        if (model.filledProperty().get() && o.fills().isEmpty()) {
            working.getChildren().add(line(i18n.get("dataprep.work.nothingToFill"), false));
        }
        for (OneHot.Encoding e : o.encodings()) {
            String key = e.naColumn() ? "dataprep.work.onehotNa" : "dataprep.work.onehot";
            working.getChildren().add(line(i18n.get(key, e.column(), String.join(", ", e.names()),
                    e.categories().size()), false));
        }
        if (model.onehotProperty().get() && o.encodings().isEmpty()) {
            working.getChildren().add(line(i18n.get("dataprep.work.nothingToEncode"), false));
        }
    }

    private static Label line(String text, boolean warning) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (warning) {
            l.setStyle("-fx-text-fill: -dl-bad;");
        }
        return l;
    }

    private void drawMatrix(DataprepModel.Outcome o, Table t) {
        matrixBox.getChildren().clear();
        if (!model.matrixProperty().get()) {
            return;
        }
        double[][] x = model.inputMatrix();
        if (x == null || !t.isNumericMatrix()) {
            matrixBox.getChildren().add(line(i18n.get("dataprep.matrix.notYet"), true));
            return;
        }
        Label title = new Label(i18n.get("dataprep.matrix.x", x.length, x.length == 0 ? 0 : x[0].length));
        title.setStyle("-fx-font-weight: bold;");
        matrixBox.getChildren().addAll(title, numbers(x));
        double[] y = model.targetValues();
        if (y != null) {
            Label yTitle = new Label(i18n.get("dataprep.matrix.y", y.length, o.targetName()));
            yTitle.setStyle("-fx-font-weight: bold;");
            double[][] column = new double[y.length][1];
            for (int i = 0; i < y.length; i++) {
                column[i][0] = y[i];
            }
            matrixBox.getChildren().addAll(yTitle, numbers(column));
        }
        matrixBox.getChildren().add(line(i18n.get("dataprep.matrix.explain"), false));
    }

    /** A matrix of numbers between square brackets. */
    private static Node numbers(double[][] m) {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(2);
        g.setPadding(new Insets(4, 8, 4, 8));
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                Label v = new Label(Format.num(m[i][j], 4));
                v.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                v.setMaxWidth(Double.MAX_VALUE);
                v.setAlignment(Pos.CENTER_RIGHT);
                g.add(v, j, i);
            }
        }
        HBox matrix = new HBox(bracket(true), g, bracket(false));
        matrix.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        matrix.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return matrix;
    }

    /** One side of a square bracket: a vertical bar with short arms at the top and bottom. */
    private static javafx.scene.layout.Region bracket(boolean left) {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        r.setMinWidth(7);
        r.setPrefWidth(7);
        r.setStyle("-fx-border-color: -dl-text; -fx-border-width: " + (left ? "1.5 0 1.5 2" : "1.5 2 1.5 0") + ";");
        return r;
    }
}
