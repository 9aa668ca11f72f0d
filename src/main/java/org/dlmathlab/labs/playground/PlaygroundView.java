package org.dlmathlab.labs.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.nn.ConfusionMatrix;
import org.dlmathlab.math.nn.Datasets2D;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlayBar;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SeriesChart;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * The playground: on the left the data plane (points by class and part, the decision regions as a tint whose
 * strength is the network's confidence) above the network diagram (shape editor with a small map per hidden unit);
 * on the right Play / Step / Restart with the epoch count, the data, the split, the network, the training settings,
 * early stopping, the loss or accuracy curves, the confusion matrix and the read-outs.
 *
 * <p>Speed: training runs on the FX thread, in slices of the PlayBar's frame budget (up to 1000 epochs a second).
 * The network is tiny, so a worker thread would gain little on two cores and cost a copy of the weights per frame and
 * care about which run a picture belongs to; on the FX thread every frame shows exactly the weights of the last epoch,
 * and a run is the same whether it was played, stepped or run by a lesson's {@code steps:}. The decision regions are
 * a 100 x 100 image (drawn scaled up with smoothing) recomputed at most once per frame, only when the weights, the
 * view or the theme changed; the hidden-unit maps (40 x 40) and the confusion matrix are refreshed four times a
 * second while playing, the chart ten times.
 */
public final class PlaygroundView implements LabView {

    public static final List<String> CONTROLS = List.of("run", "data", "split", "network", "training",
            "early-stopping", "chart", "confusion", "readouts", "diagram");

    /** Cells of the decision map per side. */
    public static final int REGION_CELLS = 100;
    /** Cells of each hidden unit's map per side. */
    public static final int UNIT_CELLS = 40;
    private static final long CHART_INTERVAL_NANOS = 100_000_000L;
    private static final long MAPS_INTERVAL_NANOS = 250_000_000L;
    private static final int CHART_POINTS = 600;
    /** The plane shows [-E, E] on both axes at first; the unit maps always show this square. */
    public static final double PLANE_EXTENT = 3.6;
    private static final int SHADES = 64;

    private static final Color[] CLASS_LIGHT = {
        Color.web("#1c7ed6"), Color.web("#e8590c"), Color.web("#2f9e44"), Color.web("#9c36b5")};
    private static final Color[] CLASS_DARK = {
        Color.web("#4dabf7"), Color.web("#ff922b"), Color.web("#69db7c"), Color.web("#da77f2")};
    private static final Color[] SERIES_LIGHT = {Color.web("#1c7ed6"), Color.web("#e8590c"), Color.web("#2f9e44")};
    private static final Color[] SERIES_DARK = {Color.web("#4dabf7"), Color.web("#ff922b"), Color.web("#69db7c")};

    private final PlaygroundModel model;
    private final I18n i18n;
    private final Theme theme;
    /** Runs a refresh still waiting for its turn before laying out, so a picture taken right away is current. */
    private final BorderPane root = new BorderPane() {
        @Override
        protected void layoutChildren() {
            if (refreshQueued) {
                refreshQueued = false;
                refresh();
            }
            super.layoutChildren();
        }
    };
    private final ControlGroups groups;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(PLANE_EXTENT));
    private final NetworkDiagram diagram;
    private final PlayBar playBar;
    private final SeriesChart chart;
    private final Label epochLabel = new Label();
    private final Label statusLabel = new Label();
    private final ComboBox<String> datasetBox = new ComboBox<>();
    private final ComboBox<String> classesBox = new ComboBox<>();
    private final ComboBox<String> activationBox = new ComboBox<>();
    private final ComboBox<String> optimizerBox = new ComboBox<>();
    private final ComboBox<String> confusionSetBox = new ComboBox<>();
    private final CheckBox earlyBox = new CheckBox();
    private final Label layersLabel = new Label();
    private final Label shapeLabel = new Label();
    private final Label splitLabel = new Label();
    private final Label ownLabel = new Label();
    private final Button undoButton = new Button();
    private final Button clearButton = new Button();
    private final Button addLayer = new Button("+");
    private final Button removeLayer = new Button("−");
    private final ToggleButton lossToggle = new ToggleButton();
    private final ToggleButton accuracyToggle = new ToggleButton();
    private final Canvas confusionCanvas = new Canvas(250, 150);
    private final Label[][] readouts = new Label[3][3];
    private final Map<String, DoubleProperty> properties = new java.util.HashMap<>();
    private final Map<String, SliderField> fields = new java.util.HashMap<>();private final VBox ownBox = new VBox(6);
    private boolean syncing;
    private boolean refreshQueued;

    // The decision map and what it was built for.
    private final int[] predicted = new int[REGION_CELLS * REGION_CELLS];
    private final float[] confidence = new float[REGION_CELLS * REGION_CELLS];
    private final int[] pixels = new int[REGION_CELLS * REGION_CELLS];
    private final WritableImage regionImage = new WritableImage(REGION_CELLS, REGION_CELLS);
    private long builtVersion = -1;
    private double builtMinX;
    private double builtMaxX;
    private double builtMinY;
    private double builtMaxY;
    private Theme.Mode builtMode;
    private long regionBuilds;

    // What the chart and the maps show.
    private long chartRevision = -1;
    private int chartLast = -1;
    private int chartStride = 1;
    private boolean chartAccuracy;
    private long lastChartUpdate;
    private long lastMapsUpdate;
    private long mapsVersion = -1;

    public PlaygroundView(PlaygroundModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-playground");
        plot.setId("playground-plane");
        plot.setPainter(this::paint);
        plot.setInteraction(new NoDrag());
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        playBar = new PlayBar(i18n, model::step, model::canContinue, () -> { }, model::restart);
        playBar.speedSlider().setValue(2);
        chart = new SeriesChart(i18n, i18n.bind("playground.chart.none"), i18n.bind("playground.chart.x"),
                i18n.bind("playground.chart.loss"), theme);
        chart.setIncludeZero(true);
        diagram = new NetworkDiagram(model, i18n, theme);
        diagram.setId("playground-diagram");
        diagram.setOwner(this);
        groups.register("diagram", diagram);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(runGroup(), dataGroup(), splitGroup(), networkGroup(), trainingGroup(),
                earlyGroup(), chartGroup(), confusionGroup(), readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 300, 240);

        VBox center = new VBox(plot, diagram);
        VBox.setVgrow(plot, Priority.ALWAYS);
        diagram.setPrefHeight(200);
        diagram.setMinHeight(140);
        root.setCenter(center);
        root.setRight(scroller);

        model.changes().addListener(o -> queueRefresh());
        i18n.langProperty().addListener(o -> {
            relabelChoices();
            defineSeries();
            chartRevision = -1;
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            defineSeries();
            chartRevision = -1;
            mapsVersion = -1;
            refresh();
        });
        playBar.playingProperty().addListener(o -> refresh());
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

    public PlayBar playBar() {
        return playBar;
    }

    public SeriesChart chart() {
        return chart;
    }

    public NetworkDiagram diagram() {
        return diagram;
    }

    /** How many times the 100 x 100 decision map was computed: at most once per frame, and only after a change. */
    public long regionBuilds() {
        return regionBuilds;
    }

    /** The typed field of a parameter's slider (tests type into it). */
    public SliderField field(String parameter) {
        return fields.get(parameter);
    }

    public Label statusLabel() {
        return statusLabel;
    }

    public Label epochLabel() {
        return epochLabel;
    }

    @Override
    public java.util.Optional<PlayBar> player() {
        return java.util.Optional.of(playBar);
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        playBar.pause();
        plot.resetView();
    }

    @Override
    public void dispose() {
        playBar.pause();
    }

    // ---- controls -----------------------------------------------------------------------------------------------------


    private Node runGroup() {
        VBox box = groups.group("run", "playground.run.title");
        epochLabel.setId("playground-epoch");
        epochLabel.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
        Tooltip.install(epochLabel, Tips.of(i18n, "playground.epoch.tooltip"));
        statusLabel.setId("playground-status");
        statusLabel.setWrapText(true);
        statusLabel.getStyleClass().add("control-explain");
        box.getChildren().addAll(playBar, epochLabel, statusLabel);
        return box;
    }

    private Node dataGroup() {
        VBox box = groups.group("data", "playground.data.title");
        datasetBox.setId("playground-dataset");
        datasetBox.setMaxWidth(Double.MAX_VALUE);
        datasetBox.setTooltip(Tips.of(i18n, "playground.dataset.tooltip"));
        datasetBox.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!syncing && i != null && i.intValue() >= 0 && i.intValue() != model.dataset()) {
                playBar.pause();
                model.setParameter("dataset", i.intValue());
            }
        });
        classesBox.setId("playground-classes");
        classesBox.setTooltip(Tips.of(i18n, "playground.classes.tooltip"));
        classesBox.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!syncing && i != null && i.intValue() >= 0) {
                playBar.pause();
                model.setParameter("classes", i.intValue() + 2);
            }
        });
        Label classesName = new Label();
        classesName.textProperty().bind(i18n.bind("playground.classes.label"));
        HBox classesRow = new HBox(8, classesName, classesBox);
        classesRow.setAlignment(Pos.CENTER_LEFT);
        SliderField n = slider("n", "playground.n.label", "playground.n.tooltip", 10, 1000, true, false);
        SliderField noise = slider("noise", "playground.noise.label", "playground.noise.tooltip", 0, 1, false, false);
        SliderField seed = slider("seed", "playground.seed.label", "playground.seed.tooltip", 0, 100, true, false);
        ownLabel.setWrapText(true);
        ownLabel.getStyleClass().add("control-explain");
        ownLabel.setId("playground-own");
        undoButton.textProperty().bind(i18n.bind("playground.own.undo"));
        undoButton.setTooltip(Tips.of(i18n, "playground.own.undo.tooltip"));
        undoButton.getStyleClass().add("small-button");
        undoButton.setOnAction(e -> model.undoPoint());
        clearButton.textProperty().bind(i18n.bind("playground.own.clear"));
        clearButton.setTooltip(Tips.of(i18n, "playground.own.clear.tooltip"));
        clearButton.getStyleClass().add("small-button");
        clearButton.setId("playground-clear");
        clearButton.setOnAction(e -> {
            playBar.pause();
            model.clearPoints();
        });
        ownBox.getChildren().addAll(ownLabel, new HBox(6, undoButton, clearButton));
        box.getChildren().addAll(datasetBox, classesRow, n, noise, seed, ownBox);
        return box;
    }

    private Node splitGroup() {
        VBox box = groups.group("split", "playground.split.title");
        SliderField train = slider("train_frac", "playground.split.train", "playground.split.train.tooltip", 0.1, 0.9,
                false, false);
        SliderField val = slider("val_frac", "playground.split.val", "playground.split.val.tooltip", 0, 0.5, false,
                false);
        splitLabel.setWrapText(true);
        splitLabel.getStyleClass().add("control-explain");
        splitLabel.setId("playground-split");
        box.getChildren().addAll(train, val, splitLabel);
        return box;
    }

    private Node networkGroup() {
        VBox box = groups.group("network", "playground.network.title");
        Label layersName = new Label();
        layersName.textProperty().bind(i18n.bind("playground.layers.label"));
        removeLayer.setId("playground-remove-layer");
        addLayer.setId("playground-add-layer");
        removeLayer.setTooltip(Tips.of(i18n, "playground.layers.remove.tooltip"));
        addLayer.setTooltip(Tips.of(i18n, "playground.layers.add.tooltip"));
        removeLayer.setOnAction(e -> changeLayers(-1));
        addLayer.setOnAction(e -> changeLayers(1));
        layersLabel.setId("playground-layers");
        layersLabel.setMinWidth(18);
        layersLabel.setAlignment(Pos.CENTER);
        HBox layersRow = new HBox(6, layersName, removeLayer, layersLabel, addLayer);
        layersRow.setAlignment(Pos.CENTER_LEFT);
        activationBox.setId("playground-activation");
        activationBox.setTooltip(Tips.of(i18n, "playground.activation.tooltip"));
        activationBox.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!syncing && i != null && i.intValue() >= 0) {
                playBar.pause();
                model.setParameter("activation", i.intValue());
            }
        });
        Label activationName = new Label();
        activationName.textProperty().bind(i18n.bind("playground.activation.label"));
        HBox activationRow = new HBox(8, activationName, activationBox);
        activationRow.setAlignment(Pos.CENTER_LEFT);
        shapeLabel.setWrapText(true);
        shapeLabel.getStyleClass().add("control-explain");
        shapeLabel.setId("playground-shape");
        box.getChildren().addAll(layersRow, activationRow, shapeLabel, groups.explain("playground.network.explain"));
        return box;
    }

    /** Adds or removes the last hidden layer (a new layer gets the size of the one before it, or 4). */
    public void changeLayers(int delta) {
        int layers = (int) model.param("layers") + delta;
        if (layers < 0 || layers > PlaygroundModel.MAX_LAYERS) {
            return;
        }
        playBar.pause();
        if (delta > 0) {
            double size = layers > 1 ? model.param("h" + (layers - 1)) : 4;
            model.setParameters(new java.util.LinkedHashMap<>(Map.of("h" + layers, size, "layers", (double) layers)));
        } else {
            model.setParameter("layers", layers);
        }
    }

    /** Adds or removes a unit of hidden layer {@code layer} (1-based), within 1 to 8. */
    public void changeUnits(int layer, int delta) {
        int units = (int) model.param("h" + layer) + delta;
        if (units < 1 || units > PlaygroundModel.MAX_UNITS) {
            return;
        }
        playBar.pause();
        model.setParameter("h" + layer, units);
    }

    private Node trainingGroup() {
        VBox box = groups.group("training", "playground.training.title");
        SliderField lr = slider("lr", "playground.lr.label", "playground.lr.tooltip", PlaygroundModel.LR_MIN,
                PlaygroundModel.LR_MAX, false, true);
        SliderField batch = slider("batch", "playground.batch.label", "playground.batch.tooltip", 1, 1000, true, true);
        SliderField l2 = slider("l2", "playground.l2.label", "playground.l2.tooltip", 0, 0.05, false, false);
        optimizerBox.setId("playground-optimizer");
        optimizerBox.setTooltip(Tips.of(i18n, "playground.optimizer.tooltip"));
        optimizerBox.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!syncing && i != null && i.intValue() >= 0) {
                model.setParameter("optimizer", i.intValue());
            }
        });
        Label optimizerName = new Label();
        optimizerName.textProperty().bind(i18n.bind("playground.optimizer.label"));
        HBox optimizerRow = new HBox(8, optimizerName, optimizerBox);
        optimizerRow.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(optimizerRow, lr, batch, l2, groups.explain("playground.training.explain"));
        return box;
    }

    private Node earlyGroup() {
        VBox box = groups.group("early-stopping", "playground.early.title");
        earlyBox.textProperty().bind(i18n.bind("playground.early.label"));
        earlyBox.setTooltip(Tips.of(i18n, "playground.early.tooltip"));
        earlyBox.setId("playground-early");
        earlyBox.selectedProperty().addListener((o, was, is) -> {
            if (!syncing) {
                model.setParameter("early_stop", is ? 1 : 0);
            }
        });
        SliderField patience = slider("patience", "playground.patience.label", "playground.patience.tooltip", 1, 100,
                true, false);
        box.getChildren().addAll(earlyBox, patience);
        return box;
    }

    private Node chartGroup() {
        VBox box = groups.group("chart", "playground.chart.title");
        ToggleGroup group = new ToggleGroup();
        lossToggle.setToggleGroup(group);
        accuracyToggle.setToggleGroup(group);
        lossToggle.textProperty().bind(i18n.bind("playground.chart.showLoss"));
        accuracyToggle.textProperty().bind(i18n.bind("playground.chart.showAccuracy"));
        lossToggle.setTooltip(Tips.of(i18n, "playground.chart.showLoss.tooltip"));
        accuracyToggle.setTooltip(Tips.of(i18n, "playground.chart.showAccuracy.tooltip"));
        lossToggle.getStyleClass().add("small-button");
        accuracyToggle.getStyleClass().add("small-button");
        lossToggle.setId("playground-show-loss");
        accuracyToggle.setId("playground-show-accuracy");
        lossToggle.setSelected(true);
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            chartRevision = -1;
            defineSeries();
            refreshChart();
        });
        Node chartNode = chart.node();
        chartNode.setId("playground-chart");
        if (chartNode instanceof Region r) {
            r.setPrefHeight(200);
            r.setMinHeight(150);
        }
        Tooltip.install(chartNode, Tips.of(i18n, "playground.chart.tooltip"));
        box.getChildren().addAll(new HBox(6, lossToggle, accuracyToggle), chartNode);
        return box;
    }

    private Node confusionGroup() {
        VBox box = groups.group("confusion", "playground.confusion.title");
        confusionSetBox.setId("playground-confusion-set");
        confusionSetBox.setTooltip(Tips.of(i18n, "playground.confusion.tooltip"));
        confusionSetBox.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!syncing && i != null && i.intValue() >= 0) {
                model.setParameter("cm_set", i.intValue());
            }
        });
        confusionCanvas.setId("playground-confusion");
        Tooltip.install(confusionCanvas, Tips.of(i18n, "playground.confusion.tooltip"));
        box.getChildren().addAll(confusionSetBox, confusionCanvas, groups.explain("playground.confusion.explain"));
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "playground.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        String[] heads = {"playground.readout.part", "playground.readout.n", "playground.readout.loss",
            "playground.readout.acc"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label();
            head.textProperty().bind(i18n.bind(heads[c]));
            head.getStyleClass().add("readout-name");
            grid.add(head, c, 0);
        }
        String[] parts = {"playground.part.train", "playground.part.val", "playground.part.test"};
        for (int r = 0; r < 3; r++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind(parts[r]));
            name.getStyleClass().add("readout-name");
            grid.add(name, 0, r + 1);
            for (int c = 0; c < 3; c++) {
                Label value = new Label();
                value.getStyleClass().add("readout-value");
                value.setId("playground-readout-" + r + "-" + c);
                readouts[r][c] = value;
                grid.add(value, c + 1, r + 1);
            }
        }
        box.getChildren().addAll(grid, groups.explain("playground.readouts.explain"));
        return box;
    }

    /**
     * A slider with a typed field for a parameter; whole-number parameters round the knob, and typed values are
     * checked against the model's own range (a bad value is explained and changes nothing).
     */
    private SliderField slider(String name, String labelKey, String tipKey, double min, double max, boolean whole,
                               boolean log) {
        DoubleProperty p = new SimpleDoubleProperty(model.param(name));
        properties.put(name, p);
        p.addListener((o, old, v) -> {
            if (syncing) {
                return;
            }
            double value = whole ? Math.max(1, Math.round(v.doubleValue())) : v.doubleValue();
            if (name.equals("seed")) {
                value = Math.round(v.doubleValue());
            }
            if (value != model.param(name)) {
                boolean restarts = !List.of("lr", "batch", "l2", "patience").contains(name);
                if (restarts) {
                    playBar.pause();
                }
                try {
                    model.setParameter(name, value);
                } catch (IllegalArgumentException e) {
                    // Out of the model's range (e.g. the slider's end): keep the model's value.
                }
            }
            if (whole && value != v.doubleValue()) {
                Platform.runLater(() -> sync(name));
            }
        });
        DoubleUnaryOperator limit = v -> {
            try {
                PlaygroundModel.check(name, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(i18n.get(whole ? "playground.error.whole" : "playground.error.range",
                        i18n.get(labelKey), Format.num(rangeMin(name), 4), Format.num(rangeMax(name), 4)));
            }
            return v;
        };
        SliderField f = log
                ? SliderField.logarithmic(i18n.bind(labelKey), i18n.bind(tipKey), p, min, max, limit,
                        text -> NumberInput.parse(text, i18n))
                : new SliderField(i18n.bind(labelKey), i18n.bind(tipKey), p, min, max, limit,
                        text -> NumberInput.parse(text, i18n));
        f.setId("playground-" + name.replace('_', '-'));
        fields.put(name, f);
        return f;
    }

    private static double rangeMin(String name) {
        return switch (name) {
            case "n" -> 10;
            case "train_frac" -> 0.1;
            case "lr" -> PlaygroundModel.LR_MIN;
            case "batch", "patience" -> 1;
            default -> 0;
        };
    }

    private static double rangeMax(String name) {
        return switch (name) {
            case "n", "batch" -> 1000;
            case "seed" -> 1_000_000;
            case "train_frac" -> 0.9;
            case "val_frac" -> 0.5;
            case "lr" -> PlaygroundModel.LR_MAX;
            case "patience" -> 500;
            default -> 1;
        };
    }

    private void sync(String name) {
        syncing = true;
        try {
            properties.get(name).set(model.param(name));
        } finally {
            syncing = false;
        }
    }

    private void relabelChoices() {
        boolean was = syncing;
        syncing = true;
        try {
            List<String> datasets = new ArrayList<>();
            for (String key : new String[]{"circle", "xor", "gaussians", "spiral", "own"}) {
                datasets.add(i18n.get("playground.dataset." + key));
            }
            datasetBox.setItems(FXCollections.observableArrayList(datasets));
            classesBox.setItems(FXCollections.observableArrayList("2", "3", "4"));
            List<String> acts = new ArrayList<>();
            for (String key : new String[]{"tanh", "relu", "leaky", "sigmoid", "linear"}) {
                acts.add(i18n.get("playground.activation." + key));
            }
            activationBox.setItems(FXCollections.observableArrayList(acts));
            optimizerBox.setItems(FXCollections.observableArrayList(i18n.get("playground.optimizer.sgd"),
                    i18n.get("playground.optimizer.momentum"), i18n.get("playground.optimizer.adam")));
            confusionSetBox.setItems(FXCollections.observableArrayList(i18n.get("playground.confusion.val"),
                    i18n.get("playground.confusion.test")));
        } finally {
            syncing = was;
        }
    }

    private void defineSeries() {
        Color[] colors = theme.mode() == Theme.Mode.DARK ? SERIES_DARK : SERIES_LIGHT;
        String[] parts = {"train", "val", "test"};
        for (int s = 0; s < 3; s++) {
            chart.defineSeries(parts[s], i18n.get("playground.part." + parts[s]), colors[s]);
        }
    }

    // ---- refresh ------------------------------------------------------------------------------------------------------

    /** Many epochs in one frame cost one refresh of the controls. */
    private void queueRefresh() {
        plot.requestRedraw();
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                if (refreshQueued) {
                    refreshQueued = false;
                    refresh();
                }
            });
            root.requestLayout();
        }
    }

    private void refresh() {
        syncing = true;
        try {
            for (Map.Entry<String, DoubleProperty> e : properties.entrySet()) {
                e.getValue().set(model.param(e.getKey()));
            }
            select(datasetBox, model.dataset());
            select(classesBox, (int) model.param("classes") - 2);
            select(activationBox, (int) model.param("activation"));
            select(optimizerBox, (int) model.param("optimizer"));
            select(confusionSetBox, (int) model.param("cm_set"));
            earlyBox.setSelected(model.param("early_stop") == 1);
        } finally {
            syncing = false;
        }
        int dataset = model.dataset();
        boolean own = model.ownPoints();
        classesBox.setDisable(own || !PlaygroundModel.DATASETS.get(Math.min(dataset, 3)).hasClassChoice());
        fields.get("n").setDisable(own);
        fields.get("noise").setDisable(own);
        ownBox.setVisible(own);
        ownBox.setManaged(own);
        ownLabel.setText(i18n.get("playground.own.count", model.ownPointCount()));
        undoButton.setDisable(model.ownPointCount() == 0);
        clearButton.setDisable(model.ownPointCount() == 0);
        fields.get("patience").setDisable(model.param("early_stop") != 1);
        int layers = (int) model.param("layers");
        layersLabel.setText(Integer.toString(layers));
        removeLayer.setDisable(layers == 0);
        addLayer.setDisable(layers == PlaygroundModel.MAX_LAYERS);
        shapeLabel.setText(i18n.get("playground.shape", shapeText(), (int) model.quantity("param_count")));
        splitLabel.setText(i18n.get("playground.split.counts", (int) model.quantity("n_train"),
                (int) model.quantity("n_val"), (int) model.quantity("n_test")));
        epochLabel.setText(i18n.get("playground.epoch", model.epoch()));
        statusLabel.setText(statusText());
        statusLabel.getStyleClass().removeAll("lab-status");
        if (model.diverged() || model.stopped()) {
            statusLabel.getStyleClass().add("lab-status");
        }
        String[] q = {"train", "val", "test"};
        for (int r = 0; r < 3; r++) {
            readouts[r][0].setText(Integer.toString((int) model.quantity("n_" + q[r])));
            readouts[r][1].setText(Format.num(model.quantity(q[r] + "_loss"), 4));
            readouts[r][2].setText(Format.num(model.quantity(q[r] + "_acc"), 3));
        }
        long now = System.nanoTime();
        if (!playBar.isPlaying() || now - lastChartUpdate >= CHART_INTERVAL_NANOS) {
            lastChartUpdate = now;
            refreshChart();
        }
        if (mapsVersion != model.version() && (!playBar.isPlaying() || now - lastMapsUpdate >= MAPS_INTERVAL_NANOS)) {
            lastMapsUpdate = now;
            mapsVersion = model.version();
            drawConfusion();
            diagram.update();
        }
        plot.requestRedraw();
    }

    private static void select(ComboBox<String> box, int index) {
        if (box.getSelectionModel().getSelectedIndex() != index) {
            box.getSelectionModel().select(index);
        }
    }

    /** "2 → 4 → 4 → 2" for the layer sizes, inputs first. */
    private String shapeText() {
        StringBuilder sb = new StringBuilder("2");
        for (int h : model.hiddenSizes()) {
            sb.append(" → ").append(h);
        }
        return sb.append(" → ").append(model.classes()).toString();
    }

    private String statusText() {
        if (model.points().size() == 0 || model.quantity("n_train") == 0) {
            return i18n.get(model.ownPoints() ? "playground.status.addPoints" : "playground.status.noTraining");
        }
        if (model.diverged()) {
            return i18n.get("playground.status.diverged");
        }
        if (model.stopped()) {
            return i18n.get("playground.status.stopped", (int) model.param("patience"), model.bestEpoch(),
                    Format.num(model.quantity("best_val_loss"), 4));
        }
        if (model.epoch() >= PlaygroundModel.MAX_EPOCHS) {
            return i18n.get("playground.status.cap", PlaygroundModel.MAX_EPOCHS);
        }
        if (model.quantity("n_val") == 0) {
            return i18n.get("playground.status.noValidation");
        }
        return model.epoch() == 0 ? i18n.get("playground.status.ready")
                : i18n.get("playground.status.best", model.bestEpoch(), Format.num(model.quantity("best_val_loss"), 4));
    }

    /** Adds the epochs since the last refresh to the chart; starts over when the run was rebuilt. */
    private void refreshChart() {
        boolean accuracy = accuracyToggle.isSelected();
        int size = model.historySize();
        int stride = 1;
        while ((size - 1) / stride > CHART_POINTS) {
            stride *= 2;
        }
        boolean changed = false;
        if (model.revision() != chartRevision || stride != chartStride || accuracy != chartAccuracy
                || size - 1 < chartLast) {
            for (String s : new String[]{"train", "val", "test"}) {
                chart.clear(s);
            }
            chartRevision = model.revision();
            chartStride = stride;
            chartAccuracy = accuracy;
            chartLast = -1;
            changed = true;
        }
        int from = chartLast < 0 ? 0 : (chartLast / stride + 1) * stride;
        String[] parts = {"train", "val", "test"};
        for (int k = from; k < size; k += stride) {
            for (int s = 0; s < 3; s++) {
                chart.add(parts[s], k, model.history(accuracy ? s + 3 : s, k));
            }
            chartLast = k;
            changed = true;
        }
        if (changed) {
            chart.flush();
        }
    }

    // ---- the confusion matrix -------------------------------------------------------------------------------------

    private void drawConfusion() {
        int set = (int) model.param("cm_set");
        ConfusionMatrix m = model.confusion(set);
        int k = m.classes();
        Theme.Palette p = theme.palette();
        Color[] colors = classColors();
        double label = 56;
        double top = 34;
        double cell = k <= 2 ? 46 : k == 3 ? 40 : 34;
        double w = label + cell * k + 4;
        double h = top + cell * k + 4;
        confusionCanvas.setWidth(Math.max(w, 220));
        confusionCanvas.setHeight(h);
        GraphicsContext g = confusionCanvas.getGraphicsContext2D();
        g.setFill(theme.mode() == Theme.Mode.DARK ? Color.web("#23272f") : Color.web("#f4f5f8"));
        g.fillRect(0, 0, confusionCanvas.getWidth(), h);
        g.setFill(p.text());
        g.setFont(Fonts.regular(11.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(i18n.get("playground.confusion.predicted"), label, 2);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(i18n.get("playground.confusion.actual"), 2, top - 8);
        g.setTextAlign(TextAlignment.CENTER);
        for (int c = 0; c < k; c++) {
            g.setFill(colors[c]);
            g.fillText(Integer.toString(c), label + cell * c + cell / 2, top - 8);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Integer.toString(c), label - 8, top + cell * c + cell / 2);
            g.setTextAlign(TextAlignment.CENTER);
        }
        g.setFont(Fonts.bold(13));
        for (int a = 0; a < k; a++) {
            int row = m.actualTotal(a);
            for (int q = 0; q < k; q++) {
                int count = m.count(a, q);
                double share = row == 0 ? 0 : (double) count / row;
                Color base = a == q ? colors[a] : p.warning();
                double x = label + cell * q;
                double y = top + cell * a;
                g.setFill(p.background());
                g.fillRect(x, y, cell - 2, cell - 2);
                g.setFill(base.deriveColor(0, 1, 1, 0.12 + 0.7 * share));
                g.fillRect(x, y, cell - 2, cell - 2);
                g.setFill(p.text());
                g.fillText(Integer.toString(count), x + (cell - 2) / 2, y + (cell - 2) / 2);
            }
        }
        if (m.total() == 0) {
            g.setFont(Fonts.regular(12));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(p.warning());
            g.fillText(i18n.get("playground.confusion.empty"), label + 4, top + cell * k / 2, w);
        }
    }

    Color[] classColors() {
        return theme.mode() == Theme.Mode.DARK ? CLASS_DARK : CLASS_LIGHT;
    }

    // ---- the plane ----------------------------------------------------------------------------------------------------

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        if (w < 2 || h < 2) {
            return;
        }
        ensureRegions(vp);
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        g.setImageSmoothing(true);
        g.drawImage(regionImage, 0, 0, w, h);
        Axes.draw(g, vp, p);
        drawPoints(g, vp, p);
        drawCaption(g, vp, p);
        drawLegend(g, vp, p);
        drawHint(g, vp, p);
    }

    /** Recomputes the 100 x 100 decision map if the weights, the data, the view or the theme changed. */
    private void ensureRegions(Viewport vp) {
        if (builtVersion == model.version() && vp.minWorldX() == builtMinX && vp.maxWorldX() == builtMaxX
                && vp.minWorldY() == builtMinY && vp.maxWorldY() == builtMaxY && theme.mode() == builtMode) {
            return;
        }
        builtVersion = model.version();
        builtMinX = vp.minWorldX();
        builtMaxX = vp.maxWorldX();
        builtMinY = vp.minWorldY();
        builtMaxY = vp.maxWorldY();
        builtMode = theme.mode();
        regionBuilds++;
        int k = model.classes();
        int[][] shades = shades(k);
        if (model.points().size() == 0) {
            java.util.Arrays.fill(pixels, argb(theme.palette().background()));
        } else {
            model.decisionMap(builtMinX, builtMaxX, builtMinY, builtMaxY, REGION_CELLS, REGION_CELLS, predicted,
                    confidence, null);
            double floor = 1.0 / k;
            for (int c = 0; c < pixels.length; c++) {
                // Confidence from 1/k (a coin toss between the classes) to 1 sets how strong the class colour is.
                double t = (confidence[c] - floor) / (1 - floor);
                int shade = (int) Math.max(0, Math.min(SHADES - 1, Math.round(t * (SHADES - 1))));
                pixels[c] = shades[predicted[c]][shade];
            }
        }
        regionImage.getPixelWriter().setPixels(0, 0, REGION_CELLS, REGION_CELLS, PixelFormat.getIntArgbInstance(),
                pixels, 0, REGION_CELLS);
    }

    private int[][] shades(int k) {
        Color bg = theme.palette().background();
        Color[] colors = classColors();
        boolean dark = theme.mode() == Theme.Mode.DARK;
        int[][] out = new int[k][SHADES];
        for (int c = 0; c < k; c++) {
            for (int s = 0; s < SHADES; s++) {
                double t = (double) s / (SHADES - 1);
                out[c][s] = argb(bg.interpolate(colors[c], (dark ? 0.08 : 0.07) + (dark ? 0.32 : 0.36) * t));
            }
        }
        return out;
    }

    static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** Training points filled, validation points hollow, test points as crosses; each in its class colour. */
    private void drawPoints(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Datasets2D.Points pts = model.points();
        int[] roles = model.roles();
        Color[] colors = classColors();
        Color halo = theme.mode() == Theme.Mode.DARK ? Color.rgb(0, 0, 0, 0.8) : Color.rgb(255, 255, 255, 0.9);
        double r = pts.size() > 600 ? 3.6 : 4.4;
        for (int role = 2; role >= 0; role--) {
            for (int c = 0; c < pts.classes(); c++) {
                g.beginPath();
                for (int i = 0; i < pts.size(); i++) {
                    if (roles[i] != role || pts.label()[i] != c) {
                        continue;
                    }
                    double sx = vp.toScreenX(pts.x()[i][0]);
                    double sy = vp.toScreenY(pts.x()[i][1]);
                    if (sx < -6 || sy < -6 || sx > vp.width() + 6 || sy > vp.height() + 6) {
                        continue;
                    }
                    if (role == 2) {
                        g.moveTo(sx - r, sy - r);
                        g.lineTo(sx + r, sy + r);
                        g.moveTo(sx - r, sy + r);
                        g.lineTo(sx + r, sy - r);
                    } else {
                        g.moveTo(sx + r, sy);
                        g.arc(sx, sy, r, r, 0, 360);
                        g.closePath();
                    }
                }
                if (role == 0) {
                    g.setStroke(halo);
                    g.setLineWidth(1.6);
                    g.stroke();
                    g.setFill(colors[c]);
                    g.fill();
                } else {
                    g.setStroke(halo);
                    g.setLineWidth(4);
                    g.stroke();
                    g.setStroke(colors[c]);
                    g.setLineWidth(2);
                    g.stroke();
                }
            }
        }
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p) {
        String line1 = i18n.get("playground.epoch", model.epoch());
        String line2 = i18n.get("playground.plane.accuracy", Format.num(model.quantity("train_acc"), 3),
                Format.num(model.quantity("val_acc"), 3));
        String warn = null;
        if (model.points().size() == 0) {
            warn = i18n.get(model.ownPoints() ? "playground.plane.addPoints" : "playground.status.noTraining");
        } else if (model.diverged()) {
            warn = i18n.get("playground.plane.diverged");
        } else if (model.stopped()) {
            warn = i18n.get("playground.plane.stopped", model.bestEpoch());
        }
        Font bold = Fonts.bold(13);
        Font font = Fonts.regular(12);
        double textW = Math.max(TextMetrics.width(line1, bold), TextMetrics.width(line2, font));
        if (warn != null) {
            textW = Math.max(textW, TextMetrics.width(warn, font));
        }
        double legendRoom = vp.width() >= 330 ? 120 : 0;
        double boxW = Math.max(60, Math.min(textW + 16, vp.width() - 16 - legendRoom));
        double boxH = warn == null ? 42 : 60;
        panel(g, p, 8, 8, boxW, boxH);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(bold);
        g.setFill(p.text());
        g.fillText(line1, 16, 20, boxW - 16);
        g.setFont(font);
        g.fillText(line2, 16, 37, boxW - 16);
        if (warn != null) {
            g.setFill(p.warning());
            g.fillText(warn, 16, 54, boxW - 16);
        }
    }

    /** The key to the marks and the class colours, top right. */
    private void drawLegend(GraphicsContext g, Viewport vp, Theme.Palette p) {
        if (vp.width() < 330) {
            return;
        }
        Font font = Fonts.regular(11.5);
        String[] names = {i18n.get("playground.part.train"), i18n.get("playground.part.val"),
            i18n.get("playground.part.test")};
        double nameW = 0;
        for (String s : names) {
            nameW = Math.max(nameW, TextMetrics.width(s, font));
        }
        int k = model.classes();
        double boxW = 30 + nameW + 12;
        double boxH = 8 + 17 * 3 + 20;
        double bx = vp.width() - boxW - 8;
        double by = 8;
        panel(g, p, bx, by, boxW, boxH);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        Color ink = p.text();
        for (int i = 0; i < 3; i++) {
            double y = by + 13 + 17 * i;
            double x = bx + 14;
            g.setStroke(ink);
            g.setFill(ink);
            g.setLineWidth(2);
            if (i == 0) {
                g.fillOval(x - 4.4, y - 4.4, 8.8, 8.8);
            } else if (i == 1) {
                g.strokeOval(x - 4.4, y - 4.4, 8.8, 8.8);
            } else {
                g.strokeLine(x - 4.4, y - 4.4, x + 4.4, y + 4.4);
                g.strokeLine(x - 4.4, y + 4.4, x + 4.4, y - 4.4);
            }
            g.fillText(names[i], bx + 28, y);
        }
        Color[] colors = classColors();
        double sw = Math.min(16, (boxW - 16) / k);
        for (int c = 0; c < k; c++) {
            g.setFill(colors[c]);
            g.fillRoundRect(bx + 8 + c * sw, by + boxH - 16, sw - 3, 9, 3, 3);
        }
    }

    private void drawHint(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Font font = Fonts.regular(11.5);
        String key = model.ownPoints() ? "playground.plane.hintOwn" : "playground.plane.hint";
        String hint = i18n.get(key);
        if (TextMetrics.width(hint, font) + 14 > vp.width() - 16) {
            // A narrow plane gets the short version rather than squeezed letters.
            hint = i18n.get(key + "Short");
        }
        double w = Math.min(TextMetrics.width(hint, font) + 14, vp.width() - 16);
        panel(g, p, 8, vp.height() - 28, w, 20);
        g.setFont(font);
        g.setFill(p.text().deriveColor(0, 1, 1, 0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(hint, 15, vp.height() - 18, w - 14);
    }

    private void panel(GraphicsContext g, Theme.Palette p, double x, double y, double w, double h) {
        g.setFill(p.background().deriveColor(0, 1, 1, 0.86));
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 8, 8);
    }


    // ---- mouse and keys -------------------------------------------------------------------------------------------------

    /** Nothing on the plane is dragged: a drag pans, a click adds a point. */
    private static final class NoDrag implements PlotCanvas.Interaction {
        @Override
        public boolean press(double x, double y, MouseEvent event) {
            return false;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double x, double y) {
            return Cursor.CROSSHAIR;
        }
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || !model.ownPoints()) {
            return;
        }
        Point2D local = plot.canvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        Viewport vp = plot.viewport();
        // Two decimals are plenty for a point placed by hand and keep exports readable.
        double x = Math.round(vp.toWorldX(local.getX()) * 100) / 100.0;
        double y = Math.round(vp.toWorldY(local.getY()) * 100) / 100.0;
        playBar.pause();
        model.addPoint(x, y, e.isShiftDown() ? 1 : 0);
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case SPACE -> playBar.toggle();
            case S -> playBar.stepOnce();
            case R -> {
                playBar.pause();
                model.restart();
            }
            case BACK_SPACE, DELETE -> {
                if (model.ownPoints()) {
                    playBar.pause();
                    model.undoPoint();
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }
}
