package org.dlmathlab.labs.matmul2d;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two equal panes side by side when there is width to spare, one above the other when the space is tall, so each
 * plane stays as square as it can from a 900x600 window to a full-HD one.
 */
final class TwinPlanes extends Pane {

    private static final double GAP = 6;
    private final Node first;
    private final Node second;

    TwinPlanes(Node first, Node second) {
        this.first = first;
        this.second = second;
        getChildren().addAll(first, second);
        setMinSize(200, 200);
        setPrefSize(700, 500);
    }

    /** Whether the planes currently sit side by side. */
    boolean sideBySide() {
        return getWidth() >= 1.15 * getHeight();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (sideBySide()) {
            double half = Math.floor((w - GAP) / 2);
            first.resizeRelocate(0, 0, half, h);
            second.resizeRelocate(w - half, 0, half, h);
        } else {
            double half = Math.floor((h - GAP) / 2);
            first.resizeRelocate(0, 0, w, half);
            second.resizeRelocate(0, h - half, w, half);
        }
    }
}
