package org.dlmathlab.labs.playground;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.math.nn.Activation;
import org.dlmathlab.math.nn.Mlp;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Tips;

/**
 * The network as a diagram and shape editor: the two inputs, one column per hidden layer with a small map of each
 * unit's output over the data plane, the output units in their class colours, and the weights as lines (blue
 * positive, orange negative, thicker for larger). Each hidden column has − and + buttons for its number of units.
 */
public final class NetworkDiagram extends Region {

    private static final double TOP = 30;
    private static final Color POSITIVE = Color.web("#1c7ed6");
    private static final Color NEGATIVE = Color.web("#e8590c");

    private final PlaygroundModel model;
    private final I18n i18n;
    private final Theme theme;
    private final Canvas canvas = new Canvas();
    private final List<Button> minus = new ArrayList<>();
    private final List<Button> plus = new ArrayList<>();
    private final List<WritableImage> images = new ArrayList<>();
    private float[][] maps = new float[0][];
    private final int[] predicted = new int[PlaygroundView.UNIT_CELLS * PlaygroundView.UNIT_CELLS];
    private final float[] confidence = new float[PlaygroundView.UNIT_CELLS * PlaygroundView.UNIT_CELLS];
    private final int[] pixels = new int[PlaygroundView.UNIT_CELLS * PlaygroundView.UNIT_CELLS];
    private long updates;

