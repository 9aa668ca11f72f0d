package org.dlmathlab.labs.neuron;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
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
 * One neuron, three pictures: the diagram (inputs, weight-labelled edges whose width is |w| and colour its sign, the
 * sum node with z written term by term, the activation node and the output a), the activation curve with the point
 * (z, a) marked (drag it to move the bias), and for two or three inputs the (x1, x2) plane tinted by a with the line
 * z = 0 (drag the input point). Controls: inputs, weights and bias, the activation, the read-outs.
 */
public final class NeuronView implements LabView {

    public static final List<String> CONTROLS = List.of("inputs", "weights", "activation", "decision", "readouts");
    /** Below this width the curve and the plane are stacked rather than side by side. */
    private static final double SIDE_BY_SIDE_MIN = 620;
    private static final String[] SUB = {"₀", "₁", "₂", "₃"};

    private final NeuronModel model;
    private final I18n i18n;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final PlotCanvas diagram = new PlotCanvas(new Viewport(0, 1, 0, 1, false));
    private final PlotCanvas curve = new PlotCanvas(new Viewport(-6, 6, -0.3, 1.3, false));
    private final PlotCanvas plane = new PlotCanvas(new Viewport(5.5));
    private final VBox planeBox = new VBox(plane);
    private final ComboBox<String> activationBox = new ComboBox<>();
    private final ToggleGroup countGroup = new ToggleGroup();
    private final List<ToggleButton> countButtons = new ArrayList<>();
    private final List<SliderField> inputFields = new ArrayList<>();
    private final List<SliderField> weightFields = new ArrayList<>();
    private final SliderField alphaField;
    private final Label formulaLabel = new Label();
    private final Label zValue = new Label();
    private final Label aValue = new Label();
    private final Label slopeValue = new Label();
    private final Label note = new Label();private boolean choosing;
    private boolean draggingMarker;
    private boolean draggingInput;
    /** Where the (z, a) marker was last drawn, in curve-canvas pixels (tests compare it with z). */
    private double markerX = Double.NaN;
    private double markerY = Double.NaN;
    private Activation fittedFor;
    private double fittedReach;
    private WritableImage tint;
    private String tintKey = "";
    private long tintBuilds;
    private double tintLow;
    private double tintHigh;

