package org.dlmathlab.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MathRendererTest {

    @BeforeAll
    static void fx() throws Exception {
        FxTestSupport.startFx(); // WritableImage needs the toolkit
    }

    @Test
    void fractionIsTallerThanALetter() {
        MathRenderer.Rendered a = MathRenderer.renderInline("a", 16, Color.BLACK, false);
        MathRenderer.Rendered frac = MathRenderer.renderInline("\\frac{a}{b}", 16, Color.BLACK, false);
        assertTrue(frac.height() > a.height() * 1.5, () -> frac.height() + " vs " + a.height());
        assertTrue(frac.depth() > a.depth(), "a fraction reaches below the baseline");
        assertTrue(inkPixels(frac.image()) > 0);
    }

    @Test
    void imagesHaveDoublePixelDensity() {
        MathRenderer.Rendered r = MathRenderer.renderInline("x^2 + y^2", 15, Color.BLACK, false);
        assertEquals(r.width() * MathRenderer.PIXEL_SCALE, r.image().getWidth(), 1e-9);
        assertEquals(r.height() * MathRenderer.PIXEL_SCALE, r.image().getHeight(), 1e-9);
        Image plain = MathRenderer.render("x^2 + y^2", 15, Color.BLACK);
        assertTrue(plain.getWidth() > 0 && plain.getHeight() > 0);
    }

    @Test
    void depthPutsTheBaselineUnderTheLetters() {
        // "x" has no descender: its lowest ink must be on the baseline.
        MathRenderer.Rendered x = MathRenderer.renderInline("x", 20, Color.BLACK, false);
        double inkBottom = lowestInkRow(x.image()) / MathRenderer.PIXEL_SCALE;
        assertEquals(x.baseline(), inkBottom, 1.0, "ink bottom vs baseline");
        // "y" descends below it.
        MathRenderer.Rendered y = MathRenderer.renderInline("y", 20, Color.BLACK, false);
        assertTrue(lowestInkRow(y.image()) / MathRenderer.PIXEL_SCALE > y.baseline() + 2);
        assertTrue(y.depth() > x.depth() + 2);
    }

    @Test
    void colourChangeRendersANewImageInThatColour() {
        Image red = MathRenderer.render("\\sum_i w_i x_i", 18, Color.RED);
        Image blue = MathRenderer.render("\\sum_i w_i x_i", 18, Color.BLUE);
        assertNotSame(red, blue);
        Color r = solidPixel(red);
        Color b = solidPixel(blue);
        assertTrue(r.getRed() > 0.9 && r.getBlue() < 0.1, r::toString);
        assertTrue(b.getBlue() > 0.9 && b.getRed() < 0.1, b::toString);
    }

    @Test
    void repeatedCallsComeFromTheCache() {
        MathRenderer.Rendered first = MathRenderer.renderInline("\\sigma(z)", 15, Color.DARKGRAY, false);
        MathRenderer.Rendered again = MathRenderer.renderInline("\\sigma(z)", 15, Color.DARKGRAY, false);
        assertSame(first, again);
        assertNotSame(first, MathRenderer.renderInline("\\sigma(z)", 15, Color.DARKGRAY, true));
        assertNotSame(first, MathRenderer.renderInline("\\sigma(z)", 16, Color.DARKGRAY, false));
    }

    @Test
    void badLatexThrowsMathException() {
        MathException e = assertThrows(MathException.class,
                () -> MathRenderer.renderInline("\\notacommand x", 15, Color.BLACK, false));
        assertTrue(e.getMessage().contains("notacommand"), e.getMessage());
        assertEquals("\\notacommand x", e.getLatex());
        assertThrows(MathException.class, () -> MathRenderer.render("x}", 15, Color.BLACK));
        assertThrows(MathException.class, () -> MathRenderer.check("\\begin{matrix} a"));
        MathRenderer.check("\\frac{\\partial L}{\\partial w}"); // fine: no exception
    }

    @Test
    void emptyFormulaGivesATinyImageNotACrash() {
        MathRenderer.Rendered r = MathRenderer.renderInline("", 15, Color.BLACK, false);
        assertTrue(r.image().getWidth() >= 1 && r.image().getHeight() >= 1);
    }

    @Test
    void chineseInsideTextIsDrawn() {
        MathRenderer.Rendered r = MathRenderer.renderInline("\\text{损失} = L", 16, Color.BLACK, false);
        MathRenderer.Rendered l = MathRenderer.renderInline("L", 16, Color.BLACK, false);
        assertTrue(r.width() > l.width() + 20, "two CJK glyphs take room");
        assertTrue(inkPixels(r.image()) > inkPixels(l.image()) * 3);
    }

    @Test
    void onlyTheFirstCallIsSlow() {
        MathRenderer.renderInline("\\alpha", 15, Color.BLACK, false); // font loading happens once, here
        long start = System.nanoTime();
        long worst = 0;
        for (int i = 0; i < 25; i++) {
            long t = System.nanoTime();
            MathRenderer.renderInline("\\sum_{k=1}^{" + i + "} \\frac{x_k^2}{\\sqrt{k + " + i + "}}", 15, Color.BLACK, i % 2 == 0);
            worst = Math.max(worst, System.nanoTime() - t);
        }
        double totalMs = (System.nanoTime() - start) / 1e6;
        assertTrue(worst / 1e6 < 500, "slowest uncached formula took " + worst / 1e6 + " ms");
        assertTrue(totalMs < 3000, "25 formulas took " + totalMs + " ms");
    }

    @Test
    void safeFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MathRenderer.Rendered>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String latex = "\\theta_{" + (i % 10) + "} - \\eta \\nabla L_{" + i + "}";
                results.add(pool.submit(() -> MathRenderer.renderInline(latex, 15, Color.BLACK, false)));
            }
            for (Future<MathRenderer.Rendered> f : results) {
                assertTrue(inkPixels(f.get().image()) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- pixel helpers ----

    static int inkPixels(Image img) {
        PixelReader pr = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                if ((pr.getArgb(x, y) >>> 24) > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** One past the last pixel row that holds clearly visible ink. */
    static int lowestInkRow(Image img) {
        PixelReader pr = img.getPixelReader();
        for (int y = (int) img.getHeight() - 1; y >= 0; y--) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                if ((pr.getArgb(x, y) >>> 24) > 128) {
                    return y + 1;
                }
            }
        }
        return 0;
    }

    static Color solidPixel(Image img) {
        PixelReader pr = img.getPixelReader();
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                if ((pr.getArgb(x, y) >>> 24) > 250) {
                    return pr.getColor(x, y);
                }
            }
        }
        throw new AssertionError("no opaque pixel");
    }
}
