package org.dlmathlab.labs.softmax;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.PlayBar;
import org.dlmathlab.ui.SeriesChart;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;

/**
 * The softmax regression lab: a 16 x 16 drawing grid, the class probabilities of the drawing as bars, a grid of
 * samples of the current data, the learned weights of each class as heat images, the loss and accuracy chart and the
 * validation confusion matrix; controls for drawing examples, the built-in shapes, IDX files, the run and the rates.
 * Long epochs (IDX files) train on a worker thread with a progress bar; the model installs each finished epoch.
 */
public final class SoftmaxView implements LabView {

    public static final List<String> CONTROLS = List.of("draw", "data", "idx", "run", "training", "readouts");
    /** IDX data, and any training set at least this large, train off the FX thread, one epoch per job. */
    static final int ASYNC_THRESHOLD = 3000;
    static final int SAMPLE_GRID = 8;
    /** Width of the picture area from which the three-column layout is used. */
    static final double WIDE = 720;

    private final SoftmaxModel model;
    private final I18n i18n;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Surface grid = new Surface(this::paintGrid);
    private final Surface bars = new Surface(this::paintBars);
    private final Surface samples = new Surface(this::paintSamples);
    private final Surface weights = new Surface(this::paintWeights);
    private final Surface confusion = new Surface(this::paintConfusion);
    private final SeriesChart chart;
    private final PlayBar playBar;
    private final Label gridHint = new Label();
    private final Label samplesLegend = new Label();
    private final Label drawMessage = new Label();
    private final Label counts = new Label();
    private final Label dataStatus = new Label();
    private final Label idxStatus = new Label();
    private final Label runStatus = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final ComboBox<String> classBox = new ComboBox<>();
    private final CheckBox fashionNames = new CheckBox();
    private final SimpleDoubleProperty brush = new SimpleDoubleProperty(2);
    private final List<Label> readoutValues = new ArrayList<>();
    private final List<Runnable> syncs = new ArrayList<>();
    private final GridPane pictures = new GridPane();
    private VBox drawCard;
    private VBox barsCard;
    private VBox samplesCard;
    private VBox weightsCard;
    private VBox chartCard;
    private VBox confusionCard;
    private Boolean arranged;
    private boolean choosing;
    private boolean erasing;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private volatile boolean disposed;
    private boolean busy;
    private Thread worker;

