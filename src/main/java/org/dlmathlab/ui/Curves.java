package org.dlmathlab.ui;

import java.util.function.DoubleUnaryOperator;
import javafx.scene.canvas.GraphicsContext;

/** Drawing the graph of y = f(x) across a viewport, shared by the labs that show a curve. */
public final class Curves {

    private Curves() {
    }

    /**
     * Strokes f sampled once per pixel column with the current stroke; the pen lifts where f is undefined or runs
     * far off screen, so poles and gaps are not bridged by a vertical line.
     */
    public static void plot(GraphicsContext g, Viewport vp, DoubleUnaryOperator f) {
        g.beginPath();
        boolean penDown = false;
        for (int px = 0; px <= (int) vp.width(); px++) {
            double y = f.applyAsDouble(vp.toWorldX(px));
            double sy = vp.toScreenY(y);
            if (!Double.isFinite(y) || Math.abs(sy) > 1e5) {
                penDown = false;
                continue;
            }
            if (penDown) {
                g.lineTo(px, sy);
            } else {
                g.moveTo(px, sy);
                penDown = true;
            }
        }
        g.stroke();
    }
}
