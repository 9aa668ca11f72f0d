package org.dlmathlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Set;
import java.util.TreeSet;
import org.dlmathlab.math.expr.ExpressionException;
import org.junit.jupiter.api.Test;

class I18nBundlesTest {

    @Test
    void everyKeyExistsInBothLanguagesAndFormats() {
        I18n i18n = new I18n(Lang.EN);
        Set<String> en = new TreeSet<>(i18n.bundle(Lang.EN).keySet());
        Set<String> zh = new TreeSet<>(i18n.bundle(Lang.ZH).keySet());
        assertEquals(en, zh, "the two bundles must have the same keys");
        for (String key : en) {
            for (Lang lang : Lang.values()) {
                new MessageFormat(i18n.bundle(lang).getString(key)).format(new Object[]{1, 2, 3, 4});
            }
        }
        for (ExpressionException.Kind kind : ExpressionException.Kind.values()) {
            assertTrue(en.contains("expr.error." + kind.name()), "message for " + kind);
        }
    }

    /** Every lab bundle (lab_en / lab_zh pairs beside the shared one) has the same keys in both languages. */
    @Test
    void labBundlesComeInPairs() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(I18n.class.getResource("/org/dlmathlab/i18n").toURI());
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path en : files.filter(p -> p.toString().endsWith("_en.properties")).toList()) {
                java.nio.file.Path zh = java.nio.file.Path.of(en.toString().replace("_en.properties", "_zh.properties"));
                java.util.Properties a = new java.util.Properties();
                java.util.Properties b = new java.util.Properties();
                try (var r = java.nio.file.Files.newBufferedReader(en);
                     var r2 = java.nio.file.Files.newBufferedReader(zh)) {
                    a.load(r);
                    b.load(r2);
                }
                assertEquals(new TreeSet<>(a.stringPropertyNames()), new TreeSet<>(b.stringPropertyNames()),
                        "keys of " + en.getFileName() + " and its Chinese twin");
                String prefix = en.getFileName().toString().replace("_en.properties", "") + ".";
                if (!prefix.equals("messages.")) {
                    for (String key : a.stringPropertyNames()) {
                        assertTrue(key.startsWith(prefix), key + " belongs in " + key.split("\\.")[0] + "_en");
                    }
                }
            }
        }
    }

    @Test
    void switchingLanguageChangesBoundText() {
        I18n i18n = new I18n(Lang.EN);
        var title = i18n.bind("app.title");
        assertEquals("DL Math Lab", title.get());
        i18n.setLang(Lang.ZH);
        assertEquals("DL 数学实验室", title.get());
        assertEquals("练习（已完成 2 / 7）", i18n.get("lesson.exercises", 2, 7));
        assertTrue(i18n.get("no.such.key").contains("no.such.key"));
    }

    @Test
    void numbersReadCleanly() {
        assertEquals("0", Format.num(-1e-17));
        assertEquals("−1.5", Format.num(-1.5));
        assertEquals("0.333", Format.num(1.0 / 3));
        assertEquals("2", Format.num(2.0000001));
        assertEquals("—", Format.num(Double.NaN));
        assertEquals("-0.5", Format.editable(-0.5));
        assertEquals("7.608×10¹¹", Format.num(7.607719016827976E11));
        assertEquals("−1.2×10⁻⁵", Format.num(-1.2e-5));
        assertEquals("0.0001", Format.editable(1e-4));
    }
}
