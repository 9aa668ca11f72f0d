package org.dlmathlab.labs.vectors2d;

import java.util.ArrayList;
import java.util.HashSet;
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
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.linalg.Norms;
import org.dlmathlab.math.linalg.Vec2;
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
 * Two draggable vectors u and v on one plane, with layers the learner switches on: the projection of u on v's line
 * (coloured by the sign of u⋅v) and the angle between them; the L1, L2 and max unit balls with the ball through u and
 * alpha u; u, v and u + v tip to tail for the triangle inequality; a neuron's boundary w⋅x + b = 0 with x = u, w = v.
 * The controls add typed fields, a 2x3 matrix with its Frobenius norm, and the read-outs. Draws the model; every
 * number comes from the model's quantities.
 */
public final class Vectors2dView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("vectors", "dot", "norms", "triangle", "matrix", "neuron");

    private static final double SNAP = 0.1;
    /** Colours of the three norm balls: L1 blue, L2 magenta, max brown, each with a lighter twin for dark mode. */
    private static final Color[] BALL_LIGHT = {Color.web("#2f6fd6"), Color.web("#c2185b"), Color.web("#7a4a2a")};
    private static final Color[] BALL_DARK = {Color.web("#7fb0ff"), Color.web("#ff7fb0"), Color.web("#d9a982")};

    private final Vectors2dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final PlotCanvas plot = new PlotCanvas(5);
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Map<String, SliderField> sliders = new LinkedHashMap<>();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Map<String, TextField> cellFields = new LinkedHashMap<>();
    private final Label signLabel = new Label();
    private final Label dotFormula = new Label();
    private final Label scalingLabel = new Label();
    private final Label triangleStatus = new Label();
    private final Label frobeniusFormula = new Label();
    private final Label matrixError = new Label();
    private final Label neuronFormula = new Label();
    private final Label neuronSide = new Label();
    private final ToggleGroup ballGroup = new ToggleGroup();
    private final Set<String> visibleGroups = new HashSet<>(CONTROLS);
    private Grab grab = Grab.NONE;

    private enum Grab { NONE, U, V }

    public Vectors2dView(Vectors2dModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-vectors2d");
        plot.setPainter(this::paint);
        plot.setInteraction(new Dragging());
        plot.setId("vectors-plane");
        root.setCenter(plot);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(vectorsGroup(), dotGroup(), normsGroup(), triangleGroup(), matrixGroup(),
                neuronGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 220);
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

    /** The live "acute / right angle / obtuse" label. */
    public Label signLabel() {
        return signLabel;
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    public SliderField slider(String name) {
        return sliders.get(name);
    }

    public TextField cellField(String name) {
        return cellFields.get(name);
    }

    public Label matrixError() {
        return matrixError;
    }

    public Label neuronFormula() {
        return neuronFormula;
    }

    public Label frobeniusFormula() {
        return frobeniusFormula;
    }

    public Label triangleStatus() {
        return triangleStatus;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        visibleGroups.clear();
        visibleGroups.addAll(controls.isEmpty() ? CONTROLS : controls);
        refresh();
    }

    @Override
    public void resetView() {
        plot.resetView();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node vectorsGroup() {
        VBox box = groups.group("vectors", "vectors2d.vectors.title");
        box.getChildren().add(groups.explain("vectors2d.vectors.explain"));
        box.getChildren().addAll(
                coordinate("ux", "u₁", model.uxProperty(), "vectors2d.ux.tooltip"),
                coordinate("uy", "u₂", model.uyProperty(), "vectors2d.uy.tooltip"),
                coordinate("vx", "v₁", model.vxProperty(), "vectors2d.vx.tooltip"),
                coordinate("vy", "v₂", model.vyProperty(), "vectors2d.vy.tooltip"));
        return box;
    }

    private SliderField coordinate(String name, String label, DoubleProperty property, String tipKey) {
        SliderField field = new SliderField(constant(label), i18n.bind(tipKey), property, -5, 5,
                x -> requireWithin(name, x, Vectors2dModel.LIMIT), numberParser);
        field.setId("vectors2d-" + name);
        sliders.put(name, field);
        return field;
    }

    private double requireWithin(String name, double x, double limit) {
        if (!Double.isFinite(x) || Math.abs(x) > limit) {
            throw new IllegalArgumentException(i18n.get("vectors2d.error.range", name, Format.num(-limit),
                    Format.num(limit)));
        }
        return x;
    }

    private Node dotGroup() {
        VBox box = groups.group("dot", "vectors2d.dot.title");
        box.getChildren().add(toggle("show-projection", "vectors2d.dot.show", "vectors2d.dot.show.tooltip",
                model.showProjectionProperty()));
        signLabel.setId("sign-label");
        signLabel.setWrapText(true);
        signLabel.setFont(Fonts.bold(14));
        signLabel.setTooltip(Tips.of(i18n, "vectors2d.sign.tooltip"));
        dotFormula.setWrapText(true);
        dotFormula.setId("dot-formula");
        box.getChildren().addAll(signLabel, dotFormula,
                readoutGrid("dot", "lenu", "lenv", "cos", "angle", "proj"));
        return box;
    }

    private Node normsGroup() {
        VBox box = groups.group("norms", "vectors2d.norms.title");
        box.getChildren().add(toggle("show-norms", "vectors2d.norms.show", "vectors2d.norms.show.tooltip",
                model.showNormsProperty()));
        box.getChildren().add(groups.explain("vectors2d.norms.explain"));
        FlowPane choices = new FlowPane(8, 4);
        for (Norms.Kind kind : Norms.Kind.values()) {
            RadioButton button = new RadioButton();
            button.textProperty().bind(i18n.bind("vectors2d.ball." + kind.name().toLowerCase()));
            button.setTooltip(Tips.of(i18n, "vectors2d.ball." + kind.name().toLowerCase() + ".tooltip"));
            button.setToggleGroup(ballGroup);
            button.setUserData(kind);
            button.setId("ball-" + kind.name().toLowerCase());
            choices.getChildren().add(button);
        }
        ballGroup.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                // A click on the chosen button must not leave no ball chosen.
                ballGroup.selectToggle(old);
            } else {
                model.ballProperty().set(((Norms.Kind) now.getUserData()).index());
            }
        });
        SliderField alpha = new SliderField(constant("α"), i18n.bind("vectors2d.alpha.tooltip"), model.alphaProperty(),
                -Vectors2dModel.ALPHA_LIMIT, Vectors2dModel.ALPHA_LIMIT,
                x -> requireWithin("α", x, Vectors2dModel.ALPHA_LIMIT), numberParser);
        alpha.setId("vectors2d-alpha");
        sliders.put("alpha", alpha);
        GridPane table = new GridPane();
        table.setHgap(12);
        table.setVgap(3);
        table.getStyleClass().add("readouts");
        table.addRow(0, new Label(), header("||u||"), header("||αu||"));
        String[] names = {"l1", "l2", "linf"};
        String[] symbols = {"L1", "L2", "L∞"};
        for (int i = 0; i < names.length; i++) {
            Label name = new Label(symbols[i]);
            name.getStyleClass().add("readout-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            table.addRow(i + 1, name, value(names[i]), value(names[i] + "_alpha"));
        }
        scalingLabel.setWrapText(true);
        scalingLabel.getStyleClass().add("control-explain");
        box.getChildren().addAll(choices, alpha, table, scalingLabel);
        return box;
    }

    private Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("readout-name");
        return label;
    }

    private Node triangleGroup() {
        VBox box = groups.group("triangle", "vectors2d.triangle.title");
        box.getChildren().add(toggle("show-triangle", "vectors2d.triangle.show", "vectors2d.triangle.show.tooltip",
                model.showTriangleProperty()));
        triangleStatus.setWrapText(true);
        triangleStatus.setId("triangle-status");
        box.getChildren().addAll(readoutGrid("norm_of_sum", "norm_sum"), triangleStatus);
        return box;
    }

    private Node matrixGroup() {
        VBox box = groups.group("matrix", "vectors2d.matrix.title");
        box.getChildren().add(groups.explain("vectors2d.matrix.explain"));
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        for (int c = 0; c < Vectors2dModel.COLS; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / Vectors2dModel.COLS);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < Vectors2dModel.ROWS; r++) {
            for (int c = 0; c < Vectors2dModel.COLS; c++) {
                grid.add(cell(r, c), c, r);
            }
        }
        matrixError.setWrapText(true);
        matrixError.getStyleClass().add("lab-status");
        matrixError.setId("matrix-error");
        matrixError.setManaged(false);
        matrixError.setVisible(false);
        frobeniusFormula.setWrapText(true);
        frobeniusFormula.setId("frobenius-formula");
        box.getChildren().addAll(grid, matrixError, frobeniusFormula, readoutGrid("frobenius"));
        return box;
    }

    private TextField cell(int row, int col) {
        String name = Vectors2dModel.cellName(row, col);
        DoubleProperty property = model.cellProperty(row, col);
        TextField field = new TextField(Format.editable(property.get()));
        field.setId("cell-" + name);
        field.setPrefColumnCount(4);
        field.setMaxWidth(Double.MAX_VALUE);
        field.setTooltip(Tips.of(i18n, "vectors2d.cell.tooltip." + name));
        cellFields.put(name, field);
        field.setOnAction(e -> commitCell(name, field, property));
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitCell(name, field, property);
            }
        });
        property.addListener((o, old, now) -> {
            field.setText(Format.editable(now.doubleValue()));
            field.getStyleClass().removeAll("field-error");
        });
        return field;
    }

    /** Typed text goes to the model only when it is a number within range; otherwise the cell says why. */
    public boolean commitCell(String name, TextField field, DoubleProperty property) {
        double value;
        try {
            value = numberParser.applyAsDouble(field.getText());
        } catch (IllegalArgumentException e) {
            return rejectCell(field, name + ": " + e.getMessage());
        }
        try {
            requireWithin(name, value, Vectors2dModel.LIMIT);
        } catch (IllegalArgumentException e) {
            return rejectCell(field, e.getMessage());
        }
        field.getStyleClass().removeAll("field-error");
        showMatrixError(null);
        property.set(value);
        field.setText(Format.editable(value));
        return true;
    }

    private boolean rejectCell(TextField field, String message) {
        if (!field.getStyleClass().contains("field-error")) {
            field.getStyleClass().add("field-error");
        }
        showMatrixError(message);
        return false;
    }

    private void showMatrixError(String message) {
        boolean show = message != null;
        matrixError.setText(show ? message : "");
        matrixError.setVisible(show);
        matrixError.setManaged(show);
    }

    private Node neuronGroup() {
        VBox box = groups.group("neuron", "vectors2d.neuron.title");
        box.getChildren().add(toggle("show-neuron", "vectors2d.neuron.show", "vectors2d.neuron.show.tooltip",
                model.showNeuronProperty()));
        box.getChildren().add(groups.explain("vectors2d.neuron.explain"));
        SliderField bias = new SliderField(constant("b"), i18n.bind("vectors2d.bias.tooltip"), model.biasProperty(),
                -5, 5, x -> requireWithin("b", x, Vectors2dModel.LIMIT), numberParser);
        bias.setId("vectors2d-bias");
        sliders.put("bias", bias);
        neuronFormula.setWrapText(true);
        neuronFormula.setId("neuron-formula");
        neuronSide.setWrapText(true);
        neuronSide.getStyleClass().add("control-explain");
        box.getChildren().addAll(bias, neuronFormula, neuronSide);
        return box;
    }

    private CheckBox toggle(String id, String textKey, String tipKey, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox();
        box.textProperty().bind(i18n.bind(textKey));
        box.setTooltip(Tips.of(i18n, tipKey));
        box.selectedProperty().bindBidirectional(property);
        box.setId(id);
        return box;
    }

    private GridPane readoutGrid(String... names) {
        GridPane grid = new GridPane();
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("readouts");
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.textProperty().bind(i18n.bind("vectors2d.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            grid.addRow(row, name, value(names[row]));
        }
        return grid;
    }

    private Label value(String name) {
        Label value = new Label();
        value.getStyleClass().add("readout-value");
        value.setId("readout-" + name);
        value.setWrapText(true);
        readouts.put(name, value);
        return value;
    }


    private static StringExpression constant(String text) {
        return Bindings.createStringBinding(() -> text);
    }

    // ---- state -> read-outs ---------------------------------------------------------------------------------------

    private double q(String name) {
        return model.quantity(name);
    }

    /** A number for the screen: "undefined" (in the current language) instead of NaN. */
    private String num(double x) {
        return Double.isNaN(x) ? i18n.get("vectors2d.undefined") : Format.num(x);
    }

    /** A factor inside a product: negative numbers in parentheses, so "3⋅(−1)" reads right. */
    private static String factor(double x) {
        String s = Format.num(x);
        return x < 0 && !s.equals("0") ? "(" + s + ")" : s;
    }

    private void refresh() {
        ballGroup.getToggles().stream()
                .filter(t -> t.getUserData() == model.ballKind())
                .findFirst().ifPresent(ballGroup::selectToggle);
        readouts.get("dot").setText(num(q("dot")));
        readouts.get("lenu").setText(num(q("l2")));
        readouts.get("lenv").setText(num(q("l2_v")));
        readouts.get("cos").setText(num(q("cos")));
        readouts.get("angle").setText(Double.isNaN(q("angle")) ? num(Double.NaN) : Format.num(q("angle"), 1) + "°");
        readouts.get("proj").setText(num(q("proj")));
        Norms.AngleKind kind = Norms.classify(model.u(), model.v());
        signLabel.setText(signText(kind));
        signLabel.setStyle("-fx-text-fill: " + web(signColor(kind, theme.palette())) + ";");
        dotFormula.setText(dotFormulaText());

        for (String norm : new String[]{"l1", "l2", "linf"}) {
            readouts.get(norm).setText(num(q(norm)));
            readouts.get(norm + "_alpha").setText(num(q(norm + "_alpha")));
        }
        scalingLabel.setText(i18n.get("vectors2d.norms.scaling", Format.num(q("alpha")),
                Format.num(Math.abs(q("alpha"))), Format.num(q("l2")), Format.num(q("l2_alpha"))));

        readouts.get("norm_of_sum").setText(num(q("norm_of_sum")));
        readouts.get("norm_sum").setText(num(q("norm_sum")));
        triangleStatus.setText(Norms.triangleIsTight(model.u(), model.v())
                ? i18n.get("vectors2d.triangle.equal")
                : i18n.get("vectors2d.triangle.strict", Format.num(q("norm_sum") - q("norm_of_sum"))));

        frobeniusFormula.setText(frobeniusText());
        readouts.get("frobenius").setText(num(q("frobenius")));

        neuronFormula.setText(neuronText());
        double z = q("z");
        neuronSide.setText(i18n.get(Math.abs(z) < 1e-9 ? "vectors2d.neuron.on"
                : z > 0 ? "vectors2d.neuron.positive" : "vectors2d.neuron.negative"));
        plot.requestRedraw();
    }

    private String signText(Norms.AngleKind kind) {
        // The two ends of the range read better by name than as an "acute" 0° or an "obtuse" 180°.
        double cos = q("cos");
        if (cos >= 1 - 1e-12) {
            return i18n.get("vectors2d.sign.same");
        }
        if (cos <= -1 + 1e-12) {
            return i18n.get("vectors2d.sign.opposite");
        }
        return switch (kind) {
            case ACUTE -> i18n.get("vectors2d.sign.acute", Format.num(q("angle"), 1));
            case RIGHT -> i18n.get("vectors2d.sign.right");
            case OBTUSE -> i18n.get("vectors2d.sign.obtuse", Format.num(q("angle"), 1));
            case UNDEFINED -> i18n.get("vectors2d.sign.undefined");
        };
    }

    private static Color signColor(Norms.AngleKind kind, Theme.Palette p) {
        return switch (kind) {
            case ACUTE -> p.ihat();
            case RIGHT -> p.eigen();
            case OBTUSE -> p.jhat();
            case UNDEFINED -> p.warning();
        };
    }

    private String dotFormulaText() {
        Vec2 u = model.u();
        Vec2 v = model.v();
        String sum = "u⋅v = u₁v₁ + u₂v₂ = " + factor(u.x()) + "⋅" + factor(v.x()) + " + " + factor(u.y()) + "⋅"
                + factor(v.y()) + " = " + Format.num(q("dot"));
        return sum + "\n" + projectionText();
    }

    /** "u⋅v = |proj|⋅||v|| = 2.236 × 2.236 = 5", with the minus sign outside when the shadow points against v. */
    private String projectionText() {
        double proj = q("proj");
        if (Double.isNaN(proj)) {
            return i18n.get("vectors2d.proj.none");
        }
        String product = Format.num(Math.abs(proj)) + " × " + Format.num(q("l2_v"));
        return proj < 0 && !Format.num(proj).equals("0")
                ? "u⋅v = −|proj|⋅||v|| = −(" + product + ") = " + Format.num(q("dot"))
                : "u⋅v = |proj|⋅||v|| = " + product + " = " + Format.num(q("dot"));
    }

    private String frobeniusText() {
        double[][] m = model.matrix();
        List<String> squares = new ArrayList<>();
        double sum = 0;
        for (double[] row : m) {
            for (double x : row) {
                squares.add(factor(x) + "²");
                sum += x * x;
            }
        }
        return "||M||_F = √(" + String.join(" + ", squares) + ")\n= √" + Format.num(sum) + " ≈ "
                + Format.num(q("frobenius"));
    }

    private String neuronText() {
        Vec2 x = model.u();
        Vec2 w = model.v();
        double b = q("bias");
        double t1 = w.x() * x.x();
        double t2 = w.y() * x.y();
        return "z = w⋅x + b = w₁x₁ + w₂x₂ + b\n= " + factor(w.x()) + "⋅" + factor(x.x()) + " + " + factor(w.y())
                + "⋅" + factor(x.y()) + " + " + factor(b) + "\n= " + factor(t1) + " + " + factor(t2) + " + "
                + factor(b) + " = " + Format.num(q("z"));
    }

    private static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private boolean shows(String group) {
        return visibleGroups.contains(group);
    }

    private boolean projectionLayer() {
        return shows("dot") && model.showProjectionProperty().get();
    }

    private boolean normsLayer() {
        return shows("norms") && model.showNormsProperty().get();
    }

    private boolean triangleLayer() {
        return shows("triangle") && model.showTriangleProperty().get();
    }

    private boolean neuronLayer() {
        return shows("neuron") && model.showNeuronProperty().get();
    }

    // ---- the picture ----------------------------------------------------------------------------------------------

    private Color ballColor(Norms.Kind kind) {
        return (theme.mode() == Theme.Mode.DARK ? BALL_DARK : BALL_LIGHT)[kind.index()];
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        PlaneDrawing.background(g, vp, p);
        Vec2 u = model.u();
        Vec2 v = model.v();
        if (neuronLayer()) {
            drawNeuron(g, vp, p);
        }
        if (normsLayer()) {
            drawBalls(g, vp, p, u);
        }
        if (projectionLayer()) {
            drawProjection(g, vp, p, u, v);
        }
        if (shows("dot")) {
            drawAngle(g, vp, p, u, v);
        }
        if (triangleLayer()) {
            Vec2 sum = u.plus(v);
            g.setLineDashes(6, 5);
            PlaneDrawing.arrow(g, vp, u, sum, p.eigen().deriveColor(0, 1, 1, 0.75), 2, null);
            g.setLineDashes();
            PlaneDrawing.arrow(g, vp, Vec2.ZERO, sum, p.image(), 3, "u+v");
        }
        if (normsLayer() && Math.abs(model.alphaProperty().get() - 1) > 1e-12) {
            g.setLineDashes(7, 5);
            PlaneDrawing.arrow(g, vp, Vec2.ZERO, model.scaledU(), p.probe().deriveColor(0, 1, 1, 0.8), 2.2, "αu");
            g.setLineDashes();
        }
        boolean neuron = neuronLayer();
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, v, p.eigen(), 3.2, neuron ? "w = v" : "v");
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, u, p.probe(), 3.2, neuron ? "x = u" : "u");
        PlaneDrawing.handle(g, vp, v, p.eigen());
        PlaneDrawing.handle(g, vp, u, p.probe());
        drawCaption(g, vp, p);
    }

    private void drawProjection(GraphicsContext g, Viewport vp, Theme.Palette p, Vec2 u, Vec2 v) {
        if (v.length() == 0) {
            return;
        }
        g.setStroke(p.eigen().deriveColor(0, 1, 1, 0.45));
        g.setLineWidth(1.2);
        g.setLineDashes(3, 5);
        PlaneDrawing.lineThroughOrigin(g, vp, v);
        g.setLineDashes();
        Vec2 foot = new Vec2(q("proj_x"), q("proj_y"));
        Norms.AngleKind kind = Norms.classify(u, v);
        Color color = signColor(kind, p);
        // The shadow of u on v's line: the thick segment whose signed length is u⋅v / |v|.
        g.setStroke(color.deriveColor(0, 1, 1, 0.85));
        g.setLineWidth(6);
        PlaneDrawing.line(g, vp, Vec2.ZERO, foot);
        g.setStroke(color);
        g.setLineWidth(1.4);
        g.setLineDashes(6, 5);
        PlaneDrawing.line(g, vp, u, foot);
        g.setLineDashes();
        double fx = vp.toScreenX(foot.x());
        double fy = vp.toScreenY(foot.y());
        double dropPx = Math.hypot(vp.toScreenX(u.x()) - fx, vp.toScreenY(u.y()) - fy);
        double footPx = Math.hypot(fx - vp.toScreenX(0), fy - vp.toScreenY(0));
        if (dropPx > 12 && footPx > 12) {
            // A small square at the foot: the drop meets v's line at a right angle.
            double[] along = screenUnit(vp, Vec2.ZERO, foot);
            double[] up = screenUnit(vp, foot, u);
            double s = 8;
            double ax = fx - along[0] * s;
            double ay = fy - along[1] * s;
            g.setLineWidth(1.2);
            g.strokePolyline(new double[]{ax, ax + up[0] * s, fx + up[0] * s},
                    new double[]{ay, ay + up[1] * s, fy + up[1] * s}, 3);
        }
        if (footPx > 30) {
            double[] along = screenUnit(vp, Vec2.ZERO, foot);
            // On the far side of v's line from u, so the label never sits on the dashed drop.
            double cross = along[0] * (vp.toScreenY(u.y()) - fy) - along[1] * (vp.toScreenX(u.x()) - fx);
            double side = cross > 0 ? -1 : 1;
            double nx = -along[1] * side;
            double ny = along[0] * side;
            double mx = (vp.toScreenX(0) + fx) / 2 + nx * 10;
            double my = (vp.toScreenY(0) + fy) / 2 + ny * 10;
            // Anchor the text by its edge nearest the line, so a wide label grows away from it.
            g.setTextAlign(nx < -0.3 ? TextAlignment.RIGHT : nx > 0.3 ? TextAlignment.LEFT : TextAlignment.CENTER);
            g.setTextBaseline(ny < -0.3 ? VPos.BOTTOM : ny > 0.3 ? VPos.TOP : VPos.CENTER);
            g.setFill(color);
            g.setFont(Fonts.bold(13));
            g.fillText("proj = " + Format.num(q("proj")), mx, my);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** The unit direction from a to b in screen pixels (y down). */
    private static double[] screenUnit(Viewport vp, Vec2 a, Vec2 b) {
        double dx = vp.toScreenX(b.x()) - vp.toScreenX(a.x());
        double dy = vp.toScreenY(b.y()) - vp.toScreenY(a.y());
        double len = Math.hypot(dx, dy);
        return len == 0 ? new double[]{0, 0} : new double[]{dx / len, dy / len};
    }

    private void drawAngle(GraphicsContext g, Viewport vp, Theme.Palette p, Vec2 u, Vec2 v) {
        Norms.AngleKind kind = Norms.classify(u, v);
        if (kind == Norms.AngleKind.UNDEFINED) {
            return;
        }
        double ox = vp.toScreenX(0);
        double oy = vp.toScreenY(0);
        double[] du = screenUnit(vp, Vec2.ZERO, u);
        double[] dv = screenUnit(vp, Vec2.ZERO, v);
        double lu = Math.hypot(vp.toScreenX(u.x()) - ox, vp.toScreenY(u.y()) - oy);
        double lv = Math.hypot(vp.toScreenX(v.x()) - ox, vp.toScreenY(v.y()) - oy);
        double r = Math.max(14, Math.min(34, 0.4 * Math.min(lu, lv)));
        Color color = p.text().deriveColor(0, 1, 1, 0.8);
        g.setStroke(color);
        g.setLineWidth(1.5);
        double a0 = Math.atan2(du[1], du[0]);
        double a1 = Math.atan2(dv[1], dv[0]);
        double delta = Math.IEEEremainder(a1 - a0, 2 * Math.PI);
        double mid = a0 + delta / 2;
        if (kind == Norms.AngleKind.RIGHT) {
            double s = r * 0.55;
            g.strokePolyline(new double[]{ox + du[0] * s, ox + (du[0] + dv[0]) * s, ox + dv[0] * s},
                    new double[]{oy + du[1] * s, oy + (du[1] + dv[1]) * s, oy + dv[1] * s}, 3);
        } else {
            int n = 40;
            double[] xs = new double[n + 1];
            double[] ys = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                double t = a0 + delta * i / n;
                xs[i] = ox + r * Math.cos(t);
                ys[i] = oy + r * Math.sin(t);
            }
            g.strokePolyline(xs, ys, n + 1);
        }
        g.setFill(color);
        g.setFont(Fonts.regular(12.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double lr = r + 18;
        g.fillText(Format.num(q("angle"), 1) + "°", ox + lr * Math.cos(mid), oy + lr * Math.sin(mid));
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void drawBalls(GraphicsContext g, Viewport vp, Theme.Palette p, Vec2 u) {
        for (Norms.Kind kind : Norms.Kind.values()) {
            g.setStroke(ballColor(kind).deriveColor(0, 1, 1, 0.75));
            g.setLineWidth(1.6);
            ball(g, vp, kind, 1);
        }
        Norms.Kind chosen = model.ballKind();
        Color color = ballColor(chosen);
        double r = chosen.of(u);
        if (r > 0) {
            g.setStroke(color);
            g.setLineWidth(2.6);
            ball(g, vp, chosen, r);
            // The label goes where the ball crosses an axis inside the view: right, then left, then top, then bottom.
            String text = normSymbol(chosen) + " = " + Format.num(r);
            Font font = Fonts.bold(13);
            Text measure = new Text(text);
            measure.setFont(font);
            double w = measure.getLayoutBounds().getWidth();
            double h = measure.getLayoutBounds().getHeight();
            double ox = vp.toScreenX(0);
            double oy = vp.toScreenY(0);
            double[][] spots = {
                    {vp.toScreenX(r) + 4, oy - 3 - h}, {vp.toScreenX(-r) - 4 - w, oy - 3 - h},
                    {ox + 4, vp.toScreenY(r) - 3 - h}, {ox + 4, vp.toScreenY(-r) + 3}};
            double[] spot = spots[0];
            for (double[] s : spots) {
                if (s[0] >= 4 && s[0] + w <= vp.width() - 4 && s[1] >= 4 && s[1] + h <= vp.height() - 24) {
                    spot = s;
                    break;
                }
            }
            g.setFill(color);
            g.setFont(font);
            g.setTextBaseline(VPos.TOP);
            g.fillText(text, spot[0], spot[1]);
        }
        double alpha = Math.abs(model.alphaProperty().get());
        if (r > 0 && Math.abs(alpha - 1) > 1e-12 && alpha > 0) {
            g.setStroke(color.deriveColor(0, 1, 1, 0.8));
            g.setLineWidth(1.8);
            g.setLineDashes(7, 5);
            ball(g, vp, chosen, alpha * r);
            g.setLineDashes();
        }
    }

    private static String normSymbol(Norms.Kind kind) {
        return switch (kind) {
            case L1 -> "||u||₁";
            case L2 -> "||u||₂";
            case LINF -> "||u||∞";
        };
    }

    /** The ball {x : ||x|| = r} of one norm: diamond |x| + |y| = r, circle x² + y² = r², square max(|x|, |y|) = r. */
    private static void ball(GraphicsContext g, Viewport vp, Norms.Kind kind, double r) {
        double cx = vp.toScreenX(0);
        double cy = vp.toScreenY(0);
        double rx = vp.toScreenX(r) - cx;
        double ry = cy - vp.toScreenY(r);
        switch (kind) {
            case L1 -> g.strokePolygon(new double[]{cx + rx, cx, cx - rx, cx}, new double[]{cy, cy - ry, cy, cy + ry},
                    4);
            case L2 -> g.strokeOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
            case LINF -> g.strokeRect(cx - rx, cy - ry, 2 * rx, 2 * ry);
        }
    }

    private void drawNeuron(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Vec2 at = model.boundaryPoint();
        if (at == null) {
            return;
        }
        Vec2 normal = model.v().normalized();
        Vec2 along = new Vec2(-normal.y(), normal.x());
        double reach = PlaneDrawing.reach(vp) + at.length();
        // Shade the side where z = w⋅x + b > 0, which is the side w points to.
        Vec2 a = at.minus(along.times(reach));
        Vec2 b = at.plus(along.times(reach));
        Vec2 c = b.plus(normal.times(reach));
        Vec2 d = a.plus(normal.times(reach));
        g.setFill(p.areaPositive());
        g.fillPolygon(new double[]{vp.toScreenX(a.x()), vp.toScreenX(b.x()), vp.toScreenX(c.x()), vp.toScreenX(d.x())},
                new double[]{vp.toScreenY(a.y()), vp.toScreenY(b.y()), vp.toScreenY(c.y()), vp.toScreenY(d.y())}, 4);
        g.setStroke(p.text().deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.6);
        g.setLineDashes(9, 5);
        PlaneDrawing.lineThrough(g, vp, at, along);
        g.setLineDashes();
    }

    /** One coloured piece of a caption line. */
    private record Piece(String text, Color color) {
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p) {
        List<List<Piece>> lines = new ArrayList<>();
        if (shows("dot")) {
            lines.add(List.of(new Piece(signLabel.getText(), signColor(Norms.classify(model.u(), model.v()), p))));
            lines.add(List.of(new Piece(projectionText(), p.text())));
        }
        if (normsLayer()) {
            String[] names = {"l1", "l2", "linf"};
            List<Piece> norms = new ArrayList<>();
            for (Norms.Kind kind : Norms.Kind.values()) {
                norms.add(new Piece((norms.isEmpty() ? "" : "   ") + normSymbol(kind) + " = "
                        + Format.num(q(names[kind.index()])), ballColor(kind)));
            }
            lines.add(norms);
        }
        if (triangleLayer()) {
            lines.add(List.of(new Piece("||u+v|| = " + Format.num(q("norm_of_sum"))
                    + (Norms.triangleIsTight(model.u(), model.v()) ? " = " : " < ") + "||u|| + ||v|| = "
                    + Format.num(q("norm_sum")), p.image())));
        }
        if (neuronLayer()) {
            lines.add(List.of(new Piece("z = w⋅x + b = " + Format.num(q("z")), p.text())));
        }
        Font font = Fonts.regular(13.5);
        double lineHeight = 19;
        Text measure = new Text();
        measure.setFont(font);
        double[] widths = new double[lines.size()];
        double widest = 0;
        for (int i = 0; i < lines.size(); i++) {
            for (Piece piece : lines.get(i)) {
                measure.setText(piece.text());
                widths[i] += measure.getLayoutBounds().getWidth();
            }
            widest = Math.max(widest, widths[i]);
        }
        double maxWidth = Math.max(60, vp.width() - 36);
        if (!lines.isEmpty()) {
            // A translucent card so the numbers stay readable over arrows and grid lines.
            g.setFill(p.background().deriveColor(0, 1, 1, 0.86));
            g.fillRoundRect(6, 6, Math.min(widest, maxWidth) + 16, lines.size() * lineHeight + 10, 8, 8);
        }
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double y = 11;
        for (int i = 0; i < lines.size(); i++) {
            // A line too wide for a small plane is squeezed evenly rather than cut off.
            double squeeze = Math.min(1, maxWidth / Math.max(1, widths[i]));
            double x = 14;
            for (Piece piece : lines.get(i)) {
                measure.setText(piece.text());
                double w = measure.getLayoutBounds().getWidth() * squeeze;
                g.setFill(piece.color());
                g.fillText(piece.text(), x, y, Math.max(1, w));
                x += w;
            }
            y += lineHeight;
        }
        // A hint instead of a tooltip: a tooltip would pop up over the plane while the learner drags.
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11.5));
        g.setTextBaseline(VPos.BOTTOM);
        List<String> hint = wrapHint(vp.width() >= 360 ? keyHint() : i18n.get("vectors2d.plane.hintShort"),
                Fonts.regular(11.5), vp.width() - 24);
        double hy = vp.height() - 8;
        for (int i = hint.size() - 1; i >= 0; i--) {
            g.fillText(hint.get(i), 12, hy, Math.max(50, vp.width() - 24));
            hy -= 15;
        }
    }

    /** The plane's key list, naming only the keys of the groups this lesson shows. */
    private String keyHint() {
        List<String> parts = new ArrayList<>(List.of(i18n.get("vectors2d.plane.key.drag"),
                i18n.get("vectors2d.plane.key.arrows")));
        for (String group : List.of("dot", "norms", "triangle", "neuron")) {
            if (shows(group)) {
                parts.add(i18n.get("vectors2d.plane.key." + group));
            }
        }
        parts.add(i18n.get("vectors2d.plane.key.view"));
        return String.join(" · ", parts);
    }

    /** Breaks the hint at its " · " separators into lines that fit the width (the key list is long). */
    private static List<String> wrapHint(String hint, Font font, double width) {
        Text measure = new Text();
        measure.setFont(font);
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String part : hint.split(" · ")) {
            String candidate = line.isEmpty() ? part : line + " · " + part;
            measure.setText(candidate);
            if (!line.isEmpty() && measure.getLayoutBounds().getWidth() > width) {
                lines.add(line);
                line = part;
            } else {
                line = candidate;
            }
        }
        lines.add(line);
        return lines;
    }

    // ---- keys and drags -------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean moveV = e.isShiftDown();
        Vec2 target = moveV ? model.v() : model.u();
        Vec2 moved = null;
        switch (e.getCode()) {
            case LEFT -> moved = target.plus(new Vec2(-SNAP, 0));
            case RIGHT -> moved = target.plus(new Vec2(SNAP, 0));
            case UP -> moved = target.plus(new Vec2(0, SNAP));
            case DOWN -> moved = target.plus(new Vec2(0, -SNAP));
            case P -> flip("dot", model.showProjectionProperty());
            case N -> flip("norms", model.showNormsProperty());
            case T -> flip("triangle", model.showTriangleProperty());
            case W -> flip("neuron", model.showNeuronProperty());
            case DIGIT1 -> chooseBall(Norms.Kind.L1);
            case DIGIT2 -> chooseBall(Norms.Kind.L2);
            case DIGIT3 -> chooseBall(Norms.Kind.LINF);
            case OPEN_BRACKET -> stepAlpha(-SNAP);
            case CLOSE_BRACKET -> stepAlpha(SNAP);
            default -> {
                return;
            }
        }
        if (moved != null) {
            // Round so that ten presses of 0.1 land on a whole number, not on 0.9999999.
            double x = Math.round(moved.x() / SNAP) * SNAP;
            double y = Math.round(moved.y() / SNAP) * SNAP;
            if (moveV) {
                model.setV(x, y);
            } else {
                model.setU(x, y);
            }
        }
        e.consume();
    }

    private void flip(String group, javafx.beans.property.BooleanProperty property) {
        if (shows(group)) {
            property.set(!property.get());
        }
    }

    private void chooseBall(Norms.Kind kind) {
        if (shows("norms")) {
            model.ballProperty().set(kind.index());
        }
    }

    private void stepAlpha(double by) {
        if (shows("norms")) {
            model.setAlpha(Math.round((model.alphaProperty().get() + by) / SNAP) * SNAP);
        }
    }

    /** Snaps a dragged coordinate to the 0.1 grid unless Shift is held for free movement. */
    private static double snapValue(double x, MouseEvent e) {
        return e.isShiftDown() ? x : Math.round(x / SNAP) * SNAP;
    }

    /** Drags of u's and v's tips; everything else pans the plane. */
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
                case U -> model.setU(sx, sy);
                case V -> model.setV(sx, sy);
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

        /** The nearer of the two tips within the grab radius; u wins a tie. */
        private Grab hit(double x, double y) {
            Viewport vp = plot.viewport();
            Vec2 u = model.u();
            Vec2 v = model.v();
            boolean nearU = PlaneDrawing.near(vp, u, x, y);
            boolean nearV = PlaneDrawing.near(vp, v, x, y);
            if (nearU && nearV) {
                return Math.hypot(u.x() - x, u.y() - y) <= Math.hypot(v.x() - x, v.y() - y) ? Grab.U : Grab.V;
            }
            return nearU ? Grab.U : nearV ? Grab.V : Grab.NONE;
        }
    }
}
