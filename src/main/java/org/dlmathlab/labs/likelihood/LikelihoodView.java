package org.dlmathlab.labs.likelihood;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
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
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.optim.ContourGrid;
import org.dlmathlab.ui.TextMetrics;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Curves;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Viewport;

/**
 * Maximum likelihood, three pictures: the data as dots with the candidate density over them and each point's
 * density as a stick (the likelihood is the product of the sticks); a map of the log-likelihood over (mu, sigma) with
 * the candidate and the maximum marked (cached as an image, rebuilt only when the data, the view, the size or the
 * theme change); and, with sigma fixed, -l(mu) above SSE(mu), which share their minimiser.
 */
public final class LikelihoodView implements LabView {

    public static final List<String> CONTROLS = List.of("candidate", "data", "typed", "readouts", "map", "loss");
    /** Below this width of the picture column the map and the loss panel share one place, chosen by a switch. */
    private static final double SIDE_BY_SIDE_WIDTH = 620;
    private static final int LEVELS = 12;
    /** Contour colours from the lowest band to the highest (the maximum is the brightest). */
    private static final Color[] MAP_LIGHT = {
        Color.web("#34466b"), Color.web("#4f7aa3"), Color.web("#8fc1c9"), Color.web("#fff3c4")};
    private static final Color[] MAP_DARK = {
        Color.web("#141a26"), Color.web("#25466a"), Color.web("#3f8a8c"), Color.web("#e9d98a")};

    private final LikelihoodModel model;
    private final I18n i18n;
    private final Theme theme;
    private final PlotCanvas dataPlot = new PlotCanvas(new Viewport(-2, 6, -0.1, 0.4, false));
    private final PlotCanvas map = new PlotCanvas(new Viewport(-2, 6, 0, 4, false));
    private final PlotCanvas loss = new PlotCanvas(new Viewport(-2, 6, 0, 1, false));
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final DoubleProperty mu = new SimpleDoubleProperty(this, "mu");
    private final DoubleProperty sigma = new SimpleDoubleProperty(this, "sigma");
    private final DoubleProperty n = new SimpleDoubleProperty(this, "n");
    private final DoubleProperty trueMu = new SimpleDoubleProperty(this, "trueMu");
    private final DoubleProperty trueSigma = new SimpleDoubleProperty(this, "trueSigma");
    private final BooleanProperty showBest = new SimpleBooleanProperty(this, "showBest", false);
    private final TextField seedField = new TextField();
    private final Label seedError = new Label();
    private final TextArea typedArea = new TextArea();
    private final Label typedMessage = new Label();
    private final Label dataSource = new Label();
    private final List<Label> readoutValues = new ArrayList<>();
    private final Label underflowNote = new Label();
    private final Label maximumNote = new Label();
    private final HBox bottomRow = new HBox(6);
    private final HBox panelSwitch = new HBox(4);
    private final ToggleButton showMap = new ToggleButton();
    private final ToggleButton showLoss = new ToggleButton();
    private final VBox mapBox;
    private final VBox lossBox;
    private final VBox center = new VBox(4);private boolean syncing;
    private boolean dragging;
    private long fittedVersion = -1;

    // The map image and what it was built for.
    private WritableImage mapImage;
    private int[] pixels;
    private double[] levels = new double[0];
    private Color[] bandColors = new Color[0];
    private long builtVersion = -1;
    private double builtMinX;
    private double builtMaxX;
    private double builtMinY;
    private double builtMaxY;
    private double builtWidth;
    private double builtHeight;
    private Theme.Mode builtMode;
    private long mapBuilds;

