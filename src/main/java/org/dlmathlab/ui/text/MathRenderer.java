package org.dlmathlab.ui.text;

import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets LaTeX with JLaTeXMath into JavaFX images.
 *
 * <p>JLaTeXMath paints with Java2D, so each formula is painted into a transparent
 * {@link BufferedImage} and its pixels are copied into a {@link WritableImage}
 * (javafx-swing is deliberately not a dependency). Images carry {@link #PIXEL_SCALE}
 * pixels per layout unit so they stay sharp on HiDPI screens; callers show them at
 * {@link Rendered#width()} x {@link Rendered#height()}.
 *
 * <p>All methods are thread-safe. JLaTeXMath keeps parser and font state in static
 * fields, so typesetting is serialised on one lock; results are kept in a bounded LRU
 * cache because lesson text is re-rendered on every theme, language or size change.
 * Creating the image needs the JavaFX toolkit to be running; {@link #check(String)}
 * does not, so command-line validators can use it.
 */
public final class MathRenderer {

    /** Image pixels per layout unit. */
    public static final double PIXEL_SCALE = 2.0;

    private static final int CACHE_SIZE = 512;

    /**
     * The bundled CJK font, registered with Java2D on first need so that
     * {@code \text{损失}} typesets the same on machines without a system CJK font.
     */
    private static final String CJK_FONT_RESOURCE = "/assets/fonts/NotoSansSC-subset-Regular.otf";
    private static final Character.UnicodeBlock[] CJK_BLOCKS = {
        Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
        Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION,
        Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS,
    };

    private static final Object RENDER_LOCK = new Object();
    private static boolean cjkFontTried; // guarded by RENDER_LOCK

    private static final Map<Key, Rendered> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Rendered> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * A typeset formula. Sizes are in layout units (image pixels / {@link #PIXEL_SCALE}).
     *
     * @param width  width of the image
     * @param height height of the image
     * @param depth  how far the image reaches below the math baseline
     * @param inset  transparent margin on every side of the image around the TeX box (room
     *               for antialiasing and overhanging glyphs), already counted in the sizes
     *               above; text layout that wants TeX's exact spacing lets it overlap
     */
    public record Rendered(Image image, double width, double height, double depth, double inset) {
        /** Distance from the top of the image to the math baseline. */
        public double baseline() {
            return height - depth;
        }
    }

    private record Key(String latex, double size, int argb, boolean display) {
    }

    private MathRenderer() {
    }

    /**
     * A standalone formula in display style, at {@link #PIXEL_SCALE} pixel density:
     * show it with {@code fitWidth = image.getWidth() / PIXEL_SCALE}.
     *
     * @throws MathException if the LaTeX cannot be typeset
     */
    public static Image render(String latex, double sizePx, Color color) {
        return renderInline(latex, sizePx, color, true).image();
    }

    /**
     * A formula with its metrics, for placing on a text baseline.
     *
     * @param sizePx  font size of the math in layout pixels
     * @param display display style (big operators, limits above and below) or text style
     * @throws MathException if the LaTeX cannot be typeset
     */
    public static Rendered renderInline(String latex, double sizePx, Color color, boolean display) {
        Objects.requireNonNull(latex, "latex");
        if (!(sizePx > 0) || Double.isInfinite(sizePx)) {
            throw new IllegalArgumentException("size must be positive: " + sizePx);
        }
        Color c = color == null ? Color.BLACK : color;
        Key key = new Key(latex, sizePx, argb(c), display);
        synchronized (CACHE) {
            Rendered hit = CACHE.get(key);
            if (hit != null) {
                return hit;
            }
        }
        Rendered rendered;
        synchronized (RENDER_LOCK) {
            rendered = paint(latex, (float) (sizePx * PIXEL_SCALE), c, display);
        }
        synchronized (CACHE) {
            CACHE.put(key, rendered);
        }
        return rendered;
    }

    /**
     * Parses and lays out the formula without making an image, so lesson files can be
     * validated without the JavaFX toolkit.
     *
     * @throws MathException if the LaTeX cannot be typeset
     */
    public static void check(String latex) {
        Objects.requireNonNull(latex, "latex");
        synchronized (RENDER_LOCK) {
            layout(latex, 20f, true);
        }
    }

    /** Forgets all cached images (for tests and memory pressure). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    private static TeXIcon layout(String latex, float pixelSize, boolean display) {
        ensureCjkFont(latex);
        try {
            TeXFormula formula = new TeXFormula(latex);
            // trueValues=true: no 18% padding of its own, our insets are exact
            return formula.createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
                    pixelSize, true);
        } catch (ParseException e) {
            throw new MathException(latex, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MathException(latex, "Cannot typeset: " + e, e);
        }
    }

    private static Rendered paint(String latex, float pixelSize, Color color, boolean display) {
        TeXIcon icon = layout(latex, pixelSize, display);
        // A little room on each side for antialiasing and italic overhangs (f, j) that leave the box.
        int pad = Math.max(2, (int) Math.ceil(pixelSize * 0.1));
        icon.setInsets(new Insets(pad, pad, pad, pad), true);
        int w = Math.max(1, icon.getIconWidth());
        int h = Math.max(1, icon.getIconHeight());

        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            icon.setForeground(new java.awt.Color((float) color.getRed(), (float) color.getGreen(),
                    (float) color.getBlue(), (float) color.getOpacity()));
            icon.paintIcon(null, g, 0, 0);
        } catch (RuntimeException e) {
            throw new MathException(latex, "Cannot paint: " + e, e);
        } finally {
            g.dispose();
        }

        // getRGB gives non-premultiplied ARGB rows, exactly the IntArgb format.
        int[] pixels = canvas.getRGB(0, 0, w, h, null, 0, w);
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);

        // JLaTeXMath draws the baseline at top inset + box height; everything below is depth.
        double baselineFromTop = pad + (icon.getTrueIconHeight() - icon.getTrueIconDepth());
        double depthPx = h - baselineFromTop;
        return new Rendered(image, w / PIXEL_SCALE, h / PIXEL_SCALE, depthPx / PIXEL_SCALE, pad / PIXEL_SCALE);
    }

    private static void ensureCjkFont(String latex) {
        if (cjkFontTried || latex.codePoints().noneMatch(MathRenderer::isCjk)) {
            return;
        }
        cjkFontTried = true;
        try (InputStream in = MathRenderer.class.getResourceAsStream(CJK_FONT_RESOURCE)) {
            if (in == null) {
                return; // not packaged: JLaTeXMath falls back to the system SansSerif
            }
            java.awt.Font font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            for (Character.UnicodeBlock block : CJK_BLOCKS) {
                TeXFormula.registerExternalFont(block, font.getFamily(), font.getFamily());
            }
        } catch (IOException | FontFormatException | RuntimeException e) {
            // Keep JLaTeXMath's default font choice; the formula still renders.
        }
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        for (Character.UnicodeBlock b : CJK_BLOCKS) {
            if (b == block) {
                return true;
            }
        }
        return false;
    }

    private static int argb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }
}