    NetworkDiagram(PlaygroundModel model, I18n i18n, Theme theme) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        getStyleClass().add("playground-diagram");
        getChildren().add(canvas);
        Tooltip.install(canvas, Tips.of(i18n, "playground.diagram.tooltip"));
        for (int l = 1; l <= PlaygroundModel.MAX_LAYERS; l++) {
            int layer = l;
            Button less = new Button("−");
            Button more = new Button("+");
            for (Button b : new Button[]{less, more}) {
                b.getStyleClass().add("small-button");
                b.setFocusTraversable(true);
                b.setStyle("-fx-padding: 0 6 0 6; -fx-font-size: 12px;");
            }
            less.setId("playground-units-minus-" + l);
            more.setId("playground-units-plus-" + l);
            less.setTooltip(Tips.of(i18n, "playground.units.remove.tooltip"));
            more.setTooltip(Tips.of(i18n, "playground.units.add.tooltip"));
            less.setOnAction(e -> view().changeUnits(layer, -1));
            more.setOnAction(e -> view().changeUnits(layer, 1));
            minus.add(less);
            plus.add(more);
            getChildren().addAll(less, more);
        }
        i18n.langProperty().addListener(o -> redraw());
    }

    private PlaygroundView owner;

    void setOwner(PlaygroundView owner) {
        this.owner = owner;
    }

    private PlaygroundView view() {
        return owner;
    }

    /** How many times the unit maps were recomputed. */
    public long updates() {
        return updates;
    }

    /** Recomputes every hidden unit's map (over the plane's default square) and redraws. */
    void update() {
        updates++;
        int[] hidden = model.hiddenSizes();
        int total = 0;
        for (int h : hidden) {
            total += h;
        }
        int cells = PlaygroundView.UNIT_CELLS * PlaygroundView.UNIT_CELLS;
        if (maps.length != total) {
            maps = new float[total][cells];
        }
        while (images.size() < total) {
            images.add(new WritableImage(PlaygroundView.UNIT_CELLS, PlaygroundView.UNIT_CELLS));
        }
        if (total > 0) {
            double e = PlaygroundView.PLANE_EXTENT;
            model.decisionMap(-e, e, -e, e, PlaygroundView.UNIT_CELLS, PlaygroundView.UNIT_CELLS, predicted,
                    confidence, maps);
            Activation f = model.activation();
            Color bg = theme.palette().background();
            for (int u = 0; u < total; u++) {
                float[] m = maps[u];
                double scale;
                if (f == Activation.TANH || f == Activation.SIGMOID) {
                    scale = 1;
                } else {
                    scale = 1e-12;
                    for (float v : m) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                }
                for (int c = 0; c < cells; c++) {
                    double v = f == Activation.SIGMOID ? 2 * m[c] - 1 : m[c] / scale;
                    v = Math.max(-1, Math.min(1, v));
                    Color to = v >= 0 ? POSITIVE : NEGATIVE;
                    pixels[c] = PlaygroundView.argb(bg.interpolate(to, 0.1 + 0.8 * Math.abs(v)));
                }
                images.get(u).getPixelWriter().setPixels(0, 0, PlaygroundView.UNIT_CELLS, PlaygroundView.UNIT_CELLS,
                        PixelFormat.getIntArgbInstance(), pixels, 0, PlaygroundView.UNIT_CELLS);
            }
        }
        requestLayout();
        redraw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        int[] hidden = model.hiddenSizes();
        double[] xs = columns(w, hidden.length + 2);
        for (int l = 0; l < PlaygroundModel.MAX_LAYERS; l++) {
            boolean shown = l < hidden.length;
            Button less = minus.get(l);
            Button more = plus.get(l);
            less.setVisible(shown);
            more.setVisible(shown);
            if (shown) {
                double bw = less.prefWidth(-1);
                double bh = less.prefHeight(-1);
                double cx = xs[l + 1];
                less.resizeRelocate(Math.round(cx - bw - 1), 3, bw, bh);
                more.resizeRelocate(Math.round(cx + 1), 3, more.prefWidth(-1), bh);
                less.setDisable(hidden[l] <= 1);
                more.setDisable(hidden[l] >= PlaygroundModel.MAX_UNITS);
            }
        }
        redraw();
    }

    private static double[] columns(double w, int count) {
        double margin = 34;
        double[] xs = new double[count];
        for (int c = 0; c < count; c++) {
            xs[c] = count == 1 ? w / 2 : margin + c * (w - 2 * margin) / (count - 1);
        }
        return xs;
    }

    /** The drawn size of a unit map: as large as the tallest column and the column spacing allow. */
    private double mapSize(double w, double h, int[] hidden) {
        int tallest = Math.max(2, model.classes());
        for (int units : hidden) {
            tallest = Math.max(tallest, units);
        }
        double spacing = (w - 68) / Math.max(1, hidden.length + 1);
        return Math.max(10, Math.min(46, Math.min((h - TOP - 6) / tallest - 4, spacing * 0.62)));
    }

    private double[] rows(double h, int count, double size) {
        double gap = 4;
        double total = count * size + (count - 1) * gap;
        double top = TOP + Math.max(0, (h - TOP - 4 - total) / 2);
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            ys[i] = top + i * (size + gap) + size / 2;
        }
        return ys;
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        Theme.Palette p = theme.palette();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        g.strokeLine(0, 0.5, w, 0.5);
        Mlp net = model.net();
        int[] sizes = net.sizes();
        int[] hidden = model.hiddenSizes();
        double[] xs = columns(w, sizes.length);
        double s = mapSize(w, h, hidden);
        double node = Math.min(s, 22);
        double[][] ys = new double[sizes.length][];
        for (int c = 0; c < sizes.length; c++) {
            boolean unitColumn = c > 0 && c < sizes.length - 1;
            ys[c] = rows(h, sizes[c], unitColumn ? s : node);
        }
        // The weights, scaled by the largest in the network so that thick means large.
        double largest = 1e-9;
        for (int l = 0; l < net.layers(); l++) {
            for (double[] row : net.weights(l)) {
                for (double v : row) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        boolean dark = theme.mode() == Theme.Mode.DARK;
        for (int l = 0; l < net.layers(); l++) {
            double[][] weights = net.weights(l);
            double half0 = (l == 0 ? node : s) / 2;
            double half1 = (l + 1 == sizes.length - 1 ? node : s) / 2;
            for (int j = 0; j < weights.length; j++) {
                for (int i = 0; i < weights[j].length; i++) {
                    double v = weights[j][i];
                    double t = Math.abs(v) / largest;
                    Color base = v >= 0 ? POSITIVE : NEGATIVE;
                    if (dark) {
                        base = base.brighter();
                    }
                    g.setStroke(base.deriveColor(0, 1, 1, 0.18 + 0.62 * t));
                    g.setLineWidth(0.6 + 2.8 * t);
                    g.strokeLine(xs[l] + half0, ys[l][i], xs[l + 1] - half1, ys[l + 1][j]);
                }
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        // Inputs.
        g.setFont(Fonts.regular(12));
        String[] inputs = {"x₁", "x₂"};
        for (int i = 0; i < 2; i++) {
            g.setFill(p.background());
            g.fillOval(xs[0] - node / 2, ys[0][i] - node / 2, node, node);
            g.setStroke(p.axis());
            g.setLineWidth(1.4);
            g.strokeOval(xs[0] - node / 2, ys[0][i] - node / 2, node, node);
            g.setFill(p.text());
            g.fillText(inputs[i], xs[0], ys[0][i]);
        }
        // Hidden units: their maps.
        int unit = 0;
        g.setImageSmoothing(true);
        for (int l = 0; l < hidden.length; l++) {
            for (int u = 0; u < hidden[l]; u++) {
                double x = xs[l + 1] - s / 2;
                double y = ys[l + 1][u] - s / 2;
                if (unit < images.size() && unit < maps.length) {
                    g.drawImage(images.get(unit), x, y, s, s);
                } else {
                    g.setFill(p.gridFaint());
                    g.fillRect(x, y, s, s);
                }
                g.setStroke(p.axis());
                g.setLineWidth(1);
                g.strokeRect(x, y, s, s);
                unit++;
            }
        }
        // Outputs, in their class colours.
        Color[] colors = owner == null ? new Color[]{POSITIVE, NEGATIVE, Color.GREEN, Color.PURPLE}
                : owner.classColors();
        int out = sizes.length - 1;
        g.setFont(Fonts.bold(11.5));
        for (int k = 0; k < sizes[out]; k++) {
            g.setFill(colors[k]);
            g.fillOval(xs[out] - node / 2, ys[out][k] - node / 2, node, node);
            g.setFill(Color.WHITE);
            g.fillText(Integer.toString(k), xs[out], ys[out][k]);
        }
        // Column captions where there is room (the hidden columns carry their buttons instead).
        g.setFont(Fonts.regular(11));
        g.setFill(p.text().deriveColor(0, 1, 1, 0.75));
        g.fillText(i18n.get("playground.diagram.inputs"), xs[0], 14);
        g.fillText(i18n.get("playground.diagram.outputs"), xs[out], 14);
        if (hidden.length == 0) {
            g.fillText(i18n.get("playground.diagram.noHidden"), w / 2, h - 12, w - 16);
        }
    }
}
