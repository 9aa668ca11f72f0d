package org.dlmathlab.lesson;

import org.dlmathlab.ui.Lang;

/** A piece of text in English and Chinese; Chinese falls back to English where a lesson has none. */
public record Localized(String en, String zh) {

    public static final Localized EMPTY = new Localized("", "");

    public String get(Lang lang) {
        return lang == Lang.ZH && zh != null && !zh.isBlank() ? zh : en;
    }

    public boolean isEmpty() {
        return (en == null || en.isBlank()) && (zh == null || zh.isBlank());
    }
}
