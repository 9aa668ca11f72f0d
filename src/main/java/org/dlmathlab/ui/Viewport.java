package org.dlmathlab.ui;

/**
 * Maps world coordinates (the plane of the math, y up) to screen pixels (y down) and back:
 * sx = w/2 + (x - cx) kx, sy = h/2 - (y - cy) ky, where (cx, cy) is the world point at the centre and kx, ky are
 * pixels per world unit. With the aspect locked (geometry: the transform plane) kx = ky; unlocked (function plots,
 * loss surfaces) each axis fits its own range.
 */
public final class Viewport {

    private double width = 1;
    private double height = 1;
    private double centerX;
    private double centerY;
    private double scaleX = 40;
    private double scaleY = 40;
    private final boolean aspectLocked;
    private double defaultXMin;
    private double defaultXMax;
    private double defaultYMin;
    private double defaultYMax;
    private boolean sized;

    /** Same scale on both axes; shows at least [-halfExtent, halfExtent] on both until the user zooms. */
    public Viewport(double halfExtent) {
        this(-halfExtent, halfExtent, -halfExtent, halfExtent, true);
    }

    /** Shows the given world rectangle (the default, which {@link #reset()} returns to). */
    public Viewport(double xMin, double xMax, double yMin, double yMax, boolean aspectLocked) {
        this.aspectLocked = aspectLocked;
        setDefault(xMin, xMax, yMin, yMax);
        centerX = (xMin + xMax) / 2;
        centerY = (yMin + yMax) / 2;
    }

    /** Changes the default rectangle (e.g. when a lab switches function); call {@link #reset()} to go there. */
    public void setDefault(double xMin, double xMax, double yMin, double yMax) {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("empty view rectangle");
        }
        defaultXMin = xMin;
        defaultXMax = xMax;
        defaultYMin = yMin;
        defaultYMax = yMax;
    }

    public void setSize(double w, double h) {
        double xMin = minWorldX();
        double xMax = maxWorldX();
        double yMin = minWorldY();
        double yMax = maxWorldY();
        double oldW = width;
        double oldH = height;
        width = Math.max(1, w);
        height = Math.max(1, h);
        if (!sized) {
            sized = true;
            reset();
        } else if (aspectLocked) {
            // Keep the zoom relative to the window: a larger window shows the same region larger.
            double factor = Math.min(width, height) / Math.max(1, Math.min(oldW, oldH));
            scaleX *= factor;
            scaleY = scaleX;
        } else {
            fit(xMin, xMax, yMin, yMax);
        }
    }

    /** Shows the rectangle: exactly when unlocked, centred and whole when the aspect is locked. */
    public void fit(double xMin, double xMax, double yMin, double yMax) {
        centerX = (xMin + xMax) / 2;
        centerY = (yMin + yMax) / 2;
        double kx = width / (xMax - xMin);
        double ky = height / (yMax - yMin);
        if (aspectLocked) {
            scaleX = Math.min(kx, ky);
            scaleY = scaleX;
        } else {
            scaleX = kx;
            scaleY = ky;
        }
    }

    /** Back to the default rectangle. */
    public void reset() {
        fit(defaultXMin, defaultXMax, defaultYMin, defaultYMax);
    }

    public double toScreenX(double x) {
        return width / 2 + (x - centerX) * scaleX;
    }

    public double toScreenY(double y) {
        return height / 2 - (y - centerY) * scaleY;
    }

    public double toWorldX(double sx) {
        return centerX + (sx - width / 2) / scaleX;
    }

    public double toWorldY(double sy) {
        return centerY - (sy - height / 2) / scaleY;
    }

    /** Moves the view by a drag of (dx, dy) pixels: the world follows the mouse. */
    public void panPixels(double dx, double dy) {
        centerX -= dx / scaleX;
        centerY += dy / scaleY;
    }

    /** Zooms by factor keeping the world point under (sx, sy) fixed on screen. */
    public void zoomAt(double sx, double sy, double factor) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        double f = Math.max(1e-6 / Math.min(scaleX, scaleY), Math.min(1e6 / Math.max(scaleX, scaleY), factor));
        scaleX *= f;
        scaleY *= f;
        centerX = wx - (sx - width / 2) / scaleX;
        centerY = wy + (sy - height / 2) / scaleY;
    }

    /** Pixels per world unit along x (equal to y's when the aspect is locked). */
    public double scale() {
        return scaleX;
    }

    public double scaleY() {
        return scaleY;
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
