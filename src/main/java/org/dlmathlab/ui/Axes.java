package org.dlmathlab.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** Grid lines at "nice" steps (1, 2 or 5 times a power of ten), the two axes and their tick labels. */
public final class Axes {

    private Axes() {
    }

    /** The tick step for a range so that about {@code count} ticks show: 1, 2 or 5 times a power of ten. */
    public static double niceStep(double range, int count) {
        double raw = range / Math.max(1, count);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
    }

    public static void draw(GraphicsContext g, Viewport vp, Theme.Palette p) {
        double stepX = niceStep(vp.maxWorldX() - vp.minWorldX(), (int) Math.max(2, vp.width() / 90));
        double stepY = niceStep(vp.maxWorldY() - vp.minWorldY(), (int) Math.max(2, vp.height() / 70));
        g.setLineWidth(1);
        g.setStroke(p.gridFaint());
        g.setFont(Fonts.regular(11));
        g.setFill(p.axis());
        double axisY = Math.max(0, Math.min(vp.height() - 14, vp.toScreenY(0)));
        double axisX = Math.max(0, Math.min(vp.width() - 40, vp.toScreenX(0)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double x = Math.ceil(vp.minWorldX() / stepX) * stepX; x <= vp.maxWorldX(); x += stepX) {
            double sx = Math.floor(vp.toScreenX(x)) + 0.5;
            g.strokeLine(sx, 0, sx, vp.height());
            // No labels in the last 14 px: half a number at the edge reads as a different number.
            if (Math.abs(x) > stepX / 2 && sx > 14 && sx < vp.width() - 14) {
                g.fillText(Format.num(x, 6), sx, axisY + 2);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double y = Math.ceil(vp.minWorldY() / stepY) * stepY; y <= vp.maxWorldY(); y += stepY) {
            double sy = Math.floor(vp.toScreenY(y)) + 0.5;
            g.strokeLine(0, sy, vp.width(), sy);
            if (Math.abs(y) > stepY / 2 && sy > 10 && sy < vp.height() - 10) {
                g.fillText(Format.num(y, 6), axisX + 3, sy);
            }
        }
        g.setStroke(p.axis());
        g.setLineWidth(1.2);
        double ox = Math.floor(vp.toScreenX(0)) + 0.5;
        double oy = Math.floor(vp.toScreenY(0)) + 0.5;
        g.strokeLine(ox, 0, ox, vp.height());
        g.strokeLine(0, oy, vp.width(), oy);
    }
}
