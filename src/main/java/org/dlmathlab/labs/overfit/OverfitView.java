package org.dlmathlab.labs.overfit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.labs.overfit.OverfitModel.Remedy;
import org.dlmathlab.math.nn.DropoutTrainer;
import org.dlmathlab.math.regression.NoisyCurve;
import org.dlmathlab.math.regression.PolynomialDescent;
import org.dlmathlab.math.regression.PolynomialFit;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Curves;
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
 * Left: the data (training points filled, validation points hollow), the true curve faint and the fitted curve bold,
 * with a caption that names the state and says how the chosen remedy changed the gap. Right: training and validation
 * error against degree 1..15 (the U shape) with the current and the best degree marked; with early stopping, also
 * both errors against epoch with the best epoch and the patience stop marked. Controls: remedy, degree, data, L2,
 * early stopping, dropout and the read-outs. The view holds no math: every number comes from the model.
 */
public final class OverfitView implements LabView {

    public static final List<String> CONTROLS = List.of("remedy", "model", "data", "l2", "early", "dropout",
            "readouts");
    /** Errors below this are drawn at it on the log axis (an interpolating fit has training error ~1e-30). */
    static final double LOG_FLOOR = 1e-4;
    private static final double GAP = 6;

    private final OverfitModel model;
    private final I18n i18n;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-0.04, 1.04, -2.2, 1.8, false));
    private final SeriesChart degreeChart;
    private final SeriesChart epochChart;
    private final CheckBox logScale = new CheckBox();
    private final Node epochCard;
    private final ControlGroups groups;
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Map<String, SliderField> fields = new LinkedHashMap<>();
    private final Map<String, DoubleProperty> values = new LinkedHashMap<>();
    private final ToggleGroup remedyPick = new ToggleGroup();
    private final List<RadioButton> remedyButtons = new ArrayList<>();
    private final CheckBox noPenalty = new CheckBox();
    private final TextField seedField = new TextField();
    private final Label seedError = new Label();
    private final Label caption = new Label();
    private final Label stateLabel = new Label();
    private final PlayBar playBar;
    private boolean syncing;
    private List<Object> degreeChartKey;
    private List<Object> epochChartKey;
    private long degreeChartBuilds;

    public OverfitView(OverfitModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-overfit");
        playBar = new PlayBar(i18n, model::step, model::canContinue, () -> { }, model::restartRun);

        plot.setId("overfit-plot");
        plot.setPainter(this::paint);
        plot.setMinSize(160, 140);
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        Tooltip.install(plot, Tips.of(i18n, "overfit.plot.tooltip"));
        degreeChart = new SeriesChart(i18n, new SimpleStringProperty(""), i18n.bind("overfit.chart.degree"),
                i18n.bind("overfit.chart.error"), theme);
        degreeChart.setLogScale(true);
        epochChart = new SeriesChart(i18n, new SimpleStringProperty(""), i18n.bind("overfit.chart.epoch"),
                i18n.bind("overfit.chart.error"), theme);
        epochChart.setLogScale(true);
        for (SeriesChart chart : new SeriesChart[]{degreeChart, epochChart}) {
            if (chart.node() instanceof Region r) {
                r.setMinSize(120, 90);
                r.setPrefSize(360, 220);
            }
        }
        logScale.setSelected(true);
        logScale.textProperty().bind(i18n.bind("overfit.chart.log"));
        logScale.setTooltip(Tips.of(i18n, "overfit.chart.log.tooltip"));
        logScale.setId("overfit-log");
        logScale.selectedProperty().addListener((o, was, on) -> {
            degreeChart.setLogScale(on);
            epochChart.setLogScale(on);
            degreeChartKey = null;
            epochChartKey = null;
            refresh();
        });
        stateLabel.setWrapText(true);
        stateLabel.setId("overfit-state");
        stateLabel.setMinHeight(Region.USE_PREF_SIZE);
        caption.setWrapText(true);
        caption.setId("overfit-caption");
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setStyle("-fx-font-weight: bold;");
        VBox.setVgrow(plot, Priority.ALWAYS);
        VBox plotBox = new VBox(2, stateLabel, caption, plot);
        plotBox.setMinSize(0, 0);
        Node fitCard = card("overfit.card.fit", plotBox);
        Node degreeCard = card("overfit.card.degree", degreeChart.node(), logScale);
        epochCard = card("overfit.card.epoch", epochChart.node());
        Pictures pictures = new Pictures(fitCard, degreeCard, epochCard);
        pictures.setPadding(new Insets(6));
        root.setCenter(pictures);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(remedyGroup(), modelGroup(), readoutGroup(), dataGroup(), l2Group(),
                earlyGroup(), dropoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 220);
        root.setRight(scroller);

        // Direct, not batched: the charts refill only when their inputs change, and --snapshot sees the state at once.
        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            degreeChartKey = null;
            epochChartKey = null;
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            degreeChartKey = null;
            epochChartKey = null;
            refresh();
        });
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas plot() {
        return plot;
    }

    public SeriesChart degreeChart() {
        return degreeChart;
    }

    public SeriesChart epochChart() {
        return epochChart;
    }

    public SliderField field(String name) {
        return fields.get(name);
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    /** The line over the plot with the degree and the three errors. */
    public Label stateLabel() {
        return stateLabel;
    }

    /** The caption over the plot: what the remedy did to the gap, or whether the fit under- or over-fits. */
    public Label caption() {
        return caption;
    }

    public CheckBox noPenaltyBox() {
        return noPenalty;
    }

    public TextField seedField() {
        return seedField;
    }

    public Label seedError() {
        return seedError;
    }

    @Override
    public java.util.Optional<PlayBar> player() {
        return java.util.Optional.of(playBar);
    }

    public PlayBar playBar() {
        return playBar;
    }

    /** How many times the error-against-degree chart was refilled: moving the epoch must not add to it. */
    public long degreeChartBuilds() {
        return degreeChartBuilds;
    }

    /** The degree the chart marks as current (the x of its marker line), NaN when there is none. */
    public double markedDegree() {
        return degreeChart.count("current") == 0 ? Double.NaN : model.degree();
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

    // ---- cards and layout -----------------------------------------------------------------------------------------

    private VBox card(String titleKey, Node content, Node... extras) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind(titleKey));
        title.getStyleClass().add("regression-card-title");
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer);
        header.getChildren().addAll(extras);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, header, content);
        box.getStyleClass().add("regression-card");
        box.setMinSize(0, 0);
        return box;
    }

    /**
     * The data on the left, the charts stacked on the right; in a tall or narrow space the data on top and the charts
     * side by side below. The epoch chart takes space only while early stopping is chosen.
     */
    private final class Pictures extends Region {

        private final Node fit;
        private final Node degree;
        private final Node epochs;

        Pictures(Node fit, Node degree, Node epochs) {
            this.fit = fit;
            this.degree = degree;
            this.epochs = epochs;
            getStyleClass().add("regression-plots");
            getChildren().addAll(fit, degree, epochs);
            setMinSize(260, 220);
        }

        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double x = in.getLeft();
            double y = in.getTop();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            boolean showEpochs = epochs.isVisible();
            if (w >= 1.15 * h && w >= 560) {
                double left = Math.round((w - GAP) * 0.56);
                double right = w - GAP - left;
                fit.resizeRelocate(x, y, left, h);
                if (showEpochs) {
                    double half = (h - GAP) / 2;
                    degree.resizeRelocate(x + left + GAP, y, right, half);
                    epochs.resizeRelocate(x + left + GAP, y + half + GAP, right, h - half - GAP);
                } else {
                    degree.resizeRelocate(x + left + GAP, y, right, h);
                }
            } else {
                double top = Math.round((h - GAP) * 0.55);
                double bottom = h - GAP - top;
                fit.resizeRelocate(x, y, w, top);
                if (showEpochs) {
                    double half = (w - GAP) / 2;
                    degree.resizeRelocate(x, y + top + GAP, half, bottom);
                    epochs.resizeRelocate(x + half + GAP, y + top + GAP, w - half - GAP, bottom);
                } else {
                    degree.resizeRelocate(x, y + top + GAP, w, bottom);
                }
            }
        }
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node remedyGroup() {
        VBox box = groups.group("remedy", "overfit.remedy.title");
        for (Remedy r : Remedy.values()) {
            RadioButton b = new RadioButton();
            String key = "overfit.remedy." + r.name().toLowerCase(java.util.Locale.ROOT);
            b.textProperty().bind(i18n.bind(key));
            b.setTooltip(Tips.of(i18n, key + ".tooltip"));
            b.setToggleGroup(remedyPick);
            b.setUserData(r);
            b.setId("overfit-remedy-" + r.ordinal());
            b.setWrapText(true);
            remedyButtons.add(b);
            box.getChildren().add(b);
        }
        remedyPick.selectedToggleProperty().addListener((o, old, now) -> {
            if (syncing) {
                return;
            }
            if (now == null) {
                if (old != null) {
                    old.setSelected(true); // one remedy (or none) is always chosen
                }
                return;
            }
            Remedy r = (Remedy) now.getUserData();
            if (r != model.remedy()) {
                model.setParameter("remedy", r.ordinal());
            }
        });
        return box;
    }

    private DoubleProperty value(String name) {
        return values.computeIfAbsent(name, k -> {
            SimpleDoubleProperty p = new SimpleDoubleProperty(model.quantity(k));
            p.addListener((o, old, v) -> {
                if (!syncing && v.doubleValue() != model.quantity(k)) {
                    try {
                        model.setParameter(k, v.doubleValue());
                    } catch (IllegalArgumentException e) {
                        // A slider between whole numbers: the model wants them whole.
                        model.setParameter(k, Math.round(v.doubleValue()));
                    }
                }
            });
            return p;
        });
    }

    private SliderField slider(String name, double min, double max, boolean whole) {
        DoubleProperty target = value(name);
        DoubleUnaryOperator limit = v -> checkRange(name, v, min, max, whole);
        SliderField f = new SliderField(i18n.bind("overfit." + name + ".label"), i18n.bind("overfit." + name
                + ".tooltip"), target, min, max, limit, text -> NumberInput.parse(text, i18n));
        if (whole) {
            f.slider().setSnapToTicks(true);
            f.slider().setMajorTickUnit(1);
            f.slider().setMinorTickCount(0);
            f.slider().setBlockIncrement(1);
            // A whole-number slider moves the model in whole steps while dragging, not only on release.
            f.slider().valueProperty().addListener((o, old, v) -> {
                if (!syncing && Math.round(v.doubleValue()) != Math.round(target.get())) {
                    target.set(Math.round(v.doubleValue()));
                }
            });
        }
        f.setId("overfit-" + name);
        fields.put(name, f);
        return f;
    }

    private double checkRange(String name, double v, double min, double max, boolean whole) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("overfit.error.range", name, Format.num(min, 8),
                    Format.num(max, 8)));
        }
        if (whole && v != Math.rint(v)) {
            throw new IllegalArgumentException(i18n.get("overfit.error.whole", name));
        }
        return v;
    }

    private Node modelGroup() {
        VBox box = groups.group("model", "overfit.model.title");
        Button best = new Button();
        best.textProperty().bind(i18n.bind("overfit.model.best"));
        best.setTooltip(Tips.of(i18n, "overfit.model.best.tooltip"));
        best.setId("overfit-best-degree");
        best.setOnAction(e -> model.setParameter("degree", model.bestDegree()));
        box.getChildren().addAll(slider("degree", 1, OverfitModel.MAX_DEGREE, true), best);
        return box;
    }

    private Node dataGroup() {
        VBox box = groups.group("data", "overfit.data.title");
        Label explain = groups.explain("overfit.data.explain");
        seedField.setPrefColumnCount(5);
        seedField.setMaxWidth(80);
        seedField.setId("overfit-seed");
        seedField.setTooltip(Tips.of(i18n, "overfit.seed.tooltip"));
        seedField.setOnAction(e -> commitSeed());
        seedField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitSeed();
            }
        });
        Label seedLabel = new Label();
        seedLabel.textProperty().bind(i18n.bind("overfit.seed.label"));
        Button redraw = new Button();
        redraw.textProperty().bind(i18n.bind("overfit.seed.next"));
        redraw.setTooltip(Tips.of(i18n, "overfit.seed.next.tooltip"));
        redraw.setId("overfit-next-seed");
        redraw.setOnAction(e -> nextSeed());
        HBox seedRow = new HBox(6, seedLabel, seedField, redraw);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        seedError.setWrapText(true);
        seedError.getStyleClass().add("lab-status");
        seedError.setId("overfit-seed-error");
        box.getChildren().addAll(explain, slider("n", OverfitModel.MIN_N, OverfitModel.MAX_N, true),
                slider("sigma", 0, OverfitModel.MAX_SIGMA, false), seedRow, seedError);
        return box;
    }

    private void nextSeed() {
        model.setParameter("seed", (model.seed() + 1) % (OverfitModel.MAX_SEED + 1));
    }

    /** Applies the typed seed; a typo is explained and the data stay as they were. */
    public void commitSeed() {
        try {
            double v = checkRange("seed", NumberInput.parse(seedField.getText(), i18n), 0, OverfitModel.MAX_SEED,
                    true);
            seedError.setText("");
            seedField.getStyleClass().removeAll("field-error");
            if (v != model.seed()) {
                model.setParameter("seed", v);
            }
        } catch (IllegalArgumentException e) {
            seedError.setText(e.getMessage());
            if (!seedField.getStyleClass().contains("field-error")) {
                seedField.getStyleClass().add("field-error");
            }
        }
    }

    private Node l2Group() {
        VBox box = groups.group("l2", "overfit.l2.title");
        Label explain = groups.explain("overfit.l2.explain");
        DoubleProperty target = value("lambda");
        SliderField f = SliderField.logarithmic(i18n.bind("overfit.lambda.label"), i18n.bind("overfit.lambda.tooltip"),
                target, OverfitModel.LAMBDA_MIN, OverfitModel.LAMBDA_MAX,
                v -> v == 0 ? 0 : checkRange("lambda", v, OverfitModel.LAMBDA_MIN, OverfitModel.LAMBDA_MAX, false),
                text -> NumberInput.parse(text, i18n));
        f.setId("overfit-lambda");
        fields.put("lambda", f);
        noPenalty.textProperty().bind(i18n.bind("overfit.l2.none"));
        noPenalty.setTooltip(Tips.of(i18n, "overfit.l2.none.tooltip"));
        noPenalty.setId("overfit-no-penalty");
        noPenalty.selectedProperty().addListener((o, was, on) -> {
            if (syncing) {
                return;
            }
            if (on && model.lambda() != 0) {
                model.setParameter("lambda", 0);
            } else if (!on && model.lambda() == 0) {
                model.setParameter("lambda", 1e-3);
            }
        });
        box.getChildren().addAll(explain, noPenalty, f);
        return box;
    }

    private Node earlyGroup() {
        VBox box = groups.group("early", "overfit.early.title");
        Label explain = groups.explain("overfit.early.explain");
        Button train = new Button();
        train.textProperty().bind(i18n.bind("overfit.early.train"));
        train.setTooltip(Tips.of(i18n, "overfit.early.train.tooltip"));
        train.setId("overfit-train");
        train.setOnAction(e -> train());
        Button stopHere = new Button();
        stopHere.textProperty().bind(i18n.bind("overfit.early.stopHere"));
        stopHere.setTooltip(Tips.of(i18n, "overfit.early.stopHere.tooltip"));
        stopHere.setId("overfit-stop-here");
        stopHere.setOnAction(e -> stopHere());
        FlowPane buttons = new FlowPane(6, 6, train, stopHere);
        SliderField epochField = slider("epoch", 0, OverfitModel.MAX_EPOCHS, true);
        box.getChildren().addAll(explain, buttons, playBar, epochField,
                slider("epochs", OverfitModel.MIN_EPOCHS, OverfitModel.MAX_EPOCHS, true),
                slider("patience", 1, 500, true), readoutGrid("es_train_error", "es_val_error", "es_gap",
                        "best_epoch", "stop_epoch", "final_gap"));
        return box;
    }

    /** Train: the run from epoch 0, played (Space pauses). */
    public void train() {
        if (model.remedy() != Remedy.EARLY_STOPPING) {
            model.setParameter("remedy", Remedy.EARLY_STOPPING.ordinal());
        }
        playBar.pause();
        model.restartRun();
        playBar.play();
    }

    /** Stop here: go to the epoch early stopping keeps (the best one before patience ran out, or so far). */
    public void stopHere() {
        if (model.remedy() != Remedy.EARLY_STOPPING) {
            model.setParameter("remedy", Remedy.EARLY_STOPPING.ordinal());
        }
        playBar.pause();
        PolynomialDescent.Run run = model.run();
        int stop = run.stopEpoch(model.patience());
        int keep = run.bestEpoch(stop >= 0 ? stop : run.epochs());
        model.setParameter("epoch", keep);
    }

    private Node dropoutGroup() {
        VBox box = groups.group("dropout", "overfit.dropout.title");
        Label explain = groups.explain("overfit.dropout.explain");
        box.getChildren().addAll(explain, slider("hidden", 1, OverfitModel.MAX_HIDDEN, true),
                slider("dropout", 0, OverfitModel.MAX_DROPOUT, false),
                readoutGrid("plain_train_error", "plain_val_error", "plain_gap", "net_train_error", "net_val_error",
                        "net_gap"));
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "overfit.readouts.title");
        box.getChildren().add(readoutGrid("train_error", "val_error", "gap", "best_degree", "coef_norm"));
        return box;
    }

    private GridPane readoutGrid(String... names) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        for (int i = 0; i < names.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind("overfit.q." + names[i]));
            name.getStyleClass().add("readout-name");
            name.setWrapText(true);
            Label v = new Label();
            v.getStyleClass().add("readout-value");
            v.setId("overfit-q-" + names[i]);
            v.setMinWidth(Region.USE_PREF_SIZE);
            readouts.put(names[i], v);
            grid.addRow(i, name, v);
        }
        return grid;
    }


    // ---- refresh --------------------------------------------------------------------------------------------------

    /** Brings every control, read-out and chart in line with the model. */
    public void refresh() {
        syncing = true;
        try {
            for (Map.Entry<String, DoubleProperty> e : values.entrySet()) {
                e.getValue().set(model.quantity(e.getKey()));
            }
            remedyPick.selectToggle(remedyButtons.get(model.remedy().ordinal()));
            noPenalty.setSelected(model.lambda() == 0);
            SliderField epochField = fields.get("epoch");
            epochField.slider().setMax(model.epochs());
            if (!seedField.isFocused()) {
                seedField.setText(Long.toString(model.seed()));
                seedError.setText("");
                seedField.getStyleClass().removeAll("field-error");
            }
        } finally {
            syncing = false;
        }
        boolean early = model.remedy() == Remedy.EARLY_STOPPING;
        if (epochCard.isVisible() != early) {
            epochCard.setVisible(early);
            ((Region) root.getCenter()).requestLayout();
        }
        for (Map.Entry<String, Label> e : readouts.entrySet()) {
            e.getValue().setText(readoutText(e.getKey()));
        }
        caption.setText(captionText());
        stateLabel.setText(stateLine());
        caption.getStyleClass().removeAll("regime-good", "regime-warn");
        caption.getStyleClass().add(model.remedy() == Remedy.NONE && !balanced() ? "regime-warn" : "regime-good");
        refreshDegreeChart();
        refreshEpochChart();
        plot.requestRedraw();
    }

    private String readoutText(String name) {
        double v = model.quantity(name);
        if (Double.isNaN(v)) {
            if (name.equals("stop_epoch") && model.remedy() == Remedy.EARLY_STOPPING) {
                return i18n.get("overfit.q.notStopped");
            }
            return "—";
        }
        return switch (name) {
            case "best_degree", "best_epoch", "stop_epoch" -> Format.num(v, 0);
            case "coef_norm" -> Format.num(v, 2);
            default -> Format.num(v, 4);
        };
    }

    private void refreshDegreeChart() {
        List<Object> key = List.of(model.n(), model.sigma(), model.seed(), model.lambda(), model.degree(),
                logScale.isSelected(), i18n.lang(), theme.mode());
        if (key.equals(degreeChartKey)) {
            return;
        }
        degreeChartKey = key;
        degreeChartBuilds++;
        Theme.Palette p = theme.palette();
        degreeChart.clear();
        degreeChart.defineSeries("train", i18n.get("overfit.series.train"), trainColor(p));
        degreeChart.defineSeries("val", i18n.get("overfit.series.val"), valColor(p));
        int best = model.bestDegree();
        degreeChart.defineSeries("current", i18n.get("overfit.series.current", model.degree()), p.text());
        degreeChart.defineSeries("best", i18n.get("overfit.series.best", best), p.ihat());
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int d = 1; d <= OverfitModel.MAX_DEGREE; d++) {
            double tr = shown(model.trainError(d));
            double va = shown(model.valError(d));
            degreeChart.add("train", d, tr);
            degreeChart.add("val", d, va);
            lo = Math.min(lo, Math.min(tr, va));
            hi = Math.max(hi, Math.max(tr, va));
        }
        addMarker(degreeChart, "current", model.degree(), lo, hi);
        if (best != model.degree()) {
            addMarker(degreeChart, "best", best, lo, hi);
        }
        degreeChart.flush();
    }

    /** What the chart draws for an error: on the log axis, tiny errors sit on a floor instead of stretching it. */
    private double shown(double error) {
        return logScale.isSelected() ? Math.max(LOG_FLOOR, error) : error;
    }

    private static void addMarker(SeriesChart chart, String key, double x, double lo, double hi) {
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            chart.add(key, x, lo);
            chart.add(key, x, hi);
        }
    }

    private void refreshEpochChart() {
        if (model.remedy() != Remedy.EARLY_STOPPING) {
            epochChartKey = null;
            return;
        }
        PolynomialDescent.Run run = model.run();
        int upTo = model.epoch();
        int stop = model.stopEpochSoFar();
        List<Object> key = List.of(run, upTo, model.patience(), logScale.isSelected(), i18n.lang(), theme.mode());
        if (key.equals(epochChartKey)) {
            return;
        }
        epochChartKey = key;
        Theme.Palette p = theme.palette();
        epochChart.clear();
        epochChart.defineSeries("train", i18n.get("overfit.series.train"), trainColor(p));
        epochChart.defineSeries("val", i18n.get("overfit.series.val"), valColor(p));
        int best = model.bestEpochSoFar();
        epochChart.defineSeries("best", i18n.get("overfit.series.bestEpoch", best), p.ihat());
        epochChart.defineSeries("stop", stop >= 0 ? i18n.get("overfit.series.stop", stop, model.patience())
                : i18n.get("overfit.series.noStop", model.patience()), p.warning());
        // At most ~400 points per line: the chart stays quick for a 10,000-epoch run.
        int stride = Math.max(1, upTo / 400);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int e = 0; e <= upTo; e = e == upTo ? upTo + 1 : Math.min(upTo, e + stride)) {
            double tr = shown(run.trainError(e));
            double va = shown(run.valError(e));
            epochChart.add("train", e, tr);
            epochChart.add("val", e, va);
            lo = Math.min(lo, Math.min(tr, va));
            hi = Math.max(hi, Math.max(tr, va));
        }
        if (upTo > 0) {
            addMarker(epochChart, "best", best, lo, hi);
            if (stop >= 0) {
                addMarker(epochChart, "stop", stop, lo, hi);
            }
        }
        epochChart.flush();
    }

    private static Color trainColor(Theme.Palette p) {
        return p.eigen();
    }

    private static Color valColor(Theme.Palette p) {
        return p.jhat();
    }

    // ---- captions -------------------------------------------------------------------------------------------------

    /** The state in one line: degree and the three numbers. */
    String stateLine() {
        return i18n.get("overfit.caption.state", model.degree(), Format.num(model.quantity("train_error"), 3),
                Format.num(model.quantity("val_error"), 3), Format.num(model.quantity("gap"), 3));
    }

    /** What the remedy did to the gap (or, with no remedy, whether the fit under- or over-fits). */
    String captionText() {
        double gap = model.quantity("gap");
        switch (model.remedy()) {
            case MORE_DATA -> {
                int start = (int) model.startValue("n");
                if (model.n() == start) {
                    return i18n.get("overfit.caption.moreData.start", start, Format.num(gap, 3));
                }
                return i18n.get("overfit.caption.moreData", start, model.n(), Format.num(model.baseGap(), 3),
                        Format.num(gap, 3), verdict(model.baseGap(), gap));
            }
            case L2 -> {
                if (model.lambda() == 0) {
                    return i18n.get("overfit.caption.l2.start", Format.num(gap, 3));
                }
                return i18n.get("overfit.caption.l2", Format.sci(model.lambda(), 2), Format.num(model.baseGap(), 3),
                        Format.num(gap, 3), verdict(model.baseGap(), gap), Format.num(model.coefficientNorm(), 2));
            }
            case EARLY_STOPPING -> {
                int e = model.epoch();
                double esGap = model.quantity("es_gap");
                double end = model.quantity("final_gap");
                int stop = model.stopEpochSoFar();
                if (stop >= 0) {
                    PolynomialDescent.Run run = model.run();
                    int keep = run.bestEpoch(stop);
                    double keptGap = run.valError(keep) - run.trainError(keep);
                    return i18n.get("overfit.caption.early.stopped", stop, model.patience(), keep,
                            Format.num(keptGap, 3), Format.num(end, 3), run.epochs());
                }
                return i18n.get("overfit.caption.early", e, Format.num(esGap, 3), model.bestEpochSoFar(),
                        Format.num(end, 3), model.run().epochs());
            }
            case DROPOUT -> {
                double plain = model.quantity("plain_gap");
                double net = model.quantity("net_gap");
                if (model.dropout() == 0) {
                    return i18n.get("overfit.caption.dropout.start", Format.num(plain, 3));
                }
                return i18n.get("overfit.caption.dropout", Format.num(model.dropout(), 2), Format.num(plain, 3),
                        Format.num(net, 3), verdict(plain, net));
            }
            default -> {
                int best = model.bestDegree();
                double val = model.quantity("val_error");
                double bestVal = model.valError(best);
                if (model.degree() < best && val > 1.25 * bestVal) {
                    return i18n.get("overfit.caption.under", best);
                }
                if (model.degree() > best && val > 1.25 * bestVal) {
                    return i18n.get("overfit.caption.over", best);
                }
                return i18n.get("overfit.caption.good", best);
            }
        }
    }

    private String verdict(double before, double after) {
        if (after < before - 1e-9) {
            return i18n.get("overfit.verdict.smaller");
        }
        if (after > before + 1e-9) {
            return i18n.get("overfit.verdict.larger");
        }
        return i18n.get("overfit.verdict.same");
    }

    // ---- drawing --------------------------------------------------------------------------------------------------

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        NoisyCurve data = model.data();

        g.setStroke(p.axis().deriveColor(0, 1, 1, 0.45));
        g.setLineWidth(2);
        g.setLineDashes(6, 5);
        Curves.plot(g, vp, NoisyCurve::truth);
        g.setLineDashes();

        // Validation points: small and hollow, so the training points stay the eye's first stop.
        double[] vx = data.valX();
        double[] vy = data.valY();
        g.setStroke(valColor(p).deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.1);
        for (int i = 0; i < vx.length; i++) {
            g.strokeOval(vp.toScreenX(vx[i]) - 3, vp.toScreenY(vy[i]) - 3, 6, 6);
        }

        Remedy remedy = model.remedy();
        if (remedy == Remedy.DROPOUT) {
            DropoutTrainer plain = model.plainNet();
            DropoutTrainer dropped = model.dropoutNet();
            g.setStroke(p.image());
            g.setLineWidth(2);
            g.setLineDashes(8, 5);
            Curves.plot(g, vp, x -> plain.predict(OverfitModel.netX(x)));
            g.setLineDashes();
            g.setStroke(p.probe());
            g.setLineWidth(3);
            Curves.plot(g, vp, x -> dropped.predict(OverfitModel.netX(x)));
        } else {
            PolynomialFit fit = model.fit();
            boolean early = remedy == Remedy.EARLY_STOPPING;
            g.setStroke(early ? p.image().deriveColor(0, 1, 1, 0.55) : p.image());
            g.setLineWidth(early ? 1.8 : 3);
            if (early) {
                g.setLineDashes(8, 5);
            }
            Curves.plot(g, vp, fit::value);
            g.setLineDashes();
            if (early) {
                PolynomialDescent.Run run = model.run();
                int e = model.epoch();
                g.setStroke(p.probe());
                g.setLineWidth(3);
                Curves.plot(g, vp, x -> run.value(e, x));
            }
        }

        double[] tx = data.trainX();
        double[] ty = data.trainY();
        double r = tx.length > 60 ? 3.2 : 4.6;
        g.setFill(trainColor(p));
        g.setStroke(p.background());
        g.setLineWidth(1);
        for (int i = 0; i < tx.length; i++) {
            double sx = vp.toScreenX(tx[i]);
            double sy = vp.toScreenY(ty[i]);
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
            g.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
        }
        drawLegend(g, vp, p);
    }

    /** Whether the validation error is within 25% of its lowest over the degrees. */
    private boolean balanced() {
        return model.quantity("val_error") <= 1.25 * model.valError(model.bestDegree());
    }

    /** One row at the bottom: what each mark means, then the keys. */
    private void drawLegend(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Font font = Fonts.regular(12);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        List<Object[]> items = new ArrayList<>();
        items.add(new Object[]{"dot", trainColor(p), i18n.get("overfit.legend.train")});
        items.add(new Object[]{"ring", valColor(p), i18n.get("overfit.legend.val")});
        items.add(new Object[]{"dash", p.axis().deriveColor(0, 1, 1, 0.6), i18n.get("overfit.legend.truth")});
        switch (model.remedy()) {
            case DROPOUT -> {
                items.add(new Object[]{"dash", p.image(), i18n.get("overfit.legend.plainNet")});
                items.add(new Object[]{"line", p.probe(), i18n.get("overfit.legend.dropoutNet")});
            }
            case EARLY_STOPPING -> {
                items.add(new Object[]{"dash", p.image(), i18n.get("overfit.legend.fullFit")});
                items.add(new Object[]{"line", p.probe(), i18n.get("overfit.legend.gdFit", model.epoch())});
            }
            default -> items.add(new Object[]{"line", p.image(), i18n.get("overfit.legend.fit", model.degree())});
        }
        // A short plot keeps its room for the data: no key hint (the tooltip and the lesson name the keys).
        boolean hint = vp.height() >= 260;
        double hintY = vp.height() - 10;
        double rowY = hint ? hintY - 20 : vp.height() - 12;
        double x = 12;
        double maxX = vp.width() - 8;
        // Items wrap to a row above when the plot is narrow.
        List<double[]> places = new ArrayList<>();
        int row = 0;
        for (Object[] item : items) {
            double w = 26 + TextMetrics.width((String) item[2], font) + 14;
            if (x + w > maxX && x > 12) {
                x = 12;
                row++;
            }
            places.add(new double[]{x, row});
            x += w;
        }
        // Rows read top-down: the first items on the top row, the last row just above the hint.
        for (double[] place : places) {
            place[1] = rowY - (row - place[1]) * 18;
        }
        double top = places.stream().mapToDouble(a -> a[1]).min().orElse(rowY) - 10;
        g.setFill(p.background().deriveColor(0, 1, 1, hint ? 0.85 : 0.7));
        g.fillRect(6, top, vp.width() - 12, vp.height() - top - 2);
        for (int i = 0; i < items.size(); i++) {
            Object[] item = items.get(i);
            double ix = places.get(i)[0];
            double iy = places.get(i)[1];
            Color c = (Color) item[1];
            g.setStroke(c);
            g.setFill(c);
            switch ((String) item[0]) {
                case "dot" -> g.fillOval(ix + 6, iy - 4.5, 9, 9);
                case "ring" -> {
                    g.setLineWidth(1.2);
                    g.strokeOval(ix + 7, iy - 3.5, 7, 7);
                }
                case "dash" -> {
                    g.setLineWidth(2);
                    g.setLineDashes(5, 3);
                    g.strokeLine(ix, iy, ix + 20, iy);
                    g.setLineDashes();
                }
                default -> {
                    g.setLineWidth(3);
                    g.strokeLine(ix, iy, ix + 20, iy);
                }
            }
            g.setFill(p.text());
            g.fillText((String) item[2], ix + 26, iy);
        }
        if (!hint) {
            return;
        }
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.8));
        g.setFont(Fonts.regular(11.5));
        g.fillText(i18n.get(vp.width() >= 560 ? "overfit.plot.hint" : "overfit.plot.hintShort"), 12, hintY,
                Math.max(50, vp.width() - 24));
    }


    // ---- keys -----------------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> model.setParameter("degree", Math.max(1, model.degree() - 1));
            case RIGHT -> model.setParameter("degree", Math.min(OverfitModel.MAX_DEGREE, model.degree() + 1));
            case UP -> model.setParameter("n", Math.min(OverfitModel.MAX_N, model.n() + (e.isShiftDown() ? 1 : 5)));
            case DOWN -> model.setParameter("n", Math.max(OverfitModel.MIN_N, model.n() - (e.isShiftDown() ? 1 : 5)));
            case CLOSE_BRACKET -> model.setParameter("lambda", model.lambda() == 0 ? 1e-6
                    : Math.min(OverfitModel.LAMBDA_MAX, model.lambda() * 10));
            case OPEN_BRACKET -> model.setParameter("lambda", model.lambda() / 10 < OverfitModel.LAMBDA_MIN * 0.999
                    ? 0 : model.lambda() / 10);
            case T -> train();
            case B -> stopHere();
            case SPACE -> playBar.toggle();
            case N -> nextSeed();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
