package org.dlmathlab.labs.gd2d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.expr.ExpressionException;
import org.dlmathlab.math.optim.ContourGrid;
import org.dlmathlab.math.optim.Function2;
import org.dlmathlab.math.optim.Functions2;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ExpressionMessages;
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

/**
 * The optimiser race on a filled contour map: the map with its colour legend, optional -grad f arrows, each
 * optimiser's path and current point, the start (click to move it), a legend of the current values and a loss chart.
 *
 * <p>The map uses a locked aspect (one unit is as long on both axes), so a round bowl looks round and a narrow valley
 * looks narrow: the shapes of the level sets, and the angle at which a path crosses them, are honest.
 *
 * <p>Speed: the filled contours are an image sampled at half the canvas resolution and drawn scaled. It is rebuilt
 * only when the surface, the view (pan, zoom, resize) or the theme changes; a frame of Play only draws the image and
 * the paths on top ({@link #contourBuilds()} counts the rebuilds).
 */
public final class Gd2dView implements LabView {

    public static final List<String> CONTROLS = List.of("function", "optimizers", "start", "run", "display", "chart");

    /** Grid spacing of the gradient arrows, in pixels. */
    private static final double ARROW_SPACING = 46;
    /** Colour bands of the contour map (quantile levels, see {@link ContourGrid#levels(int)}). */
    private static final int LEVELS = 12;
    /** Pixels around the start marker that grab it for dragging. */
    private static final double GRAB_RADIUS = 11;
    /** The chart holds at most about this many points per line; longer runs show every 2nd, 4th... step. */
    private static final int CHART_POINTS = 1000;
    /** Path points closer than this (in pixels, each way) to the last one drawn are skipped. */
    private static final double MIN_SEGMENT = 2.5;
    /** While playing, the loss chart is redrawn at most this often (JFreeChart redraws the whole chart). */
    private static final long CHART_INTERVAL_NANOS = 100_000_000L;
    /** Segments are clipped to the canvas grown by this margin, so a runaway path never feeds huge numbers. */
    private static final double CLIP_MARGIN = 2000;

    private static final Color[] OPTIMIZER_LIGHT = {
        Color.web("#e03131"), Color.web("#e67700"), Color.web("#2b8a3e"), Color.web("#7048e8")};
    private static final Color[] OPTIMIZER_DARK = {
        Color.web("#ff6b6b"), Color.web("#ffa94d"), Color.web("#69db7c"), Color.web("#b197fc")};
    /** Contour colours from the lowest band to the highest: pale (light) or dark (dark theme) at the minimum. */
    private static final Color[] CONTOUR_LIGHT = {
        Color.web("#fffbea"), Color.web("#d7ece2"), Color.web("#9fc3d1"), Color.web("#6d8fbd")};
    private static final Color[] CONTOUR_DARK = {
        Color.web("#1c1f26"), Color.web("#21403f"), Color.web("#2f5a6e"), Color.web("#5a76a8")};

    private final Gd2dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final PlotCanvas plot;
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final Label surfaceLabel = new Label();
    private final TextField formulaField = new TextField();
    private final Label formulaError = new Label();
    private final PlayBar playBar;
    private final SeriesChart chart;
    private final CheckBox logScale = new CheckBox();
    private final CheckBox arrowsBox = new CheckBox();
    private final BooleanProperty showArrows = new SimpleBooleanProperty(this, "showArrows", false);
    private final Map<String, CheckBox> switches = new LinkedHashMap<>();
    private final Map<String, DoubleProperty> rates = new LinkedHashMap<>();
    private final Map<String, SliderField> rateFields = new LinkedHashMap<>();
    private final Map<String, Circle> swatches = new LinkedHashMap<>();
    private final DoubleProperty startX = new SimpleDoubleProperty(this, "startX");
    private final DoubleProperty startY = new SimpleDoubleProperty(this, "startY");private boolean refreshQueued;
    private boolean syncing;
    private boolean pressOnStart;
    private boolean legendAtBottom;

    // The contour image and what it was built for.
    private WritableImage contourImage;
    private int[] pixels;
    private double[] levels = new double[0];
    private Color[] bandColors = new Color[0];
    private Function2 builtFor;
    private double builtMinX;
    private double builtMaxX;
    private double builtMinY;
    private double builtMaxY;
    private double builtWidth;
    private double builtHeight;
    private Theme.Mode builtMode;
    private long contourBuilds;
    /** The layer under the plot canvas that holds the contour picture; see {@link #paintBackdrop}. */
    private final Canvas backdrop = new Canvas();
    private boolean backdropDirty = true;
    private long backdropPaints;
    /** Screen arrows (x, y, dx, dy per arrow) for the same function and view as the image; null when stale. */
    private double[] arrows;
    /** Each optimiser's path on screen, extended step by step (rebuilt when the view or the history changes). */
    private final ScreenPath[] screenPaths = new ScreenPath[Gd2dModel.OPTIMIZERS.size()];

    // What the chart shows.
    private long chartRevision = -1;
    private int chartStride;
    private int chartLast = -1;
    private int chartMask = -1;
    private boolean chartLog;
    private long lastChartUpdate;

