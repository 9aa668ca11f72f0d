package org.dlmathlab.labs.det3d;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.linalg.Matrix3;
import org.dlmathlab.math.linalg.Projection3;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.math.linalg.Vec3;
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
import org.dlmathlab.ui.text.MathRenderer;

/**
 * Space under a 3x3 matrix, drawn on a plain canvas (no 3D pipeline, so it works under software rendering): the
 * axes, the faint unit cube and its image, the parallelepiped on the three columns with translucent faces painted
 * back to front, and the columns as arrows (i-hat green, j-hat red, k-hat blue). Dragging turns the camera, the wheel
 * zooms, a double-click resets the view. The controls edit the nine entries (a 3x3 grid of sliders and typed
 * fields), start from presets, play the morph from the identity and read out det with its cofactor expansion,
 * volume, orientation, rank and what the cube became. Draws the model; the numbers come from {@link Matrix3} and the
 * camera from {@link Projection3}.
 */
public final class Det3dView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("matrix", "presets", "animate", "view", "readouts");

    /** The camera a page opens with: x towards the viewer on the left, y to the right, z up. */
    public static final double DEFAULT_YAW = Math.toRadians(32);
    public static final double DEFAULT_PITCH = Math.toRadians(22);
    /**
     * The screen rectangle (projected world units) the view shows at first: the axes and the presets' solids fit,
     * with more room on the side where the positive octant appears.
     */
    private static final double[] DEFAULT_VIEW = {-2.8, 3.4, -2.6, 3.2};

    private static final double RADIANS_PER_PIXEL = 0.01;
    private static final double KEY_TURN = Math.toRadians(5);
    private static final double AXIS_LENGTH = 2.6;
    private static final double CAMERA_DISTANCE = 14;
    private static final Duration MORPH_DURATION = Duration.millis(1800);
    private static final Color KHAT_LIGHT = Color.web("#2f6fdb");
    private static final Color KHAT_DARK = Color.web("#6fa8ff");
    /**
     * Arrow labels. There is no precomposed k-hat in Unicode and the combining circumflex breaks JavaFX text layout
     * (the bundled font lacks it), so k-hat is drawn as "k" with a hat stroked above it, and the column heads of the
     * matrix grid are typeset by the math renderer.
     */
    private static final String[] HATS = {"î", "ĵ", "k"};
    private static final String[] HAT_TEX = {"\\hat\\imath", "\\hat\\jmath", "\\hat k"};
    private static final String[] AXES = {"x", "y", "z"};

    private final Det3dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final PlotCanvas plot = new PlotCanvas(
            new Viewport(DEFAULT_VIEW[0], DEFAULT_VIEW[1], DEFAULT_VIEW[2], DEFAULT_VIEW[3], true));
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Map<String, SliderField> entryFields = new LinkedHashMap<>();
    private final List<Label> columnHeads = new ArrayList<>();
    private final Label matrixError = new Label();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Label expansion = new Label();
    private final Label angles = new Label();
    private final Timeline morphTimeline = new Timeline();
    private final DoubleProperty yaw = new SimpleDoubleProperty(this, "yaw", DEFAULT_YAW);
    private final DoubleProperty pitch = new SimpleDoubleProperty(this, "pitch", DEFAULT_PITCH);
    private Slider angleSlider;

    public Det3dView(Det3dModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-det3d");
        plot.setPainter(this::paint);
        plot.setInteraction(new Orbit());
        plot.setId("det3d-space");
        root.setCenter(plot);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(matrixGroup(), presetGroup(), animateGroup(), viewGroup(), readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 230);
        root.setRight(scroller);

        model.drawChanges().addListener(o -> refresh());
        InvalidationListener redraw = o -> refreshCamera();
        yaw.addListener(redraw);
        pitch.addListener(redraw);
        i18n.langProperty().addListener(o -> refresh());
        theme.modeProperty().addListener(o -> refresh());
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        plot.canvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
                resetView();
            }
        });
        refresh();
        refreshCamera();
    }

    @Override
    public Node node() {
        return root;
    }

    public PlotCanvas plot() {
        return plot;
    }

    /** The camera's azimuth in radians (turned by horizontal drags and the left/right keys). */
    public DoubleProperty yawProperty() {
        return yaw;
    }

    /** The camera's elevation in radians (turned by vertical drags and the up/down keys). */
    public DoubleProperty pitchProperty() {
        return pitch;
    }

    /** The camera as drawn now. */
    public Projection3 camera() {
        return new Projection3(yaw.get(), pitch.get(), cameraDistance(model.displayedMatrix()));
    }

    public SliderField entryField(String name) {
        return entryFields.get(name);
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    public Label expansionLabel() {
        return expansion;
    }

    public Label matrixErrorLabel() {
        return matrixError;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
    }

    /** Default angles and zoom; also stops the morph. */
    @Override
    public void resetView() {
        stopMorph();
        yaw.set(DEFAULT_YAW);
        pitch.set(DEFAULT_PITCH);
        plot.resetView();
    }

    @Override
    public void dispose() {
        morphTimeline.stop();
    }

    /** Plays the morph from the identity to M (replayable). */
    public void animateFromIdentity() {
        morphTimeline.stop();
        morphTimeline.getKeyFrames().setAll(
                new KeyFrame(Duration.ZERO, new KeyValue(model.morphProperty(), 0)),
                new KeyFrame(MORPH_DURATION, new KeyValue(model.morphProperty(), 1, Interpolator.EASE_BOTH)));
        morphTimeline.playFromStart();
    }

    public boolean isAnimating() {
        return morphTimeline.getStatus() == Animation.Status.RUNNING;
    }

    /** Turns the camera; the pitch stops short of straight up or down, the yaw wraps around. */
    public void turn(double dYaw, double dPitch) {
        double y = yaw.get() + dYaw;
        yaw.set(Math.IEEEremainder(y, 2 * Math.PI));
        pitch.set(Math.max(-Projection3.MAX_PITCH, Math.min(Projection3.MAX_PITCH, pitch.get() + dPitch)));
    }

    /** Zooms so the axes, the cube and the whole solid fit the canvas, keeping the angles. */
    public void fitView() {
        double[] box = sceneBox();
        double pad = 0.08 * Math.max(box[1] - box[0], box[3] - box[2]);
        // Room at the top for the caption and at the bottom for the hint line.
        plot.viewport().fit(box[0] - pad, box[1] + pad, box[2] - 2.5 * pad, box[3] + 2.5 * pad);
        plot.requestRedraw();
    }

    /** Fits the view only if part of the solid or the axes would be off the canvas (after a preset, say). */
    public void keepInSight() {
        Viewport vp = plot.viewport();
        if (vp.width() <= 0 || vp.height() <= 0) {
            return;
        }
        double[] box = sceneBox();
        if (box[0] < vp.minWorldX() || box[1] > vp.maxWorldX() || box[2] < vp.minWorldY()
                || box[3] > vp.maxWorldY()) {
            fitView();
        }
    }

    /** The projected bounding box {minX, maxX, minY, maxY} of the axes, the unit cube and the solid. */
    private double[] sceneBox() {
        Projection3 cam = camera();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        List<Vec3> points = new ArrayList<>(List.of(corners(model.displayedMatrix())));
        for (Vec3 axis : List.of(Vec3.X, Vec3.Y, Vec3.Z)) {
            points.add(axis.times(AXIS_LENGTH + 0.4));
            points.add(axis.times(-AXIS_LENGTH));
        }
        for (Vec3 p : points) {
            Projection3.Projected s = cam.project(p);
            minX = Math.min(minX, s.x());
            maxX = Math.max(maxX, s.x());
            minY = Math.min(minY, s.y());
            maxY = Math.max(maxY, s.y());
        }
        return new double[]{minX, maxX, minY, maxY};
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node matrixGroup() {
        VBox box = groups.group("matrix", "det3d.matrix.title");
        box.getChildren().add(groups.explain("det3d.matrix.explain"));
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.setId("det3d-matrix");
        ColumnConstraints rowNames = new ColumnConstraints();
        rowNames.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(rowNames);
        for (int j = 1; j <= 3; j++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(Priority.ALWAYS);
            column.setMinWidth(52);
            column.setPrefWidth(72);
            column.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(column);
            Label head = new Label();
            head.setTooltip(Tips.of(i18n, "det3d.column" + j + ".tooltip"));
            head.getStyleClass().add("det3d-column-head");
            columnHeads.add(head);
            grid.add(head, j, 0);
        }
        for (int i = 1; i <= 3; i++) {
            Label rowName = new Label(AXES[i - 1]);
            rowName.getStyleClass().add("readout-name");
            grid.add(rowName, 0, i);
            for (int j = 1; j <= 3; j++) {
                grid.add(entryCell(i, j), j, i);
            }
        }
        matrixError.getStyleClass().add("lab-status");
        matrixError.setWrapText(true);
        matrixError.setId("det3d-matrix-error");
        matrixError.setVisible(false);
        matrixError.setManaged(false);
        box.getChildren().addAll(grid, matrixError);
        return box;
    }

    /**
     * One entry: a {@link SliderField} does the work (typed text through the number parser, errors, keeping slider,
     * field and model in step); its slider and field are laid out stacked in a grid cell so the nine entries read
     * as the matrix they are, column j under the basis vector whose landing point it holds.
     */
    private Node entryCell(int i, int j) {
        String name = "m" + i + j;
        DoubleProperty property = model.entryProperty(i, j);
        SliderField entry = new SliderField(Bindings.createStringBinding(() -> name),
                i18n.bind("det3d.entry.m" + i + j), property, -3, 3, v -> requireWithinLimit(name, v), numberParser);
        entry.slider().valueChangingProperty().addListener((o, was, is) -> stopMorph());
        entry.slider().setId("det3d-slider-" + name);
        entry.field().setId("det3d-field-" + name);
        entry.field().setPrefColumnCount(4);
        entry.field().setMaxWidth(Double.MAX_VALUE);
        entry.slider().setMinWidth(40);
        entry.slider().setPrefWidth(60);
        entryFields.put(name, entry);
        InvalidationListener errorWatch = o -> showMatrixError();
        entry.field().getStyleClass().addListener(errorWatch);
        entry.field().getTooltip().textProperty().addListener(errorWatch);
        VBox cell = new VBox(2, entry.field(), entry.slider());
        cell.setId("det3d-entry-" + name);
        cell.setFillWidth(true);
        return cell;
    }

    /** A typing error shows under the grid too, not only in the field's tooltip: the learner sees it at once. */
    private void showMatrixError() {
        String message = null;
        for (Map.Entry<String, SliderField> e : entryFields.entrySet()) {
            if (e.getValue().hasError()) {
                message = e.getKey() + ": " + e.getValue().field().getTooltip().getText();
                break;
            }
        }
        matrixError.setText(message == null ? "" : message);
        matrixError.setVisible(message != null);
        matrixError.setManaged(message != null);
    }

    private double requireWithinLimit(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > Det3dModel.LIMIT) {
            throw new IllegalArgumentException(i18n.get("det3d.error.range", name,
                    Format.num(-Det3dModel.LIMIT), Format.num(Det3dModel.LIMIT)));
        }
        return v;
    }

    private Node presetGroup() {
        VBox box = groups.group("presets", "det3d.presets.title");
        FlowPane buttons = new FlowPane(6, 6);
        for (Preset preset : Preset.values()) {
            Button button = new Button();
            button.textProperty().bind(i18n.bind("det3d.preset." + preset.key()));
            button.setTooltip(Tips.of(i18n, "det3d.preset." + preset.key() + ".tooltip"));
            button.setId("det3d-preset-" + preset.key());
            button.setOnAction(e -> applyPreset(preset));
            buttons.getChildren().add(button);
        }
        angleSlider = new Slider(-180, 180, 45);
        angleSlider.setMajorTickUnit(90);
        angleSlider.setShowTickMarks(true);
        angleSlider.setShowTickLabels(true);
        angleSlider.setId("det3d-rotation-angle");
        angleSlider.setTooltip(Tips.of(i18n, "det3d.angle.tooltip"));
        angleSlider.valueProperty().addListener((o, old, angle) -> {
            stopMorph();
            model.setMatrix(Matrix3.rotationZ(Math.toRadians(angle.doubleValue())));
        });
        Label angleLabel = new Label();
        angleLabel.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("det3d.angle", Format.num(angleSlider.getValue(), 0)),
                angleSlider.valueProperty(), i18n.langProperty()));
        box.getChildren().addAll(buttons, angleLabel, angleSlider);
        return box;
    }

    /** Sets the matrix of a preset (the rotation uses the angle slider). */
    public void applyPreset(Preset preset) {
        stopMorph();
        model.setMatrix(preset == Preset.ROTATION
                ? Matrix3.rotationZ(Math.toRadians(angleSlider.getValue()))
                : preset.matrix());
        keepInSight();
    }

    private Node animateGroup() {
        VBox box = groups.group("animate", "det3d.animate.title");
        Button play = new Button();
        play.textProperty().bind(i18n.bind("det3d.animate.button"));
        play.setTooltip(Tips.of(i18n, "det3d.animate.tooltip"));
        play.setId("det3d-animate");
        play.setOnAction(e -> animateFromIdentity());
        play.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().addAll(play, groups.explain("det3d.animate.explain"));
        return box;
    }

    private Node viewGroup() {
        VBox box = groups.group("view", "det3d.view.title");
        Button reset = new Button();
        reset.textProperty().bind(i18n.bind("det3d.view.reset"));
        reset.setTooltip(Tips.of(i18n, "det3d.view.reset.tooltip"));
        reset.setId("det3d-reset-view");
        reset.setOnAction(e -> resetView());
        Button fit = new Button();
        fit.textProperty().bind(i18n.bind("det3d.view.fit"));
        fit.setTooltip(Tips.of(i18n, "det3d.view.fit.tooltip"));
        fit.setId("det3d-fit-view");
        fit.setOnAction(e -> fitView());
        FlowPane buttons = new FlowPane(6, 6, reset, fit);
        angles.getStyleClass().add("control-explain");
        angles.setId("det3d-angles");
        angles.setWrapText(true);
        box.getChildren().addAll(buttons, angles);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "det3d.readouts.title");
        expansion.setWrapText(true);
        expansion.getStyleClass().add("det3d-expansion");
        expansion.setId("det3d-expansion");
        expansion.setTooltip(Tips.of(i18n, "det3d.expansion.tooltip"));
        GridPane grid = new GridPane();
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("readouts");
        String[] names = {"det", "volume", "orientation", "rank", "shape"};
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.textProperty().bind(i18n.bind("det3d.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            name.setTooltip(Tips.of(i18n, "det3d.readout." + names[row] + ".tooltip"));
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("det3d-readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, name, value);
        }
        Label expansionTitle = new Label();
        expansionTitle.textProperty().bind(i18n.bind("det3d.readout.expansion"));
        expansionTitle.getStyleClass().add("readout-name");
        box.getChildren().addAll(grid, expansionTitle, expansion);
        return box;
    }


    // ---- state -> read-outs and picture ---------------------------------------------------------------------------

    private void refresh() {
        Matrix3 m = model.matrix();
        double det = m.det();
        int rank = m.rank();
        readouts.get("det").setText(Format.num(det));
        readouts.get("volume").setText(Format.num(Math.abs(det)));
        readouts.get("orientation").setText(orientationWords(m));
        readouts.get("rank").setText(Integer.toString(rank));
        readouts.get("shape").setText(shapeWords(rank));
        expansion.setText(expansionText(m));
        Theme.Palette p = theme.palette();
        Color[] colours = {p.ihat(), p.jhat(), khat()};
        for (int j = 0; j < 3; j++) {
            javafx.scene.image.Image image = MathRenderer.render(HAT_TEX[j], 17, colours[j]);
            ImageView view = new ImageView(image);
            view.setPreserveRatio(true);
            view.setFitWidth(image.getWidth() / MathRenderer.PIXEL_SCALE);
            columnHeads.get(j).setGraphic(view);
        }
        showMatrixError();
        plot.requestRedraw();
    }

    private void refreshCamera() {
        angles.setText(i18n.get("det3d.view.angles", Format.num(Math.toDegrees(yaw.get()), 0),
                Format.num(Math.toDegrees(pitch.get()), 0)));
        plot.requestRedraw();
    }

    private String orientationWords(Matrix3 m) {
        return switch (Det3dModel.orientation(m)) {
            case 1 -> i18n.get("det3d.orientation.kept");
            case -1 -> i18n.get("det3d.orientation.flipped");
            default -> i18n.get("det3d.orientation.none");
        };
    }

    private String shapeWords(int rank) {
        return i18n.get(switch (rank) {
            case 3 -> "det3d.shape.solid";
            case 2 -> "det3d.shape.plane";
            case 1 -> "det3d.shape.line";
            default -> "det3d.shape.point";
        });
    }

    /**
     * det along the first row with the learner's numbers, one term a line:
     * m11 (m22 m33 - m23 m32) - m12 (m21 m33 - m23 m31) + m13 (m21 m32 - m22 m31), then the minors, then det.
     */
    private String expansionText(Matrix3 m) {
        double[] minor = m.firstRowMinors();
        String first = n(m.m11()) + "⋅(" + n(m.m22()) + "⋅" + n(m.m33()) + " − " + n(m.m23()) + "⋅" + n(m.m32()) + ")";
        String second = "− " + n(m.m12()) + "⋅(" + n(m.m21()) + "⋅" + n(m.m33()) + " − " + n(m.m23()) + "⋅"
                + n(m.m31()) + ")";
        String third = "+ " + n(m.m13()) + "⋅(" + n(m.m21()) + "⋅" + n(m.m32()) + " − " + n(m.m22()) + "⋅"
                + n(m.m31()) + ")";
        String minors = "= " + n(m.m11()) + "⋅" + n(minor[0]) + " − " + n(m.m12()) + "⋅" + n(minor[1]) + " + "
                + n(m.m13()) + "⋅" + n(minor[2]);
        return "det = " + first + "\n      " + second + "\n      " + third + "\n" + minors + "\n= "
                + Format.num(m.det());
    }

    /** A number inside a product: negative ones in brackets so "2·(−1)" never reads as "2·−1". */
    private static String n(double v) {
        String s = Format.num(v);
        return s.startsWith("−") ? "(" + s + ")" : s;
    }

    private Color khat() {
        return theme.mode() == Theme.Mode.DARK ? KHAT_DARK : KHAT_LIGHT;
    }

    /** The eight corners a c1 + b c2 + c c3 (a, b, c in {0, 1}); corner k has bit 0 = a, bit 1 = b, bit 2 = c. */
    private static Vec3[] corners(Matrix3 m) {
        Vec3[] columns = {m.column1(), m.column2(), m.column3()};
        Vec3[] out = new Vec3[8];
        for (int k = 0; k < 8; k++) {
            Vec3 p = Vec3.ZERO;
            for (int bit = 0; bit < 3; bit++) {
                if ((k & (1 << bit)) != 0) {
                    p = p.plus(columns[bit]);
                }
            }
            out[k] = p;
        }
        return out;
    }

    /** Far enough that perspective stays mild even for a large solid: the nearest point is enlarged at most 1.5x. */
    private static double cameraDistance(Matrix3 m) {
        double radius = AXIS_LENGTH;
        for (Vec3 c : corners(m)) {
            radius = Math.max(radius, c.length());
        }
        return Math.max(CAMERA_DISTANCE, 3 * radius);
    }

    /** A face of the solid: four corner indices in order around it, its depth and whether it faces the viewer. */
    private record Face(int[] corners, double depth, boolean front, double light) {
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        Matrix3 m = model.displayedMatrix();
        Projection3 cam = new Projection3(yaw.get(), pitch.get(), cameraDistance(m));
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        drawFloor(g, vp, p, cam);
        drawAxes(g, vp, p, cam, false);
        drawUnitCube(g, vp, p, cam);
        int rank = m.rank();
        Vec3[] corners = corners(m);
        Vec2[] screen = new Vec2[8];
        for (int k = 0; k < 8; k++) {
            Projection3.Projected s = cam.project(corners[k]);
            screen[k] = new Vec2(s.x(), s.y());
        }
        if (rank == 3) {
            drawSolid(g, vp, p, cam, m, corners, screen);
        } else if (rank == 2) {
            drawFlat(g, vp, p, screen);
        } else if (rank == 1) {
            drawSegment(g, vp, p, screen);
        } else {
            g.setFill(p.image());
            g.fillOval(vp.toScreenX(0) - 6, vp.toScreenY(0) - 6, 12, 12);
        }
        drawAxes(g, vp, p, cam, true);
        Color[] colours = {p.ihat(), p.jhat(), khat()};
        Vec3[] columns = {m.column1(), m.column2(), m.column3()};
        for (int j = 0; j < 3; j++) {
            Projection3.Projected tip = cam.project(columns[j]);
            Vec2 end = new Vec2(tip.x(), tip.y());
            PlaneDrawing.arrow(g, vp, Vec2.ZERO, end, colours[j], 3, j < 2 ? HATS[j] : null);
            if (j == 2) {
                drawKhatLabel(g, vp, end, colours[j]);
            }
        }
        drawCaption(g, vp, p, m);
    }

    /** "k" with a stroked hat, placed past the arrow tip where {@link PlaneDrawing#arrow} puts its labels. */
    private static void drawKhatLabel(GraphicsContext g, Viewport vp, Vec2 tip, Color colour) {
        double x1 = vp.toScreenX(tip.x());
        double y1 = vp.toScreenY(tip.y());
        double x0 = vp.toScreenX(0);
        double y0 = vp.toScreenY(0);
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double x = x1 + ux * 14 - uy * 12;
        double y = y1 + uy * 14 + ux * 12;
        g.setFill(colour);
        g.setStroke(colour);
        g.setFont(Fonts.bold(15));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("k", x, y);
        g.setLineWidth(1.4);
        g.strokePolyline(new double[]{x - 3.5, x, x + 3.5}, new double[]{y - 9.5, y - 13, y - 9.5}, 3);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** A faint square grid on the floor z = 0, from -2 to 2: it tells up from down when the view turns. */
    private void drawFloor(GraphicsContext g, Viewport vp, Theme.Palette p, Projection3 cam) {
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        for (int k = -2; k <= 2; k++) {
            segment(g, vp, cam, new Vec3(k, -2, 0), new Vec3(k, 2, 0));
            segment(g, vp, cam, new Vec3(-2, k, 0), new Vec3(2, k, 0));
        }
    }

    /**
     * The axes: first their far halves (the negative side, dashed), later, over the solid, the positive halves with
     * their letters, so the labels stay readable.
     */
    private void drawAxes(GraphicsContext g, Viewport vp, Theme.Palette p, Projection3 cam, boolean positive) {
        Vec3[] units = {Vec3.X, Vec3.Y, Vec3.Z};
        g.setStroke(p.axis().deriveColor(0, 1, 1, positive ? 0.85 : 0.45));
        g.setLineWidth(positive ? 1.4 : 1.1);
        if (!positive) {
            g.setLineDashes(4, 5);
        }
        for (int a = 0; a < 3; a++) {
            Vec3 end = units[a].times(positive ? AXIS_LENGTH : -AXIS_LENGTH);
            segment(g, vp, cam, Vec3.ZERO, end);
        }
        g.setLineDashes();
        if (!positive) {
            return;
        }
        g.setFill(p.axis());
        g.setFont(Fonts.bold(14));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int a = 0; a < 3; a++) {
            Projection3.Projected s = cam.project(units[a].times(AXIS_LENGTH + 0.25));
            g.fillText(AXES[a], vp.toScreenX(s.x()), vp.toScreenY(s.y()));
            // Tick dots at 1 and 2 give the axes a scale.
            for (int k = 1; k < AXIS_LENGTH; k++) {
                Projection3.Projected t = cam.project(units[a].times(k));
                g.fillOval(vp.toScreenX(t.x()) - 2, vp.toScreenY(t.y()) - 2, 4, 4);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The unit cube before the map: 12 faint dashed edges. */
    private void drawUnitCube(GraphicsContext g, Viewport vp, Theme.Palette p, Projection3 cam) {
        Vec3[] cube = corners(Matrix3.IDENTITY);
        g.setStroke(p.axis().deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(1.2);
        g.setLineDashes(3, 4);
        for (int k = 0; k < 8; k++) {
            for (int bit = 0; bit < 3; bit++) {
                if ((k & (1 << bit)) == 0) {
                    segment(g, vp, cam, cube[k], cube[k | (1 << bit)]);
                }
            }
        }
        g.setLineDashes();
    }

    /**
     * The parallelepiped as a solid: its six faces sorted back to front (painter's algorithm: the faces turned away
     * first, then by depth), filled translucent and shaded by how squarely they meet a light over the viewer's
     * shoulder; edges of hidden faces dashed.
     */
    private void drawSolid(GraphicsContext g, Viewport vp, Theme.Palette p, Projection3 cam, Matrix3 m,
                           Vec3[] corners, Vec2[] screen) {
        Vec3 centre = corners[7].times(0.5);
        Vec3 light = cam.right().times(-0.35).plus(cam.up().times(0.6)).plus(cam.towardsViewer().times(0.72))
                .normalized();
        Vec3[] columns = {m.column1(), m.column2(), m.column3()};
        List<Face> faces = new ArrayList<>(6);
        for (int axis = 0; axis < 3; axis++) {
            int a = 1 << ((axis + 1) % 3);
            int b = 1 << ((axis + 2) % 3);
            Vec3 normal = columns[(axis + 1) % 3].cross(columns[(axis + 2) % 3]).normalized();
            for (int side = 0; side <= 1; side++) {
                int base = side == 0 ? 0 : 1 << axis;
                int[] idx = {base, base | a, base | a | b, base | b};
                Vec3 mid = corners[idx[0]].plus(corners[idx[2]]).times(0.5);
                Vec3 outward = normal.dot(mid.minus(centre)) >= 0 ? normal : normal.times(-1);
                faces.add(new Face(idx, cam.project(mid).depth(), cam.facesViewer(mid, outward),
                        Math.max(0, outward.dot(light))));
            }
        }
        faces.sort(Comparator.comparing(Face::front).thenComparingDouble(Face::depth));
        Color base = m.det() < 0 ? p.areaNegative() : p.areaPositive();
        Color edge = p.image();
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (Face f : faces) {
            for (int k = 0; k < 4; k++) {
                xs[k] = vp.toScreenX(screen[f.corners()[k]].x());
                ys[k] = vp.toScreenY(screen[f.corners()[k]].y());
            }
            double shade = 0.72 + 0.28 * f.light();
            Color fill = Color.color(base.getRed() * shade, base.getGreen() * shade, base.getBlue() * shade,
                    f.front() ? 0.55 : 0.3);
            g.setFill(fill);
            g.fillPolygon(xs, ys, 4);
            g.setStroke(f.front() ? edge : edge.deriveColor(0, 1, 1, 0.45));
            g.setLineWidth(f.front() ? 1.8 : 1.1);
            if (!f.front()) {
                g.setLineDashes(5, 4);
            }
            g.strokePolygon(xs, ys, 4);
            g.setLineDashes();
        }
    }

    /** Rank 2: the six faces lie in one plane; filled faintly they show the flat sheet the cube became. */
    private void drawFlat(GraphicsContext g, Viewport vp, Theme.Palette p, Vec2[] screen) {
        double[] xs = new double[4];
        double[] ys = new double[4];
        g.setFill(p.image().deriveColor(0, 1, 1, 0.14));
        g.setStroke(p.image());
        g.setLineWidth(1.8);
        for (int axis = 0; axis < 3; axis++) {
            int a = 1 << ((axis + 1) % 3);
            int b = 1 << ((axis + 2) % 3);
            for (int side = 0; side <= 1; side++) {
                int base = side == 0 ? 0 : 1 << axis;
                int[] idx = {base, base | a, base | a | b, base | b};
                for (int k = 0; k < 4; k++) {
                    xs[k] = vp.toScreenX(screen[idx[k]].x());
                    ys[k] = vp.toScreenY(screen[idx[k]].y());
                }
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
        }
    }

    /** Rank 1: every corner lies on one line; the image is the segment between the two farthest apart. */
    private void drawSegment(GraphicsContext g, Viewport vp, Theme.Palette p, Vec2[] screen) {
        int from = 0;
        int to = 0;
        double best = -1;
        for (int i = 0; i < 8; i++) {
            for (int j = i + 1; j < 8; j++) {
                double d = screen[i].minus(screen[j]).length();
                if (d > best) {
                    best = d;
                    from = i;
                    to = j;
                }
            }
        }
        g.setStroke(p.image());
        g.setLineWidth(5);
        PlaneDrawing.line(g, vp, screen[from], screen[to]);
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix3 m) {
        boolean morphing = model.morphProperty().get() < 1;
        double maxWidth = Math.max(50, vp.width() - 24);
        List<String> lines = new ArrayList<>();
        lines.add("det = " + Format.num(m.det()) + "    "
                + i18n.get("det3d.caption.volume", Format.num(Math.abs(m.det()))));
        if (morphing) {
            lines.add(i18n.get("det3d.caption.morph", Format.num(model.morphProperty().get(), 2)));
        } else if (m.rank() < 3) {
            lines.add(i18n.get("det3d.status.rank" + m.rank()));
        } else if (m.det() < 0) {
            lines.add(i18n.get("det3d.status.flipped"));
        }
        javafx.scene.text.Font font = Fonts.regular(14);
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, TextMetrics.width(line, font));
        }
        // A veil behind the caption keeps it readable when an axis or the solid passes underneath.
        g.setFill(p.background().deriveColor(0, 1, 1, 0.82));
        g.fillRoundRect(6, 6, Math.min(width, maxWidth) + 12, 19 * lines.size() + 8, 8, 8);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(font);
        for (int k = 0; k < lines.size(); k++) {
            g.setFill(k == 0 ? p.text() : morphing ? p.axis() : p.warning());
            g.fillText(lines.get(k), 12, 10 + 19 * k, maxWidth);
        }
        // A hint instead of a tooltip: a tooltip would pop up over the picture while the learner drags.
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11.5));
        g.setTextBaseline(VPos.BOTTOM);
        String hint = i18n.get(vp.width() >= 560 ? "det3d.plane.hint" : "det3d.plane.hintShort");
        g.fillText(hint, 12, vp.height() - 8, maxWidth);
    }


    private static void segment(GraphicsContext g, Viewport vp, Projection3 cam, Vec3 from, Vec3 to) {
        Projection3.Projected a = cam.project(from);
        Projection3.Projected b = cam.project(to);
        g.strokeLine(vp.toScreenX(a.x()), vp.toScreenY(a.y()), vp.toScreenX(b.x()), vp.toScreenY(b.y()));
    }

    private void stopMorph() {
        if (isAnimating()) {
            morphTimeline.stop();
        }
        model.morphProperty().set(1);
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = e.isShiftDown() ? 3 * KEY_TURN : KEY_TURN;
        switch (e.getCode()) {
            case LEFT -> turn(step, 0);
            case RIGHT -> turn(-step, 0);
            case UP -> turn(0, -step);
            case DOWN -> turn(0, step);
            case A, SPACE -> animateFromIdentity();
            case F -> fitView();
            // The canvas itself resets the zoom on these; the angles go back here.
            case DIGIT0, NUMPAD0, HOME -> {
                yaw.set(DEFAULT_YAW);
                pitch.set(DEFAULT_PITCH);
                return;
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Every left-button drag on the picture turns the camera: the point in front follows the mouse. */
    private final class Orbit implements PlotCanvas.Interaction {

        private double lastX;
        private double lastY;

        @Override
        public boolean press(double x, double y, MouseEvent event) {
            lastX = x;
            lastY = y;
            return true;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            Viewport vp = plot.viewport();
            // World units to pixels; the viewport does not move during the drag, so the deltas are exact.
            double dxPixels = (x - lastX) * vp.scale();
            double dyPixels = -(y - lastY) * vp.scaleY();
            lastX = x;
            lastY = y;
            turn(-dxPixels * RADIANS_PER_PIXEL, dyPixels * RADIANS_PER_PIXEL);
        }

        @Override
        public void release() {
        }

        @Override
        public Cursor hover(double x, double y) {
            return Cursor.OPEN_HAND;
        }
    }

    /** For tests: the screen point of a point of space as drawn now, in the canvas's own coordinates. */
    public Vec2 toCanvas(Vec3 point) {
        Projection3.Projected s = camera().project(point);
        Viewport vp = plot.viewport();
        return new Vec2(vp.toScreenX(s.x()), vp.toScreenY(s.y()));
    }
}
