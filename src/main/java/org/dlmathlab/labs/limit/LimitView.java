package org.dlmathlab.labs.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.calculus.DifferenceQuotient;
import org.dlmathlab.math.calculus.LimitCurves;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.math.optim.Function1;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.CurveChooser;
import org.dlmathlab.ui.Curves;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlaneDrawing;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * The secant turning into the tangent: the curve, the point P = (x, f(x)) (draggable along the curve), the second
 * point Q = (x + h, f(x + h)), the secant through both, the tangent, and the run h and rise f(x + h) - f(x) as a
 * right triangle. Controls: the curve (presets or a typed formula), x, h on a log slider with "÷ 10" / "× 10" and a
 * play that keeps dividing h by 10, the central quotient, "zoom with h", the notes' table and the read-outs.
 */
public final class LimitView implements LabView {

    public static final List<String> CONTROLS = List.of("function", "point", "step", "table", "readouts");
    private static final Duration SHRINK_EVERY = Duration.millis(900);

    private final LimitModel model;
    private final I18n i18n;
    private final Theme theme;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-1.5, 3, -2, 4, false));
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final CurveChooser curves;
    private final CheckBox centralBox = new CheckBox();
    private final CheckBox zoomBox = new CheckBox();
    private final Button shrinkPlay = new Button();
    private final TableView<DifferenceQuotient.Row> table = new TableView<>();
    private final Label note = new Label();
    private final List<Label> readoutValues = new ArrayList<>();
    private final Timeline shrinking = new Timeline();
    private boolean choosing;
    private boolean dragging;
    private Function1 fittedTo;

    public LimitView(LimitModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        this.curves = new CurveChooser(i18n, "limit", LimitCurves.ALL.stream().map(Function1::id).toList(),
                model::preset, index -> {
                    model.setParameter("preset", index);
                    model.setParameter("x", LimitCurves.ALL.get(index).defaultStart());
                }, model::setFormula, this::fitView);
        root.getStyleClass().add("lab-limit");
        plot.setId("limit-plot");
        plot.setPainter(this::paint);
        plot.setInteraction(new DragPoint());
        root.setCenter(plot);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(functionGroup(), pointGroup(), stepGroup(), readoutGroup(), tableGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 290, 230);
        root.setRight(scroller);

        shrinking.getKeyFrames().add(new KeyFrame(SHRINK_EVERY, e -> shrinkOnce()));
        shrinking.setCycleCount(Animation.INDEFINITE);
        shrinking.statusProperty().addListener(o -> relabelPlay());

        // Direct, not batched: a change is one learner action, and the 16-row table is cheap to rebuild.
        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            curves.relabel();
            relabelPlay();
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

    public TableView<DifferenceQuotient.Row> table() {
        return table;
    }

    public TextField formulaField() {
        return curves.field();
    }

    public Label formulaError() {
        return curves.error();
    }

    /** The line under the read-outs that says when rounding has taken over. */
    public Label note() {
        return note;
    }

    public CheckBox zoomBox() {
        return zoomBox;
    }

    public boolean isShrinking() {
        return shrinking.getStatus() == Animation.Status.RUNNING;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        shrinking.stop();
        zoomBox.setSelected(false);
        fitView();
    }

    @Override
    public void dispose() {
        shrinking.stop();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node functionGroup() {
        VBox box = groups.group("function", "limit.function.title");
        box.getChildren().addAll(curves.nodes());
        return box;
    }

    /** Uses the typed formula; a typing error is explained and the curve stays as it was. */
    public void applyFormula() {
        curves.applyFormula();
    }

    private Node pointGroup() {
        VBox box = groups.group("point", "limit.point.title");
        SimpleDoubleProperty x = new SimpleDoubleProperty(model.x());
        model.changes().addListener(o -> x.set(model.x()));
        x.addListener((o, old, v) -> {
            if (v.doubleValue() != model.x()) {
                model.setParameter("x", v.doubleValue());
                followIfZoomed();
            }
        });
        SliderField field = new SliderField(i18n.bind("limit.point.label"), i18n.bind("limit.point.tooltip"), x,
                -LimitModel.X_LIMIT, LimitModel.X_LIMIT,
                v -> requireRange("x", v, -LimitModel.X_LIMIT, LimitModel.X_LIMIT),
                text -> NumberInput.parse(text, i18n));
        field.setId("limit-x");
        box.getChildren().add(field);
        return box;
    }

    private Node stepGroup() {
        VBox box = groups.group("step", "limit.step.title");
        SimpleDoubleProperty h = new SimpleDoubleProperty(model.h());
        model.changes().addListener(o -> h.set(model.h()));
        h.addListener((o, old, v) -> {
            if (v.doubleValue() != model.h()) {
                model.setParameter("h", v.doubleValue());
                followIfZoomed();
            }
        });
        SliderField field = SliderField.logarithmic(i18n.bind("limit.step.label"), i18n.bind("limit.step.tooltip"), h,
                LimitModel.H_MIN, LimitModel.H_MAX,
                v -> requireRange("h", v, LimitModel.H_MIN, LimitModel.H_MAX), text -> NumberInput.parse(text, i18n));
        field.setId("limit-h");
        Button smaller = new Button("h ÷ 10");
        smaller.setId("limit-smaller");
        smaller.setTooltip(Tips.of(i18n, "limit.step.smaller"));
        smaller.setOnAction(e -> {
            model.scaleH(0.1);
            followIfZoomed();
        });
        Button larger = new Button("h × 10");
        larger.setTooltip(Tips.of(i18n, "limit.step.larger"));
        larger.setOnAction(e -> {
            model.scaleH(10);
            followIfZoomed();
        });
        shrinkPlay.setId("limit-play");
        shrinkPlay.setTooltip(Tips.of(i18n, "limit.step.play.tooltip"));
        shrinkPlay.setOnAction(e -> toggleShrinking());
        relabelPlay();
        centralBox.textProperty().bind(i18n.bind("limit.step.central"));
        centralBox.setTooltip(Tips.of(i18n, "limit.step.central.tooltip"));
        centralBox.selectedProperty().addListener((o, was, is) -> {
            if (is != model.central()) {
                model.setParameter("central", is ? 1 : 0);
            }
        });
        model.changes().addListener(o -> centralBox.setSelected(model.central()));
        centralBox.setSelected(model.central());
        zoomBox.textProperty().bind(i18n.bind("limit.step.zoom"));
        zoomBox.setTooltip(Tips.of(i18n, "limit.step.zoom.tooltip"));
        zoomBox.setId("limit-zoom");
        zoomBox.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                followIfZoomed();
            } else {
                fitView();
            }
        });
        FlowRow buttons = new FlowRow(smaller, larger, shrinkPlay);
        box.getChildren().addAll(field, buttons, centralBox, zoomBox);
        return box;
    }

    /** A row of buttons that wraps on a narrow panel. */
    private static final class FlowRow extends javafx.scene.layout.FlowPane {
        FlowRow(Node... nodes) {
            super(6, 6, nodes);
        }
    }

    private void relabelPlay() {
        shrinkPlay.setText(i18n.get(isShrinking() ? "limit.step.pause" : "limit.step.play"));
    }

    private void toggleShrinking() {
        if (isShrinking()) {
            shrinking.stop();
        } else {
            if (model.h() <= LimitModel.H_MIN * 1.0001) {
                model.setParameter("h", 1);
            }
            shrinking.playFromStart();
        }
        relabelPlay();
    }

    private void shrinkOnce() {
        model.scaleH(0.1);
        followIfZoomed();
        if (model.h() <= LimitModel.H_MIN * 1.0001) {
            shrinking.stop();
        }
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "limit.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] keys = {"limit.readout.fx", "limit.readout.fxh", "limit.readout.rise", "limit.readout.secant",
                "limit.readout.tangent", "limit.readout.error"};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind(keys[i]));
            name.getStyleClass().add("readout-name");
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("limit-readout-" + i);
            readoutValues.add(value);
            grid.addRow(i, name, value);
        }
        note.setWrapText(true);
        note.setId("limit-note");
        note.getStyleClass().add("control-explain");
        box.getChildren().addAll(grid, note);
        return box;
    }

    private Node tableGroup() {
        VBox box = groups.group("table", "limit.table.title");
        Label explain = new Label();
        explain.textProperty().bind(i18n.bind("limit.table.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("control-explain");
        TableColumn<DifferenceQuotient.Row, String> hCol = new TableColumn<>("h");
        hCol.setCellValueFactory(r -> new SimpleStringProperty(Format.sci(r.getValue().h(), 1)));
        TableColumn<DifferenceQuotient.Row, String> qCol = new TableColumn<>();
        qCol.textProperty().bind(i18n.bind("limit.table.quotient"));
        qCol.setCellValueFactory(r -> new SimpleStringProperty(Format.num(r.getValue().quotient(), 10)));
        TableColumn<DifferenceQuotient.Row, String> eCol = new TableColumn<>();
        eCol.textProperty().bind(i18n.bind("limit.table.error"));
        eCol.setCellValueFactory(r -> new SimpleStringProperty(Format.sci(
                Math.abs(r.getValue().quotient() - model.function().slope(model.x())), 2)));
        for (TableColumn<DifferenceQuotient.Row, String> c : List.of(hCol, qCol, eCol)) {
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(300);
        table.setId("limit-table");
        table.setTooltip(Tips.of(i18n, "limit.table.tooltip"));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            // Picking a row sets that h, so the picture shows the secant the row is about.
            if (row != null && !choosing && row.h() != model.h()) {
                model.setParameter("h", row.h());
                followIfZoomed();
            }
        });
        box.getChildren().addAll(explain, table);
        return box;
    }

    private double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("limit.error.range", name, Format.sci(min, 1),
                    Format.num(max, 4)));
        }
        return v;
    }

    // ---- refresh and drawing --------------------------------------------------------------------------------------

    private void refresh() {
        Function1 f = model.function();
        if (f != fittedTo) {
            // A new curve (from the list, a typed formula, a lesson's --set or Reset): frame it afresh.
            fitView();
        }
        double x = model.x();
        double tangent = f.slope(x);
        double secant = model.secant();
        double[] values = {f.value(x), f.value(x + model.h()), model.quantity("rise"), secant, tangent,
                model.quantity("error")};
        for (int i = 0; i < values.length; i++) {
            String text = i == 5 ? Format.sci(values[i], 2) : Format.num(values[i], i == 3 || i == 4 ? 10 : 6);
            readoutValues.get(i).setText(text);
        }
        note.setText(noteText());
        choosing = true;
        List<DifferenceQuotient.Row> rows = model.table();
        table.getItems().setAll(rows);
        int nearest = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            double d = Math.abs(Math.log10(rows.get(i).h()) - Math.log10(model.h()));
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        if (best < 0.05) {
            table.getSelectionModel().select(nearest);
        } else {
            table.getSelectionModel().clearSelection();
        }
        choosing = false;
        if (model.formula() == null) {
            curves.show(model.preset());
        }
        plot.requestRedraw();
    }

    /** What the learner should notice at this h: nothing special, rounding taking over, or x + h == x. */
    private String noteText() {
        double x = model.x();
        double h = model.h();
        double tangent = model.function().slope(x);
        if (!Double.isFinite(tangent)) {
            return i18n.get("limit.note.noTangent");
        }
        if (x + h == x) {
            return i18n.get("limit.note.lost");
        }
        double rounding = DifferenceQuotient.roundingError(model.function()::value, x, h);
        if (rounding > 1e-7 * Math.max(1, Math.abs(tangent))) {
            return i18n.get("limit.note.rounding", Format.sci(rounding, 1));
        }
        return i18n.get("limit.note.truncation");
    }

    /** A few words on the plot for the states that go wrong; empty while all is well. */
    private String shortNote() {
        double x = model.x();
        double h = model.h();
        if (!Double.isFinite(model.function().slope(x))) {
            return i18n.get("limit.short.noTangent");
        }
        if (x + h == x) {
            return i18n.get("limit.short.lost");
        }
        double rounding = DifferenceQuotient.roundingError(model.function()::value, x, h);
        return rounding > 1e-7 * Math.max(1, Math.abs(model.function().slope(x)))
                ? i18n.get("limit.short.rounding") : "";
    }

    /** Fits the view to the curve over its own range. */
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
        double pad = (yMax - yMin) * 0.1;
        plot.viewport().setDefault(lo, hi, yMin - pad, yMax + pad);
        plot.viewport().reset();
        plot.requestRedraw();
    }

    /**
     * With "zoom with h" on, the window is a few h wide around P and as tall as the tangent needs: the curve looks
     * straighter and straighter, which is what having a derivative means.
     */
    private void followIfZoomed() {
        if (!zoomBox.isSelected()) {
            return;
        }
        double x = model.x();
        double fx = model.function().value(x);
        double half = Math.max(2.5 * model.h(), 4 * Math.ulp(Math.max(1, Math.abs(x))));
        double slope = model.function().slope(x);
        double rise = Double.isFinite(slope) ? Math.abs(slope) * half : half;
        double halfHeight = Math.max(rise * 1.6, half * 0.6);
        if (!Double.isFinite(fx)) {
            return;
        }
        plot.viewport().setDefault(x - half, x + half, fx - halfHeight, fx + halfHeight);
        plot.viewport().reset();
        plot.requestRedraw();
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        Function1 f = model.function();
        g.setStroke(p.grid().deriveColor(0, 1, 0.8, 1.6));
        g.setLineWidth(2.2);
        Curves.plot(g, vp, f::value);

        double x = model.x();
        double h = model.h();
        double left = model.central() ? x - h : x;
        double right = x + h;
        Vec2 a = new Vec2(left, f.value(left));
        Vec2 b = new Vec2(right, f.value(right));
        Vec2 pt = new Vec2(x, f.value(x));
        double secant = model.secant();
        double tangent = f.slope(x);

        if (Double.isFinite(tangent) && Double.isFinite(pt.y())) {
            g.setStroke(p.eigen());
            g.setLineWidth(1.8);
            g.setLineDashes(9, 6);
            PlaneDrawing.lineThrough(g, vp, pt, new Vec2(1, tangent));
            g.setLineDashes();
        }
        if (Double.isFinite(secant) && Double.isFinite(a.y())) {
            g.setStroke(p.probe());
            g.setLineWidth(2.4);
            PlaneDrawing.lineThrough(g, vp, a, new Vec2(1, secant));
        }
        if (Double.isFinite(a.y()) && Double.isFinite(b.y())) {
            // The run (along x) and the rise (along y) of the secant, as a right triangle.
            Color tri = p.jhat();
            g.setStroke(tri);
            g.setLineWidth(1.6);
            g.strokeLine(vp.toScreenX(a.x()), vp.toScreenY(a.y()), vp.toScreenX(b.x()), vp.toScreenY(a.y()));
            g.strokeLine(vp.toScreenX(b.x()), vp.toScreenY(a.y()), vp.toScreenX(b.x()), vp.toScreenY(b.y()));
            g.setFill(tri);
            g.setFont(Fonts.regular(13));
            double runPx = Math.abs(vp.toScreenX(b.x()) - vp.toScreenX(a.x()));
            if (runPx > 24) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.fillText(model.central() ? "2h" : "h", (vp.toScreenX(a.x()) + vp.toScreenX(b.x())) / 2,
                        vp.toScreenY(a.y()) + 4);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText("Δf", vp.toScreenX(b.x()) + 5, (vp.toScreenY(a.y()) + vp.toScreenY(b.y())) / 2);
            }
            g.setFill(p.probe());
            g.fillOval(vp.toScreenX(b.x()) - 5, vp.toScreenY(b.y()) - 5, 10, 10);
            if (model.central()) {
                g.fillOval(vp.toScreenX(a.x()) - 5, vp.toScreenY(a.y()) - 5, 10, 10);
            }
        }
        if (Double.isFinite(pt.y())) {
            g.setFill(p.ihat());
            g.fillOval(vp.toScreenX(x) - 6.5, vp.toScreenY(pt.y()) - 6.5, 13, 13);
            PlaneDrawing.handle(g, vp, pt, p.ihat());
        }
        drawCaption(g, vp, p, secant, tangent);
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, double secant, double tangent) {
        g.setFont(Fonts.regular(14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String line1 = i18n.get("limit.caption", Format.sci(model.h(), 3), Format.num(secant, 10),
                Format.num(tangent, 10));
        // The full explanation sits under the read-outs; the picture only names the state, in one short line.
        String line2 = shortNote();
        double width = Math.min(vp.width() - 12, 620);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.86));
        g.fillRect(6, 6, width, line2.isEmpty() ? 26 : 48);
        g.setFill(p.text());
        g.fillText(line1, 12, 10, width - 12);
        if (!line2.isEmpty()) {
            g.setFont(Fonts.bold(13.5));
            g.setFill(p.warning());
            g.fillText(line2, 12, 30, width - 12);
        }
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11.5));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(i18n.get(vp.width() >= 640 ? "limit.plot.hint" : "limit.plot.hintShort"), 12, vp.height() - 8,
                Math.max(50, vp.width() - 24));
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case DOWN, PAGE_DOWN -> {
                model.scaleH(0.1);
                followIfZoomed();
            }
            case UP, PAGE_UP -> {
                model.scaleH(10);
                followIfZoomed();
            }
            case LEFT -> {
                model.moveX(Math.round((model.x() - 0.1) * 10) / 10.0);
                followIfZoomed();
            }
            case RIGHT -> {
                model.moveX(Math.round((model.x() + 0.1) * 10) / 10.0);
                followIfZoomed();
            }
            case Z -> zoomBox.setSelected(!zoomBox.isSelected());
            case C -> model.setParameter("central", model.central() ? 0 : 1);
            case SPACE -> toggleShrinking();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Dragging P slides it along the curve (x follows the mouse; snapped to 0.05 unless Shift is held). */
    private final class DragPoint implements PlotCanvas.Interaction {

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            dragging = near(wx, wy);
            return dragging;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            if (dragging) {
                model.moveX(event.isShiftDown() ? wx : Math.round(wx * 20) / 20.0);
                followIfZoomed();
            }
        }

        @Override
        public void release() {
            dragging = false;
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return near(wx, wy) ? Cursor.H_RESIZE : Cursor.DEFAULT;
        }

        private boolean near(double wx, double wy) {
            Viewport vp = plot.viewport();
            double x = model.x();
            double fx = model.function().value(x);
            return Double.isFinite(fx) && Math.hypot(vp.toScreenX(x) - vp.toScreenX(wx),
                    vp.toScreenY(fx) - vp.toScreenY(wy)) <= PlaneDrawing.HANDLE_RADIUS_PX;
        }
    }
}
