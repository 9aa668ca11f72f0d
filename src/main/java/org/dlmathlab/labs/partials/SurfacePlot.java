package org.dlmathlab.labs.partials;

import java.util.Arrays;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.math.calculus.HeightGrid;
import org.dlmathlab.math.calculus.PartialSurface;
import org.dlmathlab.math.linalg.Projection3;
import org.dlmathlab.math.linalg.Vec3;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Viewport;

/**
 * The surface z = f(x, y) in 3D on a plain canvas: shaded quads of the mesh painted back to front (the painter's
 * algorithm), coloured by height like the contour map, over a floor grid; on top, P, its drop line to the floor, the
 * two slice curves through P (green: y fixed, red: x fixed) and their tangents at P, whose slopes are df/dx and
 * df/dy. Dragging turns the camera ({@link Projection3}), the wheel zooms, a double-click or R resets the view.
 *
 * <p>Scene coordinates: X = x / 3 and Y = y / 3 run over [-1, 1]; Z = {@value #HEIGHT} t, with t the height mapped
 * onto [-1, 1] by the mesh's shown range ({@link HeightGrid#normalized}), so every surface fills the same box and
 * heights are scaled to fit. The mesh layer is redrawn only when the camera, the view or the surface change; while P
 * moves only the curves on top are drawn again, and a coarse depth buffer made with the mesh says which parts of them
 * a hill hides (those are drawn faint and dashed).
 */
final class SurfacePlot extends StackPane {

    static final double DEFAULT_YAW = Math.toRadians(-62);
    static final double DEFAULT_PITCH = Math.toRadians(30);
    /** Half the height of the box the surface fills, in scene units (its width is 2). */
    static final double HEIGHT = 0.75;
    private static final double FLOOR = -HEIGHT - 0.12;
    private static final double CAMERA_DISTANCE = 7;
    private static final double RADIANS_PER_PIXEL = 0.01;
    private static final double KEY_TURN = Math.toRadians(5);
    private static final double MIN_PITCH = Math.toRadians(-80);
    private static final double MAX_PITCH = Math.toRadians(88);
    /** Samples along each slice curve. */
    private static final int CURVE_SAMPLES = 121;
    /** How far (scene units) a curve point may lie behind the mesh and still count as on top of it. */
    private static final double DEPTH_SLACK = 0.035;
    private static final int DEPTH_CELL = 3;

