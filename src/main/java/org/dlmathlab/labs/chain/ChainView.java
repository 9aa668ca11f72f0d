package org.dlmathlab.labs.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.calculus.Chain;
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
 * The computational graph x -> u1 -> ... -> z drawn as boxes joined by arrows: each box holds a value (shown by the
 * forward pass), each arrow its link's formula and local derivative, and under or beside each box the backward
 * pass writes dz/du ("blame passed back"). Below it, z(x) with the tangent of slope dz/dx. The chain is laid out left
 * to right when the canvas is wide enough, else top to bottom. Controls: presets, x, the passes, the selected link's
 * k, the palette of pieces, and the read-outs (dz/dx by the chain rule against a central difference).
 */
public final class ChainView implements LabView {

    public static final List<String> CONTROLS = List.of("presets", "input", "passes", "parameter", "build",
            "readouts", "plot");
    /** Time between two revealed nodes of an animated pass. */
    static final Duration STEP = Duration.millis(480);
    private static final int CUSTOM = ChainModel.Preset.values().length;

    private final ChainModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ControlGroups groups;
    private final BorderPane root = new BorderPane();
    private final PlotCanvas graph = new PlotCanvas(new Viewport(0, 1, 0, 1, false));
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-5, 5, -1, 1, false));
    private final VBox plotBox = new VBox();
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final List<Button> pieces = new ArrayList<>();
    private final Button removeLast = new Button();
    private final Button clear = new Button();
    private final Label fullNote = new Label();
    private final Label selectedInfo = new Label();
    private final SimpleStringProperty kLabel = new SimpleStringProperty("k");
    private final SimpleDoubleProperty kValue = new SimpleDoubleProperty(2);
    private final SimpleDoubleProperty xValue = new SimpleDoubleProperty(1);
    private SliderField kField;
    private final Label passNote = new Label();
    private final List<Label> readouts = new ArrayList<>();
    private final Timeline timeline = new Timeline();

    // Animation state: how many link outputs the forward pass has shown, how many adjoints (from z back) the
    // backward pass has shown, and whether a backward pass follows the forward one.
    private volatile boolean animating;
    private boolean backwardQueued;
    private boolean backwardPhase;
    private int animForward;
    private int animBackward;
    private int animatedSize;
    private boolean ownChange;
    private boolean syncing;
    private int selected = -1;
    private String fittedFor = "";

    // Hit areas from the last paint, in canvas pixels: {x, y, w, h}.
    private final List<double[]> nodeRects = new ArrayList<>();
    private final List<double[]> edgeRects = new ArrayList<>();

    public ChainView(ChainModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-chain");
        graph.setId("chain-graph");
        graph.setPainter(this::paintGraph);
        graph.setInteraction(new PickLink());
        graph.setMinSize(160, 160);
        plot.setId("chain-plot");
        plot.setPainter(this::paintPlot);
        plot.setInteraction(new MoveX());
        plot.setMinSize(160, 90);
        plotBox.getChildren().add(plot);
        VBox.setVgrow(plot, Priority.ALWAYS);
        // The plot takes about a quarter of the height: the graph is the main picture.
        plotBox.prefHeightProperty().bind(root.heightProperty().multiply(0.27));
        plotBox.setMinHeight(100);
        plotBox.setMaxHeight(300);
        groups.register("plot", plotBox);
        VBox center = new VBox(graph, plotBox);
        VBox.setVgrow(graph, Priority.ALWAYS);
        root.setCenter(center);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(presetGroup(), inputGroup(), passGroup(), parameterGroup(), buildGroup(),
                readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 280, 220);
        root.setRight(scroller);

        timeline.getKeyFrames().add(new KeyFrame(STEP, e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            relabelPresets();
            refresh();
        });
        theme.modeProperty().addListener(o -> {
            graph.requestRedraw();
            plot.requestRedraw();
        });
        graph.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        selectFirstWithK();
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas graph() {
        return graph;
    }

    public PlotCanvas plot() {
        return plot;
    }

    public boolean isAnimating() {
        return animating;
    }

    /** The selected link (0-based), or -1. */
    public int selectedLink() {
        return selected;
    }

    public void select(int link) {
        selected = link >= 0 && link < model.size() ? link : -1;
        refresh();
    }

    /** The k field (slider and typed box) of the selected link. */
    public SliderField kField() {
        return kField;
    }

    /** How many link outputs are shown (0 = only x). */
    public int shownForward() {
        return animating ? animForward : model.reveal() >= 1 ? model.size() : 0;
    }

    /** How many adjoints dz/du are shown, counted from z backwards (n + 1 = all, down to dz/dx). */
    public int shownBackward() {
        return animating ? animBackward : model.reveal() >= 2 ? model.size() + 1 : 0;
    }

    /** The read-out labels: z, dz/dx (chain rule), central difference, difference. */
    public List<Label> readouts() {
        return readouts;
    }

    /** The screen point at the middle of link i's arrow (for tests and for clicking). */
    public Point2D edgeCenter(int link) {
        double[] r = edgeRects.get(link);
        return graph.canvas().localToScreen(r[0] + Math.min(r[2] / 2, 30), r[1] + r[3] / 2);
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public void resetView() {
        stopAnimation();
        fittedFor = "";
        refresh();
    }

    @Override
    public void dispose() {
        timeline.stop();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node presetGroup() {
        VBox box = groups.group("presets", "chain.presets.title");
        relabelPresets();
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setTooltip(Tips.of(i18n, "chain.presets.tooltip"));
        presetBox.setId("chain-preset");
        presetBox.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (syncing || index == null || index.intValue() < 0 || index.intValue() >= CUSTOM) {
                return;
            }
            stopAnimation();
            model.choosePreset(index.intValue());
            selectFirstWithK();
            refresh();
        });
        box.getChildren().add(presetBox);
        return box;
    }

    private void relabelPresets() {
        syncing = true;
        List<String> names = new ArrayList<>();
        for (ChainModel.Preset p : ChainModel.Preset.values()) {
            names.add(i18n.get("chain.preset." + p.key()));
        }
        names.add(i18n.get("chain.preset.custom"));
        presetBox.setItems(FXCollections.observableArrayList(names));
        presetBox.getSelectionModel().select(model.preset() < 0 ? CUSTOM : model.preset());
        syncing = false;
    }

    private Node inputGroup() {
        VBox box = groups.group("input", "chain.input.title");
        xValue.set(model.x());
        xValue.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.x()) {
                model.setParameter("x", v.doubleValue());
            }
        });
        SliderField field = new SliderField(i18n.bind("chain.input.label"), i18n.bind("chain.input.tooltip"), xValue,
                -ChainModel.X_LIMIT, ChainModel.X_LIMIT,
                v -> requireRange("x", v, ChainModel.X_LIMIT), text -> NumberInput.parse(text, i18n));
        field.setId("chain-x");
        box.getChildren().add(field);
        return box;
    }

    private Node passGroup() {
        VBox box = groups.group("passes", "chain.passes.title");
        Button forward = button("chain-forward", "chain.passes.forward", "chain.passes.forward.tooltip",
                this::playForward);
        Button backward = button("chain-backward", "chain.passes.backward", "chain.passes.backward.tooltip",
                this::playBackward);
        Button all = button("chain-showall", "chain.passes.all", "chain.passes.all.tooltip", this::showAll);
        Button hide = button("chain-hide", "chain.passes.hide", "chain.passes.hide.tooltip", this::hideAll);
        passNote.setWrapText(true);
        passNote.getStyleClass().add("control-explain");
        passNote.setId("chain-pass-note");
        box.getChildren().addAll(new FlowPane(6, 6, forward, backward, all, hide), passNote);
        return box;
    }

    private Node parameterGroup() {
        VBox box = groups.group("parameter", "chain.parameter.title");
        kValue.addListener((o, old, v) -> {
            if (syncing || selected < 0 || selected >= model.size()) {
                return;
            }
            Chain.Link link = model.links().get(selected);
            if (ChainModel.hasK(link.kind()) && v.doubleValue() != link.k()) {
                model.setLinkK(selected, v.doubleValue());
            }
        });
        kField = new SliderField(kLabel, i18n.bind("chain.parameter.tooltip"), kValue, -ChainModel.K_LIMIT,
                ChainModel.K_LIMIT, v -> requireRange("k", v, ChainModel.K_LIMIT),
                text -> NumberInput.parse(text, i18n));
        kField.setId("chain-k");
        selectedInfo.setWrapText(true);
        selectedInfo.getStyleClass().add("control-explain");
        selectedInfo.setId("chain-selected");
        box.getChildren().addAll(selectedInfo, kField);
        return box;
    }

    private Node buildGroup() {
        VBox box = groups.group("build", "chain.build.title");
        Label explain = new Label();
        explain.textProperty().bind(i18n.bind("chain.build.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("control-explain");
        FlowPane palette = new FlowPane(5, 5);
        for (Chain.Kind kind : ChainModel.KINDS) {
            Button b = new Button(ChainText.piece(kind));
            b.setId("chain-piece-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            b.setTooltip(Tips.of(i18n, "chain.piece." + kind.name().toLowerCase(java.util.Locale.ROOT)));
            b.setMinWidth(44);
            b.setOnAction(e -> append(kind));
            pieces.add(b);
            palette.getChildren().add(b);
        }
        removeLast.setId("chain-remove-last");
        removeLast.textProperty().bind(i18n.bind("chain.build.removeLast"));
        removeLast.setTooltip(Tips.of(i18n, "chain.build.removeLast.tooltip"));
        removeLast.setOnAction(e -> removeSelectedOrLast(false));
        clear.setId("chain-clear");
        clear.textProperty().bind(i18n.bind("chain.build.clear"));
        clear.setTooltip(Tips.of(i18n, "chain.build.clear.tooltip"));
        clear.setOnAction(e -> {
            stopAnimation();
            model.clear();
        });
        fullNote.setWrapText(true);
        fullNote.getStyleClass().add("control-explain");
        box.getChildren().addAll(explain, palette, new FlowPane(6, 6, removeLast, clear), fullNote);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "chain.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] keys = {"chain.readout.z", "chain.readout.dzdx", "chain.readout.numeric", "chain.readout.error"};
        String[] ids = {"z", "dzdx", "numeric", "error"};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind(keys[i]));
            name.getStyleClass().add("readout-name");
            name.setWrapText(true);
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("chain-readout-" + ids[i]);
            value.setTooltip(Tips.of(i18n, keys[i] + ".tooltip"));
            readouts.add(value);
            grid.addRow(i, name, value);
        }
        box.getChildren().add(grid);
        return box;
    }

    private Button button(String id, String textKey, String tipKey, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(textKey));
        b.setTooltip(Tips.of(i18n, tipKey));
        b.setOnAction(e -> action.run());
        return b;
    }

    private double requireRange(String name, double v, double limit) {
        if (!(v >= -limit && v <= limit)) {
            throw new IllegalArgumentException(i18n.get("chain.error.range", name, Format.num(-limit),
                    Format.num(limit)));
        }
        return v;
    }

    // ---- actions ----------------------------------------------------------------------------------------------------

    private void append(Chain.Kind kind) {
        stopAnimation();
        if (model.append(kind)) {
            selected = model.size() - 1;
        }
        refresh();
    }

    /** Removes the selected link (Delete key) or, with nothing selected or from the button, the last one. */
    private void removeSelectedOrLast(boolean preferSelected) {
        stopAnimation();
        if (preferSelected && selected >= 0 && selected < model.size()) {
            int removed = selected;
            model.remove(removed);
            selected = Math.min(removed, model.size() - 1);
        } else {
            model.removeLast();
        }
        refresh();
    }

    /** Hides the values and reveals them one node at a time, x first. */
    public void playForward() {
        startAnimation(false);
    }

    /**
     * Reveals dz/du from z back to x, one node at a time; runs the forward pass first when it has not been shown,
     * since the local derivatives need the forward values.
     */
    public void playBackward() {
        if (model.reveal() >= 1 && !animating) {
            setReveal(1);
            animating = true;
            backwardPhase = true;
            backwardQueued = false;
            animForward = model.size();
            animBackward = 0;
            animatedSize = model.size();
            timeline.playFromStart();
            refresh();
        } else {
            startAnimation(true);
        }
    }

    public void showAll() {
        stopAnimation();
        setReveal(2);
        refresh();
    }

    public void hideAll() {
        stopAnimation();
        setReveal(0);
        refresh();
    }

    private void startAnimation(boolean thenBackward) {
        stopAnimation();
        setReveal(0);
        animating = true;
        backwardQueued = thenBackward;
        backwardPhase = false;
        animForward = 0;
        animBackward = 0;
        animatedSize = model.size();
        timeline.playFromStart();
        refresh();
    }

    private void tick() {
        int n = model.size();
        if (!backwardPhase) {
            if (animForward < n) {
                animForward++;
            }
            if (animForward >= n) {
                setReveal(1);
                if (backwardQueued) {
                    backwardPhase = true;
                } else {
                    stopAnimation();
                }
            }
        } else {
            animBackward++;
            if (animBackward >= n + 1) {
                setReveal(2);
                stopAnimation();
            }
        }
        refresh();
    }

    private void stopAnimation() {
        timeline.stop();
        animating = false;
        backwardQueued = false;
        backwardPhase = false;
    }

    private void setReveal(int level) {
        if (model.reveal() != level) {
            ownChange = true;
            try {
                model.setParameter("reveal", level);
            } finally {
                ownChange = false;
            }
        }
    }

    private void selectFirstWithK() {
        selected = -1;
        List<Chain.Link> links = model.links();
        for (int i = 0; i < links.size(); i++) {
            if (ChainModel.hasK(links.get(i).kind())) {
                selected = i;
                return;
            }
        }
    }

    private void nudgeK(double delta) {
        if (selected < 0 || selected >= model.size()) {
            return;
        }
        Chain.Link link = model.links().get(selected);
        if (ChainModel.hasK(link.kind())) {
            double k = Math.round((link.k() + delta) * 10) / 10.0;
            model.setLinkK(selected, Math.max(-ChainModel.K_LIMIT, Math.min(ChainModel.K_LIMIT, k)));
        }
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case F -> playForward();
            case B -> playBackward();
            case A -> showAll();
            case H -> hideAll();
            case LEFT -> model.moveX(Math.round((model.x() - 0.1) * 10) / 10.0);
            case RIGHT -> model.moveX(Math.round((model.x() + 0.1) * 10) / 10.0);
            case UP -> nudgeK(0.1);
            case DOWN -> nudgeK(-0.1);
            case OPEN_BRACKET -> select(selected <= 0 ? model.size() - 1 : selected - 1);
            case CLOSE_BRACKET -> select(selected >= model.size() - 1 ? 0 : selected + 1);
            case DELETE, BACK_SPACE -> removeSelectedOrLast(true);
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---- refresh ----------------------------------------------------------------------------------------------------

    private void refresh() {
        int n = model.size();
        if (animating && (n != animatedSize || (!ownChange && model.reveal() != expectedReveal()))) {
            // The chain changed under the animation (a piece added, Reset): show the model's own state instead.
            stopAnimation();
        }
        if (selected >= n) {
            selected = n - 1;
        }
        syncing = true;
        try {
            xValue.set(model.x());
            presetBox.getSelectionModel().select(model.preset() < 0 ? CUSTOM : model.preset());
            Chain.Link link = selected >= 0 ? model.links().get(selected) : null;
            boolean hasK = link != null && ChainModel.hasK(link.kind());
            kField.setDisable(!hasK);
            kLabel.set(hasK ? (link.kind() == Chain.Kind.SCALE ? "×" : "+") + "k" + sub(selected + 1) : "k");
            if (hasK) {
                kValue.set(link.k());
            }
            if (link == null) {
                selectedInfo.setText(i18n.get(n == 0 ? "chain.parameter.empty" : "chain.parameter.none"));
            } else {
                String in = ChainText.node(selected, n);
                String out = ChainText.node(selected + 1, n);
                String what = out + " = " + ChainText.formula(link, in);
                selectedInfo.setText(i18n.get(hasK ? "chain.parameter.selected" : "chain.parameter.noK",
                        selected + 1, what));
            }
        } finally {
            syncing = false;
        }
        boolean full = n >= ChainModel.MAX_LINKS;
        pieces.forEach(b -> b.setDisable(full));
        fullNote.setText(full ? i18n.get("chain.build.full", ChainModel.MAX_LINKS) : "");
        fullNote.setVisible(full);
        fullNote.setManaged(full);
        removeLast.setDisable(n == 0);
        clear.setDisable(n == 0);
        passNote.setText(i18n.get(animating ? (backwardPhase ? "chain.state.backward" : "chain.state.forward")
                : "chain.state." + model.reveal()));
        boolean valuesShown = shownForward() >= n;
        boolean derivativeShown = shownBackward() >= n + 1;
        readouts.get(0).setText(valuesShown ? Format.num(model.z(), 6) : "?");
        readouts.get(1).setText(derivativeShown ? Format.num(model.dzdx(), 8) : "?");
        readouts.get(2).setText(derivativeShown ? Format.num(model.numeric(), 8) : "?");
        readouts.get(3).setText(derivativeShown ? Format.sci(Math.abs(model.dzdx() - model.numeric()), 2) : "?");
        String signature = model.links().toString();
        if (!signature.equals(fittedFor)) {
            fitPlot();
            fittedFor = signature;
        }
        graph.requestRedraw();
        plot.requestRedraw();
    }

    private int expectedReveal() {
        return backwardPhase ? 1 : 0;
    }

    private static String sub(int i) {
        return String.valueOf("₀₁₂₃₄₅₆₇₈₉".charAt(i));
    }

    /** Frames z(x) on [-5, 5]; exploding values (exp of exp) are clipped so the interesting part stays visible. */
    private void fitPlot() {
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i <= 400; i++) {
            double y = model.valueAt(-ChainModel.X_LIMIT + 2 * ChainModel.X_LIMIT * i / 400.0);
            if (Double.isFinite(y)) {
                ys.add(y);
            }
        }
        double lo = -1;
        double hi = 1;
        if (!ys.isEmpty()) {
            ys.sort(Double::compare);
            lo = ys.get(0);
            hi = ys.get(ys.size() - 1);
            if (hi - lo > 1e4) {
                lo = ys.get((int) (ys.size() * 0.03));
                hi = ys.get((int) (ys.size() * 0.97) - 1);
            }
        }
        if (!(hi - lo > 1e-9)) {
            lo -= 1;
            hi += 1;
        }
        double pad = (hi - lo) * 0.12;
        plot.viewport().setDefault(-ChainModel.X_LIMIT - 0.3, ChainModel.X_LIMIT + 0.3, lo - pad, hi + pad);
        plot.viewport().reset();
    }

    // ---- the graph --------------------------------------------------------------------------------------------------

    private void paintGraph(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        nodeRects.clear();
        edgeRects.clear();
        int n = model.size();
        int fwd = shownForward();
        int bwd = shownBackward();

        // Header: the composed function and what to do next.
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Fonts.bold(15));
        g.setFill(p.text());
        String formula = ChainText.composed(model.links());
        g.fillText("z = " + formula, 12, 8, w - 24);
        Font small = Fonts.regular(12.5);
        g.setFont(small);
        g.setFill(p.axis());
        List<String> state = wrap(n == 0 ? i18n.get("chain.graph.empty") : passNote.getText(), small, w - 24, 2);
        for (int i = 0; i < state.size(); i++) {
            g.fillText(state.get(i), 12, 30 + i * 16, w - 24);
        }

        List<String> footer = footerLines(g, w - 24, fwd, bwd);
        double lineH = 18;
        double hintH = 20;
        double top = 38 + state.size() * 16;
        double bottom = h - hintH - footer.size() * lineH - 8;
        if (w / (n + 1) >= 150 && n > 0) {
            layoutRow(g, p, n, fwd, bwd, top, bottom, w);
        } else {
            layoutColumn(g, p, n, fwd, bwd, top, bottom, w);
        }
        paintFooter(g, p, footer, w, h, lineH, hintH);
    }

    /** Top to bottom: a narrow canvas (the usual case beside the lesson text). */
    private void layoutColumn(GraphicsContext g, Theme.Palette p, int n, int fwd, int bwd, double top, double bottom,
                              double w) {
        double slot = Math.min(96, (bottom - top) / (n + 1));
        double offset = top + Math.max(0, (bottom - top - slot * (n + 1)) / 2);
        double bh = Math.max(20, Math.min(38, slot * 0.5));
        double bw = Math.max(78, Math.min(150, w * 0.34));
        double bx = 14;
        double cx = bx + bw / 2;
        double fs = Math.max(10.5, Math.min(14.5, bh * 0.46));
        for (int i = 0; i <= n; i++) {
            double cy = offset + slot * (i + 0.5);
            nodeRects.add(new double[]{bx, cy - bh / 2, bw, bh});
        }
        for (int i = 0; i < n; i++) {
            double y0 = nodeRects.get(i)[1] + bh;
            double y1 = nodeRects.get(i + 1)[1];
            edgeRects.add(new double[]{bx, y0, w - bx - 4, y1 - y0});
            boolean hot = i == selected;
            drawArrow(g, cx, y0 + 2, cx, y1 - 2, hot ? p.probe() : p.axis(), hot ? 3 : 1.6);
            String[] label = edgeLabel(i, n, fwd);
            double gap = y1 - y0;
            double lx = cx + 12;
            double maxW = w - lx - 8;
            Font font = Fonts.regular(Math.max(10, fs - 1.5));
            double textH = font.getSize() * 1.3;
            if (hot) {
                g.setFill(p.probe().deriveColor(0, 1, 1, 0.14));
                g.fillRoundRect(lx - 4, y0 + 1, Math.min(maxW + 6, TextMetrics.width(label[0] + "   " + label[1], font) + 10),
                        gap - 2, 8, 8);
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            if (gap >= 2 * textH + 2) {
                g.setFont(Fonts.bold(font.getSize()));
                g.setFill(hot ? p.probe() : p.text());
                g.fillText(label[0], lx, (y0 + y1) / 2 - textH / 2, maxW);
                g.setFont(font);
                g.setFill(p.eigen());
                g.fillText(label[1], lx, (y0 + y1) / 2 + textH / 2, maxW);
            } else {
                g.setFont(font);
                g.setFill(p.eigen());
                g.fillText(label[0] + "   " + label[1], lx, (y0 + y1) / 2, maxW);
            }
        }
        for (int i = 0; i <= n; i++) {
            double[] r = nodeRects.get(i);
            drawNode(g, p, i, n, fwd, bwd, r, fs);
            String blame = blameLabel(i, n, bwd);
            if (blame != null) {
                double tx = r[0] + r[2] + 10;
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                g.setFont(Fonts.bold(Math.max(10, fs - 1)));
                g.setFill(p.jhat());
                g.fillText(blame, tx, r[1] + r[3] / 2, Math.max(30, w - tx - 8));
            }
        }
    }

    /** Left to right: a wide canvas. */
    private void layoutRow(GraphicsContext g, Theme.Palette p, int n, int fwd, int bwd, double top, double bottom,
                           double w) {
        double slotW = Math.min(240, (w - 24) / (n + 1));
        double left = (w - slotW * (n + 1)) / 2;
        double bw = Math.min(slotW * 0.6, 140);
        double bh = 40;
        double cy = top + Math.max(70, (bottom - top) * 0.45);
        double fs = 14;
        for (int i = 0; i <= n; i++) {
            double cx = left + slotW * (i + 0.5);
            nodeRects.add(new double[]{cx - bw / 2, cy - bh / 2, bw, bh});
        }
        for (int i = 0; i < n; i++) {
            double x0 = nodeRects.get(i)[0] + bw;
            double x1 = nodeRects.get(i + 1)[0];
            double mid = (x0 + x1) / 2;
            edgeRects.add(new double[]{mid - slotW / 2 + 6, cy - bh / 2 - 48, slotW - 12, bh / 2 + 48});
            boolean hot = i == selected;
            drawArrow(g, x0 + 2, cy, x1 - 2, cy, hot ? p.probe() : p.axis(), hot ? 3 : 1.6);
            String[] label = edgeLabel(i, n, fwd);
            double maxW = slotW - 10;
            if (hot) {
                g.setFill(p.probe().deriveColor(0, 1, 1, 0.14));
                g.fillRoundRect(mid - slotW / 2 + 5, cy - bh / 2 - 46, slotW - 10, 42, 8, 8);
            }
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Fonts.bold(13.5));
            g.setFill(hot ? p.probe() : p.text());
            g.fillText(label[0], mid, cy - bh / 2 - 35, maxW);
            g.setFont(Fonts.regular(12.5));
            g.setFill(p.eigen());
            g.fillText(label[1], mid, cy - bh / 2 - 16, maxW);
        }
        for (int i = 0; i <= n; i++) {
            double[] r = nodeRects.get(i);
            drawNode(g, p, i, n, fwd, bwd, r, fs);
            String blame = blameLabel(i, n, bwd);
            if (blame != null) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.setFont(Fonts.bold(13));
                g.setFill(p.jhat());
                g.fillText(blame, r[0] + r[2] / 2, r[1] + r[3] + 10, slotW - 8);
            }
        }
        if (bwd > 0) {
            // The direction of the backward pass, under the blame labels.
            double y = cy + bh / 2 + 38;
            double[] last = nodeRects.get(n);
            double[] first = nodeRects.get(Math.max(0, n + 1 - bwd));
            g.setLineDashes(6, 5);
            drawArrow(g, last[0] + last[2] / 2, y, first[0] + first[2] / 2, y, p.jhat().deriveColor(0, 1, 1, 0.6),
                    1.4);
            g.setLineDashes();
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFont(Fonts.regular(12));
            g.setFill(p.jhat());
            g.fillText(i18n.get("chain.graph.blame"), (last[0] + first[0] + first[2]) / 2, y + 6, w - 24);
        }
    }

    /** The edge's two lines: "u₁ = 2x" and "du₁/dx = 2" (with the number once the input value is known). */
    private String[] edgeLabel(int i, int n, int fwd) {
        Chain.Link link = model.links().get(i);
        String in = ChainText.node(i, n);
        String out = ChainText.node(i + 1, n);
        double[] values = model.values();
        String local = ChainText.localFormula(link, in, out, values[i]);
        String d = ChainText.derivative(out, in);
        // A local derivative is known once its input value is (sigma' and tanh' also reuse the output).
        boolean known = fwd >= i + (link.kind() == Chain.Kind.SIGMOID || link.kind() == Chain.Kind.TANH ? 1 : 0);
        String number = ChainText.value(model.locals()[i]);
        String second;
        if (local == null) {
            second = d + " = " + number;
        } else {
            second = d + " = " + local + (known ? " = " + number : "");
        }
        return new String[]{out + " = " + ChainText.formula(link, in), second};
    }

    /** "dz/du₁ = 12" once the backward pass has reached node i, else null. */
    private String blameLabel(int i, int n, int bwd) {
        if (bwd < n + 1 - i) {
            return null;
        }
        String name = ChainText.node(i, n);
        String z = n == 0 ? "x" : "z";
        return "d" + z + "/d" + name + " = " + ChainText.value(model.adjoints()[i]);
    }

    private void drawNode(GraphicsContext g, Theme.Palette p, int i, int n, int fwd, int bwd, double[] r, double fs) {
        boolean shown = i <= fwd;
        boolean hot = animating && (backwardPhase ? i == n + 1 - animBackward : i == animForward);
        boolean picked = selected >= 0 && i == selected + 1;
        Color edge = i == 0 ? p.ihat() : i == n ? p.jhat() : p.axis();
        if (hot) {
            g.setFill((backwardPhase ? p.jhat() : p.probe()).deriveColor(0, 1, 1, 0.22));
            g.fillRoundRect(r[0] - 5, r[1] - 5, r[2] + 10, r[3] + 10, 16, 16);
        }
        g.setFill(p.background().interpolate(p.text(), 0.06));
        g.fillRoundRect(r[0], r[1], r[2], r[3], 12, 12);
        g.setStroke(hot ? (backwardPhase ? p.jhat() : p.probe()) : picked ? p.probe() : edge);
        g.setLineWidth(hot || picked ? 2.6 : 1.6);
        g.strokeRoundRect(r[0], r[1], r[2], r[3], 12, 12);
        String name = ChainText.node(i, n);
        String value = shown ? ChainText.value(model.values()[i]) : "?";
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Fonts.bold(fs));
        g.setFill(shown ? p.text() : p.axis());
        g.fillText(name + " = " + value, r[0] + r[2] / 2, r[1] + r[3] / 2, r[2] - 8);
    }

    private static void drawArrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color color,
                                  double width) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 4) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(10, len * 0.4);
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(width);
        g.strokeLine(x0, y0, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        double half = head * 0.5;
        g.fillPolygon(new double[]{x1, bx - uy * half, bx + uy * half}, new double[]{y1, by + ux * half, by - ux * half},
                3);
    }

    /** The result lines under the graph: the chain-rule product, the central difference, and any warning. */
    private List<String> footerLines(GraphicsContext g, double maxWidth, int fwd, int bwd) {
        List<String> lines = new ArrayList<>();
        int n = model.size();
        if (bwd >= n + 1) {
            StringBuilder product = new StringBuilder("dz/dx = ");
            double[] locals = model.locals();
            if (n == 0) {
                product.append("1");
            } else {
                for (int i = n - 1; i >= 0; i--) {
                    product.append(ChainText.factor(locals[i])).append(i > 0 ? " × " : "");
                }
            }
            String result = ChainText.value(model.dzdx());
            String whole = n <= 1 ? product.toString() : product + " = " + result;
            for (String line : wrap(whole, Fonts.bold(14), maxWidth, 3)) {
                lines.add("#" + line);
            }
            lines.add(i18n.get("chain.result.numeric", ChainText.value(model.numeric()),
                    Format.sci(Math.abs(model.dzdx() - model.numeric()), 2)));
        } else {
            for (String line : wrap(i18n.get("chain.result.hidden"), Fonts.bold(14), maxWidth, 2)) {
                lines.add("#" + line);
            }
        }
        String warning = warning(fwd, bwd);
        if (warning != null) {
            for (String line : wrap(warning, Fonts.bold(12.5), maxWidth, 2)) {
                lines.add("!" + line);
            }
        }
        return lines;
    }

    /** What to notice: overflow, a ReLU corner, a vanishing or exploding product; null when all is ordinary. */
    private String warning(int fwd, int bwd) {
        int n = model.size();
        if (n == 0 || fwd < n) {
            return null;
        }
        for (double v : model.values()) {
            if (!Double.isFinite(v)) {
                return i18n.get("chain.warn.overflow");
            }
        }
        if (bwd < n + 1) {
            return null;
        }
        double d = model.dzdx();
        if (!Double.isFinite(d) || !Double.isFinite(model.numeric())) {
            return i18n.get("chain.warn.overflow");
        }
        if (Math.abs(d - model.numeric()) > 1e-4 * Math.max(1, Math.abs(d))) {
            return i18n.get("chain.warn.disagree");
        }
        if (n >= 3) {
            double[] locals = model.locals();
            boolean allSmall = true;
            boolean allLarge = true;
            for (double l : locals) {
                allSmall &= Math.abs(l) < 1;
                allLarge &= Math.abs(l) > 1;
            }
            if (allSmall && Math.abs(d) < 0.01) {
                return i18n.get("chain.warn.vanishing", Format.num(d, 6));
            }
            if (allLarge && Math.abs(d) > 100) {
                return i18n.get("chain.warn.exploding");
            }
        }
        return null;
    }

    private void paintFooter(GraphicsContext g, Theme.Palette p, List<String> lines, double w, double h,
                             double lineH, double hintH) {
        double y = h - hintH - lines.size() * lineH - 4;
        g.setFill(p.background().deriveColor(0, 1, 1, 0.9));
        g.fillRect(0, y - 4, w, h - y + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("!")) {
                g.setFont(Fonts.bold(12.5));
                g.setFill(p.warning());
                line = line.substring(1);
            } else if (line.startsWith("#")) {
                g.setFont(Fonts.bold(14));
                g.setFill(p.text());
                line = line.substring(1);
            } else {
                g.setFont(Fonts.regular(12.5));
                g.setFill(p.eigen());
            }
            g.fillText(line, 12, y + i * lineH, w - 24);
        }
        g.setFont(Fonts.regular(11.5));
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(i18n.get(w >= 560 ? "chain.graph.hint" : "chain.graph.hintShort"), 12, h - 6,
                Math.max(40, w - 24));
    }

    /**
     * Breaks text into lines no wider than maxWidth, at spaces where there are any (Chinese breaks anywhere); the
     * last of maxLines lines takes the rest (and is squeezed by fillText if it must be).
     */
    static List<String> wrap(String text, Font font, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < maxLines - 1 && TextMetrics.width(rest, font) > maxWidth) {
            int cut = 1;
            while (cut < rest.length() && TextMetrics.width(rest.substring(0, cut + 1), font) <= maxWidth) {
                cut++;
            }
            int space = rest.lastIndexOf(' ', cut);
            if (space > cut / 2) {
                cut = space;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }


    // ---- the plot of z(x) -------------------------------------------------------------------------------------------

    private void paintPlot(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        g.setStroke(p.grid().deriveColor(0, 1, 0.8, 1.6));
        g.setLineWidth(2.2);
        Curves.plot(g, vp, model::valueAt);
        double x = model.x();
        double z = model.z();
        boolean derivativeShown = shownBackward() >= model.size() + 1;
        if (derivativeShown && Double.isFinite(z) && Double.isFinite(model.dzdx())) {
            g.setStroke(p.jhat());
            g.setLineWidth(1.8);
            g.setLineDashes(8, 5);
            PlaneDrawing.lineThrough(g, vp, new Vec2(x, z), new Vec2(1, model.dzdx()));
            g.setLineDashes();
        }
        if (Double.isFinite(z)) {
            g.setFill(p.ihat());
            g.fillOval(vp.toScreenX(x) - 5.5, vp.toScreenY(z) - 5.5, 11, 11);
        }
        g.setFont(Fonts.regular(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String title = i18n.get(derivativeShown ? "chain.plot.title" : "chain.plot.titleNoTangent");
        if (TextMetrics.width(title, Fonts.regular(12)) > vp.width() - 24) {
            title = i18n.get(derivativeShown ? "chain.plot.titleShort" : "chain.plot.titleShortNoTangent");
        }
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        g.fillRect(6, 4, Math.min(vp.width() - 12, TextMetrics.width(title, Fonts.regular(12)) + 10), 20);
        g.setFill(p.text());
        g.fillText(title, 10, 7, vp.width() - 20);
    }

    // ---- mouse ------------------------------------------------------------------------------------------------------

    /** A click on an arrow (or on the box it leads to) selects that link; elsewhere clears the selection. */
    private final class PickLink implements PlotCanvas.Interaction {

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            int hit = hit(graph.viewport().toScreenX(wx), graph.viewport().toScreenY(wy));
            select(hit);
            return true;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return hit(graph.viewport().toScreenX(wx), graph.viewport().toScreenY(wy)) >= 0 ? Cursor.HAND
                    : Cursor.DEFAULT;
        }

        private int hit(double sx, double sy) {
            for (int i = 1; i < nodeRects.size(); i++) {
                if (inside(nodeRects.get(i), sx, sy)) {
                    return i - 1;
                }
            }
            for (int i = 0; i < edgeRects.size(); i++) {
                if (inside(edgeRects.get(i), sx, sy)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean inside(double[] r, double sx, double sy) {
            return sx >= r[0] && sx <= r[0] + r[2] && sy >= r[1] && sy <= r[1] + r[3];
        }
    }

    /** Clicking or dragging on the plot moves x (snapped to 0.1; Shift for free movement). */
    private final class MoveX implements PlotCanvas.Interaction {

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            move(wx, event);
            return true;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            move(wx, event);
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return Cursor.H_RESIZE;
        }

        private void move(double wx, MouseEvent event) {
            model.moveX(event.isShiftDown() ? wx : Math.round(wx * 10) / 10.0);
        }
    }
}
