package org.dlmathlab.labs.partials;

import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.dlmathlab.math.calculus.PartialSurface;
import org.dlmathlab.math.linalg.Vec2;
import org.dlmathlab.ui.Axes;
import org.dlmathlab.ui.Curves;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.Format;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.PlaneDrawing;
import org.dlmathlab.ui.PlotCanvas;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.Viewport;

/**
 * One slice of the surface through P as an ordinary curve: f(x, y0) against x (y held fixed) with its tangent of slope
 * df/dx at P, or f(x0, y) against y with slope df/dy. Dragging along the plot moves P's free coordinate. The vertical
 * range is the surface's height range, so the curve visibly rises and falls as P moves.
 */
final class SlicePlot {

    private final PartialsModel model;
    private final I18n i18n;
    private final Theme theme;
    private final Supplier<SurfaceInfo> info;
    /** True: y is held fixed and x varies; false: x fixed, y varies. */
    private final boolean alongX;
    private final PlotCanvas plot = new PlotCanvas(new Viewport(-3.3, 3.3, -1, 1, false));
    private SurfaceInfo fittedTo;

    SlicePlot(PartialsModel model, I18n i18n, Theme theme, Supplier<SurfaceInfo> info, boolean alongX) {
        this.model = model;
        this.i18n = i18n;
        this.theme = theme;
        this.info = info;
        this.alongX = alongX;
        plot.setMinSize(110, 90);
        plot.setPrefSize(240, 170);
        plot.setId(alongX ? "partials-slice-x" : "partials-slice-y");
        plot.setPainter(this::paint);
        plot.setInteraction(new Slide());
    }

    PlotCanvas plot() {
        return plot;
    }

    /** Frames the surface's height range (called when the surface changes and by Reset view). */
    void fit() {
        SurfaceInfo s = info.get();
        fittedTo = s;
        double low = s.mesh.low();
        double high = s.mesh.high();
        double pad = (high - low) * 0.12;
        double lim = PartialsModel.LIMIT;
        plot.viewport().setDefault(-lim - 0.3, lim + 0.3, low - pad, high + pad);
        plot.resetView();
    }

    /** The slice's free coordinate at P. */
    private double free() {
        return alongX ? model.x() : model.y();
    }

    /** f along the slice, as a function of the free coordinate. */
    private double slice(PartialSurface f, double t) {
        return alongX ? f.value(t, model.y()) : f.value(model.x(), t);
    }

    private void paint(GraphicsContext g, Viewport vp) {
        SurfaceInfo s = info.get();
        if (s != fittedTo) {
            fit();
        }
        Theme.Palette p = theme.palette();
        PartialSurface f = s.surface;
        Color colour = alongX ? Look.sliceX(p) : Look.sliceY(p);
        g.setFill(p.background());
        g.fillRect(0, 0, vp.width(), vp.height());
        Axes.draw(g, vp, p);
        g.setStroke(colour);
        g.setLineWidth(2.4);
        Curves.plot(g, vp, t -> slice(f, t));

        double t0 = free();
        double value = f.value(model.x(), model.y());
        double slope = alongX ? f.dx(model.x(), model.y()) : f.dy(model.x(), model.y());
        if (Double.isFinite(value) && Double.isFinite(slope)) {
            g.setStroke(p.text());
            g.setLineWidth(1.5);
            g.setLineDashes(7, 5);
            PlaneDrawing.lineThrough(g, vp, new Vec2(t0, value), new Vec2(1, slope));
            g.setLineDashes();
            double sx = vp.toScreenX(t0);
            double sy = vp.toScreenY(value);
            g.setFill(Look.halo(theme));
            g.fillOval(sx - 6.5, sy - 6.5, 13, 13);
            g.setFill(Look.point(p));
            g.fillOval(sx - 4.5, sy - 4.5, 9, 9);
            g.setStroke(p.text());
            g.setLineWidth(1);
            g.strokeOval(sx - 4.5, sy - 4.5, 9, 9);
        }

        // The free variable's name at the right end of the horizontal axis.
        g.setFont(Fonts.bold(12));
        g.setFill(p.axis());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        double axisY = Math.max(16, Math.min(vp.height() - 4, vp.toScreenY(0) - 2));
        g.fillText(alongX ? "x" : "y", vp.width() - 5, axisY);

        String fixed = alongX ? i18n.get("partials.slice.x.title", Format.num(model.y(), 3))
                : i18n.get("partials.slice.y.title", Format.num(model.x(), 3));
        String slopeText = (alongX ? "∂f/∂x = " : "∂f/∂y = ") + Format.num(slope, 3);
        Look.caption(g, p, new String[]{fixed, slopeText}, new Color[]{colour, p.text()},
                Math.max(80, vp.width() - 12), Fonts.regular(12));
    }

    /** Dragging anywhere on the plot slides P along the slice (snapped to 0.05 unless Shift is held). */
    private final class Slide implements PlotCanvas.Interaction {
        @Override
        public boolean press(double x, double y, MouseEvent event) {
            drag(x, y, event);
            return true;
        }

        @Override
        public void drag(double x, double y, MouseEvent event) {
            double t = event.isShiftDown() ? x : MapPlot.snap(x);
            if (alongX) {
                model.moveTo(t, model.y());
            } else {
                model.moveTo(model.x(), t);
            }
        }

        @Override
        public void release() {
            // Moved while dragging.
        }

        @Override
        public Cursor hover(double x, double y) {
            return Cursor.H_RESIZE;
        }
    }
}
