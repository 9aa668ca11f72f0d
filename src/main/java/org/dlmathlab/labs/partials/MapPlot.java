package org.dlmathlab.labs.partials;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.math.calculus.LevelLines;
import org.dlmathlab.math.calculus.PartialSurface;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.math.optim.ContourGrid;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.PlaneDrawing;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Viewport;

/**
 * The contour map of f with P on it: filled colour bands (one colour per height band, shared with the 3D surface),
 * the level line through P, the two slice lines through P (horizontal: y fixed, green; vertical: x fixed, red), the
 * gradient arrow at P with its length and a right-angle mark against the contour's tangent, and on demand a field of
 * small gradient arrows.
 *
 * <p>Two layers: the backdrop canvas holds the band image, the axes, the arrow field, the colour legend and the hint,
 * and is redrawn only when the surface, the view, the size, the theme, the language or the field switch change; the
 * plot canvas above it holds what follows P and is the only thing redrawn while P is dragged.
 */
final class MapPlot extends StackPane {

    /** Drags put P on multiples of this unless Shift is held. */
    static final double SNAP = 0.05;
    /** Spacing of the field's arrows in pixels. */
    private static final double FIELD_SPACING = 44;
    /** Half the length of the drawn contour tangent, world units. */
    private static final double TANGENT_HALF = 0.8;

