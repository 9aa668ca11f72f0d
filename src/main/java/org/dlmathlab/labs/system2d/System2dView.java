package org.dlmathlab.labs.system2d;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import javafx.scene.control.Tooltip;
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
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.math.linalg.LinearSystem2;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Subspaces2;
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
 * The plane of A x = v: the image grid of A with draggable i-hat and j-hat, the target v, the solution x (dashed, in
 * the input space) with its decomposition x1 (a, c) + x2 (b, d) landing on v; when A is singular the column space
 * line, the null space line with a point n that slides along it, and the solution line x_p + t n or "no solution";
 * the column space shaded (plane, line, point); the inverse and a "play A then A^-1" animation. Draws the model and
 * computes nothing that the model or math/ does not already give it.
 */
public final class System2dView implements LabView {

    /** Control groups a lesson may show. */
    public static final List<String> CONTROLS =
            List.of("matrix", "presets", "target", "solution", "inverse", "nullspace", "readouts");

    private static final double SNAP = 0.1;
    private static final Duration FORWARD = Duration.millis(1500);
    private static final Duration HOLD = Duration.millis(700);
    private static final Duration BACK = Duration.millis(1500);
    private static final Duration END_HOLD = Duration.millis(1100);

    private final System2dModel model;
    private final I18n i18n;
    private final Theme theme;
    private final ToDoubleFunction<String> numberParser;
    private final PlotCanvas plot = new PlotCanvas(3.8);
    private final BorderPane root = new BorderPane();
    private final ControlGroups groups;
    private final Map<String, SliderField> fields = new LinkedHashMap<>();
    private final Map<String, Label> readouts = new LinkedHashMap<>();
    private final Timeline playTimeline = new Timeline();
    private final Label statusLabel = new Label();
    private final Label inverseNote = new Label();
    private final Label[] inverseEntries = {new Label(), new Label(), new Label(), new Label()};
    private final GridPane inverseGrid = new GridPane();
    private final Label nullNote = new Label();
    private Button playButton;
    private boolean targetVisible = true;
    private Grab grab = Grab.NONE;

    private enum Grab { NONE, IHAT, JHAT, TARGET, NULL_POINT, SOLUTION_POINT }

    public System2dView(System2dModel model, I18n i18n, Theme theme, ToDoubleFunction<String> numberParser) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.numberParser = numberParser;
        this.groups = new ControlGroups(i18n);
        root.getStyleClass().add("lab-system2d");
        plot.setPainter(this::paint);
        plot.setInteraction(new Dragging());
        plot.setId("system-plane");
        root.setCenter(plot);

        VBox controls = new VBox(12);
        controls.getStyleClass().add("lab-controls");
        controls.setPadding(new Insets(10));
        controls.getChildren().addAll(matrixGroup(), presetGroup(), targetGroup(), solutionGroup(), inverseGroup(),
                nullGroup(), readoutGroup());
        ScrollPane scroller = ControlGroups.scroller(controls, 270, 220);
        root.setRight(scroller);

        playTimeline.setOnFinished(e -> model.phaseProperty().set(System2dModel.IDLE));
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

    public SliderField field(String name) {
        return fields.get(name);
    }

    public Label readout(String name) {
        return readouts.get(name);
    }

    /** The one-line verdict: one solution, none, or infinitely many. */
    public Label statusLabel() {
        return statusLabel;
    }

    /** "No inverse: det = 0", or empty when the inverse is shown. */
    public Label inverseNote() {
        return inverseNote;
    }

    public Button playButton() {
        return playButton;
    }

    @Override
    public void setVisibleControls(Set<String> controls) {
        groups.show(controls);
        // A lesson about rank alone hides the target: then v, x and the solution line are not drawn either.
        targetVisible = controls.isEmpty() || controls.contains("target");
        refresh();
    }

    @Override
    public void resetView() {
        stopPlay();
        plot.resetView();
    }

    @Override
    public void dispose() {
        playTimeline.stop();
    }

