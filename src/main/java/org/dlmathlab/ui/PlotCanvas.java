package org.dlmathlab.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * A resizable canvas with a world/screen {@link Viewport}, pan (drag the background or use the middle button) and
 * zoom (wheel, + and -, 0 to reset). Redraws at most once per pulse: {@link #requestRedraw()} only marks it dirty.
 */
public class PlotCanvas extends Region {

    /** Draws the picture; called with the viewport already sized to the canvas. */
    @FunctionalInterface
    public interface Painter {
        void paint(GraphicsContext g, Viewport viewport);
    }

    /** Mouse handling for draggable things on the plot; world coordinates. */
    public interface Interaction {
        /** Returns true when the press grabbed something (then the canvas does not pan). */
        boolean press(double x, double y, MouseEvent event);

        void drag(double x, double y, MouseEvent event);

        void release();

        /** The cursor to show while hovering at (x, y). */
        Cursor hover(double x, double y);
    }

    private final Canvas canvas = new Canvas();
    private final Viewport viewport;
    private Painter painter = (g, v) -> { };
    private Interaction interaction;
    private boolean dirty = true;
    private boolean panning;
    private boolean grabbed;
    private double lastX;
    private double lastY;
    private long paintCount;

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            if (dirty) {
                paintNow();
            }
        }
    };

    public PlotCanvas(double halfExtent) {
        this(new Viewport(halfExtent));
    }

    public PlotCanvas(Viewport viewport) {
        this.viewport = viewport;
        getStyleClass().add("plot-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(120, 120);
        setPrefSize(640, 480);
        canvas.setOnMousePressed(this::onPressed);
        canvas.setOnMouseDragged(this::onDragged);
        canvas.setOnMouseReleased(e -> onReleased());
        canvas.setOnMouseMoved(this::onMoved);
        canvas.setOnScroll(this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public void setPainter(Painter painter) {
        this.painter = painter;
        requestRedraw();
    }

    public void setInteraction(Interaction interaction) {
        this.interaction = interaction;
    }

    public Viewport viewport() {
        return viewport;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Marks the picture stale; it is redrawn once, on the next pulse. */
    public void requestRedraw() {
        dirty = true;
        pulse.start();
    }

    /** Draws right away (the benchmark and snapshots use this; the UI waits for the pulse). */
    public void paintNow() {
        dirty = false;
        paintCount++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.save();
        painter.paint(g, viewport);
        g.restore();
    }

    /** How many times the picture was drawn: lets tests check that many changes cost one draw. */
    public long paintCount() {
        return paintCount;
    }

    public void resetView() {
        viewport.reset();
        requestRedraw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport.setSize(w, h);
            paintNow();
        }
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        grabbed = e.getButton() == MouseButton.PRIMARY && interaction != null
                && interaction.press(viewport.toWorldX(e.getX()), viewport.toWorldY(e.getY()), e);
        panning = !grabbed;
        if (panning) {
            canvas.setCursor(Cursor.CLOSED_HAND);
        }
    }

    private void onDragged(MouseEvent e) {
        if (grabbed) {
            interaction.drag(viewport.toWorldX(e.getX()), viewport.toWorldY(e.getY()), e);
        } else if (panning) {
            viewport.panPixels(e.getX() - lastX, e.getY() - lastY);
            requestRedraw();
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void onReleased() {
        if (grabbed && interaction != null) {
            interaction.release();
        }
        grabbed = false;
        panning = false;
        canvas.setCursor(Cursor.DEFAULT);
    }

    private void onMoved(MouseEvent e) {
        if (interaction != null) {
            canvas.setCursor(interaction.hover(viewport.toWorldX(e.getX()), viewport.toWorldY(e.getY())));
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            viewport.zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
            requestRedraw();
            e.consume();
        }
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        double cx = viewport.width() / 2;
        double cy = viewport.height() / 2;
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> viewport.zoomAt(cx, cy, 1.25);
            case MINUS, SUBTRACT -> viewport.zoomAt(cx, cy, 0.8);
            case DIGIT0, NUMPAD0, HOME -> viewport.reset();
            default -> {
                return;
            }
        }
        requestRedraw();
        e.consume();
    }

    /** True for the keys this canvas handles itself (documented in the lab's help). */
    public static boolean isViewKey(KeyCode code) {
        return switch (code) {
            case PLUS, EQUALS, ADD, MINUS, SUBTRACT, DIGIT0, NUMPAD0, HOME -> true;
            default -> false;
        };
    }
}
