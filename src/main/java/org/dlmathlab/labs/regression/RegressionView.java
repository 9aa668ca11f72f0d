package org.dlmathlab.labs.regression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.dlmathlab.io.AtomicFiles;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.optim.ContourGrid;
import org.dlmathlab.math.regression.Csv;
import org.dlmathlab.math.regression.Dataset;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlayBar;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SeriesChart;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;
import org.dlmathlab.ui.text.MarkdownView;

/**
 * Four pictures of one run: the points with the current line, the loss surface over (w, b) with the descent path and
 * the least-squares optimum, the loss curve, and the gradient formulas with their numbers beside the notes' log.
 * Controls sit on the right. Draws the model; the training and the normal equation happen in math/regression.
 */
public final class RegressionView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("data", "csv", "rate", "batch", "scaling", "start", "run",
            "closed-form", "export", "readouts");

    /** Below this width the plot area shows two rows of tabs instead of the 2x2 grid. */
    static final double GRID_MIN_WIDTH = 560;
    private static final int LEVELS = 12;
    private static final long MAX_CSV_BYTES = 20L * 1024 * 1024;
    /** Screen coordinates are kept within this many pixels, so a diverged path cannot upset the canvas. */
    private static final double CLAMP_PX = 1e4;
    /** Viridis: dark for the valley floor, bright for the high walls; readable in both themes and for most eyes. */
    private static final Color[] RAMP = {Color.web("#440154"), Color.web("#414487"), Color.web("#2a788e"),
            Color.web("#22a884"), Color.web("#7ad151"), Color.web("#fde725")};

    private final RegressionModel model;
    private final I18n i18n;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final PlotArea plotArea;
    private final PlotCanvas scatter = new PlotCanvas(new Viewport(-0.5, 10.5, -3, 35, false));
    private final PlotCanvas surface = new PlotCanvas(new Viewport(-1, 4, -1, 2, true));
    private final SeriesChart lossChart;
    private final CheckBox logScale = new CheckBox();
    private final ListView<String> logList = new ListView<>();
    private final ControlGroups groups;
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Map<String, Label> formulaValues = new LinkedHashMap<>();
    private final List<MarkdownView> formulaViews = new ArrayList<>();
    private final Label batchNote = new Label();
    private final Label formulaNote = new Label();
    private final Label sourceLabel = new Label();
    private final Label scalingNote = new Label();
    private final Label statusLabel = new Label();
    private final Label statusExplain = new Label();
    private final Label closedFormMessage = new Label();
    private final Label exportMessage = new Label();
    private final TextArea csvMessages = new TextArea();
    private final Button useGenerated = new Button();
    private final CheckBox standardize = new CheckBox();
    private final TextField epochLimit = new TextField();
    private final Tooltip epochLimitTip;
    private final List<SliderField> generatedFields = new ArrayList<>();
    private final Map<String, SliderField> fields = new LinkedHashMap<>();
    private final PlayBar playBar;
    private FileChooser openChooser;
    private FileChooser saveChooser;
    private String csvName;

    private boolean refreshQueued;
    private boolean syncing;
    private int chartRunId = -1;
    private int chartPoints;
    private double chartOptimum = Double.NaN;
    private int logRunId = -1;
    private int logSize = -1;
    private Boolean formulasStandardized;
    private Isolated readoutHolder;
    private Isolated formulaHolder;

    // The contour image and what it was drawn for.
    private WritableImage contourImage;
    private int[] contourPixels;
    private Dataset contourData;
    private double[] contourView;
    private Theme.Mode contourTheme;
    private long contourRebuilds;
    // What the views were last fitted to.
    private Dataset fittedScatterData;
    private Object[] fittedSurfaceKey;

    public RegressionView(RegressionModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.groups = new ControlGroups(i18n);
        this.theme = theme;
        root.getStyleClass().add("lab-regression");
        playBar = new PlayBar(i18n, model::step, model::canContinue, () -> { }, model::restart);
        lossChart = new SeriesChart(i18n, new SimpleStringProperty(""), i18n.bind("regression.curve.epoch"),
                i18n.bind("regression.curve.loss"), theme);
        lossChart.setIncludeZero(true);
        epochLimitTip = Tips.of(i18n, "regression.epochs.tooltip");

        scatter.setPainter(this::paintScatter);
        scatter.setId("regression-scatter");
        surface.setPainter(this::paintSurface);
        surface.setId("regression-surface");
        for (PlotCanvas canvas : new PlotCanvas[]{scatter, surface}) {
            canvas.setMinSize(100, 80);
            canvas.setPrefSize(320, 240);
            canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        }
        Tooltip.install(scatter, Tips.of(i18n, "regression.scatter.tooltip"));
        Tooltip.install(surface, Tips.of(i18n, "regression.surface.tooltip"));

        plotArea = new PlotArea(
                card("regression.scatter.title", scatter),
                card("regression.surface.title", surface),
                curveCard(),
                gradientCard());
        plotArea.setPadding(new Insets(6));
        root.setCenter(plotArea);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        // Run and what is happening first, so they show without scrolling in a small window.
        controls.getChildren().addAll(runGroup(), readoutGroup(), rateGroup(), batchGroup(), scalingGroup(),
                dataGroup(), csvGroup(), startGroup(), closedFormGroup(), exportGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 250, 210);
        root.setRight(scroller);

        model.changes().addListener(o -> queueRefresh());
        i18n.langProperty().addListener(o -> {
            formulasStandardized = null;
            defineSeries();
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            formulasStandardized = null;
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

    public PlotCanvas scatterPlot() {
        return scatter;
    }

    public PlotCanvas surfacePlot() {
        return surface;
    }

    public SeriesChart lossChart() {
        return lossChart;
    }

    @Override
    public java.util.Optional<PlayBar> player() {
        return java.util.Optional.of(playBar());
    }

    public PlayBar playBar() {
        return playBar;
    }

    public CheckBox logScaleBox() {
        return logScale;
    }

    public ListView<String> logList() {
        return logList;
    }

    public Label statusLabel() {
        return statusLabel;
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    public TextArea csvMessages() {
        return csvMessages;
    }

    public SliderField field(String name) {
        return fields.get(name);
    }

    /** How many times the loss-surface image was computed: only data, view and theme changes should add to it. */
    public long contourRebuilds() {
        return contourRebuilds;
    }

    /** Whether the plots are in the 2x2 grid (else two rows of tabs, for narrow windows). */
    public boolean isGridLayout() {
        return plotArea.grid;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        playBar.pause();
        fittedScatterData = null;
        fittedSurfaceKey = null;
        fitViews();
        scatter.requestRedraw();
        surface.requestRedraw();
    }

    @Override
    public void dispose() {
        playBar.pause();
    }

    // ---- plot cards ---------------------------------------------------------------------------------------------

    /** A titled frame around one picture; extra nodes go to the right of the title. */
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
        box.getProperties().put("titleKey", titleKey);
        box.getProperties().put("title", title);
        return box;
    }

    private Node curveCard() {
        logScale.textProperty().bind(i18n.bind("regression.curve.log"));
        logScale.setTooltip(Tips.of(i18n, "regression.curve.log.tooltip"));
        logScale.setId("regression-log-scale");
        logScale.selectedProperty().addListener((o, old, on) -> {
            lossChart.setLogScale(on);
            chartRunId = -1; // refill: the log axis dropped what it cannot draw
            refresh();
        });
        Node chart = lossChart.node();
        if (chart instanceof Region r) {
            r.setMinSize(100, 80);
        }
        return card("regression.curve.title", chart, logScale);
    }

    private Node gradientCard() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        String[] names = {"loss", "dw", "db", "update"};
        for (int row = 0; row < names.length; row++) {
            MarkdownView math = new MarkdownView();
            math.setFontSize(13);
            math.setMinWidth(0);
            formulaViews.add(math);
            grid.add(math, 0, row);
            if (!names[row].equals("update")) {
                Label value = new Label();
                value.getStyleClass().add("readout-value");
                value.setId("regression-formula-" + names[row]);
                value.setMinWidth(Region.USE_PREF_SIZE);
                GridPane.setHalignment(value, HPos.LEFT);
                grid.add(value, 1, row);
                formulaValues.put(names[row], value);
            }
        }
        ColumnConstraints formulaColumn = new ColumnConstraints();
        formulaColumn.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().addAll(formulaColumn, new ColumnConstraints());
        formulaNote.setWrapText(true);
        formulaNote.getStyleClass().add("control-explain");
        formulaNote.setMinHeight(Region.USE_PREF_SIZE);
        Label logTitle = new Label();
        logTitle.textProperty().bind(i18n.bind("regression.log.title"));
        logTitle.getStyleClass().add("regression-card-title");
        logList.setId("regression-log");
        logList.getStyleClass().add("regression-log");
        logList.setTooltip(Tips.of(i18n, "regression.log.tooltip"));
        logList.setFixedCellSize(20);
        logList.setMinHeight(48);
        logList.setPrefHeight(120);
        VBox.setVgrow(logList, Priority.ALWAYS);
        formulaHolder = new Isolated(grid);
        VBox content = new VBox(4, formulaHolder, formulaNote, logTitle, logList);
        content.setMinSize(0, 0);
        return card("regression.gradient.title", content);
    }

    /**
     * The four cards: a 2x2 grid when there is room, else two rows each showing one card of its pair, picked by
     * tab-like toggle buttons (scatter | surface above, loss curve | gradients below). Nothing is re-parented.
     */
    private final class PlotArea extends Region {

        private final Node[] cards;
        private final HBox[] tabs = new HBox[2];
        private final ToggleGroup[] picks = {new ToggleGroup(), new ToggleGroup()};
        private boolean grid = true;
        private static final double GAP = 6;

        PlotArea(Node... cards) {
            this.cards = cards;
            getStyleClass().add("regression-plots");
            getChildren().addAll(cards);
            for (int row = 0; row < 2; row++) {
                HBox bar = new HBox(4);
                bar.getStyleClass().add("regression-tabs");
                for (int k = 0; k < 2; k++) {
                    Node card = cards[2 * row + k];
                    ToggleButton pick = new ToggleButton();
                    pick.textProperty().bind(i18n.bind((String) card.getProperties().get("titleKey")));
                    pick.setToggleGroup(picks[row]);
                    pick.setUserData(k);
                    pick.setTooltip(Tips.of(i18n, "regression.tabs.tooltip"));
                    pick.setId("regression-tab-" + (2 * row + k));
                    bar.getChildren().add(pick);
                }
                picks[row].selectToggle(picks[row].getToggles().get(0));
                picks[row].selectedToggleProperty().addListener((o, old, now) -> {
                    if (now == null && old != null) {
                        old.setSelected(true); // one card of each pair is always shown
                    }
                    requestLayout();
                });
                tabs[row] = bar;
                getChildren().add(bar);
            }
            setMinSize(200, 160);
        }

        private int picked(int row) {
            Object data = picks[row].getSelectedToggle() == null ? 0 : picks[row].getSelectedToggle().getUserData();
            return (Integer) data;
        }

        @Override
        protected void layoutChildren() {
            Insets in = getInsets();
            double x = in.getLeft();
            double y = in.getTop();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            boolean wide = w >= GRID_MIN_WIDTH;
            if (wide != grid) {
                grid = wide;
                for (Node card : cards) {
                    Node title = (Node) card.getProperties().get("title");
                    title.setVisible(grid);
                    title.setManaged(grid);
                }
            }
            double rowH = (h - GAP) / 2;
            if (grid) {
                double colW = (w - GAP) / 2;
                for (HBox bar : tabs) {
                    bar.setVisible(false);
                }
                for (int k = 0; k < 4; k++) {
                    cards[k].setVisible(true);
                    layoutInArea(cards[k], x + (k % 2) * (colW + GAP), y + (k / 2) * (rowH + GAP), colW, rowH, 0,
                            HPos.LEFT, VPos.TOP);
                }
                return;
            }
            for (int row = 0; row < 2; row++) {
                HBox bar = tabs[row];
                bar.setVisible(true);
                double top = y + row * (rowH + GAP);
                double barH = bar.prefHeight(w);
                layoutInArea(bar, x, top, w, barH, 0, HPos.LEFT, VPos.TOP);
                int shown = picked(row);
                for (int k = 0; k < 2; k++) {
                    Node card = cards[2 * row + k];
                    card.setVisible(k == shown);
                    if (k == shown) {
                        layoutInArea(card, x, top + barH + 2, w, rowH - barH - 2, 0, HPos.LEFT, VPos.TOP);
                    }
                }
            }
        }

        @Override
        protected double computePrefWidth(double height) {
            return 760;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 600;
        }
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private VBox group(String name, String titleKey) {
        return groups.group(name, titleKey);
    }

    private Label explain() {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add("control-explain");
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Button button(String key, String tooltipKey, String id, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.bind(key));
        b.setTooltip(Tips.of(i18n, tooltipKey));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /**
     * A slider with a typed field for one model parameter. Whole-number parameters are rounded; a change that the
     * model rejects leaves the model as it was.
     */
    private SliderField parameterField(String name, String key, double min, double max, double typedMin,
                                       double typedMax, boolean whole, boolean log, DoubleSupplier current,
                                       DoubleConsumer apply) {
        SimpleDoubleProperty value = new SimpleDoubleProperty(current.getAsDouble());
        model.changes().addListener(o -> {
            syncing = true;
            value.set(current.getAsDouble());
            syncing = false;
        });
        value.addListener((o, old, v) -> {
            double wanted = whole ? Math.round(v.doubleValue()) : v.doubleValue();
            if (!syncing && wanted != current.getAsDouble()) {
                apply.accept(wanted);
            }
        });
        java.util.function.DoubleUnaryOperator limit = v -> {
            if (!(v >= typedMin && v <= typedMax) || (whole && v != Math.rint(v))) {
                throw new IllegalArgumentException(i18n.get(whole ? "regression.error.whole" : "regression.error.range",
                        name, Format.num(typedMin, 5), Format.num(typedMax, 5)));
            }
            return v;
        };
        SliderField field = log
                ? SliderField.logarithmic(i18n.bind(key + ".label"), i18n.bind(key + ".tooltip"), value, min, max,
                limit, text -> NumberInput.parse(text, i18n))
                : new SliderField(i18n.bind(key + ".label"), i18n.bind(key + ".tooltip"), value, min, max, limit,
                text -> NumberInput.parse(text, i18n));
        field.setId("regression-" + name);
        // Names such as "seed" or "种子" are wider than the shared minimum: show them whole.
        if (field.lookup(".slider-field-label") instanceof Label nameLabel) {
            nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        }
        fields.put(name, field);
        return field;
    }

    private void setParameter(String name, double value) {
        model.setParameter(name, value);
    }

    /** Changes the data, keeping a full-batch run full batch when the number of points grows. */
    private void changeData(Runnable change) {
        boolean wasFull = model.isFullBatch();
        change.run();
        if (wasFull && !model.isFullBatch()) {
            model.setParameter("batch", model.trainingData().n());
        }
    }

    private Node dataGroup() {
        VBox box = group("data", "regression.data.title");
        sourceLabel.setWrapText(true);
        sourceLabel.getStyleClass().add("control-explain");
        sourceLabel.setMinHeight(Region.USE_PREF_SIZE);
        sourceLabel.setId("regression-source");
        SliderField n = parameterField("n", "regression.n", RegressionModel.N_MIN, RegressionModel.N_MAX,
                RegressionModel.N_MIN, RegressionModel.N_MAX, true, false, model::pointsSetting,
                v -> changeData(() -> setParameter("n", v)));
        SliderField noise = parameterField("noise", "regression.noise", 0, RegressionModel.NOISE_MAX, 0,
                RegressionModel.NOISE_MAX, false, false, model::noise, v -> setParameter("noise", v));
        SliderField seed = parameterField("seed", "regression.seed", 0, 999, 0, RegressionModel.SEED_MAX, true, false,
                () -> model.seed(), v -> setParameter("seed", v));
        generatedFields.addAll(List.of(n, noise));
        box.getChildren().addAll(sourceLabel, n, noise, seed);
        return box;
    }

    private Node csvGroup() {
        VBox box = group("csv", "regression.csv.title");
        Button open = button("regression.csv.open", "regression.csv.open.tooltip", "regression-open-csv",
                this::openCsv);
        useGenerated.textProperty().bind(i18n.bind("regression.csv.generated"));
        useGenerated.setTooltip(Tips.of(i18n, "regression.csv.generated.tooltip"));
        useGenerated.setId("regression-use-generated");
        useGenerated.setMaxWidth(Double.MAX_VALUE);
        useGenerated.setOnAction(e -> {
            playBar.pause();
            changeData(model::useGeneratedData);
            csvName = null;
            csvMessages.clear();
            refresh();
        });
        csvMessages.setEditable(false);
        csvMessages.setWrapText(true);
        csvMessages.setPrefRowCount(4);
        csvMessages.setId("regression-csv-messages");
        csvMessages.getStyleClass().add("regression-messages");
        csvMessages.setTooltip(Tips.of(i18n, "regression.csv.messages.tooltip"));
        csvMessages.setVisible(false);
        csvMessages.setManaged(false);
        Label explainCsv = explain();
        explainCsv.textProperty().bind(i18n.bind("regression.csv.explain"));
        box.getChildren().addAll(explainCsv, open, useGenerated, csvMessages);
        return box;
    }

    private Node rateGroup() {
        VBox box = group("rate", "regression.rate.title");
        box.getChildren().add(parameterField("lr", "regression.lr", RegressionModel.LR_MIN, RegressionModel.LR_MAX,
                RegressionModel.LR_MIN, RegressionModel.LR_MAX, false, true, model::learningRate,
                v -> setParameter("lr", v)));
        return box;
    }

    private Node batchGroup() {
        VBox box = group("batch", "regression.batch.title");
        SliderField batch = parameterField("batch", "regression.batch", 1, model.trainingData().n(), 1,
                RegressionModel.BATCH_MAX, true, false, () -> Math.min(model.batchSetting(),
                        model.trainingData().n()), v -> setParameter("batch", v));
        batchNote.setWrapText(true);
        batchNote.getStyleClass().add("control-explain");
        batchNote.setMinHeight(Region.USE_PREF_SIZE);
        batchNote.setId("regression-batch-note");
        box.getChildren().addAll(batch, batchNote);
        return box;
    }

    private Node scalingGroup() {
        VBox box = group("scaling", "regression.scaling.title");
        standardize.textProperty().bind(i18n.bind("regression.scaling.check"));
        standardize.setTooltip(Tips.of(i18n, "regression.scaling.tooltip"));
        standardize.setId("regression-standardize");
        standardize.setWrapText(true);
        standardize.selectedProperty().addListener((o, old, on) -> {
            if (on != model.isStandardized()) {
                model.setParameter("standardize", on ? 1 : 0);
            }
        });
        scalingNote.setWrapText(true);
        scalingNote.getStyleClass().add("control-explain");
        scalingNote.setMinHeight(Region.USE_PREF_SIZE);
        box.getChildren().addAll(standardize, scalingNote);
        return box;
    }

    private Node startGroup() {
        VBox box = group("start", "regression.start.title");
        box.getChildren().addAll(
                parameterField("w0", "regression.w0", -10, 10, -RegressionModel.START_LIMIT,
                        RegressionModel.START_LIMIT, false, false, model::startW, v -> setParameter("w0", v)),
                parameterField("b0", "regression.b0", -10, 10, -RegressionModel.START_LIMIT,
                        RegressionModel.START_LIMIT, false, false, model::startB, v -> setParameter("b0", v)));
        return box;
    }

    private Node runGroup() {
        VBox box = group("run", "regression.run.title");
        Label label = new Label();
        label.textProperty().bind(i18n.bind("regression.epochs.label"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        epochLimit.setPrefColumnCount(6);
        epochLimit.setTooltip(epochLimitTip);
        epochLimit.setId("regression-epochs");
        epochLimit.setOnAction(e -> commitEpochLimit());
        epochLimit.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitEpochLimit();
            }
        });
        HBox row = new HBox(6, label, epochLimit);
        row.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(playBar, row);
        return box;
    }

    /** Parses the epoch limit; a typo is marked and explained, and the model keeps its limit. */
    public boolean commitEpochLimit() {
        try {
            double v = NumberInput.parse(epochLimit.getText(), i18n);
            if (!(v >= 1 && v <= RegressionModel.EPOCHS_MAX) || v != Math.rint(v)) {
                throw new IllegalArgumentException(i18n.get("regression.error.whole", "epochs", 1,
                        Format.num(RegressionModel.EPOCHS_MAX, 0)));
            }
            epochLimit.getStyleClass().removeAll("field-error");
            epochLimitTip.textProperty().bind(i18n.bind("regression.epochs.tooltip"));
            if (v != model.epochLimit()) {
                model.setParameter("epochs", v);
            }
            return true;
        } catch (IllegalArgumentException e) {
            if (!epochLimit.getStyleClass().contains("field-error")) {
                epochLimit.getStyleClass().add("field-error");
            }
            epochLimitTip.textProperty().unbind();
            epochLimitTip.setText(e.getMessage());
            return false;
        }
    }

    public TextField epochLimitField() {
        return epochLimit;
    }

    private Node closedFormGroup() {
        VBox box = group("closed-form", "regression.closed.title");
        Button jump = button("regression.closed.jump", "regression.closed.jump.tooltip", "regression-jump",
                this::jumpToClosedForm);
        closedFormMessage.setWrapText(true);
        closedFormMessage.getStyleClass().add("control-explain");
        closedFormMessage.setMinHeight(Region.USE_PREF_SIZE);
        closedFormMessage.setId("regression-closed-message");
        box.getChildren().addAll(jump, closedFormMessage);
        return box;
    }

    /** Sets (w, b) to the normal equation's answer and says so. */
    public void jumpToClosedForm() {
        playBar.pause();
        if (!model.jumpToClosedForm()) {
            closedFormMessage.setText(i18n.get("regression.closed.none"));
        }
        refresh();
    }

    private Node exportGroup() {
        VBox box = group("export", "regression.export.title");
        Button export = button("regression.export.button", "regression.export.tooltip", "regression-export",
                this::exportLossHistory);
        exportMessage.setWrapText(true);
        exportMessage.getStyleClass().add("control-explain");
        exportMessage.setMinHeight(Region.USE_PREF_SIZE);
        box.getChildren().addAll(export, exportMessage);
        return box;
    }

    private Node readoutGroup() {
        VBox box = group("readouts", "regression.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] names = {"epoch", "loss", "gap", "w", "b", "raw", "opt", "loss_opt", "lr_limit"};
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind("regression.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("regression-readout-" + names[row]);
            value.setMinWidth(0);
            grid.add(name, 0, row);
            grid.add(value, 1, row);
            readouts.put(names[row], value);
        }
        statusLabel.setId("regression-status");
        statusLabel.setWrapText(true);
        statusLabel.getStyleClass().add("regression-status");
        statusLabel.setMinHeight(Region.USE_PREF_SIZE);
        statusExplain.setWrapText(true);
        statusExplain.getStyleClass().add("control-explain");
        statusExplain.setMinHeight(Region.USE_PREF_SIZE);
        statusExplain.setId("regression-status-explain");
        readoutHolder = new Isolated(grid);
        box.getChildren().addAll(statusLabel, statusExplain, readoutHolder);
        return box;
    }

    /**
     * Holds a node whose text changes every frame while playing (read-outs, formula values) so that its changes
     * re-lay out only itself: the node is unmanaged, hence its own layout root, and does not make the whole control
     * column measure its wrapped explanations again each frame. Its size is measured when the holder is laid out,
     * which {@link #requestLayout()} asks for after a change of language, theme or formulas.
     */
    private static final class Isolated extends Region {

        private final Region content;

        Isolated(Region content) {
            this.content = content;
            content.setManaged(false);
            getChildren().add(content);
        }

        @Override
        protected double computeMinWidth(double height) {
            return content.minWidth(height);
        }

        @Override
        protected double computePrefWidth(double height) {
            return content.prefWidth(height);
        }

        @Override
        protected double computeMinHeight(double width) {
            return content.prefHeight(width);
        }

        @Override
        protected double computePrefHeight(double width) {
            return content.prefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            content.resizeRelocate(0, 0, getWidth(), getHeight());
        }
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void openCsv() {
        playBar.pause();
        if (openChooser == null) {
            openChooser = new FileChooser();
            openChooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(i18n.get("regression.csv.filter"), "*.csv", "*.txt", "*.tsv"),
                    new FileChooser.ExtensionFilter(i18n.get("regression.csv.filterAll"), "*.*"));
        }
        openChooser.setTitle(i18n.get("regression.csv.open.title"));
        java.io.File file = openChooser.showOpenDialog(window());
        if (file != null) {
            openChooser.setInitialDirectory(file.getParentFile());
            loadCsvFile(file.toPath());
        }
    }

    /** Reads a learner's CSV file into the model and reports, line by line, what could not be used. */
    public void loadCsvFile(Path file) {
        List<String> lines = new ArrayList<>();
        try {
            if (Files.size(file) > MAX_CSV_BYTES) {
                showCsvMessages(List.of(i18n.get("regression.csv.tooLarge", file.getFileName(),
                        MAX_CSV_BYTES / (1024 * 1024))));
                return;
            }
            // Decoding replaces bytes that are not UTF-8 instead of failing, so the bad lines get reported.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Dataset before = model.data();
            List<Csv.Problem> problems = new ArrayList<>();
            changeData(() -> problems.addAll(model.loadCsv(text)));
            if (model.data() != before) {
                csvName = file.getFileName().toString();
                lines.add(i18n.get("regression.csv.loaded", model.data().n(), csvName));
            } else {
                lines.add(i18n.get("regression.csv.notLoaded", file.getFileName()));
            }
            for (Csv.Problem p : problems) {
                lines.add(describe(p));
            }
        } catch (IOException e) {
            lines.add(i18n.get("regression.csv.readError", file.getFileName(), String.valueOf(e.getMessage())));
        }
        showCsvMessages(lines);
        refresh();
    }

    private void showCsvMessages(List<String> lines) {
        csvMessages.setText(String.join("\n", lines));
        boolean any = !lines.isEmpty();
        csvMessages.setVisible(any);
        csvMessages.setManaged(any);
    }

    private static final Pattern EXPECTED = Pattern.compile("expected 2 values \\(x,y\\), found (\\d+)");
    private static final Pattern MISSING = Pattern.compile("the (x|y) value is missing");
    private static final Pattern NOT_NUMBER = Pattern.compile("'(.*)' is not a number");
    private static final Pattern TOO_LARGE = Pattern.compile("'(.*)' is too large");
    private static final Pattern TOO_MANY = Pattern.compile("more than (\\d+) data rows.*");
    private static final Pattern MORE = Pattern.compile("\\.\\.\\. and (\\d+) more problems");

    /** A CSV problem in the learner's language ("line 7: 'abc' is not a number"). */
    String describe(Csv.Problem p) {
        String m = p.message();
        String text;
        Matcher matcher;
        if ((matcher = EXPECTED.matcher(m)).matches()) {
            text = i18n.get("regression.csv.problem.count", matcher.group(1));
        } else if ((matcher = MISSING.matcher(m)).matches()) {
            text = i18n.get("regression.csv.problem.missing", matcher.group(1));
        } else if ((matcher = NOT_NUMBER.matcher(m)).matches()) {
            text = i18n.get("regression.csv.problem.notNumber", matcher.group(1));
        } else if ((matcher = TOO_LARGE.matcher(m)).matches()) {
            text = i18n.get("regression.csv.problem.tooLarge", matcher.group(1));
        } else if ((matcher = TOO_MANY.matcher(m)).matches()) {
            text = i18n.get("regression.csv.problem.tooMany", matcher.group(1));
        } else if ((matcher = MORE.matcher(m)).matches()) {
            text = i18n.get("regression.csv.problem.more", matcher.group(1));
        } else if (m.equals("no data rows")) {
            text = i18n.get("regression.csv.problem.noRows");
        } else if (m.startsWith("only 1 data row")) {
            text = i18n.get("regression.csv.problem.oneRow");
        } else if (m.startsWith("all x values are equal") || m.startsWith("the x values are too close")) {
            text = i18n.get("regression.csv.problem.sameX");
        } else {
            text = m;
        }
        return p.line() > 0 ? i18n.get("regression.csv.problem.line", String.valueOf(p.line()), text) : text;
    }

    private void exportLossHistory() {
        playBar.pause();
        if (saveChooser == null) {
            saveChooser = new FileChooser();
            saveChooser.getExtensionFilters().add(
                    new FileChooser.ExtensionFilter(i18n.get("regression.csv.filter"), "*.csv"));
            saveChooser.setInitialFileName("loss-history.csv");
        }
        saveChooser.setTitle(i18n.get("regression.export.title"));
        java.io.File file = saveChooser.showSaveDialog(window());
        if (file != null) {
            saveChooser.setInitialDirectory(file.getParentFile());
            exportLossHistory(file.toPath());
        }
    }

    /** Writes the loss history (epoch,loss) to a file, atomically, and says how it went. */
    public void exportLossHistory(Path file) {
        try {
            AtomicFiles.writeString(file, model.lossHistoryCsv());
            exportMessage.getStyleClass().removeAll("lab-status");
            exportMessage.setText(i18n.get("regression.export.done", model.lossHistory().length, file.getFileName()));
        } catch (IOException e) {
            if (!exportMessage.getStyleClass().contains("lab-status")) {
                exportMessage.getStyleClass().add("lab-status");
            }
            exportMessage.setText(i18n.get("regression.export.failed", file.getFileName(),
                    String.valueOf(e.getMessage())));
        }
    }

    // ---- refresh ----------------------------------------------------------------------------------------------------

    /** Many epochs in one frame (Play at full speed) cost one refresh and one draw of each picture. */
    private void queueRefresh() {
        scatter.requestRedraw();
        surface.requestRedraw();
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    private void defineSeries() {
        Theme.Palette p = theme.palette();
        lossChart.defineSeries("loss", i18n.get("regression.curve.loss"), p.jhat());
        lossChart.defineSeries("opt", i18n.get("regression.curve.opt"), p.ihat());
        lossChart.flush();
    }

    private void refresh() {
        fitViews();
        refreshControls();
        refreshFormulas();
        refreshReadouts();
        refreshChart();
        refreshLog();
        scatter.requestRedraw();
        surface.requestRedraw();
    }

    private void refreshControls() {
        boolean csv = model.isCsv();
        if (!csv && csvName != null) {
            // The lab was reset to the lesson's generated data: the file's messages no longer apply.
            csvName = null;
            showCsvMessages(List.of());
        }
        for (SliderField f : generatedFields) {
            f.setDisable(csv);
        }
        useGenerated.setDisable(!csv);
        int n = model.trainingData().n();
        fields.get("batch").slider().setMax(Math.max(2, n));
        if (csv) {
            sourceLabel.setText(i18n.get("regression.source.csv", csvName == null ? "" : csvName, n));
        } else {
            sourceLabel.setText(i18n.get("regression.source.generated", n));
        }
        int batch = model.effectiveBatch();
        String batchKey = model.isFullBatch() ? "regression.batch.full" : batch == 1 ? "regression.batch.sgd"
                : "regression.batch.mini";
        batchNote.setText(i18n.get(batchKey, n, batch, model.stepsPerEpoch()));
        if (standardize.isSelected() != model.isStandardized()) {
            standardize.setSelected(model.isStandardized());
        }
        Dataset.Scaling s = model.isStandardized() ? model.scaling() : model.data().scaling();
        scalingNote.setText(i18n.get(model.isStandardized() ? "regression.scaling.on" : "regression.scaling.off",
                Format.num(s.mean(), 4), Format.num(s.sd(), 4)));
        if (!epochLimit.isFocused() || !epochLimit.getStyleClass().contains("field-error")) {
            epochLimit.setText(Integer.toString(model.epochLimit()));
            epochLimit.getStyleClass().removeAll("field-error");
        }
        if (!model.isFromClosedForm()) {
            closedFormMessage.setText(i18n.get("regression.closed.explain"));
        }
    }

    private void refreshFormulas() {
        boolean z = model.isStandardized();
        if (formulasStandardized == null || formulasStandardized != z) {
            formulasStandardized = z;
            String x = z ? "z_i" : "x_i";
            String[] tex = {
                "$L = \\frac{1}{n}\\sum_{i=1}^{n}(\\hat y_i - y_i)^2$",
                "$\\frac{\\partial L}{\\partial w} = \\frac{2}{n}\\sum_{i=1}^{n} " + x + "\\,(\\hat y_i - y_i)$",
                "$\\frac{\\partial L}{\\partial b} = \\frac{2}{n}\\sum_{i=1}^{n}(\\hat y_i - y_i)$",
                "$\\hat y_i = w\\," + x + " + b,\\quad w \\leftarrow w - \\eta\\,\\frac{\\partial L}{\\partial w},\\quad "
                        + "b \\leftarrow b - \\eta\\,\\frac{\\partial L}{\\partial b}$"};
            Color color = theme.textColor();
            for (int i = 0; i < tex.length; i++) {
                formulaViews.get(i).setTextColor(color);
                formulaViews.get(i).setMarkdown(tex[i]);
            }
            formulaHolder.requestLayout();
            readoutHolder.requestLayout(); // language and theme changes come this way too
        }
        double[] g = model.gradient();
        formulaValues.get("loss").setText("= " + Format.num(model.loss(), 4));
        formulaValues.get("dw").setText("= " + Format.num(g[0], 4));
        formulaValues.get("db").setText("= " + Format.num(g[1], 4));
        formulaNote.setText(i18n.get(model.isFullBatch() ? "regression.gradient.noteFull"
                : "regression.gradient.noteBatch", model.trainingData().n(), model.effectiveBatch())
                + (z ? " " + i18n.get("regression.gradient.noteZ") : ""));
    }

    private void refreshReadouts() {
        int epoch = model.epoch();
        readouts.get("epoch").setText(i18n.get("regression.readout.epochValue", epoch, model.epochLimit()));
        readouts.get("loss").setText(Format.num(model.loss(), 4));
        readouts.get("w").setText(Format.num(model.w(), 4));
        readouts.get("b").setText(Format.num(model.b(), 4));
        double[] raw = model.rawLine();
        readouts.get("raw").setText(i18n.get("regression.readout.line", Format.num(raw[0], 4), Format.num(raw[1], 4)));
        double[] opt = model.optimum();
        readouts.get("opt").setText(opt == null ? i18n.get("regression.readout.noOpt")
                : "(" + Format.num(opt[0], 4) + ", " + Format.num(opt[1], 4) + ")");
        readouts.get("loss_opt").setText(Format.num(model.quantity("loss_opt"), 4));
        readouts.get("lr_limit").setText(Format.num(model.learningRateLimit(), 4));

        readouts.get("gap").setText(Format.num(model.loss() - model.quantity("loss_opt"), 4));

        String lr = Format.num(model.learningRate(), 5);
        String limit = Format.num(model.learningRateLimit(), 4);
        String text;
        String explain;
        String style;
        if (model.diverged()) {
            text = i18n.get("regression.status.diverged", epoch);
            style = "status-bad";
            explain = i18n.get(model.isStandardized() ? "regression.status.diverged.explainZ"
                    : "regression.status.diverged.explain", lr, limit)
                    + (model.isFullBatch() ? "" : " " + i18n.get("regression.status.diverged.batch"));
        } else if (model.isFromClosedForm()) {
            text = i18n.get("regression.status.closed");
            style = "status-good";
            explain = i18n.get("regression.status.closed.explain");
            closedFormMessage.setText(i18n.get("regression.closed.done", Format.num(model.w(), 4),
                    Format.num(model.b(), 4), Format.num(model.loss(), 4)));
        } else if (epoch > 0 && model.loss() - model.quantity("loss_opt")
                <= 1e-9 * Math.max(1, model.quantity("loss_opt"))) {
            text = i18n.get("regression.status.converged");
            style = "status-good";
            explain = i18n.get("regression.status.converged.explain");
        } else if (epoch >= model.epochLimit()) {
            text = i18n.get("regression.status.limit", model.epochLimit());
            style = "status-info";
            explain = i18n.get("regression.status.limit.explain");
        } else if (model.learningRate() > model.learningRateLimit() * (1 + 1e-9)) {
            // (The tolerance: at exactly the limit, 2/λmax computed as 0.9999999999999998, the run bounces for ever.)
            text = i18n.get("regression.status.tooLarge");
            style = "status-bad";
            explain = i18n.get("regression.status.tooLarge.explain", lr, limit);
        } else {
            text = i18n.get(epoch == 0 ? "regression.status.ready" : "regression.status.running");
            style = "status-info";
            explain = i18n.get(epoch == 0 ? "regression.status.ready.explain" : "regression.status.running.explain");
        }
        // Set only what changed: a wrapped label that changes costs a layout of the whole column.
        if (!text.equals(statusLabel.getText())) {
            statusLabel.setText(text);
        }
        if (!explain.equals(statusExplain.getText())) {
            statusExplain.setText(explain);
        }
        if (!statusLabel.getStyleClass().contains(style)) {
            statusLabel.getStyleClass().removeAll("status-good", "status-bad", "status-info");
            statusLabel.getStyleClass().add(style);
        }
    }

    /** Whether the loss series holds only the placeholder point of a run that has not taken its first epoch. */
    private boolean chartShowsStart;

    private void refreshChart() {
        double[] history = model.lossHistory();
        boolean restart = model.runId() != chartRunId || history.length < chartPoints
                || (chartShowsStart && history.length > 0);
        if (restart) {
            lossChart.clear("loss");
            chartPoints = 0;
            chartRunId = model.runId();
            chartShowsStart = false;
        }
        if (history.length == 0 && !chartShowsStart && Double.isFinite(model.loss())) {
            // Before the first epoch: the starting loss as one point, so the axis is scaled to it and not to 0-1.
            lossChart.add("loss", 0, model.loss());
            chartShowsStart = true;
        }
        for (int i = chartPoints; i < history.length; i++) {
            lossChart.add("loss", i, history[i]);
        }
        chartPoints = history.length;
        double best = model.quantity("loss_opt");
        if (restart || best != chartOptimum) {
            chartOptimum = best;
            lossChart.clear("opt");
            // A line at the best loss, unless it is ~0 (noise-free data): on a log axis that would squash the curve.
            if (Double.isFinite(best) && best > 1e-9) {
                lossChart.add("opt", 0, best);
                lossChart.add("opt", Math.max(1, model.epochLimit()), best);
            }
        }
        lossChart.flush();
    }

    private void refreshLog() {
        List<String> lines = model.logLines();
        if (model.runId() != logRunId || lines.size() != logSize) {
            logRunId = model.runId();
            logSize = lines.size();
            List<String> shown = new ArrayList<>(lines);
            if (model.diverged()) {
                shown.add(i18n.get("regression.log.diverged", model.epoch()));
            }
            logList.getItems().setAll(shown);
            if (!shown.isEmpty()) {
                logList.scrollTo(shown.size() - 1);
            }
        }
    }

    /** Fits the scatter to new data and the surface to a new problem or start; leaves the learner's zoom otherwise. */
    private void fitViews() {
        Dataset data = model.data();
        if (data != fittedScatterData) {
            fittedScatterData = data;
            double xMin = Double.POSITIVE_INFINITY;
            double xMax = Double.NEGATIVE_INFINITY;
            double yMin = Double.POSITIVE_INFINITY;
            double yMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < data.n(); i++) {
                xMin = Math.min(xMin, data.x(i));
                xMax = Math.max(xMax, data.x(i));
                yMin = Math.min(yMin, data.y(i));
                yMax = Math.max(yMax, data.y(i));
            }
            double padX = Math.max(1e-6, (xMax - xMin) * 0.08);
            double padY = Math.max(1e-6, (yMax - yMin) * 0.12);
            if (xMax - xMin < 1e-9) {
                padX = Math.max(1, Math.abs(xMin) * 0.5);
            }
            if (yMax - yMin < 1e-9) {
                padY = Math.max(1, Math.abs(yMin) * 0.5);
            }
            scatter.viewport().setDefault(xMin - padX, xMax + padX, yMin - padY, yMax + padY);
            scatter.viewport().reset();
            scatter.requestRedraw();
        }
        double[] opt = model.optimum();
        Object[] key = {model.trainingData(), model.startW(), model.startB()};
        if (fittedSurfaceKey == null || !java.util.Arrays.equals(key, fittedSurfaceKey)) {
            fittedSurfaceKey = key;
            double ow = opt == null ? model.startW() + 1 : opt[0];
            double ob = opt == null ? model.startB() + 1 : opt[1];
            double wMin = Math.min(model.startW(), ow);
            double wMax = Math.max(model.startW(), ow);
            double bMin = Math.min(model.startB(), ob);
            double bMax = Math.max(model.startB(), ob);
            double pad = Math.max(1, Math.max(wMax - wMin, bMax - bMin)) * 0.3;
            surface.viewport().setDefault(wMin - pad, wMax + pad, bMin - pad, bMax + pad);
            surface.viewport().reset();
            surface.requestRedraw();
        }
    }

    // ---- drawing ----------------------------------------------------------------------------------------------------

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(-CLAMP_PX, Math.min(CLAMP_PX, v));
    }

    private void paintScatter(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        Dataset data = model.data();
        double x0 = vp.minWorldX();
        double x1 = vp.maxWorldX();

        if (!model.isCsv()) {
            // The line the points were generated from.
            g.setStroke(p.axis().deriveColor(0, 1, 1, 0.45));
            g.setLineWidth(1.2);
            g.setLineDashes(2, 4);
            line(g, vp, RegressionModel.TRUE_W, RegressionModel.TRUE_B, x0, x1);
        }
        double[] opt = model.rawOptimum();
        if (opt != null) {
            g.setStroke(p.ihat());
            g.setLineWidth(1.6);
            g.setLineDashes(7, 5);
            line(g, vp, opt[0], opt[1], x0, x1);
        }
        g.setLineDashes();

        double[] raw = model.rawLine();
        int n = data.n();
        // Residuals y_hat - y as thin segments, while there are few enough points to tell them apart.
        if (n <= 300) {
            g.setStroke(p.jhat().deriveColor(0, 1, 1, 0.28));
            g.setLineWidth(1);
            for (int i = 0; i < n; i++) {
                double sx = vp.toScreenX(data.x(i));
                double yHat = raw[0] * data.x(i) + raw[1];
                g.strokeLine(sx, clamp(vp.toScreenY(data.y(i))), sx, clamp(vp.toScreenY(yHat)));
            }
        }
        g.setFill(p.grid().deriveColor(0, 1, 0.85, 1.6));
        double r = n > 2000 ? 1.2 : n > 300 ? 2 : 3;
        for (int i = 0; i < n; i++) {
            double sx = vp.toScreenX(data.x(i));
            double sy = vp.toScreenY(data.y(i));
            if (sx >= -r && sx <= vp.width() + r && sy >= -r && sy <= vp.height() + r) {
                g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
            }
        }
        g.setStroke(p.jhat());
        g.setLineWidth(2.6);
        line(g, vp, raw[0], raw[1], x0, x1);

        g.setFont(Fonts.regular(12.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String caption = i18n.get("regression.scatter.caption", Format.num(raw[0], 4), Format.num(raw[1], 4),
                model.epoch());
        String best = i18n.get("regression.scatter.best");
        double boxW = Math.min(vp.width() - 12, Math.max(TextMetrics.width(caption, g.getFont()),
                TextMetrics.width(best, g.getFont()) + 28) + 14);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRoundRect(6, 5, boxW, opt != null ? 56 : 40, 6, 6);
        g.setFill(p.text());
        g.fillText(caption, 12, 8, Math.max(40, vp.width() - 24));
        double legendY = 26;
        legend(g, 12, legendY, p.jhat(), false, i18n.get("regression.scatter.current"));
        if (opt != null) {
            legend(g, 12, legendY + 16, p.ihat(), true, best);
        }
        axisNames(g, vp, p, "x", "y", 6 + boxW, opt != null ? 61 : 45);
        if (model.diverged()) {
            warning(g, vp, p);
        }
    }

    private void legend(GraphicsContext g, double x, double y, Color color, boolean dashed, String text) {
        g.setStroke(color);
        g.setLineWidth(2);
        if (dashed) {
            g.setLineDashes(5, 3);
        }
        g.strokeLine(x, y + 7, x + 22, y + 7);
        g.setLineDashes();
        g.fillText(text, x + 28, y);
    }

    /** "Diverged at epoch k" across the middle of a picture, with the short advice below it. */
    private void warning(GraphicsContext g, Viewport vp, Theme.Palette p) {
        String title = i18n.get("regression.status.diverged", model.epoch());
        String advice = i18n.get(model.isStandardized() ? "regression.status.diverged.shortZ"
                : "regression.status.diverged.short", Format.num(model.learningRate(), 5),
                Format.num(model.learningRateLimit(), 4));
        javafx.scene.text.Font bold = Fonts.bold(14);
        javafx.scene.text.Font small = Fonts.regular(12.5);
        double w = Math.min(vp.width() - 16, Math.max(TextMetrics.width(title, bold), TextMetrics.width(advice, small)) + 24);
        double cy = vp.height() / 2;
        g.setFill(p.background().deriveColor(0, 1, 1, 0.88));
        g.fillRoundRect(vp.width() / 2 - w / 2, cy - 22, w, 46, 8, 8);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(bold);
        g.setFill(p.warning());
        g.fillText(title, vp.width() / 2, cy - 9, vp.width() - 24);
        g.setFont(small);
        g.setFill(p.text());
        g.fillText(advice, vp.width() / 2, cy + 10, vp.width() - 24);
    }

    /** y = w x + b across [x0, x1], clipped to the canvas. */
    private static void line(GraphicsContext g, Viewport vp, double w, double b, double x0, double x1) {
        clippedLine(g, vp, vp.toScreenX(x0), vp.toScreenY(w * x0 + b), vp.toScreenX(x1), vp.toScreenY(w * x1 + b));
    }

    /**
     * The axis names at the ends of the axes; the vertical one moves below the caption box (right edge boxRight,
     * bottom boxBottom) when the axis runs through it.
     */
    private static void axisNames(GraphicsContext g, Viewport vp, Theme.Palette p, String xName, String yName,
                                  double boxRight, double boxBottom) {
        g.setFont(Fonts.bold(13));
        g.setFill(p.axis());
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.RIGHT);
        double axisY = Math.max(16, Math.min(vp.height() - 4, vp.toScreenY(0) - 3));
        g.fillText(xName, vp.width() - 6, axisY);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double axisX = Math.max(4, Math.min(vp.width() - 16, vp.toScreenX(0) + 6));
        g.fillText(yName, axisX, axisX < boxRight ? boxBottom + 3 : 4);
    }

    /** Whether a screen point is on the canvas or just off it. */
    private static boolean near(Viewport vp, double x, double y) {
        return x >= -CLAMP_PX && x <= vp.width() + CLAMP_PX && y >= -CLAMP_PX && y <= vp.height() + CLAMP_PX;
    }

    /**
     * Strokes the part of the segment (x0, y0)-(x1, y1) that lies within the canvas (with a margin), found by
     * Liang-Barsky clipping, so that far-away points keep the segment's direction instead of being squashed.
     */
    private static void clippedLine(GraphicsContext g, Viewport vp, double x0, double y0, double x1, double y1) {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
            return;
        }
        double margin = 20;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 + margin, vp.width() + margin - x0, y0 + margin, vp.height() + margin - y0};
        double t0 = 0;
        double t1 = 1;
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return;
                }
            } else {
                double r = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
                if (t0 > t1) {
                    return;
                }
            }
        }
        g.strokeLine(x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy);
    }

    private void paintSurface(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        WritableImage image = contourImage(vp);
        if (image != null) {
            g.drawImage(image, 0, 0);
        }
        Axes.draw(g, vp, p);

        // The descent path: every epoch's (w, b), joined.
        double[] pw = model.pathW();
        double[] pb = model.pathB();
        int count = pw.length;
        double[] xs = new double[count];
        double[] ys = new double[count];
        boolean allNear = true;
        for (int i = 0; i < count; i++) {
            xs[i] = vp.toScreenX(pw[i]);
            ys[i] = vp.toScreenY(pb[i]);
            allNear &= near(vp, xs[i], ys[i]);
        }
        Color pathColor = Color.web("#ff5a36");
        Color halo = Color.WHITE.deriveColor(0, 1, 1, 0.75);
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? halo : pathColor);
            g.setLineWidth(pass == 0 ? 3.6 : 1.8);
            if (allNear) {
                g.strokePolyline(xs, ys, count);
            } else {
                // A diverging run leaves the picture by billions of pixels: clip each segment to the view.
                for (int i = 1; i < count; i++) {
                    clippedLine(g, vp, xs[i - 1], ys[i - 1], xs[i], ys[i]);
                }
            }
        }
        g.setFill(pathColor);
        for (int i = Math.max(0, count - 300); i < count; i++) {
            if (near(vp, xs[i], ys[i])) {
                g.fillOval(xs[i] - 2, ys[i] - 2, 4, 4);
            }
        }
        // The start as a ring, the current point as a dot.
        if (near(vp, xs[0], ys[0])) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeOval(xs[0] - 5, ys[0] - 5, 10, 10);
        }
        if (near(vp, xs[count - 1], ys[count - 1])) {
            g.setFill(pathColor);
            g.fillOval(xs[count - 1] - 6, ys[count - 1] - 6, 12, 12);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.strokeOval(xs[count - 1] - 6, ys[count - 1] - 6, 12, 12);
        }

        double[] opt = model.optimum();
        if (opt != null) {
            star(g, vp.toScreenX(opt[0]), vp.toScreenY(opt[1]), 9);
        }
        g.setFont(Fonts.regular(12.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String caption = i18n.get(model.isStandardized() ? "regression.surface.captionZ"
                : "regression.surface.caption");
        String legend = i18n.get("regression.surface.legend");
        double boxW = Math.min(vp.width() - 12, Math.max(TextMetrics.width(caption, g.getFont()),
                TextMetrics.width(legend, g.getFont())) + 14);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.8));
        g.fillRoundRect(6, 5, boxW, 38, 6, 6);
        g.setFill(p.text());
        g.fillText(caption, 12, 8, Math.max(40, vp.width() - 24));
        g.fillText(legend, 12, 25, Math.max(40, vp.width() - 24));
        axisNames(g, vp, p, "w", "b", 6 + boxW, 43);
        if (model.diverged()) {
            warning(g, vp, p);
        }
    }

    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** The width a caption takes in the given font, for the translucent box behind it. */

    private static void star(GraphicsContext g, double cx, double cy, double r) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int k = 0; k < 10; k++) {
            double radius = k % 2 == 0 ? r : r * 0.45;
            double angle = -Math.PI / 2 + k * Math.PI / 5;
            xs[k] = cx + radius * Math.cos(angle);
            ys[k] = cy + radius * Math.sin(angle);
        }
        g.setFill(Color.WHITE);
        g.fillPolygon(xs, ys, 10);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1.3);
        g.strokePolygon(xs, ys, 10);
    }

    /**
     * The filled contour map of L(w, b) for this view, computed once and kept until the data, the view or the theme
     * changes: playing only moves the path drawn on top.
     */
    private WritableImage contourImage(Viewport vp) {
        int w = (int) Math.ceil(vp.width());
        int h = (int) Math.ceil(vp.height());
        if (w < 2 || h < 2) {
            return null;
        }
        double[] view = {vp.minWorldX(), vp.maxWorldX(), vp.minWorldY(), vp.maxWorldY(), w, h};
        if (contourImage != null && contourData == model.trainingData() && contourTheme == theme.mode()
                && java.util.Arrays.equals(view, contourView)) {
            return contourImage;
        }
        contourRebuilds++;
        contourData = model.trainingData();
        contourTheme = theme.mode();
        contourView = view;
        ContourGrid grid = ContourGrid.sample(model::lossAt, view[0], view[1], view[2], view[3], w, h);
        double[] levels = grid.levels(LEVELS);
        int[] colours = bandColours(Math.max(1, levels.length));
        int[] edges = new int[colours.length];
        for (int k = 0; k < colours.length; k++) {
            edges[k] = mix(colours[k], 0xff000000, 0.28);
        }
        int[] band = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                band[j * w + i] = ContourGrid.levelIndex(levels, grid.value(i, j));
            }
        }
        if (contourPixels == null || contourPixels.length != w * h) {
            contourPixels = new int[w * h];
        }
        int background = argb(theme.palette().background());
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int k = band[j * w + i];
                if (k < 0) {
                    contourPixels[j * w + i] = background;
                    continue;
                }
                // A pixel whose right or lower neighbour is in another band is on a contour line.
                boolean edge = (i + 1 < w && band[j * w + i + 1] != k) || (j + 1 < h && band[(j + 1) * w + i] != k);
                contourPixels[j * w + i] = edge ? edges[k] : colours[k];
            }
        }
        if (contourImage == null || (int) contourImage.getWidth() != w || (int) contourImage.getHeight() != h) {
            contourImage = new WritableImage(w, h);
        }
        contourImage.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), contourPixels, 0, w);
        return contourImage;
    }

    /** One colour per band along the ramp, softened toward the background so the path stands out. */
    private int[] bandColours(int count) {
        Color bg = theme.palette().background();
        double soften = theme.mode() == Theme.Mode.DARK ? 0.25 : 0.35;
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 0 : (double) k / (count - 1);
            double pos = t * (RAMP.length - 1);
            int lo = Math.min(RAMP.length - 2, (int) Math.floor(pos));
            Color c = RAMP[lo].interpolate(RAMP[lo + 1], pos - lo);
            out[k] = argb(c.interpolate(bg, soften));
        }
        return out;
    }

    private static int argb(Color c) {
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case SPACE -> playBar.toggle();
            case S -> playBar.stepOnce();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
