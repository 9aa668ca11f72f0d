package org.dlmathlab.math.nn;

import java.util.Arrays;

/**
 * The best constant prediction c for data y_1..y_n under MSE and under MAE, the outlier demo's math.
 *
 * <ul>
 *   <li>MSE(c) = (1/n) sum (c - y_i)^2, a parabola with dMSE/dc = 2 (c - mean); its only minimum is the mean
 *       (1/n) sum y_i. Each point pulls on c with -dL_i/dc = 2 (y_i - c) / n: proportional to its error.</li>
 *   <li>MAE(c) = (1/n) sum |c - y_i|, piecewise linear with dMAE/dc = (#{y_i &lt; c} - #{y_i &gt; c}) / n; it is
 *       minimal where as many points lie above c as below: at the median. For an even n every c between the two
 *       middle values is a minimum; {@link #median} returns their midpoint, as statistics usually does. Each point
 *       pulls with sign(y_i - c) / n: the same size, however far away it is.</li>
 * </ul>
 * So one far-away point y_out moves the mean by (y_out - mean) / (n + 1), without bound, while the median moves
 * by at most one position in the sorted data.
 */
public final class ConstantFit {

    private ConstantFit() {
    }

    /** (1/n) sum y_i. */
    public static double mean(double[] y) {
        requireData(y);
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        return sum / y.length;
    }

    /** The middle value of the sorted data; for an even count the midpoint of the two middle values. */
    public static double median(double[] y) {
        double[] interval = medianInterval(y);
        return (interval[0] + interval[1]) / 2;
    }

    /**
     * Every minimiser of MAE: {lo, hi} with lo = hi = the middle value for odd n, the two middle values for even n.
     */
    public static double[] medianInterval(double[] y) {
        requireData(y);
        double[] s = y.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? new double[]{s[n / 2], s[n / 2]} : new double[]{s[n / 2 - 1], s[n / 2]};
    }

    /** MSE of the constant prediction c: the notes' mean((p - y)^2) with every p_i = c. */
    public static double mse(double c, double[] y) {
        return Loss.MSE.value(constant(c, y.length), y);
    }

    /** MAE of the constant prediction c: mean(|p - y|) with every p_i = c. */
    public static double mae(double c, double[] y) {
        return Loss.MAE.value(constant(c, y.length), y);
    }

    /** dL/dc = sum_i dL/dp_i, since c feeds every prediction p_i. For MAE at a data value, sign(0) = 0 is used. */
    public static double slope(Loss loss, double c, double[] y) {
        double sum = 0;
        for (double g : pointGradients(loss, c, y)) {
            sum += g;
        }
        return sum;
    }

    /** Each point's share dL/dp_i of the slope: 2 (c - y_i) / n for MSE, sign(c - y_i) / n for MAE. */
    public static double[] pointGradients(Loss loss, double c, double[] y) {
        if (loss != Loss.MSE && loss != Loss.MAE) {
            throw new IllegalArgumentException("the constant fit compares MSE and MAE, not " + loss);
        }
        return loss.gradient(constant(c, y.length), y);
    }

    /** The largest loss the view needs to scale a curve: max of L(c) over [lo, hi] (L is convex: at an end). */
    public static double maxOver(Loss loss, double lo, double hi, double[] y) {
        return loss == Loss.MSE ? Math.max(mse(lo, y), mse(hi, y)) : Math.max(mae(lo, y), mae(hi, y));
    }

    private static double[] constant(double c, int n) {
        double[] p = new double[n];
        Arrays.fill(p, c);
        return p;
    }

    private static void requireData(double[] y) {
        if (y.length == 0) {
            throw new IllegalArgumentException("the constant fit needs at least one data point");
        }
    }
}
