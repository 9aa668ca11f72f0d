package org.dlmathlab.ui;

/**
 * Maps world coordinates (the plane of the math, y up) to screen pixels (y down) and back:
 * sx = w/2 + (x - cx) s, sy = h/2 - (y - cy) s, where (cx, cy) is the world point at the centre and s the number of
 * pixels per world unit.
 */
public final class Viewport {

    private double width = 1;
    private double height = 1;
    private double centerX;
    private double centerY;
    private double scale = 40;
    private final double defaultHalfExtent;
    private double minScale = 2;
    private double maxScale = 2000;

    /** A viewport that shows at least [-halfExtent, halfExtent] on both axes until the user zooms. */
    public Viewport(double halfExtent) {
        this.defaultHalfExtent = halfExtent;
    }

    public void setSize(double w, double h) {
        boolean first = width <= 1 && height <= 1;
        double oldFit = fitScale();
        width = Math.max(1, w);
        height = Math.max(1, h);
        // Keep the user's zoom relative to the window: a larger window shows the same region larger.
        scale = first ? fitScale() : scale * fitScale() / oldFit;
    }

    private double fitScale() {
        return Math.min(width, height) / (2 * defaultHalfExtent);
    }

    /** Back to the default centre and zoom. */
    public void reset() {
        centerX = 0;
        centerY = 0;
        scale = fitScale();
    }

    public double toScreenX(double x) {
        return width / 2 + (x - centerX) * scale;
    }

    public double toScreenY(double y) {
        return height / 2 - (y - centerY) * scale;
    }

    public double toWorldX(double sx) {
        return centerX + (sx - width / 2) / scale;
    }

    public double toWorldY(double sy) {
        return centerY - (sy - height / 2) / scale;
    }

    /** Moves the view by a drag of (dx, dy) pixels: the world follows the mouse. */
    public void panPixels(double dx, double dy) {
        centerX -= dx / scale;
        centerY += dy / scale;
    }

    /** Zooms by factor keeping the world point under (sx, sy) fixed on screen. */
    public void zoomAt(double sx, double sy, double factor) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        scale = Math.max(minScale, Math.min(maxScale, scale * factor));
        centerX = wx - (sx - width / 2) / scale;
        centerY = wy + (sy - height / 2) / scale;
    }

    public double scale() {
        return scale;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double minWorldX() {
        return toWorldX(0);
    }

    public double maxWorldX() {
        return toWorldX(width);
    }

    public double minWorldY() {
        return toWorldY(height);
    }

    public double maxWorldY() {
        return toWorldY(0);
    }
}
