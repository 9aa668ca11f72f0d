package org.dlmathlab.ui;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The bundled UI font: a subset of Noto Sans CJK SC (SIL Open Font License) covering Latin, Greek, math symbols and
 * the 6,763 hanzi of GB 2312, so Chinese renders on a machine with no CJK font installed. Loaded before any scene.
 */
public final class Fonts {

    /** The family name the bundled files carry; CSS uses the same name. */
    public static final String FAMILY = "Noto Sans CJK SC";
    private static final String[] FILES = {"NotoSansSC-subset-Regular.otf", "NotoSansSC-subset-Bold.otf"};
    private static boolean loaded;

    private Fonts() {
    }

    /** Loads the bundled faces once; returns false (and the UI falls back to system fonts) if they are missing. */
    public static synchronized boolean loadBundled() {
        if (loaded) {
            return true;
        }
        boolean ok = true;
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream("/assets/fonts/" + file)) {
                ok &= in != null && Font.loadFont(in, 13) != null;
            } catch (IOException e) {
                ok = false;
            }
        }
        loaded = ok;
        return ok;
    }

    public static Font regular(double size) {
        return Font.font(FAMILY, FontWeight.NORMAL, size);
    }

    public static Font bold(double size) {
        return Font.font(FAMILY, FontWeight.BOLD, size);
    }
}
