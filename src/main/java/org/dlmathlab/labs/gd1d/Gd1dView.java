package org.dlmathlab.labs.gd1d;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.optim.Function1;
import org.dlmathlab.math.optim.Functions1;
import org.dlmathlab.math.optim.Regime;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.CurveChooser;
import org.dlmathlab.ui.Curves;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlayBar;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Viewport;

/**
 * The curve, the current point with its tangent and the step -lr f'(x) as an arrow, the path so far, the regime
 * named live, and a table of steps. Draws the model; the descent itself happens in math/optim.
 */
public final class Gd1dView implements LabView {

    public static final List<String> CONTROLS = List.of("function", "rate", "start", "run", "status", "table");
    private static final int TABLE_ROWS = 200;

    private final Gd1dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-4, 4, -1, 16, false));
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Label regimeLabel = new Label();
    private final Label regimeExplain = new Label();
    private final CurveChooser curves;
    private Function1 fittedTo;
    private final TableView<double[]> table = new TableView<>();
    private final PlayBar playBar;
    private boolean refreshQueued;

    public Gd1dView(Gd1dModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.groups = new ControlGroups(i18n);
        this.theme = theme;
        root.getStyleClass().add("lab-gd1d");
        plot.setPainter(this::paint);
        plot.setId("gd1d-plot");
        playBar = new PlayBar(i18n, model::step, model::canContinue, () -> { }, model::restart);
        curves = new CurveChooser(i18n, "gd1d", Functions1.ALL.stream().map(Function1::id).toList(), model::preset,
                index -> {
                    playBar.pause();
                    model.setParameter("preset", index);
                    // Each function has its own sensible start: x0 = 3 sends the double well off the chart.
                    model.setParameter("x0", model.function().defaultStart());
                },
                text -> {
                    playBar.pause();
                    model.setFormula(text);
                },
                this::fitView);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(functionGroup(), rateGroup(), startGroup(), runGroup(), statusGroup(),
                tableGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 220);
        root.setCenter(plot);
        root.setRight(scroller);

        model.changes().addListener(o -> queueRefresh());
        i18n.langProperty().addListener(o -> {
            curves.relabel();
            refresh();
        });
        theme.modeProperty().addListener(o -> plot.requestRedraw());
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
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

    public Label regimeLabel() {
        return regimeLabel;
    }

    public TextField formulaField() {
        return curves.field();
    }

    public Label formulaError() {
        return curves.error();
    }

    public TableView<double[]> table() {
        return table;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        playBar.pause();
        fitView();
        plot.requestRedraw();
    }

    @Override
    public void dispose() {
        playBar.pause();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private VBox group(String name, String titleKey) {
        return groups.group(name, titleKey);
    }

    private Node functionGroup() {
        VBox box = group("function", "gd1d.function.title");
        box.getChildren().addAll(curves.nodes());
        return box;
    }

    /** Uses the typed formula; a typing error is explained and the old function stays. */
    public void applyFormula() {
        curves.applyFormula();
    }

    private Node rateGroup() {
        VBox box = group("rate", "gd1d.rate.title");
        SimpleDoubleProperty lr = new SimpleDoubleProperty(model.learningRate());
        model.changes().addListener(o -> lr.set(model.learningRate()));
        lr.addListener((o, old, v) -> {
            if (v.doubleValue() != model.learningRate()) {
                model.setParameter("lr", v.doubleValue());
            }
        });
        SliderField field = SliderField.logarithmic(i18n.bind("gd1d.rate.label"), i18n.bind("gd1d.rate.tooltip"), lr,
                Gd1dModel.LR_MIN, Gd1dModel.LR_MAX, v -> requireRange("lr", v, Gd1dModel.LR_MIN, Gd1dModel.LR_MAX),
                text -> NumberInput.parse(text, i18n));
        field.setId("gd1d-lr");
        box.getChildren().add(field);
        return box;
    }

    private Node startGroup() {
        VBox box = group("start", "gd1d.start.title");
        SimpleDoubleProperty x0 = new SimpleDoubleProperty(model.start());
        model.changes().addListener(o -> x0.set(model.start()));
        x0.addListener((o, old, v) -> {
            if (v.doubleValue() != model.start()) {
                playBar.pause();
                model.setParameter("x0", v.doubleValue());
            }
        });
        SliderField field = new SliderField(i18n.bind("gd1d.start.label"), i18n.bind("gd1d.start.tooltip"), x0, -5, 5,
                v -> requireRange("x0", v, -10, 10), text -> NumberInput.parse(text, i18n));
        field.setId("gd1d-x0");
        box.getChildren().add(field);
        return box;
    }

    private double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("gd1d.error.range", name, Format.num(min, 4),
                    Format.num(max, 4)));
        }
        return v;
    }

    private Node runGroup() {
        VBox box = group("run", "gd1d.run.title");
        box.getChildren().add(playBar);
        return box;
    }

    private Node statusGroup() {
        VBox box = group("status", "gd1d.status.title");
        regimeLabel.getStyleClass().add("regime-label");
        regimeLabel.setId("gd1d-regime");
        regimeLabel.setWrapText(true);
        regimeExplain.setWrapText(true);
        regimeExplain.getStyleClass().add("control-explain");
        box.getChildren().addAll(regimeLabel, regimeExplain);
        return box;
    }

    private Node tableGroup() {
        VBox box = group("table", "gd1d.table.title");
        String[] keys = {"gd1d.table.step", "gd1d.table.x", "gd1d.table.fx", "gd1d.table.dfx"};
        for (int c = 0; c < keys.length; c++) {
            int column = c;
            TableColumn<double[], String> col = new TableColumn<>();
            col.textProperty().bind(i18n.bind(keys[c]));
            col.setCellValueFactory(row -> new SimpleStringProperty(column == 0
                    ? Integer.toString((int) row.getValue()[0]) : Format.num(row.getValue()[column], 5)));
            col.setSortable(false);
            table.getColumns().add(col);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(220);
        table.setId("gd1d-table");
        box.getChildren().add(table);
        return box;
    }

    // ---- refresh and drawing --------------------------------------------------------------------------------------

    /** Many steps in one frame (Play at full speed) cost one refresh. */
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
        if (model.function() != fittedTo) {
            // A new curve (from the list, a typed formula, a lesson's --set or Reset): frame it afresh.
            fitView();
        }
        curves.show((int) model.quantity("preset"));
        Regime regime = model.descent().regime();
        boolean diverged = model.descent().diverged();
        String key = diverged ? "diverged" : model.descent().stepCount() == 0 ? "ready" : regime.name().toLowerCase();
        regimeLabel.setText(i18n.get("gd1d.regime." + key));
        regimeExplain.setText(i18n.get("gd1d.regime." + key + ".explain"));
        regimeLabel.getStyleClass().removeAll("regime-good", "regime-bad", "regime-warn");
        regimeLabel.getStyleClass().add(diverged || regime == Regime.DIVERGING ? "regime-bad"
                : regime == Regime.CONVERGING || regime == Regime.CONVERGED ? "regime-good" : "regime-warn");
        List<Double> history = model.descent().history();
        List<double[]> rows = new ArrayList<>();
        Function1 f = model.function();
        for (int i = Math.max(0, history.size() - TABLE_ROWS); i < history.size(); i++) {
            double x = history.get(i);
            rows.add(new double[]{i, x, f.value(x), f.slope(x)});
        }
        table.getItems().setAll(rows);
        if (!rows.isEmpty()) {
            table.scrollTo(rows.size() - 1);
        }
        plot.requestRedraw();
    }

    /** Fits the view to the function around its interesting range. */
    private void fitView() {
        Function1 f = model.function();
        fittedTo = f;
        double lo = f.viewMin();
        double hi = f.viewMax();
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 200; i++) {
            double y = f.value(lo + (hi - lo) * i / 200);
            if (Double.isFinite(y)) {
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        if (!(yMax > yMin)) {
            yMin = -1;
            yMax = 1;
        }
        double pad = (yMax - yMin) * 0.08;
        plot.viewport().setDefault(lo, hi, yMin - pad, yMax + pad);
        plot.viewport().reset();
        plot.requestRedraw();
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        Function1 f = model.function();

        // The curve, sampled once per pixel column; gaps where it is undefined.
        g.setStroke(p.grid().deriveColor(0, 1, 0.8, 1.6));
        g.setLineWidth(2.2);
        Curves.plot(g, vp, f::value);

        // The path so far: the zig-zag of iterates on the curve.
        List<Double> history = model.descent().history();
        g.setStroke(p.probe().deriveColor(0, 1, 1, 0.7));
        g.setFill(p.probe().deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.2);
        int from = Math.max(0, history.size() - 400);
        for (int i = from; i < history.size(); i++) {
            double x = history.get(i);
            double sx = vp.toScreenX(x);
            double sy = vp.toScreenY(f.value(x));
            if (i > from) {
                double px = history.get(i - 1);
                g.strokeLine(vp.toScreenX(px), vp.toScreenY(f.value(px)), sx, sy);
            }
            g.fillOval(sx - 2.5, sy - 2.5, 5, 5);
        }

        double x = model.descent().x();
        double fx = f.value(x);
        double slope = f.slope(x);
        if (Double.isFinite(fx) && Double.isFinite(slope)) {
            // Tangent through (x, f(x)).
            double half = (vp.maxWorldX() - vp.minWorldX()) / 7;
            g.setStroke(p.eigen());
            g.setLineWidth(1.6);
            g.strokeLine(vp.toScreenX(x - half), vp.toScreenY(fx - slope * half), vp.toScreenX(x + half),
                    vp.toScreenY(fx + slope * half));
            // The next step, -lr f'(x), as an arrow along x at the current height.
            double next = x - model.learningRate() * slope;
            if (!model.descent().diverged()) {
                arrow(g, vp.toScreenX(x), vp.toScreenY(fx), vp.toScreenX(next), vp.toScreenY(fx), p.jhat());
                g.setLineDashes(4, 4);
                g.setStroke(p.jhat().deriveColor(0, 1, 1, 0.6));
                g.strokeLine(vp.toScreenX(next), vp.toScreenY(fx), vp.toScreenX(next), vp.toScreenY(f.value(next)));
                g.setLineDashes();
            }
            g.setFill(p.ihat());
            g.fillOval(vp.toScreenX(x) - 6, vp.toScreenY(fx) - 6, 12, 12);
        }

        g.setFont(Fonts.regular(14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        // A veil behind the caption so grid lines and the axis do not run through the numbers.
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(6, 6, Math.min(vp.width() - 12, 560), model.descent().diverged() ? 48 : 24);
        g.setFill(p.text());
        g.fillText(i18n.get("gd1d.caption", model.descent().stepCount(), Format.num(x, 5), Format.num(fx, 5),
                Format.num(slope, 5), Format.num(model.learningRate(), 4)), 12, 10);
        if (model.descent().diverged()) {
            g.setFill(p.warning());
            g.setFont(Fonts.bold(15));
            g.fillText(i18n.get("gd1d.regime.diverged.explain"), 12, 32, Math.max(60, vp.width() - 24));
        }
    }

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color color) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(2.4);
        g.setLineCap(StrokeLineCap.ROUND);
        if (len < 2 || !Double.isFinite(len)) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(12, len * 0.5);
        g.strokeLine(x0, y0, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        g.fillPolygon(new double[]{x1, bx - uy * head * 0.45, bx + uy * head * 0.45},
                new double[]{y1, by + ux * head * 0.45, by - ux * head * 0.45}, 3);
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
