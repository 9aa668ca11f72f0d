package org.dlmathlab.math.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShapeImagesTest {

    @Test
    void sameSeedSameImagesAndOtherSeedOtherImages() {
        ShapeImages.Set a = ShapeImages.generate(5, 20, 0.15, 7);
        ShapeImages.Set b = ShapeImages.generate(5, 20, 0.15, 7);
        ShapeImages.Set c = ShapeImages.generate(5, 20, 0.15, 8);
        assertEquals(100, a.size());
        assertArrayEquals(a.labels(), b.labels());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.images()[i], b.images()[i], 0.0);
        }
        assertFalse(Arrays.equals(a.images()[0], c.images()[0]));
    }

    @Test
    void labelsAreBalancedInterleavedAndPixelsInRange() {
        ShapeImages.Set set = ShapeImages.generate(3, 10, 0.5, 1);
        int[] counts = new int[3];
        for (int i = 0; i < set.size(); i++) {
            assertEquals(i % 3, set.labels()[i], "classes take turns, so any prefix is balanced");
            counts[set.labels()[i]]++;
            assertEquals(ShapeImages.SIZE * ShapeImages.SIZE, set.images()[i].length);
            for (double v : set.images()[i]) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
            }
        }
        assertArrayEquals(new int[]{10, 10, 10}, counts);
    }

    /** Ink per row and per column: a horizontal bar fills one band of rows, a vertical bar one band of columns. */
    @Test
    void eachShapeLooksLikeItsName() {
        int n = ShapeImages.SIZE;
        ShapeImages.Set set = ShapeImages.generate(5, 30, 0, 3);
        for (int i = 0; i < set.size(); i++) {
            double[] img = set.images()[i];
            double[] rows = new double[n];
            double[] cols = new double[n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    rows[r] += img[r * n + c];
                    cols[c] += img[r * n + c];
                }
            }
            double rowPeak = Arrays.stream(rows).max().orElseThrow();
            double colPeak = Arrays.stream(cols).max().orElseThrow();
            switch (set.labels()[i]) {
                case 0 -> assertTrue(rowPeak > 2.5 * colPeak, "horizontal bar: ink gathers in a few rows");
                case 1 -> assertTrue(colPeak > 2.5 * rowPeak, "vertical bar: ink gathers in a few columns");
                default -> assertTrue(rowPeak < 2 * colPeak && colPeak < 2 * rowPeak, "symmetric shapes");
            }
        }
        // The ring is hollow: its centre pixel is blank, the cross's is full.
        double[] ring = ShapeImages.prototype(2);
        double[] cross = ShapeImages.prototype(3);
        assertEquals(0, ring[8 * n + 8], 1e-12);
        assertEquals(1, cross[8 * n + 8], 1e-12);
        // The diagonal runs from top left to bottom right.
        double[] diagonal = ShapeImages.prototype(4);
        assertTrue(diagonal[3 * n + 3] > 0.9 && diagonal[3 * n + 12] == 0);
    }

    @Test
    void softEdgesFollowTheFormula() {
        // A horizontal segment at y = 8 of thickness 2: pixel centres at distance 0.5 get 2/2 + 1/2 - 0.5 = 1,
        // at 1.5 get 0, and a pixel beyond the end by 0.5 + ... follows the distance to the end point.
        double[] img = ShapeImages.draw(0, 8, 8, 10, 0, 2);
        int n = ShapeImages.SIZE;
        assertEquals(1, img[7 * n + 8], 1e-12);
        assertEquals(1, img[8 * n + 8], 1e-12);
        assertEquals(0, img[9 * n + 8], 1e-12);
        double d = Math.hypot(13.5 - 13, 8.5 - 8);
        assertEquals(Math.max(0, 1.5 - d), img[8 * n + 13], 1e-12);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShapeImages.generate(1, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ShapeImages.generate(6, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ShapeImages.generate(3, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ShapeImages.generate(3, 5, Double.NaN, 1));
    }

    @Test
    void resamplingKeepsAConstantImageAndMatchesPixelCentres() {
        double[] flat = new double[16 * 16];
        Arrays.fill(flat, 0.4);
        for (double v : ImageResample.resize(flat, 16, 16, 28, 28)) {
            assertEquals(0.4, v, 1e-12);
        }
        // Doubling a 2 x 2 image: output centre (0.5)/4*2 - 0.5 = -0.25 clamps to the first pixel, 0.75 -> x = 0.25.
        double[] src = {0, 1, 0, 1};
        double[] out = ImageResample.resize(src, 2, 2, 4, 4);
        assertEquals(0, out[0], 1e-12);
        assertEquals(0.25, out[1], 1e-12);
        assertEquals(0.75, out[2], 1e-12);
        assertEquals(1, out[3], 1e-12);
    }
}