    public Gd2dView(Gd2dModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.groups = new ControlGroups(i18n);
        this.theme = theme;
        Function2 f = model.function();
        plot = new PlotCanvas(new Viewport(f.xMin(), f.xMax(), f.yMin(), f.yMax(), true));
        plot.setId("gd2d-map");
        plot.setPainter(this::paint);
        plot.setInteraction(new StartDrag());
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        root.getStyleClass().add("lab-gd2d");
        playBar = new PlayBar(i18n, model::step, model::canContinue, () -> { }, model::restart);
        chart = new SeriesChart(i18n, i18n.bind("gd2d.chart.title"), i18n.bind("gd2d.chart.x"),
                i18n.bind("gd2d.chart.y"), theme);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(functionGroup(), optimizerGroup(), startGroup(), runGroup(), displayGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 280, 230);

        backdrop.setManaged(false);
        backdrop.setMouseTransparent(true);
        StackPane map = new StackPane(backdrop, plot);
        map.setAlignment(Pos.TOP_LEFT);
        VBox center = new VBox(map, chartGroup());
        VBox.setVgrow(map, Priority.ALWAYS);
        root.setCenter(center);
        root.setRight(scroller);

        model.changes().addListener(o -> queueRefresh());
        i18n.langProperty().addListener(o -> {
            backdropDirty = true;
            relabelPresets();
            defineSeries();
            forceChartRebuild();
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            recolour();
            forceChartRebuild();
            refresh();
        });
        playBar.playingProperty().addListener(o -> refresh());
        showArrows.addListener(o -> redrawBackdrop());
        defineSeries();
        recolour();
        fitView();
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas plot() {
        return plot;
    }

    @Override
    public java.util.Optional<PlayBar> player() {
        return java.util.Optional.of(playBar());
    }

    public PlayBar playBar() {
        return playBar;
    }

    public SeriesChart chart() {
        return chart;
    }

    public TextField formulaField() {
        return formulaField;
    }

    public Label formulaError() {
        return formulaError;
    }

    public CheckBox logScaleBox() {
        return logScale;
    }

    public BooleanProperty showArrowsProperty() {
        return showArrows;
    }

    /** How many times the contour image has been computed: once per surface, view and theme, never per step. */
    public long contourBuilds() {
        return contourBuilds;
    }

    /** How many times the layer under the paths was drawn: once per image, view, theme, language or arrow switch. */
    public long backdropPaints() {
        return backdropPaints;
    }

    private void redrawBackdrop() {
        backdropDirty = true;
        plot.requestRedraw();
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        playBar.pause();
        fitView();
    }

    @Override
    public void dispose() {
        playBar.pause();
    }

    // ---- controls ---------------------------------------------------------------------------------------------------

    private VBox group(String name, String titleKey) {
        return groups.group(name, titleKey);
    }


    private Node functionGroup() {
        VBox box = group("function", "gd2d.function.title");
        relabelPresets();
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setTooltip(Tips.of(i18n, "gd2d.function.tooltip"));
        presetBox.setId("gd2d-preset");
        presetBox.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (syncing || index == null || index.intValue() < 0) {
                return;
            }
            if (index.intValue() < Functions2.ALL.size()) {
                playBar.pause();
                model.choosePreset(index.intValue());
                formulaError.setText("");
                fitView();
            } else {
                formulaField.requestFocus();
            }
        });
        surfaceLabel.setWrapText(true);
        surfaceLabel.getStyleClass().add("control-explain");
        surfaceLabel.setId("gd2d-surface");
        formulaField.promptTextProperty().bind(i18n.bind("gd2d.formula.prompt"));
        formulaField.setTooltip(Tips.of(i18n, "gd2d.formula.tooltip"));
        formulaField.setId("gd2d-formula");
        formulaField.setOnAction(e -> applyFormula());
        HBox.setHgrow(formulaField, Priority.ALWAYS);
        Button apply = new Button();
        apply.textProperty().bind(i18n.bind("gd2d.formula.apply"));
        apply.setTooltip(Tips.of(i18n, "gd2d.formula.tooltip"));
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.setOnAction(e -> applyFormula());
        formulaError.setWrapText(true);
        formulaError.getStyleClass().add("lab-status");
        formulaError.setId("gd2d-formula-error");
        box.getChildren().addAll(presetBox, surfaceLabel, new HBox(6, formulaField, apply), formulaError);
        return box;
    }

    private void relabelPresets() {
        boolean was = syncing;
        syncing = true;
        List<String> names = new ArrayList<>();
        for (Function2 f : Functions2.ALL) {
            names.add(i18n.get("gd2d.preset." + f.id()));
        }
        names.add(i18n.get("gd2d.preset.typed"));
        presetBox.setItems(FXCollections.observableArrayList(names));
        presetBox.getSelectionModel().select(model.preset() < 0 ? Functions2.ALL.size() : model.preset());
        syncing = was;
    }

    /** Uses the typed formula; a typing error is explained under the field and the old surface stays. */
    public void applyFormula() {
        try {
            model.setFormula(formulaField.getText());
            playBar.pause();
            formulaError.setText("");
            formulaField.getStyleClass().removeAll("field-error");
            fitView();
        } catch (ExpressionException e) {
            formulaError.setText(ExpressionMessages.describe(e, i18n));
            if (!formulaField.getStyleClass().contains("field-error")) {
                formulaField.getStyleClass().add("field-error");
            }
        }
    }

    private Node optimizerGroup() {
        VBox box = group("optimizers", "gd2d.optimizers.title");
        for (String name : Gd2dModel.OPTIMIZERS) {
            Circle swatch = new Circle(6);
            swatches.put(name, swatch);
            CheckBox check = new CheckBox();
            check.textProperty().bind(i18n.bind("gd2d.opt." + name));
            check.setGraphic(swatch);
            check.setTooltip(Tips.of(i18n, "gd2d.opt." + name + ".tooltip"));
            check.setId("gd2d-on-" + name);
            check.getStyleClass().add("gd2d-switch");
            check.setSelected(model.isOn(name));
            check.selectedProperty().addListener((o, old, selected) -> {
                if (!syncing && selected != model.isOn(name)) {
                    model.setParameter("on_" + name, selected ? 1 : 0);
                }
            });
            switches.put(name, check);

            DoubleProperty lr = new SimpleDoubleProperty(model.learningRate(name));
            lr.addListener((o, old, v) -> {
                if (!syncing && v.doubleValue() != model.learningRate(name)) {
                    model.setParameter("lr_" + name, v.doubleValue());
                }
            });
            rates.put(name, lr);
            SliderField field = SliderField.logarithmic(i18n.bind("gd2d.rate.label"), i18n.bind("gd2d.rate.tooltip"),
                    lr, Gd2dModel.LR_MIN, Gd2dModel.LR_MAX,
                    v -> requireRange("η", v, Gd2dModel.LR_MIN, Gd2dModel.LR_MAX), text -> NumberInput.parse(text, i18n));
            field.setId("gd2d-lr-" + name);
            field.setPadding(new Insets(0, 0, 4, 22));
            rateFields.put(name, field);
            box.getChildren().addAll(check, field);
        }
        return box;
    }

    private Node startGroup() {
        VBox box = group("start", "gd2d.start.title");
        startX.set(model.startX());
        startY.set(model.startY());
        startX.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.startX()) {
                model.setParameter("x0", v.doubleValue());
            }
        });
        startY.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.startY()) {
                model.setParameter("y0", v.doubleValue());
            }
        });
        SliderField x = new SliderField(i18n.bind("gd2d.start.x"), i18n.bind("gd2d.start.tooltip"), startX, -5, 5,
                v -> requireRange("x₀", v, -Gd2dModel.LIMIT, Gd2dModel.LIMIT), text -> NumberInput.parse(text, i18n));
        SliderField y = new SliderField(i18n.bind("gd2d.start.y"), i18n.bind("gd2d.start.tooltip"), startY, -5, 5,
                v -> requireRange("y₀", v, -Gd2dModel.LIMIT, Gd2dModel.LIMIT), text -> NumberInput.parse(text, i18n));
        x.setId("gd2d-x0");
        y.setId("gd2d-y0");
        box.getChildren().addAll(x, y, groups.explain("gd2d.start.explain"));
        return box;
    }

    private double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("gd2d.error.range", name, Format.num(min, 5),
                    Format.num(max, 5)));
        }
        return v;
    }

    private Node runGroup() {
        VBox box = group("run", "gd2d.run.title");
        box.getChildren().addAll(playBar, groups.explain("gd2d.run.explain"));
        return box;
    }

    private Node displayGroup() {
        VBox box = group("display", "gd2d.display.title");
        arrowsBox.textProperty().bind(i18n.bind("gd2d.arrows"));
        arrowsBox.setTooltip(Tips.of(i18n, "gd2d.arrows.tooltip"));
        arrowsBox.setId("gd2d-arrows");
        arrowsBox.selectedProperty().bindBidirectional(showArrows);
        Button fit = new Button();
        fit.textProperty().bind(i18n.bind("gd2d.fit"));
        fit.setTooltip(Tips.of(i18n, "gd2d.fit.tooltip"));
        fit.setOnAction(e -> fitView());
        fit.setId("gd2d-fit");
        box.getChildren().addAll(arrowsBox, fit);
        return box;
    }

    private Node chartGroup() {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("gd2d.chart.heading"));
        title.getStyleClass().add("control-group-title");
        logScale.textProperty().bind(i18n.bind("gd2d.chart.log"));
        logScale.setTooltip(Tips.of(i18n, "gd2d.chart.log.tooltip"));
        logScale.setId("gd2d-log");
        logScale.selectedProperty().addListener(o -> refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, logScale);
        header.setAlignment(Pos.CENTER_LEFT);
        Node chartNode = chart.node();
        chartNode.setId("gd2d-chart");
        if (chartNode instanceof Region r) {
            r.setPrefHeight(210);
            r.setMinHeight(140);
        }
        Tooltip.install(chartNode, Tips.of(i18n, "gd2d.chart.tooltip"));
        VBox box = new VBox(4, header, chartNode);
        box.setPadding(new Insets(6, 10, 6, 10));
        box.getStyleClass().add("control-group");
        groups.register("chart", box);
        return box;
    }

    private void defineSeries() {
        Color[] colors = optimizerColors();
        for (int i = 0; i < Gd2dModel.OPTIMIZERS.size(); i++) {
            String name = Gd2dModel.OPTIMIZERS.get(i);
            chart.defineSeries(name, i18n.get("gd2d.opt." + name), colors[i]);
        }
    }

    private void recolour() {
        Color[] colors = optimizerColors();
        for (int i = 0; i < Gd2dModel.OPTIMIZERS.size(); i++) {
            swatches.get(Gd2dModel.OPTIMIZERS.get(i)).setFill(colors[i]);
        }
        defineSeries();
        plot.requestRedraw();
    }

    private Color[] optimizerColors() {
        return theme.mode() == Theme.Mode.DARK ? OPTIMIZER_DARK : OPTIMIZER_LIGHT;
    }

    // ---- refresh ----------------------------------------------------------------------------------------------------

    /** Many steps in one frame (Play at full speed) cost one refresh of the controls and the chart. */
    private void queueRefresh() {
        plot.requestRedraw();
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    private void refresh() {
        syncing = true;
        try {
            for (String name : Gd2dModel.OPTIMIZERS) {
                switches.get(name).setSelected(model.isOn(name));
                rates.get(name).set(model.learningRate(name));
                rateFields.get(name).setDisable(!model.isOn(name));
            }
            startX.set(model.startX());
            startY.set(model.startY());
            int selected = model.preset() < 0 ? Functions2.ALL.size() : model.preset();
            if (presetBox.getSelectionModel().getSelectedIndex() != selected) {
                presetBox.getSelectionModel().select(selected);
            }
        } finally {
            syncing = false;
        }
        surfaceLabel.setText(model.formula() == null
                ? i18n.get("gd2d.surface." + model.function().id())
                : i18n.get("gd2d.surface.typed", model.formula()));
        if (model.formula() != null && !formulaField.isFocused()) {
            formulaField.setText(model.formula());
        }
        long now = System.nanoTime();
        if (!playBar.isPlaying() || now - lastChartUpdate >= CHART_INTERVAL_NANOS) {
            lastChartUpdate = now;
            refreshChart();
        }
        plot.requestRedraw();
    }

    private void forceChartRebuild() {
        chartRevision = -1;
    }

    /** Adds the steps taken since the last refresh to the loss chart; starts over when the history was rebuilt. */
    private void refreshChart() {
        int steps = model.stepCount();
        int stride = 1;
        while (steps / stride > CHART_POINTS) {
            stride *= 2;
        }
        int mask = 0;
        for (int i = 0; i < Gd2dModel.OPTIMIZERS.size(); i++) {
            mask |= model.isOn(Gd2dModel.OPTIMIZERS.get(i)) ? 1 << i : 0;
        }
        boolean log = logScale.isSelected();
        boolean changed = false;
        if (model.revision() != chartRevision || stride != chartStride || mask != chartMask || log != chartLog
                || steps < chartLast) {
            changed = true;
            for (String name : Gd2dModel.OPTIMIZERS) {
                chart.clear(name);
            }
            chart.setLogScale(log);
            chartRevision = model.revision();
            chartStride = stride;
            chartMask = mask;
            chartLog = log;
            chartLast = -1;
        }
        // A lone point at step 0 would give the chart an empty range; the lines start with the first step.
        int from = steps == 0 ? 1 : chartLast < 0 ? 0 : (chartLast / stride + 1) * stride;
        for (int k = from; k <= steps; k += stride) {
            for (String name : Gd2dModel.OPTIMIZERS) {
                if (model.isOn(name)) {
                    chart.add(name, k, model.valueAt(name, k));
                }
            }
            chartLast = k;
            changed = true;
        }
        if (changed) {
            chart.flush();
        }
    }

    /** Shows the surface's own rectangle (the aspect stays locked, so the rectangle is centred and whole). */
    private void fitView() {
        Function2 f = model.function();
        plot.viewport().setDefault(f.xMin(), f.xMax(), f.yMin(), f.yMax());
        plot.resetView();
    }

    // ---- mouse and keys ---------------------------------------------------------------------------------------------

    /** Press near the start marker and drag it; pressing anywhere else pans (and a click there moves the start). */
    private final class StartDrag implements PlotCanvas.Interaction {
        @Override
        public boolean press(double x, double y, MouseEvent event) {
            pressOnStart = nearStart(event.getX(), event.getY());
            return pressOnStart;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            moveStart(x, y);
        }

        @Override
        public void release() {
            // The start was set while dragging.
        }

        @Override
        public Cursor hover(double x, double y) {
            Viewport vp = plot.viewport();
            return nearStart(vp.toScreenX(x), vp.toScreenY(y)) ? Cursor.HAND : Cursor.DEFAULT;
        }
    }

    private boolean nearStart(double sx, double sy) {
        Viewport vp = plot.viewport();
        return Math.hypot(sx - vp.toScreenX(model.startX()), sy - vp.toScreenY(model.startY())) <= GRAB_RADIUS;
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || pressOnStart) {
            pressOnStart = false;
            return;
        }
        Viewport vp = plot.viewport();
        Point p = toCanvas(e);
        moveStart(vp.toWorldX(p.x), vp.toWorldY(p.y));
    }

    private record Point(double x, double y) {
    }

    /** The event position in the canvas's coordinates (the handler sits on the plot region around it). */
    private Point toCanvas(MouseEvent e) {
        Point2D local = plot.canvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        return new Point(local.getX(), local.getY());
    }

    /** Sets the start to a world point, rounded to about a pixel and kept within the allowed square. */
    private void moveStart(double x, double y) {
        double unit = Math.pow(10, Math.floor(Math.log10(1 / plot.viewport().scale())));
        double limit = Gd2dModel.LIMIT;
        double rx = Math.max(-limit, Math.min(limit, Math.round(x / unit) * unit));
        double ry = Math.max(-limit, Math.min(limit, Math.round(y / unit) * unit));
        // Rounding in binary leaves noise such as 0.30000000000000004; print and parse it back at the unit's digits.
        int digits = Math.max(0, (int) -Math.floor(Math.log10(unit)));
        rx = Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "f", rx));
        ry = Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "f", ry));
        model.setStart(rx, ry);
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case SPACE -> playBar.toggle();
            case S -> playBar.stepOnce();
            case G -> showArrows.set(!showArrows.get());
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---- drawing ----------------------------------------------------------------------------------------------------

    /**
     * Draws a frame: the backdrop (contour image, axes, arrows, colour legend) only when it changed, then on the
     * transparent plot canvas above it the paths, the start and the legend of current values.
     */
    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        if (w < 2 || h < 2) {
            // Not laid out yet: an image of one pixel would only be thrown away.
            return;
        }
        ensureContours(vp);
        if (backdrop.getWidth() != w || backdrop.getHeight() != h) {
            backdrop.setWidth(w);
            backdrop.setHeight(h);
            backdropDirty = true;
        }
        if (backdropDirty) {
            backdropDirty = false;
            paintBackdrop(backdrop.getGraphicsContext2D(), vp, p);
        }
        g.clearRect(0, 0, w, h);
        Color[] colors = optimizerColors();
        Color halo = theme.mode() == Theme.Mode.DARK ? Color.rgb(0, 0, 0, 0.75) : Color.rgb(255, 255, 255, 0.85);
        for (int i = 0; i < Gd2dModel.OPTIMIZERS.size(); i++) {
            if (model.isOn(Gd2dModel.OPTIMIZERS.get(i))) {
                drawPath(g, vp, i, colors[i], halo);
            }
        }
        drawStart(g, vp, p, halo);
        drawLegend(g, vp, p, colors);
    }

    /**
     * The picture under the paths. Drawing the half-resolution image scaled up with smoothing is the costliest thing
     * on a frame in the software pipeline (about 5 ms at 1000 x 550), so it is drawn into this layer only when the
     * image, the view, the theme, the language or the arrows change; a frame of Play leaves it alone.
     */
    private void paintBackdrop(GraphicsContext g, Viewport vp, Theme.Palette p) {
        backdropPaints++;
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        g.setImageSmoothing(true);
        g.drawImage(contourImage, 0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        if (showArrows.get()) {
            drawArrows(g, vp, p);
        }
        drawMinima(g, vp, p);
        drawColourBar(g, vp, p);
        drawHint(g, vp, p);
    }

    /** Rebuilds the contour image if the surface, the visible rectangle, the canvas size or the theme changed. */
    private void ensureContours(Viewport vp) {
        Function2 f = model.function();
        if (contourImage != null && f == builtFor && vp.minWorldX() == builtMinX && vp.maxWorldX() == builtMaxX
                && vp.minWorldY() == builtMinY && vp.maxWorldY() == builtMaxY && vp.width() == builtWidth
                && vp.height() == builtHeight && theme.mode() == builtMode) {
            return;
        }
        builtFor = f;
        builtMinX = vp.minWorldX();
        builtMaxX = vp.maxWorldX();
        builtMinY = vp.minWorldY();
        builtMaxY = vp.maxWorldY();
        builtWidth = vp.width();
        builtHeight = vp.height();
        builtMode = theme.mode();
        arrows = null;
        backdropDirty = true;
        contourBuilds++;

        // Half the canvas resolution: a quarter of the evaluations, and the bands are smooth shapes anyway.
        int nx = Math.max(1, (int) Math.ceil(vp.width() / 2));
        int ny = Math.max(1, (int) Math.ceil(vp.height() / 2));
        ContourGrid grid = ContourGrid.sample(f.f(), builtMinX, builtMaxX, builtMinY, builtMaxY, nx, ny);
        levels = grid.levels(LEVELS);
        bandColors = bandColors(levels.length);
        int[] edge = new int[bandColors.length];
        for (int k = 0; k < bandColors.length; k++) {
            Color c = builtMode == Theme.Mode.DARK ? bandColors[k].interpolate(Color.WHITE, 0.14)
                    : bandColors[k].interpolate(Color.web("#23303f"), 0.16);
            edge[k] = argb(c);
        }
        int[] fill = new int[bandColors.length];
        for (int k = 0; k < fill.length; k++) {
            fill[k] = argb(bandColors[k]);
        }
        int[] band = new int[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                band[j * nx + i] = ContourGrid.levelIndex(levels, grid.value(i, j));
            }
        }
        if (pixels == null || pixels.length != nx * ny) {
            pixels = new int[nx * ny];
        }
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = band[j * nx + i];
                if (k < 0) {
                    pixels[j * nx + i] = 0;
                    continue;
                }
                // A sample whose right or lower neighbour lies in another band is on a level line.
                boolean onEdge = (i + 1 < nx && band[j * nx + i + 1] != k) || (j + 1 < ny && band[(j + 1) * nx + i] != k);
                pixels[j * nx + i] = onEdge ? edge[k] : fill[k];
            }
        }
        if (contourImage == null || (int) contourImage.getWidth() != nx || (int) contourImage.getHeight() != ny) {
            contourImage = new WritableImage(nx, ny);
        }
        contourImage.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), pixels, 0, nx);
    }

    /** The colour of each band, from the lowest to the highest, spread over the theme's ramp. */
    private Color[] bandColors(int count) {
        Color[] ramp = builtMode == Theme.Mode.DARK ? CONTOUR_DARK : CONTOUR_LIGHT;
        Color[] out = new Color[count];
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 0 : (double) k / (count - 1) * (ramp.length - 1);
            int seg = Math.min(ramp.length - 2, (int) Math.floor(t));
            out[k] = ramp[seg].interpolate(ramp[seg + 1], t - seg);
        }
        return out;
    }

    private static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Arrows of -grad f on a grid (computed with the image, drawn every frame while shown): one shape for all the
     * shafts and one for all the heads.
     */
    private void drawArrows(GraphicsContext g, Viewport vp, Theme.Palette p) {
        if (arrows == null) {
            arrows = arrowField(vp);
        }
        g.setStroke(p.text().deriveColor(0, 1, 1, 0.55));
        g.setFill(p.text().deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1.3);
        g.setLineCap(StrokeLineCap.ROUND);
        g.beginPath();
        for (int a = 0; a + 3 < arrows.length; a += 4) {
            double len = Math.hypot(arrows[a + 2], arrows[a + 3]);
            double shaft = 1 - 0.7 * Math.min(6, len * 0.45) / len;
            g.moveTo(arrows[a], arrows[a + 1]);
            g.lineTo(arrows[a] + arrows[a + 2] * shaft, arrows[a + 1] + arrows[a + 3] * shaft);
        }
        g.stroke();
        g.beginPath();
        for (int a = 0; a + 3 < arrows.length; a += 4) {
            double x1 = arrows[a] + arrows[a + 2];
            double y1 = arrows[a + 1] + arrows[a + 3];
            double len = Math.hypot(arrows[a + 2], arrows[a + 3]);
            double ux = arrows[a + 2] / len;
            double uy = arrows[a + 3] / len;
            double head = Math.min(6, len * 0.45);
            double bx = x1 - ux * head;
            double by = y1 - uy * head;
            g.moveTo(x1, y1);
            g.lineTo(bx - uy * head * 0.5, by + ux * head * 0.5);
            g.lineTo(bx + uy * head * 0.5, by - ux * head * 0.5);
            g.closePath();
        }
        g.fill();
    }

    /** Screen arrows along -grad f, longest where the slope is steepest (length grows like its square root). */
    private double[] arrowField(Viewport vp) {
        Function2 f = model.function();
        List<double[]> found = new ArrayList<>();
        double largest = 0;
        for (double sy = ARROW_SPACING / 2; sy < vp.height(); sy += ARROW_SPACING) {
            for (double sx = ARROW_SPACING / 2; sx < vp.width(); sx += ARROW_SPACING) {
                double[] grad = f.gradientAt(new double[]{vp.toWorldX(sx), vp.toWorldY(sy)});
                double norm = Math.hypot(grad[0], grad[1]);
                if (Double.isFinite(norm) && norm > 0) {
                    found.add(new double[]{sx, sy, grad[0] / norm, grad[1] / norm, norm});
                    largest = Math.max(largest, norm);
                }
            }
        }
        double[] out = new double[found.size() * 4];
        int n = 0;
        for (double[] a : found) {
            double len = ARROW_SPACING * 0.8 * (0.25 + 0.75 * Math.sqrt(a[4] / largest));
            // Downhill is -grad f; screen y points down, so the y part flips once more.
            double dx = -a[2] * len;
            double dy = a[3] * len;
            out[n++] = a[0] - dx / 2;
            out[n++] = a[1] - dy / 2;
            out[n++] = dx;
            out[n++] = dy;
        }
        return out;
    }

    private void drawMinima(GraphicsContext g, Viewport vp, Theme.Palette p) {
        g.setLineWidth(1.6);
        g.setStroke(p.text().deriveColor(0, 1, 1, 0.7));
        for (double[] m : model.function().minima()) {
            double sx = vp.toScreenX(m[0]);
            double sy = vp.toScreenY(m[1]);
            g.strokeLine(sx - 5, sy - 5, sx + 5, sy + 5);
            g.strokeLine(sx - 5, sy + 5, sx + 5, sy - 5);
        }
    }

    /**
     * One optimiser's path as a single stroked shape (outlined in the halo colour so it reads on any band), dots on
     * its first steps and its current point. The path's screen outline is kept between frames and only extended by
     * the new steps (see {@link ScreenPath}), so a frame of Play costs the same at step 10 and at step 10,000.
     */
    private void drawPath(GraphicsContext g, Viewport vp, int index, Color color, Color halo) {
        String name = Gd2dModel.OPTIMIZERS.get(index);
        List<double[]> path = model.path(name);
        ScreenPath screen = screenPaths[index];
        if (screen == null || !screen.matches(model.revision(), vp)) {
            screen = new ScreenPath(model.revision(), vp);
            screenPaths[index] = screen;
        }
        screen.extend(path, vp);
        g.beginPath();
        screen.emit(g);
        g.setLineCap(StrokeLineCap.ROUND);
        // Bevel joins look the same on short segments and cost the software rasteriser far less than round ones.
        g.setLineJoin(StrokeLineJoin.BEVEL);
        g.setStroke(halo);
        g.setLineWidth(4.6);
        g.stroke();
        g.setStroke(color);
        g.setLineWidth(2.2);
        g.stroke();

        // Small dots on the first steps show how far each step goes.
        g.beginPath();
        int dots = Math.min(path.size(), 60);
        for (int k = 0; k < dots; k++) {
            double sx = vp.toScreenX(path.get(k)[0]);
            double sy = vp.toScreenY(path.get(k)[1]);
            if (sx > -4 && sy > -4 && sx < vp.width() + 4 && sy < vp.height() + 4) {
                g.rect(sx - 2, sy - 2, 4, 4);
            }
        }
        g.setFill(color);
        g.fill();

        double[] at = model.position(name);
        double sx = vp.toScreenX(at[0]);
        double sy = vp.toScreenY(at[1]);
        if (sx > -20 && sy > -20 && sx < vp.width() + 20 && sy < vp.height() + 20) {
            if (model.diverged(name)) {
                g.beginPath();
                g.moveTo(sx - 6, sy - 6);
                g.lineTo(sx + 6, sy + 6);
                g.moveTo(sx - 6, sy + 6);
                g.lineTo(sx + 6, sy - 6);
                g.setStroke(halo);
                g.setLineWidth(5);
                g.stroke();
                g.setStroke(color);
                g.setLineWidth(2.6);
                g.stroke();
            } else {
                g.setFill(halo);
                g.fillOval(sx - 7.5, sy - 7.5, 15, 15);
                g.setFill(color);
                g.fillOval(sx - 5.5, sy - 5.5, 11, 11);
            }
        }
    }

    /**
     * A path in screen coordinates for one view and one race history, as move-to and line-to points. New points are
     * appended as the race goes on. Two things keep it short, and so cheap to rasterise: a point within
     * {@link #MIN_SEGMENT} pixels of the last one kept is skipped (a converging tail is thousands of points on one
     * spot), and a segment already drawn (at two-pixel resolution, either way round) is not drawn again (RMSProp
     * hops between the same few points forever). Segments are clipped to the canvas plus a margin.
     */
    private static final class ScreenPath {
        private final long revision;
        private final double minX;
        private final double maxX;
        private final double minY;
        private final double maxY;
        private final double width;
        private final double height;
        private final Set<Long> drawn = new HashSet<>();
        /** Triples (kind, x, y): kind 0 moves the pen, 1 draws a line to (x, y). */
        private double[] ops = new double[3 * 64];
        private int opCount;
        private int consumed;
        private double lastX;
        private double lastY;
        private double penX = Double.NaN;
        private double penY = Double.NaN;

        ScreenPath(long revision, Viewport vp) {
            this.revision = revision;
            minX = vp.minWorldX();
            maxX = vp.maxWorldX();
            minY = vp.minWorldY();
            maxY = vp.maxWorldY();
            width = vp.width();
            height = vp.height();
        }

        boolean matches(long rev, Viewport vp) {
            return rev == revision && vp.minWorldX() == minX && vp.maxWorldX() == maxX && vp.minWorldY() == minY
                    && vp.maxWorldY() == maxY && vp.width() == width && vp.height() == height;
        }

        void extend(List<double[]> path, Viewport vp) {
            int size = path.size();
            for (int k = consumed; k < size; k++) {
                double[] point = path.get(k);
                double sx = vp.toScreenX(point[0]);
                double sy = vp.toScreenY(point[1]);
                if (k > 0) {
                    if (Math.abs(sx - lastX) < MIN_SEGMENT && Math.abs(sy - lastY) < MIN_SEGMENT) {
                        continue;
                    }
                    double[] seg = clip(lastX, lastY, sx, sy, width, height);
                    if (seg != null && drawn.add(segmentKey(seg))) {
                        if (penX != seg[0] || penY != seg[1]) {
                            add(0, seg[0], seg[1]);
                        }
                        add(1, seg[2], seg[3]);
                        penX = seg[2];
                        penY = seg[3];
                    }
                }
                lastX = sx;
                lastY = sy;
            }
            consumed = size;
        }

        void emit(GraphicsContext g) {
            for (int i = 0; i < opCount; i += 3) {
                if (ops[i] == 0) {
                    g.moveTo(ops[i + 1], ops[i + 2]);
                } else {
                    g.lineTo(ops[i + 1], ops[i + 2]);
                }
            }
        }

        private void add(int kind, double x, double y) {
            if (opCount + 3 > ops.length) {
                ops = Arrays.copyOf(ops, ops.length * 2);
            }
            ops[opCount++] = kind;
            ops[opCount++] = x;
            ops[opCount++] = y;
        }

        /** The segment's two ends on a two-pixel grid, the smaller first, packed into one number. */
        private static long segmentKey(double[] seg) {
            long a = cell(seg[0], seg[1]);
            long b = cell(seg[2], seg[3]);
            return a < b ? a << 32 | b : b << 32 | a;
        }

        private static long cell(double x, double y) {
            long cx = (long) Math.floor(x / 2) + 4096;
            long cy = (long) Math.floor(y / 2) + 4096;
            return cx << 16 | (cy & 0xffff);
        }
    }

    /**
     * The part of the segment (x0, y0)-(x1, y1) inside the canvas grown by {@link #CLIP_MARGIN} (Liang-Barsky), as
     * {x0, y0, x1, y1}; null when none of it is.
     */
    private static double[] clip(double x0, double y0, double x1, double y1, double w, double h) {
        double lo = -CLIP_MARGIN;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - lo, w + CLIP_MARGIN - x0, y0 - lo, h + CLIP_MARGIN - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1 || !Double.isFinite(t0) || !Double.isFinite(t1)) {
            return null;
        }
        return new double[]{x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
    }

    private void drawStart(GraphicsContext g, Viewport vp, Theme.Palette p, Color halo) {
        double sx = vp.toScreenX(model.startX());
        double sy = vp.toScreenY(model.startY());
        g.setStroke(halo);
        g.setLineWidth(4.5);
        g.strokeOval(sx - 7, sy - 7, 14, 14);
        g.setStroke(p.text());
        g.setLineWidth(2);
        g.strokeOval(sx - 7, sy - 7, 14, 14);
        g.setFill(p.text());
        g.fillOval(sx - 2, sy - 2, 4, 4);
        g.setFont(Fonts.bold(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String label = i18n.get("gd2d.map.start");
        g.setStroke(halo);
        g.setLineWidth(3);
        g.strokeText(label, sx + 11, sy - 9);
        g.fillText(label, sx + 11, sy - 9);
    }

    /** The colour legend of the map: one swatch per band with the f value where it begins. */
    private void drawColourBar(GraphicsContext g, Viewport vp, Theme.Palette p) {
        int bands = bandColors.length;
        if (bands == 0) {
            return;
        }
        double swatch = Math.max(8, Math.min(17, (vp.height() - 110) / bands));
        double barW = 16;
        Font font = Fonts.regular(11);
        String[] labels = new String[bands];
        double labelW = 0;
        for (int k = 0; k < bands; k++) {
            labels[k] = significant(levels[k]);
            labelW = Math.max(labelW, TextMetrics.width(labels[k], font));
        }
        String title = i18n.get("gd2d.map.legend");
        double boxW = Math.max(labelW + barW + 18, TextMetrics.width(title, Fonts.bold(11)) + 12);
        double boxH = swatch * bands + 34;
        double bx = vp.width() - boxW - 8;
        double by = 8;
        panel(g, p, bx, by, boxW, boxH);
        g.setFont(Fonts.bold(11));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, bx + 6, by + 5);
        double barX = bx + boxW - barW - 6;
        double top = by + 24;
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < bands; k++) {
            // Highest band on top, as on the map's hills.
            double y = top + (bands - 1 - k) * swatch;
            g.setFill(bandColors[k]);
            g.fillRect(barX, y, barW, swatch);
            g.setFill(p.text());
            g.fillText(labels[k], barX - 4, y + swatch);
        }
        g.setStroke(p.axis());
        g.setLineWidth(0.8);
        g.strokeRect(barX, top, barW, swatch * bands);
    }

    /** Each optimiser's colour, name and where it stands now (or that it diverged, or is off). */
    private void drawLegend(GraphicsContext g, Viewport vp, Theme.Palette p, Color[] colors) {
        Font font = Fonts.regular(12.5);
        Font bold = Fonts.bold(12.5);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        double nameW = 0;
        double valueW = 0;
        boolean anyDiverged = false;
        for (String name : Gd2dModel.OPTIMIZERS) {
            String label = i18n.get("gd2d.opt." + name);
            String value;
            if (!model.isOn(name)) {
                value = i18n.get("gd2d.legend.off");
            } else if (model.diverged(name)) {
                value = i18n.get("gd2d.legend.diverged", model.path(name).size() - 1);
                anyDiverged = true;
            } else {
                double[] at = model.position(name);
                // On a narrow map the position would push the legend over half the picture; f alone must do.
                value = vp.width() < 760 ? i18n.get("gd2d.legend.valueShort", Format.num(model.value(name), 4))
                        : i18n.get("gd2d.legend.value", Format.num(model.value(name), 4), Format.pair(at[0], at[1]));
            }
            names.add(label);
            values.add(value);
            nameW = Math.max(nameW, TextMetrics.width(label, bold));
            valueW = Math.max(valueW, TextMetrics.width(value, font));
        }
        String header = i18n.get("gd2d.legend.step", model.stepCount());
        String warning = null;
        if (model.undefinedAtStart()) {
            warning = i18n.get("gd2d.legend.undefined");
        } else if (anyDiverged) {
            // On the saddle, running off is the right answer (f has no minimum), not a learning rate too large.
            boolean saddle = model.quantity("preset") == Functions2.ALL.indexOf(Functions2.SADDLE);
            warning = i18n.get(saddle ? "gd2d.legend.unboundedExplain" : "gd2d.legend.divergedExplain");
        }
        double row = 19;
        double boxW = Math.max(TextMetrics.width(header, bold), 28 + nameW + 10 + valueW) + 16;
        double warnW = warning == null ? 0 : TextMetrics.width(warning, font);
        boxW = Math.min(Math.max(boxW, warnW + 16), Math.max(160, vp.width() - 150));
        double boxH = 10 + row * (names.size() + 1) + (warning == null ? 0 : row) + 4;
        double bx = 8;
        double top = 8;
        double bottom = vp.height() - 36 - boxH;
        // The legend sits top left unless that would hide the start or a runner; then it moves down (and stays
        // there until the bottom is the one in the way, so it does not jump back and forth while a race plays).
        int coveredTop = covered(vp, bx, top, boxW, boxH);
        int coveredBottom = bottom > top + boxH ? covered(vp, bx, bottom, boxW, boxH) : Integer.MAX_VALUE;
        if (legendAtBottom ? coveredBottom > 0 && coveredTop < coveredBottom
                : coveredTop > 0 && coveredBottom < coveredTop) {
            legendAtBottom = !legendAtBottom;
        }
        if (bottom <= top + boxH) {
            legendAtBottom = false;
        }
        double by = legendAtBottom ? bottom : top;
        panel(g, p, bx, by, boxW, boxH);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(bold);
        g.setFill(p.text());
        double y = by + 6 + row / 2;
        g.fillText(header, bx + 8, y);
        for (int i = 0; i < names.size(); i++) {
            y += row;
            boolean shown = model.isOn(Gd2dModel.OPTIMIZERS.get(i));
            boolean diverged = shown && model.diverged(Gd2dModel.OPTIMIZERS.get(i));
            g.setFill(shown ? colors[i] : colors[i].deriveColor(0, 0.3, 1, 0.5));
            g.fillOval(bx + 10, y - 5.5, 11, 11);
            g.setFont(bold);
            g.setFill(shown ? p.text() : p.text().deriveColor(0, 1, 1, 0.5));
            g.fillText(names.get(i), bx + 28, y);
            g.setFont(font);
            g.setFill(diverged ? p.warning() : shown ? p.text() : p.text().deriveColor(0, 1, 1, 0.5));
            g.fillText(values.get(i), bx + 28 + nameW + 10, y);
        }
        if (warning != null) {
            y += row;
            g.setFont(font);
            g.setFill(p.warning());
            g.fillText(warning, bx + 8, y, boxW - 16);
        }
    }

    /** How many of the points that matter (the start, each runner, the known minima) lie in the rectangle. */
    private int covered(Viewport vp, double x, double y, double w, double h) {
        List<double[]> points = new ArrayList<>(model.function().minima());
        points.add(new double[]{model.startX(), model.startY()});
        for (String name : Gd2dModel.OPTIMIZERS) {
            if (model.isOn(name)) {
                points.add(model.position(name));
            }
        }
        int n = 0;
        for (double[] point : points) {
            double sx = vp.toScreenX(point[0]);
            double sy = vp.toScreenY(point[1]);
            if (sx >= x - 12 && sx <= x + w + 12 && sy >= y - 12 && sy <= y + h + 12) {
                n++;
            }
        }
        return n;
    }

    private void drawHint(GraphicsContext g, Viewport vp, Theme.Palette p) {
        String hint = i18n.get("gd2d.map.hint");
        Font font = Fonts.regular(11.5);
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

    /** About three significant digits: 9358, 14.1, 0.00512. */
    private static String significant(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return Format.num(v, 0);
        }
        int decimals = (int) Math.max(0, Math.min(8, 2 - Math.floor(Math.log10(Math.abs(v)))));
        return Format.num(v, decimals);
    }

}
