package org.dlmathlab.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Text measuring for canvas drawing, where labels must be placed and boxed before they are drawn. */
public final class TextMetrics {

    // One detached Text node, used on the FX thread only (where every canvas is drawn).
    private static final Text MEASURE = new Text();

    private TextMetrics() {
    }

    /** The width in pixels that {@code text} takes in {@code font}. */
    public static double width(String text, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
