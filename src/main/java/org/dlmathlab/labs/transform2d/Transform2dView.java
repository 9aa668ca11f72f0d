package org.dlmathlab.labs.transform2d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dlmathlab.ui.Fonts;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.linalg.Eigen2;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.ControlGroups;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.PlaneDrawing;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.SliderField;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Viewport;

/**
 * The plane under a 2x2 matrix: a faint original grid, the transformed grid, i-hat and j-hat as draggable arrows, the
 * unit square's image with its signed area, a draggable probe vector, eigenvector lines on demand, and the controls
 * (sliders and typed fields for a b c d, presets, animate from identity, read-outs). Draws the model; computes nothing
 * that the model or math/ does not already give it.
 */
public final class Transform2dView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS = List.of("matrix", "presets", "animate", "probe", "eigen", "readouts");

    private static final double SNAP = 0.1;
    private static final Duration MORPH_DURATION = Duration.millis(1600);

    private final Transform2dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final PlotCanvas plot = new PlotCanvas(4.2);
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Map<String, SliderField> entryFields = new LinkedHashMap<>();
    private final Timeline morphTimeline = new Timeline();
    private final Label statusLabel = new Label();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private Slider angleSlider;
    private boolean probeVisible = true;
    private boolean eigenControlVisible = true;
    private Grab grab = Grab.NONE;

    private enum Grab { NONE, IHAT, JHAT, PROBE }

    public Transform2dView(Transform2dModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.groups = new ControlGroups(i18n);
        this.theme = theme;
        this.numberParser = numberParser;
        root.getStyleClass().add("lab-transform2d");
        plot.setPainter(this::paint);
        plot.setInteraction(new Dragging());
        plot.getStyleClass().add("transform-plane");
        plot.setId("transform-plane");
        root.setCenter(plot);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(matrixGroup(), presetGroup(), animateGroup(), probeGroup(), eigenGroup(),
                readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 250, 200);
        root.setRight(scroller);

        model.drawChanges().addListener(o -> refresh());
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

    public SliderField entryField(String name) {
        return entryFields.get(name);
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    public Label statusLabel() {
        return statusLabel;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        probeVisible = controls.isEmpty() || controls.contains("probe");
        eigenControlVisible = controls.isEmpty() || controls.contains("eigen");
        // A lesson that hides the probe or the eigenvectors should not talk about them in the read-outs either.
        showReadoutRow("v", probeVisible);
        showReadoutRow("av", probeVisible);
        showReadoutRow("eigen", eigenControlVisible);
        refresh();
    }

    private void showReadoutRow(String name, boolean visible) {
        Label value = readouts.get(name);
        for (Node n : ((GridPane) value.getParent()).getChildren()) {
            if (GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(value))) {
                n.setVisible(visible);
                n.setManaged(visible);
            }
        }
    }

    @Override
    public void resetView() {
        morphTimeline.stop();
        plot.resetView();
    }

    @Override
    public void dispose() {
        morphTimeline.stop();
    }

    /** Plays the morph from the identity to A (replayable). */
    public void animateFromIdentity() {
        morphTimeline.stop();
        morphTimeline.getKeyFrames().setAll(
                new KeyFrame(Duration.ZERO, new KeyValue(model.morphProperty(), 0)),
                new KeyFrame(MORPH_DURATION, new KeyValue(model.morphProperty(), 1, Interpolator.EASE_BOTH)));
        morphTimeline.playFromStart();
    }

    public boolean isAnimating() {
        return morphTimeline.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node matrixGroup() {
        VBox box = group("matrix", "transform2d.matrix.title");
        Label explain = groups.explain("transform2d.matrix.explain");
        box.getChildren().add(explain);
        box.getChildren().add(entry("a", model.aProperty(), "transform2d.entry.a"));
        box.getChildren().add(entry("c", model.cProperty(), "transform2d.entry.c"));
        box.getChildren().add(entry("b", model.bProperty(), "transform2d.entry.b"));
        box.getChildren().add(entry("d", model.dProperty(), "transform2d.entry.d"));
        entryFields.get("a").getStyleClass().add("ihat");
        entryFields.get("c").getStyleClass().add("ihat");
        entryFields.get("b").getStyleClass().add("jhat");
        entryFields.get("d").getStyleClass().add("jhat");
        return box;
    }

    private SliderField entry(String name, javafx.beans.property.DoubleProperty property, String tipKey) {
        SliderField field = new SliderField(constant(name), i18n.bind(tipKey), property, -3, 3,
                v -> requireWithinLimit(name, v), numberParser);
        field.setId("entry-" + name);
        field.slider().valueChangingProperty().addListener((o, was, is) -> stopMorph());
        entryFields.put(name, field);
        return field;
    }

    private double requireWithinLimit(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > Transform2dModel.LIMIT) {
            throw new IllegalArgumentException(i18n.get("transform2d.error.range", name,
                    Format.num(-Transform2dModel.LIMIT), Format.num(Transform2dModel.LIMIT)));
        }
        return v;
    }

    private Node presetGroup() {
        VBox box = group("presets", "transform2d.presets.title");
        FlowPane buttons = new FlowPane(6, 6);
        for (Preset preset : Preset.values()) {
            Button button = new Button();
            button.textProperty().bind(i18n.bind("transform2d.preset." + preset.key()));
            button.setTooltip(tooltip("transform2d.preset." + preset.key() + ".tooltip"));
            button.setId("preset-" + preset.key());
            button.setOnAction(e -> applyPreset(preset));
            buttons.getChildren().add(button);
        }
        angleSlider = new Slider(-180, 180, 90);
        angleSlider.setMajorTickUnit(90);
        angleSlider.setShowTickMarks(true);
        angleSlider.setShowTickLabels(true);
        angleSlider.setId("rotation-angle");
        angleSlider.setTooltip(tooltip("transform2d.angle.tooltip"));
        angleSlider.valueProperty().addListener((o, old, angle) -> {
            stopMorph();
            model.setMatrix(Matrix2.rotation(Math.toRadians(angle.doubleValue())));
        });
        Label angleLabel = new Label();
        angleLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("transform2d.angle", Format.num(angleSlider.getValue(), 0)),
                angleSlider.valueProperty(), i18n.langProperty()));
        box.getChildren().addAll(buttons, angleLabel, angleSlider);
        return box;
    }

    private void applyPreset(Preset preset) {
        stopMorph();
        model.setMatrix(preset == Preset.ROTATION
                ? Matrix2.rotation(Math.toRadians(angleSlider.getValue()))
                : preset.matrix());
    }

    private Node animateGroup() {
        VBox box = group("animate", "transform2d.animate.title");
        Button play = new Button();
        play.textProperty().bind(i18n.bind("transform2d.animate.button"));
        play.setTooltip(tooltip("transform2d.animate.tooltip"));
        play.setId("animate");
        play.setOnAction(e -> animateFromIdentity());
        play.setMaxWidth(Double.MAX_VALUE);
        box.getChildren().add(play);
        return box;
    }

    private Node probeGroup() {
        VBox box = group("probe", "transform2d.probe.title");
        box.getChildren().add(groups.explain("transform2d.probe.explain"));
        SliderField vx = new SliderField(constant("x"), i18n.bind("transform2d.probe.x.tooltip"), model.vxProperty(),
                -4, 4, v -> requireWithinLimit("vx", v), numberParser);
        SliderField vy = new SliderField(constant("y"), i18n.bind("transform2d.probe.y.tooltip"), model.vyProperty(),
                -4, 4, v -> requireWithinLimit("vy", v), numberParser);
        vx.setId("probe-x");
        vy.setId("probe-y");
        entryFields.put("vx", vx);
        entryFields.put("vy", vy);
        box.getChildren().addAll(vx, vy);
        return box;
    }

    private Node eigenGroup() {
        VBox box = group("eigen", "transform2d.eigen.title");
        CheckBox show = new CheckBox();
        show.textProperty().bind(i18n.bind("transform2d.eigen.show"));
        show.setTooltip(tooltip("transform2d.eigen.tooltip"));
        show.selectedProperty().bindBidirectional(model.showEigenProperty());
        show.setId("show-eigen");
        box.getChildren().add(show);
        return box;
    }

    private Node readoutGroup() {
        VBox box = group("readouts", "transform2d.readouts.title");
        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints valueColumn = new javafx.scene.layout.ColumnConstraints();
        valueColumn.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        valueColumn.setMinWidth(0);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), valueColumn);
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("readouts");
        String[] names = {"det", "trace", "rank", "ihat", "jhat", "v", "av", "eigen"};
        for (int row = 0; row < names.length; row++) {
            Label name = new Label();
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.textProperty().bind(i18n.bind("transform2d.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("readout-" + names[row]);
            value.setWrapText(true);
            readouts.put(names[row], value);
            grid.addRow(row, name, value);
        }
        statusLabel.setWrapText(true);
        statusLabel.getStyleClass().add("lab-status");
        statusLabel.setId("transform-status");
        box.getChildren().addAll(grid, statusLabel);
        return box;
    }

    private VBox group(String name, String titleKey) {
        return groups.group(name, titleKey);
    }


    private Tooltip tooltip(String key) {
        return Tips.of(i18n, key);
    }

    private static StringExpression constant(String text) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> text);
    }

    // ---- state -> read-outs and picture ---------------------------------------------------------------------------

    private void refresh() {
        Matrix2 m = model.matrix();
        Eigen2 eigen = m.eigen();
        readouts.get("det").setText(Format.num(m.det()));
        readouts.get("trace").setText(Format.num(m.trace()));
        readouts.get("rank").setText(Integer.toString(m.rank()));
        readouts.get("ihat").setText(Format.pair(m.a(), m.c()));
        readouts.get("jhat").setText(Format.pair(m.b(), m.d()));
        Vec2 v = model.probe();
        Vec2 av = m.apply(v);
        readouts.get("v").setText(Format.pair(v.x(), v.y()));
        readouts.get("av").setText(Format.pair(av.x(), av.y()));
        readouts.get("eigen").setText(describeEigen(eigen));
        statusLabel.setText(status(m, eigen));
        plot.requestRedraw();
    }

    private String describeEigen(Eigen2 e) {
        if (!e.real()) {
            return i18n.get("transform2d.eigen.complex", Format.num(e.lambda1()), Format.num(e.imaginary()));
        }
        if (e.lambda1() == e.lambda2()) {
            return i18n.get(e.everyDirection() ? "transform2d.eigen.scalar" : "transform2d.eigen.repeated",
                    Format.num(e.lambda1()));
        }
        return i18n.get("transform2d.eigen.real", Format.num(e.lambda1()), Format.num(e.lambda2()));
    }

    private String status(Matrix2 m, Eigen2 e) {
        List<String> parts = new ArrayList<>();
        int rank = m.rank();
        if (rank == 0) {
            parts.add(i18n.get("transform2d.status.point"));
        } else if (rank == 1) {
            parts.add(i18n.get("transform2d.status.line"));
        } else if (m.det() < 0) {
            parts.add(i18n.get("transform2d.status.flipped"));
        }
        if (!e.real()) {
            parts.add(i18n.get("transform2d.status.complex"));
        }
        return String.join("\n", parts);
    }

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        Matrix2 m = model.displayedMatrix();
        PlaneDrawing.background(g, vp, p);
        PlaneDrawing.unitSquare(g, vp, p, m);
        PlaneDrawing.transformedGrid(g, vp, p, m);
        if (model.showEigenProperty().get() && model.morphProperty().get() >= 1) {
            drawEigen(g, vp, p, m.eigen());
        }
        if (probeVisible) {
            drawProbe(g, vp, p, m);
        }
        PlaneDrawing.basis(g, vp, p, m, true);
        drawCaption(g, vp, p, m);
    }

    private void drawEigen(GraphicsContext g, Viewport vp, Theme.Palette p, Eigen2 e) {
        if (!e.real() || e.everyDirection()) {
            return;
        }
        g.setStroke(p.eigen());
        g.setLineWidth(2);
        g.setLineDashes(8, 6);
        List<Vec2> vectors = e.vectors();
        for (int i = 0; i < vectors.size(); i++) {
            PlaneDrawing.lineThroughOrigin(g, vp, vectors.get(i));
        }
        g.setLineDashes();
        g.setFill(p.eigen());
        g.setFont(Fonts.regular(13));
        g.setTextBaseline(VPos.BOTTOM);
        for (int i = 0; i < vectors.size(); i++) {
            Vec2 dir = vectors.get(i);
            double lambda = i == 0 ? e.lambda1() : e.lambda2();
            Vec2 at = dir.times(Math.min(3.4, 0.42 * Math.min(vp.width(), vp.height()) / vp.scale()));
            g.fillText("λ" + (vectors.size() > 1 ? subscript(i + 1) : "") + " = " + Format.num(lambda),
                    vp.toScreenX(at.x()) + 6, vp.toScreenY(at.y()) - 4);
        }
    }

    private void drawProbe(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        Vec2 v = model.probe();
        Vec2 av = m.apply(v);
        // v before the map: faint and dashed, with its handle.
        g.setLineDashes(5, 5);
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, v, p.probe().deriveColor(0, 1, 1, 0.55), 1.6, null);
        g.setLineDashes();
        // A v built as x * i-hat + y * j-hat: two thin arrows, then the result.
        Vec2 xPart = m.column1().times(v.x());
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, xPart, p.ihat().deriveColor(0, 1, 1, 0.7), 1.5, null);
        PlaneDrawing.arrow(g, vp, xPart, av, p.jhat().deriveColor(0, 1, 1, 0.7), 1.5, null);
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, av, p.probe(), 3, "Av");
        g.setFill(p.probe());
        g.setFont(Fonts.regular(13));
        g.setTextBaseline(VPos.TOP);
        // Below-left of the tip, so it does not sit on the "Av" label when v and Av coincide.
        g.fillText("v", vp.toScreenX(v.x()) - 16, vp.toScreenY(v.y()) + 4);
        PlaneDrawing.handle(g, vp, v, p.probe());
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        g.setFont(Fonts.regular(14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(p.text());
        String det = "det = " + Format.num(m.det());
        g.fillText(det, 12, 10);
        // A hint instead of a tooltip: a tooltip would pop up over the plane while the learner drags.
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11.5));
        g.setTextBaseline(VPos.BOTTOM);
        String hint = i18n.get(vp.width() >= 640 ? "transform2d.plane.hint" : "transform2d.plane.hintShort");
        g.fillText(hint, 12, vp.height() - 8, Math.max(50, vp.width() - 24));
        g.setTextBaseline(VPos.TOP);
        g.setFont(Fonts.regular(14));
        String status = statusLabel.getText();
        if (!status.isEmpty() && model.morphProperty().get() >= 1) {
            g.setFill(p.warning());
            double y = 30;
            for (String line : status.split("\n")) {
                g.fillText(line, 12, y);
                y += 19;
            }
        }
    }

    private static String subscript(int i) {
        return i == 1 ? "₁" : "₂";
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
        double step = e.isShiftDown() ? 1 : SNAP;
        switch (e.getCode()) {
            case A, SPACE -> animateFromIdentity();
            case E -> {
                if (eigenControlVisible) {
                    model.showEigenProperty().set(!model.showEigenProperty().get());
                }
            }
            case LEFT -> model.setProbe(model.vxProperty().get() - step, model.vyProperty().get());
            case RIGHT -> model.setProbe(model.vxProperty().get() + step, model.vyProperty().get());
            case UP -> model.setProbe(model.vxProperty().get(), model.vyProperty().get() + step);
            case DOWN -> model.setProbe(model.vxProperty().get(), model.vyProperty().get() - step);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Snaps a dragged coordinate to the 0.1 grid unless Shift is held for free movement. */
    private static double snapValue(double v, MouseEvent e) {
        return e.isShiftDown() ? v : Math.round(v / SNAP) * SNAP;
    }

    /** Drags of the three handles; everything else pans the plane. */
    private final class Dragging implements PlotCanvas.Interaction {

        @Override
        public boolean press(double x, double y, MouseEvent event) {
            grab = hit(x, y);
            if (grab != Grab.NONE) {
                stopMorph();
            }
            return grab != Grab.NONE;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            double sx = snapValue(x, event);
            double sy = snapValue(y, event);
            switch (grab) {
                case IHAT -> model.setIhat(sx, sy);
                case JHAT -> model.setJhat(sx, sy);
                case PROBE -> model.setProbe(sx, sy);
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

        private Grab hit(double x, double y) {
            Matrix2 m = model.displayedMatrix();
            Viewport vp = plot.viewport();
            if (PlaneDrawing.near(vp, m.column1(), x, y)) {
                return Grab.IHAT;
            }
            if (PlaneDrawing.near(vp, m.column2(), x, y)) {
                return Grab.JHAT;
            }
            if (probeVisible && PlaneDrawing.near(vp, model.probe(), x, y)) {
                return Grab.PROBE;
            }
            return Grab.NONE;
        }
    }
}
