package org.dlmathlab.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.math.linalg.Matrix2;
import org.dlmathlab.math.linalg.Vec2;

/**
 * Drawing the plane under a 2x2 matrix, shared by every linear-algebra lab: the faint original grid, the image of the
 * grid (x (a, c) + y (b, d) for whole x, y), the unit square's image, arrows and drag handles. Pure drawing: the
 * matrix and vectors come from the caller's model.
 */
public final class PlaneDrawing {

    /** Radius in pixels within which a press grabs a handle. */
    public static final double HANDLE_RADIUS_PX = 11;

    private PlaneDrawing() {
    }

    /** Grid spacing in world units: 1 normally, coarser when zoomed far out so the lines stay apart. */
    public static double gridStep(Viewport vp) {
        double step = 1;
        while (step * vp.scale() < 12) {
            step *= 2;
        }
        return step;
    }

    /** A world length that surely reaches past every edge of the view from the origin, for "infinite" lines. */
    public static double reach(Viewport vp) {
        return Math.hypot(vp.width(), vp.height()) / Math.min(vp.scale(), vp.scaleY())
                + Math.hypot(vp.minWorldX(), vp.minWorldY()) + Math.hypot(vp.maxWorldX(), vp.maxWorldY());
    }

    /** Fills the background and draws the untouched grid with both axes. */
    public static void background(GraphicsContext g, Viewport vp, Theme.Palette p) {
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        double step = gridStep(vp);
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        for (double x = Math.floor(vp.minWorldX() / step) * step; x <= vp.maxWorldX(); x += step) {
            double sx = snap(vp.toScreenX(x));
            g.strokeLine(sx, 0, sx, vp.height());
        }
        for (double y = Math.floor(vp.minWorldY() / step) * step; y <= vp.maxWorldY(); y += step) {
            double sy = snap(vp.toScreenY(y));
            g.strokeLine(0, sy, vp.width(), sy);
        }
        g.setStroke(p.axis());
        g.setLineWidth(1.2);
        double ox = snap(vp.toScreenX(0));
        double oy = snap(vp.toScreenY(0));
        g.strokeLine(ox, 0, ox, vp.height());
        g.strokeLine(0, oy, vp.width(), oy);
    }

    /**
     * The image of the integer grid under {@code m}. Rank 2: the lines x = k and y = k mapped (only those whose image
     * can reach the screen); rank 1: the one line every grid line collapses onto, thick; rank 0: the origin dot.
     */
    public static void transformedGrid(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        Vec2 c1 = m.column1();
        Vec2 c2 = m.column2();
        g.setStroke(p.grid());
        g.setLineWidth(1.3);
        if (m.rank() == 2) {
            Matrix2 inv = m.inverse();
            double kx0 = Double.POSITIVE_INFINITY;
            double kx1 = Double.NEGATIVE_INFINITY;
            double ky0 = Double.POSITIVE_INFINITY;
            double ky1 = Double.NEGATIVE_INFINITY;
            double[][] corners = {{vp.minWorldX(), vp.minWorldY()}, {vp.maxWorldX(), vp.minWorldY()},
                    {vp.minWorldX(), vp.maxWorldY()}, {vp.maxWorldX(), vp.maxWorldY()}};
            for (double[] corner : corners) {
                Vec2 pre = inv.apply(corner[0], corner[1]);
                kx0 = Math.min(kx0, Math.floor(pre.x()));
                kx1 = Math.max(kx1, Math.ceil(pre.x()));
                ky0 = Math.min(ky0, Math.floor(pre.y()));
                ky1 = Math.max(ky1, Math.ceil(pre.y()));
            }
            // A nearly singular matrix stretches the pre-image: thin the lines out rather than draw thousands.
            double stride = Math.max(1, Math.ceil(Math.max(kx1 - kx0, ky1 - ky0) / 160));
            for (double k = Math.floor(kx0 / stride) * stride; k <= kx1; k += stride) {
                line(g, vp, c1.times(k).plus(c2.times(ky0)), c1.times(k).plus(c2.times(ky1)));
            }
            for (double k = Math.floor(ky0 / stride) * stride; k <= ky1; k += stride) {
                line(g, vp, c2.times(k).plus(c1.times(kx0)), c2.times(k).plus(c1.times(kx1)));
            }
        } else if (m.rank() == 1) {
            Vec2 dir = c1.length() >= c2.length() ? c1.normalized() : c2.normalized();
            double reach = reach(vp);
            g.setStroke(p.image());
            g.setLineWidth(3.5);
            line(g, vp, dir.times(-reach), dir.times(reach));
        } else {
            g.setFill(p.image());
            g.fillOval(vp.toScreenX(0) - 6, vp.toScreenY(0) - 6, 12, 12);
        }
    }

