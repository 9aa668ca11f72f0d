package org.dlmathlab.math.data;

import java.util.Random;

/**
 * A generated, labelled set of small grey images of simple shapes, for training a classifier in seconds: class 0 a
 * horizontal bar, 1 a vertical bar, 2 a ring, 3 a cross (a plus sign), 4 a diagonal from top left to bottom right.
 * Each image is {@value #SIZE} x {@value #SIZE} pixels in row-major order (row 0 at the top), values in [0, 1].
 *
 * <p>A shape is drawn with soft edges: pixel (r, c), whose centre is p = (c + 1/2, r + 1/2), gets the ink
 * v = clamp(t/2 + 1/2 - dist(p, shape), 0, 1), where t is the stroke thickness and dist the distance from p to the
 * shape's centre line (a segment, or |‖p - centre‖ - radius| for the ring). The centre is jittered by up to
 * {@value #JITTER} pixels on each axis, and length, radius and thickness vary, so no two images are alike; then
 * Gaussian pixel noise of standard deviation sigma is added and the result clamped to [0, 1]. The same seed gives the
 * same set.
 */
public final class ShapeImages {

    public static final int SIZE = 16;
    public static final int MAX_CLASSES = 5;
    /** Largest shift of a shape's centre from the middle of the image, in pixels. */
    public static final double JITTER = 2.5;

    /** A generated set: images[i] has class labels[i] (0-based). */
    public record Set(double[][] images, int[] labels, int classes) {
        public int size() {
            return labels.length;
        }
    }

    private ShapeImages() {
    }

    /**
     * perClass images of each of the first {@code classes} shapes, interleaved (0, 1, 2, ..., 0, 1, 2, ...) so any
     * prefix is balanced.
     */
    public static Set generate(int classes, int perClass, double noise, long seed) {
        if (classes < 2 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be between 2 and " + MAX_CLASSES + ", not " + classes);
        }
        if (perClass < 1) {
            throw new IllegalArgumentException("at least one image per class is needed, not " + perClass);
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("noise must be between 0 and 1, not " + noise);
        }
        Random random = new Random(seed);
        double[][] images = new double[classes * perClass][];
        int[] labels = new int[images.length];
        int i = 0;
        for (int k = 0; k < perClass; k++) {
            for (int c = 0; c < classes; c++) {
                double cx = SIZE / 2.0 + JITTER * (2 * random.nextDouble() - 1);
                double cy = SIZE / 2.0 + JITTER * (2 * random.nextDouble() - 1);
                double length = 8 + 5 * random.nextDouble();
                double radius = 3 + 2.5 * random.nextDouble();
                double thickness = 1.2 + 1.4 * random.nextDouble();
                double[] img = draw(c, cx, cy, length, radius, thickness);
                for (int p = 0; p < img.length; p++) {
                    img[p] = clamp(img[p] + noise * random.nextGaussian());
                }
                images[i] = img;
                labels[i] = c;
                i++;
            }
        }
        return new Set(images, labels, classes);
    }

    /** A clean, centred example of shape {@code shape} (0-based), without noise: what a careful drawing looks like. */
    public static double[] prototype(int shape) {
        if (shape < 0 || shape >= MAX_CLASSES) {
            throw new IllegalArgumentException("no shape " + shape);
        }
        return draw(shape, SIZE / 2.0, SIZE / 2.0, 11, 4.5, 2);
    }

    /** Renders one shape with soft edges; see the class comment for the formula. */
    static double[] draw(int shape, double cx, double cy, double length, double radius, double thickness) {
        double[] img = new double[SIZE * SIZE];
        double h = length / 2;
        // A diagonal of the same extent along each axis as a bar of this length.
        double d = h / Math.sqrt(2);
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double px = c + 0.5;
                double py = r + 0.5;
                double dist = switch (shape) {
                    case 0 -> segment(px, py, cx - h, cy, cx + h, cy);
                    case 1 -> segment(px, py, cx, cy - h, cx, cy + h);
                    case 2 -> Math.abs(Math.hypot(px - cx, py - cy) - radius);
                    case 3 -> Math.min(segment(px, py, cx - h, cy, cx + h, cy), segment(px, py, cx, cy - h, cx, cy + h));
                    default -> segment(px, py, cx - 1.4 * d, cy - 1.4 * d, cx + 1.4 * d, cy + 1.4 * d);
                };
                img[r * SIZE + c] = clamp(thickness / 2 + 0.5 - dist);
            }
        }
        return img;
    }

    /** Distance from (px, py) to the segment from (ax, ay) to (bx, by). */
    static double segment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : Math.min(1, v);
    }
}