    public LikelihoodView(LikelihoodModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-likelihood");

        dataPlot.setId("likelihood-data");
        dataPlot.setPainter(this::paintData);
        dataPlot.setInteraction(new DataDrag());
        dataPlot.setMinSize(160, 140);
        map.setId("likelihood-map");
        map.setPainter(this::paintMap);
        map.setInteraction(new MapDrag());
        map.setMinSize(140, 120);
        loss.setId("likelihood-loss");
        loss.setPainter(this::paintLoss);
        loss.setInteraction(new LossDrag());
        loss.setMinSize(140, 120);
        for (PlotCanvas c : List.of(dataPlot, map, loss)) {
            c.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        }

        mapBox = titled(map, "likelihood.map.title");
        lossBox = titled(loss, "likelihood.loss.title");
        groups.register("map", mapBox);
        groups.register("loss", lossBox);
        HBox.setHgrow(mapBox, Priority.ALWAYS);
        HBox.setHgrow(lossBox, Priority.ALWAYS);
        bottomRow.getChildren().addAll(mapBox, lossBox);
        bottomRow.setPrefHeight(300);
        bottomRow.setMinHeight(150);
        ToggleGroup which = new ToggleGroup();
        showMap.setToggleGroup(which);
        showLoss.setToggleGroup(which);
        showMap.textProperty().bind(i18n.bind("likelihood.switch.map"));
        showLoss.textProperty().bind(i18n.bind("likelihood.switch.loss"));
        showMap.setTooltip(Tips.of(i18n, "likelihood.switch.tooltip"));
        showLoss.setTooltip(Tips.of(i18n, "likelihood.switch.tooltip"));
        showMap.setSelected(true);
        showMap.getStyleClass().add("small-button");
        showLoss.getStyleClass().add("small-button");
        which.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
            arrangePanels();
        });
        panelSwitch.getChildren().addAll(showMap, showLoss);
        panelSwitch.setPadding(new Insets(2, 6, 0, 6));

        center.getChildren().addAll(dataPlot, panelSwitch, bottomRow);
        VBox.setVgrow(dataPlot, Priority.ALWAYS);
        center.widthProperty().addListener(o -> arrangePanels());
        root.setCenter(center);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(candidateGroup(), readoutGroup(), dataGroup(), typedGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 285, 230);
        root.setRight(scroller);

        showBest.addListener(o -> dataPlot.requestRedraw());
        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> refresh());
        theme.modeProperty().addListener(o -> refresh());
        arrangePanels();
        refresh();
    }

    private VBox titled(PlotCanvas canvas, String key) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind(key));
        title.getStyleClass().add("control-explain");
        title.setPadding(new Insets(0, 0, 0, 6));
        VBox box = new VBox(2, title, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        box.setMinWidth(0);
        return box;
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas dataPlot() {
        return dataPlot;
    }

    public PlotCanvas mapPlot() {
        return map;
    }

    public PlotCanvas lossPlot() {
        return loss;
    }

    public TextArea typedArea() {
        return typedArea;
    }

    public Label typedMessage() {
        return typedMessage;
    }

    public TextField seedField() {
        return seedField;
    }

    /** Read-out values in order: L, l, -l, SSE, mu*, sample mean, sigma*^2, SSE/n, SSE/(n - 1), l max. */
    public List<Label> readoutValues() {
        return readoutValues;
    }

    public Label underflowNote() {
        return underflowNote;
    }

    public long mapBuilds() {
        return mapBuilds;
    }

    /** Where the maximum's marker is drawn on the map, in the map canvas's pixels. */
    public double[] maximumMarker() {
        Viewport vp = map.viewport();
        return new double[]{vp.toScreenX(model.muMle()), vp.toScreenY(model.sigmaMle())};
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        arrangePanels();
    }

    @Override
    public void resetView() {
        fittedVersion = -1;
        refresh();
    }

    // ---- layout -----------------------------------------------------------------------------------------------------

    /** Side by side when there is room, else one of the two with a switch; hidden groups take no space. */
    private void arrangePanels() {
        boolean mapWanted = mapBox.isVisible();
        boolean lossWanted = lossBox.isVisible();
        boolean wide = center.getWidth() == 0 || center.getWidth() >= SIDE_BY_SIDE_WIDTH;
        boolean both = mapWanted && lossWanted;
        boolean useSwitch = both && !wide;
        panelSwitch.setVisible(useSwitch);
        panelSwitch.setManaged(useSwitch);
        List<Node> shown = new ArrayList<>();
        if (mapWanted && (!useSwitch || showMap.isSelected())) {
            shown.add(mapBox);
        }
        if (lossWanted && (!useSwitch || showLoss.isSelected())) {
            shown.add(lossBox);
        }
        if (!bottomRow.getChildren().equals(shown)) {
            bottomRow.getChildren().setAll(shown);
        }
        boolean any = !shown.isEmpty();
        bottomRow.setVisible(any);
        bottomRow.setManaged(any);
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node candidateGroup() {
        VBox box = groups.group("candidate", "likelihood.candidate.title");
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
        SliderField muField = new SliderField(i18n.bind("likelihood.mu.label"), i18n.bind("likelihood.mu.tooltip"),
                mu, -10, 10, v -> requireRange("μ", v, -LikelihoodModel.LIMIT, LikelihoodModel.LIMIT),
                text -> NumberInput.parse(text, i18n));
        muField.setId("likelihood-mu");
        SliderField sigmaField = new SliderField(i18n.bind("likelihood.sigma.label"),
                i18n.bind("likelihood.sigma.tooltip"), sigma, 0.1, 10,
                v -> requireRange("σ", v, LikelihoodModel.SIGMA_MIN, LikelihoodModel.SIGMA_MAX),
                text -> NumberInput.parse(text, i18n));
        sigmaField.setId("likelihood-sigma");
        for (SliderField f : List.of(muField, sigmaField)) {
            f.slider().setMajorTickUnit(1);
            f.slider().setMinorTickCount(9);
            f.slider().setSnapToTicks(true);
        }
        Button jump = new Button();
        jump.textProperty().bind(i18n.bind("likelihood.jump"));
        jump.setTooltip(Tips.of(i18n, "likelihood.jump.tooltip"));
        jump.setId("likelihood-jump");
        jump.setOnAction(e -> model.jumpToMaximum());
        CheckBox best = new CheckBox();
        best.textProperty().bind(i18n.bind("likelihood.best"));
        best.setTooltip(Tips.of(i18n, "likelihood.best.tooltip"));
        best.selectedProperty().bindBidirectional(showBest);
        box.getChildren().addAll(muField, sigmaField, new FlowPane(8, 6, jump, best));
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "likelihood.readouts.title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        String[] keys = {"likelihood.readout.L", "likelihood.readout.loglik", "likelihood.readout.nll",
            "likelihood.readout.sse", "likelihood.readout.muMle", "likelihood.readout.mean",
            "likelihood.readout.varMle", "likelihood.readout.biased", "likelihood.readout.unbiased",
            "likelihood.readout.max"};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind(keys[i]));
            name.getStyleClass().add("readout-name");
            name.setTooltip(Tips.of(i18n, keys[i] + ".tooltip"));
            name.setWrapText(true);
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("likelihood-readout-" + i);
            value.setMinWidth(Label.USE_PREF_SIZE);
            readoutValues.add(value);
            grid.addRow(i, name, value);
        }
        underflowNote.setWrapText(true);
        underflowNote.setId("likelihood-underflow");
        underflowNote.getStyleClass().add("control-explain");
        maximumNote.setWrapText(true);
        maximumNote.setId("likelihood-maximum");
        maximumNote.getStyleClass().add("control-explain");
        box.getChildren().addAll(grid, underflowNote, maximumNote);
        return box;
    }

    private Node dataGroup() {
        VBox box = groups.group("data", "likelihood.data.title");
        n.set(model.size());
        trueMu.set(model.quantity("true_mu"));
        trueSigma.set(model.quantity("true_sigma"));
        n.addListener((o, old, v) -> {
            int whole = (int) Math.round(v.doubleValue());
            if (!syncing && (whole != model.size() || model.isTyped())) {
                model.setParameter("n", whole);
            }
        });
        trueMu.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.quantity("true_mu")) {
                model.setParameter("true_mu", v.doubleValue());
            }
        });
        trueSigma.addListener((o, old, v) -> {
            if (!syncing && v.doubleValue() != model.quantity("true_sigma")) {
                model.setParameter("true_sigma", v.doubleValue());
            }
        });
        SliderField nField = new SliderField(i18n.bind("likelihood.n.label"), i18n.bind("likelihood.n.tooltip"), n,
                1, 200, v -> {
                    if (v != Math.rint(v) || v < 1 || v > LikelihoodModel.N_MAX) {
                        throw new IllegalArgumentException(i18n.get("likelihood.error.n", LikelihoodModel.N_MAX));
                    }
                    return v;
                }, text -> NumberInput.parse(text, i18n));
        nField.slider().setMajorTickUnit(10);
        nField.slider().setMinorTickCount(9);
        nField.slider().setSnapToTicks(true);
        nField.setId("likelihood-n");
        SliderField muField = new SliderField(i18n.bind("likelihood.trueMu.label"),
                i18n.bind("likelihood.trueMu.tooltip"), trueMu, -LikelihoodModel.TRUE_MU_LIMIT,
                LikelihoodModel.TRUE_MU_LIMIT, v -> requireRange("μ", v, -LikelihoodModel.TRUE_MU_LIMIT,
                LikelihoodModel.TRUE_MU_LIMIT), text -> NumberInput.parse(text, i18n));
        SliderField sigmaField = new SliderField(i18n.bind("likelihood.trueSigma.label"),
                i18n.bind("likelihood.trueSigma.tooltip"), trueSigma, LikelihoodModel.TRUE_SIGMA_MIN,
                LikelihoodModel.TRUE_SIGMA_MAX, v -> requireRange("σ", v, LikelihoodModel.TRUE_SIGMA_MIN,
                LikelihoodModel.TRUE_SIGMA_MAX), text -> NumberInput.parse(text, i18n));
        for (SliderField f : List.of(muField, sigmaField)) {
            f.slider().setMajorTickUnit(1);
            f.slider().setMinorTickCount(9);
            f.slider().setSnapToTicks(true);
        }
        Label seedLabel = new Label();
        seedLabel.textProperty().bind(i18n.bind("likelihood.seed.label"));
        seedLabel.setMinWidth(Label.USE_PREF_SIZE);
        seedField.setId("likelihood-seed");
        seedField.setPrefColumnCount(8);
        seedField.setTooltip(Tips.of(i18n, "likelihood.seed.tooltip"));
        seedField.setOnAction(e -> commitSeed());
        seedField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitSeed();
            }
        });
        HBox.setHgrow(seedField, Priority.ALWAYS);
        HBox seedRow = new HBox(8, seedLabel, seedField);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        seedError.setWrapText(true);
        seedError.getStyleClass().add("lab-status");
        seedError.setVisible(false);
        seedError.setManaged(false);
        Label explain = groups.explain("likelihood.data.explain");
        box.getChildren().addAll(nField, seedRow, seedError, muField, sigmaField, explain);
        return box;
    }

    private Node typedGroup() {
        VBox box = groups.group("typed", "likelihood.typed.title");
        typedArea.setId("likelihood-typed");
        typedArea.setPrefRowCount(3);
        typedArea.setWrapText(true);
        typedArea.promptTextProperty().bind(i18n.bind("likelihood.typed.prompt"));
        typedArea.setTooltip(Tips.of(i18n, "likelihood.typed.tooltip"));
        Button use = new Button();
        use.textProperty().bind(i18n.bind("likelihood.typed.use"));
        use.setTooltip(Tips.of(i18n, "likelihood.typed.tooltip"));
        use.setId("likelihood-typed-use");
        use.setOnAction(e -> applyTyped());
        Button generated = new Button();
        generated.textProperty().bind(i18n.bind("likelihood.typed.generated"));
        generated.setTooltip(Tips.of(i18n, "likelihood.typed.generated.tooltip"));
        generated.setId("likelihood-typed-generated");
        generated.setOnAction(e -> {
            model.useGeneratedData();
            showTypedMessage("", false);
        });
        typedMessage.setWrapText(true);
        typedMessage.setId("likelihood-typed-message");
        dataSource.setWrapText(true);
        dataSource.getStyleClass().add("control-explain");
        box.getChildren().addAll(typedArea, new FlowPane(6, 6, use, generated), typedMessage, dataSource);
        return box;
    }

    /** Uses the typed numbers: good entries are kept, each bad one is named with its position. */
    public void applyTyped() {
        TypedData.Result result = TypedData.parse(typedArea.getText(), LikelihoodModel.LIMIT, LikelihoodModel.N_MAX);
        List<String> lines = new ArrayList<>();
        for (TypedData.Problem problem : result.problems()) {
            lines.add(i18n.get("likelihood.typed.problem." + problem.kind().name(), problem.position(),
                    problem.text(), Format.num(LikelihoodModel.LIMIT, 0), LikelihoodModel.N_MAX));
        }
        double[] values = result.values();
        if (values.length == 0) {
            lines.add(0, i18n.get("likelihood.typed.none"));
            showTypedMessage(String.join("\n", lines), true);
            return;
        }
        model.useTypedData(values);
        lines.add(0, i18n.get(result.problems().isEmpty() ? "likelihood.typed.used" : "likelihood.typed.usedSome",
                values.length, result.problems().size()));
        showTypedMessage(String.join("\n", lines), !result.problems().isEmpty());
    }

    private void showTypedMessage(String text, boolean problem) {
        typedMessage.setText(text);
        typedMessage.getStyleClass().removeAll("lab-status", "control-explain");
        typedMessage.getStyleClass().add(problem ? "lab-status" : "control-explain");
        typedArea.getStyleClass().removeAll("field-error");
        if (problem) {
            typedArea.getStyleClass().add("field-error");
        }
    }

    /** Reads the seed field; a bad entry is explained and nothing changes. */
    public boolean commitSeed() {
        String text = seedField.getText();
        try {
            double v = NumberInput.parse(text, i18n);
            if (v != Math.rint(v) || v < 0 || v > LikelihoodModel.SEED_MAX) {
                throw new IllegalArgumentException(i18n.get("likelihood.error.seed", text.strip()));
            }
            seedError.setVisible(false);
            seedError.setManaged(false);
            seedField.getStyleClass().removeAll("field-error");
            if ((long) v != (long) model.quantity("seed") || model.isTyped()) {
                model.setParameter("seed", v);
            }
            return true;
        } catch (IllegalArgumentException e) {
            seedError.setText(e.getMessage());
            seedError.setVisible(true);
            seedError.setManaged(true);
            if (!seedField.getStyleClass().contains("field-error")) {
                seedField.getStyleClass().add("field-error");
            }
            return false;
        }
    }


    private double requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(i18n.get("likelihood.error.range", name, Format.num(min, 3),
                    Format.num(max, 3)));
        }
        return v;
    }

    // ---- refresh ----------------------------------------------------------------------------------------------------

    private void refresh() {
        syncing = true;
        try {
            mu.set(model.mu());
            sigma.set(model.sigma());
            n.set(model.size());
            trueMu.set(model.quantity("true_mu"));
            trueSigma.set(model.quantity("true_sigma"));
        } finally {
            syncing = false;
        }
        if (!seedField.isFocused() || !seedError.isVisible()) {
            seedField.setText(Long.toString((long) model.quantity("seed")));
        }
        double loglik = model.logLikelihood();
        double[] power = model.likelihoodPowerOfTen();
        String likelihood = model.likelihoodUnderflows() ? "0" : Format.sci(Math.exp(loglik), 3);
        String[] values = {likelihood, Format.num(loglik, 3), Format.num(-loglik, 3), Format.num(model.sse(model.mu()), 3),
            Format.num(model.muMle(), 4), Format.num(model.muMle(), 4), Format.num(model.quantity("var_mle"), 4),
            Format.num(model.quantity("var_mle"), 4), Format.num(model.quantity("var_unbiased"), 4),
            model.hasMaximum() ? Format.num(model.quantity("loglik_max"), 3) : i18n.get("likelihood.unbounded")};
        for (int i = 0; i < values.length; i++) {
            readoutValues.get(i).setText(values[i]);
        }
        String about = Format.num(power[0], 3) + "×10" + superscript((long) power[1]);
        underflowNote.setText(model.likelihoodUnderflows()
                ? i18n.get("likelihood.underflow", about)
                : i18n.get("likelihood.noUnderflow", model.size()));
        maximumNote.setText(model.hasMaximum()
                ? i18n.get("likelihood.maximumNote", Format.num(model.muMle(), 4), Format.num(model.sse(model.muMle()), 4),
                model.size(), Format.num(model.quantity("var_mle"), 4), Format.num(model.quantity("gap"), 3))
                : i18n.get("likelihood.noMaximum"));
        dataSource.setText(model.isTyped() ? i18n.get("likelihood.source.typed", model.size())
                : i18n.get("likelihood.source.generated", model.size(), Format.num(model.quantity("true_mu"), 3),
                Format.num(model.quantity("true_sigma"), 3), Long.toString((long) model.quantity("seed"))));
        if (model.dataVersion() != fittedVersion) {
            fittedVersion = model.dataVersion();
            fitViews();
        } else if (!dragging) {
            keepCandidateInView();
        }
        dataPlot.requestRedraw();
        map.requestRedraw();
        loss.requestRedraw();
    }

    /** The typical spread of the data, never 0 (a single point or equal points still need a scale). */
    private double spread() {
        double s = model.sigmaMle();
        return s > 0.05 ? s : 1;
    }

    /** Frames the data, the map around the maximum and the loss panel around the mean; called when the data change. */
    private void fitViews() {
        fitData();
        fitMap();
        double m = model.muMle();
        double half = Math.max(3 * spread(), Math.abs(model.mu() - m) * 1.25);
        loss.viewport().setDefault(m - half, m + half, 0, 1);
        loss.viewport().reset();
    }

    private void fitData() {
        double m = model.muMle();
        double s = spread();
        double lo = m - 4 * s;
        double hi = m + 4 * s;
        for (double x : model.data()) {
            lo = Math.min(lo, x - 0.5 * s);
            hi = Math.max(hi, x + 0.5 * s);
        }
        // Room for the best fit and for the candidate as it stands when the data arrive.
        double top = Math.max(1.6 / (s * Math.sqrt(2 * Math.PI)), 1.25 * model.density(model.mu()));
        dataPlot.viewport().setDefault(lo, hi, -0.16 * top, top);
        dataPlot.viewport().reset();
    }

    private void fitMap() {
        double m = model.muMle();
        double s = spread();
        double xHalf = Math.max(2.5 * s, Math.abs(model.mu() - m) * 1.3);
        double yTop = Math.max(3 * s, model.sigma() * 1.3);
        map.viewport().setDefault(m - xHalf, m + xHalf, 0, yTop);
        map.viewport().reset();
    }

    /** After a typed value or a key moved the candidate out of a picture, widen that picture to show it again. */
    private void keepCandidateInView() {
        if (model.density(model.mu()) > dataPlot.viewport().maxWorldY()) {
            fitData();
        }
        Viewport vp = map.viewport();
        if (model.mu() < vp.minWorldX() || model.mu() > vp.maxWorldX() || model.sigma() > vp.maxWorldY()) {
            fitMap();
        }
        Viewport lv = loss.viewport();
        if (model.mu() < lv.minWorldX() || model.mu() > lv.maxWorldX()) {
            double m = model.muMle();
            double half = Math.max(3 * spread(), Math.abs(model.mu() - m) * 1.25);
            lv.setDefault(m - half, m + half, 0, 1);
            lv.reset();
        }
    }

    // ---- the data picture -----------------------------------------------------------------------------------------

    private Color curveColor() {
        return theme.mode() == Theme.Mode.DARK ? Color.web("#7fb2ff") : Color.web("#2f5fb3");
    }

    private void paintData(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        double base = vp.toScreenY(0);
        if (base + 17 < vp.height()) {
            g.setFill(p.background());
            g.fillRect(0, base + 17, vp.width(), vp.height() - base - 17);
        }
        if (showBest.get() && model.hasMaximum()) {
            g.setStroke(p.text().deriveColor(0, 1, 1, 0.45));
            g.setLineWidth(1.6);
            g.setLineDashes(7, 5);
            Curves.plot(g, vp, model::bestDensity);
            g.setLineDashes();
        }
        // Each point's density as a stick: the likelihood is the product of their heights.
        int count = model.size();
        Color stick = p.probe();
        g.setLineWidth(count > 200 ? 1 : 2);
        g.setStroke(stick);
        for (int i = 0; i < count; i++) {
            double x = vp.toScreenX(model.point(i));
            double y = Math.max(-5, vp.toScreenY(model.density(model.point(i))));
            g.strokeLine(x, base, x, y);
        }
        g.setFill(stick);
        for (int i = 0; i < count && count <= 200; i++) {
            double x = vp.toScreenX(model.point(i));
            double y = vp.toScreenY(model.density(model.point(i)));
            if (y > -5) {
                g.fillOval(x - 2.5, y - 2.5, 5, 5);
            }
        }
        g.setStroke(curveColor());
        g.setLineWidth(2.6);
        Curves.plot(g, vp, model::density);
        // The data on the line.
        g.setFill(p.text().deriveColor(0, 1, 1, count > 200 ? 0.4 : 0.8));
        double r = count > 200 ? 2 : 3.5;
        for (int i = 0; i < count; i++) {
            double x = vp.toScreenX(model.point(i));
            g.fillOval(x - r, base - r, 2 * r, 2 * r);
        }
        if (count <= 10) {
            labelSticks(g, vp, p);
        }
        // Handles: the peak drags mu, the inflection point drags sigma.
        double m = model.mu();
        double s = model.sigma();
        ring(g, vp.toScreenX(m), vp.toScreenY(model.density(m)), curveColor());
        ring(g, vp.toScreenX(m + s), vp.toScreenY(model.density(m + s)), p.ihat());
        g.setStroke(p.ihat());
        g.setLineWidth(1.8);
        double hy = vp.toScreenY(model.density(m + s));
        g.strokeLine(vp.toScreenX(m), hy, vp.toScreenX(m + s) - 7, hy);
        caption(g, vp, p);
    }

    private void labelSticks(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Font font = Fonts.regular(11);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        double lastRight = -1e9;
        double[] xs = model.data();
        java.util.Arrays.sort(xs);
        for (double x : xs) {
            String label = Format.num(model.density(x), 3);
            double sx = vp.toScreenX(x);
            double w = TextMetrics.width(label, font);
            double sy = vp.toScreenY(model.density(x)) - 5;
            if (sx - w / 2 > lastRight + 3 && sy > 30) {
                halo(g, p, label, sx, sy, p.probe().deriveColor(0, 1, 0.8, 1));
                lastRight = sx + w / 2;
            }
        }
    }

    private void caption(GraphicsContext g, Viewport vp, Theme.Palette p) {
        double loglik = model.logLikelihood();
        String lText = model.likelihoodUnderflows() ? i18n.get("likelihood.caption.zero")
                : Format.sci(Math.exp(loglik), 3);
        String line = i18n.get("likelihood.caption", model.size(), lText, Format.num(loglik, 3));
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
        g.fillText(i18n.get(vp.width() >= 600 ? "likelihood.plot.hint" : "likelihood.plot.hintShort"), 8,
                vp.height() - 4, Math.max(50, vp.width() - 16));
    }

    // ---- the map ----------------------------------------------------------------------------------------------------

    private void paintMap(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        if (vp.width() < 2 || vp.height() < 2) {
            return;
        }
        ensureMapImage(vp);
        g.setImageSmoothing(true);
        g.drawImage(mapImage, 0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        g.setFont(Fonts.bold(12));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("μ →", vp.width() - 6, vp.toScreenY(0) - 3 > 20 ? vp.toScreenY(0) - 3 : vp.height() - 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("σ ↑", Math.max(4, Math.min(vp.width() - 30, vp.toScreenX(0) + 4)), 4);
        double cx = vp.toScreenX(model.mu());
        double cy = vp.toScreenY(model.sigma());
        if (model.hasMaximum()) {
            double mx = vp.toScreenX(model.muMle());
            double my = vp.toScreenY(model.sigmaMle());
            g.setStroke(p.text().deriveColor(0, 1, 1, 0.6));
            g.setLineWidth(1.2);
            g.setLineDashes(4, 4);
            g.strokeLine(cx, cy, mx, my);
            g.setLineDashes();
            star(g, mx, my, theme.mode() == Theme.Mode.DARK ? Color.web("#ffd43b") : Color.web("#c2255c"), p);
            g.setFont(Fonts.bold(12));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            halo(g, p, i18n.get("likelihood.map.max"), mx + 10, my - 10, p.text());
        }
        g.setFill(p.jhat());
        g.fillOval(cx - 5.5, cy - 5.5, 11, 11);
        ring(g, cx, cy, p.jhat());
        colourBar(g, vp, p);
    }

    private void star(GraphicsContext g, double x, double y, Color c, Theme.Palette p) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int k = 0; k < 10; k++) {
            double r = k % 2 == 0 ? 9 : 4;
            double a = -Math.PI / 2 + k * Math.PI / 5;
            xs[k] = x + r * Math.cos(a);
            ys[k] = y + r * Math.sin(a);
        }
        g.setFill(c);
        g.fillPolygon(xs, ys, 10);
        g.setStroke(p.background());
        g.setLineWidth(1);
        g.strokePolygon(xs, ys, 10);
    }

    /** A compact legend: the band colours from low (bottom) to high (top), with the end values of l. */
    private void colourBar(GraphicsContext g, Viewport vp, Theme.Palette p) {
        int bands = bandColors.length;
        if (bands == 0 || vp.height() < 110) {
            return;
        }
        double barW = 10;
        double swatch = Math.min(9, (vp.height() - 60) / bands);
        double x = vp.width() - barW - 8;
        double top = 22;
        g.setFill(p.background().deriveColor(0, 1, 1, 0.85));
        Font font = Fonts.regular(10.5);
        String hiLabel = "ℓ " + Format.num(levels[bands - 1], 1) + "+";
        String loLabel = "ℓ < " + Format.num(levels.length > 1 ? levels[1] : levels[0], 1);
        double textW = Math.max(TextMetrics.width(hiLabel, font), TextMetrics.width(loLabel, font));
        g.fillRect(x - textW - 8, top - 16, textW + barW + 14, swatch * bands + 32);
        for (int k = 0; k < bands; k++) {
            g.setFill(bandColors[k]);
            g.fillRect(x, top + (bands - 1 - k) * swatch, barW, swatch);
        }
        g.setStroke(p.axis());
        g.setLineWidth(0.8);
        g.strokeRect(x, top, barW, swatch * bands);
        g.setFont(font);
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(hiLabel, x - 4, top + swatch / 2);
        g.fillText(loLabel, x - 4, top + swatch * (bands - 0.5));
    }

    /** Rebuilds the map image if the data, the visible rectangle, the canvas size or the theme changed. */
    private void ensureMapImage(Viewport vp) {
        if (mapImage != null && builtVersion == model.dataVersion() && vp.minWorldX() == builtMinX
                && vp.maxWorldX() == builtMaxX && vp.minWorldY() == builtMinY && vp.maxWorldY() == builtMaxY
                && vp.width() == builtWidth && vp.height() == builtHeight && theme.mode() == builtMode) {
            return;
        }
        builtVersion = model.dataVersion();
        builtMinX = vp.minWorldX();
        builtMaxX = vp.maxWorldX();
        builtMinY = vp.minWorldY();
        builtMaxY = vp.maxWorldY();
        builtWidth = vp.width();
        builtHeight = vp.height();
        builtMode = theme.mode();
        mapBuilds++;
        int nx = Math.max(1, (int) Math.ceil(vp.width() / 2));
        int ny = Math.max(1, (int) Math.ceil(vp.height() / 2));
        ContourGrid grid = ContourGrid.sample(model.surface(), builtMinX, builtMaxX, builtMinY, builtMaxY, nx, ny);
        levels = grid.levels(LEVELS);
        Color[] ramp = builtMode == Theme.Mode.DARK ? MAP_DARK : MAP_LIGHT;
        bandColors = new Color[levels.length];
        for (int k = 0; k < bandColors.length; k++) {
            double t = bandColors.length == 1 ? ramp.length - 1 : (double) k / (bandColors.length - 1) * (ramp.length - 1);
            int seg = Math.min(ramp.length - 2, (int) Math.floor(t));
            bandColors[k] = ramp[seg].interpolate(ramp[seg + 1], t - seg);
        }
        int[] fill = new int[bandColors.length];
        int[] edge = new int[bandColors.length];
        for (int k = 0; k < fill.length; k++) {
            fill[k] = argb(bandColors[k]);
            edge[k] = argb(bandColors[k].interpolate(builtMode == Theme.Mode.DARK ? Color.WHITE : Color.BLACK, 0.18));
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
                boolean onEdge = (i + 1 < nx && band[j * nx + i + 1] != k) || (j + 1 < ny && band[(j + 1) * nx + i] != k);
                pixels[j * nx + i] = onEdge ? edge[k] : fill[k];
            }
        }
        if (mapImage == null || (int) mapImage.getWidth() != nx || (int) mapImage.getHeight() != ny) {
            mapImage = new WritableImage(nx, ny);
        }
        mapImage.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), pixels, 0, nx);
    }

    private static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    // ---- the squared-loss panel -------------------------------------------------------------------------------------

    /** Two strips sharing the mu axis: -l(mu) at the current sigma above, SSE(mu) below; one minimiser for both. */
    private void paintLoss(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        double gap = 8;
        double top1 = 22;
        // Two strips, each under its title, then a row of mu ticks and a row naming the shared minimiser.
        double stripH = (h - top1 - gap - 18 - 34) / 2;
        if (stripH < 20) {
            return;
        }
        double top2 = top1 + stripH + gap + 18;
        strip(g, vp, p, top1, stripH, model::negLogLikelihoodAt, curveColor(),
                i18n.get("likelihood.loss.nll", Format.num(model.sigma(), 3)), 6);
        strip(g, vp, p, top2, stripH, model::sse, p.jhat(), i18n.get("likelihood.loss.sse"), top1 + stripH + gap + 2);
        // One vertical line through both minima, at the sample mean.
        double mx = vp.toScreenX(model.muMle());
        g.setStroke(p.text().deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        g.strokeLine(mx, top1, mx, top2 + stripH);
        g.setLineDashes();
        g.setFont(Fonts.regular(11.5));
        g.setFill(p.text());
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        String label = i18n.get("likelihood.loss.min", Format.num(model.muMle(), 3));
        double lx = Math.max(4, Math.min(w - TextMetrics.width(label, Fonts.regular(11.5)) - 4, mx + 4));
        halo(g, p, label, lx, h - 3, p.text());
        // The mu axis ticks along the bottom of the lower strip.
        g.setFont(Fonts.regular(10.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.axis());
        double step = Axes.niceStep(vp.maxWorldX() - vp.minWorldX(), (int) Math.max(2, w / 80));
        for (double x = Math.ceil(vp.minWorldX() / step) * step; x <= vp.maxWorldX(); x += step) {
            double sx = vp.toScreenX(x);
            if (sx > 12 && sx < w - 12 && Math.abs(sx - mx) > 30) {
                g.fillText(Format.num(x, 4), sx, top2 + stripH + 2);
            }
        }
    }

    private void strip(GraphicsContext g, Viewport vp, Theme.Palette p, double top, double height,
                       java.util.function.DoubleUnaryOperator f, Color color, String title, double titleY) {
        double w = vp.width();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int px = 0; px <= (int) w; px += 2) {
            double v = f.applyAsDouble(vp.toWorldX(px));
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        g.strokeRect(0.5, top + 0.5, w - 1, height);
        g.setFont(Fonts.bold(12));
        g.setFill(color);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 6, titleY, w - 12);
        if (!(hi > lo)) {
            return;
        }
        double pad = (hi - lo) * 0.08;
        double yLo = lo - pad;
        double yHi = hi + pad;
        g.save();
        g.beginPath();
        g.rect(0, top, w, height);
        g.clip();
        g.setStroke(color);
        g.setLineWidth(2.2);
        g.beginPath();
        boolean first = true;
        for (int px = 0; px <= (int) w; px++) {
            double v = f.applyAsDouble(vp.toWorldX(px));
            double sy = top + height * (yHi - v) / (yHi - yLo);
            if (first) {
                g.moveTo(px, sy);
                first = false;
            } else {
                g.lineTo(px, sy);
            }
        }
        g.stroke();
        double cx = vp.toScreenX(model.mu());
        double cv = f.applyAsDouble(model.mu());
        double cy = top + height * (yHi - cv) / (yHi - yLo);
        g.setFill(color);
        g.fillOval(cx - 5, cy - 5, 10, 10);
        g.restore();
        g.setFont(Fonts.regular(11));
        g.setTextBaseline(VPos.CENTER);
        String value = Format.num(cv, 3);
        boolean right = cx < w - 70;
        g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
        halo(g, p, value, cx + (right ? 9 : -9), Math.max(top + 8, Math.min(top + height - 8, cy - 9)), color);
    }

    /** 10^-876 as the learner would write it, which no double can hold. */
    private static String superscript(long n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Long.toString(Math.abs(n)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    // ---- shared drawing ---------------------------------------------------------------------------------------------

    private void ring(GraphicsContext g, double x, double y, Color c) {
        g.setStroke(c);
        g.setLineWidth(1.8);
        g.strokeOval(x - 7, y - 7, 14, 14);
    }

    private void halo(GraphicsContext g, Theme.Palette p, String text, double x, double y, Color color) {
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
        double m = model.mu();
        double s = model.sigma();
        switch (e.getCode()) {
            case LEFT -> model.moveCandidate(tenth(m - 0.1), s);
            case RIGHT -> model.moveCandidate(tenth(m + 0.1), s);
            case UP -> model.moveCandidate(m, tenth(s + 0.1));
            case DOWN -> model.moveCandidate(m, Math.max(0.1, tenth(s - 0.1)));
            case J -> model.jumpToMaximum();
            case B -> showBest.set(!showBest.get());
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static double tenth(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double snap(double v, MouseEvent event) {
        return event.isShiftDown() ? v : tenth(v);
    }

    /** On the data picture: the peak's ring drags mu, the side ring drags sigma. */
    private final class DataDrag implements PlotCanvas.Interaction {
        private int grabbed;

        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            grabbed = grabAt(wx, wy);
            dragging = grabbed != 0;
            return dragging;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            if (grabbed == 1) {
                model.moveCandidate(snap(wx, event), model.sigma());
            } else if (grabbed == 2) {
                model.moveCandidate(model.mu(), Math.max(0.1, snap(Math.abs(wx - model.mu()), event)));
            }
        }

        @Override
        public void release() {
            grabbed = 0;
            dragging = false;
            refresh();
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return grabAt(wx, wy) != 0 ? Cursor.H_RESIZE : Cursor.DEFAULT;
        }

        private int grabAt(double wx, double wy) {
            Viewport vp = dataPlot.viewport();
            double sx = vp.toScreenX(wx);
            double sy = vp.toScreenY(wy);
            double m = model.mu();
            double s = model.sigma();
            if (Math.hypot(sx - vp.toScreenX(m + s), sy - vp.toScreenY(model.density(m + s))) <= 12) {
                return 2;
            }
            if (Math.hypot(sx - vp.toScreenX(m), sy - vp.toScreenY(model.density(m))) <= 12) {
                return 1;
            }
            return 0;
        }
    }

    /** On the map: press anywhere to put the candidate there, drag to move it (snapped to tenths, Shift: free). */
    private final class MapDrag implements PlotCanvas.Interaction {
        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            dragging = true;
            drag(wx, wy, event);
            return true;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            model.moveCandidate(snap(wx, event), Math.max(0.1, snap(wy, event)));
        }

        @Override
        public void release() {
            dragging = false;
            refresh();
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return Cursor.CROSSHAIR;
        }
    }

    /** On the loss panel: sigma stays fixed, press or drag to choose mu. */
    private final class LossDrag implements PlotCanvas.Interaction {
        @Override
        public boolean press(double wx, double wy, MouseEvent event) {
            dragging = true;
            drag(wx, wy, event);
            return true;
        }

        @Override
        public void drag(double wx, double wy, MouseEvent event) {
            model.moveCandidate(snap(wx, event), model.sigma());
        }

        @Override
        public void release() {
            dragging = false;
            refresh();
        }

        @Override
        public Cursor hover(double wx, double wy) {
            return Cursor.H_RESIZE;
        }
    }
}
