package org.dlmathlab.math.nn;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Labelled points in the plane for classification, repeatable for a seed (Commons Math's Well19937c).
 *
 * <p>Every set has n points shared out evenly between its classes (class c gets points i with i mod k = c), and
 * every point then gets Gaussian jitter N(0, noise^2) on each coordinate. The shapes, before the jitter:
 * <ul>
 *   <li>circle (2 classes): class 0 uniform in the disc r &lt;= 1.2, class 1 in the ring 1.8 &lt;= r &lt;= 2.8
 *       (uniform in area: r = sqrt(u (r_1^2 - r_0^2) + r_0^2));</li>
 *   <li>XOR (2 classes): uniform in [-2.8, 2.8]^2, kept 0.15 away from both axes; class 0 where x y &gt; 0
 *       (first and third quadrants), class 1 where x y &lt; 0;</li>
 *   <li>Gaussians (k = 2..4 classes): class c ~ N(m_c, 0.45^2 I) with centres on a circle of radius 1.6,
 *       m_c = 1.6 (cos(pi/4 + 2 pi c / k), sin(pi/4 + 2 pi c / k));</li>
 *   <li>spiral (k = 2..4 arms): point j of n_c in arm c at t = j / n_c has radius r = 0.3 + 2.4 t and angle
 *       theta = 2 pi c / k + 2 pi t (one full turn), plus 0.08 of extra spread so the arms are not curves.</li>
 * </ul>
 */
public final class Datasets2D {

    /** The shapes on offer. */
    public enum Kind {
        CIRCLE, XOR, GAUSSIANS, SPIRAL;

        /** Whether the number of classes can be chosen (2 to 4); circle and XOR always have 2. */
        public boolean hasClassChoice() {
            return this == GAUSSIANS || this == SPIRAL;
        }
    }

    public static final int MIN_CLASSES = 2;
    public static final int MAX_CLASSES = 4;
    /** The points all lie within about this distance of the origin (before noise). */
    public static final double EXTENT = 3;

    /**
     * A labelled set: x[i] = {x1, x2}, label[i] in 0 .. classes - 1.
     */
    public record Points(double[][] x, int[] label, int classes) {
        public Points {
            if (x.length != label.length) {
                throw new IllegalArgumentException(x.length + " points but " + label.length + " labels");
            }
            if (classes < 1) {
                throw new IllegalArgumentException("at least one class");
            }
        }

        public int size() {
            return x.length;
        }

        /** How many points carry each label. */
        public int[] counts() {
            int[] out = new int[classes];
            for (int l : label) {
                out[l]++;
            }
            return out;
        }
    }

    private Datasets2D() {
    }

    /**
     * n points of the given shape.
     *
     * @param classes used by Gaussians and spiral (2 to 4); circle and XOR ignore it and have 2
     * @param noise   standard deviation of the jitter added to each coordinate, at least 0
     */
    public static Points generate(Kind kind, int n, double noise, int classes, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, not " + noise);
        }
        int k = kind.hasClassChoice() ? classes : 2;
        if (k < MIN_CLASSES || k > MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be from 2 to 4, not " + classes);
        }
        RandomGenerator rng = new Well19937c(seed);
        double[][] x = new double[n][];
        int[] label = new int[n];
        int[] perClass = new int[k];
        for (int i = 0; i < n; i++) {
            perClass[i % k]++;
        }
        int[] seen = new int[k];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            label[i] = c;
            double[] p = switch (kind) {
                case CIRCLE -> circle(c, rng);
                case XOR -> xor(c, rng);
                case GAUSSIANS -> gaussian(c, k, rng);
                case SPIRAL -> spiral(c, k, seen[c], perClass[c], rng);
            };
            seen[c]++;
            p[0] += noise * rng.nextGaussian();
            p[1] += noise * rng.nextGaussian();
            x[i] = p;
        }
        return new Points(x, label, k);
    }

    private static double[] circle(int c, RandomGenerator rng) {
        double r0 = c == 0 ? 0 : 1.8;
        double r1 = c == 0 ? 1.2 : 2.8;
        // Uniform in area, not in radius, so the disc is not crowded at its centre.
        double r = Math.sqrt(rng.nextDouble() * (r1 * r1 - r0 * r0) + r0 * r0);
        double a = 2 * Math.PI * rng.nextDouble();
        return new double[]{r * Math.cos(a), r * Math.sin(a)};
    }

    private static double[] xor(int c, RandomGenerator rng) {
        double gap = 0.15;
        double u = gap + (2.8 - gap) * rng.nextDouble();
        double v = gap + (2.8 - gap) * rng.nextDouble();
        // Class 0 in quadrants 1 and 3 (x y > 0), class 1 in quadrants 2 and 4.
        boolean flip = rng.nextBoolean();
        double sx = flip ? -1 : 1;
        double sy = c == 0 ? sx : -sx;
        return new double[]{sx * u, sy * v};
    }

    private static double[] gaussian(int c, int k, RandomGenerator rng) {
        double a = Math.PI / 4 + 2 * Math.PI * c / k;
        return new double[]{1.6 * Math.cos(a) + 0.45 * rng.nextGaussian(), 1.6 * Math.sin(a) + 0.45 * rng.nextGaussian()};
    }

    private static double[] spiral(int c, int k, int j, int count, RandomGenerator rng) {
        double t = count <= 1 ? 0 : (double) j / count;
        double r = 0.3 + 2.4 * t;
        double a = 2 * Math.PI * c / k + 2 * Math.PI * t;
        return new double[]{r * Math.cos(a) + 0.08 * rng.nextGaussian(), r * Math.sin(a) + 0.08 * rng.nextGaussian()};
    }
}