    /** The unit square's image, the parallelogram on (a, c) and (b, d), filled in the colour of det's sign. */
    public static void unitSquare(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m) {
        g.setFill(m.det() < 0 ? p.areaNegative() : p.areaPositive());
        parallelogram(g, vp, m.column1(), m.column2());
    }

    /** Fills the parallelogram 0, u, u + v, v with the current fill. */
    public static void parallelogram(GraphicsContext g, Viewport vp, Vec2 u, Vec2 v) {
        Vec2 far = u.plus(v);
        double[] xs = {vp.toScreenX(0), vp.toScreenX(u.x()), vp.toScreenX(far.x()), vp.toScreenX(v.x())};
        double[] ys = {vp.toScreenY(0), vp.toScreenY(u.y()), vp.toScreenY(far.y()), vp.toScreenY(v.y())};
        g.fillPolygon(xs, ys, 4);
    }

    /** The two basis arrows of {@code m} (i-hat in its colour, j-hat in its) with a handle at each tip. */
    public static void basis(GraphicsContext g, Viewport vp, Theme.Palette p, Matrix2 m, boolean handles) {
        arrow(g, vp, Vec2.ZERO, m.column1(), p.ihat(), 3.2, "î");
        arrow(g, vp, Vec2.ZERO, m.column2(), p.jhat(), 3.2, "ĵ");
        if (handles) {
            handle(g, vp, m.column1(), p.ihat());
            handle(g, vp, m.column2(), p.jhat());
        }
    }

    /** An arrow from {@code from} to {@code to} with a filled head; {@code label}, if any, sits past the tip. */
    public static void arrow(GraphicsContext g, Viewport vp, Vec2 from, Vec2 to, Color color, double width,
                             String label) {
        double x0 = vp.toScreenX(from.x());
        double y0 = vp.toScreenY(from.y());
        double x1 = vp.toScreenX(to.x());
        double y1 = vp.toScreenY(to.y());
        double len = Math.hypot(x1 - x0, y1 - y0);
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        if (len < 1) {
            return;
        }
        double head = Math.min(14, len * 0.45) * (0.7 + width / 10);
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        g.strokeLine(x0, y0, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        double half = head * 0.45;
        g.fillPolygon(new double[]{x1, bx - uy * half, bx + uy * half}, new double[]{y1, by + ux * half, by - ux * half},
                3);
        if (label != null) {
            g.setFont(Fonts.bold(15));
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(label, x1 + ux * 14 - uy * 12, y1 + uy * 14 + ux * 12);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** A ring marking a draggable point. */
    public static void handle(GraphicsContext g, Viewport vp, Vec2 at, Color color) {
        double x = vp.toScreenX(at.x());
        double y = vp.toScreenY(at.y());
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.strokeOval(x - 7, y - 7, 14, 14);
    }

    /** The whole line through the origin along {@code dir}, across the view. */
    public static void lineThroughOrigin(GraphicsContext g, Viewport vp, Vec2 dir) {
        Vec2 unit = dir.normalized();
        double reach = reach(vp);
        line(g, vp, unit.times(-reach), unit.times(reach));
    }

    /** The whole line through {@code point} along {@code dir}, across the view. */
    public static void lineThrough(GraphicsContext g, Viewport vp, Vec2 point, Vec2 dir) {
        Vec2 unit = dir.normalized();
        double reach = reach(vp) + point.length();
        line(g, vp, point.minus(unit.times(reach)), point.plus(unit.times(reach)));
    }

    public static void line(GraphicsContext g, Viewport vp, Vec2 from, Vec2 to) {
        g.strokeLine(vp.toScreenX(from.x()), vp.toScreenY(from.y()), vp.toScreenX(to.x()), vp.toScreenY(to.y()));
    }

    /** Whether world point {@code p} lies within the grab radius of world point (x, y). */
    public static boolean near(Viewport vp, Vec2 p, double x, double y) {
        return Math.hypot(p.x() - x, p.y() - y) <= HANDLE_RADIUS_PX / vp.scale();
    }

    /** Centres a 1-px line on a pixel so it stays crisp. */
    public static double snap(double px) {
        return Math.floor(px) + 0.5;
    }
}
