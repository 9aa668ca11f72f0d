package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;

class ConstantFitTest {

    /** The c on a fine grid with the smallest loss, and every grid c within {@code tol} of that smallest loss. */
    private static double[] gridArgmin(Loss loss, double[] y, double tol) {
        double lo = -20;
        double step = 0.001;
        double best = Double.POSITIVE_INFINITY;
        double[] values = new double[40001];
        for (int i = 0; i < values.length; i++) {
            double c = lo + i * step;
            values[i] = loss == Loss.MSE ? ConstantFit.mse(c, y) : ConstantFit.mae(c, y);
            best = Math.min(best, values[i]);
        }
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= best + tol) {
                double c = lo + i * step;
                first = Double.isNaN(first) ? c : first;
                last = c;
            }
        }
        return new double[]{first, last};
    }

    @Test
    void meanAndMedianAgreeWithCommonsMath() {
        Random r = new Random(7);
        for (int n = 1; n <= 12; n++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = -5 + 10 * r.nextDouble();
            }
            assertEquals(StatUtils.mean(y), ConstantFit.mean(y), 1e-12);
            assertEquals(new Median().evaluate(y), ConstantFit.median(y), 1e-12, "n = " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> ConstantFit.mean(new double[0]));
    }

    @Test
    void gridSearchFindsTheMeanForMse() {
        for (double[] y : new double[][]{{3, 4, 2.5, 5, 3.5}, {3, 4, 2.5, 5, 3.5, 20}, {1, 2}}) {
            double[] arg = gridArgmin(Loss.MSE, y, 1e-9);
            double mean = ConstantFit.mean(y);
            assertEquals(mean, arg[0], 0.0015, Arrays.toString(y));
            assertEquals(mean, arg[1], 0.0015, "a single minimum");
            assertEquals(0, ConstantFit.slope(Loss.MSE, mean, y), 1e-12, "flat at the mean");
        }
    }

    @Test
    void gridSearchFindsTheMedianForMaeOddAndEven() {
        double[] odd = {3, 4, 2.5, 5, 3.5};
        double[] arg = gridArgmin(Loss.MAE, odd, 1e-9);
        assertEquals(3.5, arg[0], 0.0015, "odd count: the middle value");
        assertEquals(3.5, arg[1], 0.0015, "and only it");
        assertEquals(3.5, ConstantFit.median(odd), 0);

        double[] even = {3, 4, 2.5, 5, 3.5, 20};
        arg = gridArgmin(Loss.MAE, even, 1e-9);
        assertEquals(3.5, arg[0], 0.0015, "even count: flat from the lower middle value");
        assertEquals(4, arg[1], 0.0015, "to the upper one");
        assertArrayEquals(new double[]{3.5, 4}, ConstantFit.medianInterval(even), 0);
        assertEquals(3.75, ConstantFit.median(even), 0, "the midpoint of the flat stretch");
        assertEquals(ConstantFit.mae(3.5, even), ConstantFit.mae(4, even), 1e-12);
    }

    @Test
    void lossesAndSlopesMatchClosedForms() {
        double[] y = {1, 2, 6};
        double c = 2.5;
        assertEquals((2.25 + 0.25 + 12.25) / 3, ConstantFit.mse(c, y), 1e-12);
        assertEquals((1.5 + 0.5 + 3.5) / 3, ConstantFit.mae(c, y), 1e-12);
        assertEquals(2 * (c - 3), ConstantFit.slope(Loss.MSE, c, y), 1e-12, "2 (c - mean)");
        assertEquals((2 - 1) / 3.0, ConstantFit.slope(Loss.MAE, c, y), 1e-12, "(#below - #above) / n");
        double h = 1e-6;
        assertEquals((ConstantFit.mse(c + h, y) - ConstantFit.mse(c - h, y)) / (2 * h),
                ConstantFit.slope(Loss.MSE, c, y), 1e-6);
        assertEquals((ConstantFit.mae(c + h, y) - ConstantFit.mae(c - h, y)) / (2 * h),
                ConstantFit.slope(Loss.MAE, c, y), 1e-6);
        double[] mse = ConstantFit.pointGradients(Loss.MSE, c, y);
        assertArrayEquals(new double[]{2 * 1.5 / 3, 2 * 0.5 / 3, 2 * -3.5 / 3}, mse, 1e-12, "proportional to the error");
        double[] mae = ConstantFit.pointGradients(Loss.MAE, c, y);
        assertArrayEquals(new double[]{1 / 3.0, 1 / 3.0, -1 / 3.0}, mae, 1e-12, "all the same size");
        assertThrows(IllegalArgumentException.class, () -> ConstantFit.pointGradients(Loss.BINARY_CROSS_ENTROPY, c, y));
    }

    @Test
    void anOutlierDragsTheMeanButBarelyMovesTheMedian() {
        Random r = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + r.nextInt(8);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 10 * r.nextDouble();
            }
            double outlier = 20 + 80 * r.nextDouble();
            double[] with = Arrays.copyOf(y, n + 1);
            with[n] = outlier;
            double mean = ConstantFit.mean(y);
            assertEquals((outlier - mean) / (n + 1), ConstantFit.mean(with) - mean, 1e-9, "mean shift");

            // The new median lies between the old median and the next sorted value up: one position at most.
            double[] sorted = y.clone();
            Arrays.sort(sorted);
            double oldMedian = ConstantFit.median(y);
            double newMedian = ConstantFit.median(with);
            // The next sorted value above the old median: s[n/2] for even n, s[n/2 + 1] for odd n.
            double next = sorted[(n + 1) / 2];
            assertTrue(newMedian >= oldMedian - 1e-12 && newMedian <= next + 1e-12,
                    "median " + oldMedian + " -> " + newMedian + " within one step (" + next + ")");
            assertTrue(Math.abs(newMedian - oldMedian) <= sorted[n - 1] - sorted[0] + 1e-12,
                    "and never beyond the data's own spread, however far the outlier");
        }
    }
}
