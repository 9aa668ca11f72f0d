package org.dlmathlab.labs.softmax;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A canvas that fills its region and repaints during layout whenever its size changed or a redraw was asked for, so a
 * snapshot taken right after layout always shows the current state, and many model changes in one pulse cost one paint.
 */
final class Surface extends Region {

    /** Paints the whole surface of the given size. */
    interface Painter {
        void paint(GraphicsContext g, double w, double h);
    }

    private final Canvas canvas = new Canvas();
    private final Painter painter;
    private boolean dirty = true;
    private long paints;

    Surface(Painter painter) {
        this.painter = painter;
        getChildren().add(canvas);
        setMinSize(40, 40);
        setPrefSize(260, 220);
    }

    Canvas canvas() {
        return canvas;
    }

    void requestRedraw() {
        dirty = true;
        requestLayout();
    }

    /** Paints now (tests, and after a change that must show at once). */
    void paintNow() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            painter.paint(g, w, h);
        }
        dirty = false;
        paints++;
    }

    long paintCount() {
        return paints;
    }

    @Override
    protected void layoutChildren() {
        if (dirty || canvas.getWidth() != Math.floor(getWidth()) || canvas.getHeight() != Math.floor(getHeight())) {
            paintNow();
        }
    }
}
