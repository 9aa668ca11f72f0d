package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsTotalsAndRates() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        int[][] pairs = {{0, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 1}, {2, 0}, {2, 2}};
        for (int[] p : pairs) {
            m.add(p[0], p[1]);
        }
        assertEquals(2, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(2, 0));
        assertEquals(0, m.count(1, 0));
        assertEquals(8, m.total());
        assertEquals(6, m.correct());
        assertEquals(0.75, m.accuracy(), 1e-15);
        assertEquals(2.0 / 3, m.recall(0), 1e-15);
        assertEquals(2.0 / 3, m.precision(0), 1e-15, "column 0 holds 2 right of 3");
        assertEquals(0.75, m.precision(1), 1e-15);
        assertEquals(0.5, m.recall(2), 1e-15);
        m.clear();
        assertTrue(Double.isNaN(m.accuracy()));
        assertTrue(Double.isNaN(m.recall(1)));
    }

    @Test
    void ofANetworkCountsItsArgmaxPredictions() {
        Mlp net = new Mlp(new int[]{2, 3, 3}, Activation.TANH, Mlp.Output.SOFTMAX);
        net.initialise(new Random(5));
        Datasets2D.Points pts = Datasets2D.generate(Datasets2D.Kind.GAUSSIANS, 90, 0.2, 3, 2);
        int[] indices = java.util.stream.IntStream.range(0, 90).filter(i -> i % 2 == 0).toArray();
        ConfusionMatrix m = ConfusionMatrix.of(net, pts.x(), pts.label(), indices, 3);
        int[][] expected = new int[3][3];
        for (int i : indices) {
            double[] p = net.predict(pts.x()[i]);
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            expected[pts.label()[i]][best]++;
        }
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[a][p], m.count(a, p));
            }
        }
        assertEquals(45, m.total());
    }
}
