package org.dlmathlab.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

/** Light or dark: the CSS class on the root and the colours canvases draw with. */
public final class Theme {

    /** Theme choices. */
    public enum Mode { LIGHT, DARK }

    /** Colours for canvas drawing; CSS styles the controls. The two arrow colours follow 3Blue1Brown's habit. */
    public record Palette(Color background, Color gridFaint, Color grid, Color axis, Color text, Color ihat, Color jhat,
                          Color probe, Color image, Color eigen, Color areaPositive, Color areaNegative, Color warning) {
    }

    private static final Palette LIGHT = new Palette(
            Color.web("#fbfbfd"), Color.web("#e3e6ec"), Color.web("#6a8fd0", 0.55), Color.web("#3c4454"),
            Color.web("#22262e"), Color.web("#2e9e4f"), Color.web("#d6453d"), Color.web("#c98a00"),
            Color.web("#8e44ad"), Color.web("#0b8a8a"), Color.web("#f2c94c", 0.35), Color.web("#eb5757", 0.30),
            Color.web("#c0392b"));
    private static final Palette DARK = new Palette(
            Color.web("#1b1e24"), Color.web("#2b3039"), Color.web("#6f9cf0", 0.55), Color.web("#c4cad6"),
            Color.web("#e8ebf0"), Color.web("#5ad17a"), Color.web("#ff6b61"), Color.web("#f5c04a"),
            Color.web("#c58af0"), Color.web("#3fd0d0"), Color.web("#f2c94c", 0.28), Color.web("#ff7b7b", 0.28),
            Color.web("#ff8a7a"));

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LIGHT);

    public Theme(Mode initial) {
        mode.set(initial);
    }

    private Theme(Theme parent) {
        mode.bind(parent.mode);
    }

    /** A child that follows this theme, for one page; see {@link I18n#scoped()} for why. */
    public Theme scoped() {
        return new Theme(this);
    }

    /** Stops a {@link #scoped()} child from following its parent. */
    public void release() {
        mode.unbind();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public Mode mode() {
        return mode.get();
    }

    public Palette palette() {
        return mode.get() == Mode.DARK ? DARK : LIGHT;
    }

    /** Colour for body text, for nodes (such as typeset math) that cannot take it from CSS. */
    public Color textColor() {
        return palette().text();
    }

    /** The CSS style class to put on the scene root. */
    public String styleClass() {
        return mode.get() == Mode.DARK ? "theme-dark" : "theme-light";
    }
}