    private final PartialsModel model;
    private final I18n i18n;
    private final Theme theme;
    private final Supplier<SurfaceInfo> info;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-3.3, 3.3, -3.3, 3.3, true));
    private final Canvas backdrop = new Canvas();
    private boolean backdropDirty = true;
    private long backdropPaints;

    // The band image and what it was built for.
    private WritableImage image;
    private int[] pixels;
    private LevelLines levelLines;
    private SurfaceInfo builtFor;
    private double builtMinX;
    private double builtMaxX;
    private double builtMinY;
    private double builtMaxY;
    private double builtWidth;
    private double builtHeight;
    private Theme.Mode builtMode;
    private long imageBuilds;

    MapPlot(PartialsModel model, I18n i18n, Theme theme, Supplier<SurfaceInfo> info) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.info = info;
        backdrop.setManaged(false);
        backdrop.setMouseTransparent(true);
        getChildren().addAll(backdrop, plot);
        setAlignment(Pos.TOP_LEFT);
        setMinSize(140, 140);
        plot.setMinSize(140, 140);
        plot.setId("partials-map");
        plot.setPainter(this::paint);
        plot.setInteraction(new MovePoint());
    }

    PlotCanvas plot() {
        return plot;
    }

    /** How many times the band image was computed: per surface, view, size and theme, never per move of P. */
    long imageBuilds() {
        return imageBuilds;
    }

    long backdropPaints() {
        return backdropPaints;
    }

    /** The backdrop's text or arrows changed (language, field switch, theme): draw it again on the next pulse. */
    void invalidateBackdrop() {
        backdropDirty = true;
        plot.requestRedraw();
    }

    void resetView() {
        plot.resetView();
    }

    // ---- mouse --------------------------------------------------------------------------------------------------

    /** A press anywhere puts P there and keeps it under the mouse while dragging (snapped unless Shift is held). */
    private final class MovePoint implements PlotCanvas.Interaction {
        @Override
        public boolean press(double x, double y, MouseEvent event) {
            move(x, y, event.isShiftDown());
            return true;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            move(x, y, event.isShiftDown());
        }

        @Override
        public void release() {
            // P was moved while dragging.
        }

        @Override
        public Cursor hover(double x, double y) {
            return PlaneDrawing.near(plot.viewport(), new Vec2(model.x(), model.y()), x, y) ? Cursor.HAND
                    : Cursor.CROSSHAIR;
        }
    }

    private void move(double x, double y, boolean free) {
        model.moveTo(free ? x : snap(x), free ? y : snap(y));
    }

    /** v on the nearest multiple of {@link #SNAP}, printed and read back so 1.05 is 1.05, not 1.0500000000000003. */
    static double snap(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", Math.round(v / SNAP) * SNAP));
    }

    // ---- drawing ------------------------------------------------------------------------------------------------

    private void paint(GraphicsContext g, Viewport vp) {
        double w = vp.width();
        double h = vp.height();
        if (w < 2 || h < 2) {
            return;
        }
        SurfaceInfo s = info.get();
        ensureImage(vp, s);
        if (backdrop.getWidth() != w || backdrop.getHeight() != h) {
            backdrop.setWidth(w);
            backdrop.setHeight(h);
            backdropDirty = true;
        }
        if (backdropDirty) {
            backdropDirty = false;
            paintBackdrop(backdrop.getGraphicsContext2D(), vp, s);
        }
        g.clearRect(0, 0, w, h);
        paintOverlay(g, vp, s);
    }

    /** Rebuilds the band image (and the grid the level line is traced on) when the surface or the view changed. */
    private void ensureImage(Viewport vp, SurfaceInfo s) {
        if (image != null && s == builtFor && vp.minWorldX() == builtMinX && vp.maxWorldX() == builtMaxX
                && vp.minWorldY() == builtMinY && vp.maxWorldY() == builtMaxY && vp.width() == builtWidth
                && vp.height() == builtHeight && theme.mode() == builtMode) {
            return;
        }
        builtFor = s;
        builtMinX = vp.minWorldX();
        builtMaxX = vp.maxWorldX();
        builtMinY = vp.minWorldY();
        builtMaxY = vp.maxWorldY();
        builtWidth = vp.width();
        builtHeight = vp.height();
        builtMode = theme.mode();
        backdropDirty = true;
        imageBuilds++;

        // Half the canvas resolution for the bands (smooth shapes), a quarter for the traced level line.
        int nx = Math.max(1, (int) Math.ceil(builtWidth / 2));
        int ny = Math.max(1, (int) Math.ceil(builtHeight / 2));
        ContourGrid grid = ContourGrid.sample(s.surface.f(), builtMinX, builtMaxX, builtMinY, builtMaxY, nx, ny);
        levelLines = new LevelLines(ContourGrid.sample(s.surface.f(), builtMinX, builtMaxX, builtMinY, builtMaxY,
                Math.max(8, (int) Math.ceil(builtWidth / 4)), Math.max(8, (int) Math.ceil(builtHeight / 4))));
        Color[] bands = Look.bands(s.levels.length, theme);
        int[] fill = new int[bands.length];
        int[] edge = new int[bands.length];
        for (int k = 0; k < bands.length; k++) {
            fill[k] = Look.argb(bands[k]);
            edge[k] = Look.argb(Look.dark(theme) ? bands[k].interpolate(Color.WHITE, 0.14)
                    : bands[k].interpolate(Color.web("#23303f"), 0.16));
        }
        int[] band = new int[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                band[j * nx + i] = s.band(grid.value(i, j));
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
                // A sample whose right or lower neighbour lies in another band is on a level line.
                boolean onEdge = (i + 1 < nx && band[j * nx + i + 1] != k)
                        || (j + 1 < ny && band[(j + 1) * nx + i] != k);
                pixels[j * nx + i] = onEdge ? edge[k] : fill[k];
            }
        }
        if (image == null || (int) image.getWidth() != nx || (int) image.getHeight() != ny) {
            image = new WritableImage(nx, ny);
        }
        image.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), pixels, 0, nx);
    }

    private void paintBackdrop(GraphicsContext g, Viewport vp, SurfaceInfo s) {
        backdropPaints++;
        Theme.Palette p = theme.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        veilOutsideSquare(g, vp, p);
        if (model.field()) {
            drawField(g, vp, p, s.surface);
        }
        drawColourBar(g, vp, p, s);
        Look.hint(g, p, i18n.get(vp.width() >= 560 ? "partials.map.hint" : "partials.map.hintShort"),
                vp.width(), vp.height());
    }

    /** Dims the map outside the square P may move in, and outlines the square. */
    private void veilOutsideSquare(GraphicsContext g, Viewport vp, Theme.Palette p) {
        double lim = PartialsModel.LIMIT;
        double x0 = vp.toScreenX(-lim);
        double x1 = vp.toScreenX(lim);
        double y0 = vp.toScreenY(lim);
        double y1 = vp.toScreenY(-lim);
        double w = vp.width();
        double h = vp.height();
        g.setFill(p.background().deriveColor(0, 1, 1, 0.7));
        g.fillRect(0, 0, w, Math.max(0, y0));
        g.fillRect(0, Math.max(0, y1), w, Math.max(0, h - y1));
        double top = Math.max(0, y0);
        double bottom = Math.min(h, y1);
        if (bottom > top) {
            g.fillRect(0, top, Math.max(0, x0), bottom - top);
            g.fillRect(Math.max(0, x1), top, Math.max(0, w - x1), bottom - top);
        }
        g.setStroke(p.axis().deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(1);
        g.strokeRect(x0, y0, x1 - x0, y1 - y0);
    }

    /** Small arrows along grad f (uphill) on a grid; length grows like the square root of |grad f|. */
    private void drawField(GraphicsContext g, Viewport vp, Theme.Palette p, PartialSurface f) {
        int cols = (int) Math.max(1, Math.floor(vp.width() / FIELD_SPACING));
        int rows = (int) Math.max(1, Math.floor(vp.height() / FIELD_SPACING));
        double dx = vp.width() / cols;
        double dy = vp.height() / rows;
        double[][] grads = new double[rows * cols][];
        double largest = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double wx = vp.toWorldX((c + 0.5) * dx);
                double wy = vp.toWorldY((r + 0.5) * dy);
                double gx = f.dx(wx, wy);
                double gy = f.dy(wx, wy);
                double norm = Math.hypot(gx, gy);
                if (Double.isFinite(norm) && norm > 1e-12) {
                    grads[r * cols + c] = new double[]{gx / norm, gy / norm, norm};
                    largest = Math.max(largest, norm);
                }
            }
        }
        Color colour = Look.gradient(p).deriveColor(0, 1, 1, 0.75);
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(1.4);
        g.setLineCap(StrokeLineCap.ROUND);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double[] a = grads[r * cols + c];
                if (a == null) {
                    continue;
                }
                double len = Math.min(dx, dy) * 0.75 * (0.25 + 0.75 * Math.sqrt(a[2] / largest));
                // Uphill is +grad f; screen y points down, so the y part flips.
                double ux = a[0];
                double uy = -a[1];
                double cx = (c + 0.5) * dx;
                double cy = (r + 0.5) * dy;
                double x0 = cx - ux * len / 2;
                double y0 = cy - uy * len / 2;
                double x1 = cx + ux * len / 2;
                double y1 = cy + uy * len / 2;
                double head = Math.min(6, len * 0.45);
                g.strokeLine(x0, y0, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
                double bx = x1 - ux * head;
                double by = y1 - uy * head;
                g.fillPolygon(new double[]{x1, bx - uy * head * 0.5, bx + uy * head * 0.5},
                        new double[]{y1, by + ux * head * 0.5, by - ux * head * 0.5}, 3);
            }
        }
    }

    /** The colour legend: one swatch per band with the f value where it begins, highest on top. */
    private void drawColourBar(GraphicsContext g, Viewport vp, Theme.Palette p, SurfaceInfo s) {
        int bands = s.levels.length;
        if (bands == 0 || vp.width() < 460 || vp.height() < 260) {
            return;
        }
        Color[] colours = Look.bands(bands, theme);
        double swatch = Math.max(7, Math.min(15, (vp.height() - 120) / bands));
        double barW = 13;
        Font font = Fonts.regular(10.5);
        String[] labels = new String[bands];
        double labelW = 0;
        for (int k = 0; k < bands; k++) {
            labels[k] = significant(s.levels[k]);
            labelW = Math.max(labelW, Look.textWidth(labels[k], font));
        }
        String title = i18n.get("partials.map.legend");
        double boxW = Math.max(labelW + barW + 16, Look.textWidth(title, Fonts.bold(10.5)) + 12);
        double boxH = swatch * bands + 30;
        double bx = vp.width() - boxW - 6;
        double by = 6;
        Look.panel(g, p, bx, by, boxW, boxH);
        g.setFont(Fonts.bold(10.5));
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, bx + 6, by + 5);
        double barX = bx + boxW - barW - 6;
        double top = by + 22;
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < bands; k++) {
            double y = top + (bands - 1 - k) * swatch;
            g.setFill(colours[k]);
            g.fillRect(barX, y, barW, swatch);
            g.setFill(p.text());
            g.fillText(labels[k], barX - 4, y + swatch);
        }
        g.setStroke(p.axis());
        g.setLineWidth(0.8);
        g.strokeRect(barX, top, barW, swatch * bands);
    }

    /** About three significant digits: 9358, 14.1, 0.00512. */
    static String significant(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return Format.num(v, 0);
        }
        int decimals = (int) Math.max(0, Math.min(8, 2 - Math.floor(Math.log10(Math.abs(v)))));
        return Format.num(v, decimals);
    }

    /** Everything that follows P: cheap (a traced level line, a few lines, an arrow), drawn on every move. */
    private void paintOverlay(GraphicsContext g, Viewport vp, SurfaceInfo s) {
        Theme.Palette p = theme.palette();
        Color halo = Look.halo(theme);
        PartialSurface f = s.surface;
        double x = model.x();
        double y = model.y();
        double value = f.value(x, y);
        double gx = f.dx(x, y);
        double gy = f.dy(x, y);
        double norm = Math.hypot(gx, gy);
        double px = vp.toScreenX(x);
        double py = vp.toScreenY(y);
        g.setLineCap(StrokeLineCap.ROUND);

        // The two slices through P: the line y = y0 (x varies) and the line x = x0 (y varies).
        haloLine(g, halo, 0, py, vp.width(), py, Look.sliceX(p), 1.8);
        haloLine(g, halo, px, 0, px, vp.height(), Look.sliceY(p), 1.8);

        // The level line through P: every point where f has the same value as at P.
        if (Double.isFinite(value)) {
            double[] seg = levelLines.trace(value);
            g.beginPath();
            for (int k = 0; k + 3 < seg.length; k += 4) {
                g.moveTo(vp.toScreenX(seg[k]), vp.toScreenY(seg[k + 1]));
                g.lineTo(vp.toScreenX(seg[k + 2]), vp.toScreenY(seg[k + 3]));
            }
            g.setStroke(halo);
            g.setLineWidth(4.2);
            g.stroke();
            g.setStroke(p.text());
            g.setLineWidth(2);
            g.stroke();
        }

        boolean flat = norm <= 1e-9;
        if (Double.isFinite(norm) && !flat) {
            double ux = gx / norm;
            double uy = gy / norm;
            // The contour's tangent at P, perpendicular to the gradient.
            g.setLineDashes(6, 4);
            haloLine(g, halo, vp.toScreenX(x + uy * TANGENT_HALF), vp.toScreenY(y - ux * TANGENT_HALF),
                    vp.toScreenX(x - uy * TANGENT_HALF), vp.toScreenY(y + ux * TANGENT_HALF), p.text(), 1.4);
            g.setLineDashes();
            // The right-angle mark between the tangent and the gradient (screen directions; the aspect is locked).
            double m = 9;
            double sgx = ux;
            double sgy = -uy;
            double stx = -uy;
            double sty = -ux;
            g.setStroke(p.text());
            g.setLineWidth(1.2);
            g.strokePolyline(new double[]{px + m * stx, px + m * (stx + sgx), px + m * sgx},
                    new double[]{py + m * sty, py + m * (sty + sgy), py + m * sgy}, 3);
            // The gradient arrow, drawn at arrowScale of its true length.
            Vec2 from = new Vec2(x, y);
            Vec2 to = new Vec2(x + gx * s.arrowScale, y + gy * s.arrowScale);
            PlaneDrawing.arrow(g, vp, from, to, halo, 5.2, null);
            PlaneDrawing.arrow(g, vp, from, to, Look.gradient(p), 3, null);
            String label = "|∇f| = " + Format.num(norm, 3);
            double tipX = vp.toScreenX(to.x());
            double tipY = vp.toScreenY(to.y());
            Font font = Fonts.bold(12.5);
            double lw = Look.textWidth(label, font);
            double lx = tipX + sgx * 12 + (sgx < -0.3 ? -lw : sgx < 0.3 ? -lw / 2 : 0);
            double ly = tipY + sgy * 12;
            lx = Math.max(4, Math.min(vp.width() - lw - 4, lx));
            ly = Math.max(12, Math.min(vp.height() - 36, ly));
            Look.haloText(g, theme, label, lx, ly, Look.gradient(p), font);
        } else if (flat) {
            Look.haloText(g, theme, i18n.get("partials.map.flat"), px + 11, py - 12, Look.gradient(p),
                    Fonts.bold(12.5));
        }

        // P itself.
        g.setFill(halo);
        g.fillOval(px - 7.5, py - 7.5, 15, 15);
        g.setFill(Look.point(p));
        g.fillOval(px - 5.5, py - 5.5, 11, 11);
        g.setStroke(p.text());
        g.setLineWidth(1.2);
        g.strokeOval(px - 5.5, py - 5.5, 11, 11);
        Look.haloText(g, theme, "P", px - 17, py + 11, p.text(), Fonts.bold(12.5));

        drawCaption(g, vp, p, s, value, gx, gy, norm);
    }

    private void drawCaption(GraphicsContext g, Viewport vp, Theme.Palette p, SurfaceInfo s, double value, double gx,
                             double gy, double norm) {
        String line1 = i18n.get("partials.map.caption.point", Format.num(model.x(), 3), Format.num(model.y(), 3),
                Format.num(value, 3));
        String line2 = i18n.get("partials.map.caption.gradient", Format.num(gx, 3), Format.num(gy, 3),
                Format.num(norm, 3));
        boolean scaled = s.arrowScale != 1 && norm > 1e-9 && Double.isFinite(norm);
        // A roomy map says how the arrow is scaled on a line of its own; a small one in a few words on line 2.
        boolean roomy = vp.width() >= 420 && vp.height() >= 300;
        if (scaled && !roomy) {
            line2 += "  " + i18n.get("partials.map.caption.scaleShort", fraction(s.arrowScale));
        }
        String[] lines = scaled && roomy
                ? new String[]{line1, line2, i18n.get("partials.map.caption.scale", fraction(s.arrowScale))}
                : new String[]{line1, line2};
        Color[] colours = scaled && roomy ? new Color[]{p.text(), Look.gradient(p), p.text()}
                : new Color[]{p.text(), Look.gradient(p)};
        double legendRoom = vp.width() >= 460 && vp.height() >= 260 ? 90 : 12;
        Look.caption(g, p, lines, colours, Math.max(120, vp.width() - legendRoom), Fonts.regular(12.5));
    }

    /** 1/2, 1/4, ... as "1/4". */
    private static String fraction(double scale) {
        return "1/" + Math.round(1 / scale);
    }

    private static void haloLine(GraphicsContext g, Color halo, double x0, double y0, double x1, double y1,
                                 Color colour, double width) {
        g.setStroke(halo);
        g.setLineWidth(width + 2.4);
        g.strokeLine(x0, y0, x1, y1);
        g.setStroke(colour);
        g.setLineWidth(width);
        g.strokeLine(x0, y0, x1, y1);
    }
}
