package org.dlmathlab.labs.gaussian;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.stats.Histogram;
import org.dlmathlab.ui.TextMetrics;
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
 * The normal density with its mu +- sigma, 2 sigma, 3 sigma bands (68/95/99.7%), the histogram of the drawn samples
 * on the same density scale, the samples as dots under the axis (a new single sample drops into place), the squares
 * that make sigma^2 visible, and a chart of the running mean and variance against n with lines at mu and sigma^2.
 * Large draws run in slices of {@link #SLICE} samples per frame, so the window never freezes.
 */
public final class GaussianView implements LabView {

    public static final List<String> CONTROLS = List.of("distribution", "sampling", "display", "readouts", "chart");
    /** Samples drawn per frame while a large draw runs. */
    static final int SLICE = 500;
    /** At most this many of the newest samples are drawn as dots. */
    private static final int MAX_DOTS = 4000;
    private static final double[] BAND_SHARE = {0.6827, 0.9545, 0.9973};

    private final GaussianModel model;
    private final I18n i18n;
    private final Theme theme;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-6, 6, -0.15, 0.5, false));
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final SeriesChart chart;
    private final DoubleProperty mu = new SimpleDoubleProperty(this, "mu");
    private final DoubleProperty sigma = new SimpleDoubleProperty(this, "sigma");
    private final DoubleProperty bins = new SimpleDoubleProperty(this, "bins");
    private final BooleanProperty showBands = new SimpleBooleanProperty(this, "showBands", true);
    private final BooleanProperty showSquares = new SimpleBooleanProperty(this, "showSquares", true);
    private final TextField seedField = new TextField();
    private final Label seedError = new Label();
    private final Button draw1 = new Button();
    private final Button draw100 = new Button();
    private final Button draw10k = new Button();
    private final Button clearButton = new Button();
    private final Label progress = new Label();
    private final List<Label> readoutValues = new ArrayList<>();
    private final Label unitsNote = new Label();/** 0 while a single new sample is still at the top of the plot, 1 once it has landed among the others. */
    private final DoubleProperty drop = new SimpleDoubleProperty(this, "drop", 1);
    private final Timeline dropping = new Timeline();
    private int remaining;
    private final AnimationTimer drawer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawSlice();
        }
    };
    private long chartGeneration = -1;
    private int chartCheckpoints;
    private double fittedHalf;
    private double fittedTop;
    private boolean syncing;
    private Grab grab = Grab.NONE;

    private enum Grab { NONE, MU, SIGMA }

    public GaussianView(GaussianModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-gaussian");
        plot.setId("gaussian-plot");
        plot.setPainter(this::paint);
        plot.setInteraction(new DragHandles());
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        plot.setMinSize(160, 160);

        chart = new SeriesChart(i18n, i18n.bind("gaussian.chart.title"), i18n.bind("gaussian.chart.x"),
                i18n.bind("gaussian.chart.y"), theme);
        Node chartNode = chart.node();
        chartNode.setId("gaussian-chart");
        VBox chartBox = new VBox(chartNode);
        VBox.setVgrow(chartNode, Priority.ALWAYS);
        chartBox.setPrefHeight(210);
        chartBox.setMinHeight(120);
        chartBox.setPadding(new Insets(0, 0, 6, 0));
        groups.register("chart", chartBox);
        Tooltip.install(chartNode, Tips.of(i18n, "gaussian.chart.tooltip"));

        VBox center = new VBox(plot, chartBox);
        VBox.setVgrow(plot, Priority.ALWAYS);
        root.setCenter(center);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(distributionGroup(), samplingGroup(), displayGroup(), readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 280, 230);
        root.setRight(scroller);

        dropping.getKeyFrames().setAll(new KeyFrame(Duration.ZERO, new KeyValue(drop, 0)),
                new KeyFrame(Duration.millis(450), new KeyValue(drop, 1)));
        drop.addListener(o -> plot.requestRedraw());
        showBands.addListener(o -> plot.requestRedraw());
        showSquares.addListener(o -> plot.requestRedraw());
        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            defineSeries();
            chartGeneration = -1;
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            defineSeries();
            chartGeneration = -1;
            refresh();
        });
        defineSeries();
        fitView(true);
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

    public Button draw1Button() {
        return draw1;
    }

    public Button draw100Button() {
        return draw100;
    }

    public Button draw10kButton() {
        return draw10k;
    }

    public Button clearButton() {
        return clearButton;
    }

    public TextField seedField() {
        return seedField;
    }

    public Label seedError() {
        return seedError;
    }

    /** The read-out value labels in order: n, mean, s^2, s, biased variance, mean (x - mu)^2, within 1/2/3, last. */
    public List<Label> readoutValues() {
        return readoutValues;
    }

    /** Whether a large draw is still running in slices. */
    public boolean isDrawing() {
        return remaining > 0;
    }

    public BooleanProperty showSquaresProperty() {
        return showSquares;
    }

    public BooleanProperty showBandsProperty() {
        return showBands;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        stopDrawing();
        dropping.stop();
        drop.set(1);
        fitView(true);
    }

    @Override
    public void dispose() {
        stopDrawing();
        dropping.stop();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node distributionGroup() {
        VBox box = groups.group("distribution", "gaussian.distribution.title");
        mu.set(model.mu());
        sigma.set(model.sigma());
        mu.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.mu()) {
                model.setParameter("mu", v.doubleValue());
            }
        });
        sigma.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.sigma()) {
                model.setParameter("sigma", v.doubleValue());
            }
        });
        SliderField muField = new SliderField(i18n.bind("gaussian.mu.label"), i18n.bind("gaussian.mu.tooltip"), mu,
                GaussianModel.MU_MIN, GaussianModel.MU_MAX,
                v -> requireRange("μ", v, GaussianModel.MU_MIN, GaussianModel.MU_MAX),
                text -> NumberInput.parse(text, i18n));
        muField.setId("gaussian-mu");
        SliderField sigmaField = new SliderField(i18n.bind("gaussian.sigma.label"),
                i18n.bind("gaussian.sigma.tooltip"), sigma, GaussianModel.SIGMA_MIN, GaussianModel.SIGMA_MAX,
                v -> requireRange("σ", v, GaussianModel.SIGMA_MIN, GaussianModel.SIGMA_MAX),
                text -> NumberInput.parse(text, i18n));
        sigmaField.setId("gaussian-sigma");
        for (SliderField f : List.of(muField, sigmaField)) {
            // Snap the knob to tenths: the lesson's goals and the drags use the same grid.
            f.slider().setMajorTickUnit(1);
            f.slider().setMinorTickCount(9);
            f.slider().setSnapToTicks(true);
        }
        Label explain = groups.explain("gaussian.distribution.explain");
        box.getChildren().addAll(muField, sigmaField, explain);
        return box;
    }

    private Node samplingGroup() {
        VBox box = groups.group("sampling", "gaussian.sampling.title");
        button(draw1, "gaussian.draw1", "gaussian.draw1.tooltip", "gaussian-draw1", () -> startDrawing(1));
        button(draw100, "gaussian.draw100", "gaussian.draw100.tooltip", "gaussian-draw100", () -> startDrawing(100));
        button(draw10k, "gaussian.draw10k", "gaussian.draw10k.tooltip", "gaussian-draw10k",
                () -> startDrawing(10_000));
        button(clearButton, "gaussian.clear", "gaussian.clear.tooltip", "gaussian-clear", () -> {
            stopDrawing();
            model.clear();
        });
        FlowPane buttons = new FlowPane(6, 6, draw1, draw100, draw10k, clearButton);
        Label seedLabel = new Label();
        seedLabel.textProperty().bind(i18n.bind("gaussian.seed.label"));
        seedLabel.setMinWidth(Label.USE_PREF_SIZE);
        seedField.setId("gaussian-seed");
        seedField.setPrefColumnCount(8);
        seedField.setTooltip(Tips.of(i18n, "gaussian.seed.tooltip"));
        seedField.setOnAction(e -> commitSeed());
        seedField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitSeed();
            }
        });
        HBox.setHgrow(seedField, Priority.ALWAYS);
        HBox seedRow = new HBox(8, seedLabel, seedField);
        seedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        seedError.setWrapText(true);
        seedError.getStyleClass().add("lab-status");
        seedError.setId("gaussian-seed-error");
        seedError.setManaged(false);
        seedError.setVisible(false);
        progress.getStyleClass().add("control-explain");
        progress.setId("gaussian-progress");
        progress.setWrapText(true);
        box.getChildren().addAll(buttons, seedRow, seedError, progress, groups.explain("gaussian.sampling.explain"));
        return box;
    }

    private void button(Button b, String key, String tipKey, String id, Runnable action) {
        b.textProperty().bind(i18n.bind(key));
        b.setTooltip(Tips.of(i18n, tipKey));
        b.setId(id);
        b.setOnAction(e -> action.run());
    }

    private Node displayGroup() {
        VBox box = groups.group("display", "gaussian.display.title");
        CheckBox bands = new CheckBox();
        bands.textProperty().bind(i18n.bind("gaussian.display.bands"));
        bands.setTooltip(Tips.of(i18n, "gaussian.display.bands.tooltip"));
        bands.selectedProperty().bindBidirectional(showBands);
        CheckBox squares = new CheckBox();
        squares.textProperty().bind(i18n.bind("gaussian.display.squares"));
        squares.setTooltip(Tips.of(i18n, "gaussian.display.squares.tooltip"));
        squares.selectedProperty().bindBidirectional(showSquares);
        squares.setId("gaussian-squares");
        bins.set(model.quantity("bins"));
        bins.addListener((o, old, v) -> {
            int whole = (int) Math.round(v.doubleValue());
            if (!syncing && whole != (int) model.quantity("bins")) {
                model.setParameter("bins", whole);
            }
        });
        SliderField binsField = new SliderField(i18n.bind("gaussian.bins.label"), i18n.bind("gaussian.bins.tooltip"),
                bins, GaussianModel.BINS_MIN, GaussianModel.BINS_MAX, v -> {
                    if (v != Math.rint(v) || v < GaussianModel.BINS_MIN || v > GaussianModel.BINS_MAX) {
                        throw new IllegalArgumentException(i18n.get("gaussian.error.bins", GaussianModel.BINS_MIN,
                                GaussianModel.BINS_MAX));
                    }
                    return v;
                }, text -> NumberInput.parse(text, i18n));
        binsField.slider().setMajorTickUnit(5);
        binsField.slider().setMinorTickCount(4);
        binsField.slider().setSnapToTicks(true);
        binsField.setId("gaussian-bins");
        Button fit = new Button();
        fit.textProperty().bind(i18n.bind("gaussian.display.fit"));
        fit.setTooltip(Tips.of(i18n, "gaussian.display.fit.tooltip"));
        fit.setOnAction(e -> fitView(true));
        box.getChildren().addAll(bands, squares, binsField, fit);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "gaussian.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] keys = {"gaussian.readout.n", "gaussian.readout.mean", "gaussian.readout.variance",
            "gaussian.readout.sd", "gaussian.readout.biased", "gaussian.readout.meanSq", "gaussian.readout.within1",
            "gaussian.readout.within2", "gaussian.readout.within3", "gaussian.readout.last"};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind(keys[i]));
            name.getStyleClass().add("readout-name");
            name.setWrapText(true);
            name.setTooltip(Tips.of(i18n, keys[i] + ".tooltip"));
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("gaussian-readout-" + i);
            value.setMinWidth(Label.USE_PREF_SIZE);
            readoutValues.add(value);
            grid.addRow(i, name, value);
        }
        unitsNote.setWrapText(true);
        unitsNote.setId("gaussian-units");
        unitsNote.getStyleClass().add("control-explain");
        box.getChildren().addAll(grid, unitsNote);
        return box;
    }


    private double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("gaussian.error.range", name, Format.num(min, 3),
                    Format.num(max, 3)));
        }
        return v;
    }

    /** Reads the seed field; a bad entry is explained beside it and the seed (and the samples) stay as they were. */
    public boolean commitSeed() {
        String text = seedField.getText();
        try {
            double v = NumberInput.parse(text, i18n);
            if (v != Math.rint(v) || v < 0 || v > GaussianModel.SEED_MAX) {
                throw new IllegalArgumentException(i18n.get("gaussian.error.seed", text.strip()));
            }
            showSeedError(null);
            if ((long) v != model.seed()) {
                stopDrawing();
                model.setParameter("seed", v);
            }
            return true;
        } catch (IllegalArgumentException e) {
            showSeedError(e.getMessage());
            return false;
        }
    }

    private void showSeedError(String message) {
        boolean bad = message != null;
        seedError.setText(bad ? message : "");
        seedError.setVisible(bad);
        seedError.setManaged(bad);
        seedField.getStyleClass().removeAll("field-error");
        if (bad) {
            seedField.getStyleClass().add("field-error");
        }
    }

    // ---- drawing samples ------------------------------------------------------------------------------------------

    /** Draws count samples: at once up to one slice, else {@link #SLICE} per frame until done. */
    public void startDrawing(int count) {
        if (model.isFull()) {
            refresh();
            return;
        }
        if (count == 1 && remaining == 0) {
            model.draw(1);
            dropping.playFromStart();
            return;
        }
        remaining += count;
        drawSlice();
        if (remaining > 0) {
            drawer.start();
        }
    }

    private void drawSlice() {
        int k = Math.min(remaining, SLICE);
        int drawn = model.draw(k);
        remaining = drawn < k ? 0 : remaining - k;
        if (remaining == 0) {
            drawer.stop();
        }
        updateProgress();
    }

    private void stopDrawing() {
        remaining = 0;
        drawer.stop();
        updateProgress();
    }

    private void updateProgress() {
        if (remaining > 0) {
            progress.setText(i18n.get("gaussian.progress", remaining));
        } else if (model.isFull()) {
            progress.setText(i18n.get("gaussian.full", GaussianModel.MAX_SAMPLES));
        } else {
            progress.setText("");
        }
        boolean full = model.isFull();
        draw1.setDisable(full);
        draw100.setDisable(full);
        draw10k.setDisable(full);
    }

    // ---- refresh --------------------------------------------------------------------------------------------------

    private void defineSeries() {
        Theme.Palette p = theme.palette();
        chart.defineSeries("mean", i18n.get("gaussian.series.mean"), p.ihat());
        chart.defineSeries("variance", i18n.get("gaussian.series.variance"), p.jhat());
        chart.defineSeries("mu", i18n.get("gaussian.series.mu"), p.ihat().deriveColor(0, 0.6, 1, 0.55));
        chart.defineSeries("sigma2", i18n.get("gaussian.series.sigma2"), p.jhat().deriveColor(0, 0.6, 1, 0.55));
    }

    private void refresh() {
        syncing = true;
        try {
            mu.set(model.mu());
            sigma.set(model.sigma());
            bins.set(model.quantity("bins"));
        } finally {
            syncing = false;
        }
        if (!seedField.isFocused() || seedError.getText().isEmpty()) {
            seedField.setText(Long.toString(model.seed()));
        }
        int n = model.sampleCount();
        double[] values = {n, model.quantity("mean"), model.quantity("variance"), model.quantity("sd"),
            model.quantity("variance_biased"), model.quantity("mean_sq_dist"), model.quantity("within1"),
            model.quantity("within2"), model.quantity("within3"), model.quantity("last")};
        for (int i = 0; i < values.length; i++) {
            String text;
            if (i == 0) {
                text = String.format(i18n.lang().locale(), "%,d", n);
            } else if (i >= 6 && i <= 8) {
                text = Double.isNaN(values[i]) ? "—" : i18n.get("gaussian.readout.percent",
                        Format.num(100 * values[i], 1), Format.num(100 * BAND_SHARE[i - 6], 1));
            } else {
                text = Format.num(values[i], 4);
            }
            readoutValues.get(i).setText(text);
        }
        unitsNote.setText(unitsText());
        updateProgress();
        updateChart();
        fitView(false);
        plot.requestRedraw();
    }

    /** σ in x's units (a width), σ² in squared units (an area): the read-out that says so with the numbers. */
    private String unitsText() {
        double s = model.sigma();
        String base = i18n.get("gaussian.units", Format.num(s, 3), Format.num(s * s, 4));
        if (model.sampleCount() == 0) {
            return base + " " + i18n.get("gaussian.units.noSample");
        }
        double last = model.quantity("last");
        double d = Math.abs(last - model.mu());
        return base + " " + i18n.get("gaussian.units.last", Format.num(last, 3), Format.num(d, 3),
                Format.num(d * d, 4), Format.num(model.quantity("mean_sq_dist"), 4));
    }

    private void updateChart() {
        if (model.generation() != chartGeneration) {
            chartGeneration = model.generation();
            chartCheckpoints = 0;
            chart.clear("mean");
            chart.clear("variance");
        }
        int count = model.checkpointCount();
        for (int i = chartCheckpoints; i < count; i++) {
            double[] c = model.checkpoint(i);
            chart.add("mean", c[0], c[1]);
            chart.add("variance", c[0], c[2]);
        }
        chartCheckpoints = count;
        double right = Math.max(10, model.sampleCount());
        chart.clear("mu");
        chart.clear("sigma2");
        chart.add("mu", 1, model.mu());
        chart.add("mu", right, model.mu());
        chart.add("sigma2", 1, model.quantity("sigma2"));
        chart.add("sigma2", right, model.quantity("sigma2"));
        chart.flush();
    }

    /**
     * The axes stay put while mu and sigma change, so the learner sees the curve slide and spread (and its peak
     * drop); they are refitted only when the curve outgrows them or becomes tiny in them, in coarse steps.
     */
    private void fitView(boolean force) {
        double s = model.sigma();
        double reach = Math.abs(model.mu()) + 4 * s;
        double half = 25;
        for (double candidate : new double[]{2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25}) {
            if (candidate >= reach) {
                half = candidate;
                break;
            }
        }
        double peak = 1 / (s * Math.sqrt(2 * Math.PI));
        double top = 0.5;
        for (double candidate : new double[]{0.25, 0.5, 1, 2, 4.5}) {
            top = candidate;
            if (candidate >= peak * 1.15) {
                break;
            }
        }
        if (!force && (grab != Grab.NONE || half == fittedHalf && top == fittedTop)) {
            // Never while a ring is dragged: the ring would run away from the mouse.
            return;
        }
        fittedHalf = half;
        fittedTop = top;
        // The strip under the axis holds the sample dots and the 68/95/99.7 brackets.
        plot.viewport().setDefault(-half, half, -0.42 * top, top);
        plot.viewport().reset();
        plot.requestRedraw();
    }

    // ---- painting -------------------------------------------------------------------------------------------------

    private Color curveColor(Theme.Palette p) {
        return theme.mode() == Theme.Mode.DARK ? Color.web("#7fb2ff") : Color.web("#2f5fb3");
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        // The strip under the axis labels holds dots and brackets, not negative densities: no ticks or grid there.
        double strip = vp.toScreenY(0) + 17;
        if (strip < vp.height()) {
            g.setFill(p.background());
            g.fillRect(0, strip, vp.width(), vp.height() - strip);
        }
        double m = model.mu();
        double s = model.sigma();
        if (showBands.get()) {
            drawBands(g, vp, p, m, s);
        }
        drawHistogram(g, vp, p);
        g.setStroke(curveColor(p));
        g.setLineWidth(2.6);
        Curves.plot(g, vp, model::density);
        drawMuAndSigma(g, vp, p, m, s);
        if (showSquares.get()) {
            drawSquares(g, vp, p, m, s);
        }
        drawDots(g, vp, p);
        if (showBands.get()) {
            drawBrackets(g, vp, p, m, s);
        }
        drawCaption(g, vp, p);
    }

    /** The area under the curve between mu - k sigma and mu + k sigma, faintest for k = 3. */
    private void drawBands(GraphicsContext g, Viewport vp, Theme.Palette p, double m, double s) {
        double[] alpha = {0.30, 0.16, 0.08};
        for (int k = 3; k >= 1; k--) {
            double a = m - k * s;
            double b = m + k * s;
            double sa = Math.max(-5, vp.toScreenX(a));
            double sb = Math.min(vp.width() + 5, vp.toScreenX(b));
            if (sb <= sa) {
                continue;
            }
            g.setFill(p.eigen().deriveColor(0, 1, 1, alpha[k - 1] / p.eigen().getOpacity()));
            g.beginPath();
            double base = vp.toScreenY(0);
            g.moveTo(sa, base);
            for (double sx = sa; sx <= sb; sx += 1) {
                g.lineTo(sx, vp.toScreenY(model.density(vp.toWorldX(sx))));
            }
            g.lineTo(sb, vp.toScreenY(model.density(vp.toWorldX(sb))));
            g.lineTo(sb, base);
            g.closePath();
            g.fill();
        }
    }

    private void drawHistogram(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Histogram h = model.histogram();
        if (h.total() == 0) {
            return;
        }
        Color fill = p.probe().deriveColor(0, 1, 1, 0.42);
        Color edge = p.probe().deriveColor(0, 1, 0.85, 1);
        double base = vp.toScreenY(0);
        g.setLineWidth(1);
        for (int k = 0; k < h.bins(); k++) {
            double height = h.density(k);
            if (height <= 0) {
                continue;
            }
            double x0 = vp.toScreenX(h.binStart(k));
            double x1 = vp.toScreenX(h.binEnd(k));
            double y = Math.max(-10, vp.toScreenY(height));
            g.setFill(fill);
            g.fillRect(x0, y, Math.max(1, x1 - x0), base - y);
            if (x1 - x0 >= 4) {
                g.setStroke(edge);
                g.strokeRect(x0 + 0.5, y + 0.5, Math.max(0, x1 - x0 - 1), Math.max(0, base - y - 0.5));
            }
        }
    }

    /** The mean as a dashed line to the peak, and sigma as an arrow from the centre to the inflection point. */
    private void drawMuAndSigma(GraphicsContext g, Viewport vp, Theme.Palette p, double m, double s) {
        double peak = model.density(m);
        double sx = vp.toScreenX(m);
        double top = vp.toScreenY(peak);
        double base = vp.toScreenY(0);
        g.setStroke(curveColor(p));
        g.setLineWidth(1.4);
        g.setLineDashes(6, 5);
        g.strokeLine(sx, base, sx, top);
        g.setLineDashes();
        // The inflection points mu +- sigma, where the curve is at exp(-1/2) ~ 0.61 of its peak.
        double hy = vp.toScreenY(model.density(m + s));
        double ex = vp.toScreenX(m + s);
        Color arrow = p.ihat();
        g.setStroke(arrow);
        g.setFill(arrow);
        g.setLineWidth(2);
        g.strokeLine(sx, hy, ex, hy);
        if (ex - sx > 10) {
            g.fillPolygon(new double[]{ex, ex - 8, ex - 8}, new double[]{hy, hy - 4.5, hy + 4.5}, 3);
        }
        g.setFont(Fonts.bold(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String sigmaLabel = "σ = " + Format.num(s, 3);
        haloText(g, p, sigmaLabel, (sx + ex) / 2, hy - 4, arrow);
        // Handles: the peak moves mu, the inflection point moves sigma.
        ring(g, sx, top, curveColor(p));
        ring(g, ex, hy, arrow);
        g.setTextBaseline(VPos.BOTTOM);
        haloText(g, p, "μ = " + Format.num(m, 3), sx, top - 10, curveColor(p));
    }

    private void ring(GraphicsContext g, double x, double y, Color c) {
        g.setStroke(c);
        g.setLineWidth(1.8);
        g.strokeOval(x - 7, y - 7, 14, 14);
    }

    /**
     * sigma^2 made visible: a square on the last sample's distance from mu (area (x - mu)^2), and a dashed square of
     * side sigma (area sigma^2) on the other side. Sides are measured with the x scale, so they are true squares on
     * screen; the variance is the average area of the first kind.
     */
    private void drawSquares(GraphicsContext g, Viewport vp, Theme.Palette p, double m, double s) {
        double base = vp.toScreenY(0);
        double room = base - 4;
        double scale = vp.scale();
        double sideSigma = s * scale;
        int n = model.sampleCount();
        double dir = n == 0 ? -1 : -Math.signum(model.quantity("last") - m);
        if (dir == 0) {
            dir = -1;
        }
        Font font = Fonts.bold(12);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        if (sideSigma <= room && sideSigma >= 6) {
            double x0 = vp.toScreenX(m) + (dir < 0 ? -sideSigma : 0);
            g.setStroke(p.ihat());
            g.setLineWidth(1.6);
            g.setLineDashes(5, 4);
            g.strokeRect(x0, base - sideSigma, sideSigma, sideSigma);
            g.setLineDashes();
            String label = "σ² = " + Format.num(s * s, 3);
            if (TextMetrics.width(label, font) < sideSigma + 30) {
                haloText(g, p, label, x0 + sideSigma / 2, base - sideSigma / 2, p.ihat());
            }
        }
        if (n > 0) {
            double last = model.quantity("last");
            double side = Math.abs(last - m) * scale;
            if (side <= room && side >= 3) {
                double x0 = Math.min(vp.toScreenX(m), vp.toScreenX(last));
                double landed = drop.get();
                g.setFill(p.jhat().deriveColor(0, 1, 1, 0.16 * landed));
                g.fillRect(x0, base - side, side, side);
                g.setStroke(p.jhat().deriveColor(0, 1, 1, landed));
                g.setLineWidth(1.6);
                g.strokeRect(x0, base - side, side, side);
                String label = "(x − μ)² = " + Format.num((last - m) * (last - m), 3);
                if (TextMetrics.width(label, font) < side + 40 && landed > 0.99) {
                    haloText(g, p, label, x0 + side / 2, base - side / 2, p.jhat());
                }
            }
        }
    }

    /** The samples as dots under the axis (newest draw highlighted); a single new sample drops from the top. */
    private void drawDots(GraphicsContext g, Viewport vp, Theme.Palette p) {
        int n = model.sampleCount();
        if (n == 0) {
            return;
        }
        double base = vp.toScreenY(0);
        double stripTop = base + 6;
        double stripHeight = Math.max(8, (vp.height() - base - 22) * 0.4);
        int first = Math.max(0, n - MAX_DOTS);
        int fresh = model.lastDrawStart();
        double r = n > 1000 ? 1.6 : n > 200 ? 2.2 : 3;
        g.setFill(p.text().deriveColor(0, 1, 1, n > 1000 ? 0.25 : 0.45));
        for (int i = first; i < Math.min(fresh, n); i++) {
            double x = vp.toScreenX(model.sample(i));
            g.fillOval(x - r, stripTop + jitter(i) * stripHeight - r, 2 * r, 2 * r);
        }
        // Only a small new draw stands out; after a big one every dot is simply a sample.
        if (n - fresh > 100) {
            g.setFill(p.text().deriveColor(0, 1, 1, n > 1000 ? 0.25 : 0.45));
        } else {
            g.setFill(p.jhat());
        }
        double rr = n - fresh <= 100 ? 3.2 : r;
        for (int i = Math.max(first, fresh); i < n; i++) {
            double x = vp.toScreenX(model.sample(i));
            double y = stripTop + jitter(i) * stripHeight;
            if (n - fresh == 1 && drop.get() < 1) {
                // A single new sample falls from the top of the plot to its place.
                double t = drop.get();
                y = 8 + (y - 8) * t * t;
                g.fillOval(x - 5, y - 5, 10, 10);
            } else {
                g.fillOval(x - rr, y - rr, 2 * rr, 2 * rr);
            }
        }
    }

    /** A fixed pseudo-random height in [0, 1) for sample i, so dots neither pile up nor jump between frames. */
    private static double jitter(int i) {
        long h = i * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (h >>> 11) / (double) (1L << 53);
    }

    /** |-- 68.3% --| brackets for +-1, 2, 3 sigma under the dots. */
    private void drawBrackets(GraphicsContext g, Viewport vp, Theme.Palette p, double m, double s) {
        double base = vp.toScreenY(0);
        // Under the dots, above the hint line.
        double below = vp.height() - base - 22;
        double rowHeight = Math.min(17, (below * 0.55) / 3);
        if (rowHeight < 9) {
            return;
        }
        double y0 = base + 6 + below * 0.42 + rowHeight * 0.6;
        Font font = Fonts.regular(11);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        Color c = p.eigen().deriveColor(0, 1, 0.85, 1 / p.eigen().getOpacity());
        for (int k = 1; k <= 3; k++) {
            double y = y0 + (k - 1) * rowHeight;
            double a = vp.toScreenX(m - k * s);
            double b = vp.toScreenX(m + k * s);
            String label = (k == 1 ? "±σ " : "±" + k + "σ ") + Format.num(100 * BAND_SHARE[k - 1], 1) + "%";
            double w = TextMetrics.width(label, font) + 8;
            double mid = (Math.max(a, 0) + Math.min(b, vp.width())) / 2;
            g.setStroke(c);
            g.setLineWidth(1.2);
            if (b - a > w + 8) {
                g.strokeLine(a, y, mid - w / 2, y);
                g.strokeLine(mid + w / 2, y, b, y);
            }
            g.strokeLine(a, y - 4, a, y + 4);
            g.strokeLine(b, y - 4, b, y + 4);
            g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
            g.fillRect(mid - w / 2, y - 7, w, 14);
            g.setFill(c);
            g.fillText(label, mid, y);
        }
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p) {
        int n = model.sampleCount();
        String line = n == 0 ? i18n.get("gaussian.caption.empty", Format.num(model.mu(), 3),
                Format.num(model.sigma(), 3))
                : i18n.get("gaussian.caption", Format.num(model.mu(), 3), Format.num(model.sigma(), 3),
                String.format(i18n.lang().locale(), "%,d", n), Format.num(model.quantity("mean"), 3),
                Format.num(model.quantity("variance"), 3));
        Font font = Fonts.regular(13);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double w = Math.min(vp.width() - 12, TextMetrics.width(line, font) + 14);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(6, 6, w, 24);
        g.setFill(p.text());
        g.fillText(line, 12, 10, w - 12);
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.8));
        g.setFont(Fonts.regular(11.5));
        g.setTextBaseline(VPos.BOTTOM);
        String hint = i18n.get(vp.width() >= 620 ? "gaussian.plot.hint" : "gaussian.plot.hintShort");
        g.fillText(hint, 8, vp.height() - 4, Math.max(50, vp.width() - 16));
    }

    private void haloText(GraphicsContext g, Theme.Palette p, String text, double x, double y, Color color) {
        g.setStroke(p.background().deriveColor(0, 1, 1, 0.9));
        g.setLineWidth(3.5);
        g.strokeText(text, x, y);
        g.setFill(color);
        g.fillText(text, x, y);
    }


    // ---- keys and drags ---------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case D, SPACE -> startDrawing(1);
            case H -> startDrawing(100);
            case T -> startDrawing(10_000);
            case C -> {
                stopDrawing();
                model.clear();
            }
            case LEFT -> nudge("mu", model.mu() - 0.1, GaussianModel.MU_MIN, GaussianModel.MU_MAX);
            case RIGHT -> nudge("mu", model.mu() + 0.1, GaussianModel.MU_MIN, GaussianModel.MU_MAX);
            case UP -> nudge("sigma", model.sigma() + 0.1, GaussianModel.SIGMA_MIN, GaussianModel.SIGMA_MAX);
            case DOWN -> nudge("sigma", model.sigma() - 0.1, GaussianModel.SIGMA_MIN, GaussianModel.SIGMA_MAX);
            case B -> showBands.set(!showBands.get());
            case Q -> showSquares.set(!showSquares.get());
            case F -> fitView(true);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nudge(String name, double value, double min, double max) {
        stopDrawing();
        model.setParameter(name, Math.max(min, Math.min(max, Math.round(value * 10) / 10.0)));
    }

    /** The peak's ring drags mu, the inflection point's ring drags sigma; both snap to tenths (Shift: free). */
    private final class DragHandles implements PlotCanvas.Interaction {

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            grab = grabAt(wx, wy);
            if (grab != Grab.NONE) {
                stopDrawing();
            }
            return grab != Grab.NONE;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            double v;
            switch (grab) {
                case MU -> {
                    v = event.isShiftDown() ? wx : Math.round(wx * 10) / 10.0;
                    model.setParameter("mu", Math.max(GaussianModel.MU_MIN, Math.min(GaussianModel.MU_MAX, v)));
                }
                case SIGMA -> {
                    double d = Math.abs(wx - model.mu());
                    v = event.isShiftDown() ? d : Math.round(d * 10) / 10.0;
                    model.setParameter("sigma", Math.max(GaussianModel.SIGMA_MIN,
                            Math.min(GaussianModel.SIGMA_MAX, v)));
                }
                default -> {
                }
            }
        }

        @Override
        public void release() {
            grab = Grab.NONE;
            fitView(false);
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return grabAt(wx, wy) != Grab.NONE ? Cursor.H_RESIZE : Cursor.DEFAULT;
        }

        private Grab grabAt(double wx, double wy) {
            Viewport vp = plot.viewport();
            double sx = vp.toScreenX(wx);
            double sy = vp.toScreenY(wy);
            double m = model.mu();
            double s = model.sigma();
            if (Math.hypot(sx - vp.toScreenX(m + s), sy - vp.toScreenY(model.density(m + s))) <= 12) {
                return Grab.SIGMA;
            }
            if (Math.hypot(sx - vp.toScreenX(m), sy - vp.toScreenY(model.density(m))) <= 12) {
                return Grab.MU;
            }
            return Grab.NONE;
        }
    }
}
