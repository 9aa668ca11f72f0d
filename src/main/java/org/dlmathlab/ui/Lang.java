package org.dlmathlab.ui;

import java.util.Locale;
import java.util.Optional;

/** The languages the lab speaks. Lesson files carry text under these codes. */
public enum Lang {
    EN("en", "English", Locale.ENGLISH),
    ZH("zh", "中文", Locale.SIMPLIFIED_CHINESE);

    private final String code;
    private final String displayName;
    private final Locale locale;

    Lang(String code, String displayName, Locale locale) {
        this.code = code;
        this.displayName = displayName;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    /** The language's own name, so a learner finds it whatever the current language is. */
    public String displayName() {
        return displayName;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Lang> fromCode(String code) {
        for (Lang lang : values()) {
            if (lang.code.equalsIgnoreCase(code)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The language to start in when nothing is saved: Chinese on a Chinese system, else English. */
    public static Lang systemDefault() {
        return "zh".equals(Locale.getDefault().getLanguage()) ? ZH : EN;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
