package org.dlmathlab.labs.partials;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.ui.Theme;

/** Colours and small drawing helpers the lab's four pictures share, so a slice or a height looks alike in each. */
final class Look {

    /** Height colours from the lowest band to the highest. */
    private static final Color[] RAMP_LIGHT = {
        Color.web("#fffdf2"), Color.web("#e2efe4"), Color.web("#b5d2dc"), Color.web("#8aadd2"), Color.web("#7585c0")};
    private static final Color[] RAMP_DARK = {
        Color.web("#1a1e26"), Color.web("#1f3a3f"), Color.web("#2b5166"), Color.web("#46669a"), Color.web("#6a6cab")};

    private static final Text MEASURE = new Text();

    private Look() {
    }

    static boolean dark(Theme theme) {
        return theme.mode() == Theme.Mode.DARK;
    }

    /** The slice with y held fixed (it runs along x): green, like i-hat. */
    static Color sliceX(Theme.Palette p) {
        return p.ihat();
    }

    /** The slice with x held fixed (it runs along y): red, like j-hat. */
    static Color sliceY(Theme.Palette p) {
        return p.jhat();
    }

    static Color gradient(Theme.Palette p) {
        return p.image();
    }

    static Color point(Theme.Palette p) {
        return p.probe();
    }

    /** A halo behind lines and text so they read on any band. */
    static Color halo(Theme theme) {
        return dark(theme) ? Color.rgb(0, 0, 0, 0.7) : Color.rgb(255, 255, 255, 0.85);
    }

    /** The colour of each of {@code count} bands, spread over the theme's ramp. */
    static Color[] bands(int count, Theme theme) {
        Color[] ramp = dark(theme) ? RAMP_DARK : RAMP_LIGHT;
        Color[] out = new Color[count];
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 0 : (double) k / (count - 1) * (ramp.length - 1);
            int seg = Math.min(ramp.length - 2, (int) Math.floor(t));
            out[k] = ramp[seg].interpolate(ramp[seg + 1], t - seg);
        }
        return out;
    }

    static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    static double textWidth(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** A translucent rounded panel behind captions. */
    static void panel(GraphicsContext g, Theme.Palette p, double x, double y, double w, double h) {
        g.setFill(p.background().deriveColor(0, 1, 1, 0.86));
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setStroke(p.gridFaint());
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 8, 8);
    }

    /** Text with a halo, left-aligned and vertically centred on y. */
    static void haloText(GraphicsContext g, Theme theme, String s, double x, double y, Color color, Font font) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(halo(theme));
        g.setLineWidth(3.5);
        g.strokeText(s, x, y);
        g.setFill(color);
        g.fillText(s, x, y);
    }

    /**
     * The caption lines at the top left in a panel that fits them (at most the given width; longer lines are
     * squeezed by fillText's max width rather than running off).
     */
    static void caption(GraphicsContext g, Theme.Palette p, String[] lines, Color[] colors, double maxWidth,
                        Font font) {
        double w = 0;
        for (String line : lines) {
            w = Math.max(w, textWidth(line, font));
        }
        w = Math.min(w + 14, maxWidth);
        double lineH = font.getSize() * 1.45;
        panel(g, p, 6, 6, w, lineH * lines.length + 6);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < lines.length; i++) {
            g.setFill(colors[i]);
            g.fillText(lines[i], 13, 9 + lineH * (i + 0.5), w - 14);
        }
    }

    /** The hint line at the bottom left. */
    static void hint(GraphicsContext g, Theme.Palette p, String hint, double width, double height) {
        Font font = org.dlmathlab.ui.Fonts.regular(11.5);
        double w = Math.min(textWidth(hint, font) + 14, width - 12);
        panel(g, p, 6, height - 26, w, 20);
        g.setFont(font);
        g.setFill(p.text().deriveColor(0, 1, 1, 0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(hint, 13, height - 16, w - 14);
    }
}