    /** Morphs I -> A, holds, then (for an invertible A) A -> A^-1 A = I, holds, and shows A again. */
    public void playInverse() {
        playTimeline.stop();
        boolean invertible = model.system().inverse().isPresent();
        Duration afterHold = FORWARD.add(HOLD);
        playTimeline.getKeyFrames().setAll(
                new KeyFrame(Duration.ZERO, new KeyValue(model.phaseProperty(), 0)),
                new KeyFrame(FORWARD, new KeyValue(model.phaseProperty(), 1, Interpolator.EASE_BOTH)),
                new KeyFrame(afterHold, new KeyValue(model.phaseProperty(), 1)));
        if (invertible) {
            Duration back = afterHold.add(BACK);
            playTimeline.getKeyFrames().addAll(
                    new KeyFrame(back, new KeyValue(model.phaseProperty(), 2, Interpolator.EASE_BOTH)),
                    new KeyFrame(back.add(END_HOLD), new KeyValue(model.phaseProperty(), 2)));
        } else {
            playTimeline.getKeyFrames().add(new KeyFrame(afterHold.add(END_HOLD),
                    new KeyValue(model.phaseProperty(), 1)));
        }
        playTimeline.playFromStart();
    }

    public boolean isPlaying() {
        return playTimeline.getStatus() == Animation.Status.RUNNING;
    }

    private void stopPlay() {
        playTimeline.stop();
        model.phaseProperty().set(System2dModel.IDLE);
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    private Node matrixGroup() {
        VBox box = groups.group("matrix", "system2d.matrix.title");
        box.getChildren().add(groups.explain("system2d.matrix.explain"));
        box.getChildren().addAll(
                slider("a", "a", model.aProperty(), "system2d.entry.a", -5, 5),
                slider("c", "c", model.cProperty(), "system2d.entry.c", -5, 5),
                slider("b", "b", model.bProperty(), "system2d.entry.b", -5, 5),
                slider("d", "d", model.dProperty(), "system2d.entry.d", -5, 5));
        fields.get("a").getStyleClass().add("ihat");
        fields.get("c").getStyleClass().add("ihat");
        fields.get("b").getStyleClass().add("jhat");
        fields.get("d").getStyleClass().add("jhat");
        return box;
    }

    private SliderField slider(String name, String label, DoubleProperty property, String tipKey, double min,
                               double max) {
        SliderField field = new SliderField(constant(label), i18n.bind(tipKey), property, min, max,
                v -> requireWithinLimit(name, v), numberParser);
        field.setId("system2d-" + name);
        field.slider().valueChangingProperty().addListener((o, was, is) -> stopPlay());
        fields.put(name, field);
        return field;
    }

    private double requireWithinLimit(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > System2dModel.LIMIT) {
            throw new IllegalArgumentException(i18n.get("system2d.error.range", name,
                    Format.num(-System2dModel.LIMIT), Format.num(System2dModel.LIMIT)));
        }
        return v;
    }

    private Node presetGroup() {
        VBox box = groups.group("presets", "system2d.presets.title");
        FlowPane buttons = new FlowPane(6, 6);
        for (SystemPreset preset : SystemPreset.values()) {
            Button button = new Button();
            button.textProperty().bind(i18n.bind("system2d.preset." + preset.key()));
            button.setTooltip(Tips.of(i18n, "system2d.preset." + preset.key() + ".tooltip"));
            button.setId("system2d-preset-" + preset.key());
            button.setOnAction(e -> {
                stopPlay();
                model.setMatrix(preset.matrix());
            });
            buttons.getChildren().add(button);
        }
        box.getChildren().add(buttons);
        return box;
    }

    private Node targetGroup() {
        VBox box = groups.group("target", "system2d.target.title");
        box.getChildren().add(groups.explain("system2d.target.explain"));
        box.getChildren().addAll(
                slider("vx", "x", model.vxProperty(), "system2d.target.x.tooltip", -5, 5),
                slider("vy", "y", model.vyProperty(), "system2d.target.y.tooltip", -5, 5));
        return box;
    }

    private Node solutionGroup() {
        VBox box = groups.group("solution", "system2d.solution.title");
        statusLabel.setWrapText(true);
        statusLabel.setId("system2d-status");
        statusLabel.getStyleClass().add("system2d-status");
        statusLabel.setStyle("-fx-font-weight: bold;");
        box.getChildren().addAll(statusLabel, readoutGrid("solution", "x", "ax", "residual", "parts"));
        return box;
    }

