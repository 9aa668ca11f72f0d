package org.dlmathlab.labs.losses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
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
import org.dlmathlab.math.linalg.Vec2;
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
 * Two pictures. "One prediction": the loss L(p) of the chosen kind against its target as a curve, the prediction as a
 * draggable point with its tangent (slope dL/dp), and the formula with the numbers filled in. "Outliers": the demo's
 * points (draggable up and down), the learner's constant c (a draggable line), the mean and the median as the best
 * constants under MSE and MAE, each point's pull on c as an arrow, and beside them MSE(c) and MAE(c) drawn sideways so
 * that c reads on the same vertical axis as the data. Draws the model; every number comes from it.
 */
public final class LossesView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("panel", "loss", "prediction", "readouts", "data", "fit");
    /** Drags of p, y, the points and c snap to this (Shift: free). */
    public static final double SNAP = 0.1;
    /** Drags of a probability snap to this. */
    public static final double PROB_SNAP = 0.01;
    /** The arrows in the outlier picture: none, MSE's pulls, MAE's pulls. */
    public static final int ARROWS_NONE = 0;
    public static final int ARROWS_MSE = 1;
    public static final int ARROWS_MAE = 2;

    private static final String STYLESHEET = "/org/dlmathlab/css/losses.css";
    private static final String[] KIND_KEYS = {"mse", "mae", "bce", "cce"};
    private static final double MAE_ARROW_PX = 26;
    private static final double TOP_MARGIN = 0.27;
    private static final double BOTTOM_MARGIN = 0.1;

    private final LossesModel model;
    private final I18n i18n;
    private final Theme theme;
    private final PlotCanvas predictionPlot = new PlotCanvas(new Viewport(-1, 5, -0.5, 5, false));
    private final PlotCanvas outlierPlot = new PlotCanvas(new Viewport(0, 1, 0, 6, false));
    private final BorderPane root = new BorderPane();
    private final VBox plots = new VBox(6);
    private final ControlGroups groups;
    private final List<ToggleButton> panelButtons = new ArrayList<>();
    private final List<ToggleButton> kindButtons = new ArrayList<>();
    private final List<ToggleButton> labelButtons = new ArrayList<>();
    private final List<ToggleButton> classButtons = new ArrayList<>();
    private final List<ToggleButton> arrowButtons = new ArrayList<>();
    private final Label formulaLabel = new Label();
    private final VBox regressionBox = new VBox(4);
    private final VBox binaryBox = new VBox(6);
    private final VBox categoricalBox = new VBox(6);
    private final Label probabilitiesLabel = new Label();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Map<String, Label> readoutNames = new LinkedHashMap<>();
    private final Label note = new Label();
    private final Spinner<Integer> countSpinner = new Spinner<>();
    private final Button outlierButton = new Button();
    private final SliderField outlierField;
    private final VBox predictionSide = new VBox(12);
    private final VBox outlierSide = new VBox(12);private int arrows = ARROWS_MSE;
    private boolean syncing;
    private boolean draggingPrediction;
    private boolean draggingData;
    private int fittedKind = -1;
    private boolean fittedOutlier;
    private int fittedCount = -1;

    public LossesView(LossesModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-losses");
        root.getStylesheets().add(LossesView.class.getResource(STYLESHEET).toExternalForm());

        predictionPlot.setId("losses-prediction-plot");
        predictionPlot.setPainter(this::paintPrediction);
        predictionPlot.setInteraction(new PredictionDrag());
        predictionPlot.addEventHandler(KeyEvent.KEY_PRESSED, this::onPredictionKey);
        outlierPlot.setId("losses-outlier-plot");
        outlierPlot.setPainter(this::paintOutliers);
        outlierPlot.setInteraction(new DataDrag());
        outlierPlot.addEventHandler(KeyEvent.KEY_PRESSED, this::onOutlierKey);
        for (PlotCanvas plot : List.of(predictionPlot, outlierPlot)) {
            VBox.setVgrow(plot, Priority.ALWAYS);
            plot.setMinSize(120, 150);
        }
        plots.getChildren().addAll(predictionPlot, outlierPlot);
        root.setCenter(plots);

        outlierField = new SliderField(i18n.bind("losses.data.outlierY"), i18n.bind("losses.data.outlierY.tooltip"),
                model.outlierValueProperty(), -10, 40, range("outlier_y", -LossesModel.DATA_LIMIT,
                LossesModel.DATA_LIMIT), text -> NumberInput.parse(text, i18n));

        predictionSide.getChildren().addAll(lossGroup(), predictionGroup(), readoutGroup());
        outlierSide.getChildren().addAll(dataGroup(), fitGroup());
        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(panelGroup(), predictionSide, outlierSide);
        ScrollPane scroller = ControlGroups.scroller(controls, 280, 220);
        root.setRight(scroller);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> refresh());
        theme.modeProperty().addListener(o -> refresh());
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas predictionPlot() {
        return predictionPlot;
    }

    public PlotCanvas outlierPlot() {
        return outlierPlot;
    }

    public Button outlierButton() {
        return outlierButton;
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    /** The explanation under the read-outs (the clip, the corner of |p - y|); empty while there is nothing to say. */
    public Label note() {
        return note;
    }

    /** Which pulls the outlier picture draws: {@link #ARROWS_NONE}, {@link #ARROWS_MSE} or {@link #ARROWS_MAE}. */
    public int arrows() {
        return arrows;
    }

    public void setArrows(int which) {
        arrows = Math.floorMod(which, 3);
        syncing = true;
        arrowButtons.get(arrows).setSelected(true);
        syncing = false;
        outlierPlot.requestRedraw();
    }

    /** Where the data point {@code index} (0-based; n is the outlier) is drawn, in the outlier canvas's pixels. */
    public double pointScreenX(int index) {
        return pointX(index, model.data().length, outlierPlot.viewport().width());
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        fitPrediction();
        fitOutliers();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node panelGroup() {
        VBox box = groups.group("panel", "losses.panel.title");
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(0);
        String[] keys = {"prediction", "outliers", "both"};
        for (int i = 0; i < keys.length; i++) {
            int index = i;
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(i18n.bind("losses.panel." + keys[i]));
            b.setTooltip(Tips.of(i18n, "losses.panel." + keys[i] + ".tooltip"));
            b.setId("losses-panel-" + keys[i]);
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                if (!syncing) {
                    model.setParameter("panel", index);
                }
            });
            panelButtons.add(b);
            row.getChildren().add(b);
        }
        box.getChildren().add(row);
        return box;
    }

    private Node lossGroup() {
        VBox box = groups.group("loss", "losses.loss.title");
        ToggleGroup group = new ToggleGroup();
        FlowPane row = new FlowPane(0, 4);
        for (int i = 0; i < KIND_KEYS.length; i++) {
            int index = i;
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(i18n.bind("losses.kind." + KIND_KEYS[i]));
            b.setTooltip(Tips.of(i18n, "losses.kind." + KIND_KEYS[i] + ".tooltip"));
            b.setId("losses-kind-" + KIND_KEYS[i]);
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                if (!syncing) {
                    model.setParameter("kind", index);
                }
            });
            kindButtons.add(b);
            row.getChildren().add(b);
        }
        formulaLabel.setWrapText(true);
        formulaLabel.getStyleClass().add("control-explain");
        formulaLabel.setId("losses-formula");
        box.getChildren().addAll(row, formulaLabel);
        return box;
    }

    private Node predictionGroup() {
        VBox box = groups.group("prediction", "losses.prediction.title");
        SliderField p = new SliderField(constant("p"), i18n.bind("losses.prediction.p.tooltip"),
                model.predictionProperty(), -5, 5, range("p", -LossesModel.VALUE_LIMIT, LossesModel.VALUE_LIMIT),
                text -> NumberInput.parse(text, i18n));
        p.setId("losses-p");
        SliderField y = new SliderField(constant("y"), i18n.bind("losses.prediction.y.tooltip"),
                model.targetProperty(), -5, 5, range("y", -LossesModel.VALUE_LIMIT, LossesModel.VALUE_LIMIT),
                text -> NumberInput.parse(text, i18n));
        y.setId("losses-y");
        regressionBox.getChildren().addAll(p, y);

        SliderField pb = new SliderField(constant("p"), i18n.bind("losses.prediction.pb.tooltip"),
                model.probabilityProperty(), 0, 1, range("p", 0, 1), text -> NumberInput.parse(text, i18n));
        pb.setId("losses-pb");
        ToggleGroup labels = new ToggleGroup();
        HBox labelRow = new HBox(0);
        for (int i = 0; i <= 1; i++) {
            int label = i;
            ToggleButton b = new ToggleButton("y = " + i);
            b.setTooltip(Tips.of(i18n, "losses.prediction.yb" + i + ".tooltip"));
            b.setId("losses-yb-" + i);
            b.setToggleGroup(labels);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                if (!syncing) {
                    model.setParameter("yb", label);
                }
            });
            labelButtons.add(b);
            labelRow.getChildren().add(b);
        }
        binaryBox.getChildren().addAll(pb, labelRow);

        ToggleGroup classes = new ToggleGroup();
        HBox classRow = new HBox(0);
        for (int i = 1; i <= LossesModel.CLASSES; i++) {
            int cls = i;
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(i18n.bind("losses.prediction.class", i));
            b.setTooltip(Tips.of(i18n, "losses.prediction.class.tooltip"));
            b.setId("losses-class-" + i);
            b.setToggleGroup(classes);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                if (!syncing) {
                    model.setParameter("true_class", cls);
                }
            });
            classButtons.add(b);
            classRow.getChildren().add(b);
        }
        VBox logitBox = new VBox(4);
        for (int i = 0; i < LossesModel.CLASSES; i++) {
            SliderField z = new SliderField(constant("z" + subscript(i + 1)),
                    i18n.bind("losses.prediction.z.tooltip", i + 1), model.logitProperty(i), -LossesModel.LOGIT_LIMIT,
                    LossesModel.LOGIT_LIMIT, range("z" + (i + 1), -LossesModel.LOGIT_LIMIT, LossesModel.LOGIT_LIMIT),
                    text -> NumberInput.parse(text, i18n));
            z.setId("losses-z" + (i + 1));
            logitBox.getChildren().add(z);
        }
        probabilitiesLabel.setWrapText(true);
        probabilitiesLabel.getStyleClass().add("readout-value");
        probabilitiesLabel.setId("losses-probabilities");
        categoricalBox.getChildren().addAll(groups.explain("losses.prediction.cce.explain"), classRow, logitBox,
                probabilitiesLabel);

        box.getChildren().addAll(regressionBox, binaryBox, categoricalBox);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "losses.readouts.title");
        GridPane grid = readoutGrid(new String[]{"loss", "grad", "ptrue", "dz"});
        note.setWrapText(true);
        note.getStyleClass().add("lab-status");
        note.setId("losses-note");
        box.getChildren().addAll(grid, note);
        return box;
    }

    private Node dataGroup() {
        VBox box = groups.group("data", "losses.data.title");
        countSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(LossesModel.MIN_POINTS,
                LossesModel.MAX_POINTS, model.pointCount()));
        countSpinner.setPrefWidth(80);
        countSpinner.setId("losses-n");
        countSpinner.setTooltip(Tips.of(i18n, "losses.data.n.tooltip"));
        countSpinner.valueProperty().addListener((o, was, is) -> {
            if (!syncing && is != null) {
                model.setParameter("n", is);
            }
        });
        HBox countRow = new HBox(8, label("losses.data.n"), countSpinner);
        countRow.setAlignment(Pos.CENTER_LEFT);

        outlierButton.setId("losses-outlier");
        outlierButton.setTooltip(Tips.of(i18n, "losses.data.outlier.tooltip"));
        outlierButton.setOnAction(e -> toggleOutlier());
        outlierField.setId("losses-outlier-y");

        SliderField c = new SliderField(constant("c"), i18n.bind("losses.data.c.tooltip"), model.constantProperty(),
                -5, 25, range("c", -LossesModel.DATA_LIMIT, LossesModel.DATA_LIMIT),
                text -> NumberInput.parse(text, i18n));
        c.setId("losses-c");
        Button toMean = new Button();
        toMean.textProperty().bind(i18n.bind("losses.data.toMean"));
        toMean.setTooltip(Tips.of(i18n, "losses.data.toMean.tooltip"));
        toMean.setId("losses-to-mean");
        toMean.setOnAction(e -> model.moveConstant(model.mean()));
        Button toMedian = new Button();
        toMedian.textProperty().bind(i18n.bind("losses.data.toMedian"));
        toMedian.setTooltip(Tips.of(i18n, "losses.data.toMedian.tooltip"));
        toMedian.setId("losses-to-median");
        toMedian.setOnAction(e -> model.moveConstant(model.median()));
        FlowPane jumps = new FlowPane(6, 6, toMean, toMedian);

        ToggleGroup arrowGroup = new ToggleGroup();
        HBox arrowRow = new HBox(0);
        String[] keys = {"none", "mse", "mae"};
        for (int i = 0; i < keys.length; i++) {
            int which = i;
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(i18n.bind("losses.arrows." + keys[i]));
            b.setTooltip(Tips.of(i18n, "losses.arrows.tooltip"));
            b.setId("losses-arrows-" + keys[i]);
            b.setToggleGroup(arrowGroup);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                if (!syncing) {
                    setArrows(which);
                }
            });
            arrowButtons.add(b);
            arrowRow.getChildren().add(b);
        }
        arrowButtons.get(arrows).setSelected(true);
        HBox arrowLine = new HBox(8, label("losses.arrows.title"), arrowRow);
        arrowLine.setAlignment(Pos.CENTER_LEFT);

        box.getChildren().addAll(groups.explain("losses.data.explain"), countRow, outlierButton, outlierField, c, jumps,
                arrowLine);
        return box;
    }

    private Node fitGroup() {
        VBox box = groups.group("fit", "losses.fit.title");
        box.getChildren().add(readoutGrid(new String[]{"mean", "median", "mse", "mae", "mseGrad", "maeGrad"}));
        return box;
    }

    private GridPane readoutGrid(String[] names) {
        GridPane grid = new GridPane();
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.textProperty().bind(i18n.bind("losses.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            name.setTooltip(Tips.of(i18n, "losses.readout." + names[row] + ".tooltip"));
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("losses-readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, name, value);
            readoutNames.put(names[row], name);
        }
        return grid;
    }

    private void toggleOutlier() {
        model.setOutlier(!model.hasOutlier());
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }


    private static StringExpression constant(String text) {
        return Bindings.createStringBinding(() -> text);
    }

    private static String subscript(int i) {
        return String.valueOf("₀₁₂₃₄₅₆₇₈₉".charAt(i));
    }

    /** Rejects a typed value outside [min, max] with a message in the current language. */
    private DoubleUnaryOperator range(String name, double min, double max) {
        return v -> {
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(i18n.get("losses.error.range", name, Format.num(min, 4),
                        Format.num(max, 4)));
            }
            return v;
        };
    }

    // ---- refresh ----------------------------------------------------------------------------------------------------

    private void refresh() {
        syncing = true;
        try {
            int kind = model.kind();
            int panel = (int) model.quantity("panel");
            panelButtons.get(panel).setSelected(true);
            kindButtons.get(kind).setSelected(true);
            labelButtons.get((int) model.quantity("yb")).setSelected(true);
            classButtons.get(model.trueIndex()).setSelected(true);
            if (countSpinner.getValue() == null || countSpinner.getValue() != model.pointCount()) {
                countSpinner.getValueFactory().setValue(model.pointCount());
            }
            showPanel(panel);
            show(regressionBox, kind == LossesModel.MSE || kind == LossesModel.MAE);
            show(binaryBox, kind == LossesModel.BCE);
            show(categoricalBox, kind == LossesModel.CCE);
            formulaLabel.setText(i18n.get("losses.formula." + KIND_KEYS[kind]));
            double[] probs = model.probabilities();
            probabilitiesLabel.setText(i18n.get("losses.prediction.probabilities", num(probs[0]), num(probs[1]),
                    num(probs[2])));

            readouts.get("loss").setText(kind >= LossesModel.BCE
                    ? i18n.get("losses.value.nats", num(model.lossValue())) : num(model.lossValue()));
            readouts.get("grad").setText(num(model.gradient()));
            readouts.get("ptrue").setText(num(model.quantity("p_true")));
            double[] dz = model.logitGradient();
            readouts.get("dz").setText("(" + num(dz[0]) + ", " + num(dz[1]) + ", " + num(dz[2]) + ")");
            for (String name : List.of("ptrue", "dz")) {
                show(readouts.get(name), kind == LossesModel.CCE);
                show(readoutNames.get(name), kind == LossesModel.CCE);
            }
            String noteText = noteText();
            note.setText(noteText);
            show(note, !noteText.isEmpty());

            outlierButton.setText(i18n.get(model.hasOutlier() ? "losses.data.removeOutlier"
                    : "losses.data.addOutlier"));
            outlierField.setDisable(!model.hasOutlier());
            readouts.get("mean").setText(num(model.mean()));
            readouts.get("median").setText(num(model.median()));
            readouts.get("mse").setText(num(model.quantity("mse")));
            readouts.get("mae").setText(num(model.quantity("mae")));
            readouts.get("mseGrad").setText(num(model.quantity("mse_grad")));
            readouts.get("maeGrad").setText(num(model.quantity("mae_grad")));
        } finally {
            syncing = false;
        }
        if (model.kind() != fittedKind || (!draggingPrediction && predictionOutOfView())) {
            fitPrediction();
        }
        if (model.hasOutlier() != fittedOutlier || model.pointCount() != fittedCount
                || (!draggingData && dataOutOfView())) {
            fitOutliers();
        }
        predictionPlot.requestRedraw();
        outlierPlot.requestRedraw();
    }

    private void showPanel(int panel) {
        show(predictionPlot, panel != 1);
        show(outlierPlot, panel != 0);
        show(predictionSide, panel != 1);
        show(outlierSide, panel != 0);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    /** Up to 4 decimals, or scientific for the tiny and huge values the clip produces. */
    private static String num(double v) {
        if (v != 0 && Double.isFinite(v) && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) {
            return Format.sci(v, 3);
        }
        return Format.num(v, 4);
    }

    /** What the learner should know about the current state, in one or two sentences; empty when all is plain. */
    private String noteText() {
        int kind = model.kind();
        if (model.clipped()) {
            double exact = model.exactLoss();
            String unclipped = Double.isFinite(exact) ? i18n.get("losses.note.unclipped", num(exact))
                    : i18n.get("losses.note.infinite");
            return i18n.get("losses.note.clipped", num(model.prediction()), num(model.lossValue()), unclipped);
        }
        if (kind == LossesModel.MAE && model.prediction() == model.target()) {
            return i18n.get("losses.note.corner");
        }
        if (kind >= LossesModel.BCE && model.lossValue() > 5) {
            return i18n.get("losses.note.steep");
        }
        return "";
    }

    // ---- the one-prediction picture -----------------------------------------------------------------------------

    private boolean isProbability() {
        return model.kind() >= LossesModel.BCE;
    }

    private boolean predictionOutOfView() {
        Viewport vp = predictionPlot.viewport();
        double x = model.prediction();
        boolean out = x < vp.minWorldX() || x > vp.maxWorldX();
        if (!isProbability()) {
            double y = model.target();
            out |= y < vp.minWorldX() || y > vp.maxWorldX();
        }
        return out;
    }

    private void fitPrediction() {
        fittedKind = model.kind();
        Viewport vp = predictionPlot.viewport();
        if (isProbability()) {
            vp.setDefault(-0.08, 1.08, -1.1, 5.6);
        } else {
            double y = model.target();
            double half = Math.max(3, Math.abs(model.prediction() - y) + 1.5);
            double top = model.kind() == LossesModel.MSE ? half * half : half;
            vp.setDefault(y - half, y + half, -0.2 * top, 1.12 * top);
        }
        vp.reset();
        predictionPlot.requestRedraw();
    }

    private Color kindColor(Theme.Palette p, int kind) {
        return switch (kind) {
            case LossesModel.MSE -> p.jhat();
            case LossesModel.MAE -> p.eigen();
            case LossesModel.BCE -> p.image();
            default -> p.probe();
        };
    }

    /** The point's place on screen, held inside the canvas when the loss is above the view (the clip's 34.5). */
    private double[] predictionHandle(Viewport vp) {
        double sx = vp.toScreenX(model.prediction());
        double sy = vp.toScreenY(model.lossValue());
        return new double[]{sx, Math.max(10, Math.min(vp.height() - 10, sy))};
    }

    private void paintPrediction(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        int kind = model.kind();
        Color color = kindColor(p, kind);
        boolean probability = isProbability();

        if (kind == LossesModel.BCE) {
            // The other label's curve, faint: the two mirror each other about p = 1/2.
            int other = 1 - (int) model.target();
            g.setStroke(color.deriveColor(0, 0.6, 1, 0.45));
            g.setLineWidth(1.6);
            g.setLineDashes(6, 5);
            Curves.plot(g, vp, x -> x < 0 || x > 1 ? Double.NaN : model.binaryCurve(x, other));
            g.setLineDashes();
        }
        g.setStroke(color);
        g.setLineWidth(2.6);
        Curves.plot(g, vp, x -> probability && (x < 0 || x > 1) ? Double.NaN : model.curve(x));

        if (probability) {
            // The edges of the probability range.
            g.setStroke(p.axis().deriveColor(0, 1, 1, 0.5));
            g.setLineWidth(1);
            g.setLineDashes(3, 4);
            for (double edge : new double[]{0, 1}) {
                double sx = PlaneDrawing.snap(vp.toScreenX(edge));
                g.strokeLine(sx, 0, sx, vp.height());
            }
            g.setLineDashes();
        } else {
            // The target: where the loss is 0; its foot is draggable.
            double sx = vp.toScreenX(model.target());
            g.setStroke(p.text().deriveColor(0, 1, 1, 0.55));
            g.setLineWidth(1.4);
            g.setLineDashes(5, 5);
            g.strokeLine(sx, 0, sx, vp.height());
            g.setLineDashes();
            PlaneDrawing.handle(g, vp, new Vec2(model.target(), 0), p.text());
            g.setFill(p.text());
            g.setFont(Fonts.bold(13));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("y", sx + 6, vp.toScreenY(0) - 8);
        }

        double x = model.prediction();
        double loss = model.lossValue();
        double grad = model.gradient();
        double[] at = predictionHandle(vp);
        boolean above = vp.toScreenY(loss) < at[1] - 0.5;
        if (!above && Double.isFinite(grad)) {
            // The tangent, 70 px to each side along its own direction on screen.
            double dx = vp.scale();
            double dy = -grad * vp.scaleY();
            double len = Math.hypot(dx, dy);
            double ux = dx / len * 70;
            double uy = dy / len * 70;
            g.setStroke(p.text().deriveColor(0, 1, 1, 0.8));
            g.setLineWidth(1.8);
            g.setLineDashes(8, 5);
            g.strokeLine(at[0] - ux, at[1] - uy, at[0] + ux, at[1] + uy);
            g.setLineDashes();
        }
        // Axis names.
        g.setFill(p.axis());
        g.setFont(Fonts.bold(13));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        double axisY = Math.max(16, Math.min(vp.height() - 22, vp.toScreenY(0)));
        g.fillText(probability && kind == LossesModel.CCE ? "p_true" : "p", vp.width() - 8, axisY - 4);
        // What the point and its "▲ L" label take up on the right, so the caption can keep clear of both.
        double reach = above ? at[0] + 20 + TextMetrics.width("▲ L = " + num(loss), Fonts.bold(13)) : at[0] + 14;
        drawPredictionCaption(g, vp, p, x, loss, grad, at, reach);

        // The point goes on top of everything: it is what the learner drags.
        g.setFill(p.ihat());
        g.fillOval(at[0] - 6.5, at[1] - 6.5, 13, 13);
        g.setStroke(p.ihat());
        g.setLineWidth(1.5);
        g.strokeOval(at[0] - 10, at[1] - 10, 20, 20);
        if (above) {
            // The loss is off the top: say how far, so a clipped 34.5 is never hidden.
            String text = "▲ L = " + num(loss);
            Font font = Fonts.bold(13);
            boolean right = at[0] < vp.width() - TextMetrics.width(text, font) - 30;
            double tx = at[0] + (right ? 14 : -14);
            g.setFont(font);
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
            double tw = TextMetrics.width(text, font);
            g.fillRect(right ? tx - 3 : tx - tw - 3, at[1] + 3, tw + 6, 18);
            g.setFill(p.warning());
            g.fillText(text, tx, at[1] + 4);
        }
        hint(g, vp, p, probability ? "losses.plot.hintProb" : "losses.plot.hint", "losses.plot.hintShort");
    }

    private void drawPredictionCaption(GraphicsContext g, Viewport vp, Theme.Palette p, double x, double loss,
                                       double grad, double[] at, double reach) {
        int kind = model.kind();
        String cls = subscript(model.trueIndex() + 1);
        String line1;
        String line2;
        switch (kind) {
            case LossesModel.MSE -> {
                line1 = i18n.get("losses.caption.mse", num(x), num(model.target()), num(loss));
                line2 = i18n.get("losses.caption.mseGrad", num(x), num(model.target()), num(grad));
            }
            case LossesModel.MAE -> {
                line1 = i18n.get("losses.caption.mae", num(x), num(model.target()), num(loss));
                line2 = i18n.get("losses.caption.maeGrad", num(x), num(model.target()), num(grad));
            }
            case LossesModel.BCE -> {
                boolean positive = model.target() == 1;
                line1 = i18n.get(positive ? "losses.caption.bce1" : "losses.caption.bce0", num(x), num(loss));
                line2 = i18n.get(positive ? "losses.caption.bce1Grad" : "losses.caption.bce0Grad", num(x), num(grad));
            }
            default -> {
                line1 = i18n.get("losses.caption.cce", cls, num(x), num(loss));
                line2 = i18n.get("losses.caption.cceGrad", cls, num(grad));
            }
        }
        String warn = model.clipped() ? i18n.get("losses.short.clipped") : "";
        Font font = Fonts.regular(14);
        double width = Math.max(TextMetrics.width(line1, font), TextMetrics.width(line2, font)) + 14;
        width = Math.min(vp.width() - 12, Math.max(width, warn.isEmpty() ? 0 : TextMetrics.width(warn, Fonts.bold(13)) + 14));
        double height = warn.isEmpty() ? 46 : 66;
        // Top left, unless the point is there (a clipped loss sits at the top edge near p = 0): then top right.
        // In a narrow picture with no room beside the point, the box moves below it (and below its "▲ L" label).
        double x0 = 6;
        double y0 = 6;
        if (at[0] < x0 + width + 14 && at[1] < height + 20) {
            x0 = vp.width() - width - 6;
            if (x0 < reach) {
                x0 = 6;
                y0 = at[1] + 26;
            }
        }
        g.setFill(p.background().deriveColor(0, 1, 1, 0.88));
        g.fillRect(x0, y0, width, height);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(font);
        g.setFill(p.text());
        g.fillText(line1, x0 + 8, y0 + 4, width - 12);
        g.fillText(line2, x0 + 8, y0 + 24, width - 12);
        if (!warn.isEmpty()) {
            g.setFont(Fonts.bold(13));
            g.setFill(p.warning());
            g.fillText(warn, x0 + 8, y0 + 44, width - 12);
        }
    }


    private void hint(GraphicsContext g, Viewport vp, Theme.Palette p, String longKey, String shortKey) {
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.8));
        g.setFont(Fonts.regular(11.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        String text = i18n.get(longKey);
        if (TextMetrics.width(text, Fonts.regular(11.5)) > vp.width() - 24) {
            text = i18n.get(shortKey);
        }
        double w = Math.min(vp.width() - 12, TextMetrics.width(text, Fonts.regular(11.5)) + 12);
        g.setFill(p.background().deriveColor(0, 1, 1, 0.8));
        g.fillRect(6, vp.height() - 24, w, 20);
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.85));
        g.fillText(text, 12, vp.height() - 8, Math.max(50, vp.width() - 24));
    }

    private void onPredictionKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = isProbability() ? PROB_SNAP : SNAP;
        if (e.isShiftDown()) {
            step *= 10;
        }
        switch (e.getCode()) {
            case LEFT -> nudgePrediction(-step);
            case RIGHT -> nudgePrediction(step);
            case UP -> {
                if (!isProbability()) {
                    model.moveTarget(round(model.target() + step, SNAP));
                }
            }
            case DOWN -> {
                if (!isProbability()) {
                    model.moveTarget(round(model.target() - step, SNAP));
                }
            }
            case DIGIT1, NUMPAD1 -> model.setParameter("kind", 0);
            case DIGIT2, NUMPAD2 -> model.setParameter("kind", 1);
            case DIGIT3, NUMPAD3 -> model.setParameter("kind", 2);
            case DIGIT4, NUMPAD4 -> model.setParameter("kind", 3);
            case T -> model.nextTarget();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nudgePrediction(double step) {
        double snap = isProbability() ? PROB_SNAP : SNAP;
        model.movePrediction(round(model.prediction() + step, snap));
    }

    private static double round(double v, double step) {
        return Math.round(v / step) * step;
    }

    /** Drags the prediction point along its curve, and (MSE, MAE) the target's foot along the p axis. */
    private final class PredictionDrag implements PlotCanvas.Interaction {

        private boolean target;

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            Viewport vp = predictionPlot.viewport();
            double[] at = predictionHandle(vp);
            double sx = vp.toScreenX(wx);
            double sy = vp.toScreenY(wy);
            if (Math.hypot(sx - at[0], sy - at[1]) <= PlaneDrawing.HANDLE_RADIUS_PX + 3) {
                draggingPrediction = true;
                target = false;
                return true;
            }
            if (!isProbability() && Math.hypot(sx - vp.toScreenX(model.target()), sy - vp.toScreenY(0))
                    <= PlaneDrawing.HANDLE_RADIUS_PX + 3) {
                draggingPrediction = true;
                target = true;
                return true;
            }
            return false;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            if (!draggingPrediction) {
                return;
            }
            if (target) {
                model.moveTarget(event.isShiftDown() ? wx : round(wx, SNAP));
            } else {
                double snap = isProbability() ? PROB_SNAP : SNAP;
                model.movePrediction(event.isShiftDown() ? wx : round(wx, snap));
            }
        }

        @Override
        public void release() {
            draggingPrediction = false;
            refresh();
        }

        @Override
        public Cursor hover(double wx, double wy) {
            Viewport vp = predictionPlot.viewport();
            double[] at = predictionHandle(vp);
            double sx = vp.toScreenX(wx);
            double sy = vp.toScreenY(wy);
            boolean onPoint = Math.hypot(sx - at[0], sy - at[1]) <= PlaneDrawing.HANDLE_RADIUS_PX + 3;
            boolean onTarget = !isProbability() && Math.hypot(sx - vp.toScreenX(model.target()),
                    sy - vp.toScreenY(0)) <= PlaneDrawing.HANDLE_RADIUS_PX + 3;
            return onPoint || onTarget ? Cursor.H_RESIZE : Cursor.DEFAULT;
        }
    }

    // ---- the outlier picture -------------------------------------------------------------------------------------

    /** Left edge of the points' area (room for the value labels). */
    private static double pointsLeft() {
        return 42;
    }

    private static double pointsRight(double width) {
        return width * 0.58;
    }

    private static double pointX(int index, int count, double width) {
        double left = pointsLeft();
        return left + (index + 0.5) * (pointsRight(width) - left) / count;
    }

    private boolean dataOutOfView() {
        Viewport vp = outlierPlot.viewport();
        for (double v : model.data()) {
            if (v < vp.minWorldY() || v > vp.maxWorldY()) {
                return true;
            }
        }
        return model.constant() < vp.minWorldY() || model.constant() > vp.maxWorldY();
    }

    private void fitOutliers() {
        fittedOutlier = model.hasOutlier();
        fittedCount = model.pointCount();
        double lo = model.constant();
        double hi = model.constant();
        for (double v : model.data()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = Math.max(4, hi - lo) * 1.08;
        double mid = (lo + hi) / 2;
        // The legend takes the top quarter and the key hint the bottom tenth: keep the data between them.
        double total = span / (1 - TOP_MARGIN - BOTTOM_MARGIN);
        double top = mid + span / 2 + total * TOP_MARGIN;
        Viewport vp = outlierPlot.viewport();
        vp.setDefault(0, 1, top - total, top);
        vp.reset();
        outlierPlot.requestRedraw();
    }

    private void paintOutliers(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        double left = pointsLeft();
        double right = pointsRight(w);
        double stripGap = w * 0.015;
        double stripW = (w - right - 3 * stripGap) / 2;
        double[] stripX = {right + stripGap, right + 2 * stripGap + stripW};

        // Horizontal grid with value labels: the vertical axis is shared by the data, c and both loss strips.
        double step = Axes.niceStep(vp.maxWorldY() - vp.minWorldY(), (int) Math.max(2, h / 60));
        g.setFont(Fonts.regular(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(vp.minWorldY() / step) * step; v <= vp.maxWorldY(); v += step) {
            double sy = PlaneDrawing.snap(vp.toScreenY(v));
            g.setStroke(Math.abs(v) < step / 2 ? p.axis().deriveColor(0, 1, 1, 0.6) : p.gridFaint());
            g.setLineWidth(1);
            g.strokeLine(left, sy, w, sy);
            if (sy > 10 && sy < h - 10) {
                g.setFill(p.axis());
                g.fillText(Format.num(v, 6), left - 6, sy);
            }
        }
        for (double sx : stripX) {
            g.setStroke(p.axis().deriveColor(0, 1, 1, 0.35));
            g.strokeRect(PlaneDrawing.snap(sx), 0.5, stripW, h - 1);
        }

        double[] data = model.data();
        int count = data.length;
        double c = model.constant();
        double mean = model.mean();
        double median = model.median();
        Color mseColor = p.jhat();
        Color maeColor = p.eigen();
        Color cColor = p.ihat();

        // The best constants and the learner's c, as lines across the points and on into the strips.
        horizontal(g, vp, mean, left, w, mseColor, 2.4, null);
        horizontal(g, vp, median, left, w, maeColor, 2.4, new double[]{9, 5});
        horizontal(g, vp, c, left, w, cColor, 2, new double[]{3, 4});

        // Each point's pull on c: -dL_i/dc, pointing from the c line toward the point.
        if (arrows != ARROWS_NONE) {
            Color color = arrows == ARROWS_MSE ? mseColor : maeColor;
            double cy = vp.toScreenY(c);
            for (int i = 0; i < count; i++) {
                double error = data[i] - c;
                if (error == 0) {
                    continue;
                }
                double sx = pointX(i, count, w) + 9;
                double toY = arrows == ARROWS_MSE ? vp.toScreenY(data[i])
                        : cy - Math.signum(error) * MAE_ARROW_PX;
                arrow(g, sx, cy, sx, toY, color);
            }
        }

        // The points.
        for (int i = 0; i < count; i++) {
            boolean isOutlier = model.hasOutlier() && i == count - 1;
            double sx = pointX(i, count, w);
            double sy = vp.toScreenY(data[i]);
            double shown = Math.max(6, Math.min(h - 6, sy));
            g.setFill(isOutlier ? p.warning() : p.text());
            g.fillOval(sx - 6, shown - 6, 12, 12);
            g.setStroke(isOutlier ? p.warning() : p.text());
            g.setLineWidth(1.4);
            g.strokeOval(sx - 9.5, shown - 9.5, 19, 19);
            if (shown != sy) {
                g.setFont(Fonts.bold(12));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText((sy < shown ? "▲ " : "▼ ") + num(data[i]), sx + 12, shown);
            }
        }

        drawStrip(g, vp, stripX[0], stripW, true, mseColor, mean, c);
        drawStrip(g, vp, stripX[1], stripW, false, maeColor, median, c);
        drawOutlierCaption(g, vp, p, mean, median, c, mseColor, maeColor, cColor, right);
        hint(g, vp, p, "losses.outliers.hint", "losses.outliers.hintShort");
    }

    private static void horizontal(GraphicsContext g, Viewport vp, double value, double from, double to, Color color,
                                   double width, double[] dashes) {
        double sy = vp.toScreenY(value);
        if (sy < -2 || sy > vp.height() + 2) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(width);
        if (dashes != null) {
            g.setLineDashes(dashes);
        }
        g.strokeLine(from, sy, to, sy);
        g.setLineDashes();
    }

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color color) {
        double len = Math.abs(y1 - y0);
        if (len < 2) {
            return;
        }
        double dir = Math.signum(y1 - y0);
        double head = Math.min(8, len * 0.5);
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(2.2);
        g.strokeLine(x0, y0, x1, y1 - dir * head * 0.8);
        g.fillPolygon(new double[]{x1, x1 - head * 0.55, x1 + head * 0.55},
                new double[]{y1, y1 - dir * head, y1 - dir * head}, 3);
    }

    /** L(c) for c down the shared vertical axis: loss to the right, its minimum and the value at c marked. */
    private void drawStrip(GraphicsContext g, Viewport vp, double x0, double width, boolean mse, Color color,
                           double best, double c) {
        Theme.Palette p = theme.palette();
        double lo = vp.minWorldY();
        double hi = vp.maxWorldY();
        double max = model.constantLossMax(mse, lo, hi);
        if (!(max > 0)) {
            max = 1;
        }
        double pad = 5;
        double scale = (width - 2 * pad) / max;
        g.setStroke(color);
        g.setLineWidth(2.2);
        g.beginPath();
        for (int sy = 0; sy <= (int) vp.height(); sy += 2) {
            double value = model.constantLoss(mse, vp.toWorldY(sy));
            double sx = x0 + pad + value * scale;
            if (sy == 0) {
                g.moveTo(sx, sy);
            } else {
                g.lineTo(sx, sy);
            }
        }
        g.stroke();
        double by = vp.toScreenY(best);
        g.setFill(color);
        g.fillOval(x0 + pad + model.constantLoss(mse, best) * scale - 5, by - 5, 10, 10);
        double cy = vp.toScreenY(c);
        if (cy >= 0 && cy <= vp.height()) {
            double cx = x0 + pad + model.constantLoss(mse, c) * scale;
            g.setStroke(p.ihat());
            g.setLineWidth(1.8);
            g.strokeOval(Math.min(cx, x0 + width - 4) - 6, cy - 6, 12, 12);
        }
        g.setFont(Fonts.bold(12.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double mid = x0 + width / 2;
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(x0 + 1, 1, width - 2, 34);
        g.setFill(color);
        g.fillText(mse ? "MSE(c)" : "MAE(c)", mid, 4, width - 4);
        g.setFont(Fonts.regular(11.5));
        g.setFill(p.text());
        g.fillText("= " + num(model.quantity(mse ? "mse" : "mae")), mid, 19, width - 4);
    }

    private void drawOutlierCaption(GraphicsContext g, Viewport vp, Theme.Palette p, double mean, double median,
                                    double c, Color mseColor, Color maeColor, Color cColor, double right) {
        Font font = Fonts.regular(12.5);
        String[] lines = {i18n.get("losses.legend.mean", num(mean)), i18n.get("losses.legend.median", num(median)),
                i18n.get("losses.legend.c", num(c))};
        double room = right - pointsLeft() - 4;
        if (widest(lines, font) + 34 > room) {
            // A narrow picture: the short names only, never squeezed letters.
            lines = new String[]{i18n.get("losses.legend.meanShort", num(mean)),
                    i18n.get("losses.legend.medianShort", num(median)), i18n.get("losses.legend.c", num(c))};
        }
        Color[] colors = {mseColor, maeColor, cColor};
        double width = Math.min(widest(lines, font) + 34, room);
        double x = pointsLeft() + 2;
        g.setFill(p.background().deriveColor(0, 1, 1, 0.86));
        g.fillRect(x, 4, width, lines.length * 18 + 6);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < lines.length; i++) {
            double y = 13 + i * 18;
            g.setStroke(colors[i]);
            g.setLineWidth(2.4);
            if (i == 1) {
                g.setLineDashes(6, 3);
            } else if (i == 2) {
                g.setLineDashes(3, 3);
            }
            g.strokeLine(x + 5, y, x + 22, y);
            g.setLineDashes();
            g.setFill(p.text());
            g.fillText(lines[i], x + 27, y, width - 30);
        }
    }

    private double widest(String[] lines, Font font) {
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, TextMetrics.width(line, font));
        }
        return width;
    }

    private void onOutlierKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = e.isShiftDown() ? 1 : SNAP;
        switch (e.getCode()) {
            case UP -> model.moveConstant(round(model.constant() + step, SNAP));
            case DOWN -> model.moveConstant(round(model.constant() - step, SNAP));
            case O -> toggleOutlier();
            case M -> model.moveConstant(model.mean());
            case N -> model.moveConstant(model.median());
            case G -> setArrows(arrows + 1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Drags a point up and down; anywhere else moves the constant c to the mouse. */
    private final class DataDrag implements PlotCanvas.Interaction {

        private int point = -1;

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            point = pointAt(wx, wy);
            draggingData = true;
            drag(wx, wy, event);
            return true;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            double v = event.isShiftDown() ? wy : round(wy, SNAP);
            if (point >= 0) {
                model.movePoint(point, v);
            } else {
                model.moveConstant(v);
            }
        }

        @Override
        public void release() {
            draggingData = false;
            point = -1;
            refresh();
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return pointAt(wx, wy) >= 0 ? Cursor.V_RESIZE : Cursor.DEFAULT;
        }

        private int pointAt(double wx, double wy) {
            Viewport vp = outlierPlot.viewport();
            double sx = vp.toScreenX(wx);
            double sy = vp.toScreenY(wy);
            double[] data = model.data();
            int best = -1;
            double bestDistance = PlaneDrawing.HANDLE_RADIUS_PX + 3;
            for (int i = 0; i < data.length; i++) {
                double py = Math.max(6, Math.min(vp.height() - 6, vp.toScreenY(data[i])));
                double d = Math.hypot(sx - pointX(i, data.length, vp.width()), sy - py);
                if (d <= bestDistance) {
                    best = i;
                    bestDistance = d;
                }
            }
            return best;
        }
    }
}
