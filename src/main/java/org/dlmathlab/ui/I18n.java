package org.dlmathlab.ui;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * UI strings in the current language, switchable while the app runs: bind a label to {@link #bind} and it follows
 * the language. Shared strings live in {@code org/dlmathlab/i18n/messages_<code>.properties} (UTF-8); a lab keeps its
 * own in {@code org/dlmathlab/i18n/<labid>_<code>.properties}, found from the key's prefix ({@code gd1d.title} is
 * looked up in {@code gd1d_en.properties}), so each lab's strings sit beside nothing else's.
 */
public final class I18n {

    public static final String BUNDLE = "org.dlmathlab.i18n.messages";

    private final ObjectProperty<Lang> lang = new SimpleObjectProperty<>(this, "lang", Lang.EN);
    private final Map<Lang, ResourceBundle> bundles;
    private final Map<String, Optional<ResourceBundle>> labBundles;

    public I18n(Lang initial) {
        bundles = new EnumMap<>(Lang.class);
        labBundles = new ConcurrentHashMap<>();
        for (Lang l : Lang.values()) {
            bundles.put(l, ResourceBundle.getBundle(BUNDLE, l.locale(), ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
        lang.set(initial);
    }

    private I18n(I18n parent) {
        bundles = parent.bundles;
        labBundles = parent.labBundles;
        lang.bind(parent.lang);
    }

    /**
     * A child that follows this one's language and shares its bundles, for one page: listeners that the page's
     * nodes add to the child's language hold the page only as long as the child lives, because a bound property
     * listens to its source weakly. So a page that is closed can be collected. {@link #release()} cuts the tie.
     */
    public I18n scoped() {
        return new I18n(this);
    }

    /** Stops a {@link #scoped()} child from following its parent. */
    public void release() {
        lang.unbind();
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
        String pattern = find(in, key);
        if (pattern == null) {
            // A missing translation must not break the page; show the key so it is noticed and fixed.
            return "‹" + key + "›";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, in.locale()).format(args);
    }

    /** Whether key exists in the bundles of the given language. */
    public boolean has(Lang in, String key) {
        return find(in, key) != null;
    }

    private String find(Lang in, String key) {
        ResourceBundle main = bundles.get(in);
        if (main.containsKey(key)) {
            return main.getString(key);
        }
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String base = "org.dlmathlab.i18n." + key.substring(0, dot);
        Optional<ResourceBundle> lab = labBundles.computeIfAbsent(base + "_" + in.code(), k -> {
            try {
                return Optional.of(ResourceBundle.getBundle(base, in.locale(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                return Optional.empty();
            }
        });
        return lab.filter(b -> b.containsKey(key)).map(b -> b.getString(key)).orElse(null);
    }

    public ResourceBundle bundle(Lang in) {
        return bundles.get(in);
    }

    /** A string that follows the current language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), lang);
    }
}
