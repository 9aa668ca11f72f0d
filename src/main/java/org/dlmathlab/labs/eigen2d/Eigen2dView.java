package org.dlmathlab.labs.eigen2d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
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
import org.dlmathlab.math.linalg.ComplexTurn;
import org.dlmathlab.math.linalg.Eigen2;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.PowerTrail;
import org.dlmathlab.math.linalg.SpanCheck;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.PlaneDrawing;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * The eigenvector lab's picture and controls: the plane under A with draggable i-hat and j-hat, a draggable vector v
 * with A v and v's span (lit up when A v stays on it), the eigenvector lines with their eigenvalues, an optional
 * sweep of A u for u around the unit circle, and the power-iteration trail v, A v, ..., A^k v. Draws the model and
 * the math classes' answers; computes none of its own.
 */
public final class Eigen2dView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("matrix", "presets", "vector", "display", "trail", "readouts");

    private static final double SNAP = 0.1;
    private static final int SWEEP_DIRECTIONS = 36;
    private static final int ELLIPSE_POINTS = 180;

    private final Eigen2dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final PlotCanvas plot = new PlotCanvas(4.2);
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Map<String, SliderField> fields = new LinkedHashMap<>();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Label stateLabel = new Label();
    private final Label turnLabel = new Label();
    private final Label trailCaption = new Label();private Slider kSlider;
    private boolean vectorVisible = true;
    private boolean trailVisible = true;
    private boolean eigenToggle = true;
    private boolean sweepToggle = true;
    private Grab grab = Grab.NONE;

    private enum Grab { NONE, IHAT, JHAT, VECTOR }

    public Eigen2dView(Eigen2dModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-eigen2d");
        plot.setPainter(this::paint);
        plot.setInteraction(new Dragging());
        plot.setId("eigen-plane");
        root.setCenter(plot);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(matrixGroup(), presetGroup(), vectorGroup(), displayGroup(), trailGroup(),
                readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 210);
        root.setRight(scroller);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> refresh());
        theme.modeProperty().addListener(o -> refresh());
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas plot() {
        return plot;
    }

    public SliderField field(String name) {
        return fields.get(name);
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    /** The line that says whether v is an eigenvector right now. */
    public Label stateLabel() {
        return stateLabel;
    }

    public Label trailCaption() {
        return trailCaption;
    }

    public Slider kSlider() {
        return kSlider;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        boolean all = controls.isEmpty();
        vectorVisible = all || controls.contains("vector");
        trailVisible = all || controls.contains("trail");
        eigenToggle = all || controls.contains("display");
        sweepToggle = eigenToggle;
        refresh();
    }

    @Override
    public void resetView() {
        plot.resetView();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node matrixGroup() {
        VBox box = groups.group("matrix", "eigen2d.matrix.title");
        box.getChildren().add(groups.explain("eigen2d.matrix.explain"));
        box.getChildren().addAll(entry("a", model.aProperty(), -3, 3, "eigen2d.entry.a"),
                entry("c", model.cProperty(), -3, 3, "eigen2d.entry.c"),
                entry("b", model.bProperty(), -3, 3, "eigen2d.entry.b"),
                entry("d", model.dProperty(), -3, 3, "eigen2d.entry.d"));
        return box;
    }

    private SliderField entry(String name, DoubleProperty property, double min, double max, String tipKey) {
        SliderField field = new SliderField(constant(name), i18n.bind(tipKey), property, min, max,
                v -> requireWithinLimit(name, v), numberParser);
        field.setId("eigen2d-" + name);
        fields.put(name, field);
        return field;
    }

    private double requireWithinLimit(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > Eigen2dModel.LIMIT) {
            throw new IllegalArgumentException(i18n.get("eigen2d.error.range", name,
                    Format.num(-Eigen2dModel.LIMIT), Format.num(Eigen2dModel.LIMIT)));
        }
        return v;
    }

    private Node presetGroup() {
        VBox box = groups.group("presets", "eigen2d.presets.title");
        FlowPane buttons = new FlowPane(6, 6);
        for (Preset preset : Preset.values()) {
            Button button = new Button();
            button.textProperty().bind(i18n.bind("eigen2d.preset." + preset.key()));
            button.setTooltip(Tips.of(i18n, "eigen2d.preset." + preset.key() + ".tooltip"));
            button.setId("eigen2d-preset-" + preset.key());
            button.setOnAction(e -> model.setMatrix(preset.matrix()));
            buttons.getChildren().add(button);
        }
        box.getChildren().add(buttons);
        return box;
    }

    private Node vectorGroup() {
        VBox box = groups.group("vector", "eigen2d.vector.title");
        box.getChildren().add(groups.explain("eigen2d.vector.explain"));
        SliderField x = new SliderField(constant("x"), i18n.bind("eigen2d.vector.x.tooltip"), model.vxProperty(),
                -4, 4, v -> requireWithinLimit("vx", v), numberParser);
        SliderField y = new SliderField(constant("y"), i18n.bind("eigen2d.vector.y.tooltip"), model.vyProperty(),
                -4, 4, v -> requireWithinLimit("vy", v), numberParser);
        x.setId("eigen2d-vx");
        y.setId("eigen2d-vy");
        fields.put("vx", x);
        fields.put("vy", y);
        stateLabel.setWrapText(true);
        stateLabel.setId("eigen2d-state");
        box.getChildren().addAll(x, y, stateLabel);
        return box;
    }

    private Node displayGroup() {
        VBox box = groups.group("display", "eigen2d.display.title");
        CheckBox eigen = checkBox("eigen2d.display.eigen", "eigen2d.display.eigen.tooltip", "eigen2d-show-eigen");
        eigen.selectedProperty().bindBidirectional(model.showEigenProperty());
        CheckBox sweep = checkBox("eigen2d.display.sweep", "eigen2d.display.sweep.tooltip", "eigen2d-sweep");
        sweep.selectedProperty().bindBidirectional(model.sweepProperty());
        box.getChildren().addAll(eigen, sweep);
        return box;
    }

    private Node trailGroup() {
        VBox box = groups.group("trail", "eigen2d.trail.title");
        box.getChildren().add(groups.explain("eigen2d.trail.explain"));
        Label kLabel = new Label();
        kLabel.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("eigen2d.trail.k", model.kProperty().get()), model.kProperty(), i18n.langProperty()));
        kSlider = new Slider(0, Eigen2dModel.MAX_K, model.kProperty().get());
        kSlider.setMajorTickUnit(10);
        kSlider.setMinorTickCount(9);
        kSlider.setSnapToTicks(true);
        kSlider.setShowTickMarks(true);
        kSlider.setShowTickLabels(true);
        kSlider.setBlockIncrement(1);
        kSlider.setId("eigen2d-k");
        kSlider.setTooltip(Tips.of(i18n, "eigen2d.trail.k.tooltip"));
        kSlider.valueProperty().addListener((o, old, value) -> model.setK((int) Math.round(value.doubleValue())));
        model.kProperty().addListener((o, old, value) -> {
            if (Math.round(kSlider.getValue()) != value.intValue()) {
                kSlider.setValue(value.intValue());
            }
        });
        Button step = button("eigen2d.trail.step", "eigen2d.trail.step.tooltip", "eigen2d-step");
        step.setOnAction(e -> model.step());
        Button clear = button("eigen2d.trail.clear", "eigen2d.trail.clear.tooltip", "eigen2d-clear");
        clear.setOnAction(e -> model.setK(0));
        HBox row = new HBox(6, step, clear);
        HBox.setHgrow(step, Priority.ALWAYS);
        HBox.setHgrow(clear, Priority.ALWAYS);
        step.setMaxWidth(Double.MAX_VALUE);
        clear.setMaxWidth(Double.MAX_VALUE);
        CheckBox normalise = checkBox("eigen2d.trail.normalise", "eigen2d.trail.normalise.tooltip",
                "eigen2d-normalise");
        normalise.selectedProperty().bindBidirectional(model.normaliseProperty());
        trailCaption.setWrapText(true);
        trailCaption.getStyleClass().add("control-explain");
        trailCaption.setId("eigen2d-trail-caption");
        box.getChildren().addAll(kLabel, kSlider, row, normalise, trailCaption);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "eigen2d.readouts.title");
        GridPane grid = new GridPane();
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("readouts");
        String[] names = {"poly", "eigenvalues", "eigenvectors", "v", "av", "angle", "trail"};
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.textProperty().bind(i18n.bind("eigen2d.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("eigen2d-readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, name, value);
        }
        turnLabel.setWrapText(true);
        turnLabel.getStyleClass().add("control-explain");
        turnLabel.setId("eigen2d-turn");
        box.getChildren().addAll(grid, turnLabel);
        return box;
    }

    private void showReadoutRow(String name, boolean visible) {
        Label value = readouts.get(name);
        for (Node n : ((GridPane) value.getParent()).getChildren()) {
            if (GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(value))) {
                n.setVisible(visible);
                n.setManaged(visible);
            }
        }
    }

    private CheckBox checkBox(String textKey, String tipKey, String id) {
        CheckBox box = new CheckBox();
        box.textProperty().bind(i18n.bind(textKey));
        box.setTooltip(Tips.of(i18n, tipKey));
        box.setWrapText(true);
        box.setId(id);
        return box;
    }

    private Button button(String textKey, String tipKey, String id) {
        Button button = new Button();
        button.textProperty().bind(i18n.bind(textKey));
        button.setTooltip(Tips.of(i18n, tipKey));
        button.setId(id);
        return button;
    }


    private static StringExpression constant(String text) {
        return Bindings.createStringBinding(() -> text);
    }

    // ---- state -> read-outs ---------------------------------------------------------------------------------------

    private void refresh() {
        Matrix2 m = model.matrix();
        Eigen2 eigen = m.eigen();
        SpanCheck span = model.span();
        PowerTrail trail = model.trail();
        readouts.get("poly").setText(polynomial(m));
        readouts.get("eigenvalues").setText(describeEigenvalues(eigen));
        readouts.get("eigenvectors").setText(describeEigenvectors(eigen));
        readouts.get("v").setText(Format.pair(span.v().x(), span.v().y()));
        readouts.get("av").setText(Format.pair(span.image().x(), span.image().y()));
        readouts.get("angle").setText(Double.isNaN(span.angleDeg()) ? "—" : Format.num(span.angleDeg(), 1) + "°");
        readouts.get("trail").setText(Format.pair(trail.last().x(), trail.last().y()));
        showReadoutRow("v", vectorVisible);
        showReadoutRow("av", vectorVisible);
        showReadoutRow("angle", vectorVisible);
        showReadoutRow("trail", trailVisible);
        turnLabel.setText(ComplexTurn.of(m).map(this::describeTurn).orElse(""));
        turnLabel.setVisible(!turnLabel.getText().isEmpty());
        turnLabel.setManaged(turnLabel.isVisible());
        stateLabel.setText(describeState(span));
        stateLabel.setStyle(span.onSpan() ? "-fx-text-fill: -dl-good; -fx-font-weight: bold;" : "");
        stateLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("eigen"), span.onSpan());
        trailCaption.setText(describeTrail(trail, m));
        plot.requestRedraw();
    }

    /** "λ² − 4λ + 3 = 0" with the numbers of A: lambda^2 - tr(A) lambda + det(A) = 0. */
    static String polynomial(Matrix2 m) {
        StringBuilder sb = new StringBuilder("λ²");
        String linear = Format.num(Math.abs(m.trace()));
        if (!linear.equals("0")) {
            sb.append(-m.trace() < 0 ? " − " : " + ").append(linear.equals("1") ? "" : linear).append("λ");
        }
        String constant = Format.num(Math.abs(m.det()));
        if (!constant.equals("0")) {
            sb.append(m.det() < 0 ? " − " : " + ").append(constant);
        }
        return sb.append(" = 0").toString();
    }

    private String describeEigenvalues(Eigen2 e) {
        if (!e.real()) {
            return i18n.get("eigen2d.eigen.complex", Format.num(e.lambda1()), Format.num(e.imaginary()));
        }
        if (e.lambda1() == e.lambda2()) {
            return i18n.get(e.everyDirection() ? "eigen2d.eigen.scalar" : "eigen2d.eigen.repeated",
                    Format.num(e.lambda1()));
        }
        return i18n.get("eigen2d.eigen.real", Format.num(e.lambda1()), Format.num(e.lambda2()));
    }

    /** The eigenvalues in symbols only, short enough for the plane: "λ₁ = 3, λ₂ = 1", "λ = 1 (×2)", "λ = 1 ± 2i". */
    static String compactEigenvalues(Eigen2 e) {
        if (!e.real()) {
            String im = Format.num(e.imaginary());
            return "λ = " + Format.num(e.lambda1()) + " ± " + (im.equals("1") ? "" : im) + "i";
        }
        if (e.lambda1() == e.lambda2()) {
            return "λ = " + Format.num(e.lambda1()) + " (×2)";
        }
        return "λ₁ = " + Format.num(e.lambda1()) + ", λ₂ = " + Format.num(e.lambda2());
    }

    private String describeEigenvectors(Eigen2 e) {
        if (!e.real()) {
            return i18n.get("eigen2d.vectors.none");
        }
        if (e.everyDirection()) {
            return i18n.get("eigen2d.vectors.every");
        }
        List<Vec2> vs = e.vectors();
        if (vs.size() == 1) {
            return i18n.get("eigen2d.vectors.one", Format.pair(vs.get(0).x(), vs.get(0).y()));
        }
        return i18n.get("eigen2d.vectors.two", Format.pair(vs.get(0).x(), vs.get(0).y()),
                Format.pair(vs.get(1).x(), vs.get(1).y()));
    }

    private String describeTurn(ComplexTurn t) {
        return i18n.get("eigen2d.eigen.turn", i18n.get(t.counterClockwise() ? "eigen2d.eigen.ccw" : "eigen2d.eigen.cw"),
                Format.num(t.angleDeg(), 1), Format.num(t.scale()), Format.num(t.imaginary()), Format.num(t.real()));
    }

    private String describeState(SpanCheck s) {
        if (s.v().length() == 0) {
            return i18n.get("eigen2d.state.zero");
        }
        if (s.onSpan()) {
            return Double.isNaN(s.angleDeg()) ? i18n.get("eigen2d.state.null")
                    : i18n.get("eigen2d.state.eigen", Format.num(s.stretch(), 2));
        }
        return i18n.get("eigen2d.state.off", Format.num(Math.min(s.angleDeg(), 180 - s.angleDeg()), 1));
    }

    private String describeTrail(PowerTrail t, Matrix2 m) {
        if (t.steps() == 0) {
            return i18n.get("eigen2d.trail.caption.start");
        }
        String angle = Format.num(t.lastAngle(), 2);
        String caption = switch (t.behaviour()) {
            case DOMINANT -> t.ratio() == 0
                    ? i18n.get("eigen2d.trail.caption.oneStep", Format.num(t.dominantLambda()))
                    : i18n.get("eigen2d.trail.caption.dominant", Format.num(t.dominantLambda()),
                            Format.num(t.ratio()), angle);
            case STUCK_ON_OTHER -> i18n.get("eigen2d.trail.caption.stuck", Format.num(otherLambda(m, t)));
            case DEFECTIVE -> i18n.get("eigen2d.trail.caption.defective", Format.num(t.dominantLambda()), angle);
            case EVERY_DIRECTION -> i18n.get("eigen2d.trail.caption.every", Format.num(m.eigen().lambda1()));
            case TIE -> i18n.get("eigen2d.trail.caption.tie", Format.num(Math.abs(m.eigen().lambda1())));
            case COMPLEX -> i18n.get("eigen2d.trail.caption.complex",
                    Format.num(ComplexTurn.of(m).map(ComplexTurn::angleDeg).orElse(Double.NaN), 1));
            case ZERO -> i18n.get(model.vector().length() == 0 ? "eigen2d.trail.caption.zeroStart"
                    : "eigen2d.trail.caption.zero");
        };
        // The raw trail soon leaves the view: say how long the last point is.
        if (!model.normaliseProperty().get() && t.behaviour() != PowerTrail.Behaviour.ZERO) {
            caption += " " + i18n.get("eigen2d.trail.caption.length", Format.num(t.last().length()));
        }
        return caption;
    }

    private static double otherLambda(Matrix2 m, PowerTrail t) {
        Eigen2 e = m.eigen();
        return e.lambda1() == t.dominantLambda() ? e.lambda2() : e.lambda1();
    }

    // ---- picture --------------------------------------------------------------------------------------------------

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        Matrix2 m = model.matrix();
        Eigen2 eigen = m.eigen();
        PlaneDrawing.background(g, vp, p);
        PlaneDrawing.transformedGrid(g, vp, p, m);
        if (model.sweepProperty().get()) {
            drawSweep(g, vp, p, m);
        }
        PowerTrail trail = trailVisible ? model.trail() : null;
        if (model.showEigenProperty().get()) {
            drawEigenLines(g, vp, p, eigen, trail);
        }
        SpanCheck span = model.span();
        if (vectorVisible) {
            drawSpan(g, vp, p, span);
        }
        if (trail != null && trail.steps() > 0) {
            drawTrail(g, vp, p, trail);
        }
        PlaneDrawing.basis(g, vp, p, m, true);
        if (vectorVisible) {
            drawVector(g, vp, p, span);
        }
        drawCaption(g, vp, p, m, span, trail);
    }

    private void drawSweep(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        // The unit circle (dashed) and its image, the ellipse A maps it onto.
        g.setLineWidth(1.2);
        g.setStroke(p.axis().deriveColor(0, 1, 1, 0.45));
        g.setLineDashes(4, 4);
        polyline(g, vp, SpanCheck.sweep(Matrix2.IDENTITY, ELLIPSE_POINTS).stream().map(SpanCheck::v).toList(), true);
        g.setLineDashes();
        List<SpanCheck> ring = SpanCheck.sweep(m, ELLIPSE_POINTS);
        g.setStroke(p.image().deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.8);
        polyline(g, vp, ring.stream().map(SpanCheck::image).toList(), true);
        // Whiskers from u to A u: radial ones (u and A u on one line) glow in the eigen colour.
        for (SpanCheck s : SpanCheck.sweep(m, SWEEP_DIRECTIONS)) {
            double off = Double.isNaN(s.angleDeg()) ? 0 : Math.min(s.angleDeg(), 180 - s.angleDeg());
            double glow = Math.max(0, 1 - off / 12);
            Color colour = glow > 0 ? p.eigen().deriveColor(0, 1, 1, 0.35 + 0.6 * glow)
                    : p.image().deriveColor(0, 1, 1, 0.35);
            g.setStroke(colour);
            g.setLineWidth(glow > 0 ? 2.2 : 1);
            PlaneDrawing.line(g, vp, s.v(), s.image());
            g.setFill(colour);
            double x = vp.toScreenX(s.image().x());
            double y = vp.toScreenY(s.image().y());
            g.fillOval(x - 2.5, y - 2.5, 5, 5);
        }
    }

    private void drawEigenLines(GraphicsContext g, Viewport vp, Theme.Palette p, Eigen2 e, PowerTrail trail) {
        if (!e.real() || e.everyDirection()) {
            return;
        }
        List<Vec2> vectors = e.vectors();
        Vec2 dominant = trail != null && trail.steps() > 0 ? trail.dominant().orElse(null) : null;
        g.setLineDashes(8, 6);
        for (Vec2 dir : vectors) {
            g.setStroke(p.eigen());
            g.setLineWidth(dir.equals(dominant) ? 3 : 1.8);
            PlaneDrawing.lineThroughOrigin(g, vp, dir);
        }
        g.setLineDashes();
        g.setFont(Fonts.bold(13));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < vectors.size(); i++) {
            Vec2 dir = vectors.get(i);
            double lambda = i == 0 ? e.lambda1() : e.lambda2();
            String label = "λ" + (vectors.size() > 1 ? (i == 0 ? "₁" : "₂") : "") + " = " + Format.num(lambda);
            // The second line is labelled on its other half, so two labels never meet near the origin.
            Vec2 along = i == 1 ? dir.times(-1) : dir;
            // Near where the line leaves the view, away from the arrows that crowd the origin.
            double ox = vp.toScreenX(0);
            double oy = vp.toScreenY(0);
            double dx = along.x();
            double dy = -along.y();
            double tx = dx > 1e-9 ? (vp.width() - 90 - ox) / dx : dx < -1e-9 ? (20 - ox) / dx : Double.MAX_VALUE;
            double ty = dy > 1e-9 ? (vp.height() - 70 - oy) / dy : dy < -1e-9 ? (90 - oy) / dy
                    : Double.MAX_VALUE;
            double t = Math.max(40, Math.min(tx, ty));
            // Above the line, so the tag does not hide a handle that sits on it.
            tag(g, p, label, ox + dx * t + 8, oy + dy * t - 12, p.eigen());
        }
    }

    private void drawSpan(GraphicsContext g, Viewport vp, Theme.Palette p, SpanCheck s) {
        if (s.v().length() == 0) {
            return;
        }
        if (s.onSpan()) {
            g.setStroke(p.eigen().deriveColor(0, 1, 1, 0.35));
            g.setLineWidth(9);
        } else {
            g.setStroke(p.probe().deriveColor(0, 1, 1, 0.35));
            g.setLineWidth(1.4);
        }
        PlaneDrawing.lineThroughOrigin(g, vp, s.v());
    }

    private void drawVector(GraphicsContext g, Viewport vp, Theme.Palette p, SpanCheck s) {
        Color colour = s.onSpan() ? p.eigen() : p.probe();
        g.setLineDashes(5, 5);
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, s.v(), colour.deriveColor(0, 1, 1, 0.7), 2, null);
        g.setLineDashes();
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, s.image(), colour, 3.2, "Av");
        g.setFill(colour);
        g.setFont(Fonts.bold(14));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        // Below-left of the tip, so it stays clear of the "Av" label when v and Av coincide.
        g.fillText("v", vp.toScreenX(s.v().x()) - 18, vp.toScreenY(s.v().y()) + 4);
        PlaneDrawing.handle(g, vp, s.v(), colour);
    }

    private void drawTrail(GraphicsContext g, Viewport vp, Theme.Palette p, PowerTrail t) {
        List<Vec2> pts = t.points();
        Color colour = p.image();
        if (model.normaliseProperty().get()) {
            g.setStroke(colour.deriveColor(0, 1, 1, 0.25));
            g.setLineWidth(1);
            double r = vp.scale();
            g.strokeOval(vp.toScreenX(0) - r, vp.toScreenY(0) - r, 2 * r, 2 * r);
        }
        g.setStroke(colour.deriveColor(0, 1, 1, 0.75));
        g.setLineWidth(1.6);
        for (int j = 1; j < pts.size(); j++) {
            segment(g, vp, pts.get(j - 1), pts.get(j));
        }
        for (int j = 0; j < pts.size(); j++) {
            double x = vp.toScreenX(pts.get(j).x());
            double y = vp.toScreenY(pts.get(j).y());
            if (!onScreen(vp, x, y)) {
                continue;
            }
            // Later points are drawn stronger, so the direction of travel reads at a glance.
            double weight = pts.size() == 1 ? 1 : (double) j / (pts.size() - 1);
            g.setFill(colour.deriveColor(0, 1, 1, 0.35 + 0.65 * weight));
            double r = j == pts.size() - 1 ? 5.5 : 3.5;
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        Vec2 last = t.last();
        double x = vp.toScreenX(last.x());
        double y = vp.toScreenY(last.y());
        if (onScreen(vp, x, y)) {
            String label = (model.normaliseProperty().get() ? "Aᵏv/|Aᵏv|" : "Aᵏv") + ", k = " + t.steps();
            tag(g, p, label, x + 8, y + 22, colour);
        }
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m, SpanCheck s,
                             PowerTrail trail) {
        Font big = Fonts.bold(14);
        double y = 10;
        List<String> lines = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        // Short forms only: the plane may be narrow, and the full sentences sit in the read-outs beside it.
        lines.add(polynomial(m) + "   ·   " + compactEigenvalues(m.eigen()) + ComplexTurn.of(m)
                .map(t -> "   ·   " + i18n.get("eigen2d.plane.turn", t.counterClockwise() ? "↺" : "↻",
                        Format.num(t.angleDeg(), 1), Format.num(t.scale())))
                .orElse(""));
        colours.add(p.text());
        if (vectorVisible) {
            lines.add(stateLabel.getText());
            colours.add(s.onSpan() ? p.eigen() : p.text());
        }
        if (trail != null && trail.steps() > 0) {
            lines.add(trailCaption.getText());
            colours.add(p.image());
        }
        double maxWidth = Math.max(60, vp.width() - 24);
        for (int i = 0; i < lines.size(); i++) {
            g.setFont(i == 1 && vectorVisible ? big : Fonts.regular(13));
            for (String line : wrap(lines.get(i), g.getFont(), maxWidth - 14)) {
                double w = Math.min(TextMetrics.width(line, g.getFont()) + 14, maxWidth);
                panel(g, p, 8, y, w, 21);
                g.setFill(colours.get(i));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(line, 15, y + 10.5, w - 14);
                y += 23;
            }
        }
        String hint = i18n.get(vp.width() >= 760 ? "eigen2d.plane.hint" : "eigen2d.plane.hintShort");
        Font font = Fonts.regular(11.5);
        double w = Math.min(TextMetrics.width(hint, font) + 14, vp.width() - 16);
        panel(g, p, 8, vp.height() - 28, w, 20);
        g.setFont(font);
        g.setFill(p.text().deriveColor(0, 1, 1, 0.8));
        g.setTextBaseline(VPos.CENTER);
        g.fillText(hint, 15, vp.height() - 18, w - 14);
    }

    /** Breaks a caption into lines that fit: at spaces for English, anywhere for Chinese. */
    private List<String> wrap(String text, Font font, double maxWidth) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && TextMetrics.width(rest, font) > maxWidth) {
            int cut = rest.length() - 1;
            while (cut > 1 && TextMetrics.width(rest.substring(0, cut), font) > maxWidth) {
                cut--;
            }
            // Chinese punctuation never starts a line: keep it with the character before it.
            while (cut > 1 && "。，、：；）」』！？".indexOf(rest.charAt(cut)) >= 0) {
                cut--;
            }
            int space = rest.lastIndexOf(' ', cut);
            boolean cjk = Character.UnicodeScript.of(rest.codePointAt(cut - 1)) == Character.UnicodeScript.HAN
                    || Character.UnicodeScript.of(rest.codePointAt(cut)) == Character.UnicodeScript.HAN;
            int at = !cjk && space > cut / 2 ? space : cut;
            out.add(rest.substring(0, at).stripTrailing());
            rest = rest.substring(at).stripLeading();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private void tag(GraphicsContext g, Theme.Palette p, String text, double x, double y, Color colour) {
        Font font = Fonts.bold(13);
        double w = TextMetrics.width(text, font) + 8;
        // Keep the tag inside the canvas.
        double left = Math.max(4, Math.min(x, plot.viewport().width() - w - 4));
        double top = Math.max(4, Math.min(y - 18, plot.viewport().height() - 40));
        panel(g, p, left, top, w, 19);
        g.setFont(font);
        g.setFill(colour);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, left + 4, top + 9.5);
    }

    private void panel(GraphicsContext g, Theme.Palette p, double x, double y, double w, double h) {
        g.setFill(p.background().deriveColor(0, 1, 1, 0.86));
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 8, 8);
    }


    private static void polyline(GraphicsContext g, Viewport vp, List<Vec2> pts, boolean closed) {
        int n = pts.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = vp.toScreenX(pts.get(i).x());
            ys[i] = vp.toScreenY(pts.get(i).y());
        }
        if (closed) {
            g.strokePolygon(xs, ys, n);
        } else {
            g.strokePolyline(xs, ys, n);
        }
    }

    private static boolean onScreen(Viewport vp, double x, double y) {
        return x >= -20 && y >= -20 && x <= vp.width() + 20 && y <= vp.height() + 20;
    }

    /**
     * Draws the part of a segment that lies near the view: a raw trail grows like |lambda|^k and its far points
     * would overflow the canvas's coordinates. Clipped in screen space (Liang-Barsky) to a margin around the canvas.
     */
    private static void segment(GraphicsContext g, Viewport vp, Vec2 from, Vec2 to) {
        double x0 = vp.toScreenX(from.x());
        double y0 = vp.toScreenY(from.y());
        double dx = vp.toScreenX(to.x()) - x0;
        double dy = vp.toScreenY(to.y()) - y0;
        double margin = 50;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 + margin, vp.width() + margin - x0, y0 + margin, vp.height() + margin - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        if (t0 <= t1 && Double.isFinite(t0) && Double.isFinite(t1)) {
            g.strokeLine(x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy);
        }
    }

    // ---- keys and drags -------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = e.isShiftDown() ? 1 : SNAP;
        double x = model.vxProperty().get();
        double y = model.vyProperty().get();
        switch (e.getCode()) {
            case LEFT -> moveVector(x - step, y);
            case RIGHT -> moveVector(x + step, y);
            case UP -> moveVector(x, y + step);
            case DOWN -> moveVector(x, y - step);
            case S, SPACE -> {
                if (trailVisible) {
                    model.step();
                }
            }
            case C, BACK_SPACE -> {
                if (trailVisible) {
                    model.setK(0);
                }
            }
            case N -> {
                if (trailVisible) {
                    model.normaliseProperty().set(!model.normaliseProperty().get());
                }
            }
            case E -> {
                if (eigenToggle) {
                    model.showEigenProperty().set(!model.showEigenProperty().get());
                }
            }
            case W -> {
                if (sweepToggle) {
                    model.sweepProperty().set(!model.sweepProperty().get());
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void moveVector(double x, double y) {
        if (vectorVisible) {
            // Round away the drift of repeated 0.1 steps, so keys land on the same grid as drags.
            model.setVector(Math.round(x / SNAP) * SNAP, Math.round(y / SNAP) * SNAP);
        }
    }

    private static double snapValue(double v, MouseEvent e) {
        return e.isShiftDown() ? v : Math.round(v / SNAP) * SNAP;
    }

    /** Drags of the three handles; everything else pans the plane. */
    private final class Dragging implements PlotCanvas.Interaction {

        @Override
        public boolean press(double x, double y, MouseEvent event) {
            grab = hit(x, y);
            return grab != Grab.NONE;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            double sx = snapValue(x, event);
            double sy = snapValue(y, event);
            switch (grab) {
                case IHAT -> model.setIhat(sx, sy);
                case JHAT -> model.setJhat(sx, sy);
                case VECTOR -> model.setVector(sx, sy);
                default -> { }
            }
        }

        @Override
        public void release() {
            grab = Grab.NONE;
        }

        @Override
        public Cursor hover(double x, double y) {
            return hit(x, y) == Grab.NONE ? Cursor.DEFAULT : Cursor.HAND;
        }

        private Grab hit(double x, double y) {
            Matrix2 m = model.matrix();
            Viewport vp = plot.viewport();
            // v first: it is what the lesson asks the learner to move, and it may sit on top of a basis arrow.
            if (vectorVisible && PlaneDrawing.near(vp, model.vector(), x, y)) {
                return Grab.VECTOR;
            }
            if (PlaneDrawing.near(vp, m.column1(), x, y)) {
                return Grab.IHAT;
            }
            if (PlaneDrawing.near(vp, m.column2(), x, y)) {
                return Grab.JHAT;
            }
            return Grab.NONE;
        }
    }
}
