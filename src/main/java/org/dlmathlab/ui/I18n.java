package org.dlmathlab.ui;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * UI strings in the current language, switchable while the app runs: bind a label to {@link #bind} and it follows
 * the language. Bundles are {@code org/dlmathlab/i18n/messages_<code>.properties} (UTF-8).
 */
public final class I18n {

    public static final String BUNDLE = "org.dlmathlab.i18n.messages";

    private final ObjectProperty<Lang> lang = new SimpleObjectProperty<>(this, "lang", Lang.EN);
    private final Map<Lang, ResourceBundle> bundles = new EnumMap<>(Lang.class);

    public I18n(Lang initial) {
        for (Lang l : Lang.values()) {
            bundles.put(l, ResourceBundle.getBundle(BUNDLE, l.locale(), ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
        lang.set(initial);
    }

    public ObjectProperty<Lang> langProperty() {
        return lang;
    }

    public Lang lang() {
        return lang.get();
    }

    public void setLang(Lang value) {
        lang.set(value);
    }

    /** The message for key in the current language, with {0}-style arguments filled in. */
    public String get(String key, Object... args) {
        return get(lang.get(), key, args);
    }

    public String get(Lang in, String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(in).getString(key);
        } catch (MissingResourceException e) {
            // A missing translation must not break the page; show the key so it is noticed and fixed.
            return "‹" + key + "›";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, in.locale()).format(args);
    }

    /** Whether key exists in the bundle of the given language. */
    public boolean has(Lang in, String key) {
        return bundles.get(in).containsKey(key);
    }

    public ResourceBundle bundle(Lang in) {
        return bundles.get(in);
    }

    /** A string that follows the current language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), lang);
    }
}
