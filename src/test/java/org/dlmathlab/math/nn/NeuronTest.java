package org.dlmathlab.math.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

class NeuronTest {

    @Test
    void theWeightedSumIsTheBiasPlusTheDotProduct() {
        double[] w = {1.5, -2, 0.25};
        double[] x = {2, 0.5, -4};
        Neuron.Output out = Neuron.evaluate(Activation.SIGMOID, 0, 0.5, w, x, 3);
        double dot = new ArrayRealVector(w).dotProduct(new ArrayRealVector(x));
        assertEquals(0.5 + dot, out.z(), 1e-15);
        assertEquals(0.5 + 3 - 1 - 1, out.z(), 1e-15);
        assertArrayEquals(new double[]{3, -1, -1}, out.terms(), 0);
        assertEquals(1 / (1 + Math.exp(-1.5)), out.a(), 1e-15);
        assertEquals(out.a() * (1 - out.a()), out.slope(), 1e-15);
        assertEquals(0.5 + 3, Neuron.weightedSum(0.5, w, x, 1), 0, "only the first n inputs count");
        assertThrows(IllegalArgumentException.class, () -> Neuron.weightedSum(0, w, x, 4));
    }

    @Test
    void theDecisionLineIsWhereZIsZero() {
        double[] line = Neuron.decisionLine(1, 2, -1);
        for (double s = -3; s <= 3; s += 0.5) {
            double x1 = line[0] + s * line[2];
            double x2 = line[1] + s * line[3];
            assertEquals(0, 1 + 2 * x1 - x2, 1e-12);
        }
        assertNull(Neuron.decisionLine(1, 0, 0));
    }
}
