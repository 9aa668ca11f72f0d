package org.dlmathlab.ui.text;

import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A typeset formula as a node. Inline formulas report their math baseline as
 * {@link #getBaselineOffset()}, which TextFlow uses to sit them on the text baseline,
 * and are as wide as their TeX box: the image's transparent side margins hang over
 * the neighbouring text so that "$x$," has no gap before the comma.
 * Display formulas centre themselves and shrink to fit a narrow view rather than
 * overflow it: typeset again at the smaller size (in 5% steps, cached), because scaling
 * the image down would drop thin strokes such as minus signs and fraction bars.
 */
final class MathNode extends Region {

    private final MathRenderer.Rendered rendered;
    private final boolean display;
    private final ImageView view;
    private final java.util.function.DoubleFunction<MathRenderer.Rendered> smaller;
    private double shownStep = 1;

    MathNode(MathRenderer.Rendered rendered, String latex, boolean display) {
        this(rendered, latex, display, null);
    }

    /**
     * @param smaller for display formulas: typesets the formula at a fraction of its size (null: scale the image)
     */
    MathNode(MathRenderer.Rendered rendered, String latex, boolean display,
             java.util.function.DoubleFunction<MathRenderer.Rendered> smaller) {
        this.rendered = rendered;
        this.smaller = smaller;
        this.display = display;
        this.view = new ImageView(rendered.image());
        view.setSmooth(true);
        view.setPreserveRatio(false);
        view.setFitWidth(rendered.width());
        view.setFitHeight(rendered.height());
        getChildren().add(view);
        getStyleClass().add(display ? "md-math-display" : "md-math");
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleText(latex);
        if (!display) {
            setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
            setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        }
    }

    MathRenderer.Rendered rendered() {
        return rendered;
    }

    @Override
    public double getBaselineOffset() {
        return snappedTopInset() + shownScale(getWidth()) * rendered.baseline();
    }

    @Override
    public Orientation getContentBias() {
        return display ? Orientation.HORIZONTAL : null; // a shrunk formula is also shorter
    }

    @Override
    protected double computeMinWidth(double height) {
        return display ? snappedLeftInset() + snappedRightInset() : computePrefWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + boxWidth() + snappedRightInset();
    }

    /** Display formulas keep their margins: they are centred on a line of their own anyway. */
    private double boxWidth() {
        return display ? rendered.width() : Math.max(0, rendered.width() - 2 * rendered.inset());
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + shownScale(width) * rendered.height() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double scale = shownScale(getWidth());
        double w = rendered.width() * scale;
        double h = rendered.height() * scale;
        if (smaller != null) {
            // The largest 5% step that fits; the little that is left over is scaled, which keeps strokes.
            double step = scale >= 0.999 ? 1 : Math.max(0.25, Math.floor(scale * 20) / 20);
            if (step != shownStep) {
                shownStep = step;
                view.setImage(step == 1 ? rendered.image() : smaller.apply(step).image());
            }
            if (step != 1) {
                MathRenderer.Rendered r = smaller.apply(step);
                double fit = Math.min(1, w / r.width());
                w = r.width() * fit;
                h = r.height() * fit;
            }
        }
        view.setFitWidth(w);
        view.setFitHeight(h);
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        double x = snappedLeftInset() + (display ? Math.max(0, (inner - w) / 2) : -rendered.inset());
        view.relocate(snapPositionX(x), snapPositionY(snappedTopInset()));
    }

    /** 1 unless a display formula is wider than the space it was given. */
    private double shownScale(double width) {
        if (!display || width <= 0) {
            return 1;
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return inner >= rendered.width() || inner <= 0 ? 1 : inner / rendered.width();
    }
}