    private Node inverseGroup() {
        VBox box = groups.group("inverse", "system2d.inverse.title");
        inverseGrid.setHgap(14);
        inverseGrid.setVgap(2);
        inverseGrid.setId("system2d-inverse");
        for (int i = 0; i < 4; i++) {
            Label entry = inverseEntries[i];
            entry.getStyleClass().add("readout-value");
            entry.setMinWidth(Region.USE_PREF_SIZE);
            entry.setAlignment(Pos.CENTER_RIGHT);
            inverseGrid.add(entry, i % 2, i / 2);
        }
        // Brackets drawn with borders: a matrix reads as a matrix, not as a list.
        inverseGrid.setStyle("-fx-border-color: -dl-muted; -fx-border-width: 0 1.5 0 1.5; -fx-padding: 2 8 2 8;");
        Label name = new Label("A⁻¹ =");
        name.getStyleClass().add("readout-name");
        HBox row = new HBox(8, name, inverseGrid);
        row.setAlignment(Pos.CENTER_LEFT);
        row.managedProperty().bind(row.visibleProperty());
        row.visibleProperty().bind(inverseNote.textProperty().isEmpty());
        inverseNote.setWrapText(true);
        inverseNote.setId("system2d-inverse-note");
        inverseNote.getStyleClass().add("lab-status");
        inverseNote.managedProperty().bind(inverseNote.textProperty().isNotEmpty());
        Label formula = groups.explain("system2d.inverse.explain");
        playButton = new Button();
        playButton.textProperty().bind(i18n.bind("system2d.play.button"));
        playButton.setTooltip(Tips.of(i18n, "system2d.play.tooltip"));
        playButton.setId("system2d-play");
        playButton.setMaxWidth(Double.MAX_VALUE);
        playButton.setOnAction(e -> playInverse());
        box.getChildren().addAll(row, inverseNote, formula, playButton);
        return box;
    }

    private Node nullGroup() {
        VBox box = groups.group("nullspace", "system2d.null.title");
        box.getChildren().add(groups.explain("system2d.null.explain"));
        SliderField t = slider("nt", "t", model.ntProperty(), "system2d.null.t.tooltip", -5, 5);
        nullNote.setWrapText(true);
        nullNote.setId("system2d-null-note");
        nullNote.getStyleClass().add("control-explain");
        box.getChildren().addAll(t, readoutGrid("nullspace", "n", "an", "ranknull"), nullNote);
        return box;
    }

    private Node readoutGroup() {
        VBox box = groups.group("readouts", "system2d.readouts.title");
        box.getChildren().add(readoutGrid("readouts", "det", "rank", "nullity", "colspace", "nullspace"));
        return box;
    }