    private final PartialsModel model;
    private final I18n i18n;
    private final Theme theme;
    private final Supplier<SurfaceInfo> info;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-1.5, 1.5, -1.2, 1.25, true));
    private final Canvas backdrop = new Canvas();
    private final DoubleProperty yaw = new SimpleDoubleProperty(this, "yaw", DEFAULT_YAW);
    private final DoubleProperty pitch = new SimpleDoubleProperty(this, "pitch", DEFAULT_PITCH);
    private boolean backdropDirty = true;
    private long meshPaints;
    private double lastX;
    private double lastY;

    // What the mesh layer was drawn for.
    private SurfaceInfo builtFor;
    private double builtYaw = Double.NaN;
    private double builtPitch = Double.NaN;
    private double builtMinX;
    private double builtMaxX;
    private double builtMinY;
    private double builtMaxY;
    private double builtWidth;
    private double builtHeight;
    private Theme.Mode builtMode;
    private DepthBuffer depth;

    SurfacePlot(PartialsModel model, I18n i18n, Theme theme, Supplier<SurfaceInfo> info) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.info = info;
        backdrop.setManaged(false);
        backdrop.setMouseTransparent(true);
        getChildren().addAll(backdrop, plot);
        setAlignment(Pos.TOP_LEFT);
        setMinSize(140, 120);
        plot.setMinSize(140, 120);
        plot.setId("partials-surface");
        plot.setPainter(this::paint);
        plot.setInteraction(new Orbit());
        yaw.addListener(o -> plot.requestRedraw());
        pitch.addListener(o -> plot.requestRedraw());
        plot.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        plot.canvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
                resetView();
            }
        });
    }

    PlotCanvas plot() {
        return plot;
    }

    DoubleProperty yawProperty() {
        return yaw;
    }

    DoubleProperty pitchProperty() {
        return pitch;
    }

    /** How many times the mesh layer was painted: per camera, view, surface, theme or language, not per move of P. */
    long meshPaints() {
        return meshPaints;
    }

    Projection3 camera() {
        return new Projection3(yaw.get(), pitch.get(), CAMERA_DISTANCE);
    }

    void resetView() {
        yaw.set(DEFAULT_YAW);
        pitch.set(DEFAULT_PITCH);
        plot.resetView();
    }

    void invalidateBackdrop() {
        backdropDirty = true;
        plot.requestRedraw();
    }

    private void turn(double dYaw, double dPitch) {
        yaw.set(Math.IEEEremainder(yaw.get() + dYaw, 2 * Math.PI));
        pitch.set(Math.max(MIN_PITCH, Math.min(MAX_PITCH, pitch.get() + dPitch)));
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> turn(KEY_TURN, 0);
            case RIGHT -> turn(-KEY_TURN, 0);
            case UP -> turn(0, KEY_TURN);
            case DOWN -> turn(0, -KEY_TURN);
            case R, DIGIT0, NUMPAD0, HOME -> resetView();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Dragging turns the camera: sideways about the vertical axis, up and down in elevation. */
    private final class Orbit implements PlotCanvas.Interaction {
        @Override
        public boolean press(double x, double y, MouseEvent event) {
            lastX = event.getX();
            lastY = event.getY();
            return true;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            turn(-(event.getX() - lastX) * RADIANS_PER_PIXEL, (event.getY() - lastY) * RADIANS_PER_PIXEL);
            lastX = event.getX();
            lastY = event.getY();
        }

        @Override
        public void release() {
            // The camera was turned while dragging.
        }

        @Override
        public Cursor hover(double x, double y) {
            return Cursor.OPEN_HAND;
        }
    }

    // ---- drawing ------------------------------------------------------------------------------------------------

    /** The scene point of (x, y) at height value v. */
    private static Vec3 scene(HeightGrid mesh, double x, double y, double v) {
        return new Vec3(x / PartialsModel.LIMIT, y / PartialsModel.LIMIT, HEIGHT * mesh.normalized(v));
    }

    private void paint(GraphicsContext g, Viewport vp) {
        double w = vp.width();
        double h = vp.height();
        if (w < 2 || h < 2) {
            return;
        }
        SurfaceInfo s = info.get();
        if (backdrop.getWidth() != w || backdrop.getHeight() != h) {
            backdrop.setWidth(w);
            backdrop.setHeight(h);
            backdropDirty = true;
        }
        if (backdropDirty || s != builtFor || yaw.get() != builtYaw || pitch.get() != builtPitch
                || vp.minWorldX() != builtMinX || vp.maxWorldX() != builtMaxX || vp.minWorldY() != builtMinY
                || vp.maxWorldY() != builtMaxY || w != builtWidth || h != builtHeight || theme.mode() != builtMode) {
            backdropDirty = false;
            builtFor = s;
            builtYaw = yaw.get();
            builtPitch = pitch.get();
            builtMinX = vp.minWorldX();
            builtMaxX = vp.maxWorldX();
            builtMinY = vp.minWorldY();
            builtMaxY = vp.maxWorldY();
            builtWidth = w;
            builtHeight = h;
            builtMode = theme.mode();
            paintMesh(backdrop.getGraphicsContext2D(), vp, s);
        }
        g.clearRect(0, 0, w, h);
        paintOverlay(g, vp, s);
    }

    private void paintMesh(GraphicsContext g, Viewport vp, SurfaceInfo s) {
        meshPaints++;
        Theme.Palette p = theme.palette();
        Projection3 cam = camera();
        HeightGrid mesh = s.mesh;
        int n = mesh.cells();
        int m = n + 1;
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        drawFloor(g, vp, p, cam);

        // Every corner projected once.
        double[] sx = new double[m * m];
        double[] sy = new double[m * m];
        double[] sd = new double[m * m];
        Vec3[] world = new Vec3[m * m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                int k = j * m + i;
                double v = mesh.value(i, j);
                if (Double.isNaN(v)) {
                    sd[k] = Double.NaN;
                    continue;
                }
                world[k] = scene(mesh, mesh.x(i), mesh.y(j), v);
                Projection3.Projected q = cam.project(world[k]);
                sx[k] = vp.toScreenX(q.x());
                sy[k] = vp.toScreenY(q.y());
                sd[k] = q.depth();
            }
        }
        // Quads with four defined corners, far ones first.
        int[] order = new int[n * n];
        double[] key = new double[n * n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * m + i;
                double d = sd[k] + sd[k + 1] + sd[k + m] + sd[k + m + 1];
                if (!Double.isNaN(d)) {
                    order[count] = j * n + i;
                    key[count] = d;
                    count++;
                }
            }
        }
        Integer[] sorted = new Integer[count];
        for (int c = 0; c < count; c++) {
            sorted[c] = c;
        }
        final double[] keys = key;
        Arrays.sort(sorted, (a, b) -> Double.compare(keys[a], keys[b]));

        depth = new DepthBuffer(vp.width(), vp.height(), DEPTH_CELL);
        Color[] bands = Look.bands(s.levels.length, theme);
        Vec3 towards = cam.towardsViewer();
        Vec3 light = cam.right().times(-0.35).plus(cam.up().times(0.7)).plus(towards.times(0.6)).normalized();
        boolean dark = Look.dark(theme);
        Color edge = p.text().deriveColor(0, 1, 1, dark ? 0.22 : 0.2);
        g.setLineWidth(0.6);
        g.setLineJoin(StrokeLineJoin.BEVEL);
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (Integer c : sorted) {
            int q = order[c];
            int i = q % n;
            int j = q / n;
            int k00 = j * m + i;
            int k10 = k00 + 1;
            int k11 = k00 + m + 1;
            int k01 = k00 + m;
            xs[0] = sx[k00];
            xs[1] = sx[k10];
            xs[2] = sx[k11];
            xs[3] = sx[k01];
            ys[0] = sy[k00];
            ys[1] = sy[k10];
            ys[2] = sy[k11];
            ys[3] = sy[k01];
            Vec3 normal = world[k11].minus(world[k00]).cross(world[k01].minus(world[k10])).normalized();
            if (normal.z() < 0) {
                normal = normal.times(-1);
            }
            double lambert = Math.abs(normal.dot(light));
            double mean = (mesh.value(i, j) + mesh.value(i + 1, j) + mesh.value(i + 1, j + 1)
                    + mesh.value(i, j + 1)) / 4;
            int band = s.band(mean);
            Color base = band < 0 ? p.gridFaint() : bands[band];
            if (dark) {
                base = base.interpolate(Color.WHITE, 0.12);
            }
            double shade = 0.62 + 0.38 * lambert;
            if (normal.dot(towards) < 0) {
                // The underside: a little darker, so it reads as the other face.
                shade *= 0.8;
            }
            Color fill = Color.color(base.getRed() * shade, base.getGreen() * shade, base.getBlue() * shade);
            g.setFill(fill);
            g.fillPolygon(xs, ys, 4);
            g.setStroke(edge);
            g.strokePolygon(xs, ys, 4);
            depth.triangle(sx[k00], sy[k00], sd[k00], sx[k10], sy[k10], sd[k10], sx[k11], sy[k11], sd[k11]);
            depth.triangle(sx[k00], sy[k00], sd[k00], sx[k11], sy[k11], sd[k11], sx[k01], sy[k01], sd[k01]);
        }
        Look.hint(g, p, i18n.get(vp.width() >= 420 ? "partials.surface.hint" : "partials.surface.hintShort"),
                vp.width(), vp.height());
    }

    /** The floor under the surface: a grid at whole x and y, the axes through 0 a little stronger, named. */
    private void drawFloor(GraphicsContext g, Viewport vp, Theme.Palette p, Projection3 cam) {
        double lim = PartialsModel.LIMIT;
        g.setLineCap(StrokeLineCap.ROUND);
        for (int k = -3; k <= 3; k++) {
            double t = k / lim;
            g.setStroke(k == 0 ? p.axis().deriveColor(0, 1, 1, 0.7) : p.grid().deriveColor(0, 1, 1, 0.6));
            g.setLineWidth(k == 0 ? 1.3 : 0.8);
            line3(g, vp, cam, new Vec3(t, -1, FLOOR), new Vec3(t, 1, FLOOR));
            line3(g, vp, cam, new Vec3(-1, t, FLOOR), new Vec3(1, t, FLOOR));
        }
        g.setFont(Fonts.bold(13));
        g.setFill(p.axis());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        Projection3.Projected ex = cam.project(new Vec3(1.16, 0, FLOOR));
        Projection3.Projected ey = cam.project(new Vec3(0, 1.16, FLOOR));
        g.fillText("x", vp.toScreenX(ex.x()), vp.toScreenY(ex.y()));
        g.fillText("y", vp.toScreenX(ey.x()), vp.toScreenY(ey.y()));
    }

    private static void line3(GraphicsContext g, Viewport vp, Projection3 cam, Vec3 a, Vec3 b) {
        Projection3.Projected pa = cam.project(a);
        Projection3.Projected pb = cam.project(b);
        g.strokeLine(vp.toScreenX(pa.x()), vp.toScreenY(pa.y()), vp.toScreenX(pb.x()), vp.toScreenY(pb.y()));
    }

    /** P, its drop line, the two slices and their tangents: what moves with P. */
    private void paintOverlay(GraphicsContext g, Viewport vp, SurfaceInfo s) {
        Theme.Palette p = theme.palette();
        Projection3 cam = camera();
        HeightGrid mesh = s.mesh;
        PartialSurface f = s.surface;
        double x0 = model.x();
        double y0 = model.y();
        double lim = PartialsModel.LIMIT;
        Color halo = Look.halo(theme);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double[] xs = new double[CURVE_SAMPLES];
        double[] ys = new double[CURVE_SAMPLES];
        boolean[] shown = new boolean[CURVE_SAMPLES];
        boolean[] defined = new boolean[CURVE_SAMPLES];
        for (int curve = 0; curve < 2; curve++) {
            boolean alongX = curve == 0;
            for (int k = 0; k < CURVE_SAMPLES; k++) {
                double t = -lim + 2 * lim * k / (CURVE_SAMPLES - 1);
                double x = alongX ? t : x0;
                double y = alongX ? y0 : t;
                double v = f.value(x, y);
                defined[k] = !Double.isNaN(v);
                if (!defined[k]) {
                    continue;
                }
                Projection3.Projected q = cam.project(scene(mesh, x, y, v));
                xs[k] = vp.toScreenX(q.x());
                ys[k] = vp.toScreenY(q.y());
                shown[k] = depth == null || depth.visible(xs[k], ys[k], q.depth(), DEPTH_SLACK);
            }
            Color colour = alongX ? Look.sliceX(p) : Look.sliceY(p);
            // Hidden stretches first, faint and dashed; then the visible ones with a halo.
            g.setLineDashes(4, 5);
            strokeRuns(g, xs, ys, defined, shown, false, colour.deriveColor(0, 1, 1, 0.55), 1.6);
            g.setLineDashes();
            strokeRuns(g, xs, ys, defined, shown, true, halo, 5);
            strokeRuns(g, xs, ys, defined, shown, true, colour, 2.6);
        }

        String caption = i18n.get(mesh.clipped() ? "partials.surface.captionClipped" : "partials.surface.caption");
        Look.caption(g, p, new String[]{caption}, new Color[]{p.text()}, Math.max(100, vp.width() - 12),
                Fonts.regular(11.5));
        double value = f.value(x0, y0);
        if (Double.isNaN(value)) {
            return;
        }
        Vec3 top = scene(mesh, x0, y0, value);
        Projection3.Projected pt = cam.project(top);
        Projection3.Projected foot = cam.project(new Vec3(top.x(), top.y(), FLOOR));
        double px = vp.toScreenX(pt.x());
        double py = vp.toScreenY(pt.y());
        // The drop line from P to the floor, where P's (x, y) is.
        g.setStroke(p.text().deriveColor(0, 1, 1, 0.6));
        g.setLineWidth(1.2);
        g.setLineDashes(3, 4);
        g.strokeLine(px, py, vp.toScreenX(foot.x()), vp.toScreenY(foot.y()));
        g.setLineDashes();
        g.setFill(p.text().deriveColor(0, 1, 1, 0.6));
        g.fillOval(vp.toScreenX(foot.x()) - 3, vp.toScreenY(foot.y()) - 3, 6, 6);

        // The tangents of the two slices at P: slopes df/dx and df/dy, in the scaled heights of the picture.
        boolean inRange = value >= mesh.low() && value <= mesh.high();
        if (inRange) {
            double perUnit = HEIGHT / ((mesh.high() - mesh.low()) / 2);
            tangent(g, vp, cam, top, new Vec3(1 / lim, 0, f.dx(x0, y0) * perUnit), Look.sliceX(p), halo);
            tangent(g, vp, cam, top, new Vec3(0, 1 / lim, f.dy(x0, y0) * perUnit), Look.sliceY(p), halo);
        }
        boolean visible = depth == null || depth.visible(px, py, pt.depth(), DEPTH_SLACK);
        g.setFill(halo);
        g.fillOval(px - 7, py - 7, 14, 14);
        g.setFill(visible ? Look.point(p) : Look.point(p).deriveColor(0, 1, 1, 0.5));
        g.fillOval(px - 5, py - 5, 10, 10);
        g.setStroke(p.text());
        g.setLineWidth(1.1);
        g.strokeOval(px - 5, py - 5, 10, 10);
        Look.haloText(g, theme, "P", px + 9, py - 10, p.text(), Fonts.bold(12.5));
    }

    /** A short stretch of the tangent line through P along the given scene direction. */
    private void tangent(GraphicsContext g, Viewport vp, Projection3 cam, Vec3 at, Vec3 dir, Color colour,
                         Color halo) {
        Vec3 u = dir.normalized().times(0.3);
        Projection3.Projected a = cam.project(at.minus(u));
        Projection3.Projected b = cam.project(at.plus(u));
        double ax = vp.toScreenX(a.x());
        double ay = vp.toScreenY(a.y());
        double bx = vp.toScreenX(b.x());
        double by = vp.toScreenY(b.y());
        g.setStroke(halo);
        g.setLineWidth(5.5);
        g.strokeLine(ax, ay, bx, by);
        g.setStroke(colour.darker());
        g.setLineWidth(3);
        g.strokeLine(ax, ay, bx, by);
    }

    /**
     * Strokes the segments between consecutive defined samples that are (with {@code visible}) both in front of the
     * mesh, or (without) not both in front, joining neighbouring segments into runs.
     */
    private static void strokeRuns(GraphicsContext g, double[] xs, double[] ys, boolean[] defined, boolean[] shown,
                                   boolean visible, Color colour, double width) {
        g.beginPath();
        boolean pen = false;
        for (int k = 1; k < xs.length; k++) {
            boolean ours = defined[k - 1] && defined[k] && (shown[k - 1] && shown[k]) == visible;
            if (!ours) {
                pen = false;
                continue;
            }
            if (!pen) {
                g.moveTo(xs[k - 1], ys[k - 1]);
                pen = true;
            }
            g.lineTo(xs[k], ys[k]);
        }
        g.setStroke(colour);
        g.setLineWidth(width);
        g.stroke();
    }
}