    public NeuronView(NeuronModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-neuron");

        diagram.setId("neuron-diagram");
        diagram.setPainter(this::paintDiagram);
        diagram.setInteraction(new Still());
        curve.setId("neuron-curve");
        curve.setPainter(this::paintCurve);
        curve.setInteraction(new MarkerDrag());
        plane.setId("neuron-plane");
        plane.setPainter(this::paintPlane);
        plane.setInteraction(new InputDrag());
        planeBox.setId("neuron-decision");
        javafx.scene.layout.VBox.setVgrow(plane, javafx.scene.layout.Priority.ALWAYS);
        groups.register("decision", planeBox);
        for (PlotCanvas c : List.of(diagram, curve, plane)) {
            c.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
            c.setMinSize(60, 60);
        }
        root.setCenter(new Pictures());

        alphaField = slider("alpha", "neuron.alpha.label", "neuron.alpha.tooltip", 0, NeuronModel.ALPHA_MAX,
                model::alpha);
        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(inputGroup(), weightGroup(), activationGroup(), readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 280, 230);
        root.setRight(scroller);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            relabelActivations();
            refresh();
        });
        theme.modeProperty().addListener(o -> refresh());
        relabelActivations();
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas diagram() {
        return diagram;
    }

    public PlotCanvas curve() {
        return curve;
    }

    public PlotCanvas plane() {
        return plane;
    }

    /** The (z, a) marker's centre in curve-canvas pixels, as last drawn. */
    public double[] markerPosition() {
        return new double[]{markerX, markerY};
    }

    /** The line under the read-outs that names the neuron's state (saturated, switched off...). */
    public Label note() {
        return note;
    }

    public ComboBox<String> activationBox() {
        return activationBox;
    }

    /** How many times the plane's tint was computed: never while only x1 and x2 move. */
    public long tintBuilds() {
        return tintBuilds;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        ((Region) root.getCenter()).requestLayout();
    }

    @Override
    public void resetView() {
        fittedFor = null;
        plane.viewport().reset();
        refresh();
    }

    // ---- layout -----------------------------------------------------------------------------------------------

    /** The diagram on top; below it the curve and the plane, side by side when there is room, else stacked. */
    private final class Pictures extends Region {
        Pictures() {
            getChildren().addAll(diagram, curve, planeBox);
            planeBox.visibleProperty().addListener(o -> requestLayout());
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            boolean planeShown = planeBox.isVisible();
            planeBox.setManaged(planeBox.isVisible());
            if (!planeShown) {
                double top = Math.round(h * 0.5);
                diagram.resizeRelocate(0, 0, w, top);
                curve.resizeRelocate(0, top, w, h - top);
                planeBox.resizeRelocate(0, h, w, 0);
                planeBox.setOpacity(planeBox.isVisible() ? 1 : 0);
                return;
            }
            planeBox.setOpacity(1);
            if (w >= SIDE_BY_SIDE_MIN) {
                double top = Math.round(h * 0.46);
                double half = Math.round(w / 2);
                diagram.resizeRelocate(0, 0, w, top);
                curve.resizeRelocate(0, top, half, h - top);
                planeBox.resizeRelocate(half, top, w - half, h - top);
            } else {
                double top = Math.round(h * 0.4);
                double mid = Math.round(h * 0.7);
                diagram.resizeRelocate(0, 0, w, top);
                curve.resizeRelocate(0, top, w, mid - top);
                planeBox.resizeRelocate(0, mid, w, h - mid);
            }
        }

        @Override
        protected double computePrefWidth(double height) {
            return 640;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 640;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 200;
        }

        @Override
        protected double computeMinHeight(double width) {
            return 300;
        }
    }

    // ---- controls ---------------------------------------------------------------------------------------------

    /** A slider with a typed field for one model parameter, kept in step both ways. */
    private SliderField slider(String param, String labelKey, String tipKey, double min, double max,
                               java.util.function.DoubleSupplier current) {
        SimpleDoubleProperty value = new SimpleDoubleProperty(current.getAsDouble());
        model.changes().addListener(o -> value.set(current.getAsDouble()));
        value.addListener((o, old, v) -> {
            if (v.doubleValue() != current.getAsDouble()) {
                model.setParameter(param, v.doubleValue());
            }
        });
        SliderField field = new SliderField(i18n.bind(labelKey), i18n.bind(tipKey), value, min, max,
                v -> requireRange(param, v, min, max), text -> NumberInput.parse(text, i18n));
        field.setId("neuron-" + param);
        return field;
    }

    private double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("neuron.error.range", name, Format.num(min), Format.num(max)));
        }
        return v;
    }

    private Node inputGroup() {
        VBox box = groups.group("inputs", "neuron.inputs.title");
        Label count = new Label();
        count.textProperty().bind(i18n.bind("neuron.inputs.count"));
        HBox buttons = new HBox(4, count);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (int n = 1; n <= NeuronModel.MAX_INPUTS; n++) {
            ToggleButton b = new ToggleButton(Integer.toString(n));
            b.setToggleGroup(countGroup);
            b.setId("neuron-n" + n);
            b.setTooltip(Tips.of(i18n, "neuron.inputs.count.tooltip"));
            b.getStyleClass().add("small-button");
            int chosen = n;
            b.setOnAction(e -> {
                if (model.inputCount() != chosen) {
                    model.setParameter("n", chosen);
                }
                b.setSelected(true);
            });
            countButtons.add(b);
            buttons.getChildren().add(b);
        }
        box.getChildren().add(buttons);
        for (int i = 0; i < NeuronModel.MAX_INPUTS; i++) {
            int index = i;
            SliderField f = slider("x" + (i + 1), "neuron.input.label" + (i + 1), "neuron.input.tooltip",
                    -NeuronModel.LIMIT, NeuronModel.LIMIT, () -> model.input(index));
            inputFields.add(f);
            box.getChildren().add(f);
        }
        return box;
    }

    private Node weightGroup() {
        VBox box = groups.group("weights", "neuron.weights.title");
        SliderField bias = slider("w0", "neuron.bias.label", "neuron.bias.tooltip", -NeuronModel.LIMIT,
                NeuronModel.LIMIT, model::bias);
        box.getChildren().add(bias);
        for (int i = 0; i < NeuronModel.MAX_INPUTS; i++) {
            int index = i;
            SliderField f = slider("w" + (i + 1), "neuron.weight.label" + (i + 1), "neuron.weight.tooltip",
                    -NeuronModel.LIMIT, NeuronModel.LIMIT, () -> model.weight(index));
            weightFields.add(f);
            box.getChildren().add(f);
        }
        Label explain = new Label();
        explain.textProperty().bind(i18n.bind("neuron.weights.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("control-explain");
        box.getChildren().add(explain);
        return box;
    }

    private Node activationGroup() {
        VBox box = groups.group("activation", "neuron.activation.title");
        activationBox.setMaxWidth(Double.MAX_VALUE);
        activationBox.setId("neuron-activation");
        activationBox.setTooltip(Tips.of(i18n, "neuron.activation.tooltip"));
        activationBox.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (!choosing && index != null && index.intValue() >= 0
                    && index.intValue() != model.activation().ordinal()) {
                model.setParameter("activation", index.intValue());
            }
        });
        formulaLabel.setWrapText(true);
        formulaLabel.setId("neuron-formula");
        formulaLabel.getStyleClass().add("control-explain");
        box.getChildren().addAll(activationBox, formulaLabel, alphaField);
        return box;
    }

    private void relabelActivations() {
        choosing = true;
        List<String> names = new ArrayList<>();
        for (Activation a : Activation.values()) {
            names.add(i18n.get("neuron.act." + a.name()));
        }
        activationBox.setItems(FXCollections.observableArrayList(names));
        activationBox.getSelectionModel().select(model.activation().ordinal());
        choosing = false;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "neuron.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] keys = {"neuron.readout.z", "neuron.readout.a", "neuron.readout.slope"};
        Label[] values = {zValue, aValue, slopeValue};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind(keys[i]));
            name.getStyleClass().add("readout-name");
            values[i].getStyleClass().add("readout-value");
            values[i].setId("neuron-readout-" + i);
            grid.addRow(i, name, values[i]);
        }
        note.setWrapText(true);
        note.setId("neuron-note");
        note.getStyleClass().add("control-explain");
        box.getChildren().addAll(grid, note);
        return box;
    }

    // ---- refresh ----------------------------------------------------------------------------------------------

    private void refresh() {
        int n = model.inputCount();
        for (int i = 0; i < NeuronModel.MAX_INPUTS; i++) {
            boolean on = i < n;
            for (SliderField f : List.of(inputFields.get(i), weightFields.get(i))) {
                f.setVisible(on);
                f.setManaged(on);
            }
        }
        countButtons.get(n - 1).setSelected(true);
        boolean leaky = model.activation() == Activation.LEAKY_RELU;
        alphaField.setVisible(leaky);
        alphaField.setManaged(leaky);
        if (activationBox.getSelectionModel().getSelectedIndex() != model.activation().ordinal()) {
            choosing = true;
            activationBox.getSelectionModel().select(model.activation().ordinal());
            choosing = false;
        }
        formulaLabel.setText(i18n.get("neuron.formula." + model.activation().name()) + "\n"
                + i18n.get("neuron.range", model.activation() == Activation.LEAKY_RELU && model.alpha() == 0
                ? "[0, ∞)" : model.activation().range()));
        zValue.setText(Format.num(model.z(), 4));
        aValue.setText(Format.num(model.a(), 4));
        slopeValue.setText(Format.num(model.slope(), 4));
        note.setText(noteText());
        fitCurve(false);
        diagram.requestRedraw();
        curve.requestRedraw();
        plane.requestRedraw();
    }

    /** What to notice about the neuron's state right now. */
    private String noteText() {
        Activation f = model.activation();
        double z = model.z();
        double slope = model.slope();
        if ((f == Activation.RELU || (f == Activation.LEAKY_RELU && model.alpha() == 0)) && z <= 0) {
            return i18n.get("neuron.note.off");
        }
        if (Math.abs(slope) < 0.05) {
            return i18n.get("neuron.note.flat", Format.num(slope, 4));
        }
        if (f == Activation.LINEAR) {
            return i18n.get("neuron.note.linear");
        }
        return i18n.get("neuron.note.live", Format.num(slope, 3));
    }

    /** Frames the curve: z in [-R, R] with R = 6, or wider while z lies beyond; y from the curve's own range. */
    private void fitCurve(boolean force) {
        double z = model.z();
        double reach = Math.abs(z) <= 5.5 ? 6 : Math.ceil(Math.abs(z) * 1.25);
        Viewport vp = curve.viewport();
        boolean zVisible = z > vp.minWorldX() && z < vp.maxWorldX();
        if (!force && fittedFor == model.activation() && reach == fittedReach && zVisible) {
            return;
        }
        fittedFor = model.activation();
        fittedReach = reach;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 200; i++) {
            double y = model.value(-reach + 2 * reach * i / 200);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0.5);
        // Room below for the z label and the hint line, above for the title.
        double span = hi - lo;
        vp.setDefault(-reach, reach, lo - span * 0.36, hi + span * 0.22);
        vp.reset();
    }

    // ---- the diagram ------------------------------------------------------------------------------------------

    private Color positive() {
        return theme.mode() == Theme.Mode.DARK ? Color.web("#6ea0ff") : Color.web("#2f6fd6");
    }

    private Color negative() {
        return theme.palette().jhat();
    }

    private void paintDiagram(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        if (w < 40 || h < 40) {
            return;
        }
        int n = model.inputCount();

        // Top: the formula in symbols; bottom: the same with numbers, term by term.
        double titleSize = Math.max(11, Math.min(15, h / 18));
        g.setFont(Fonts.regular(titleSize));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        StringBuilder symbolic = new StringBuilder("a = f(w₀");
        for (int i = 1; i <= n; i++) {
            symbolic.append(" + w").append(SUB[i]).append('x').append(SUB[i]);
        }
        symbolic.append(")");
        g.fillText(symbolic.toString(), 10, 8, w - 20);
        String legend = i18n.get("neuron.diagram.legend");
        Font legendFont = Fonts.regular(Math.max(10, titleSize - 2.5));
        double legendWidth = TextMetrics.width(legend, legendFont);
        if (legendWidth + TextMetrics.width(symbolic.toString(), Fonts.regular(titleSize)) + 40 < w) {
            g.setFont(legendFont);
            g.setFill(p.axis());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(legend, w - 10, 10);
            g.setTextAlign(TextAlignment.LEFT);
        }

        List<String> lines = equationLines(w - 20);
        double lineSize = equationFontSize;
        double lineHeight = lineSize * 1.35;
        double bottom = h - 8 - lines.size() * lineHeight;
        double top = 8 + titleSize * 1.6;
        g.setFont(Fonts.regular(lineSize));
        g.setFill(p.text());
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), 10, bottom + 4 + i * lineHeight);
        }

        // The nodes, in the band between the two texts.
        double band = Math.max(30, bottom - top);
        int rows = n + 1;
        double spacing = band / rows;
        double r = Math.max(9, Math.min(26, Math.min(spacing * 0.36, w * 0.045)));
        double inX = Math.max(r + 26, w * 0.1);
        double sumX = w * 0.47;
        double actX = w * 0.69;
        double outX = w * 0.88;
        double midY = top + band / 2;
        double[] ys = new double[rows];
        for (int k = 0; k < rows; k++) {
            ys[k] = top + spacing * (k + 0.5);
        }
        Font valueFont = Fonts.bold(Math.max(9.5, Math.min(14, r * 0.62)));
        Font labelFont = Fonts.regular(Math.max(10, Math.min(14, r * 0.6)));
        double maxAbs = 5;
        // Edges first, so the nodes sit on top of them.
        for (int k = 0; k < rows; k++) {
            double weight = k == 0 ? model.bias() : model.weight(k - 1);
            Color c = weight >= 0 ? positive() : negative();
            g.setStroke(c);
            g.setLineCap(StrokeLineCap.ROUND);
            g.setLineWidth(weight == 0 ? 0.8 : 1 + 7 * Math.abs(weight) / maxAbs);
            if (weight < 0) {
                g.setLineDashes(10, 6);
            }
            if (weight == 0) {
                g.setStroke(p.gridFaint().darker());
                g.setLineDashes(3, 4);
            }
            g.strokeLine(inX + r, ys[k], sumX - r, midY);
            g.setLineDashes();
        }
        for (int k = 0; k < rows; k++) {
            double weight = k == 0 ? model.bias() : model.weight(k - 1);
            double t = 0.42;
            double lx = inX + r + (sumX - r - inX - r) * t;
            double ly = ys[k] + (midY - ys[k]) * t;
            String text = "w" + SUB[k] + " = " + Format.num(weight, 2);
            chip(g, p, text, lx, ly, labelFont, weight >= 0 ? positive() : negative());
        }
        // Input nodes (the bias's constant 1 first, dashed: it is not an input the data sets).
        for (int k = 0; k < rows; k++) {
            double value = k == 0 ? 1 : model.input(k - 1);
            g.setFill(p.background());
            g.fillOval(inX - r, ys[k] - r, 2 * r, 2 * r);
            g.setStroke(k == 0 ? p.axis() : p.probe());
            g.setLineWidth(2);
            if (k == 0) {
                g.setLineDashes(4, 3);
            }
            g.strokeOval(inX - r, ys[k] - r, 2 * r, 2 * r);
            g.setLineDashes();
            g.setFill(p.text());
            g.setFont(valueFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Format.num(value, 2), inX, ys[k], 2 * r - 4);
            g.setFont(labelFont);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(k == 0 ? p.axis() : p.probe());
            g.fillText(k == 0 ? "1" : "x" + SUB[k], inX - r - 5, ys[k]);
        }
        // The sum node.
        double sr = r * 1.15;
        g.setFill(p.background());
        g.fillOval(sumX - sr, midY - sr, 2 * sr, 2 * sr);
        g.setStroke(p.text());
        g.setLineWidth(2);
        g.strokeOval(sumX - sr, midY - sr, 2 * sr, 2 * sr);
        g.setFill(p.text());
        g.setFont(Fonts.bold(Math.max(12, sr * 0.9)));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("Σ", sumX, midY);
        g.setFont(valueFont);
        g.setTextBaseline(VPos.TOP);
        g.fillText("z = " + Format.num(model.z(), 3), sumX, midY + sr + 4);
        // Sum -> activation -> output.
        double box = Math.max(r * 1.3, 16);
        arrow(g, p.text(), sumX + sr, midY, actX - box);
        g.setFill(p.background());
        g.fillRoundRect(actX - box, midY - box, 2 * box, 2 * box, 10, 10);
        g.setStroke(p.eigen());
        g.setLineWidth(2);
        g.strokeRoundRect(actX - box, midY - box, 2 * box, 2 * box, 10, 10);
        drawMiniCurve(g, p, actX, midY, box * 0.78);
        g.setFont(labelFont);
        g.setFill(p.eigen());
        g.setTextBaseline(VPos.TOP);
        g.fillText(i18n.get("neuron.short." + model.activation().name()), actX, midY + box + 4);
        double outR = Math.max(6, r * 0.35);
        arrow(g, p.text(), actX + box, midY, outX - outR);
        g.setFill(p.image());
        g.fillOval(outX - outR, midY - outR, 2 * outR, 2 * outR);
        g.setFont(valueFont);
        g.setTextBaseline(VPos.TOP);
        g.fillText("a = " + Format.num(model.a(), 3), Math.min(outX, w - 40), midY + outR + 4);
    }

    private double equationFontSize = 14;

    /**
     * The bottom text, sized to fit: "z = w0 + w1 x1 + ... = number" term by term, then "a = f(z) = number". A narrow
     * diagram splits the first line after the terms.
     */
    private List<String> equationLines(double width) {
        int n = model.inputCount();
        StringBuilder terms = new StringBuilder("z = " + Format.num(model.bias(), 3));
        StringBuilder products = new StringBuilder("  = " + Format.num(model.bias(), 3));
        for (int i = 0; i < n; i++) {
            terms.append(" + ").append(paren(model.weight(i))).append("·").append(paren(model.input(i)));
            double t = model.term(i);
            products.append(t < 0 ? " − " : " + ").append(Format.num(Math.abs(t), 3));
        }
        String zText = Format.num(model.z(), 4);
        String out = "a = " + i18n.get("neuron.short." + model.activation().name()) + "(" + Format.num(model.z(), 3)
                + ") = " + Format.num(model.a(), 4);
        List<String> lines = new ArrayList<>();
        String oneLine = terms + " = " + zText;
        for (double size = 15; size >= 10.5; size -= 0.5) {
            Font f = Fonts.regular(size);
            if (TextMetrics.width(oneLine, f) <= width && TextMetrics.width(out, f) <= width) {
                equationFontSize = size;
                lines.add(oneLine);
                if (n > 1) {
                    lines.add(products + " = " + zText);
                }
                lines.add(out);
                return lines;
            }
        }
        equationFontSize = 11;
        lines.add(terms.toString());
        lines.add("  = " + zText);
        lines.add(out);
        return lines;
    }

    /** A number in parentheses when negative, so "1.5·(−2)" reads right. */
    private static String paren(double v) {
        String s = Format.num(v, 2);
        return v < 0 && !s.equals("0") ? "(" + s + ")" : s;
    }

    /** A thumbnail of f inside the activation node, scaled to the box. */
    private void drawMiniCurve(GraphicsContext g, Theme.Palette p, double cx, double cy, double half) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 40; i++) {
            double y = model.value(-4 + 8.0 * i / 40);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        double span = Math.max(1e-9, hi - lo);
        g.setStroke(p.eigen());
        g.setLineWidth(1.6);
        g.beginPath();
        for (int i = 0; i <= 40; i++) {
            double x = cx - half + 2 * half * i / 40;
            double y = cy + half - 2 * half * (model.value(-4 + 8.0 * i / 40) - lo) / span;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    private static void arrow(GraphicsContext g, Color c, double x0, double y, double x1) {
        if (x1 - x0 < 6) {
            return;
        }
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(1.8);
        g.strokeLine(x0 + 2, y, x1 - 7, y);
        g.fillPolygon(new double[]{x1, x1 - 9, x1 - 9}, new double[]{y, y - 4.5, y + 4.5}, 3);
    }

    /** A small label with a backing so it stays readable across the edges. */
    private void chip(GraphicsContext g, Theme.Palette p, String text, double x, double y, Font font, Color c) {
        double tw = TextMetrics.width(text, font);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.9));
        g.fillRoundRect(x - tw / 2 - 4, y - font.getSize() * 0.75, tw + 8, font.getSize() * 1.5, 8, 8);
        g.setFill(c);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }


    // ---- the curve --------------------------------------------------------------------------------------------

    private void paintCurve(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        g.setStroke(p.eigen());
        g.setLineWidth(2.4);
        Curves.plot(g, vp, model::value);

        double z = model.z();
        double a = model.a();
        double sx = vp.toScreenX(z);
        double sy = vp.toScreenY(a);
        double axisY = vp.toScreenY(0);
        double axisX = vp.toScreenX(0);
        // Dashed guides: up from z on the axis to the point, across to a on the vertical axis.
        g.setStroke(p.probe());
        g.setLineWidth(1.5);
        g.setLineDashes(6, 5);
        g.strokeLine(sx, axisY, sx, sy);
        g.strokeLine(axisX, sy, sx, sy);
        g.setLineDashes();
        // The tangent: its slope is f'(z), what back-propagation multiplies by.
        double slope = model.slope();
        double dz = 0.9 * 60 / Math.max(1, vp.scale()) / Math.hypot(1, slope * vp.scaleY() / vp.scale());
        g.setStroke(p.image());
        g.setLineWidth(2);
        g.strokeLine(vp.toScreenX(z - dz), vp.toScreenY(a - slope * dz), vp.toScreenX(z + dz),
                vp.toScreenY(a + slope * dz));
        g.setFill(p.probe());
        g.fillOval(sx - 4, axisY - 4, 8, 8);
        g.setFill(p.image());
        g.fillOval(sx - 6.5, sy - 6.5, 13, 13);
        PlaneDrawing.handle(g, vp, new Vec2(z, a), p.image());
        markerX = sx;
        markerY = sy;

        g.setFont(Fonts.bold(12.5));
        g.setFill(p.probe());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double labelY = Math.min(vp.height() - 42, axisY + 8);
        g.fillText("z = " + Format.num(z, 3), Math.max(30, Math.min(vp.width() - 30, sx)), labelY);
        // a and f'(z) beside the point, on the side the tangent leaves free, kept inside the picture.
        Font valueFont = Fonts.bold(12.5);
        String aText = "a = " + Format.num(a, 3);
        String slopeText = "f′(z) = " + Format.num(slope, 3);
        double tw = Math.max(TextMetrics.width(aText, valueFont), TextMetrics.width(slopeText, valueFont));
        boolean left = slope > 0 ? sx - tw - 14 > 4 : sx + tw + 14 > vp.width() - 4;
        double lx = left ? sx - tw - 12 : sx + 12;
        lx = Math.max(4, Math.min(vp.width() - tw - 4, lx));
        double ly = Math.max(26, Math.min(vp.height() - 64, sy - 40));
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(lx - 3, ly - 1, tw + 6, 34);
        g.setFont(valueFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.image());
        g.fillText(aText, lx, ly);
        g.fillText(slopeText, lx, ly + 16);

        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Fonts.regular(12.5));
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        String title = i18n.get("neuron.curve.title", i18n.get("neuron.short." + model.activation().name()));
        g.fillRect(4, 4, TextMetrics.width(title, Fonts.regular(12.5)) + 12, 20);
        g.setFill(p.text());
        g.fillText(title, 10, 6);
        hint(g, vp, p, vp.width() >= 520 ? "neuron.plot.hint" : "neuron.plot.hintShort");
    }

    private void hint(GraphicsContext g, Viewport vp, Theme.Palette p, String key) {
        String text = i18n.get(key);
        Font f = Fonts.regular(11.5);
        g.setFont(f);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.8));
        g.fillRect(6, vp.height() - 22, Math.min(vp.width() - 12, TextMetrics.width(text, f) + 10), 19);
        g.setFill(p.axis());
        g.fillText(text, 10, vp.height() - 6, Math.max(50, vp.width() - 20));
    }

    // ---- the decision plane -----------------------------------------------------------------------------------

    private void paintPlane(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        if (w < 2 || h < 2) {
            return;
        }
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        if (model.inputCount() < 2) {
            g.setFill(p.axis());
            g.setFont(Fonts.regular(13));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(i18n.get("neuron.decision.needTwo"), w / 2, h / 2, w - 20);
            caption(g, p, w - 8, i18n.get("neuron.decision.title"), null);
            return;
        }
        ensureTint(vp);
        g.setImageSmoothing(true);
        g.drawImage(tint, 0, 0, w, h);
        Axes.draw(g, vp, p);
        double[] line = model.decisionLine();
        if (line != null) {
            g.setStroke(p.text());
            g.setLineWidth(2.2);
            PlaneDrawing.lineThrough(g, vp, new Vec2(line[0], line[1]), new Vec2(line[2], line[3]));
            // The weight vector (w1, w2) points to where z grows: the "on" side.
            Vec2 foot = new Vec2(line[0], line[1]);
            Vec2 dir = new Vec2(model.weight(0), model.weight(1)).normalized();
            if (Math.abs(foot.x()) < 5 && Math.abs(foot.y()) < 5) {
                PlaneDrawing.arrow(g, vp, foot, foot.plus(dir.times(1.2)), p.text(), 2, null);
                g.setFont(Fonts.bold(12));
                g.setFill(p.text());
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText("z > 0", vp.toScreenX(foot.x() + dir.x() * 1.35) + 2, vp.toScreenY(foot.y() + dir.y() * 1.35));
            }
        }
        Vec2 at = new Vec2(model.input(0), model.input(1));
        g.setFill(p.probe());
        double sx = vp.toScreenX(at.x());
        double sy = vp.toScreenY(at.y());
        g.fillOval(sx - 6, sy - 6, 12, 12);
        g.setStroke(p.background());
        g.setLineWidth(1.5);
        g.strokeOval(sx - 6, sy - 6, 12, 12);
        PlaneDrawing.handle(g, vp, at, p.probe());
        drawTintLegend(g, vp, p);
        String caption = line == null ? i18n.get("neuron.decision.noLine")
                : model.inputCount() == 3 ? i18n.get("neuron.decision.held", Format.num(model.input(2), 2))
                : i18n.get("neuron.decision.caption");
        caption(g, p, w - 74, i18n.get("neuron.decision.title"), caption);
        hint(g, vp, p, "neuron.decision.hint");
    }

    /** A bold title and an optional second line in the top-left corner, on a veil so they read over any tint. */
    private void caption(GraphicsContext g, Theme.Palette p, double room, String title, String line) {
        Font bold = Fonts.bold(12.5);
        Font regular = Fonts.regular(12);
        double width = Math.min(room, Math.max(TextMetrics.width(title, bold), line == null ? 0 : TextMetrics.width(line, regular)) + 12);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(4, 4, Math.max(0, width), line == null ? 21 : 38);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.text());
        g.setFont(bold);
        g.fillText(title, 10, 6, Math.max(30, width - 12));
        if (line != null) {
            g.setFont(regular);
            g.fillText(line, 10, 23, Math.max(30, width - 12));
        }
    }

    /**
     * The tint of the plane by a, rebuilt only when something other than x1, x2 changes (a drag of the input point
     * costs no image), at a third of the canvas resolution.
     */
    private void ensureTint(Viewport vp) {
        StringBuilder key = new StringBuilder();
        key.append(model.activation()).append(model.alpha()).append('|').append(model.bias()).append('|')
                .append(model.weight(0)).append('|').append(model.weight(1)).append('|').append(model.inputCount())
                .append(theme.mode()).append('|').append(vp.minWorldX()).append(vp.maxWorldX())
                .append(vp.minWorldY()).append(vp.maxWorldY()).append(vp.width()).append(vp.height());
        if (model.inputCount() == 3) {
            key.append('|').append(model.weight(2)).append(model.input(2));
        }
        if (tint != null && key.toString().equals(tintKey)) {
            return;
        }
        tintKey = key.toString();
        tintBuilds++;
        int nx = Math.max(1, (int) Math.ceil(vp.width() / 3));
        int ny = Math.max(1, (int) Math.ceil(vp.height() / 3));
        double[] values = new double[nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ny; j++) {
            double x2 = vp.toWorldY((j + 0.5) * vp.height() / ny);
            for (int i = 0; i < nx; i++) {
                double x1 = vp.toWorldX((i + 0.5) * vp.width() / nx);
                double a = model.outputAt(x1, x2);
                values[j * nx + i] = a;
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
        }
        // Bounded activations keep their whole range, so the same a always has the same colour.
        Activation f = model.activation();
        if (f == Activation.SIGMOID) {
            lo = 0;
            hi = 1;
        } else if (f == Activation.TANH) {
            lo = -1;
            hi = 1;
        } else if (!(hi - lo > 1e-9)) {
            hi = lo + 1;
        }
        tintLow = lo;
        tintHigh = hi;
        int[] pixels = new int[nx * ny];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = argb(ramp((values[k] - lo) / (hi - lo)));
        }
        if (tint == null || (int) tint.getWidth() != nx || (int) tint.getHeight() != ny) {
            tint = new WritableImage(nx, ny);
        }
        tint.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), pixels, 0, nx);
    }

    /** Low a in blue, high a in orange, through the background colour. */
    private Color ramp(double t) {
        t = Math.max(0, Math.min(1, t));
        boolean dark = theme.mode() == Theme.Mode.DARK;
        Color low = dark ? Color.web("#2c5d9e") : Color.web("#7fa7e0");
        Color high = dark ? Color.web("#a8641c") : Color.web("#f0a860");
        Color mid = dark ? Color.web("#2a2e36") : Color.web("#f4f4f2");
        return t < 0.5 ? low.interpolate(mid, t * 2) : mid.interpolate(high, (t - 0.5) * 2);
    }

    private void drawTintLegend(GraphicsContext g, Viewport vp, Theme.Palette p) {
        double barH = Math.min(120, vp.height() - 70);
        if (barH < 30) {
            return;
        }
        double x = vp.width() - 26;
        double y = 30;
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(x - 40, y - 20, 62, barH + 40);
        for (int i = 0; i < barH; i++) {
            g.setFill(ramp(1 - i / barH));
            g.fillRect(x, y + i, 14, 1.2);
        }
        g.setStroke(p.axis());
        g.setLineWidth(1);
        g.strokeRect(x, y, 14, barH);
        g.setFill(p.text());
        g.setFont(Fonts.regular(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Format.num(tintHigh, 2), x - 3, y + 4);
        g.fillText(Format.num(tintLow, 2), x - 3, y + barH - 4);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("a", x + 7, y - 3);
    }

    private static int argb(Color c) {
        return (255 << 24) | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    // ---- keys and drags ---------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case DIGIT1, NUMPAD1 -> model.setParameter("n", 1);
            case DIGIT2, NUMPAD2 -> model.setParameter("n", 2);
            case DIGIT3, NUMPAD3 -> model.setParameter("n", 3);
            case A -> model.nextActivation(e.isShiftDown() ? -1 : 1);
            case UP -> model.moveBias(round1(model.bias() + 0.1));
            case DOWN -> model.moveBias(round1(model.bias() - 0.1));
            case RIGHT -> model.setParameter("w1", clamp(round1(model.weight(0) + 0.1)));
            case LEFT -> model.setParameter("w1", clamp(round1(model.weight(0) - 0.1)));
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double clamp(double v) {
        return Math.max(-NeuronModel.LIMIT, Math.min(NeuronModel.LIMIT, v));
    }

    /** The diagram has nothing to drag; a press only takes the keyboard focus (and does not pan). */
    private static final class Still implements PlotCanvas.Interaction {
        @Override
        public boolean press(double x, double y, MouseEvent event) {
            return true;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double x, double y) {
            return Cursor.DEFAULT;
        }
    }

    /** Dragging the (z, a) point sideways changes the bias, so z follows the mouse (snapped to 0.1). */
    private final class MarkerDrag implements PlotCanvas.Interaction {
        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            draggingMarker = near(wx, wy);
            return draggingMarker;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            if (draggingMarker) {
                double bias = model.bias() + wx - model.z();
                model.moveBias(event.isShiftDown() ? bias : round1(bias));
            }
        }

        @Override
        public void release() {
            draggingMarker = false;
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return near(wx, wy) ? Cursor.H_RESIZE : Cursor.DEFAULT;
        }

        private boolean near(double wx, double wy) {
            Viewport vp = curve.viewport();
            return Math.hypot(vp.toScreenX(wx) - vp.toScreenX(model.z()), vp.toScreenY(wy) - vp.toScreenY(model.a()))
                    <= PlaneDrawing.HANDLE_RADIUS_PX + 2;
        }
    }

    /** Dragging the input point moves (x1, x2) (snapped to 0.1 unless Shift is held). */
    private final class InputDrag implements PlotCanvas.Interaction {
        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            draggingInput = model.inputCount() >= 2
                    && PlaneDrawing.near(plane.viewport(), new Vec2(model.input(0), model.input(1)), wx, wy);
            return draggingInput;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            if (draggingInput) {
                model.moveInputs(event.isShiftDown() ? wx : round1(wx), event.isShiftDown() ? wy : round1(wy));
            }
        }

        @Override
        public void release() {
            draggingInput = false;
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return model.inputCount() >= 2
                    && PlaneDrawing.near(plane.viewport(), new Vec2(model.input(0), model.input(1)), wx, wy)
                    ? Cursor.MOVE : Cursor.DEFAULT;
        }
    }
}
