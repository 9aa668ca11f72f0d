package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NetGridTest {

    @Test
    void theGridAgreesWithTheNetworkAtEveryCellCentre() {
        for (Activation f : new Activation[]{Activation.TANH, Activation.RELU, Activation.LEAKY_RELU,
            Activation.SIGMOID, Activation.LINEAR}) {
            Mlp net = new Mlp(new int[]{2, 5, 3, 3}, f, Mlp.Output.SOFTMAX);
            net.initialise(new Random(9));
            int nx = 13;
            int ny = 7;
            int[] predicted = new int[nx * ny];
            float[] confidence = new float[nx * ny];
            float[][] hidden = new float[8][nx * ny];
            new NetGrid().evaluate(net, -3, 2, -1, 4, nx, ny, predicted, confidence, hidden);
            Mlp.Pass pass = net.newPass();
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double x = -3 + (i + 0.5) * 5.0 / nx;
                    double y = 4 - (j + 0.5) * 5.0 / ny;
                    double[] p = net.forward(new double[]{x, y}, pass);
                    int c = j * nx + i;
                    assertEquals(ConfusionMatrix.argmax(p), predicted[c], f + " class at " + x + ", " + y);
                    assertEquals(p[predicted[c]], confidence[c], 1e-6, f + " probability");
                    for (int u = 0; u < 5; u++) {
                        assertEquals(pass.a[1][u], hidden[u][c], 1e-6, f + " unit " + u + " of layer 1");
                    }
                    for (int u = 0; u < 3; u++) {
                        assertEquals(pass.a[2][u], hidden[5 + u][c], 1e-6, f + " unit " + u + " of layer 2");
                    }
                }
            }
        }
    }
}