    private GridPane readoutGrid(String group, String... names) {
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
            name.textProperty().bind(i18n.bind("system2d.readout." + names[row]));
            name.getStyleClass().add("readout-name");
            name.setTooltip(Tips.of(i18n, "system2d.readout." + names[row] + ".tooltip"));
            Label value = new Label();
            value.getStyleClass().add("readout-value");
            value.setId("system2d-" + group + "-" + names[row]);
            value.setWrapText(true);
            readouts.put(group.equals("readouts") || group.equals("solution") ? names[row] : group + "." + names[row],
                    value);
            grid.addRow(row, name, value);
        }
        return grid;
    }


    private static StringExpression constant(String text) {
        return Bindings.createStringBinding(() -> text);
    }

    // ---- state -> read-outs ---------------------------------------------------------------------------------------

    private void refresh() {
        Matrix2 m = model.matrix();
        LinearSystem2 sys = model.system();
        Vec2 v = model.target();
        statusLabel.setText(verdict(sys));
        statusLabel.setTextFill(sys.kind() == LinearSystem2.Kind.NONE ? theme.palette().warning()
                : theme.palette().text());
        Optional<Vec2> x = sys.solution();
        readouts.get("x").setText(x.map(p -> Format.pair(p.x(), p.y()))
                .orElse(i18n.get("system2d.value.none")));
        readouts.get("ax").setText(x.map(p -> pair(m.apply(p))).orElse("—"));
        readouts.get("residual").setText(Format.num(sys.residual()));
        readouts.get("parts").setText(x.map(p -> Format.num(p.x()) + "·" + pair(m.column1()) + " + "
                + Format.num(p.y()) + "·" + pair(m.column2()) + " = " + pair(v)).orElse("—"));

        Optional<Matrix2> inv = sys.inverse();
        if (inv.isPresent()) {
            Matrix2 i = inv.get();
            double[] entries = {i.a(), i.b(), i.c(), i.d()};
            for (int k = 0; k < 4; k++) {
                inverseEntries[k].setText(Format.num(entries[k]));
            }
            inverseNote.setText("");
        } else {
            inverseNote.setText(i18n.get("system2d.inverse.none"));
        }

        readouts.get("det").setText(Format.num(m.det()));
        readouts.get("rank").setText(Integer.toString(sys.rank()));
        readouts.get("nullity").setText(Integer.toString(sys.nullity()));
        readouts.get("colspace").setText(describe(sys.columnSpace()));
        readouts.get("nullspace").setText(describe(sys.nullSpace()));

        Optional<Vec2> n = model.nullPoint();
        readouts.get("nullspace.n").setText(n.map(System2dView::pair).orElse("—"));
        readouts.get("nullspace.an").setText(n.map(p -> pair(m.apply(p))).orElse("—"));
        readouts.get("nullspace.ranknull").setText(
                sys.rank() + " + " + sys.nullity() + " = " + (sys.rank() + sys.nullity()));
        fields.get("nt").setDisable(n.isEmpty());
        nullNote.setText(switch (sys.rank()) {
            case 2 -> i18n.get("system2d.null.onlyZero");
            case 0 -> i18n.get("system2d.null.everything");
            default -> i18n.get("system2d.null.line");
        });
        plot.requestRedraw();
    }

    private String verdict(LinearSystem2 sys) {
        return switch (sys.kind()) {
            case ONE -> i18n.get("system2d.status.one", Format.num(sys.leastSquares().x()),
                    Format.num(sys.leastSquares().y()));
            case NONE -> i18n.get(sys.rank() == 0 ? "system2d.status.noneZero" : "system2d.status.none");
            case INFINITELY_MANY -> i18n.get(sys.rank() == 0 ? "system2d.status.every" : "system2d.status.many");
        };
    }

    private String describe(Subspaces2.Subspace s) {
        return switch (s.dimension()) {
            case 2 -> i18n.get("system2d.space.plane");
            case 1 -> i18n.get("system2d.space.line", pair(s.direction()));
            default -> i18n.get("system2d.space.point");
        };
    }

    private static String pair(Vec2 p) {
        return Format.pair(p.x(), p.y());
    }

    // ---- picture --------------------------------------------------------------------------------------------------

    private void paint(GraphicsContext g, Viewport vp) {
        Theme.Palette p = theme.palette();
        LinearSystem2 sys = model.system();
        boolean playing = isPlaying() || model.isPlaying();
        Matrix2 shown = playing ? model.displayedMatrix() : model.matrix();
        PlaneDrawing.background(g, vp, p);
        if (playing) {
            PlaneDrawing.transformedGrid(g, vp, p, shown);
        } else {
            drawColumnSpace(g, vp, p, sys, shown);
            drawNullSpace(g, vp, p, sys);
        }
        if (targetVisible) {
            if (playing) {
                drawMovingSolution(g, vp, p, sys, shown);
            } else {
                drawSolution(g, vp, p, sys, shown);
            }
        }
        if (!playing) {
            drawNullPoint(g, vp, p);
        }
        PlaneDrawing.basis(g, vp, p, shown, !playing);
        drawCaption(g, vp, p, sys, playing);
    }

    /** C(A) shaded: a faint tint over the whole plane at rank 2, the thick image line at rank 1, a dot at rank 0. */
    private void drawColumnSpace(GraphicsContext g, Viewport vp, Theme.Palette p, LinearSystem2 sys, Matrix2 m) {
        if (sys.rank() == 2) {
            // A faint tint: "everything is reachable"; dark backgrounds need a little more to show it.
            g.setFill(p.image().deriveColor(0, 1, 1, theme.mode() == Theme.Mode.DARK ? 0.13 : 0.07));
            g.fillRect(0, 0, vp.width(), vp.height());
        }
        PlaneDrawing.transformedGrid(g, vp, p, m);
        if (sys.rank() == 1) {
            lineLabel(g, vp, p.image(), sys.columnSpace().direction(), "C(A)", 1);
        } else if (sys.rank() == 0) {
            g.setFill(p.image());
            g.setFont(Fonts.bold(14));
            g.setTextBaseline(VPos.TOP);
            g.fillText("C(A) = {0}", vp.toScreenX(0) + 10, vp.toScreenY(0) + 8);
        }
    }

    /** N(A): nothing but 0 at rank 2 (not drawn), a dashed line at rank 1, the whole plane tinted at rank 0. */
    private void drawNullSpace(GraphicsContext g, Viewport vp, Theme.Palette p, LinearSystem2 sys) {
        if (sys.nullity() == 1) {
            g.setStroke(p.eigen());
            g.setLineWidth(2.2);
            g.setLineDashes(9, 6);
            PlaneDrawing.lineThroughOrigin(g, vp, sys.nullSpace().direction());
            g.setLineDashes();
            lineLabel(g, vp, p.eigen(), sys.nullSpace().direction(), "N(A)", -1);
        } else if (sys.nullity() == 2) {
            g.setFill(p.eigen().deriveColor(0, 1, 1, 0.10));
            g.fillRect(0, 0, vp.width(), vp.height());
        }
    }

    /** A name for a line through the origin, placed along it near the edge of the usual view. */
    private static void lineLabel(GraphicsContext g, Viewport vp, Color color, Vec2 dir, String text, double side) {
        double r = Math.min(3.6, 0.40 * Math.min(vp.width(), vp.height()) / vp.scale());
        Vec2 at = dir.times(side * r);
        g.setFill(color);
        g.setFont(Fonts.bold(14));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(text, vp.toScreenX(at.x()) + 8, vp.toScreenY(at.y()) - 6);
    }

    private void drawSolution(GraphicsContext g, Viewport vp, Theme.Palette p, LinearSystem2 sys, Matrix2 m) {
        Vec2 v = model.target();
        switch (sys.kind()) {
            case ONE -> {
                Vec2 x = sys.leastSquares();
                // v = x1 (a, c) + x2 (b, d): a thin green step then a thin red step.
                Vec2 first = m.column1().times(x.x());
                PlaneDrawing.arrow(g, vp, Vec2.ZERO, first, p.ihat().deriveColor(0, 1, 1, 0.75), 1.6, null);
                PlaneDrawing.arrow(g, vp, first, v, p.jhat().deriveColor(0, 1, 1, 0.75), 1.6, null);
                dashedArrow(g, vp, x, p.probe(), "x");
            }
            case INFINITELY_MANY -> {
                if (sys.rank() == 1) {
                    Vec2 xp = sys.leastSquares();
                    Vec2 n = sys.nullSpace().direction();
                    g.setStroke(p.probe().deriveColor(0, 1, 1, 0.85));
                    g.setLineWidth(2.4);
                    g.setLineDashes(3, 5);
                    PlaneDrawing.lineThrough(g, vp, xp, n);
                    g.setLineDashes();
                    dashedArrow(g, vp, xp, p.probe(), "xₚ");
                    Vec2 other = model.nullPoint().map(xp::plus).orElse(xp);
                    if (other.minus(xp).length() * vp.scale() > 4) {
                        PlaneDrawing.arrow(g, vp, xp, other, p.eigen(), 1.8, null);
                    }
                    PlaneDrawing.handle(g, vp, other, p.probe());
                    g.setFill(p.probe());
                    g.setFont(Fonts.regular(13));
                    g.setTextBaseline(VPos.TOP);
                    g.fillText("xₚ + n", vp.toScreenX(other.x()) + 10, vp.toScreenY(other.y()) + 6);
                }
            }
            default -> {
                // No solution: show how far v is from everything A can reach.
                Vec2 foot = m.apply(sys.leastSquares());
                g.setStroke(p.warning());
                g.setLineWidth(1.6);
                g.setLineDashes(2, 4);
                PlaneDrawing.line(g, vp, v, foot);
                g.setLineDashes();
                g.setFill(p.warning());
                g.fillOval(vp.toScreenX(foot.x()) - 3.5, vp.toScreenY(foot.y()) - 3.5, 7, 7);
            }
        }
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, v, p.probe(), 3, null);
        PlaneDrawing.handle(g, vp, v, p.probe());
        g.setFill(p.probe());
        g.setFont(Fonts.bold(15));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("v", vp.toScreenX(v.x()) + 9, vp.toScreenY(v.y()) - 7);
    }

    /** During playback: x carried by the moving matrix, onto v and (for an invertible A) back. */
    private void drawMovingSolution(GraphicsContext g, Viewport vp, Theme.Palette p, LinearSystem2 sys,
                                    Matrix2 shown) {
        Vec2 v = model.target();
        Color faint = p.probe().deriveColor(0, 1, 1, 0.35);
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, v, faint, 2, null);
        if (sys.kind() == LinearSystem2.Kind.ONE) {
            Vec2 x = sys.leastSquares();
            g.setLineDashes(5, 5);
            PlaneDrawing.arrow(g, vp, Vec2.ZERO, x, faint, 1.6, null);
            g.setLineDashes();
            PlaneDrawing.arrow(g, vp, Vec2.ZERO, shown.apply(x), p.probe(), 3, null);
        }
    }

    private void drawNullPoint(GraphicsContext g, Viewport vp, Theme.Palette p) {
        Optional<Vec2> n = model.nullPoint();
        if (n.isEmpty()) {
            return;
        }
        Vec2 at = n.get();
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, at, p.eigen(), 2.4, null);
        g.setFill(p.eigen());
        g.fillOval(vp.toScreenX(at.x()) - 4, vp.toScreenY(at.y()) - 4, 8, 8);
        PlaneDrawing.handle(g, vp, at, p.eigen());
        g.setFont(Fonts.regular(13));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(i18n.get("system2d.plane.nLabel"), vp.toScreenX(at.x()) + 10, vp.toScreenY(at.y()) + 6);
    }

    private static void dashedArrow(GraphicsContext g, Viewport vp, Vec2 to, Color color, String label) {
        g.setLineDashes(6, 5);
        PlaneDrawing.arrow(g, vp, Vec2.ZERO, to, color, 2.2, null);
        g.setLineDashes();
        g.setFill(color);
        g.setFont(Fonts.bold(15));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.RIGHT);
        // Below-left of the tip, so "x" does not sit on v's label when they are close.
        g.fillText(label, vp.toScreenX(to.x()) - 8, vp.toScreenY(to.y()) + 6);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, LinearSystem2 sys, boolean playing) {
        double width = Math.max(50, vp.width() - 24);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Fonts.regular(14));
        g.setFill(p.text());
        g.fillText("det = " + Format.num(model.matrix().det()) + "   ·   "
                + i18n.get("system2d.plane.rank", sys.rank(), sys.nullity()), 12, 10, width);
        String line;
        Color color = p.text();
        if (playing) {
            line = playCaption(sys);
        } else if (targetVisible) {
            line = statusLabel.getText();
            if (sys.kind() == LinearSystem2.Kind.NONE) {
                // How far v is from everything A can reach: the dotted segment on the plane.
                line += "   (" + i18n.get("system2d.plane.gap", Format.num(sys.residual())) + ")";
                color = p.warning();
            }
        } else {
            line = "C(A): " + describe(sys.columnSpace()) + "   ·   N(A): " + describe(sys.nullSpace());
        }
        if (!line.isEmpty()) {
            g.setFont(Fonts.bold(14));
            g.setFill(color);
            g.fillText(line, 12, 31, width);
        }
        // A hint instead of a tooltip: a tooltip would pop up over the plane while the learner drags.
        g.setFill(p.axis().deriveColor(0, 1, 1, 0.75));
        g.setFont(Fonts.regular(11.5));
        g.setTextBaseline(VPos.BOTTOM);
        String hint = i18n.get("system2d.plane." + (targetVisible ? "hint" : "hintNoTarget")
                + (vp.width() >= 700 ? "" : "Short"));
        g.fillText(hint, 12, vp.height() - 8, width);
    }

    private String playCaption(LinearSystem2 sys) {
        double t = model.phaseProperty().get();
        if (sys.inverse().isEmpty()) {
            return i18n.get(t < 1 ? "system2d.play.forward" : "system2d.play.stuck");
        }
        if (t < 1) {
            return i18n.get("system2d.play.forward");
        }
        if (t == 1) {
            return i18n.get("system2d.play.atA");
        }
        return i18n.get(t < 2 ? "system2d.play.back" : "system2d.play.home");
    }

    // ---- input ----------------------------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double step = e.isShiftDown() ? 1 : SNAP;
        Vec2 v = model.target();
        switch (e.getCode()) {
            case P, SPACE -> playInverse();
            case LEFT, RIGHT, UP, DOWN -> {
                if (!targetVisible) {
                    return;
                }
                stopPlay();
                switch (e.getCode()) {
                    case LEFT -> model.setTarget(v.x() - step, v.y());
                    case RIGHT -> model.setTarget(v.x() + step, v.y());
                    case UP -> model.setTarget(v.x(), v.y() + step);
                    default -> model.setTarget(v.x(), v.y() - step);
                }
            }
            case OPEN_BRACKET, CLOSE_BRACKET -> {
                if (model.nullPoint().isEmpty()) {
                    return;
                }
                double sign = e.getCode() == javafx.scene.input.KeyCode.OPEN_BRACKET ? -1 : 1;
                double t = Math.round((model.ntProperty().get() + sign * step) / SNAP) * SNAP;
                model.ntProperty().set(Math.max(-System2dModel.LIMIT, Math.min(System2dModel.LIMIT, t)));
            }
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

    /** Drags of the handles; everything else pans the plane. */
    private final class Dragging implements PlotCanvas.Interaction {

        @Override
        public boolean press(double x, double y, MouseEvent event) {
            if (isPlaying()) {
                stopPlay();
            }
            grab = hit(x, y);
            return grab != Grab.NONE;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            double sx = snapValue(x, event);
            double sy = snapValue(y, event);
            switch (grab) {
                case IHAT -> model.setIhat(sx, sy);
                case JHAT -> model.setJhat(sx, sy);
                case TARGET -> model.setTarget(sx, sy);
                case NULL_POINT, SOLUTION_POINT -> {
                    if (grab == Grab.NULL_POINT) {
                        model.slideNullPointTowards(new Vec2(x, y));
                    } else {
                        model.slideSolutionTowards(new Vec2(x, y));
                    }
                    if (!event.isShiftDown()) {
                        model.ntProperty().set(Math.round(model.ntProperty().get() / SNAP) * SNAP);
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
            return hit(x, y) == Grab.NONE ? Cursor.DEFAULT : Cursor.HAND;
        }

        private Grab hit(double x, double y) {
            Matrix2 m = model.matrix();
            Viewport vp = plot.viewport();
            if (PlaneDrawing.near(vp, m.column1(), x, y)) {
                return Grab.IHAT;
            }
            if (PlaneDrawing.near(vp, m.column2(), x, y)) {
                return Grab.JHAT;
            }
            if (targetVisible && PlaneDrawing.near(vp, model.target(), x, y)) {
                return Grab.TARGET;
            }
            Optional<Vec2> n = model.nullPoint();
            if (n.isPresent() && PlaneDrawing.near(vp, n.get(), x, y)) {
                return Grab.NULL_POINT;
            }
            LinearSystem2 sys = model.system();
            if (targetVisible && n.isPresent() && sys.kind() == LinearSystem2.Kind.INFINITELY_MANY
                    && PlaneDrawing.near(vp, sys.leastSquares().plus(n.get()), x, y)) {
                return Grab.SOLUTION_POINT;
            }
            return Grab.NONE;
        }
    }
}
