package org.dlmathlab.labs.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.NotesNetwork;
import org.dlmathlab.math.nn.NotesRecipe;
import org.dlmathlab.math.nn.PassCursor;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SeriesChart;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * The 2-3-1 network as a diagram: input nodes x1 x2, hidden units h1 h2 h3, the output o and the loss L, every
 * weight on its edge (colour by sign, thickness by size) and every value in its node, revealed one at a time by
 * Forward and Backward; derivatives appear in orange beside their edge or node. Clicking an edge or a bias selects
 * that parameter: the side panel writes out its chain-rule product with numbers, beside the notes' numerical gradient
 * and their relative difference. Below: the loss per epoch. Side panel: the pass buttons and log, the chain rule, the
 * editable network (selected weight, inputs, target, activation), training (lr, mode, Update, Train N) and a table of
 * all 13 parameters.
 *
 * <p>The diagram lays itself out across the canvas: left to right when the canvas is wide, top to bottom when it is
 * tall. It can be zoomed (+ / − / wheel, 0 to fit) and panned like the other plots.
 */
public final class BackpropView implements LabView {

    public static final List<String> CONTROLS = List.of("pass", "chain", "network", "train", "table", "chart");

    /** Most points the loss chart draws; longer runs show every 2nd, 3rd... epoch. */
    private static final int CHART_POINTS = 2000;
    /** Pixels around an edge that still select it. */
    private static final double EDGE_GRAB = 6;

