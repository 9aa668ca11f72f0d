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
    }
}
