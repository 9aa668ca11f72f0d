package org.dlmathlab.ui;

import javafx.scene.control.Tooltip;

/** Tooltips that follow the current language and wrap at a readable width. */
public final class Tips {

    private Tips() {
    }

    public static Tooltip of(I18n i18n, String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind(key));
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        return tip;
    }
}
