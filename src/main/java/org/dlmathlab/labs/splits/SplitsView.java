package org.dlmathlab.labs.splits;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.data.ThreeWaySplit;
import org.dlmathlab.math.regression.PolynomialFit;
import org.dlmathlab.math.selection.CurveSource;
import org.dlmathlab.math.selection.DegreeSweep;
import org.dlmathlab.math.selection.HoldoutRun;
import org.dlmathlab.math.selection.TuningExperiment;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Curves;
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
 * One data set split three ways: the points coloured (and shaped) by part, the true curve dashed, the drawn model
 * (fitted on the training points only) solid; a chart of the four errors against the degree; two bars for the
 * repeated experiment's mean optimism. Controls: the data (n, noise, seed), the split sliders with a stacked bar of
 * the sizes, the degree, the tuning switch, the fresh sample, the read-outs and the repeat button.
 */
public final class SplitsView implements LabView {

    public static final List<String> CONTROLS = List.of("data", "split", "model", "tuning", "fresh", "readouts",
            "repeat", "chart");
    private static final String STYLESHEET = "/org/dlmathlab/css/splits.css";
    private static final double X_VIEW = 3.35;
    private static final double Y_VIEW = 3.2;

    private final SplitsModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ControlGroups groups;
    private final BorderPane root = new BorderPane();
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-X_VIEW, X_VIEW, -Y_VIEW, Y_VIEW, false));
    private final SeriesChart chart;
    private final CheckBox logScale = new CheckBox();
    private final Canvas bars = new Canvas(300, 200);
    private final Pane barsPane = new Pane(bars);
    private final Canvas splitBar = new Canvas(240, 26);

    private final SimpleDoubleProperty nProp = new SimpleDoubleProperty();
    private final SimpleDoubleProperty noiseProp = new SimpleDoubleProperty();
    private final SimpleDoubleProperty trainProp = new SimpleDoubleProperty();
    private final SimpleDoubleProperty valProp = new SimpleDoubleProperty();
    private final SimpleDoubleProperty degreeProp = new SimpleDoubleProperty();
    private SliderField trainField;
    private SliderField valField;
    private SliderField degreeField;
    private final TextField seedField = new TextField();
    private final Label seedError = new Label();
    private final Label testShare = new Label();
    private final Label splitMessage = new Label();
    private final CheckBox autoBox = new CheckBox();
    private final CheckBox onTestBox = new CheckBox();
    private final Label tuningInfo = new Label();
    private final Label tuningNote = new Label();
    private final CheckBox showFreshBox = new CheckBox();
    private final Label freshInfo = new Label();
    private final List<Label> readoutValues = new ArrayList<>();
    private final Label optimismNote = new Label();
    private final Button repeatButton = new Button();
    private final Label repeatInfo = new Label();
    private boolean syncing;
    private final List<Color> lastPointColours = new ArrayList<>();

    public SplitsView(SplitsModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-splits");
        root.getStylesheets().add(SplitsView.class.getResource(STYLESHEET).toExternalForm());
        plot.setId("splits-plot");
        plot.setPainter(this::paint);
        plot.setMinSize(200, 160);
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        Tooltip.install(plot, Tips.of(i18n, "splits.plot.tooltip"));

        // No title: the axes say what it is, and the space goes to the lines.
        chart = new SeriesChart(i18n, new javafx.beans.property.SimpleStringProperty(""), i18n.bind("splits.chart.x"),
                i18n.bind("splits.chart.y"), theme);
        chart.setLogScale(true);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(splitGroup(), modelGroup(), tuningGroup(), readoutGroup(), repeatGroup(),
                freshGroup(), dataGroup());
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setPrefViewportWidth(290);
        scroller.setMinWidth(240);
        scroller.getStyleClass().add("lab-controls-scroller");
        root.setRight(scroller);

        Region chartCard = chartCard();
        groups.register("chart", chartCard);
        VBox center = new VBox(6, plot, chartCard);
        center.setPadding(new Insets(6));
        center.setMinWidth(200);
        VBox.setVgrow(plot, Priority.ALWAYS);
        // The chart shares the height with the data: about a third of it, never less than readable.
        chartCard.prefHeightProperty().bind(center.heightProperty().multiply(0.34));
        chartCard.setMinHeight(140);
        chartCard.setMaxHeight(Region.USE_PREF_SIZE);
        root.setCenter(center);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            defineSeries();
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            defineSeries();
            refresh();
        });
        defineSeries();
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

    @Override
    public void resetView() {
        plot.resetView();
    }

    public PlotCanvas plot() {
        return plot;
    }

    public SeriesChart chart() {
        return chart;
    }

    public SliderField trainField() {
        return trainField;
    }

    public SliderField validationField() {
        return valField;
    }

    public SliderField degreeField() {
        return degreeField;
    }

    public CheckBox onTestBox() {
        return onTestBox;
    }

    public CheckBox autoBox() {
        return autoBox;
    }

    public Label splitMessage() {
        return splitMessage;
    }

    public Button repeatButton() {
        return repeatButton;
    }

    /** The read-out values in order: train, validation, test (reported), fresh, expected, optimism, noise floor. */
    public List<Label> readoutValues() {
        return readoutValues;
    }

    /** The colour each data point was drawn with at the last paint, by point index (for tests). */
    public List<Color> lastPointColours() {
        return List.copyOf(lastPointColours);
    }

    /** The colour of a part of the split in the current theme. */
    public Color colourOf(ThreeWaySplit.Part part) {
        Theme.Palette p = theme.palette();
        return switch (part) {
            case TRAIN -> p.eigen();
            case VALIDATION -> p.probe();
            case TEST -> p.image();
        };
    }

    // ---- control groups -------------------------------------------------------------------------------------------

    private Node dataGroup() {
        VBox box = groups.group("data", "splits.data.title");
        SliderField nField = new SliderField(i18n.bind("splits.data.n"), i18n.bind("splits.data.n.tooltip"), nProp,
                SplitsModel.N_MIN, SplitsModel.N_MAX,
                v -> whole(v, SplitsModel.N_MIN, SplitsModel.N_MAX, "n"), text -> NumberInput.parse(text, i18n));
        wholeSteps(nField, 10);
        nField.setId("splits-n");
        // Listened to after the field, so the field shows the value the model settled on (a nested change).
        nProp.addListener((o, old, v) -> {
            int value = (int) Math.round(v.doubleValue());
            if (syncing) {
                return;
            }
            if (value == model.n()) {
                settle(nProp, model.n());
                return;
            }
            String problem = splitMessageFor(value, model.trainPct(), model.valPct());
            if (problem != null) {
                // Too few points for the split in use: refused with the reason, n stays.
                splitMessage.setText(problem);
                syncing = true;
                nProp.set(model.n());
                syncing = false;
                return;
            }
            splitMessage.setText("");
            model.setParameter("n", value);
        });
        SliderField noiseField = new SliderField(i18n.bind("splits.data.noise"),
                i18n.bind("splits.data.noise.tooltip"), noiseProp, 0, SplitsModel.NOISE_MAX,
                v -> range(v, 0, SplitsModel.NOISE_MAX, "σ"), text -> NumberInput.parse(text, i18n));
        noiseField.setId("splits-noise");
        // Listened to after the field, so the field shows the value the model settled on (a nested change).
        noiseProp.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.noise()) {
                model.setParameter("noise", Math.round(v.doubleValue() * 100) / 100.0);
            }
        });
        fullLabel(noiseField);

        Label seedLabel = new Label();
        seedLabel.textProperty().bind(i18n.bind("splits.data.seed"));
        seedLabel.getStyleClass().add("slider-field-label");
        seedField.setPrefColumnCount(5);
        seedField.setTooltip(Tips.of(i18n, "splits.data.seed.tooltip"));
        seedField.setId("splits-seed");
        seedField.setOnAction(e -> commitSeed());
        seedField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitSeed();
            }
        });
        Button newData = new Button();
        newData.textProperty().bind(i18n.bind("splits.data.new"));
        newData.setTooltip(Tips.of(i18n, "splits.data.new.tooltip"));
        newData.setId("splits-new-data");
        newData.setOnAction(e -> newData());
        HBox seedRow = new HBox(6, seedLabel, seedField, newData);
        seedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        seedError.setWrapText(true);
        seedError.getStyleClass().add("lab-status");
        explain(seedError);
        Label source = explainLabel("splits.data.source");
        box.getChildren().addAll(nField, noiseField, seedRow, seedError, source);
        return box;
    }

    private Node splitGroup() {
        VBox box = groups.group("split", "splits.split.title");
        trainField = new SliderField(i18n.bind("splits.split.train"), i18n.bind("splits.split.train.tooltip"),
                trainProp, SplitsModel.PCT_MIN, 90, v -> checkSplit(v, v, model.valPct()),
                text -> NumberInput.parse(text, i18n));
        trainField.setId("splits-train");
        trainField.getStyleClass().add("splits-train");
        valField = new SliderField(i18n.bind("splits.split.val"), i18n.bind("splits.split.val.tooltip"), valProp,
                SplitsModel.PCT_MIN, 60, v -> checkSplit(v, model.trainPct(), v),
                text -> NumberInput.parse(text, i18n));
        valField.setId("splits-val");
        valField.getStyleClass().add("splits-val");
        for (SliderField f : List.of(trainField, valField)) {
            wholeSteps(f, 10);
        }
        // After the fields' own listeners, so they show the whole percentage the model settled on.
        trainProp.addListener((o, old, v) -> onSplitSlider(v.doubleValue(), model.valPct(), trainProp,
                model.trainPct()));
        valProp.addListener((o, old, v) -> onSplitSlider(model.trainPct(), v.doubleValue(), valProp,
                model.valPct()));
        testShare.setWrapText(true);
        testShare.setId("splits-test-share");
        testShare.getStyleClass().add("splits-test");
        splitBar.setId("splits-split-bar");
        Tooltip.install(splitBar, Tips.of(i18n, "splits.split.bar.tooltip"));
        Pane barHolder = new Pane(splitBar);
        barHolder.setMinHeight(30);
        barHolder.setPrefHeight(30);
        barHolder.widthProperty().addListener(o -> {
            splitBar.setWidth(Math.max(60, barHolder.getWidth()));
            paintSplitBar();
        });
        splitMessage.setWrapText(true);
        splitMessage.getStyleClass().add("lab-status");
        splitMessage.setId("splits-split-message");
        explain(splitMessage);
        box.getChildren().addAll(trainField, valField, testShare, barHolder, splitMessage,
                explainLabel("splits.split.explain"));
        return box;
    }

    private Node modelGroup() {
        VBox box = groups.group("model", "splits.model.title");
        degreeField = new SliderField(i18n.bind("splits.model.degree"), i18n.bind("splits.model.degree.tooltip"),
                degreeProp, 1, DegreeSweep.MAX_DEGREE, v -> whole(v, 1, DegreeSweep.MAX_DEGREE, "d"),
                text -> NumberInput.parse(text, i18n));
        wholeSteps(degreeField, 1);
        degreeField.setId("splits-degree");
        // Listened to after the field, so the field shows the value the model settled on (a nested change).
        degreeProp.addListener((o, old, v) -> {
            int d = (int) Math.round(v.doubleValue());
            if (!syncing && d == model.shownDegree() && !model.autoDegree()) {
                settle(degreeProp, d);
            } else if (!syncing) {
                model.setParameter("auto_degree", 0);
                model.setParameter("degree", d);
            }
        });
        autoBox.textProperty().bind(i18n.bind("splits.model.auto"));
        autoBox.setTooltip(Tips.of(i18n, "splits.model.auto.tooltip"));
        autoBox.setId("splits-auto");
        autoBox.selectedProperty().addListener((o, was, is) -> {
            if (!syncing && is != model.autoDegree()) {
                model.setParameter("auto_degree", is ? 1 : 0);
            }
        });
        box.getChildren().addAll(degreeField, autoBox, explainLabel("splits.model.explain"));
        return box;
    }

    private Node tuningGroup() {
        VBox box = groups.group("tuning", "splits.tuning.title");
        onTestBox.textProperty().bind(i18n.bind("splits.tuning.onTest"));
        onTestBox.setTooltip(Tips.of(i18n, "splits.tuning.onTest.tooltip"));
        onTestBox.setId("splits-on-test");
        onTestBox.setWrapText(true);
        onTestBox.selectedProperty().addListener((o, was, is) -> {
            if (!syncing && is != model.tunedOnTest()) {
                model.setParameter("tuned_on_test", is ? 1 : 0);
            }
        });
        tuningInfo.setWrapText(true);
        tuningInfo.setId("splits-tuning-info");
        tuningNote.setWrapText(true);
        tuningNote.setId("splits-tuning-note");
        explain(tuningNote);
        box.getChildren().addAll(onTestBox, tuningInfo, tuningNote);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "splits.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] keys = {"train", "val", "test", "fresh", "expected", "optimism", "floor"};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind("splits.readout." + keys[i]));
            name.getStyleClass().add("readout-name");
            name.setWrapText(true);
            Tooltip.install(name, Tips.of(i18n, "splits.readout." + keys[i] + ".tooltip"));
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("splits-readout-" + keys[i]);
            value.setMinWidth(Region.USE_PREF_SIZE);
            readoutValues.add(value);
            grid.addRow(i, name, value);
        }
        optimismNote.setWrapText(true);
        optimismNote.setId("splits-optimism-note");
        explain(optimismNote);
        box.getChildren().addAll(grid, optimismNote);
        return box;
    }

    private Node freshGroup() {
        VBox box = groups.group("fresh", "splits.fresh.title");
        Button draw = new Button();
        draw.textProperty().bind(i18n.bind("splits.fresh.draw"));
        draw.setTooltip(Tips.of(i18n, "splits.fresh.draw.tooltip"));
        draw.setId("splits-fresh");
        draw.setOnAction(e -> model.drawFresh());
        showFreshBox.textProperty().bind(i18n.bind("splits.fresh.show"));
        showFreshBox.setTooltip(Tips.of(i18n, "splits.fresh.show.tooltip"));
        showFreshBox.setId("splits-show-fresh");
        showFreshBox.selectedProperty().addListener((o, was, is) -> {
            if (!syncing && is != model.showFresh()) {
                model.setParameter("show_fresh", is ? 1 : 0);
            }
        });
        freshInfo.setWrapText(true);
        explain(freshInfo);
        box.getChildren().addAll(draw, showFreshBox, freshInfo);
        return box;
    }

    private Node repeatGroup() {
        VBox box = groups.group("repeat", "splits.repeat.title");
        repeatButton.textProperty().bind(i18n.bind("splits.repeat.button", SplitsModel.RUNS));
        repeatButton.setTooltip(Tips.of(i18n, "splits.repeat.tooltip"));
        repeatButton.setId("splits-repeat");
        repeatButton.setOnAction(e -> model.step());
        repeatInfo.setWrapText(true);
        repeatInfo.setId("splits-repeat-info");
        explain(repeatInfo);
        box.getChildren().addAll(repeatButton, barsCard(), repeatInfo);
        return box;
    }

    private Region chartCard() {
        logScale.textProperty().bind(i18n.bind("splits.chart.log"));
        logScale.setTooltip(Tips.of(i18n, "splits.chart.log.tooltip"));
        logScale.setSelected(true);
        logScale.setId("splits-log");
        logScale.selectedProperty().addListener((o, was, is) -> {
            chart.setLogScale(is);
            refreshChart();
        });
        Node chartNode = chart.node();
        VBox card = new VBox(2, chartNode, logScale);
        VBox.setVgrow(chartNode, Priority.ALWAYS);
        card.setMinWidth(160);
        card.getStyleClass().add("splits-card");
        return card;
    }

    private Node barsCard() {
        barsPane.setMinSize(120, 180);
        barsPane.setPrefSize(240, 180);
        barsPane.setMaxHeight(180);
        barsPane.getStyleClass().add("splits-card");
        barsPane.setId("splits-bars");
        Tooltip.install(barsPane, Tips.of(i18n, "splits.bars.tooltip"));
        bars.widthProperty().bind(barsPane.widthProperty());
        bars.heightProperty().bind(barsPane.heightProperty());
        bars.widthProperty().addListener(o -> paintBars());
        bars.heightProperty().addListener(o -> paintBars());
        return barsPane;
    }

    private Label explainLabel(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(key));
        explain(label);
        return label;
    }

    private static void explain(Label label) {
        label.setWrapText(true);
        label.getStyleClass().add("control-explain");
        label.setMinHeight(Region.USE_PREF_SIZE);
        // An empty message takes no room.
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
    }

    /** Keeps a slider's label whole ("train %" must not become "trai…"); the slider gives way instead. */
    private static void fullLabel(SliderField field) {
        for (Node child : field.getChildren()) {
            if (child instanceof Label label) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    private static void wholeSteps(SliderField field, double major) {
        fullLabel(field);
        field.slider().setMajorTickUnit(major);
        field.slider().setMinorTickCount(0);
        field.slider().setBlockIncrement(1);
        field.slider().setSnapToTicks(false);
    }

    // ---- actions ---------------------------------------------------------------------------------------------------

    private void onSplitSlider(double train, double val, SimpleDoubleProperty moved, double modelValue) {
        if (syncing) {
            return;
        }
        double t = Math.round(train);
        double v = Math.round(val);
        if (t == model.trainPct() && v == model.valPct()) {
            // Rounds to the split in use: nothing changes, but the field shows the whole number, not 73.24.
            settle(moved, modelValue);
            return;
        }
        String problem = splitMessageFor(t, v);
        if (problem != null) {
            // Refused: the message says why and the slider returns to the split in use.
            splitMessage.setText(problem);
            syncing = true;
            moved.set(modelValue);
            syncing = false;
            return;
        }
        splitMessage.setText("");
        model.setSplit(t, v);
    }

    /** Puts a slider's property back on the value the model holds (rounding), without acting on it again. */
    private void settle(SimpleDoubleProperty property, double value) {
        if (property.get() != value) {
            syncing = true;
            property.set(value);
            syncing = false;
        }
    }

    /**
     * The typed-field check of a split percentage: whole, in range, and leaving every part a point; else a message in
     * the current language (the field shows it and the split stays as it was).
     */
    private double checkSplit(double typed, double train, double val) {
        whole(typed, (int) SplitsModel.PCT_MIN, (int) SplitsModel.PCT_MAX, "%");
        String problem = splitMessageFor(model.n(), train, val);
        if (problem != null) {
            splitMessage.setText(problem);
            throw new IllegalArgumentException(problem);
        }
        splitMessage.setText("");
        return typed;
    }

    private String splitMessageFor(double train, double val) {
        return splitMessageFor(model.n(), train, val);
    }

    private String splitMessageFor(int n, double train, double val) {
        if (train + val > 100 - 1e-9) {
            return i18n.get("splits.split.noRoom", Format.num(train, 1), Format.num(val, 1));
        }
        int[] s = ThreeWaySplit.sizes(n, train / 100, val / 100);
        String[] parts = {"splits.part.train", "splits.part.val", "splits.part.test"};
        for (int k = 0; k < 3; k++) {
            if (s[k] < 1) {
                return i18n.get("splits.split.empty", i18n.get(parts[k]), n, Format.num(train, 1),
                        Format.num(val, 1));
            }
        }
        return null;
    }

    private void commitSeed() {
        try {
            double v = NumberInput.parse(seedField.getText(), i18n);
            whole(v, 0, SplitsModel.SEED_MAX, "seed");
            seedError.setText("");
            seedField.getStyleClass().removeAll("field-error");
            if ((int) v != model.seed()) {
                model.setParameter("seed", v);
            }
        } catch (IllegalArgumentException e) {
            seedError.setText(e.getMessage());
            if (!seedField.getStyleClass().contains("field-error")) {
                seedField.getStyleClass().add("field-error");
            }
        }
    }

    private void newData() {
        model.setParameter("seed", (model.seed() + 1) % (SplitsModel.SEED_MAX + 1));
    }

    private double whole(double v, int min, int max, String name) {
        if (!(v >= min && v <= max) || v != Math.rint(v)) {
            throw new IllegalArgumentException(i18n.get("splits.error.whole", name, min, max));
        }
        return v;
    }

    private double range(double v, double min, double max, String name) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("splits.error.range", name, Format.num(min, 2),
                    Format.num(max, 2)));
        }
        return v;
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT, RIGHT -> {
                int d = model.shownDegree() + (e.getCode() == javafx.scene.input.KeyCode.LEFT ? -1 : 1);
                if (d >= 1 && d <= DegreeSweep.MAX_DEGREE) {
                    model.setParameter("auto_degree", 0);
                    model.setParameter("degree", d);
                }
            }
            case A -> model.setParameter("auto_degree", model.autoDegree() ? 0 : 1);
            case T -> model.setParameter("tuned_on_test", model.tunedOnTest() ? 0 : 1);
            case F -> model.drawFresh();
            case V -> model.setParameter("show_fresh", model.showFresh() ? 0 : 1);
            case R -> model.step();
            case N -> newData();
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---- refresh ---------------------------------------------------------------------------------------------------

    private void refresh() {
        syncing = true;
        try {
            nProp.set(model.n());
            noiseProp.set(model.noise());
            trainProp.set(model.trainPct());
            valProp.set(model.valPct());
            degreeProp.set(model.shownDegree());
            autoBox.setSelected(model.autoDegree());
            onTestBox.setSelected(model.tunedOnTest());
            showFreshBox.setSelected(model.showFresh());
            if (!seedField.isFocused() || seedError.getText().isEmpty()) {
                seedField.setText(Integer.toString(model.seed()));
            }
        } finally {
            syncing = false;
        }
        int[] s = model.sizes();
        testShare.setText(i18n.get("splits.split.test",
                Format.num(Math.max(0, 100 - model.trainPct() - model.valPct()), 1), s[2]));
        HoldoutRun run = model.run();
        if (run == null) {
            String problem = splitMessageFor(model.trainPct(), model.valPct());
            splitMessage.setText(problem == null ? "" : problem);
        }
        String[] values = new String[7];
        if (run == null) {
            java.util.Arrays.fill(values, "—");
            values[6] = Format.num(model.quantity("noise_floor"), 4);
            tuningInfo.setText("");
            tuningNote.setText("");
            optimismNote.setText("");
            freshInfo.setText("");
        } else {
            values[0] = err(model.quantity("train_error"));
            values[1] = err(model.quantity("val_error"));
            values[2] = err(model.quantity("test_error"));
            values[3] = err(model.quantity("fresh_error"));
            values[4] = err(model.quantity("true_error"));
            values[5] = signed(model.quantity("optimism"));
            values[6] = Format.num(model.quantity("noise_floor"), 4);
            DegreeSweep sweep = run.sweep();
            tuningInfo.setText(i18n.get("splits.tuning.info", sweep.bestByValidation(), sweep.bestByTest()));
            tuningNote.setText(i18n.get(model.tunedOnTest() ? "splits.tuning.note.test" : "splits.tuning.note.val"));
            warn(tuningNote, model.tunedOnTest());
            optimismNote.setText(optimismText());
            freshInfo.setText(i18n.get("splits.fresh.info", HoldoutRun.FRESH_SIZE,
                    (int) model.quantity("fresh_draw") + 1,
                    err(model.quantity("fresh_error")), err(model.quantity("true_error"))));
        }
        for (int i = 0; i < values.length; i++) {
            readoutValues.get(i).setText(values[i]);
        }
        warn(readoutValues.get(5), run != null && model.tunedOnTest() && model.autoDegree()
                && model.quantity("optimism") > 0);
        repeatButton.setDisable(run == null);
        repeatInfo.setText(repeatText());
        refreshChart();
        paintSplitBar();
        paintBars();
        plot.requestRedraw();
    }

    /** Shows a label in the warning colour (CSS, so it follows the theme) or in its usual one. */
    private static void warn(Label label, boolean on) {
        label.getStyleClass().remove("splits-warning");
        if (on) {
            label.getStyleClass().add("splits-warning");
        }
    }

    private String optimismText() {
        double optimism = model.quantity("optimism");
        String mode = model.autoDegree() ? i18n.get(model.tunedOnTest() ? "splits.mode.test" : "splits.mode.val")
                : i18n.get("splits.mode.hand");
        return i18n.get("splits.optimism.note", model.shownDegree(), mode, err(model.quantity("reported_error")),
                err(model.quantity("fresh_error")), signed(optimism));
    }

    private String repeatText() {
        TuningExperiment.Result r = model.repeated();
        if (r == null) {
            return i18n.get(model.run() == null ? "splits.repeat.blocked" : "splits.repeat.none", SplitsModel.RUNS);
        }
        return i18n.get("splits.repeat.result", r.runs(), signed(r.meanOptimismHonest()),
                err(2 * r.standardErrorHonest()), signed(r.meanOptimismOnTest()), err(2 * r.standardErrorOnTest()),
                err(r.meanReportedHonest()), err(r.meanFreshHonest()), err(r.meanReportedOnTest()),
                err(r.meanFreshOnTest()));
    }

    /** An error (a mean squared error) for the read-outs. */
    static String err(double v) {
        if (Double.isFinite(v) && Math.abs(v) >= 1000) {
            return Format.sci(v, 3);
        }
        return Format.num(v, 4);
    }

    /** A difference with its sign always shown: +0.012 or −0.003. */
    static String signed(double v) {
        String s = err(v);
        return Double.isFinite(v) && v > 0 && !s.equals("0") ? "+" + s : s;
    }

    private void defineSeries() {
        Theme.Palette p = theme.palette();
        chart.defineSeries("train", i18n.get("splits.chart.train"), colourOf(ThreeWaySplit.Part.TRAIN));
        chart.defineSeries("val", i18n.get("splits.chart.val"), colourOf(ThreeWaySplit.Part.VALIDATION));
        chart.defineSeries("test", i18n.get("splits.chart.test"), colourOf(ThreeWaySplit.Part.TEST));
        chart.defineSeries("fresh", i18n.get("splits.chart.fresh"), p.axis());
        chart.defineSeries("degree", i18n.get("splits.chart.degree"), p.warning());
    }

    private void refreshChart() {
        chart.clear("train");
        chart.clear("val");
        chart.clear("test");
        chart.clear("fresh");
        chart.clear("degree");
        HoldoutRun run = model.run();
        if (run != null) {
            DegreeSweep sweep = run.sweep();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int d = 1; d <= sweep.maxDegree(); d++) {
                double[] e = {sweep.trainError(d), sweep.validationError(d), sweep.testError(d), sweep.freshError(d)};
                chart.add("train", d, e[0]);
                chart.add("val", d, e[1]);
                chart.add("test", d, e[2]);
                chart.add("fresh", d, e[3]);
                for (double v : e) {
                    if (Double.isFinite(v) && (!chart.isLogScale() || v > 0)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (hi >= lo) {
                // The drawn model's degree, as a vertical line across the chart.
                int d = model.shownDegree();
                chart.add("degree", d, lo);
                chart.add("degree", d, hi);
            }
        }
        chart.flush();
    }

    // ---- drawing ---------------------------------------------------------------------------------------------------

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        HoldoutRun run = model.run();
        lastPointColours.clear();

        // The source's curve, dashed: what every part of the data scatters around.
        g.setStroke(p.axis().deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1.6);
        g.setLineDashes(7, 6);
        Curves.plot(g, vp, x -> x < CurveSource.X_MIN || x > CurveSource.X_MAX ? Double.NaN : CurveSource.f(x));
        g.setLineDashes();

        if (run == null) {
            drawCaption(g, vp, p, null);
            return;
        }
        if (model.showFresh()) {
            CurveSource.Sample fresh = run.fresh();
            g.setFill(p.axis().deriveColor(0, 1, 1, 0.28));
            for (int i = 0; i < fresh.size(); i++) {
                g.fillOval(vp.toScreenX(fresh.x()[i]) - 1.4, vp.toScreenY(fresh.y()[i]) - 1.4, 2.8, 2.8);
            }
        }
        PolynomialFit fit = model.shownFit();
        g.setStroke(p.text());
        g.setLineWidth(2.6);
        // Only over the source's range: past it nothing was seen and a high degree shoots off.
        Curves.plot(g, vp, x -> x < CurveSource.X_MIN || x > CurveSource.X_MAX ? Double.NaN : fit.value(x));

        CurveSource.Sample data = run.data();
        ThreeWaySplit split = run.split();
        // Test points on top of validation on top of training, so the few held-out points are never hidden.
        for (ThreeWaySplit.Part part : new ThreeWaySplit.Part[]{ThreeWaySplit.Part.TRAIN,
                ThreeWaySplit.Part.VALIDATION, ThreeWaySplit.Part.TEST}) {
            for (int i = 0; i < data.size(); i++) {
                if (split.part(i) == part) {
                    drawPoint(g, p, part, vp.toScreenX(data.x()[i]), vp.toScreenY(data.y()[i]), 5);
                }
            }
        }
        for (int i = 0; i < data.size(); i++) {
            lastPointColours.add(colourOf(split.part(i)));
        }
        drawCaption(g, vp, p, run);
    }

    /** A point of one part: a circle (train), a square (validation) or a diamond (test), so colour is not needed. */
    private void drawPoint(GraphicsContext g, Theme.Palette p, ThreeWaySplit.Part part, double sx, double sy,
                           double r) {
        g.setFill(colourOf(part));
        g.setStroke(p.background());
        g.setLineWidth(1.2);
        switch (part) {
            case TRAIN -> {
                g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
                g.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
            }
            case VALIDATION -> {
                double q = r * 0.9;
                g.fillRect(sx - q, sy - q, 2 * q, 2 * q);
                g.strokeRect(sx - q, sy - q, 2 * q, 2 * q);
            }
            case TEST -> {
                double q = r * 1.25;
                double[] xs = {sx, sx + q, sx, sx - q};
                double[] ys = {sy - q, sy, sy + q, sy};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
        }
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, HoldoutRun run) {
        double width = Math.min(vp.width() - 12, 640);
        int[] s = model.sizes();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        boolean warn = run != null && model.tunedOnTest() && model.autoDegree();
        // The lines under the legend wrap rather than squeeze on a narrow plot.
        List<String> captionLines = List.of();
        List<String> warningLines = List.of();
        if (run != null) {
            String how = model.autoDegree()
                    ? i18n.get(model.tunedOnTest() ? "splits.caption.test" : "splits.caption.val")
                    : i18n.get("splits.caption.hand");
            g.setFont(Fonts.regular(13));
            captionLines = lines(g, i18n.get("splits.caption", model.shownDegree(), how, s[0]), width - 16);
            if (warn) {
                g.setFont(Fonts.bold(13));
                warningLines = lines(g, i18n.get("splits.caption.warning"), width - 16);
            }
        }
        double lineHeight = 19;
        double boxHeight = 30 + lineHeight * (captionLines.size() + warningLines.size());
        g.setFill(p.background().deriveColor(0, 1, 1, 0.88));
        g.fillRect(6, 6, width, boxHeight);

        // Legend: shape, part name, count.
        double x = 14;
        double y = 20;
        g.setFont(Fonts.regular(13.5));
        String[] keys = {"splits.part.train", "splits.part.val", "splits.part.test"};
        ThreeWaySplit.Part[] parts = ThreeWaySplit.Part.values();
        for (int k = 0; k < 3; k++) {
            drawPoint(g, p, parts[k], x + 5, y, 5);
            String text = i18n.get("splits.legend", i18n.get(keys[k]), s[k]);
            g.setFill(p.text());
            g.fillText(text, x + 15, y);
            x += 15 + textWidth(text, g) + 18;
        }
        y = 20 + 22;
        g.setFont(Fonts.regular(13));
        g.setFill(p.text());
        for (String line : captionLines) {
            g.fillText(line, 14, y, width - 16);
            y += lineHeight;
        }
        g.setFont(Fonts.bold(13));
        g.setFill(p.warning());
        for (String line : warningLines) {
            g.fillText(line, 14, y, width - 16);
            y += lineHeight;
        }
        if (run == null) {
            g.setFont(Fonts.bold(14));
            g.setFill(p.warning());
            g.setTextAlign(TextAlignment.CENTER);
            wrapText(g, i18n.get("splits.plot.badSplit"), vp.width() / 2, vp.height() / 2, vp.width() - 40);
            g.setTextAlign(TextAlignment.LEFT);
        }
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11.5));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(i18n.get(vp.width() >= 620 ? "splits.plot.hint" : "splits.plot.hintShort"), 12, vp.height() - 8,
                Math.max(50, vp.width() - 24));
    }

    private static double textWidth(String text, GraphicsContext g) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(g.getFont());
        return t.getLayoutBounds().getWidth();
    }

    /** The stacked bar of the split: three segments as wide as their shares, each with its count. */
    private void paintSplitBar() {
        GraphicsContext g = splitBar.getGraphicsContext2D();
        Theme.Palette p = theme.palette();
        double w = splitBar.getWidth();
        double h = splitBar.getHeight();
        g.clearRect(0, 0, w, h);
        int[] s = model.sizes();
        int total = Math.max(1, s[0] + s[1] + s[2]);
        double x = 0;
        g.setFont(Fonts.bold(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        ThreeWaySplit.Part[] parts = ThreeWaySplit.Part.values();
        for (int k = 0; k < 3; k++) {
            double segment = w * s[k] / total;
            g.setFill(colourOf(parts[k]));
            g.fillRect(x, 2, segment, h - 4);
            if (segment > 18) {
                g.setFill(Color.WHITE);
                g.fillText(Integer.toString(s[k]), x + segment / 2, h / 2);
            }
            x += segment;
        }
        g.setStroke(p.axis());
        g.setLineWidth(1);
        g.strokeRect(0.5, 2.5, w - 1, h - 5);
    }

    /** The repeated experiment: mean optimism of both procedures as bars with whiskers of 2 standard errors. */
    private void paintBars() {
        GraphicsContext g = bars.getGraphicsContext2D();
        Theme.Palette p = theme.palette();
        double w = bars.getWidth();
        double h = bars.getHeight();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.text());
        g.setFont(Fonts.bold(13));
        g.fillText(i18n.get("splits.bars.title", SplitsModel.RUNS), 10, 8, w - 20);
        TuningExperiment.Result r = model.repeated();
        if (r == null) {
            g.setFont(Fonts.regular(12.5));
            g.setFill(p.axis());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            wrapText(g, i18n.get(model.run() == null ? "splits.repeat.blocked" : "splits.bars.empty",
                    SplitsModel.RUNS), w / 2, h / 2, w - 30);
            return;
        }
        double[] mean = {r.meanOptimismHonest(), r.meanOptimismOnTest()};
        double[] twoSe = {2 * r.standardErrorHonest(), 2 * r.standardErrorOnTest()};
        Color[] colour = {colourOf(ThreeWaySplit.Part.TRAIN), p.warning()};
        String[] label = {i18n.get("splits.bars.val"), i18n.get("splits.bars.test")};
        double top = 50;
        double bottom = h - 40;
        double max = 0;
        double min = 0;
        for (int k = 0; k < 2; k++) {
            max = Math.max(max, mean[k] + twoSe[k]);
            min = Math.min(min, mean[k] - twoSe[k]);
        }
        if (!(max > min)) {
            max = 1;
        }
        double pad = (max - min) * 0.12;
        double hiV = max + pad;
        double loV = min - (min < 0 ? pad : 0);
        java.util.function.DoubleUnaryOperator toY = v -> bottom - (v - loV) / (hiV - loV) * (bottom - top);
        double zero = toY.applyAsDouble(0);
        g.setStroke(p.axis());
        g.setLineWidth(1.2);
        g.strokeLine(8, zero, w - 8, zero);
        g.setFont(Fonts.regular(11));
        g.setFill(p.axis());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("0", 10, zero - 1);
        double slot = (w - 20) / 2;
        for (int k = 0; k < 2; k++) {
            double cx = 10 + slot * (k + 0.5);
            double bw = Math.min(70, slot * 0.45);
            double yMean = toY.applyAsDouble(mean[k]);
            g.setFill(colour[k].deriveColor(0, 1, 1, 0.8));
            g.fillRect(cx - bw / 2, Math.min(zero, yMean), bw, Math.abs(zero - yMean));
            g.setStroke(p.text());
            g.setLineWidth(1.4);
            double yHi = toY.applyAsDouble(mean[k] + twoSe[k]);
            double yLo = toY.applyAsDouble(mean[k] - twoSe[k]);
            g.strokeLine(cx, yHi, cx, yLo);
            g.strokeLine(cx - 7, yHi, cx + 7, yHi);
            g.strokeLine(cx - 7, yLo, cx + 7, yLo);
            // The value sits above the whisker, where it never meets the other bar.
            g.setFill(p.text());
            g.setFont(Fonts.bold(12.5));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(signed(mean[k]), cx, Math.min(yHi, zero) - 3, slot - 6);
            g.setFont(Fonts.regular(12));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            wrapText(g, label[k], cx, bottom + 6, slot - 8);
        }
    }

    /**
     * Centred text broken into lines that fit maxWidth: at spaces, or anywhere in Chinese, which has none. With a
     * CENTER baseline the block is centred on y, otherwise it starts there.
     */
    private static void wrapText(GraphicsContext g, String text, double cx, double y, double maxWidth) {
        List<String> lines = lines(g, text, maxWidth);
        double lineHeight = g.getFont().getSize() * 1.3;
        double first = g.getTextBaseline() == VPos.CENTER ? y - lineHeight * (lines.size() - 1) / 2 : y;
        for (int k = 0; k < lines.size(); k++) {
            g.fillText(lines.get(k), cx, first + k * lineHeight, maxWidth);
        }
    }

    /** The text broken into lines that fit maxWidth in the current font. */
    private static List<String> lines(GraphicsContext g, String text, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            // The next piece: a word with its trailing space, or one character of a script without spaces.
            int j = i + 1;
            if (text.charAt(i) < 0x2E80) {
                while (j < text.length() && text.charAt(j) != ' ' && text.charAt(j) < 0x2E80) {
                    j++;
                }
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
            }
            String piece = text.substring(i, j);
            if (line.length() > 0 && textWidth(line + piece.stripTrailing(), g) > maxWidth) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            line.append(piece);
            i = j;
        }
        if (line.length() > 0) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /** Buttons in a row that wraps on a narrow panel. */
    static FlowPane row(Node... nodes) {
        return new FlowPane(6, 6, nodes);
    }
}