    public SoftmaxView(SoftmaxModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-softmax");
        chart = new SeriesChart(i18n, i18n.bind("softmax.chart.title"), i18n.bind("softmax.chart.epoch"),
                i18n.bind("softmax.chart.value"), theme);
        defineSeries();
        playBar = new PlayBar(i18n, this::stepAction, () -> model.canContinue() || busy, () -> { },
                this::restartAction);

        root.setCenter(pictures());
        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(drawGroup(), runGroup(), trainingGroup(), readoutGroup(), dataGroup(),
                idxGroup());
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setPrefViewportWidth(290);
        scroller.setMinWidth(230);
        scroller.getStyleClass().add("lab-controls-scroller");
        root.setRight(scroller);

        model.changes().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            defineSeries();
            relabelClasses();
            refresh();
        });
        theme.modeProperty().addListener(o -> redrawAll());
        relabelClasses();
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    @Override
    public Optional<PlayBar> player() {
        return Optional.of(playBar);
    }

    @Override
    public void dispose() {
        disposed = true;
        playBar.pause();
    }

    // ---- for tests ------------------------------------------------------------------------------------------------

    Surface gridSurface() {
        return grid;
    }

    Surface barsSurface() {
        return bars;
    }

    SeriesChart chart() {
        return chart;
    }

    PlayBar playBar() {
        return playBar;
    }

    Label idxStatus() {
        return idxStatus;
    }

    List<Label> readoutValues() {
        return readoutValues;
    }

    boolean isBusy() {
        return busy;
    }

    // ---- layout ---------------------------------------------------------------------------------------------------

    private Node pictures() {
        pictures.setHgap(8);
        pictures.setVgap(8);
        pictures.setPadding(new Insets(8));
        gridHint.getStyleClass().add("control-explain");
        gridHint.setWrapText(true);
        gridHint.setMinHeight(0);
        samplesLegend.getStyleClass().add("control-explain");
        samplesLegend.setWrapText(true);
        samplesLegend.setMinHeight(0);
        samplesLegend.setMaxHeight(54);
        drawCard = card("softmax.card.draw", grid, gridHint);
        barsCard = card("softmax.card.probs", bars, null);
        samplesCard = card("softmax.card.samples", samples, samplesLegend);
        weightsCard = card("softmax.card.weights", weights, null);
        chartCard = card("softmax.card.chart", chart.node(), null);
        confusionCard = card("softmax.card.confusion", confusion, null);
        ScrollPane scroller = new ScrollPane(pictures);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("lab-controls-scroller");
        scroller.viewportBoundsProperty().addListener((o, old, b) -> arrange(b.getWidth() >= WIDE, scroller));
        arrange(true, scroller);
        drawCard.widthProperty().addListener(o -> updateHint());

        grid.setId("softmax-grid");
        grid.setFocusTraversable(true);
        Tooltip.install(grid, Tips.of(i18n, "softmax.grid.tooltip"));
        grid.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        grid.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        grid.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> lastX = Double.NaN);
        grid.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        bars.setId("softmax-bars");
        Tooltip.install(bars, Tips.of(i18n, "softmax.bars.tooltip"));
        samples.setId("softmax-samples");
        Tooltip.install(samples, Tips.of(i18n, "softmax.samples.tooltip"));
        samples.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onSampleClick);
        weights.setId("softmax-weights");
        Tooltip.install(weights, Tips.of(i18n, "softmax.weights.tooltip"));
        confusion.setId("softmax-confusion");
        Tooltip.install(confusion, Tips.of(i18n, "softmax.confusion.tooltip"));
        return scroller;
    }

    /**
     * Places the six pictures: three columns filling the height when there is room, else two columns in a taller
     * pane that scrolls (a narrow lesson page must not squeeze the drawing grid to a stamp).
     */
    private void arrange(boolean wide, ScrollPane scroller) {
        if (arranged != null && arranged == wide) {
            return;
        }
        arranged = wide;
        pictures.getChildren().clear();
        pictures.getColumnConstraints().clear();
        pictures.getRowConstraints().clear();
        int cols = wide ? 3 : 2;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            pictures.getColumnConstraints().add(cc);
        }
        double[] heights = wide ? new double[]{40, 22, 38} : new double[]{30, 16, 27, 27};
        for (double h : heights) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(h);
            rc.setVgrow(Priority.ALWAYS);
            pictures.getRowConstraints().add(rc);
        }
        if (wide) {
            pictures.add(drawCard, 0, 0);
            pictures.add(barsCard, 1, 0);
            pictures.add(samplesCard, 2, 0);
            pictures.add(weightsCard, 0, 1, 3, 1);
            pictures.add(chartCard, 0, 2, 2, 1);
            pictures.add(confusionCard, 2, 2);
            pictures.setMinHeight(480);
        } else {
            pictures.add(drawCard, 0, 0);
            pictures.add(barsCard, 1, 0);
            pictures.add(weightsCard, 0, 1, 2, 1);
            pictures.add(chartCard, 0, 2, 2, 1);
            pictures.add(samplesCard, 0, 3);
            pictures.add(confusionCard, 1, 3);
            pictures.setMinHeight(880);
        }
        scroller.setFitToHeight(true);
    }

    private VBox card(String titleKey, Node body, Label footer) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind(titleKey));
        title.getStyleClass().add("control-group-title");
        title.setMinHeight(Label.USE_PREF_SIZE);
        VBox box = new VBox(4, title, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        if (body instanceof javafx.scene.layout.Region region) {
            region.setMinSize(40, 40);
            region.setPrefSize(200, 120);
        }
        if (footer != null) {
            box.getChildren().add(footer);
        }
        box.setMinSize(0, 0);
        return box;
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node drawGroup() {
        VBox box = groups.group("draw", "softmax.draw.title");
        SliderField brushField = new SliderField(i18n.bind("softmax.draw.brush"), i18n.bind("softmax.draw.brush.tooltip"),
                brush, 1, 4, v -> checkRange("brush", v, 1, 4, false), text -> NumberInput.parse(text, i18n));
        brushField.setId("softmax-brush");
        Button clear = button("softmax.draw.clear", "softmax.draw.clear.tooltip", model::clearDrawing);
        clear.setId("softmax-clear");
        classBox.setTooltip(Tips.of(i18n, "softmax.draw.class.tooltip"));
        classBox.setId("softmax-class");
        classBox.setMaxWidth(Double.MAX_VALUE);
        Button add = button("softmax.draw.add", "softmax.draw.add.tooltip", this::addExample);
        add.setId("softmax-add");
        add.setMaxWidth(Double.MAX_VALUE);
        counts.setWrapText(true);
        counts.getStyleClass().add("control-explain");
        counts.setId("softmax-counts");
        Button useDrawn = button("softmax.draw.use", "softmax.draw.use.tooltip", () -> {
            if (!model.useDrawings()) {
                drawMessage.setText(i18n.get("softmax.draw.none"));
            }
        });
        useDrawn.setId("softmax-use-drawings");
        Button forget = button("softmax.draw.forget", "softmax.draw.forget.tooltip", model::clearExamples);
        drawMessage.setWrapText(true);
        drawMessage.getStyleClass().add("lab-status");
        drawMessage.setId("softmax-draw-message");
        box.getChildren().addAll(brushField, new FlowPane(6, 6, clear), classBox, add, counts,
                new FlowPane(6, 6, useDrawn, forget), drawMessage);
        return box;
    }

    private Node dataGroup() {
        VBox box = groups.group("data", "softmax.data.title");
        Button use = button("softmax.data.use", "softmax.data.use.tooltip", model::useShapes);
        use.setId("softmax-use-shapes");
        dataStatus.setWrapText(true);
        dataStatus.getStyleClass().add("control-explain");
        box.getChildren().addAll(use,
                field("classes", "softmax.data.classes", 2, 5, 2, 5, true, false),
                field("per_class", "softmax.data.perClass", 2, 200, 2, SoftmaxModel.MAX_PER_CLASS, true, false),
                field("noise", "softmax.data.noise", 0, 0.5, 0, 0.5, false, false),
                field("seed", "softmax.data.seed", 0, 100, 0, SoftmaxModel.MAX_SEED, true, false),
                field("val_split", "softmax.data.split", 0, 0.5, 0, 0.5, false, false),
                dataStatus);
        return box;
    }

    private Node idxGroup() {
        VBox box = groups.group("idx", "softmax.idx.title");
        Label explain = new Label();
        explain.textProperty().bind(i18n.bind("softmax.idx.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("control-explain");
        Button open = button("softmax.idx.open", "softmax.idx.open.tooltip", this::chooseIdx);
        open.setId("softmax-open");
        Button use = button("softmax.idx.use", "softmax.idx.use.tooltip", () -> {
            if (!model.useIdx()) {
                idxStatus.setText(i18n.get("softmax.idx.none"));
            }
        });
        idxStatus.setWrapText(true);
        idxStatus.getStyleClass().add("lab-status");
        idxStatus.setId("softmax-idx-status");
        fashionNames.textProperty().bind(i18n.bind("softmax.idx.fashion"));
        fashionNames.setTooltip(Tips.of(i18n, "softmax.idx.fashion.tooltip"));
        fashionNames.setSelected(true);
        fashionNames.selectedProperty().addListener(o -> {
            relabelClasses();
            redrawAll();
        });
        box.getChildren().addAll(explain, new FlowPane(6, 6, open, use), idxStatus,
                field("idx_limit", "softmax.idx.limit", SoftmaxModel.MIN_IDX_LIMIT, SoftmaxModel.MAX_IDX_LIMIT,
                        SoftmaxModel.MIN_IDX_LIMIT, SoftmaxModel.MAX_IDX_LIMIT, true, false),
                fashionNames);
        return box;
    }

    private Node runGroup() {
        VBox box = groups.group("run", "softmax.run.title");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progress.setManaged(false);
        progress.setId("softmax-progress");
        progress.setTooltip(Tips.of(i18n, "softmax.run.progress.tooltip"));
        runStatus.setWrapText(true);
        runStatus.getStyleClass().add("lab-status");
        box.getChildren().addAll(playBar,
                field("epochs", "softmax.run.epochs", 1, 500, 1, SoftmaxModel.MAX_EPOCHS, true, false),
                progress, runStatus);
        return box;
    }

    private Node trainingGroup() {
        VBox box = groups.group("training", "softmax.training.title");
        box.getChildren().addAll(
                field("lr", "softmax.training.lr", SoftmaxModel.LR_MIN, SoftmaxModel.LR_MAX, SoftmaxModel.LR_MIN,
                        SoftmaxModel.LR_MAX, false, true),
                field("batch", "softmax.training.batch", 1, 256, 1, SoftmaxModel.MAX_BATCH, true, false));
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "softmax.readouts.title");
        GridPane table = new GridPane();
        table.setHgap(10);
        table.setVgap(3);
        String[] keys = {"epoch", "trainLoss", "trainAcc", "valAcc", "sizes", "predicted"};
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind("softmax.readout." + keys[i]));
            name.getStyleClass().add("readout-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("softmax-readout-" + keys[i]);
            value.setWrapText(true);
            readoutValues.add(value);
            table.addRow(i, name, value);
        }
        box.getChildren().add(table);
        return box;
    }

    private Button button(String key, String tipKey, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.bind(key));
        b.setTooltip(Tips.of(i18n, tipKey));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Button.USE_PREF_SIZE);
        return b;
    }

    /**
     * A slider with a typed field for one model parameter; the slider may cover less than the typed range.
     * Whole-number parameters round while sliding; a refused value is explained and changes nothing.
     */
    private SliderField field(String name, String key, double sliderMin, double sliderMax, double min, double max,
                              boolean whole, boolean log) {
        SimpleDoubleProperty value = new SimpleDoubleProperty(model.quantity(name));
        syncs.add(() -> value.set(model.quantity(name)));
        value.addListener((o, old, v) -> {
            double x = whole ? Math.rint(v.doubleValue()) : v.doubleValue();
            x = Math.max(min, Math.min(max, x));
            if (x != model.quantity(name)) {
                model.setParameter(name, x);
            }
        });
        DoubleUnaryOperator limit = v -> checkRange(name, v, min, max, whole);
        SliderField f = log
                ? SliderField.logarithmic(i18n.bind(key), i18n.bind(key + ".tooltip"), value, sliderMin, sliderMax,
                        limit, text -> NumberInput.parse(text, i18n))
                : new SliderField(i18n.bind(key), i18n.bind(key + ".tooltip"), value, sliderMin, sliderMax, limit,
                        text -> NumberInput.parse(text, i18n));
        if (whole) {
            f.slider().setMajorTickUnit(1);
            f.slider().setMinorTickCount(0);
            f.slider().setSnapToTicks(sliderMax - sliderMin <= 10);
        }
        f.setId("softmax-" + name.replace('_', '-'));
        // The label keeps its full width ("Per class", "每类张数"); the slider gives way instead.
        f.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMinWidth(Label.USE_PREF_SIZE));
        return f;
    }

    private double checkRange(String name, double v, double min, double max, boolean whole) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(i18n.get("softmax.error.range", name, Format.num(min), Format.num(max)));
        }
        if (whole && v != Math.rint(v)) {
            throw new IllegalArgumentException(i18n.get("softmax.error.whole", name));
        }
        return v;
    }

    private void relabelClasses() {
        choosing = true;
        int selected = Math.max(0, classBox.getSelectionModel().getSelectedIndex());
        List<String> names = new ArrayList<>();
        for (int k = 0; k < org.dlmathlab.math.data.ShapeImages.MAX_CLASSES; k++) {
            names.add(i18n.get("softmax.draw.classItem", String.valueOf(k + 1), i18n.get("softmax.shape." + k)));
        }
        classBox.setItems(FXCollections.observableArrayList(names));
        classBox.getSelectionModel().select(selected);
        choosing = false;
    }

    // ---- actions --------------------------------------------------------------------------------------------------

    /** The Play bar's step: one epoch, here for small sets, on a worker thread for large ones. */
    private void stepAction() {
        if (busy) {
            return;
        }
        if (model.source() != SoftmaxModel.Source.IDX && model.trainCount() < ASYNC_THRESHOLD) {
            model.step();
            return;
        }
        if (!model.canContinue()) {
            return;
        }
        SoftmaxModel.EpochJob job = model.prepareEpoch();
        long generation = model.generation();
        busy = true;
        progress.setProgress(0);
        progress.setVisible(true);
        progress.setManaged(true);
        worker = new Thread(() -> {
            SoftmaxModel.EpochResult result = null;
            try {
                result = job.run(f -> Platform.runLater(() -> progress.setProgress(f)),
                        () -> disposed || model.generation() != generation);
            } finally {
                SoftmaxModel.EpochResult done = result;
                Platform.runLater(() -> {
                    busy = false;
                    progress.setVisible(false);
                    progress.setManaged(false);
                    if (!disposed) {
                        model.finish(done);
                    }
                });
            }
        }, "softmax-epoch");
        worker.setDaemon(true);
        worker.start();
    }

    private void restartAction() {
        model.restartRun();
    }

    private void addExample() {
        int k = classBox.getSelectionModel().getSelectedIndex() + 1;
        if (!model.addExample(Math.max(1, k))) {
            drawMessage.setText(i18n.get("softmax.draw.empty"));
        } else {
            drawMessage.setText("");
            model.clearDrawing();
        }
    }

    private void chooseIdx() {
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("softmax.idx.filter"), "*-ubyte", "*-ubyte.gz", "*.idx*",
                        "*.gz"),
                new FileChooser.ExtensionFilter(i18n.get("softmax.idx.all"), "*"));
        chooser.setTitle(i18n.get("softmax.idx.chooseImages"));
        File images = chooser.showOpenDialog(window);
        if (images == null) {
            return;
        }
        chooser.setInitialDirectory(images.getParentFile());
        chooser.setTitle(i18n.get("softmax.idx.chooseLabels"));
        File labels = chooser.showOpenDialog(window);
        if (labels == null) {
            return;
        }
        openIdx(images.toPath(), labels.toPath());
    }

    /** Reads two IDX files on a worker thread; on success trains on them, on failure explains and changes nothing. */
    void openIdx(Path images, Path labels) {
        idxStatus.setText(i18n.get("softmax.idx.reading"));
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setVisible(true);
        progress.setManaged(true);
        Thread reader = new Thread(() -> {
            try {
                SoftmaxModel.IdxPair pair = SoftmaxModel.readIdx(images, labels);
                Platform.runLater(() -> {
                    hideProgress();
                    playBar.pause();
                    model.useIdx(pair);
                    fashionNames.setSelected(pair.classes() == 10);
                    idxStatus.setText(i18n.get("softmax.idx.loaded", pair.name(), fmtInt(pair.images().count()),
                            pair.images().dims()[1] + " × " + pair.images().dims()[2], fmtInt(pair.classes())));
                });
            } catch (IOException | RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> {
                    hideProgress();
                    idxStatus.setText(i18n.get("softmax.idx.error", message));
                });
            }
        }, "softmax-idx");
        reader.setDaemon(true);
        reader.start();
    }

    private void hideProgress() {
        if (!busy) {
            progress.setVisible(false);
            progress.setManaged(false);
        }
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.SPACE) {
            playBar.toggle();
        } else if (code == KeyCode.S || code == KeyCode.ENTER) {
            playBar.stepOnce();
        } else if (code == KeyCode.C || code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
            model.clearDrawing();
        } else if (code == KeyCode.A) {
            addExample();
        } else if (code == KeyCode.R) {
            playBar.pause();
            restartAction();
        } else if (code == KeyCode.OPEN_BRACKET) {
            brush.set(Math.max(1, brush.get() - 0.5));
        } else if (code == KeyCode.CLOSE_BRACKET) {
            brush.set(Math.min(4, brush.get() + 0.5));
        } else if (code.isDigitKey() && !e.getText().isEmpty() && Character.isDigit(e.getText().charAt(0))) {
            int k = e.getText().charAt(0) - '0';
            if (k >= 1 && k <= 5) {
                classBox.getSelectionModel().select(k - 1);
            } else {
                return;
            }
        } else {
            return;
        }
        e.consume();
    }

    // ---- drawing --------------------------------------------------------------------------------------------------

    /** The drawing grid's square on the surface: x, y, side. */
    double[] gridBox() {
        double side = Math.max(10, Math.min(grid.getWidth(), grid.getHeight()) - 4);
        return new double[]{(grid.getWidth() - side) / 2, (grid.getHeight() - side) / 2, side};
    }

    /** A point of the grid surface in pixel units of the drawing (0..16 across). */
    double[] toPixels(double sx, double sy) {
        double[] b = gridBox();
        double cell = b[2] / SoftmaxModel.GRID;
        return new double[]{(sx - b[0]) / cell, (sy - b[1]) / cell};
    }

    private void onPress(MouseEvent e) {
        grid.requestFocus();
        erasing = e.getButton() == MouseButton.SECONDARY || e.isShiftDown();
        double[] p = toPixels(e.getX(), e.getY());
        model.paint(p[0], p[1], brush.get(), erasing);
        lastX = p[0];
        lastY = p[1];
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        double[] p = toPixels(e.getX(), e.getY());
        boolean erase = erasing || e.isShiftDown() || e.isSecondaryButtonDown();
        if (Double.isNaN(lastX)) {
            model.paint(p[0], p[1], brush.get(), erase);
        } else {
            model.paintLine(lastX, lastY, p[0], p[1], brush.get(), erase);
        }
        lastX = p[0];
        lastY = p[1];
        e.consume();
    }

    private void onSampleClick(MouseEvent e) {
        int[] layout = sampleLayout(samples.getWidth(), samples.getHeight());
        int cell = layout[0];
        int col = (int) ((e.getX() - layout[1]) / cell);
        int row = (int) ((e.getY() - layout[2]) / cell);
        int i = row * SAMPLE_GRID + col;
        if (cell > 0 && col >= 0 && col < SAMPLE_GRID && row >= 0 && row < SAMPLE_GRID
                && i < model.data().y().length) {
            model.drawSample(i);
        }
    }

    // ---- refresh --------------------------------------------------------------------------------------------------

    private void refresh() {
        for (Runnable sync : syncs) {
            sync.run();
        }
        syncChart();
        int[] c = model.exampleCounts();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < c.length; k++) {
            sb.append(k == 0 ? "" : " · ").append(k + 1).append(": ").append(c[k]);
        }
        counts.setText(i18n.get("softmax.draw.counts", sb.toString()));
        String sourceName = i18n.get("softmax.source." + model.source().name().toLowerCase(java.util.Locale.ROOT));
        dataStatus.setText(i18n.get("softmax.data.status", sourceName, fmtInt(model.data().y().length),
                fmtInt(model.classCount())));
        runStatus.setText(model.canContinue() ? "" : i18n.get(model.trainCount() == 0 ? "softmax.run.noData"
                : "softmax.run.limit", fmtInt(model.epochs())));
        readoutValues.get(0).setText(fmtInt(model.epoch()));
        readoutValues.get(1).setText(num(model.quantity("train_loss"), 4));
        readoutValues.get(2).setText(percent(model.quantity("train_acc")));
        readoutValues.get(3).setText(percent(model.quantity("val_acc")));
        readoutValues.get(4).setText(i18n.get("softmax.readout.sizesValue", fmtInt(model.trainCount()),
                fmtInt(model.valCount())));
        double predicted = model.quantity("predicted");
        readoutValues.get(5).setText(Double.isNaN(predicted) ? "—" : className((int) predicted - 1));
        samplesLegend.setText(legend());
        updateHint();
        redrawAll();
    }

    private void updateHint() {
        gridHint.setText(i18n.get(drawCard.getWidth() > 0 && drawCard.getWidth() < 300 ? "softmax.grid.hintShort"
                : "softmax.grid.hint"));
    }

    private void redrawAll() {
        grid.requestRedraw();
        bars.requestRedraw();
        samples.requestRedraw();
        weights.requestRedraw();
        confusion.requestRedraw();
    }

    private void defineSeries() {
        chart.defineSeries("loss", i18n.get("softmax.series.loss"), Color.web("#d6453d"));
        chart.defineSeries("train_acc", i18n.get("softmax.series.trainAcc"), Color.web("#2e7bd6"));
        chart.defineSeries("val_acc", i18n.get("softmax.series.valAcc"), Color.web("#2e9e4f"));
        chart.setIncludeZero(true);
    }

    /** Brings the chart in line with the model's history: appends new epochs, or redraws after a restart. */
    private void syncChart() {
        List<double[]> history = model.history();
        int shown = chart.count("loss");
        if (shown > history.size() || (shown > 0 && history.size() == 1)) {
            chart.clear("loss");
            chart.clear("train_acc");
            chart.clear("val_acc");
            shown = 0;
        }
        for (int i = shown; i < history.size(); i++) {
            double[] row = history.get(i);
            chart.add("loss", row[0], row[1]);
            chart.add("train_acc", row[0], row[2]);
            chart.add("val_acc", row[0], row[4]);
        }
        chart.flush();
    }

    // ---- names ----------------------------------------------------------------------------------------------------

    /** What class c (0-based) is called on screen for the current data source. */
    String className(int c) {
        return switch (model.source()) {
            case SHAPES -> i18n.get("softmax.classLabel", String.valueOf(c + 1), i18n.get("softmax.shape." + c));
            case DRAWINGS -> i18n.get("softmax.classDrawn", String.valueOf(c + 1));
            case IDX -> fashionNames.isSelected() && model.classCount() == 10
                    ? i18n.get("softmax.classLabel", String.valueOf(c), i18n.get("softmax.fashion." + c))
                    : i18n.get("softmax.classIdx", String.valueOf(c));
        };
    }

    /** The short tag drawn on samples, bars and matrices: the class number (the file label for IDX data). */
    private String tag(int c) {
        return String.valueOf(model.source() == SoftmaxModel.Source.IDX ? c : c + 1);
    }

    private String legend() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < model.classCount(); c++) {
            sb.append(c == 0 ? "" : " · ").append(className(c));
        }
        return sb.toString();
    }

    // ---- painting -------------------------------------------------------------------------------------------------

    private Theme.Palette palette() {
        return theme.palette();
    }

    private Color ink() {
        return palette().text();
    }

    private void paintGrid(GraphicsContext g, double w, double h) {
        Theme.Palette p = palette();
        double[] b = gridBox();
        double cell = b[2] / SoftmaxModel.GRID;
        g.setFill(p.background());
        g.fillRect(b[0], b[1], b[2], b[2]);
        for (int r = 0; r < SoftmaxModel.GRID; r++) {
            for (int c = 0; c < SoftmaxModel.GRID; c++) {
                double v = model.pixel(r, c);
                if (v > 0) {
                    g.setFill(p.background().interpolate(ink(), v));
                    g.fillRect(b[0] + c * cell, b[1] + r * cell, cell + 0.5, cell + 0.5);
                }
            }
        }
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        for (int i = 0; i <= SoftmaxModel.GRID; i++) {
            double t = Math.round(i * cell) + 0.5;
            g.strokeLine(b[0] + t, b[1], b[0] + t, b[1] + b[2]);
            g.strokeLine(b[0], b[1] + t, b[0] + b[2], b[1] + t);
        }
        g.setStroke(p.axis());
        g.strokeRect(b[0] + 0.5, b[1] + 0.5, b[2], b[2]);
        if (model.ink() == 0) {
            g.setFill(p.text().deriveColor(0, 1, 1, 0.6));
            g.setFont(Fonts.regular(13));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(i18n.get("softmax.grid.empty"), b[0] + b[2] / 2, b[1] + b[2] / 2, b[2] - 12);
        }
    }

    private void paintBars(GraphicsContext g, double w, double h) {
        Theme.Palette p = palette();
        double[] probs = model.probabilities();
        g.setTextBaseline(VPos.CENTER);
        if (probs.length == 0) {
            g.setFill(p.text().deriveColor(0, 1, 1, 0.7));
            g.setFont(Fonts.regular(13));
            g.setTextAlign(TextAlignment.CENTER);
            String text = i18n.get("softmax.bars.empty");
            if (textWidth(text, g.getFont()) <= w - 12) {
                g.fillText(text, w / 2, h / 2, w - 12);
            } else {
                // Two lines on a narrow card, split at the space nearest the middle (or the middle, for Chinese).
                int cut = text.length() / 2;
                int space = text.lastIndexOf(' ', cut);
                int at = space > 0 ? space : cut;
                g.fillText(text.substring(0, at).strip(), w / 2, h / 2 - 9, w - 12);
                g.fillText(text.substring(at).strip(), w / 2, h / 2 + 9, w - 12);
            }
            return;
        }
        int k = probs.length;
        int best = SoftmaxModel.argmax(probs);
        double rowH = Math.min(34, h / k);
        double font = Math.max(9, Math.min(13, rowH * 0.45));
        g.setFont(Fonts.regular(font));
        double labelW = Math.min(w * 0.5, 150);
        double valueW = 48;
        double barW = Math.max(10, w - labelW - valueW - 12);
        for (int c = 0; c < k; c++) {
            double y = c * rowH + (h - k * rowH) / 2;
            double mid = y + rowH / 2;
            g.setFill(p.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(className(c), 2, mid, labelW - 6);
            g.setFill(p.gridFaint());
            g.fillRect(labelW, y + rowH * 0.2, barW, rowH * 0.6);
            g.setFill(c == best ? p.eigen() : p.grid());
            g.fillRect(labelW, y + rowH * 0.2, barW * probs[c], rowH * 0.6);
            g.setFill(p.text());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Format.num(probs[c], 3), w - 2, mid);
        }
    }

    /** Side of a sample cell and the grid's top-left corner: {cell, x0, y0}. */
    private static int[] sampleLayout(double w, double h) {
        int cell = (int) Math.floor(Math.min(w, h) / SAMPLE_GRID);
        int x0 = (int) ((w - cell * SAMPLE_GRID) / 2);
        int y0 = (int) ((h - cell * SAMPLE_GRID) / 2);
        return new int[]{cell, x0, y0};
    }

    private void paintSamples(GraphicsContext g, double w, double h) {
        Theme.Palette p = palette();
        SoftmaxModel.Dataset data = model.data();
        int[] layout = sampleLayout(w, h);
        int cell = layout[0];
        if (cell < 4) {
            return;
        }
        int n = Math.min(SAMPLE_GRID * SAMPLE_GRID, data.y().length);
        g.setImageSmoothing(false);
        g.setFont(Fonts.bold(Math.max(8, Math.min(12, cell * 0.3))));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < n; i++) {
            double x = layout[1] + (i % SAMPLE_GRID) * cell;
            double y = layout[2] + (i / SAMPLE_GRID) * cell;
            WritableImage img = greyImage(data.x()[i], data.rows(), data.cols(), p.background(), ink());
            g.drawImage(img, x + 1, y + 1, cell - 2, cell - 2);
            if (cell >= 16) {
                g.setFill(p.eigen());
                g.fillText(tag(data.y()[i]), x + 2, y + 1);
            }
        }
        g.setStroke(p.gridFaint());
        g.strokeRect(layout[1] + 0.5, layout[2] + 0.5, cell * SAMPLE_GRID, cell * SAMPLE_GRID);
        if (n == 0) {
            g.setFill(p.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(i18n.get("softmax.samples.none"), w / 2, h / 2, w - 10);
        }
    }

    private void paintWeights(GraphicsContext g, double w, double h) {
        Theme.Palette p = palette();
        int k = model.classCount();
        double max = 1e-12;
        double[][] ws = new double[k][];
        for (int c = 0; c < k; c++) {
            ws[c] = model.classWeights(c);
            for (double v : ws[c]) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double legendW = Math.min(130, Math.max(90, w * 0.2));
        double labelH = 18;
        double gap = 8;
        double side = Math.max(4, Math.min((w - legendW - gap * k) / k, h - labelH - 4));
        double x = 4;
        g.setImageSmoothing(false);
        g.setFont(Fonts.regular(Math.max(9, Math.min(12, side * 0.14 + 6))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        Color[] colors = heatColors();
        for (int c = 0; c < k; c++) {
            WritableImage img = weightImage(ws[c], model.inputRows(), model.inputCols(), max, colors[0], colors[1],
                    colors[2]);
            g.drawImage(img, x, 2, side, side);
            g.setStroke(p.gridFaint());
            g.strokeRect(x + 0.5, 2.5, side - 1, side - 1);
            g.setFill(p.text());
            String name = className(c);
            g.fillText(textWidth(name, g.getFont()) <= side ? name : tag(c), x + side / 2, side + 5, side);
            x += side + gap;
        }
        // The colour key: blue for negative weights, red for positive, with the largest size.
        double lx = w - legendW + 4;
        double ly = 6;
        double lw = legendW - 12;
        for (int i = 0; i < lw; i++) {
            double t = 2.0 * i / lw - 1;
            g.setFill(t < 0 ? colors[1].interpolate(colors[0], -t) : colors[1].interpolate(colors[2], t));
            g.fillRect(lx + i, ly, 1.5, 12);
        }
        g.setStroke(p.gridFaint());
        g.strokeRect(lx, ly, lw, 12);
        g.setFill(p.text());
        g.setFont(Fonts.regular(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Fonts.regular(10));
        g.fillText("−" + Format.num(max, 2), lx, ly + 16, lw / 2 - 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("+" + Format.num(max, 2), lx + lw, ly + 16, lw / 2 - 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.text().deriveColor(0, 1, 1, 0.75));
        g.fillText(i18n.get("softmax.weights.key"), lx, ly + 34, lw);
    }

    /** Negative, zero and positive colours of the weight images (zero is the background, so sign stands out). */
    private Color[] heatColors() {
        boolean dark = theme.mode() == Theme.Mode.DARK;
        return new Color[]{dark ? Color.web("#5aa0ff") : Color.web("#2166ac"), palette().background(),
                dark ? Color.web("#ff6b61") : Color.web("#b2182b")};
    }

    /**
     * A weights vector as a cols x rows heat image: v / scale mapped from {@code negative} (-1) through {@code zero}
     * to {@code positive} (+1), clamped.
     */
    static WritableImage weightImage(double[] weights, int rows, int cols, double scale, Color negative, Color zero,
                                     Color positive) {
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double t = Math.max(-1, Math.min(1, weights[r * cols + c] / scale));
                pw.setColor(c, r, t < 0 ? zero.interpolate(negative, -t) : zero.interpolate(positive, t));
            }
        }
        return img;
    }

    /** A grey image (values 0..1) as cols x rows pixels from {@code paper} to {@code ink}. */
    static WritableImage greyImage(double[] values, int rows, int cols, Color paper, Color ink) {
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                pw.setColor(c, r, paper.interpolate(ink, values[r * cols + c]));
            }
        }
        return img;
    }

    private void paintConfusion(GraphicsContext g, double w, double h) {
        Theme.Palette p = palette();
        int[][] m = model.confusion();
        int k = m.length;
        double margin = 34;
        double side = Math.max(10, Math.min(w - margin - 6, h - margin - 6));
        double cell = side / k;
        double x0 = margin + (w - margin - side) / 2;
        double y0 = margin;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Fonts.regular(11));
        g.setFill(p.text());
        g.fillText(i18n.get("softmax.confusion.predicted"), x0 + side / 2, 8, side);
        g.save();
        g.translate(8, y0 + side / 2);
        g.rotate(-90);
        g.fillText(i18n.get("softmax.confusion.true"), 0, 0, side);
        g.restore();
        if (model.valCount() == 0) {
            g.fillText(i18n.get("softmax.confusion.none"), x0 + side / 2, y0 + side / 2, side);
            return;
        }
        Color right = p.ihat();
        Color wrong = p.jhat();
        g.setFont(Fonts.regular(Math.max(8, Math.min(13, cell * 0.35))));
        for (int t = 0; t < k; t++) {
            int total = 0;
            for (int v : m[t]) {
                total += v;
            }
            g.setFill(p.text());
            g.fillText(tag(t), x0 - 10, y0 + (t + 0.5) * cell);
            g.fillText(tag(t), x0 + (t + 0.5) * cell, y0 - 10);
            for (int q = 0; q < k; q++) {
                double share = total == 0 ? 0 : (double) m[t][q] / total;
                g.setFill(p.background().interpolate(t == q ? right : wrong, 0.15 + 0.75 * share));
                if (m[t][q] == 0) {
                    g.setFill(p.background());
                }
                g.fillRect(x0 + q * cell, y0 + t * cell, cell, cell);
                if (cell >= 14) {
                    g.setFill(p.text());
                    g.fillText(String.valueOf(m[t][q]), x0 + (q + 0.5) * cell, y0 + (t + 0.5) * cell, cell - 2);
                }
            }
        }
        g.setStroke(p.gridFaint());
        for (int i = 0; i <= k; i++) {
            g.strokeLine(x0 + i * cell, y0, x0 + i * cell, y0 + side);
            g.strokeLine(x0, y0 + i * cell, x0 + side, y0 + i * cell);
        }
    }

    // ---- formatting -----------------------------------------------------------------------------------------------

    private static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static String fmtInt(long v) {
        return Long.toString(v);
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? Format.num(v, decimals) : "—";
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? Format.num(100 * v, 1) + " %" : "—";
    }
}
