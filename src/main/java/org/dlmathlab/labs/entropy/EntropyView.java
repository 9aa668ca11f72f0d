package org.dlmathlab.labs.entropy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
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
import org.dlmathlab.math.info.Entropy;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * P and Q as side-by-side bars the learner drags (the others rescale so each sums to 1), with each outcome's
 * surprise above its bars and its share of H(P) and H(P, Q) below; a big H(P) read-out; a stacked bar
 * "H(P, Q) = H(P) + KL" against the maximum log2 k; and the controls (k, presets, the exact value of the selected bar,
 * read-outs, the classifier view with logits and the -ln q curve). Draws the model; the numbers come from it.
 */
public final class EntropyView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("outcomes", "presets", "readouts", "classifier");

    /** Drags snap to this step (Shift: free); the arrow keys move by it too (Shift: ten times as much). */
    public static final double SNAP = 0.01;

    private final EntropyModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(0, 1, 0, 1, false));
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Label statusLabel = new Label();
    private final Label valueError = new Label();
    private final Label selectedName = new Label();
    private final TextField valueField = new TextField();
    private final Spinner<Integer> outcomesSpinner = new Spinner<>();
    private final Spinner<Integer> trueClassSpinner = new Spinner<>();
    private final CheckBox classifierBox = new CheckBox();
    private final ToggleGroup sideGroup = new ToggleGroup();
    private final ToggleButton editP = new ToggleButton();
    private final ToggleButton editQ = new ToggleButton();
    private final List<Button> pOnlyPresets = new ArrayList<>();
    private final List<SliderField> logitFields = new ArrayList<>();
    private final Label logitNote = new Label();
    private final Label lossLabel = new Label();
    private final Canvas curve = new Canvas(220, 130);/** The selected bar: outcome index (0-based) and side; UI state, not part of the model. */
    private int selected;
    private boolean selectedQ;
    private boolean dragging;
    private boolean syncing;

    public EntropyView(EntropyModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-entropy");
        plot.setPainter(this::paint);
        plot.setInteraction(new Dragging());
        plot.setId("entropy-bars");
        plot.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.setCenter(plot);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(outcomesGroup(), presetGroup(), readoutGroup(), classifierGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 210);
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

    public PlotCanvas plot() {
        return plot;
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    public Label statusLabel() {
        return statusLabel;
    }

    public TextField valueField() {
        return valueField;
    }

    public Label valueError() {
        return valueError;
    }

    /** The selected bar as "P3" or "Q1" (1-based), for tests. */
    public String selection() {
        return (selectedQ ? "Q" : "P") + (selected + 1);
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        select(0, false);
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node outcomesGroup() {
        VBox box = groups.group("outcomes", "entropy.outcomes.title");
        outcomesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                EntropyModel.MIN_OUTCOMES, EntropyModel.MAX_OUTCOMES, model.outcomes()));
        outcomesSpinner.setId("entropy-k");
        outcomesSpinner.setPrefWidth(80);
        outcomesSpinner.setTooltip(Tips.of(i18n, "entropy.outcomes.k.tooltip"));
        outcomesSpinner.valueProperty().addListener((o, was, is) -> {
            if (!syncing && is != null) {
                model.setOutcomes(is);
            }
        });
        HBox kRow = new HBox(8, label("entropy.outcomes.k"), outcomesSpinner);
        kRow.setAlignment(Pos.CENTER_LEFT);

        selectedName.getStyleClass().add("readout-value");
        selectedName.setMinWidth(Region.USE_PREF_SIZE);
        valueField.setId("entropy-value");
        valueField.setPrefColumnCount(6);
        valueField.setTooltip(Tips.of(i18n, "entropy.value.tooltip"));
        valueField.setOnAction(e -> commitValue());
        valueField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitValue();
            }
        });
        HBox.setHgrow(valueField, Priority.ALWAYS);
        HBox valueRow = new HBox(8, selectedName, valueField);
        valueRow.setAlignment(Pos.CENTER_LEFT);
        valueError.setWrapText(true);
        valueError.getStyleClass().add("lab-status");
        valueError.setId("entropy-value-error");
        valueError.setVisible(false);
        valueError.setManaged(false);
        box.getChildren().addAll(kRow, groups.explain("entropy.value.explain"), valueRow, valueError);
        return box;
    }

    private Node presetGroup() {
        VBox box = groups.group("presets", "entropy.presets.title");
        editP.setToggleGroup(sideGroup);
        editQ.setToggleGroup(sideGroup);
        editP.textProperty().bind(i18n.bind("entropy.edit.p"));
        editQ.textProperty().bind(i18n.bind("entropy.edit.q"));
        editP.setTooltip(Tips.of(i18n, "entropy.edit.p.tooltip"));
        editQ.setTooltip(Tips.of(i18n, "entropy.edit.q.tooltip"));
        editP.setId("entropy-edit-p");
        editQ.setId("entropy-edit-q");
        editP.setSelected(true);
        sideGroup.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                // A toggle group lets the learner click the selected button off; keep one side chosen.
                (was == null ? editP : (ToggleButton) was).setSelected(true);
            } else if (!syncing) {
                select(selected, is == editQ);
            }
        });
        HBox sides = new HBox(0, editP, editQ);
        FlowPane buttons = new FlowPane(6, 6);
        for (String preset : List.of("uniform", "certain", "halving", "skewed")) {
            Button b = new Button();
            b.textProperty().bind(i18n.bind("entropy.preset." + preset));
            b.setTooltip(Tips.of(i18n, "entropy.preset." + preset + ".tooltip"));
            b.setId("entropy-preset-" + preset);
            b.setOnAction(e -> applyPreset(preset));
            pOnlyPresets.add(b);
            buttons.getChildren().add(b);
        }
        Button copy = new Button();
        copy.textProperty().bind(i18n.bind("entropy.preset.copy"));
        copy.setTooltip(Tips.of(i18n, "entropy.preset.copy.tooltip"));
        copy.setId("entropy-copy");
        copy.setOnAction(e -> model.copyPToQ());
        buttons.getChildren().add(copy);
        box.getChildren().addAll(groups.explain("entropy.presets.explain"), sides, buttons);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "entropy.readouts.title");
        GridPane grid = new GridPane();
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("readouts");
        String[] names = {"entropy", "max", "cross", "kl", "sums"};
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.textProperty().bind(i18n.bind("entropy.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            name.setTooltip(Tips.of(i18n, "entropy.readout." + names[row] + ".tooltip"));
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("entropy-readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, name, value);
        }
        statusLabel.setWrapText(true);
        statusLabel.getStyleClass().add("lab-status");
        statusLabel.setId("entropy-status");
        box.getChildren().addAll(grid, statusLabel);
        return box;
    }

    private Node classifierGroup() {
        VBox box = groups.group("classifier", "entropy.classifier.title");
        classifierBox.textProperty().bind(i18n.bind("entropy.classifier.on"));
        classifierBox.setTooltip(Tips.of(i18n, "entropy.classifier.on.tooltip"));
        classifierBox.setId("entropy-classifier");
        classifierBox.setWrapText(true);
        classifierBox.selectedProperty().addListener((o, was, is) -> {
            if (!syncing) {
                model.setClassifierMode(is);
            }
        });
        trueClassSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, model.outcomes(), 1));
        trueClassSpinner.setId("entropy-true-class");
        trueClassSpinner.setPrefWidth(80);
        trueClassSpinner.setTooltip(Tips.of(i18n, "entropy.classifier.true.tooltip"));
        trueClassSpinner.valueProperty().addListener((o, was, is) -> {
            if (!syncing && is != null) {
                model.setTrueClass(is);
            }
        });
        HBox trueRow = new HBox(8, label("entropy.classifier.true"), trueClassSpinner);
        trueRow.setAlignment(Pos.CENTER_LEFT);
        VBox logitsBox = new VBox(4);
        for (int i = 0; i < EntropyModel.MAX_OUTCOMES; i++) {
            int index = i;
            SliderField field = new SliderField(constant("z" + subscript(i + 1)),
                    i18n.bind("entropy.classifier.logit.tooltip", i + 1), model.logitProperty(i), -5, 5,
                    v -> requireLogit(index, v), numberParser);
            field.setId("entropy-z" + (i + 1));
            logitFields.add(field);
            logitsBox.getChildren().add(field);
        }
        logitNote.setWrapText(true);
        logitNote.getStyleClass().add("control-explain");
        lossLabel.setWrapText(true);
        lossLabel.getStyleClass().add("readout-value");
        lossLabel.setId("entropy-loss");
        curve.setId("entropy-loss-curve");
        javafx.scene.control.Tooltip.install(curve, Tips.of(i18n, "entropy.curve.tooltip"));
        box.getChildren().addAll(groups.explain("entropy.classifier.explain"), classifierBox, trueRow, logitNote, logitsBox,
                lossLabel, curve);
        // The curve follows the width of the control column.
        box.widthProperty().addListener((o, was, is) -> {
            curve.setWidth(Math.max(120, is.doubleValue() - 4));
            drawCurve();
        });
        return box;
    }

    private double requireLogit(int index, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > EntropyModel.LOGIT_LIMIT) {
            throw new IllegalArgumentException(i18n.get("entropy.error.logit", "z" + (index + 1),
                    Format.num(-EntropyModel.LOGIT_LIMIT), Format.num(EntropyModel.LOGIT_LIMIT)));
        }
        return v;
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

    // ---- actions --------------------------------------------------------------------------------------------------

    /** Selects a bar (0-based outcome, side), clamped to the outcomes there are. */
    public void select(int index, boolean q) {
        selected = Math.max(0, Math.min(model.outcomes() - 1, index));
        selectedQ = q;
        refresh();
    }

    private boolean pLocked() {
        return model.isClassifier();
    }

    /** Applies a preset to the selected side: uniform, certain (on the selected outcome), halving, skewed. */
    public void applyPreset(String preset) {
        int k = model.outcomes();
        double[] d = new double[k];
        switch (preset) {
            case "uniform" -> java.util.Arrays.fill(d, 1);
            case "certain" -> d[selected] = 1;
            // 1/2, 1/4, ..., with the last two equal: every surprise is a whole number of bits.
            case "halving" -> {
                for (int i = 0; i < k; i++) {
                    d[i] = Math.pow(0.5, Math.min(i + 1, k - 1));
                }
            }
            // k, k-1, ..., 1: likelier outcomes first, none impossible.
            case "skewed" -> {
                for (int i = 0; i < k; i++) {
                    d[i] = k - i;
                }
            }
            default -> throw new IllegalArgumentException("no preset " + preset);
        }
        if (selectedQ) {
            model.setQ(d);
        } else if (pLocked()) {
            // In the classifier view P is the label: "certain" picks the true class, the others do not apply.
            if (preset.equals("certain")) {
                model.setTrueClass(selected + 1);
            }
        } else {
            model.setP(d);
        }
    }

    private void commitValue() {
        if (syncing) {
            return;
        }
        String text = valueField.getText();
        double current = (selectedQ ? model.q() : model.p())[selected];
        if (text.strip().equals(Format.editable(round(current)))) {
            clearValueError();
            return;
        }
        try {
            if (!selectedQ && pLocked()) {
                throw new IllegalArgumentException(i18n.get("entropy.error.locked"));
            }
            double v = numberParser.applyAsDouble(text);
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(i18n.get("entropy.error.probability", text.strip()));
            }
            clearValueError();
            setSelected(v);
        } catch (IllegalArgumentException e) {
            valueField.getStyleClass().add("field-error");
            valueError.setText(e.getMessage());
            valueError.setVisible(true);
            valueError.setManaged(true);
        }
    }

    private void clearValueError() {
        valueField.getStyleClass().removeAll("field-error");
        valueError.setVisible(false);
        valueError.setManaged(false);
    }

    private void setSelected(double v) {
        if (selectedQ) {
            model.dragQ(selected, v);
        } else if (!pLocked()) {
            model.dragP(selected, v);
        }
    }

    // ---- state -> controls and picture ----------------------------------------------------------------------------

    private void refresh() {
        int k = model.outcomes();
        if (selected >= k) {
            selected = k - 1;
        }
        double[] p = model.p();
        double[] q = model.q();
        double h = Entropy.entropyBits(p);
        boolean finite = Entropy.isFinite(p, q);
        syncing = true;
        try {
            outcomesSpinner.getValueFactory().setValue(k);
            SpinnerValueFactory.IntegerSpinnerValueFactory tf =
                    (SpinnerValueFactory.IntegerSpinnerValueFactory) trueClassSpinner.getValueFactory();
            tf.setMax(k);
            tf.setValue(model.trueClass());
            classifierBox.setSelected(model.isClassifier());
            (selectedQ ? editQ : editP).setSelected(true);
            selectedName.setText((selectedQ ? "Q" : "P") + subscript(selected + 1) + " =");
            if (!valueField.isFocused() || !valueField.getStyleClass().contains("field-error")) {
                valueField.setText(Format.editable(round((selectedQ ? q : p)[selected])));
                clearValueError();
            }
        } finally {
            syncing = false;
        }
        boolean locked = pLocked() && !selectedQ;
        valueField.setDisable(locked);
        for (Button b : pOnlyPresets) {
            b.setDisable(locked && !b.getId().endsWith("certain"));
        }
        for (int i = 0; i < logitFields.size(); i++) {
            SliderField f = logitFields.get(i);
            f.setVisible(i < k);
            f.setManaged(i < k);
            f.setDisable(!model.isClassifier());
        }
        trueClassSpinner.setDisable(false);
        logitNote.setText(i18n.get(model.isClassifier() ? "entropy.classifier.logits" : "entropy.classifier.off"));

        readouts.get("entropy").setText(bitsAndNats(h));
        readouts.get("max").setText(i18n.get("entropy.unit.bits", Format.num(Entropy.maxEntropyBits(k))));
        readouts.get("cross").setText(finite ? bitsAndNats(Entropy.crossEntropyBits(p, q))
                : i18n.get("entropy.infinite.short"));
        readouts.get("kl").setText(finite ? bitsAndNats(Entropy.klBits(p, q)) : i18n.get("entropy.infinite.short"));
        readouts.get("sums").setText(i18n.get("entropy.readout.sumsValue", Format.num(sum(p), 6),
                Format.num(sum(q), 6)));
        List<String> status = new ArrayList<>();
        if (!finite) {
            status.add(i18n.get("entropy.infinite"));
        }
        if (h < 1e-12 && !model.isClassifier()) {
            status.add(i18n.get("entropy.status.certain"));
        } else if (Math.abs(h - Entropy.maxEntropyBits(k)) < 1e-9) {
            status.add(i18n.get("entropy.status.uniform"));
        }
        statusLabel.setText(String.join("\n", status));
        statusLabel.getStyleClass().removeAll("lab-status", "control-explain");
        statusLabel.getStyleClass().add(finite ? "control-explain" : "lab-status");

        double qTrue = q[model.trueClass() - 1];
        lossLabel.setText(qTrue > 0
                ? i18n.get("entropy.loss", subscript(model.trueClass()), Format.num(qTrue),
                        Format.num(Entropy.surpriseNats(qTrue)), Format.num(Entropy.surpriseBits(qTrue)))
                : i18n.get("entropy.loss.infinite", subscript(model.trueClass())));
        drawCurve();
        plot.requestRedraw();
    }

    private String bitsAndNats(double bits) {
        return i18n.get("entropy.unit.bitsNats", Format.num(bits), Format.num(bits * Math.log(2)));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Values as a learner would type them: no 0.30000000000000004. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static String subscript(int n) {
        String digits = "₀₁₂₃₄₅₆₇₈₉";
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    // ---- the picture ----------------------------------------------------------------------------------------------

    /** Where everything sits for a canvas of w x h pixels and k outcomes; paint and hit testing share it. */
    record Layout(double width, double height, int k, boolean compact, double left, double right, double headerTop,
                  double stackTop, double legendY, double top, double base, double labelsY, double termsY,
                  boolean showTerms, double hintY) {

        double groupWidth() {
            return (width - left - right) / k;
        }

        double center(int i) {
            return left + groupWidth() * (i + 0.5);
        }

        double barWidth() {
            return Math.max(5, Math.min(46, groupWidth() * 0.34));
        }

        /** Left edge of outcome i's P bar (q = false) or Q bar (q = true). */
        double barX(int i, boolean q) {
            return q ? center(i) + 2 : center(i) - 2 - barWidth();
        }

        double y(double probability) {
            return base - probability * (base - top);
        }

        static Layout of(double w, double h, int k) {
            boolean compact = w < 520 || h < 440;
            double right = 12;
            double hintY = h - 8;
            // The two rows of terms need a left margin for their names; without them the axis labels need less.
            boolean showTerms = h >= 480 && (w - 62 - right) / k >= 34;
            double left = showTerms ? 62 : compact ? 40 : 56;
            double headerTop = 8;
            double big = compact ? 20 : 26;
            // Header: the big read-out and up to two lines under it.
            double stackTop = headerTop + big * 1.3 + 2 * 18 + 10;
            // Stack: its title, the bar (16 px) and the bit ticks under it.
            double legendY = stackTop + 64;
            // Room above a full bar for its probability and surprise.
            double top = legendY + 14 + 32;
            // Bottom up: the hint line (16 px), the two rows of terms (17 px each), the outcome names (20 px).
            double base = hintY - 16 - 4 - (showTerms ? 36 : 0) - 22;
            double labelsY = base + 3;
            double termsY = base + 22 + 9;
            return new Layout(w, h, k, compact, left, right, headerTop, stackTop, legendY, top, base, labelsY,
                    termsY, showTerms, hintY);
        }
    }

    private Layout layout() {
        Viewport vp = plot.viewport();
        return Layout.of(vp.width(), vp.height(), model.outcomes());
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette pal = theme.palette();
        double[] p = model.p();
        double[] q = model.q();
        Layout l = Layout.of(vp.width(), vp.height(), p.length);
        g.setFill(pal.background());
        g.fillRect(0, 0, l.width(), l.height());
        drawHeader(g, pal, l, p, q);
        drawStack(g, pal, l, p, q);
        drawLegend(g, pal, l);
        drawBars(g, pal, l, p, q);
        if (l.showTerms()) {
            drawTerms(g, pal, l, p, q);
        }
        g.setFill(muted(pal));
        g.setFont(Fonts.regular(11.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        String hint = fitText(i18n.get("entropy.plane.hint"), i18n.get("entropy.plane.hintShort"),
                Fonts.regular(11.5), l.width() - 24);
        g.fillText(hint, 12, l.hintY(), Math.max(40, l.width() - 24));
    }

    private static Color pColor(Theme.Palette pal) {
        return pal.eigen();
    }

    private static Color qColor(Theme.Palette pal) {
        return pal.probe();
    }

    private static Color muted(Theme.Palette pal) {
        return pal.axis().deriveColor(0, 1, 1, 0.8);
    }

    private void drawHeader(GraphicsContext g, Theme.Palette pal, Layout l, double[] p, double[] q) {
        double big = l.compact() ? 20 : 26;
        double x = 12;
        double maxWidth = l.width() - 24;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        boolean finite = Entropy.isFinite(p, q);
        String line1;
        String line2;
        Color colour1;
        int t = model.trueClass();
        double qTrue = q[t - 1];
        if (model.isClassifier()) {
            colour1 = qColor(pal);
            line1 = qTrue > 0 ? i18n.get("entropy.header.loss", subscript(t), Format.num(Entropy.surpriseNats(qTrue)))
                    : i18n.get("entropy.header.lossInfinite", subscript(t));
            line2 = qTrue > 0 ? i18n.get("entropy.header.lossDetail", subscript(t),
                    Format.num(Entropy.surpriseBits(qTrue)), Format.num(qTrue)) : i18n.get("entropy.infinite");
        } else {
            colour1 = pColor(pal);
            line1 = i18n.get("entropy.header.entropy", Format.num(Entropy.entropyBits(p)),
                    Format.num(Entropy.maxEntropyBits(p.length)));
            line2 = finite ? i18n.get("entropy.header.cross", Format.num(Entropy.crossEntropyBits(p, q)),
                    Format.num(Entropy.klBits(p, q))) : i18n.get("entropy.infinite");
        }
        g.setFill(colour1);
        g.setFont(Fonts.bold(big));
        g.fillText(line1, x, l.headerTop(), maxWidth);
        g.setFont(Fonts.regular(13.5));
        g.setFill(finite ? pal.text() : pal.warning());
        double y = l.headerTop() + big * 1.3;
        for (String line : wrap(line2, Fonts.regular(13.5), maxWidth, 2)) {
            g.fillText(line, x, y, maxWidth);
            y += 18;
        }
    }

    /** The stacked bar H(P, Q) = H(P) + KL against a dashed line at log2 k. */
    private void drawStack(GraphicsContext g, Theme.Palette pal, Layout l, double[] p, double[] q) {
        double h = Entropy.entropyBits(p);
        boolean finite = Entropy.isFinite(p, q);
        double ce = finite ? Entropy.crossEntropyBits(p, q) : Double.POSITIVE_INFINITY;
        double max = Entropy.maxEntropyBits(p.length);
        double scale = Math.max(1, max) * 1.25;
        if (finite && ce > scale) {
            scale = ce * 1.08;
        }
        double x0 = l.left();
        double x1 = l.width() - l.right();
        double barTop = l.stackTop() + 16;
        double barH = 16;
        double perBit = (x1 - x0) / scale;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFont(Fonts.regular(12));
        g.setFill(muted(pal));
        g.fillText(i18n.get("entropy.stack.title"), x0, barTop - 3, x1 - x0);
        g.setFill(pal.gridFaint());
        g.fillRect(x0, barTop, x1 - x0, barH);
        double hx = x0 + h * perBit;
        g.setFill(pColor(pal));
        g.fillRect(x0, barTop, hx - x0, barH);
        double endX = finite ? Math.min(x1, x0 + ce * perBit) : x1;
        g.setFill(pal.jhat().deriveColor(0, 1, 1, 0.85));
        g.fillRect(hx, barTop, Math.max(0, endX - hx), barH);
        if (!finite) {
            // A torn edge: the extra bits run off without end.
            g.setFill(pal.background());
            double[] xs = {x1 - 8, x1 + 1, x1 + 1, x1 - 8, x1 - 3, x1 - 8, x1 - 3};
            double[] ys = {barTop, barTop, barTop + barH, barTop + barH, barTop + barH * 0.66, barTop + barH * 0.4,
                    barTop + barH * 0.15};
            g.fillPolygon(xs, ys, xs.length);
        }
        // Labels inside the segments when they fit.
        g.setFont(Fonts.bold(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(pal.background());
        String hLabel = "H(P) " + Format.num(h, 2);
        if (hx - x0 > TextMetrics.width(hLabel, Fonts.bold(11)) + 8) {
            g.fillText(hLabel, (x0 + hx) / 2, barTop + barH / 2);
        }
        String klLabel = finite ? "KL " + Format.num(Entropy.klBits(p, q), 2) : "KL ∞";
        if (endX - hx > TextMetrics.width(klLabel, Fonts.bold(11)) + 12) {
            g.fillText(klLabel, (hx + endX) / 2, barTop + barH / 2);
        }
        // Ticks below, in bits, and the maximum as a dashed line.
        double mx = x0 + max * perBit;
        g.setFont(Fonts.regular(10.5));
        g.setTextBaseline(VPos.TOP);
        g.setFill(muted(pal));
        double step = Axes.niceStep(scale, (int) Math.max(2, (x1 - x0) / 70));
        String maxLabel = i18n.get("entropy.stack.max", Format.num(max));
        double maxLabelW = TextMetrics.width(maxLabel, Fonts.bold(10.5));
        for (double b = 0; b <= scale + 1e-9; b += step) {
            double tx = x0 + b * perBit;
            if (Math.abs(tx - mx) < maxLabelW / 2 + 14) {
                continue;
            }
            g.fillText(Format.num(b, 2), tx, barTop + barH + 3);
        }
        g.setStroke(pal.text());
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        g.strokeLine(mx, barTop - 4, mx, barTop + barH + 4);
        g.setLineDashes();
        g.setFont(Fonts.bold(10.5));
        g.setFill(pal.text());
        double labelX = Math.max(x0 + maxLabelW / 2, Math.min(x1 - maxLabelW / 2, mx));
        g.fillText(maxLabel, labelX, barTop + barH + 3);
    }

    private void drawLegend(GraphicsContext g, Theme.Palette pal, Layout l) {
        double x = l.left();
        double y = l.legendY();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Fonts.bold(12));
        g.setFill(pColor(pal));
        g.fillRect(x, y - 5, 10, 10);
        g.fillText("P", x + 14, y);
        g.setFill(qColor(pal));
        g.fillRect(x + 32, y - 5, 10, 10);
        g.fillText("Q", x + 46, y);
        g.setFont(Fonts.regular(11));
        g.setFill(muted(pal));
        double room = l.width() - l.right() - (x + 68);
        String legend = fitText(i18n.get("entropy.legend"), i18n.get("entropy.legendShort"), Fonts.regular(11), room);
        g.fillText(legend, x + 68, y, Math.max(30, room));
    }

    private void drawBars(GraphicsContext g, Theme.Palette pal, Layout l, double[] p, double[] q) {
        int k = p.length;
        double gw = l.groupWidth();
        // Grid lines and the probability axis.
        g.setFont(Fonts.regular(10.5));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (double v = 0; v <= 1.0001; v += 0.25) {
            double y = Math.floor(l.y(v)) + 0.5;
            g.setStroke(v == 0 ? pal.axis() : pal.gridFaint());
            g.strokeLine(l.left(), y, l.width() - l.right(), y);
            g.setFill(muted(pal));
            g.fillText(Format.num(v, 2), l.left() - 6, y);
        }
        int trueIndex = model.trueClass() - 1;
        if (model.isClassifier()) {
            g.setFill(pal.areaPositive());
            g.fillRect(l.left() + gw * trueIndex + 2, l.top() - 30, gw - 4, l.base() - l.top() + 30 + 20);
        }
        double bw = l.barWidth();
        boolean small = gw < 64;
        Font valueFont = Fonts.bold(small ? 10 : 11);
        Font surpriseFont = Fonts.regular(small ? 9.5 : 10.5);
        for (int i = 0; i < k; i++) {
            for (int side = 0; side < 2; side++) {
                boolean isQ = side == 1;
                double v = isQ ? q[i] : p[i];
                double x = l.barX(i, isQ);
                double y = l.y(v);
                Color c = isQ ? qColor(pal) : pColor(pal);
                g.setFill(c.deriveColor(0, 1, 1, 0.82));
                g.fillRect(x, y, bw, l.base() - y);
                g.setStroke(c);
                g.setLineWidth(1.2);
                g.strokeRect(x + 0.5, y + 0.5, bw - 1, Math.max(0, l.base() - y - 1));
                if (v <= 0) {
                    // An empty bar still shows where to grab it.
                    g.setLineWidth(3);
                    g.strokeLine(x, l.base() - 1.5, x + bw, l.base() - 1.5);
                }
                boolean isSelected = i == selected && isQ == selectedQ;
                if (isSelected) {
                    g.setStroke(pal.text());
                    g.setLineWidth(2.2);
                    g.strokeRect(x - 1.5, y - 1.5, bw + 3, l.base() - y + 3);
                    // A grip on top: this is the bar the keys move.
                    g.setLineWidth(1.5);
                    double gy = y + 4;
                    if (l.base() - y > 12) {
                        g.strokeLine(x + bw * 0.3, gy, x + bw * 0.7, gy);
                        g.strokeLine(x + bw * 0.3, gy + 3, x + bw * 0.7, gy + 3);
                    }
                }
                // Probability just above the bar, the surprise log2(1/v) above that.
                double cx = x + bw / 2;
                double room = gw / 2 - 2;
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.BOTTOM);
                g.setFont(valueFont);
                g.setFill(c);
                g.fillText(Format.num(v, small ? 2 : 3), cx, y - 2, room);
                g.setFont(surpriseFont);
                if (v > 0) {
                    g.setFill(muted(pal));
                    g.fillText(Format.num(Entropy.surpriseBits(v), 2), cx, y - 15, room);
                } else if (isQ && p[i] > 0) {
                    // Only an impossible outcome that happens has a surprise worth showing: infinite.
                    g.setFill(pal.warning());
                    g.fillText("∞", cx, y - 15, room);
                }
            }
            // The outcome's name under its pair of bars.
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            boolean isTrue = model.isClassifier() && i == trueIndex;
            g.setFont(isTrue ? Fonts.bold(12) : Fonts.regular(12));
            g.setFill(isTrue ? pal.text() : muted(pal));
            String name = Integer.toString(i + 1);
            if (isTrue) {
                String withMark = i18n.get("entropy.bars.true", name);
                name = TextMetrics.width(withMark, Fonts.bold(12)) < gw - 4 ? withMark : name;
            }
            g.fillText(name, l.center(i), l.labelsY(), gw - 2);
        }
    }

    /** Each outcome's share of H(P) and of H(P, Q): the two sums are the read-outs. */
    private void drawTerms(GraphicsContext g, Theme.Palette pal, Layout l, double[] p, double[] q) {
        double y1 = l.termsY();
        double y2 = y1 + 17;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(Fonts.regular(10.5));
        g.setFill(pColor(pal));
        g.fillText("−p·log₂p", l.left() - 4, y1, l.left() - 6);
        g.setFill(qColor(pal));
        g.fillText("−p·log₂q", l.left() - 4, y2, l.left() - 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(Fonts.regular(11));
        double room = l.groupWidth() - 4;
        for (int i = 0; i < p.length; i++) {
            g.setFill(pColor(pal));
            g.fillText(Format.num(Entropy.termBits(p[i], p[i]), 2), l.center(i), y1, room);
            double t = Entropy.termBits(p[i], q[i]);
            g.setFill(Double.isInfinite(t) ? pal.warning() : qColor(pal));
            g.fillText(Double.isInfinite(t) ? "∞" : Format.num(t, 2), l.center(i), y2, room);
        }
    }

    private void drawCurve() {
        GraphicsContext g = curve.getGraphicsContext2D();
        Theme.Palette pal = theme.palette();
        double w = curve.getWidth();
        double h = curve.getHeight();
        g.setFill(pal.background());
        g.fillRect(0, 0, w, h);
        double left = 30;
        double right = 8;
        double top = 8;
        double bottom = h - 22;
        double yMax = 5;
        g.setStroke(pal.gridFaint());
        g.setLineWidth(1);
        g.setFont(Fonts.regular(10));
        g.setFill(muted(pal));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int n = 0; n <= 5; n++) {
            double y = bottom - n / yMax * (bottom - top);
            g.strokeLine(left, y, w - right, y);
            if (n % 1 == 0) {
                g.fillText(Integer.toString(n), left - 4, y);
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double x = 0; x <= 1.0001; x += 0.25) {
            g.fillText(Format.num(x, 2), left + x * (w - left - right), bottom + 3);
        }
        g.setStroke(pal.axis());
        g.strokeLine(left, bottom, w - right, bottom);
        g.strokeLine(left, top, left, bottom);
        // -ln q from where it leaves the top of the box to q = 1.
        g.setStroke(qColor(pal));
        g.setLineWidth(2);
        g.beginPath();
        double qStart = Math.exp(-yMax);
        int n = 120;
        for (int i = 0; i <= n; i++) {
            double qq = qStart + (1 - qStart) * i / n;
            double px = left + qq * (w - left - right);
            double py = bottom + Math.log(qq) / yMax * (bottom - top);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
        g.setFill(muted(pal));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("−ln q", left + 30, top, w - left - 40);
        double qTrue = model.q()[model.trueClass() - 1];
        double loss = Entropy.surpriseNats(qTrue);
        double px = left + qTrue * (w - left - right);
        double py = loss > yMax ? top : bottom - loss / yMax * (bottom - top);
        g.setFill(pal.jhat());
        g.fillOval(px - 4.5, py - 4.5, 9, 9);
        if (loss > yMax) {
            // Off the top: an arrow says the loss keeps growing.
            g.fillPolygon(new double[]{px - 5, px + 5, px}, new double[]{py + 8, py + 8, py - 2}, 3);
        }
    }

    // ---- text helpers ---------------------------------------------------------------------------------------------


    private String fitText(String full, String shorter, Font font, double room) {
        return TextMetrics.width(full, font) <= room ? full : shorter;
    }

    /** Breaks text into at most maxLines lines no wider than width (by words, or by characters for Chinese). */
    private List<String> wrap(String text, Font font, double width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = i + 1;
            if (text.charAt(i) < 0x2E80) {
                // A Latin word (with the space after it) moves as one piece.
                while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) < 0x2E80) {
                    end++;
                }
                if (end < text.length() && text.charAt(end) == ' ') {
                    end++;
                }
            }
            String piece = text.substring(i, end);
            if (line.length() > 0 && TextMetrics.width(line + piece.stripTrailing(), font) > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                if (lines.size() == maxLines - 1) {
                    line.append(text.substring(i));
                    break;
                }
            }
            line.append(piece);
            i = end;
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    // ---- keys and drags -------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        int k = model.outcomes();
        double step = e.isShiftDown() ? 10 * SNAP : SNAP;
        if (code.isDigitKey()) {
            int n = code.getCode() - (code.name().startsWith("NUMPAD") ? KeyCode.NUMPAD0.getCode()
                    : KeyCode.DIGIT0.getCode());
            if (n >= 1 && n <= k) {
                select(n - 1, selectedQ);
            }
            e.consume();
            return;
        }
        switch (code) {
            case P -> select(selected, false);
            case Q -> select(selected, true);
            case LEFT -> select(selected - 1, selectedQ);
            case RIGHT -> select(selected + 1, selectedQ);
            case UP -> nudge(step);
            case DOWN -> nudge(-step);
            case U -> applyPreset("uniform");
            case C -> model.copyPToQ();
            case T -> model.setTrueClass(selected + 1);
            case TAB -> {
                // Tab walks P1, Q1, P2, Q2, ...; past the last bar it leaves the chart as usual.
                int pos = 2 * selected + (selectedQ ? 1 : 0) + (e.isShiftDown() ? -1 : 1);
                if (pos < 0 || pos >= 2 * k) {
                    return;
                }
                select(pos / 2, pos % 2 == 1);
            }
            case PLUS, EQUALS, ADD, MINUS, SUBTRACT, DIGIT0, NUMPAD0, HOME -> { }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nudge(double delta) {
        double[] d = selectedQ ? model.q() : model.p();
        double v = Math.round((d[selected] + delta) / SNAP) * SNAP;
        setSelected(Math.max(0, Math.min(1, v)));
    }

    /** Which bar a point on the canvas (pixels) belongs to: {outcome, 0 for P or 1 for Q}, or null. */
    int[] hit(double sx, double sy) {
        Layout l = layout();
        if (sx < l.left() || sx > l.width() - l.right() || sy < l.top() - 36 || sy > l.base() + 18) {
            return null;
        }
        int i = (int) Math.floor((sx - l.left()) / l.groupWidth());
        if (i < 0 || i >= l.k()) {
            return null;
        }
        return new int[]{i, sx >= l.center(i) ? 1 : 0};
    }

    /** The screen point (in the canvas) at the top of a bar, for tests and robots. */
    public double[] barTop(int index, boolean q) {
        Layout l = layout();
        double v = (q ? model.q() : model.p())[index];
        return new double[]{l.barX(index, q) + l.barWidth() / 2, l.y(v)};
    }

    /** The probability a drag to canvas height sy means, snapped to 0.01 unless free. */
    double valueAt(double sy, boolean free) {
        Layout l = layout();
        double v = (l.base() - sy) / (l.base() - l.top());
        v = Math.max(0, Math.min(1, v));
        return free ? v : Math.round(v / SNAP) * SNAP;
    }

    private final class Dragging implements PlotCanvas.Interaction {

        @Override
        public boolean press(double x, double y, MouseEvent event) {
            Viewport vp = plot.viewport();
            int[] h = hit(vp.toScreenX(x), vp.toScreenY(y));
            dragging = false;
            if (h != null) {
                boolean isQ = h[1] == 1;
                select(h[0], isQ);
                if (!isQ && pLocked()) {
                    model.setTrueClass(h[0] + 1);
                } else {
                    dragging = true;
                }
            }
            // Nothing on this chart pans: every press counts as handled.
            return true;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            if (dragging) {
                setSelected(valueAt(plot.viewport().toScreenY(y), event.isShiftDown()));
            }
        }

        @Override
        public void release() {
            dragging = false;
        }

        @Override
        public Cursor hover(double x, double y) {
            Viewport vp = plot.viewport();
            int[] h = hit(vp.toScreenX(x), vp.toScreenY(y));
            if (h == null) {
                return Cursor.DEFAULT;
            }
            return h[1] == 0 && pLocked() ? Cursor.HAND : Cursor.V_RESIZE;
        }
    }
}
