package org.dlmathlab.labs.det2d;

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
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Orientation2;
import org.dlmathlab.math.linalg.Polygon2;
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
 * The determinant on the plane: the unit square's image filled with its signed area written inside, an orientation arc
 * from i-hat's image to j-hat's (counter-clockwise, or clockwise in the warning colour with "orientation flipped"),
 * the morph from the identity that shows a singular matrix squashing the plane, a shape the learner draws with its
 * image and the ratio of their areas, and a second matrix B for det(AB) = det A det B. Draws the model; the numbers
 * come from the model and math/.
 */
public final class Det2dView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("matrix", "presets", "animate", "shape", "product", "readouts");

    private static final double SNAP = 0.1;
    private static final Duration MORPH_DURATION = Duration.millis(1800);
    /** Freehand strokes add a vertex every this many pixels. */
    private static final double FREEHAND_SPACING_PX = 8;

    private final Det2dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final PlotCanvas plot = new PlotCanvas(3.2);
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Map<String, SliderField> entryFields = new LinkedHashMap<>();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Timeline morphTimeline = new Timeline();
    private final Label detCaption = new Label();
    private final Label flippedBadge = new Label();
    private final Label collapseCaption = new Label();
    private final Label hintLabel = new Label();
    private final Label statusLabel = new Label();
    private final Label shapeMessage = new Label();
    private final ToggleButton drawToggle = new ToggleButton();
    private boolean shapeControlsVisible = true;
    private boolean productVisible = true;
    private Grab grab = Grab.NONE;
    private double lastStrokeX;
    private double lastStrokeY;

    private enum Grab { NONE, IHAT, JHAT, STROKE }

    public Det2dView(Det2dModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-det2d");
        plot.setPainter(this::paint);
        plot.setInteraction(new Dragging());
        plot.setId("det2d-plane");
        root.setCenter(planeWithCaptions());

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(matrixGroup(), presetGroup(), animateGroup(), shapeGroup(), productGroup(),
                readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 260, 210);
        root.setRight(scroller);

        model.drawChanges().addListener(o -> refresh());
        i18n.langProperty().addListener(o -> refresh());
        theme.modeProperty().addListener(o -> refresh());
        drawToggle.selectedProperty().addListener(o -> refresh());
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

    public SliderField entryField(String name) {
        return entryFields.get(name);
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    /** The "orientation flipped" badge on the plane; visible while det A &lt; 0. */
    public Label flippedBadge() {
        return flippedBadge;
    }

    /** The caption that says the plane was squashed; visible while the drawn matrix is singular. */
    public Label collapseCaption() {
        return collapseCaption;
    }

    public Label shapeMessage() {
        return shapeMessage;
    }

    public ToggleButton drawToggle() {
        return drawToggle;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        shapeControlsVisible = controls.isEmpty() || controls.contains("shape");
        productVisible = controls.isEmpty() || controls.contains("product");
        if (!shapeControlsVisible) {
            drawToggle.setSelected(false);
        }
        refresh();
    }

    @Override
    public void resetView() {
        stopMorph();
        drawToggle.setSelected(false);
        plot.resetView();
    }

    @Override
    public void dispose() {
        morphTimeline.stop();
    }

    /** Plays the morph (1 - t) I + t A from t = 0 to 1 (replayable). */
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

    // ---- the plane and its captions --------------------------------------------------------------------------------

    private Node planeWithCaptions() {
        for (Label l : List.of(detCaption, flippedBadge, collapseCaption, hintLabel)) {
            l.setWrapText(true);
            l.setMouseTransparent(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        detCaption.setId("det2d-det-caption");
        flippedBadge.setId("det2d-flipped");
        collapseCaption.setId("det2d-collapse");
        hintLabel.setId("det2d-hint");
        detCaption.setFont(Fonts.bold(15));
        flippedBadge.setFont(Fonts.bold(13.5));
        collapseCaption.setFont(Fonts.bold(14));
        hintLabel.setFont(Fonts.regular(11.5));
        VBox top = new VBox(4, detCaption, flippedBadge, collapseCaption);
        top.setMouseTransparent(true);
        top.setPickOnBounds(false);
        top.setMaxWidth(Double.MAX_VALUE);
        top.setFillWidth(false);
        BorderPane overlay = new BorderPane();
        overlay.setTop(top);
        overlay.setBottom(hintLabel);
        overlay.setPadding(new Insets(8, 10, 6, 10));
        overlay.setPickOnBounds(false);
        overlay.setMouseTransparent(true);
        // The captions never grow wider than the plane leaves room for.
        collapseCaption.maxWidthProperty().bind(plot.widthProperty().subtract(24));
        flippedBadge.maxWidthProperty().bind(plot.widthProperty().subtract(24));
        hintLabel.maxWidthProperty().bind(plot.widthProperty().subtract(24));
        plot.widthProperty().addListener((o, was, is) -> refreshCaptions());
        StackPane stack = new StackPane(plot, overlay);
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        return stack;
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node matrixGroup() {
        VBox box = groups.group("matrix", "det2d.matrix.title");
        box.getChildren().add(groups.explain("det2d.matrix.explain"));
        box.getChildren().add(entry("a", model.aProperty(), "det2d.entry.a", "ihat"));
        box.getChildren().add(entry("c", model.cProperty(), "det2d.entry.c", "ihat"));
        box.getChildren().add(entry("b", model.bProperty(), "det2d.entry.b", "jhat"));
        box.getChildren().add(entry("d", model.dProperty(), "det2d.entry.d", "jhat"));
        return box;
    }

    private SliderField entry(String name, DoubleProperty property, String tipKey, String styleClass) {
        SliderField field = new SliderField(constant(name), i18n.bind(tipKey), property, -3, 3,
                v -> requireWithinLimit(name, v), numberParser);
        field.setId("det2d-" + name);
        field.slider().valueChangingProperty().addListener((o, was, is) -> stopMorph());
        if (styleClass != null) {
            field.getStyleClass().add(styleClass);
        }
        entryFields.put(name, field);
        return field;
    }

    private double requireWithinLimit(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > Det2dModel.LIMIT) {
            throw new IllegalArgumentException(i18n.get("det2d.error.range", name,
                    Format.num(-Det2dModel.LIMIT), Format.num(Det2dModel.LIMIT)));
        }
        stopMorph();
        return v;
    }

    private Node presetGroup() {
        VBox box = groups.group("presets", "det2d.presets.title");
        FlowPane buttons = new FlowPane(6, 6);
        for (MatrixPreset preset : MatrixPreset.values()) {
            Button button = button("det2d.preset." + preset.key(), "det2d.preset." + preset.key() + ".tooltip",
                    () -> {
                        stopMorph();
                        model.setMatrix(preset.matrix());
                    });
            button.setId("det2d-preset-" + preset.key());
            buttons.getChildren().add(button);
        }
        box.getChildren().add(buttons);
        return box;
    }

    private Node animateGroup() {
        VBox box = groups.group("animate", "det2d.animate.title");
        Button play = button("det2d.animate.button", "det2d.animate.tooltip", this::animateFromIdentity);
        play.setId("det2d-animate");
        play.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().addAll(groups.explain("det2d.animate.explain"), play);
        return box;
    }

    private Node shapeGroup() {
        VBox box = groups.group("shape", "det2d.shape.title");
        drawToggle.textProperty().bind(i18n.bind("det2d.shape.draw"));
        drawToggle.setTooltip(Tips.of(i18n, "det2d.shape.draw.tooltip"));
        drawToggle.setId("det2d-draw");
        drawToggle.setMaxWidth(Double.MAX_VALUE);
        FlowPane buttons = new FlowPane(6, 6);
        Button triangle = button("det2d.shape.triangle", "det2d.shape.triangle.tooltip",
                () -> model.setShapePreset(ShapePreset.TRIANGLE));
        triangle.setId("det2d-shape-triangle");
        Button house = button("det2d.shape.house", "det2d.shape.house.tooltip",
                () -> model.setShapePreset(ShapePreset.HOUSE));
        house.setId("det2d-shape-house");
        Button undo = button("det2d.shape.undo", "det2d.shape.undo.tooltip", model::removeLastPoint);
        undo.setId("det2d-shape-undo");
        Button clear = button("det2d.shape.clear", "det2d.shape.clear.tooltip", model::clearShape);
        clear.setId("det2d-shape-clear");
        buttons.getChildren().addAll(triangle, house, undo, clear);
        shapeMessage.setWrapText(true);
        shapeMessage.getStyleClass().add("control-explain");
        shapeMessage.setId("det2d-shape-message");
        box.getChildren().addAll(drawToggle, buttons,
                readoutGrid(new String[]{"points", "shape_area", "image_area", "ratio"}, "det2d.readout."),
                shapeMessage);
        return box;
    }

    private Node productGroup() {
        VBox box = groups.group("product", "det2d.product.title");
        box.getChildren().add(groups.explain("det2d.product.explain"));
        box.getChildren().add(entry("b11", model.b11Property(), "det2d.entry.b11", null));
        box.getChildren().add(entry("b21", model.b21Property(), "det2d.entry.b21", null));
        box.getChildren().add(entry("b12", model.b12Property(), "det2d.entry.b12", null));
        box.getChildren().add(entry("b22", model.b22Property(), "det2d.entry.b22", null));
        FlowPane buttons = new FlowPane(6, 6);
        Button identity = button("det2d.product.identity", "det2d.product.identity.tooltip",
                () -> model.setMatrixB(Matrix2.IDENTITY));
        identity.setId("det2d-b-identity");
        Button copy = button("det2d.product.copy", "det2d.product.copy.tooltip",
                () -> model.setMatrixB(model.matrix()));
        copy.setId("det2d-b-copy");
        buttons.getChildren().addAll(identity, copy);
        box.getChildren().addAll(buttons,
                readoutGrid(new String[]{"prod_det_a", "det_b", "det_ab", "det_a_times_det_b"}, "det2d.readout."));
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "det2d.readouts.title");
        statusLabel.setWrapText(true);
        statusLabel.getStyleClass().add("lab-status");
        statusLabel.setId("det2d-status");
        box.getChildren().addAll(readoutGrid(new String[]{"det", "area", "orientation", "rank"}, "det2d.readout."),
                statusLabel);
        return box;
    }

    private GridPane readoutGrid(String[] names, String keyPrefix) {
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
            name.textProperty().bind(i18n.bind(keyPrefix + names[row]));
            name.getStyleClass().add("readout-name");
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("det2d-readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, name, value);
        }
        return grid;
    }

    private Button button(String textKey, String tipKey, Runnable action) {
        Button button = new Button();
        button.textProperty().bind(i18n.bind(textKey));
        button.setTooltip(Tips.of(i18n, tipKey));
        button.setOnAction(e -> action.run());
        return button;
    }


    private static StringExpression constant(String text) {
        return Bindings.createStringBinding(() -> text);
    }

    // ---- state -> read-outs, captions and picture ------------------------------------------------------------------

    private void refresh() {
        Matrix2 m = model.matrix();
        double det = m.det();
        int orientation = Orientation2.of(m);
        readouts.get("det").setText(Format.num(det));
        readouts.get("area").setText(Format.num(Math.abs(det)));
        readouts.get("orientation").setText(i18n.get(orientation > 0 ? "det2d.orientation.kept"
                : orientation < 0 ? "det2d.orientation.flipped" : "det2d.orientation.none"));
        readouts.get("rank").setText(Integer.toString(m.rank()));
        statusLabel.setText(m.rank() == 0 ? i18n.get("det2d.status.point")
                : m.rank() == 1 ? i18n.get("det2d.status.line")
                : orientation < 0 ? i18n.get("det2d.status.flipped") : "");

        readouts.get("prod_det_a").setText(Format.num(det));
        readouts.get("det_b").setText(Format.num(model.quantity("det_b")));
        readouts.get("det_ab").setText(Format.num(model.quantity("det_ab")));
        readouts.get("det_a_times_det_b").setText(Format.num(det * model.quantity("det_b")));

        Polygon2 shape = model.shape();
        readouts.get("points").setText(Integer.toString(shape.size()));
        readouts.get("shape_area").setText(Format.num(model.shapeArea()));
        readouts.get("image_area").setText(Format.num(model.imageArea()));
        double ratio = model.shapeRatio();
        readouts.get("ratio").setText(Double.isNaN(ratio) ? "—"
                : i18n.get("det2d.ratio.value", Format.num(ratio), Format.num(Math.abs(det))));
        shapeMessage.setText(shapeMessage(shape));

        refreshCaptions();
        plot.requestRedraw();
    }

    private String shapeMessage(Polygon2 shape) {
        if (shape.size() == 0) {
            return i18n.get(drawToggle.isSelected() ? "det2d.shape.msg.drawing" : "det2d.shape.msg.none");
        }
        if (shape.size() < 3) {
            return i18n.get("det2d.shape.msg.few", shape.size());
        }
        if (shape.isSelfIntersecting()) {
            return i18n.get(shape.hasNoArea() ? "det2d.shape.msg.cancel" : "det2d.shape.msg.crossing");
        }
        if (shape.hasNoArea()) {
            return i18n.get("det2d.shape.msg.flat");
        }
        return i18n.get("det2d.shape.msg.ok");
    }

    private void refreshCaptions() {
        Theme.Palette p = theme.palette();
        Matrix2 shown = model.displayedMatrix();
        detCaption.setText((model.isMorphing() ? "t = " + Format.num(model.morphProperty().get(), 2) + "   " : "")
                + "det = " + Format.num(shown.det()));
        detCaption.setStyle(captionStyle(p.text(), p));
        int orientation = Orientation2.of(shown);
        boolean flipped = orientation < 0;
        flippedBadge.setText(i18n.get("det2d.flipped.badge"));
        flippedBadge.setStyle(captionStyle(p.warning(), p));
        flippedBadge.setVisible(flipped);
        flippedBadge.setManaged(flipped);
        int rank = shown.rank();
        boolean collapsed = rank < 2;
        collapseCaption.setText(collapsed ? i18n.get(rank == 0 ? "det2d.collapse.point" : "det2d.collapse.line") : "");
        collapseCaption.setStyle(captionStyle(p.warning(), p));
        collapseCaption.setVisible(collapsed);
        collapseCaption.setManaged(collapsed);
        boolean narrow = plot.getWidth() > 0 && plot.getWidth() < 560;
        String hintKey = drawToggle.isSelected() ? "det2d.plane.hint.draw"
                : shapeControlsVisible ? "det2d.plane.hint" : "det2d.plane.hint.noshape";
        hintLabel.setText(i18n.get(narrow ? hintKey + ".short" : hintKey));
        hintLabel.setStyle("-fx-text-fill: " + css(p.axis().deriveColor(0, 1, 1, 0.85)) + ";"
                + "-fx-background-color: " + css(p.background().deriveColor(0, 1, 1, 0.8)) + ";"
                + "-fx-background-radius: 4; -fx-padding: 1 5 1 5;");
    }

    private static String captionStyle(Color text, Theme.Palette p) {
        return "-fx-text-fill: " + css(text) + "; -fx-background-color: " + css(p.background().deriveColor(0, 1, 1,
                0.86)) + "; -fx-background-radius: 5; -fx-padding: 2 7 2 7;";
    }

    private static String css(Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        Matrix2 m = model.displayedMatrix();
        PlaneDrawing.background(g, vp, p);
        PlaneDrawing.unitSquare(g, vp, p, m);
        if (productVisible && !model.isMorphing()) {
            drawProductSquare(g, vp, p);
        }
        PlaneDrawing.transformedGrid(g, vp, p, m);
        drawShape(g, vp, p, m);
        drawOrientationArc(g, vp, p, m);
        PlaneDrawing.basis(g, vp, p, m, true);
        drawAreaLabel(g, vp, p, m);
    }

    /** The unit square under AB: faint and dashed, so it reads as a second opinion beside A's square. */
    private void drawProductSquare(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Matrix2 ab = model.product();
        Color colour = p.probe();
        g.setFill(colour.deriveColor(0, 1, 1, 0.12));
        PlaneDrawing.parallelogram(g, vp, ab.column1(), ab.column2());
        g.setStroke(colour.deriveColor(0, 1, 1, 0.8));
        g.setLineWidth(1.4);
        g.setLineDashes(6, 5);
        Vec2 u = ab.column1();
        Vec2 v = ab.column2();
        Vec2 w = u.plus(v);
        g.strokePolygon(new double[]{vp.toScreenX(0), vp.toScreenX(u.x()), vp.toScreenX(w.x()), vp.toScreenX(v.x())},
                new double[]{vp.toScreenY(0), vp.toScreenY(u.y()), vp.toScreenY(w.y()), vp.toScreenY(v.y())}, 4);
        g.setLineDashes();
        if (!ab.equals(model.matrix())) {
            // With B = I the square is A's own, whose corner already carries the det label.
            g.setFill(colour);
            g.setFont(Fonts.bold(13));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("AB", vp.toScreenX(w.x()) + 6, vp.toScreenY(w.y()));
        }
    }

    private void drawShape(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        Polygon2 shape = model.shape();
        if (shape.size() == 0) {
            return;
        }
        // Neutral for the shape as drawn, purple for its image; orange is the product square's.
        Color original = p.axis();
        Color image = p.image();
        // The shape as drawn, before the map: dashed, faint.
        g.setLineDashes(5, 4);
        outline(g, vp, shape, original.deriveColor(0, 1, 1, 0.12), original, 1.6);
        g.setLineDashes();
        g.setFill(original);
        for (Vec2 v : shape.vertices()) {
            if (shape.size() <= 40) {
                g.fillOval(vp.toScreenX(v.x()) - 3, vp.toScreenY(v.y()) - 3, 6, 6);
            }
        }
        // Its image under the (displayed) matrix: solid.
        Polygon2 mapped = shape.transformed(m);
        outline(g, vp, mapped, image.deriveColor(0, 1, 1, 0.28), image, 2.2);
        if (shape.isClosedShape()) {
            g.setFont(Fonts.regular(12));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            haloText(g, p, original, Format.num(shape.area()), shape.vertexMean(), vp);
            if (!mapped.hasNoArea()) {
                haloText(g, p, image, Format.num(mapped.area()), mapped.vertexMean(), vp);
            }
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private static void outline(GraphicsContext g, Viewport vp, Polygon2 poly, Color fill, Color stroke, double width) {
        int n = poly.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = vp.toScreenX(poly.vertex(i).x());
            ys[i] = vp.toScreenY(poly.vertex(i).y());
        }
        g.setStroke(stroke);
        g.setLineWidth(width);
        if (n >= 3) {
            g.setFill(fill);
            g.fillPolygon(xs, ys, n);
            g.strokePolygon(xs, ys, n);
        } else {
            g.strokePolyline(xs, ys, n);
        }
    }

    /**
     * The arc from i-hat's image to j-hat's image around the origin, with an arrowhead at j-hat's end: it turns
     * counter-clockwise when det &gt; 0 and clockwise (warning colour, "orientation flipped") when det &lt; 0.
     */
    private void drawOrientationArc(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        if (m.rank() < 2) {
            return;
        }
        double ox = vp.toScreenX(0);
        double oy = vp.toScreenY(0);
        double len1 = m.column1().length() * vp.scale();
        double len2 = m.column2().length() * vp.scale();
        double shorter = Math.min(len1, len2);
        if (shorter < 14) {
            return;
        }
        double radius = Math.max(12, Math.min(46, shorter * 0.42));
        double start = Math.atan2(m.c(), m.a());
        double sweep = Orientation2.sweep(m);
        boolean flipped = sweep < 0;
        Color colour = flipped ? p.warning() : p.eigen();
        int steps = Math.max(8, (int) Math.ceil(Math.abs(sweep) * radius / 3));
        double[] xs = new double[steps + 1];
        double[] ys = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            double phi = start + sweep * k / steps;
            xs[k] = ox + radius * Math.cos(phi);
            ys[k] = oy - radius * Math.sin(phi);
        }
        g.setStroke(colour);
        g.setLineWidth(2.2);
        g.strokePolyline(xs, ys, steps + 1);
        // Arrowhead along the last chord's direction.
        double dx = xs[steps] - xs[steps - 1];
        double dy = ys[steps] - ys[steps - 1];
        double dl = Math.hypot(dx, dy);
        if (dl > 0) {
            dx /= dl;
            dy /= dl;
            double head = 9;
            double bx = xs[steps] - dx * head;
            double by = ys[steps] - dy * head;
            g.setFill(colour);
            g.fillPolygon(new double[]{xs[steps], bx - dy * head * 0.5, bx + dy * head * 0.5},
                    new double[]{ys[steps], by + dx * head * 0.5, by - dx * head * 0.5}, 3);
        }
        if (flipped) {
            double mid = start + sweep / 2;
            double lx = ox + (radius + 16) * Math.cos(mid);
            double ly = oy - (radius + 16) * Math.sin(mid);
            g.setFont(Fonts.bold(12.5));
            g.setTextAlign(Math.cos(mid) >= 0 ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            haloTextAt(g, p, colour, i18n.get("det2d.flipped.arc"), lx, ly);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /**
     * "det = ..." and "area = |det|" inside the parallelogram when it is large enough on screen, else just past its far
     * corner; "area = 0" beside the line (or point) when it is flat.
     */
    private void drawAreaLabel(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        Vec2 c1 = m.column1();
        Vec2 c2 = m.column2();
        double ox = vp.toScreenX(0);
        double oy = vp.toScreenY(0);
        g.setTextBaseline(VPos.CENTER);
        if (m.rank() < 2) {
            // Beside the line, a little off it, between the origin and the longer arrow's tip.
            Vec2 longer = c1.length() >= c2.length() ? c1 : c2;
            double tx = vp.toScreenX(longer.x() * 0.5) - ox;
            double ty = vp.toScreenY(longer.y() * 0.5) - oy;
            double len = Math.hypot(tx, ty);
            double nx = len > 0 ? -ty / len : 0;
            double ny = len > 0 ? tx / len : 1;
            if (ny < 0) {
                nx = -nx;
                ny = -ny;
            }
            g.setFont(Fonts.bold(13));
            g.setTextAlign(nx >= 0 ? TextAlignment.LEFT : TextAlignment.RIGHT);
            haloTextAt(g, p, p.warning(), i18n.get("det2d.area.zero"), ox + tx + nx * 18, oy + ty + ny * 18);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        String first = "det = " + Format.num(m.det());
        String second = i18n.get("det2d.area.label", Format.num(Math.abs(m.det())));
        double pixelArea = Math.abs(m.det()) * vp.scale() * vp.scale();
        double shortSide = Math.min(c1.length(), c2.length()) * vp.scale();
        if (pixelArea >= 14000 && shortSide >= 70) {
            Vec2 centre = c1.plus(c2).times(0.5);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(Fonts.bold(13.5));
            haloTextAt(g, p, p.text(), first, vp.toScreenX(centre.x()), vp.toScreenY(centre.y()) - 8);
            g.setFont(Fonts.regular(12));
            haloTextAt(g, p, p.text(), second, vp.toScreenX(centre.x()), vp.toScreenY(centre.y()) + 9);
        } else {
            // Too small to hold the words: put them just past the far corner, away from the origin, kept on screen.
            Vec2 far = c1.plus(c2);
            double fx = vp.toScreenX(far.x());
            double fy = vp.toScreenY(far.y());
            double dx = fx - ox;
            double dy = fy - oy;
            double len = Math.max(1e-9, Math.hypot(dx, dy));
            double width = Math.max(TextMetrics.width(first, Fonts.bold(13.5)), TextMetrics.width(second, Fonts.regular(12)));
            // Left edge of the text block: beyond the corner on the side facing away from the origin.
            double left = dx >= 0 ? fx + dx / len * 14 : fx + dx / len * 14 - width;
            left = Math.max(6, Math.min(vp.width() - 6 - width, left));
            double y = Math.max(24, Math.min(vp.height() - 40, fy + dy / len * 14));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(Fonts.bold(13.5));
            haloTextAt(g, p, p.text(), first, left, y - 8);
            g.setFont(Fonts.regular(12));
            haloTextAt(g, p, p.text(), second, left, y + 9);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }


    private static void haloText(GraphicsContext g, Theme.Palette p, Color colour, String text, Vec2 at, Viewport vp) {
        haloTextAt(g, p, colour, text, vp.toScreenX(at.x()), vp.toScreenY(at.y()));
    }

    /** Text with a thin outline in the background colour, readable over grid lines and fills. */
    private static void haloTextAt(GraphicsContext g, Theme.Palette p, Color colour, String text, double x, double y) {
        g.setStroke(p.background().deriveColor(0, 1, 1, 0.85));
        g.setLineWidth(3.5);
        g.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        g.strokeText(text, x, y);
        g.setFill(colour);
        g.fillText(text, x, y);
    }

    private void stopMorph() {
        if (isAnimating()) {
            morphTimeline.stop();
        }
        model.morphProperty().set(1);
    }

    // ---- keys and mouse -------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        Matrix2 m = model.matrix();
        boolean shift = e.isShiftDown();
        switch (e.getCode()) {
            case A, SPACE -> animateFromIdentity();
            case D -> {
                if (!shapeControlsVisible) {
                    return;
                }
                drawToggle.setSelected(!drawToggle.isSelected());
            }
            case ESCAPE -> {
                if (!shapeControlsVisible) {
                    return;
                }
                if (model.shape().size() > 0) {
                    model.clearShape();
                } else {
                    drawToggle.setSelected(false);
                }
            }
            case BACK_SPACE, DELETE -> {
                if (!shapeControlsVisible) {
                    return;
                }
                model.removeLastPoint();
            }
            case T -> {
                if (!shapeControlsVisible) {
                    return;
                }
                model.setShapePreset(ShapePreset.TRIANGLE);
            }
            case H -> {
                if (!shapeControlsVisible) {
                    return;
                }
                model.setShapePreset(ShapePreset.HOUSE);
            }
            case LEFT, RIGHT, UP, DOWN -> {
                stopMorph();
                double dx = switch (e.getCode()) {
                    case LEFT -> -SNAP;
                    case RIGHT -> SNAP;
                    default -> 0;
                };
                double dy = switch (e.getCode()) {
                    case DOWN -> -SNAP;
                    case UP -> SNAP;
                    default -> 0;
                };
                // Rounded to the 0.1 grid so repeated nudges do not collect floating-point dust.
                if (shift) {
                    model.setIhat(grid(m.a() + dx), grid(m.c() + dy));
                } else {
                    model.setJhat(grid(m.b() + dx), grid(m.d() + dy));
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static double grid(double v) {
        return Math.round(v / SNAP) * SNAP;
    }

    /** Snaps a dragged coordinate to the 0.1 grid unless Shift is held for free movement. */
    private static double snapValue(double v, MouseEvent e) {
        return e.isShiftDown() ? v : grid(v);
    }

    /** Drags of the two arrow tips; in draw mode, clicks add corners and drags draw freehand; else the plane pans. */
    private final class Dragging implements PlotCanvas.Interaction {

        @Override
        public boolean press(double x, double y, MouseEvent event) {
            grab = hit(x, y);
            if (grab == Grab.NONE && drawToggle.isSelected() && shapeControlsVisible) {
                grab = Grab.STROKE;
                model.addPoint(snapValue(x, event), snapValue(y, event));
                Viewport vp = plot.viewport();
                lastStrokeX = vp.toScreenX(x);
                lastStrokeY = vp.toScreenY(y);
            }
            if (grab != Grab.NONE) {
                stopMorph();
            }
            return grab != Grab.NONE;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            switch (grab) {
                case IHAT -> model.setIhat(snapValue(x, event), snapValue(y, event));
                case JHAT -> model.setJhat(snapValue(x, event), snapValue(y, event));
                case STROKE -> {
                    Viewport vp = plot.viewport();
                    double sx = vp.toScreenX(x);
                    double sy = vp.toScreenY(y);
                    // Freehand: a corner every few pixels, not snapped (a staircase would not look like the stroke).
                    if (Math.hypot(sx - lastStrokeX, sy - lastStrokeY) >= FREEHAND_SPACING_PX) {
                        model.addPoint(x, y);
                        lastStrokeX = sx;
                        lastStrokeY = sy;
                    }
                }
                default -> { }
            }
        }

        @Override
        public void release() {
            grab = Grab.NONE;
        }

        @Override
        public Cursor hover(double x, double y) {
            if (hit(x, y) != Grab.NONE) {
                return Cursor.HAND;
            }
            return drawToggle.isSelected() && shapeControlsVisible ? Cursor.CROSSHAIR : Cursor.DEFAULT;
        }

        private Grab hit(double x, double y) {
            Matrix2 m = model.displayedMatrix();
            Viewport vp = plot.viewport();
            // j-hat first: when the tips meet (a flip in progress) the one dragged last is usually j-hat.
            if (PlaneDrawing.near(vp, m.column2(), x, y)) {
                return Grab.JHAT;
            }
            if (PlaneDrawing.near(vp, m.column1(), x, y)) {
                return Grab.IHAT;
            }
            return Grab.NONE;
        }
    }
}
