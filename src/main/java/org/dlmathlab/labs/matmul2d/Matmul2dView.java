package org.dlmathlab.labs.matmul2d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.linalg.Commutation;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.MatrixShape;
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
 * Two planes side by side: on the left the plane after AB ("first B, then A"), on the right after BA ("first A, then
 * B"), each with the image of the grid, the unit square, where i-hat and j-hat land and, dashed, where the first map
 * alone sent them. A two-stage playback shows the order. Controls: A and B (sliders, typed fields, presets), swap,
 * the columns of AB read one by one, whether AB = BA and why, a matrix C for associativity, a shape calculator with
 * the dense-layer example, and determinants. Draws the model; the math comes from the model and math/.
 */
public final class Matmul2dView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("matrix-a", "matrix-b", "presets", "play", "columns",
            "commute", "assoc", "shape", "readouts");

    private static final String STYLESHEET = "/org/dlmathlab/css/matmul2d.css";
    private static final Pattern MARK = Pattern.compile("\\[([ABC])]");
    private static final double SHAPE_CANVAS_WIDTH = 230;
    private static final double SHAPE_CANVAS_HEIGHT = 110;

    private final Matmul2dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final PlotCanvas planeAb = new PlotCanvas(3.2);
    private final PlotCanvas planeBa = new PlotCanvas(3.2);
    private final TwinPlanes planes;
    private final Map<PlotCanvas, double[]> lastView = new LinkedHashMap<>();
    private final Caption captionAb = new Caption();
    private final Caption captionBa = new Caption();
    private final Map<String, SliderField> entryFields = new LinkedHashMap<>();
    private final List<Node> presetRows = new ArrayList<>();
    private final Timeline playback = new Timeline();
    private final Label column1 = new Label();
    private final Label column2 = new Label();
    private final Label commuteVerdict = new Label();
    private final Label commuteReason = new Label();
    private final MatrixNode abThenC = new MatrixNode();
    private final MatrixNode aThenBc = new MatrixNode();
    private final Label assocGap = new Label();
    private final Map<String, Spinner<Integer>> spinners = new LinkedHashMap<>();
    private final Canvas shapeCanvas = new Canvas(SHAPE_CANVAS_WIDTH, SHAPE_CANVAS_HEIGHT);
    private final Label shapeResult = new Label();
    private final Label shapeError = new Label();
    private final Label layerExample = new Label();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Label hint = new Label();

    public Matmul2dView(Matmul2dModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-matmul2d");
        root.getStylesheets().add(Matmul2dView.class.getResource(STYLESHEET).toExternalForm());

        planeAb.setId("matmul-plane-ab");
        planeBa.setId("matmul-plane-ba");
        planeAb.setPainter((g, vp) -> paintPlane(g, vp, true));
        planeBa.setPainter((g, vp) -> paintPlane(g, vp, false));
        captionAb.root.setId("matmul-caption-ab");
        captionBa.root.setId("matmul-caption-ba");
        planes = new TwinPlanes(card(planeAb, captionAb), card(planeBa, captionBa));
        hint.getStyleClass().add("matmul-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.textProperty().bind(i18n.bind("matmul2d.plane.hint"));
        VBox center = new VBox(4, planes, hint);
        center.setPadding(new Insets(6, 6, 4, 6));
        VBox.setVgrow(planes, Priority.ALWAYS);
        root.setCenter(center);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(matrixGroup("matrix-a", "a", Matmul2dModel.A_NAMES, model::setA),
                matrixGroup("matrix-b", "b", Matmul2dModel.B_NAMES, model::setB), playGroup(), columnsGroup(),
                commuteGroup(), assocGroup(), shapeGroup(), readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 220);
        root.setRight(scroller);

        for (PlotCanvas plane : List.of(planeAb, planeBa)) {
            plane.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        }
        // Edits stop the playback so the planes never show a stale half-way picture.
        model.changes().addListener(o -> stopPlayback());
        model.drawChanges().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> {
            captionAb.title(true);
            captionBa.title(false);
            refresh();
        });
        theme.modeProperty().addListener(o -> refresh());
        captionAb.title(true);
        captionBa.title(false);
        refresh();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas planeAb() {
        return planeAb;
    }

    public PlotCanvas planeBa() {
        return planeBa;
    }

    public SliderField entryField(String name) {
        return entryFields.get(name);
    }

    public Spinner<Integer> spinner(String name) {
        return spinners.get(name);
    }

    /** The caption of a plane as shown: title, product entries, determinant (tests read this). */
    public String captionText(boolean ab) {
        return (ab ? captionAb : captionBa).text();
    }

    public Label commuteVerdict() {
        return commuteVerdict;
    }

    public Label commuteReason() {
        return commuteReason;
    }

    public Label shapeResult() {
        return shapeResult;
    }

    public Label shapeError() {
        return shapeError;
    }

    public boolean isPlaying() {
        return playback.getStatus() == Animation.Status.RUNNING;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        boolean presets = controls.isEmpty() || controls.contains("presets");
        for (Node row : presetRows) {
            row.setVisible(presets);
            row.setManaged(presets);
        }
    }

    @Override
    public void resetView() {
        stopPlayback();
        planeAb.resetView();
        planeBa.resetView();
        lastView.clear();
    }

    @Override
    public void dispose() {
        playback.stop();
    }

    /** Plays both orders at once: stage 1 the first map morphs in, stage 2 the second map acts on top. */
    public void play() {
        playback.stop();
        playback.getKeyFrames().setAll(
                new KeyFrame(Duration.ZERO, new KeyValue(model.stageProperty(), 0)),
                new KeyFrame(Duration.millis(1100), new KeyValue(model.stageProperty(), 1, Interpolator.EASE_BOTH)),
                new KeyFrame(Duration.millis(1500), new KeyValue(model.stageProperty(), 1)),
                new KeyFrame(Duration.millis(2600), new KeyValue(model.stageProperty(), 2, Interpolator.EASE_BOTH)));
        playback.playFromStart();
    }

    private void stopPlayback() {
        if (isPlaying()) {
            playback.stop();
        }
        model.stageProperty().set(Matmul2dModel.STAGE_DONE);
    }

    // ---- the planes ------------------------------------------------------------------------------------------------

    private StackPane card(PlotCanvas plane, Caption caption) {
        StackPane card = new StackPane(plane, caption.root);
        card.getStyleClass().add("matmul-card");
        StackPane.setAlignment(caption.root, Pos.TOP_LEFT);
        StackPane.setMargin(caption.root, new Insets(8));
        card.setMinSize(100, 100);
        // In a small plane the caption would hide the picture: keep only "AB = [matrix]" there.
        javafx.beans.InvalidationListener compact = o -> caption.compact(card.getWidth() < 340 || card.getHeight() < 300);
        card.widthProperty().addListener(compact);
        card.heightProperty().addListener(compact);
        return card;
    }

    /** Title, product and determinant over the top-left corner of a plane; clicks go through to the plane. */
    private final class Caption {
        final VBox root = new VBox(3);
        final TextFlow titleFlow = new TextFlow();
        final MatrixNode matrix = new MatrixNode();
        final Label det = new Label();
        final Label stage = new Label();

        final TextFlow productName = new TextFlow();

        Caption() {
            root.getStyleClass().add("matmul-caption");
            root.setMouseTransparent(true);
            root.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            titleFlow.getStyleClass().add("matmul-caption-title");
            productName.getStyleClass().add("matmul-caption-title");
            det.getStyleClass().add("matmul-caption-det");
            det.setMinWidth(Region.USE_PREF_SIZE);
            stage.getStyleClass().add("matmul-caption-stage");
            HBox product = new HBox(8, productName, matrix, det);
            product.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().addAll(titleFlow, product, stage);
        }

        void compact(boolean small) {
            titleFlow.setVisible(!small);
            titleFlow.setManaged(!small);
        }

        void title(boolean ab) {
            titleFlow.getChildren().setAll(colored(i18n.get(ab ? "matmul2d.plane.ab" : "matmul2d.plane.ba")));
            productName.getChildren().setAll(colored(ab ? "[A][B] =" : "[B][A] ="));
        }

        void show(Matrix2 product, String stageText) {
            matrix.show(product);
            det.setText(i18n.get("matmul2d.plane.det", Format.num(product.det())));
            stage.setText(stageText);
            stage.setVisible(!stageText.isEmpty());
            stage.setManaged(!stageText.isEmpty());
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (Node n : titleFlow.getChildren()) {
                sb.append(((Text) n).getText());
            }
            return sb + ": " + matrix.text() + "; " + det.getText();
        }
    }

    /** Text whose [A], [B], [C] marks become the letters in their matrix's colour. */
    private List<Node> colored(String pattern) {
        List<Node> out = new ArrayList<>();
        Matcher m = MARK.matcher(pattern);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(plain(pattern.substring(at, m.start())));
            }
            Text letter = new Text(m.group(1));
            letter.getStyleClass().addAll("matmul-letter", "matmul-" + m.group(1).toLowerCase() + "-text");
            out.add(letter);
            at = m.end();
        }
        if (at < pattern.length()) {
            out.add(plain(pattern.substring(at)));
        }
        return out;
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("matmul-plain-text");
        return t;
    }

    private void paintPlane(GraphicsContext g, Viewport vp, boolean ab) {
        syncViews(ab ? planeAb : planeBa, ab ? planeBa : planeAb);
        Theme.Palette p = theme.palette();
        Matrix2 shown = ab ? model.displayedAb() : model.displayedBa();
        Matrix2 first = ab ? model.matrixB() : model.matrixA();
        String firstName = ab ? "B" : "A";
        Color firstColor = ab ? colorB(p) : colorA(p);
        PlaneDrawing.background(g, vp, p);
        PlaneDrawing.unitSquare(g, vp, p, shown);
        PlaneDrawing.transformedGrid(g, vp, p, shown);
        if (model.stageProperty().get() >= 1) {
            // Where the first map alone sent the basis: the second map starts from these.
            Color ghost = firstColor.deriveColor(0, 1, 1, 0.85);
            g.setLineDashes(6, 5);
            PlaneDrawing.arrow(g, vp, Vec2.ZERO, first.column1(), ghost, 1.8, null);
            PlaneDrawing.arrow(g, vp, Vec2.ZERO, first.column2(), ghost, 1.8, null);
            g.setLineDashes();
            ghostLabel(g, vp, first.column1(), ghost, firstName + "î");
            ghostLabel(g, vp, first.column2(), ghost, firstName + "ĵ");
        }
        PlaneDrawing.basis(g, vp, p, shown, false);
        if (shown.rank() < 2 && model.stageProperty().get() >= Matmul2dModel.STAGE_DONE) {
            g.setFill(p.warning());
            g.setFont(Fonts.regular(13));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(i18n.get(shown.rank() == 0 ? "matmul2d.plane.point" : "matmul2d.plane.line"),
                    vp.width() - 10, vp.height() - 8, Math.max(60, vp.width() - 20));
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /**
     * Labels a dashed arrow on the side opposite to where {@link PlaneDrawing#arrow} puts the solid arrows' labels,
     * so that "Bĵ" and "ĵ" stay readable when the two arrows coincide.
     */
    private static void ghostLabel(GraphicsContext g, Viewport vp, Vec2 tip, Color color, String label) {
        double x0 = vp.toScreenX(0);
        double y0 = vp.toScreenY(0);
        double x1 = vp.toScreenX(tip.x());
        double y1 = vp.toScreenY(tip.y());
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        g.setFill(color);
        g.setFont(Fonts.bold(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, x1 + ux * 12 + uy * 16, y1 + uy * 12 - ux * 16);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /**
     * Keeps both planes at the same pan and zoom, so AB and BA compare at one scale: whichever plane the learner moved
     * (its view differs from what it was at its last paint) hands its centre and scale to the other.
     */
    private void syncViews(PlotCanvas source, PlotCanvas target) {
        Viewport s = source.viewport();
        double[] now = {s.toWorldX(s.width() / 2), s.toWorldY(s.height() / 2), s.scale()};
        double[] before = lastView.get(source);
        lastView.put(source, now);
        if (before == null || java.util.Arrays.equals(before, now)) {
            return;
        }
        Viewport t = target.viewport();
        double halfW = t.width() / (2 * now[2]);
        double halfH = t.height() / (2 * now[2]);
        t.fit(now[0] - halfW, now[0] + halfW, now[1] - halfH, now[1] + halfH);
        lastView.put(target, new double[]{t.toWorldX(t.width() / 2), t.toWorldY(t.height() / 2), t.scale()});
        target.requestRedraw();
    }

    private Color colorA(Theme.Palette p) {
        return p.eigen();
    }

    private Color colorB(Theme.Palette p) {
        return p.probe();
    }

    private Color colorC(Theme.Palette p) {
        return p.image();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node matrixGroup(String group, String letter, List<String> names, Consumer<Matrix2> setter) {
        VBox box = groups.group(group, "matmul2d.matrix." + letter + ".title");
        box.getStyleClass().add("matmul-" + letter);
        box.getChildren().add(groups.explain("matmul2d.matrix." + letter + ".explain"));
        String matrixName = letter.toUpperCase();
        // Column by column, as in the transform lab: first where i-hat lands, then where j-hat lands.
        int[] order = {0, 2, 1, 3};
        for (int i : order) {
            String name = names.get(i);
            int row = i / 2 + 1;
            int col = i % 2 + 1;
            String shown = letter.equals("a") ? name : name.charAt(0) + subscript(row) + subscript(col);
            SliderField field = new SliderField(constant(shown),
                    i18n.bind("matmul2d.entry.tooltip", shown, row, col, matrixName, col == 1 ? "î" : "ĵ",
                            row == 1 ? "x" : "y"),
                    model.entry(name), -3, 3, v -> requireWithinLimit(shown, v), numberParser);
            field.setId("matmul-entry-" + name);
            entryFields.put(name, field);
            box.getChildren().add(field);
        }
        FlowPane presets = new FlowPane(4, 4);
        presets.getStyleClass().add("matmul-presets");
        for (MatrixPreset preset : MatrixPreset.values()) {
            Button button = new Button();
            button.textProperty().bind(i18n.bind("matmul2d.preset." + preset.key()));
            button.setTooltip(Tips.of(i18n, "matmul2d.preset." + preset.key() + ".tooltip"));
            button.getStyleClass().add("small-button");
            button.setId("matmul-preset-" + letter + "-" + preset.key());
            button.setOnAction(e -> setter.accept(preset.matrix()));
            presets.getChildren().add(button);
        }
        presetRows.add(presets);
        box.getChildren().add(presets);
        return box;
    }

    private double requireWithinLimit(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > Matmul2dModel.LIMIT) {
            throw new IllegalArgumentException(i18n.get("matmul2d.error.range", name,
                    Format.num(-Matmul2dModel.LIMIT), Format.num(Matmul2dModel.LIMIT)));
        }
        return v;
    }

    private Node playGroup() {
        VBox box = groups.group("play", "matmul2d.play.title");
        Button play = new Button();
        play.textProperty().bind(i18n.bind("matmul2d.play.button"));
        play.setTooltip(Tips.of(i18n, "matmul2d.play.tooltip"));
        play.setId("matmul-play");
        play.setOnAction(e -> play());
        play.setMaxWidth(Double.MAX_VALUE);
        Button swap = new Button();
        swap.textProperty().bind(i18n.bind("matmul2d.swap.button"));
        swap.setTooltip(Tips.of(i18n, "matmul2d.swap.tooltip"));
        swap.setId("matmul-swap");
        swap.setOnAction(e -> model.swap());
        swap.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().addAll(play, swap);
        return box;
    }

    private Node columnsGroup() {
        VBox box = groups.group("columns", "matmul2d.columns.title");
        box.getChildren().add(groups.explain("matmul2d.columns.explain"));
        for (Label l : new Label[]{column1, column2}) {
            l.setWrapText(true);
            l.getStyleClass().add("matmul-column-readout");
        }
        column1.setId("matmul-column1");
        column2.setId("matmul-column2");
        box.getChildren().addAll(column1, column2);
        return box;
    }

    private Node commuteGroup() {
        VBox box = groups.group("commute", "matmul2d.commute.title");
        commuteVerdict.setWrapText(true);
        commuteVerdict.setId("matmul-commute");
        commuteVerdict.getStyleClass().add("regime-label");
        commuteReason.setWrapText(true);
        commuteReason.setId("matmul-commute-reason");
        box.getChildren().addAll(commuteVerdict, commuteReason);
        return box;
    }

    private Node assocGroup() {
        VBox box = groups.group("assoc", "matmul2d.assoc.title");
        box.getStyleClass().add("matmul-c");
        box.getChildren().add(groups.explain("matmul2d.assoc.explain"));
        int[] order = {0, 2, 1, 3};
        for (int i : order) {
            String name = Matmul2dModel.C_NAMES.get(i);
            int row = i / 2 + 1;
            int col = i % 2 + 1;
            String shown = "c" + subscript(row) + subscript(col);
            SliderField field = new SliderField(constant(shown),
                    i18n.bind("matmul2d.entry.tooltip", shown, row, col, "C", col == 1 ? "î" : "ĵ",
                            row == 1 ? "x" : "y"),
                    model.entry(name), -3, 3, v -> requireWithinLimit(shown, v), numberParser);
            field.setId("matmul-entry-" + name);
            entryFields.put(name, field);
            box.getChildren().add(field);
        }
        GridPane both = new GridPane();
        both.setHgap(6);
        both.setVgap(6);
        Label left = new Label("(AB)C =");
        Label right = new Label("A(BC) =");
        left.setMinWidth(Region.USE_PREF_SIZE);
        right.setMinWidth(Region.USE_PREF_SIZE);
        both.addRow(0, left, abThenC);
        both.addRow(1, right, aThenBc);
        abThenC.setId("matmul-abc");
        aThenBc.setId("matmul-a-bc");
        assocGap.setWrapText(true);
        assocGap.setId("matmul-assoc-gap");
        assocGap.getStyleClass().add("control-explain");
        box.getChildren().addAll(both, assocGap);
        return box;
    }

    private Node shapeGroup() {
        VBox box = groups.group("shape", "matmul2d.shape.title");
        box.getChildren().add(groups.explain("matmul2d.shape.explain"));
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(name, new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints());
        Label aLabel = new Label();
        aLabel.textProperty().bind(i18n.bind("matmul2d.shape.left"));
        Label bLabel = new Label();
        bLabel.textProperty().bind(i18n.bind("matmul2d.shape.right"));
        aLabel.setMinWidth(Region.USE_PREF_SIZE);
        bLabel.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(0, aLabel, sizeSpinner("m"), new Label("×"), sizeSpinner("n"));
        grid.addRow(1, bLabel, sizeSpinner("n2"), new Label("×"), sizeSpinner("p"));
        shapeError.setWrapText(true);
        shapeError.getStyleClass().add("lab-status");
        shapeError.setId("matmul-shape-error");
        shapeError.setVisible(false);
        shapeError.setManaged(false);
        shapeResult.setWrapText(true);
        shapeResult.setId("matmul-shape-result");
        layerExample.setWrapText(true);
        layerExample.setId("matmul-layer");
        layerExample.getStyleClass().add("control-explain");
        shapeCanvas.setId("matmul-shape-picture");
        box.getChildren().addAll(grid, shapeError, shapeCanvas, shapeResult, layerExample);
        return box;
    }

    private Spinner<Integer> sizeSpinner(String name) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Matmul2dModel.MAX_SIZE, model.size(name).get());
        factory.setConverter(new SizeConverter(name, factory));
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        spinner.setPrefWidth(70);
        spinner.setMinWidth(64);
        spinner.setId("matmul-size-" + name);
        spinner.setTooltip(Tips.of(i18n, "matmul2d.shape." + name + ".tooltip"));
        factory.valueProperty().addListener((o, old, value) -> {
            if (value != null && value != model.size(name).get()) {
                model.size(name).set(value);
            }
        });
        model.size(name).addListener((o, old, value) -> {
            if (!value.equals(factory.getValue())) {
                factory.setValue(value.intValue());
            }
            // A good size arrived (typed, arrows, reset): an earlier typing error no longer applies.
            showShapeError(null, null);
        });
        spinners.put(name, spinner);
        return spinner;
    }

    /** Typed sizes: a whole number from 1 to 10; anything else is explained and changes nothing. */
    private final class SizeConverter extends StringConverter<Integer> {
        private final String name;
        private final SpinnerValueFactory<Integer> factory;

        SizeConverter(String name, SpinnerValueFactory<Integer> factory) {
            this.name = name;
            this.factory = factory;
        }

        @Override
        public String toString(Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String text) {
            Spinner<Integer> spinner = spinners.get(name);
            try {
                double v = numberParser.applyAsDouble(text == null ? "" : text);
                if (v != Math.rint(v) || v < 1 || v > Matmul2dModel.MAX_SIZE) {
                    throw new IllegalArgumentException(i18n.get("matmul2d.shape.error", text.strip()));
                }
                showShapeError(null, spinner);
                return (int) v;
            } catch (IllegalArgumentException e) {
                showShapeError(e.getMessage(), spinner);
                Integer keep = factory.getValue();
                // The editor shows the kept value again; the message says why the text was refused.
                if (spinner != null) {
                    spinner.getEditor().setText(toString(keep));
                }
                return keep;
            }
        }
    }

    private void showShapeError(String message, Spinner<Integer> spinner) {
        boolean show = message != null;
        shapeError.setText(show ? message : "");
        shapeError.setVisible(show);
        shapeError.setManaged(show);
        for (Spinner<Integer> s : spinners.values()) {
            s.getEditor().getStyleClass().removeAll("field-error");
        }
        if (show && spinner != null) {
            spinner.getEditor().getStyleClass().add("field-error");
        }
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "matmul2d.readouts.title");
        GridPane grid = new GridPane();
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("readouts");
        String[] names = {"det_a", "det_b", "product", "det_ab", "det_ba"};
        for (int row = 0; row < names.length; row++) {
            Label label = new Label();
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.textProperty().bind(i18n.bind("matmul2d.readout." + names[row]));
            label.getStyleClass().add("readout-name");
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("matmul-readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, label, value);
        }
        Label explain = groups.explain("matmul2d.readouts.explain");
        box.getChildren().addAll(grid, explain);
        return box;
    }


    private static StringExpression constant(String text) {
        return Bindings.createStringBinding(() -> text);
    }

    private static String subscript(int i) {
        return i == 1 ? "₁" : "₂";
    }

    // ---- state -> read-outs and pictures --------------------------------------------------------------------------

    private void refresh() {
        Matrix2 a = model.matrixA();
        Matrix2 b = model.matrixB();
        Matrix2 ab = model.ab();
        Matrix2 ba = model.ba();
        double stage = model.stageProperty().get();
        captionAb.show(ab, stageText(stage, "B", "A"));
        captionBa.show(ba, stageText(stage, "A", "B"));

        Vec2 bi = b.column1();
        Vec2 bj = b.column2();
        column1.setText(i18n.get("matmul2d.columns.col1", Format.pair(bi.x(), bi.y()), Format.num(bi.x()),
                Format.pair(a.a(), a.c()), Format.num(bi.y()), Format.pair(a.b(), a.d()), Format.pair(ab.a(), ab.c())));
        column2.setText(i18n.get("matmul2d.columns.col2", Format.pair(bj.x(), bj.y()), Format.num(bj.x()),
                Format.pair(a.a(), a.c()), Format.num(bj.y()), Format.pair(a.b(), a.d()), Format.pair(ab.b(), ab.d())));

        Commutation comm = model.commutation();
        commuteVerdict.getStyleClass().removeAll("regime-good", "regime-warn");
        commuteVerdict.getStyleClass().add(comm.commute() ? "regime-good" : "regime-warn");
        commuteVerdict.setText(comm.commute() ? i18n.get("matmul2d.commute.yes")
                : i18n.get("matmul2d.commute.no", Format.num(comm.gap())));
        commuteReason.setText(comm.reason() == Commutation.Reason.COMBINATION
                ? i18n.get("matmul2d.commute.reason.COMBINATION", Format.num(comm.alpha()), Format.num(comm.beta()))
                : i18n.get("matmul2d.commute.reason." + comm.reason().name()));

        abThenC.show(model.abThenC());
        aThenBc.show(model.aThenBc());
        double gap = model.quantity("assoc_gap");
        assocGap.setText(i18n.get(gap == 0 ? "matmul2d.assoc.exact" : "matmul2d.assoc.gap", Format.num(gap)));

        refreshShape();

        readouts.get("det_a").setText(Format.num(a.det()));
        readouts.get("det_b").setText(Format.num(b.det()));
        readouts.get("product").setText(Format.num(a.det() * b.det()));
        readouts.get("det_ab").setText(Format.num(ab.det()));
        readouts.get("det_ba").setText(Format.num(ba.det()));
        planeAb.requestRedraw();
        planeBa.requestRedraw();
    }

    private String stageText(double stage, String first, String second) {
        if (stage >= Matmul2dModel.STAGE_DONE) {
            return "";
        }
        return stage <= 1 ? i18n.get("matmul2d.plane.stage1", first) : i18n.get("matmul2d.plane.stage2", second);
    }

    private void refreshShape() {
        MatrixShape left = model.left();
        MatrixShape right = model.right();
        int m = left.rows();
        int n = left.columns();
        int n2 = right.rows();
        int p = right.columns();
        boolean ok = left.canMultiply(right);
        shapeResult.getStyleClass().removeAll("regime-good", "lab-status");
        shapeResult.getStyleClass().add(ok ? "matmul-shape-ok" : "lab-status");
        shapeResult.setText(ok
                ? i18n.get("matmul2d.shape.ok", m, n, n2, p, m * p, left.multiplications(right))
                : i18n.get("matmul2d.shape.bad", m, n, n2, p));
        layerExample.setText(i18n.get("matmul2d.shape.layer", m, n, p, m * n + m));
        drawShapes(left, right);
    }

    /** Boxes of m x n, n2 x p and (if defined) m x p little cells; the sizes that must agree are marked. */
    private void drawShapes(MatrixShape left, MatrixShape right) {
        Theme.Palette pal = theme.palette();
        GraphicsContext g = shapeCanvas.getGraphicsContext2D();
        double w = shapeCanvas.getWidth();
        double h = shapeCanvas.getHeight();
        g.clearRect(0, 0, w, h);
        boolean ok = left.canMultiply(right);
        int m = left.rows();
        int n = left.columns();
        int n2 = right.rows();
        int p = right.columns();
        double symbolW = 18;
        double labelH = 16;
        double cell = Math.min(12, Math.min((w - 2 * symbolW - 6) / (n + p + p), (SHAPE_CANVAS_HEIGHT - labelH - 4)
                / Math.max(m, n2)));
        // As tall as the boxes need, so a small product leaves no gap under the picture.
        shapeCanvas.setHeight(Math.ceil(cell * Math.max(m, n2) + labelH + 6));
        h = shapeCanvas.getHeight();
        g.clearRect(0, 0, w, h);
        double top = 2;
        double x = 2;
        x = box(g, x, top, m, n, cell, colorA(pal), pal, left.toString(), !ok ? 'c' : ' ');
        g.setFill(pal.text());
        g.setFont(Fonts.regular(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double midY = top + cell * Math.max(m, n2) / 2;
        g.fillText("·", x + symbolW / 2 - 1, midY);
        x += symbolW;
        x = box(g, x, top, n2, p, cell, colorB(pal), pal, right.toString(), !ok ? 'r' : ' ');
        g.setFill(ok ? pal.text() : pal.warning());
        g.setFont(Fonts.regular(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(ok ? "=" : "≠", x + symbolW / 2, midY);
        x += symbolW;
        if (ok) {
            box(g, x, top, m, p, cell, pal.text(), pal, left.times(right).toString(), ' ');
        } else {
            g.setFill(pal.warning());
            g.setFont(Fonts.bold(16));
            g.fillText("?", x + 10, midY);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /**
     * One matrix as rows x cols cells, centred in a slot wide enough for its label; {@code mark} 'c' underlines its
     * columns, 'r' its rows (the two lengths that disagree). Returns the x after the slot.
     */
    private double box(GraphicsContext g, double x, double y, int rows, int cols, double cell, Color color,
                       Theme.Palette pal, String label, char mark) {
        double slot = Math.max(cols * cell, 34);
        double x0 = x + (slot - cols * cell) / 2;
        g.setFill(color.deriveColor(0, 1, 1, 0.25));
        g.fillRect(x0, y, cols * cell, rows * cell);
        g.setStroke(color);
        g.setLineWidth(0.8);
        for (int r = 0; r <= rows; r++) {
            g.strokeLine(x0, y + r * cell, x0 + cols * cell, y + r * cell);
        }
        for (int c = 0; c <= cols; c++) {
            g.strokeLine(x0 + c * cell, y, x0 + c * cell, y + rows * cell);
        }
        if (mark != ' ') {
            g.setStroke(pal.warning());
            g.setLineWidth(2.2);
            if (mark == 'c') {
                g.strokeLine(x0, y + rows * cell + 2, x0 + cols * cell, y + rows * cell + 2);
            } else {
                g.strokeLine(x0 - 3, y, x0 - 3, y + rows * cell);
            }
        }
        g.setFill(pal.text());
        g.setFont(Fonts.regular(11.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(label, x + slot / 2, y + rows * cell + 4);
        return x + slot;
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case SPACE, P -> play();
            case S -> model.swap();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