    private final BackpropModel model;
    private final I18n i18n;
    private final Theme theme;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(0, 100, 0, 100, true));
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final ListView<String> passLog = new ListView<>();
    private final ComboBox<String> weightBox = new ComboBox<>();
    private final Label chainSymbols = new Label();
    private final Label chainFactors = new Label();
    private final Label chainNumbers = new Label();
    private final Label chainValue = new Label();
    private final Label chainNumeric = new Label();
    private final Label chainRelative = new Label();
    private final SimpleDoubleProperty selectedValue = new SimpleDoubleProperty(this, "selectedValue");
    private final Label selectedLabel = new Label();
    private final SimpleDoubleProperty x1 = new SimpleDoubleProperty(this, "x1");
    private final SimpleDoubleProperty x2 = new SimpleDoubleProperty(this, "x2");
    private final SimpleDoubleProperty target = new SimpleDoubleProperty(this, "target");
    private final SimpleDoubleProperty lr = new SimpleDoubleProperty(this, "lr");
    private final ComboBox<String> activationBox = new ComboBox<>();
    private final ComboBox<String> modeBox = new ComboBox<>();
    private final Spinner<Integer> epochsSpinner = new Spinner<>();
    private final Label trainStatus = new Label();
    private final TableView<Integer> table = new TableView<>();
    private final SeriesChart chart;
    private final CheckBox logScale = new CheckBox();
    private final VBox chartBox = new VBox(4);
    private final Text measure = new Text();
    private final List<Hit> hits = new ArrayList<>();
    private int selected;
    private boolean syncing;
    private int chartedRows = -1;
    private double laidOutWidth;
    private double laidOutHeight;
    private boolean compact;

    /** A clickable place on the diagram (a weight label, a bias label) and the parameter it selects. */
    private record Hit(double x, double y, double w, double h, int parameter) {
        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** A node's box on screen. */
    private record Box(double cx, double cy, double w, double h) {
    }

    public BackpropView(BackpropModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-backprop");
        plot.setId("backprop-diagram");
        plot.setPainter(this::paint);
        plot.setInteraction(new EdgeClick());
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        plot.setMinSize(160, 160);

        chart = new SeriesChart(i18n, i18n.bind("backprop.chart.title"), i18n.bind("backprop.chart.x"),
                i18n.bind("backprop.chart.y"), theme);
        chart.setIncludeZero(true);
        logScale.textProperty().bind(i18n.bind("backprop.chart.log"));
        logScale.setTooltip(Tips.of(i18n, "backprop.chart.log.tooltip"));
        logScale.setId("backprop-log");
        logScale.selectedProperty().addListener((o, was, is) -> {
            chart.setLogScale(is);
            chartedRows = -1;
            refreshChart();
        });
        HBox chartBar = new HBox(logScale);
        chartBar.setAlignment(Pos.CENTER_RIGHT);
        chartBar.setPadding(new Insets(0, 8, 0, 8));
        chart.node().setId("backprop-chart");
        chartBox.getChildren().addAll(chart.node(), chartBar);
        chartBox.setPrefHeight(210);
        chartBox.setMinHeight(110);
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        groups.register("chart", chartBox);

        // The learner can give the diagram or the curve more room by dragging the divider.
        SplitPane center = new SplitPane(plot, chartBox);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.72);
        center.getStyleClass().add("backprop-split");
        root.setCenter(center);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(passGroup(), chainGroup(), networkGroup(), trainGroup(), tableGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 230);
        root.setRight(scroller);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            relabelChoices();
            defineSeries();
            chartedRows = -1;
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            defineSeries();
            chartedRows = -1;
            refresh();
        });
        relabelChoices();
        defineSeries();
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas plot() {
        return plot;
    }

    public SeriesChart chart() {
        return chart;
    }

    /** The pass log: one line per revealed value or derivative, in the order revealed. */
    public ListView<String> passLog() {
        return passLog;
    }

    /** The number the chain-rule product of the selected parameter comes to. */
    public Label chainValue() {
        return chainValue;
    }

    public Label chainNumbers() {
        return chainNumbers;
    }

    public TableView<Integer> table() {
        return table;
    }

    /** The selected parameter, notes' order (see {@link BackpropModel#WEIGHTS}). */
    public int selectedParameter() {
        return selected;
    }

    public void select(int parameter) {
        selected = Math.floorMod(parameter, NotesRecipe.PARAMETERS);
        refresh();
    }

    /** Where a parameter's label sits on the diagram, in canvas pixels (for tests and tooltips); null if hidden. */
    public double[] labelCentre(int parameter) {
        for (Hit h : hits) {
            if (h.parameter() == parameter) {
                return new double[]{h.x() + h.w() / 2, h.y() + h.h() / 2};
            }
        }
        return null;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        laidOutWidth = 0;
        plot.requestRedraw();
    }

    // ---- controls ---------------------------------------------------------------------------------------------------


    private Button button(String key, String id, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.bind(key));
        b.setTooltip(Tips.of(i18n, key + ".tooltip"));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node passGroup() {
        VBox box = groups.group("pass", "backprop.pass.title");
        FlowPane buttons = new FlowPane(6, 6,
                button("backprop.pass.forward", "backprop-forward", model::stepForward),
                button("backprop.pass.backward", "backprop-backward", model::stepBackward),
                button("backprop.pass.runForward", "backprop-run-forward", model::runForward),
                button("backprop.pass.runBackward", "backprop-run-backward", model::runBackward),
                button("backprop.pass.hide", "backprop-hide", model::hideValues));
        passLog.setId("backprop-log-list");
        passLog.setPrefHeight(170);
        passLog.setMinHeight(90);
        passLog.setTooltip(Tips.of(i18n, "backprop.pass.log.tooltip"));
        passLog.setFocusTraversable(false);
        passLog.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(18));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        box.getChildren().addAll(groups.explain("backprop.pass.explain"), buttons, passLog);
        return box;
    }

    private Node chainGroup() {
        VBox box = groups.group("chain", "backprop.chain.title");
        weightBox.setMaxWidth(Double.MAX_VALUE);
        weightBox.setId("backprop-weight");
        weightBox.setTooltip(Tips.of(i18n, "backprop.chain.weight.tooltip"));
        weightBox.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            if (!syncing && is != null && is.intValue() >= 0 && is.intValue() != selected) {
                select(is.intValue());
            }
        });
        for (Label l : new Label[]{chainSymbols, chainFactors, chainNumbers, chainNumeric, chainRelative}) {
            l.setWrapText(true);
        }
        chainSymbols.setId("backprop-chain-symbols");
        chainFactors.setId("backprop-chain-factors");
        chainNumbers.setId("backprop-chain-numbers");
        chainValue.setId("backprop-chain-value");
        chainValue.getStyleClass().add("readout-value");
        chainNumeric.setId("backprop-chain-numeric");
        chainRelative.setId("backprop-chain-relative");
        chainNumeric.getStyleClass().add("control-explain");
        chainRelative.getStyleClass().add("control-explain");
        Label equals = new Label("=");
        HBox valueRow = new HBox(6, equals, chainValue);
        valueRow.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(weightBox, chainSymbols, chainFactors, chainNumbers, valueRow, chainNumeric,
                chainRelative);
        return box;
    }

    private Node networkGroup() {
        VBox box = groups.group("network", "backprop.network.title");
        selectedLabel.setWrapText(true);
        selectedLabel.getStyleClass().add("control-explain");
        selectedValue.addListener((o, was, is) -> {
            String name = BackpropModel.WEIGHTS.get(selected);
            if (!syncing && is.doubleValue() != model.quantity(name)) {
                model.setParameter(name, is.doubleValue());
            }
        });
        SliderField weight = new SliderField(i18n.bind("backprop.network.weight"),
                i18n.bind("backprop.network.weight.tooltip"), selectedValue, -3, 3,
                v -> range("θ", v, -BackpropModel.WEIGHT_LIMIT, BackpropModel.WEIGHT_LIMIT),
                text -> NumberInput.parse(text, i18n));
        weight.setId("backprop-selected");
        box.getChildren().addAll(selectedLabel, weight);
        String[] names = {"x1", "x2", "target"};
        SimpleDoubleProperty[] props = {x1, x2, target};
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            props[i].addListener((o, was, is) -> {
                if (!syncing && is.doubleValue() != model.quantity(name)) {
                    model.setParameter(name, is.doubleValue());
                }
            });
            SliderField field = new SliderField(i18n.bind("backprop.network." + name),
                    i18n.bind("backprop.network." + name + ".tooltip"), props[i], -3, 3,
                    v -> range(name, v, -BackpropModel.INPUT_LIMIT, BackpropModel.INPUT_LIMIT),
                    text -> NumberInput.parse(text, i18n));
            field.setId("backprop-" + name);
            box.getChildren().add(field);
        }
        activationBox.setId("backprop-activation");
        activationBox.setMaxWidth(Double.MAX_VALUE);
        activationBox.setTooltip(Tips.of(i18n, "backprop.network.activation.tooltip"));
        activationBox.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            if (!syncing && is != null && is.intValue() >= 0 && is.intValue() != model.activation().ordinal()) {
                model.setParameter("activation", is.intValue());
            }
        });
        Label activationLabel = new Label();
        activationLabel.textProperty().bind(i18n.bind("backprop.network.activation"));
        activationLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, activationLabel, activationBox);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(activationBox, Priority.ALWAYS);
        box.getChildren().add(row);
        return box;
    }

    private Node trainGroup() {
        VBox box = groups.group("train", "backprop.train.title");
        lr.addListener((o, was, is) -> {
            if (!syncing && is.doubleValue() != model.learningRate()) {
                model.setParameter("lr", is.doubleValue());
            }
        });
        SliderField rate = SliderField.logarithmic(i18n.bind("backprop.train.lr"),
                i18n.bind("backprop.train.lr.tooltip"), lr, BackpropModel.LR_MIN, BackpropModel.LR_MAX,
                v -> range("lr", v, BackpropModel.LR_MIN, BackpropModel.LR_MAX), text -> NumberInput.parse(text, i18n));
        rate.setId("backprop-lr");
        modeBox.setId("backprop-mode");
        modeBox.setMaxWidth(Double.MAX_VALUE);
        modeBox.setTooltip(Tips.of(i18n, "backprop.train.mode.tooltip"));
        modeBox.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            if (!syncing && is != null && is.intValue() >= 0 && is.intValue() != model.mode()) {
                model.setParameter("mode", is.intValue());
            }
        });
        Button update = button("backprop.train.update", "backprop-update", model::step);
        epochsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, BackpropModel.TRAIN_MAX,
                NotesRecipe.NOTES_EPOCHS, 100));
        epochsSpinner.setEditable(true);
        epochsSpinner.setPrefWidth(100);
        epochsSpinner.setMinWidth(90);
        epochsSpinner.setId("backprop-epochs");
        epochsSpinner.setTooltip(Tips.of(i18n, "backprop.train.epochs.tooltip"));
        epochsSpinner.getValueFactory().setConverter(new EpochConverter());
        epochsSpinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitEpochs();
            }
        });
        Button train = button("backprop.train.run", "backprop-train", this::train);
        Button reset = button("backprop.train.reset", "backprop-reset", model::reset);
        HBox trainRow = new HBox(6, train, epochsSpinner);
        trainRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane buttons = new FlowPane(6, 6, update, trainRow, reset);
        trainStatus.setWrapText(true);
        trainStatus.setId("backprop-status");
        trainStatus.getStyleClass().add("lab-status");
        box.getChildren().addAll(rate, modeBox, buttons, trainStatus);
        return box;
    }

    /** Reads what is typed in the epochs spinner; a bad entry keeps the old number and says why. */
    private boolean commitEpochs() {
        String text = epochsSpinner.getEditor().getText();
        try {
            double v = NumberInput.parse(text, i18n);
            if (v != Math.rint(v) || v < 1 || v > BackpropModel.TRAIN_MAX) {
                throw new IllegalArgumentException(i18n.get("backprop.error.epochs", BackpropModel.TRAIN_MAX));
            }
            epochsSpinner.getValueFactory().setValue((int) v);
            epochsSpinner.getEditor().getStyleClass().removeAll("field-error");
            return true;
        } catch (IllegalArgumentException e) {
            epochsSpinner.getEditor().setText(String.valueOf(epochsSpinner.getValue()));
            if (!epochsSpinner.getEditor().getStyleClass().contains("field-error")) {
                epochsSpinner.getEditor().getStyleClass().add("field-error");
            }
            trainStatus.setText(e.getMessage());
            return false;
        }
    }

    /** Trains the number of epochs in the spinner. */
    public void train() {
        if (commitEpochs()) {
            model.train(epochsSpinner.getValue());
        }
    }

    public Spinner<Integer> epochsSpinner() {
        return epochsSpinner;
    }

    /** Shows whole numbers; the spinner's own parsing is replaced by {@link #commitEpochs()}. */
    private final class EpochConverter extends StringConverter<Integer> {
        @Override
        public String toString(Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String text) {
            try {
                double v = NumberInput.parse(text, i18n);
                if (v == Math.rint(v) && v >= 1 && v <= BackpropModel.TRAIN_MAX) {
                    return (int) v;
                }
            } catch (IllegalArgumentException e) {
                // fall through: keep the current value
            }
            return epochsSpinner.getValue();
        }
    }

    private Node tableGroup() {
        VBox box = groups.group("table", "backprop.table.title");
        TableColumn<Integer, String> name = column("backprop.table.parameter", k -> displayName(k));
        TableColumn<Integer, String> value = column("backprop.table.value", k -> num(model.parameter(k)));
        TableColumn<Integer, String> grad = column("backprop.table.analytic",
                k -> num(model.network().gradient(k)));
        TableColumn<Integer, String> numeric = column("backprop.table.numeric", k -> num(model.numericalGradient(k)));
        TableColumn<Integer, String> rel = column("backprop.table.relative",
                k -> Format.sci(model.relativeDifference(k), 2));
        table.getColumns().addAll(List.of(name, value, grad, numeric, rel));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setItems(FXCollections.observableArrayList());
        for (int k = 0; k < NotesRecipe.PARAMETERS; k++) {
            table.getItems().add(k);
        }
        table.setPrefHeight(13 * 25 + 32);
        table.setId("backprop-table");
        table.setTooltip(Tips.of(i18n, "backprop.table.tooltip"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (!syncing && is != null && is != selected) {
                select(is);
            }
        });
        box.getChildren().addAll(groups.explain("backprop.table.explain"), table);
        return box;
    }

    private TableColumn<Integer, String> column(String key, java.util.function.IntFunction<String> text) {
        TableColumn<Integer, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(r -> new SimpleStringProperty(text.apply(r.getValue())));
        return c;
    }

    private double range(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("backprop.error.range", name, Format.num(min, 4),
                    Format.num(max, 4)));
        }
        return v;
    }

    private void relabelChoices() {
        boolean was = syncing;
        syncing = true;
        List<String> weights = new ArrayList<>();
        for (int k = 0; k < NotesRecipe.PARAMETERS; k++) {
            weights.add(displayName(k));
        }
        weightBox.setItems(FXCollections.observableArrayList(weights));
        weightBox.getSelectionModel().select(selected);
        List<String> activations = new ArrayList<>();
        for (Activation a : Activation.values()) {
            activations.add(i18n.get("backprop.activation." + a.name().toLowerCase(java.util.Locale.ROOT)));
        }
        activationBox.setItems(FXCollections.observableArrayList(activations));
        activationBox.getSelectionModel().select(model.activation().ordinal());
        modeBox.setItems(FXCollections.observableArrayList(i18n.get("backprop.mode.analytic"),
                i18n.get("backprop.mode.notes")));
        modeBox.getSelectionModel().select(model.mode());
        syncing = was;
    }

    private void defineSeries() {
        chart.defineSeries("loss", i18n.get("backprop.chart.series"), theme.palette().jhat());
    }

    // ---- refresh ----------------------------------------------------------------------------------------------------

    private void refresh() {
        boolean was = syncing;
        syncing = true;
        try {
            weightBox.getSelectionModel().select(selected);
            activationBox.getSelectionModel().select(model.activation().ordinal());
            modeBox.getSelectionModel().select(model.mode());
            selectedValue.set(model.parameter(selected));
            x1.set(model.quantity("x1"));
            x2.set(model.quantity("x2"));
            target.set(model.quantity("target"));
            lr.set(model.learningRate());
            selectedLabel.setText(i18n.get("backprop.network.selected", displayName(selected)));
            table.getSelectionModel().select(Integer.valueOf(selected));
            table.refresh();
        } finally {
            syncing = was;
        }
        refreshChain();
        refreshLog();
        trainStatus.setText(model.diverged() ? i18n.get("backprop.status.diverged", model.epoch())
                : i18n.get("backprop.status.epoch", model.epoch(), num(model.quantity("loss"))));
        trainStatus.getStyleClass().removeAll("status-bad");
        if (model.diverged()) {
            trainStatus.getStyleClass().add("status-bad");
        }
        refreshChart();
        plot.requestRedraw();
    }

    private void refreshChart() {
        List<double[]> rows = model.history();
        if (rows.size() == chartedRows) {
            return;
        }
        chartedRows = rows.size();
        chart.clear("loss");
        int stride = Math.max(1, (rows.size() + CHART_POINTS - 1) / CHART_POINTS);
        for (int i = 0; i < rows.size(); i += stride) {
            chart.add("loss", rows.get(i)[0], rows.get(i)[1]);
        }
        if (!rows.isEmpty() && (rows.size() - 1) % stride != 0) {
            double[] last = rows.get(rows.size() - 1);
            chart.add("loss", last[0], last[1]);
        }
        chart.flush();
    }

    /** The chain rule of the selected parameter: symbols, factors, numbers, value, numerical check. */
    private void refreshChain() {
        NotesNetwork net = model.network();
        int k = selected;
        int j = NotesNetwork.unitOf(k);
        String unit = j >= 0 ? String.valueOf(j + 1) : "";
        String f = model.activation() == Activation.SIGMOID ? "σ′" : "f′";
        String name = displayName(k);
        String symbols;
        String factors;
        if (k < NotesRecipe.w2(0)) {
            boolean bias = k >= NotesRecipe.b1(0);
            String last = bias ? "1" : "x" + (k / NotesRecipe.HIDDEN + 1);
            symbols = "∂L/∂" + name + " = ∂L/∂o · ∂o/∂a" + sub(unit) + " · ∂a" + sub(unit) + "/∂z" + sub(unit)
                    + " · ∂z" + sub(unit) + "/∂" + (bias ? "b" : "w");
            factors = "= 2(o − y) · " + displayName(NotesRecipe.w2(j)) + " · " + f + "(z" + sub(unit) + ") · " + last;
        } else if (k < NotesRecipe.B2) {
            symbols = "∂L/∂" + name + " = ∂L/∂o · ∂o/∂" + name;
            factors = "= 2(o − y) · a" + sub(unit);
        } else {
            symbols = "∂L/∂" + name + " = ∂L/∂o · ∂o/∂" + name;
            factors = "= 2(o − y) · 1";
        }
        NotesNetwork.ChainTerms terms = net.chain(k);
        StringBuilder numbers = new StringBuilder("=");
        for (int i = 0; i < terms.factors().length; i++) {
            numbers.append(i == 0 ? " " : " · ").append('(').append(num(terms.factors()[i])).append(')');
        }
        chainSymbols.setText(symbols);
        chainFactors.setText(factors);
        chainNumbers.setText(numbers.toString());
        chainValue.setText(num(terms.product()));
        chainNumeric.setText(i18n.get("backprop.chain.numeric", num(model.numericalGradient(k))));
        chainRelative.setText(i18n.get("backprop.chain.relative", Format.sci(model.relativeDifference(k), 2)));
    }

    private static String sub(String unit) {
        return unit.isEmpty() ? "" : String.valueOf((char) ('₀' + Integer.parseInt(unit)));
    }

    /** A parameter's name on screen, e.g. w(x1→h1), b(h2), w(h3→o), b(o). */
    public static String displayName(int k) {
        String n = BackpropModel.WEIGHTS.get(k);
        String[] parts = n.split("_");
        return parts.length == 3 ? "w(" + parts[1] + "→" + parts[2] + ")" : "b(" + parts[1] + ")";
    }

    private void refreshLog() {
        List<String> lines = new ArrayList<>();
        PassCursor cursor = model.cursor();
        for (int i = 0; i < cursor.forwardCount(); i++) {
            lines.add(logLine(PassCursor.FORWARD.get(i)));
        }
        for (int i = 0; i < cursor.backwardCount(); i++) {
            lines.add(logLine(PassCursor.BACKWARD.get(i)));
        }
        if (!passLog.getItems().equals(lines)) {
            passLog.getItems().setAll(lines);
            if (!lines.isEmpty()) {
                passLog.scrollTo(lines.size() - 1);
            }
        }
    }

    /** One revealed step written out with its numbers. */
    public String logLine(PassCursor.Reveal r) {
        NotesNetwork n = model.network();
        int j = r.unit();
        String u = j >= 0 ? "h" + (j + 1) : "";
        String fName = i18n.get("backprop.activation.short." + n.activation().name().toLowerCase(java.util.Locale.ROOT));
        return switch (r.kind()) {
            case Z_HIDDEN -> i18n.get("backprop.log.z", u, paren(n.parameter(NotesRecipe.w1(0, j))), paren(n.input(0)),
                    paren(n.parameter(NotesRecipe.w1(1, j))), paren(n.input(1)), paren(n.parameter(NotesRecipe.b1(j))),
                    num(n.z(j)));
            case A_HIDDEN -> i18n.get("backprop.log.a", u, fName, num(n.z(j)), num(n.a(j)));
            case OUT -> i18n.get("backprop.log.out", num(n.out()));
            case LOSS -> i18n.get("backprop.log.loss", paren(n.out()), paren(n.target()), num(n.loss()));
            case DL_DOUT -> i18n.get("backprop.log.dout", num(n.dLdOut()));
            case DL_DA_HIDDEN -> i18n.get("backprop.log.da", u, paren(n.dLdOut()),
                    paren(n.parameter(NotesRecipe.w2(j))), num(n.dLda(j)));
            case DL_DZ_HIDDEN -> i18n.get("backprop.log.dz", u, paren(n.dLda(j)), fName, paren(n.slope(j)),
                    num(n.dLdz(j)));
            case DL_DPARAM -> paramLine(n, r.parameter());
        };
    }

    private String paramLine(NotesNetwork n, int k) {
        String name = displayName(k);
        int j = NotesNetwork.unitOf(k);
        if (k == NotesRecipe.B2) {
            return i18n.get("backprop.log.dbo", name, num(n.gradient(k)));
        }
        if (k >= NotesRecipe.w2(0)) {
            return i18n.get("backprop.log.dwo", name, "h" + (j + 1), paren(n.dLdOut()), paren(n.a(j)),
                    num(n.gradient(k)));
        }
        if (k >= NotesRecipe.b1(0)) {
            return i18n.get("backprop.log.dbh", name, "h" + (j + 1), num(n.gradient(k)));
        }
        int i = k / NotesRecipe.HIDDEN;
        return i18n.get("backprop.log.dwh", name, "h" + (j + 1), "x" + (i + 1), paren(n.dLdz(j)),
                paren(n.input(i)), num(n.gradient(k)));
    }

    private static String paren(double v) {
        String s = num(v);
        return s.startsWith("−") ? "(" + s + ")" : s;
    }

    /** Four significant digits, or scientific notation for very small or large values; never NaN or Infinity. */
    static String num(double v) {
        return num(v, 4);
    }

    /** {@code digits} significant digits (scientific below 10^-3 and from 10^5), never NaN or Infinity. */
    static String num(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e-3 && a < 1e5) {
            int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
            return Format.num(v, decimals);
        }
        // Scientific notation is wide: one digit fewer keeps diagram labels apart.
        return Format.sci(v, Math.max(2, digits - 1));
    }

    // ---- the diagram ------------------------------------------------------------------------------------------------

    /** Node positions: index 0-1 inputs, 2-4 hidden, 5 output, 6 loss. */
    private double[][] layout(double w, double h, boolean wide) {
        double[] along = wide ? new double[]{0.08, 0.08, 0.42, 0.42, 0.42, 0.71, 0.91}
                : new double[]{0.04, 0.04, 0.37, 0.37, 0.37, 0.72, 0.96};
        double[] across = wide ? new double[]{0.28, 0.72, 0.13, 0.5, 0.87, 0.5, 0.5}
                : new double[]{0.2, 0.8, 0.1, 0.5, 0.9, 0.5, 0.5};
        double[][] pos = new double[7][2];
        for (int i = 0; i < 7; i++) {
            if (wide) {
                double top = 46;
                double bottom = h - 34;
                pos[i][0] = along[i] * w;
                pos[i][1] = top + across[i] * (bottom - top);
            } else {
                // Room for the caption above the inputs and the key hint below the loss box.
                double top = 74;
                double bottom = h - 64;
                pos[i][0] = (0.04 + 0.92 * across[i]) * w;
                pos[i][1] = top + (along[i] - 0.04) / 0.92 * (bottom - top);
            }
        }
        return pos;
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        if (vp.width() != laidOutWidth || vp.height() != laidOutHeight) {
            // The layout is in pixels of the canvas as it is now; zoom and pan then act on that picture.
            laidOutWidth = vp.width();
            laidOutHeight = vp.height();
            vp.setDefault(0, laidOutWidth, 0, laidOutHeight);
            vp.reset();
        }
        double w = laidOutWidth;
        double h = laidOutHeight;
        boolean wide = w >= 0.9 * h;
        double[][] pos = layout(w, h, wide);
        double zoom = vp.scale();
        // Text never shrinks below about 9 px: a crowded small diagram can be zoomed, an unreadable one cannot.
        double raw = Math.min(w / (wide ? 720 : 420), h / (wide ? 400 : 640));
        // Too little room for two lines per label: each label then shows its gradient once revealed, else its value.
        compact = raw * zoom < 0.85;
        double s = Math.max(0.8, Math.min(1.15, raw)) * zoom;
        NotesNetwork net = model.network();
        PassCursor cursor = model.cursor();
        PassCursor.Reveal current = cursor.current();
        hits.clear();

        Box[] boxes = new Box[7];
        Font small = Fonts.regular(11.5 * s);
        Font smallBold = Fonts.bold(11.5 * s);
        // Hidden boxes are as wide as their longest line, so a narrow canvas keeps them apart.
        double bw = Math.max(width("z = −0.0000", small), width("a = −0.0000", small)) + 12 * s;
        double bh = 64 * s;
        for (int i = 0; i < 7; i++) {
            double sx = vp.toScreenX(pos[i][0]);
            double sy = vp.toScreenY(h - pos[i][1]);
            double boxW = i < 2 ? 50 * s : i == 6 ? width("L = (o − y)²", smallBold) + 14 * s : bw;
            double boxH = i < 2 ? 40 * s : bh;
            boxes[i] = new Box(sx, sy, boxW, boxH);
        }
        Color gradColor = p.probe().deriveColor(0, 1, 0.88, 1);
        Color veil = p.background().deriveColor(0, 1, 1, 0.85);
        // The value just revealed sits on a teal wash: readable under dark and light text in both themes.
        Color highlight = p.eigen().deriveColor(0, 1, 1, 0.3);

        // Edges first, labels later, so no line crosses a label.
        List<Runnable> labels = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                int k = NotesRecipe.w1(i, j);
                double t = wide ? (i == 0 ? 0.6 : 0.78) : (i == 0 ? 0.4 : 0.66);
                edge(g, boxes[i], boxes[2 + j], k, t, wide, s, p, net, cursor, current, labels, gradColor, highlight);
            }
        }
        for (int j = 0; j < 3; j++) {
            edge(g, boxes[2 + j], boxes[5], NotesRecipe.w2(j), 0.5, wide, s, p, net, cursor, current, labels,
                    gradColor, highlight);
        }
        // o -> L
        double[] ol = ends(boxes[5], boxes[6], wide);
        g.setStroke(p.axis());
        g.setLineWidth(1.5 * s);
        g.strokeLine(ol[0], ol[1], ol[2], ol[3]);
        labels.forEach(Runnable::run);

        // Nodes.
        for (int i = 0; i < 2; i++) {
            nodeBox(g, boxes[i], p, false);
            text(g, "x" + (i + 1), boxes[i].cx(), boxes[i].cy() - 8 * s, smallBold, p.text(), null);
            text(g, num(net.input(i)), boxes[i].cx(), boxes[i].cy() + 8 * s, small, p.text(), null);
        }
        for (int j = 0; j < 3; j++) {
            Box b = boxes[2 + j];
            nodeBox(g, b, p, false);
            double line = 15 * s;
            String title = "h" + (j + 1) + " · " + i18n.get("backprop.activation.short."
                    + net.activation().name().toLowerCase(java.util.Locale.ROOT));
            text(g, width(title, smallBold) < b.w() - 4 ? title : "h" + (j + 1), b.cx(), b.cy() - 13 * s, smallBold,
                    p.text(), null);
            boolean zShown = cursor.showsZ(j);
            boolean aShown = cursor.showsA(j);
            text(g, "z = " + (zShown ? num(net.z(j)) : "?"), b.cx(), b.cy() + 3 * s, small, zShown ? p.text() : p.axis(),
                    isCurrent(current, PassCursor.Kind.Z_HIDDEN, j) ? highlight : null);
            text(g, "a = " + (aShown ? num(net.a(j)) : "?"), b.cx(), b.cy() + 3 * s + line, small, aShown ? p.text() : p.axis(),
                    isCurrent(current, PassCursor.Kind.A_HIDDEN, j) ? highlight : null);
            // The bias above the box, the node's derivatives below it.
            int k = NotesRecipe.b1(j);
            parameterLabel(g, k, b.cx(), b.cy() - b.h() / 2 + 8 * s, true, s, p, net, cursor, current, gradColor,
                    highlight);
            double y = b.cy() + b.h() / 2 + 9 * s;
            if (compact) {
                // One line under the box: the latest of the two derivatives (both are in the pass log).
                if (cursor.showsDLdz(j) || cursor.showsDLda(j)) {
                    boolean z = cursor.showsDLdz(j);
                    text(g, (z ? "∂L/∂z = " + num(net.dLdz(j)) : "∂L/∂a = " + num(net.dLda(j))), b.cx(), y, small,
                            gradColor, isCurrent(current, z ? PassCursor.Kind.DL_DZ_HIDDEN : PassCursor.Kind.DL_DA_HIDDEN,
                                    j) ? highlight : veil);
                }
            } else if (cursor.showsDLda(j)) {
                text(g, "∂L/∂a = " + num(net.dLda(j)), b.cx(), y, small, gradColor,
                        isCurrent(current, PassCursor.Kind.DL_DA_HIDDEN, j) ? highlight : veil);
            }
            if (!compact && cursor.showsDLdz(j)) {
                text(g, "∂L/∂z = " + num(net.dLdz(j)), b.cx(), y + 14 * s, small, gradColor,
                        isCurrent(current, PassCursor.Kind.DL_DZ_HIDDEN, j) ? highlight : veil);
            }
        }
        Box o = boxes[5];
        nodeBox(g, o, p, false);
        String outTitle = "o · " + i18n.get("backprop.activation.short.linear");
        text(g, width(outTitle, smallBold) < o.w() - 4 ? outTitle : "o", o.cx(), o.cy() - 6 * s, smallBold, p.text(),
                null);
        boolean outShown = cursor.showsOut();
        text(g, "o = " + (outShown ? num(net.out()) : "?"), o.cx(), o.cy() + 12 * s, small,
                outShown ? p.text() : p.axis(), isCurrent(current, PassCursor.Kind.OUT, -1) ? highlight : null);
        parameterLabel(g, NotesRecipe.B2, o.cx(), o.cy() - o.h() / 2 + 8 * s, true, s, p, net, cursor, current,
                gradColor, highlight);
        if (cursor.showsDLdOut()) {
            text(g, "∂L/∂o = " + num(net.dLdOut()), o.cx(), o.cy() + o.h() / 2 + 9 * s, small, gradColor,
                    isCurrent(current, PassCursor.Kind.DL_DOUT, -1) ? highlight : veil);
        }
        Box l = boxes[6];
        nodeBox(g, l, p, true);
        text(g, "L = (o − y)²", l.cx(), l.cy() - 15 * s, smallBold, p.text(), null);
        text(g, "y = " + num(net.target()), l.cx(), l.cy(), small, p.text(), null);
        boolean lossShown = cursor.showsLoss();
        text(g, "L = " + (lossShown ? num(net.loss()) : "?"), l.cx(), l.cy() + 15 * s, small,
                lossShown ? p.text() : p.axis(), isCurrent(current, PassCursor.Kind.LOSS, -1) ? highlight : null);

        drawCaption(g, vp, p, current);
    }

    private static boolean isCurrent(PassCursor.Reveal current, PassCursor.Kind kind, int unit) {
        return current != null && current.kind() == kind && current.unit() == unit;
    }

    /** The visible part of the line between two boxes' centres: from the edge of one box to the edge of the other. */
    private static double[] ends(Box a, Box b, boolean wide) {
        if (wide) {
            return new double[]{a.cx() + a.w() / 2, a.cy(), b.cx() - b.w() / 2, b.cy()};
        }
        return new double[]{a.cx(), a.cy() + a.h() / 2, b.cx(), b.cy() - b.h() / 2};
    }

    private void edge(GraphicsContext g, Box from, Box to, int k, double t, boolean wide, double s, Theme.Palette p,
                      NotesNetwork net, PassCursor cursor, PassCursor.Reveal current, List<Runnable> labels,
                      Color gradColor, Color highlight) {
        double[] e = ends(from, to, wide);
        double weight = net.parameter(k);
        Color c = weight >= 0 ? p.ihat() : p.jhat();
        if (k == selected) {
            g.setStroke(p.image().deriveColor(0, 1, 1, 0.45));
            g.setLineWidth((7 + 4 * Math.min(1, Math.abs(weight))) * s);
            g.strokeLine(e[0], e[1], e[2], e[3]);
        }
        g.setStroke(c.deriveColor(0, 1, 1, 0.85));
        g.setLineWidth((0.8 + 4.2 * Math.min(1, Math.abs(weight))) * s);
        g.strokeLine(e[0], e[1], e[2], e[3]);
        double lx = e[0] + t * (e[2] - e[0]);
        double ly = e[1] + t * (e[3] - e[1]);
        labels.add(() -> parameterLabel(g, k, lx, ly, false, s, p, net, cursor, current, gradColor, highlight));
    }

    /**
     * A parameter's value (and, once revealed, its gradient) in a small pill; clicking it selects the parameter.
     * Above a point when {@code above} (biases over their node), else centred on it (weights on their edge).
     */
    private void parameterLabel(GraphicsContext g, int k, double cx, double cy, boolean above, double s,
                                Theme.Palette p, NotesNetwork net, PassCursor cursor, PassCursor.Reveal current,
                                Color gradColor, Color highlight) {
        Font font = Fonts.regular(11.5 * s);
        boolean bias = k >= NotesRecipe.b1(0) && k < NotesRecipe.w2(0) || k == NotesRecipe.B2;
        // Three digits on the picture; the panel and the table give four.
        String value = (bias ? "b = " : "") + num(net.parameter(k), 3);
        boolean gradShown = cursor.showsGradient(k);
        String grad = gradShown ? "∂ " + num(net.gradient(k), 3) : null;
        if (compact && grad != null) {
            value = grad;
            grad = null;
        }
        double w1 = width(value, font);
        double w2 = grad == null ? 0 : width(grad, font);
        double lineH = 14 * s;
        double w = Math.max(w1, w2) + 8 * s;
        double hgt = (grad == null ? 1 : 2) * lineH + 3 * s;
        double x = cx - w / 2;
        double y = above ? cy - hgt : cy - hgt / 2;
        boolean isCurrent = current != null && current.kind() == PassCursor.Kind.DL_DPARAM && current.parameter() == k;
        g.setFill(isCurrent ? highlight : p.background().deriveColor(0, 1, 1, 0.92));
        g.fillRoundRect(x, y, w, hgt, 6 * s, 6 * s);
        g.setStroke(k == selected ? p.image() : p.gridFaint().darker());
        g.setLineWidth(k == selected ? 2 * s : 1);
        g.strokeRoundRect(x, y, w, hgt, 6 * s, 6 * s);
        double weight = net.parameter(k);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(compact && gradShown ? gradColor.deriveColor(0, 1, 0.9, 1)
                : bias ? p.text() : (weight >= 0 ? p.ihat() : p.jhat()).deriveColor(0, 1, 0.85, 1));
        g.fillText(value, cx, y + 1.5 * s + lineH / 2);
        if (grad != null) {
            g.setFill(gradColor.deriveColor(0, 1, 0.9, 1));
            g.fillText(grad, cx, y + 1.5 * s + lineH * 1.5);
        }
        hits.add(new Hit(x, y, w, hgt, k));
    }

    private double width(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        Bounds b = measure.getLayoutBounds();
        return b.getWidth();
    }

    private void nodeBox(GraphicsContext g, Box b, Theme.Palette p, boolean loss) {
        double x = b.cx() - b.w() / 2;
        double y = b.cy() - b.h() / 2;
        g.setFill(loss ? p.warning().deriveColor(0, 0.5, 1, 0.12) : p.gridFaint().deriveColor(0, 1, 1, 0.55));
        g.fillRoundRect(x, y, b.w(), b.h(), 12, 12);
        g.setStroke(loss ? p.warning() : p.axis());
        g.setLineWidth(1.4);
        g.strokeRoundRect(x, y, b.w(), b.h(), 12, 12);
    }

    private void text(GraphicsContext g, String text, double cx, double cy, Font font, Color color, Color back) {
        g.setFont(font);
        if (back != null) {
            double w = width(text, font) + 8;
            double h = font.getSize() + 5;
            g.setFill(back);
            g.fillRoundRect(cx - w / 2, cy - h / 2, w, h, 6, 6);
        }
        g.setFill(color);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, cx, cy);
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, PassCursor.Reveal current) {
        double width = vp.width() - 16;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String line1 = i18n.get("backprop.caption", model.epoch(), num(model.quantity("loss")),
                i18n.get(model.mode() == 1 ? "backprop.mode.short.notes" : "backprop.mode.short.analytic"));
        String line2 = current == null ? i18n.get("backprop.caption.start") : logLine(current);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.88));
        g.fillRect(4, 4, width + 8, 40);
        g.setFont(Fonts.bold(13));
        g.setFill(model.diverged() ? p.warning() : p.text());
        g.fillText(model.diverged() ? i18n.get("backprop.status.diverged", model.epoch()) : line1, 10, 6, width);
        g.setFont(Fonts.regular(12));
        g.setFill(current != null && current.kind().ordinal() >= PassCursor.Kind.DL_DOUT.ordinal()
                ? p.probe().deriveColor(0, 1, 0.85, 1) : p.text());
        g.fillText(line2, 10, 25, width);
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(i18n.get(vp.width() >= 560 ? "backprop.plot.hint" : "backprop.plot.hintShort"), 10,
                vp.height() - 6, width);
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case F -> {
                if (e.isShiftDown()) {
                    model.runForward();
                } else {
                    model.stepForward();
                }
            }
            case B -> {
                if (e.isShiftDown()) {
                    model.runBackward();
                } else {
                    model.stepBackward();
                }
            }
            case U -> model.step();
            case T -> train();
            case H -> model.hideValues();
            case UP, LEFT -> select(selected - 1);
            case DOWN, RIGHT -> select(selected + 1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Clicking a weight's edge or label, or a bias label, selects that parameter. */
    private final class EdgeClick implements PlotCanvas.Interaction {

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            int k = find(event.getX(), event.getY());
            if (k >= 0) {
                select(k);
                return true;
            }
            return false;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double wx, double wy) {
            Viewport vp = plot.viewport();
            return find(vp.toScreenX(wx), vp.toScreenY(wy)) >= 0 ? Cursor.HAND : Cursor.DEFAULT;
        }
    }

    /** The parameter under a canvas pixel: a label first, else the nearest weight edge within a few pixels. */
    int find(double px, double py) {
        for (Hit h : hits) {
            if (h.contains(px, py)) {
                return h.parameter();
            }
        }
        int best = -1;
        double bestD = EDGE_GRAB;
        for (double[] seg : edgeSegments()) {
            double d = distance(px, py, seg);
            if (d <= bestD) {
                bestD = d;
                best = (int) seg[4];
            }
        }
        return best;
    }

    /** Screen segments of the nine weight edges: x0, y0, x1, y1, parameter. */
    private List<double[]> edgeSegments() {
        Viewport vp = plot.viewport();
        double w = laidOutWidth;
        double h = laidOutHeight;
        List<double[]> out = new ArrayList<>();
        if (w <= 0) {
            return out;
        }
        double[][] pos = layout(w, h, w >= 0.9 * h);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                out.add(segment(vp, h, pos[i], pos[2 + j], NotesRecipe.w1(i, j)));
            }
        }
        for (int j = 0; j < 3; j++) {
            out.add(segment(vp, h, pos[2 + j], pos[5], NotesRecipe.w2(j)));
        }
        return out;
    }

    private static double[] segment(Viewport vp, double h, double[] a, double[] b, int k) {
        return new double[]{vp.toScreenX(a[0]), vp.toScreenY(h - a[1]), vp.toScreenX(b[0]), vp.toScreenY(h - b[1]), k};
    }

    private static double distance(double px, double py, double[] s) {
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - s[0]) * dx + (py - s[1]) * dy) / len2));
        return Math.hypot(px - (s[0] + t * dx), py - (s[1] + t * dy));
    }
}
