package org.dlmathlab.math.calculus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChainTest {

    @Test
    void notesExampleGivesEightX() {
        Chain chain = Chain.notesExample();
        Chain.Pass pass = chain.at(3);
        assertArrayEquals(new double[]{3, 6, 36}, pass.values(), 0);
        assertArrayEquals(new double[]{2, 12}, pass.locals(), 0, "dy/dx = 2, dz/dy = 2y = 12");
        assertEquals(24, pass.derivative(), 0, "dz/dx = 8x");
        assertEquals("(2x)²", chain.formula());
    }

    @Test
    void sigmoidOfAnAffineMapMatchesItsClosedForm() {
        double w = 1.5;
        double b = -0.5;
        Chain chain = new Chain(List.of(new Chain.Link(Chain.Kind.SCALE, w), new Chain.Link(Chain.Kind.SHIFT, b),
                new Chain.Link(Chain.Kind.SIGMOID, 0)));
        for (double x = -4; x <= 4; x += 0.5) {
            double s = 1 / (1 + Math.exp(-(w * x + b)));
            assertEquals(s, chain.value(x), 1e-15);
            assertEquals(s * (1 - s) * w, chain.at(x).derivative(), 1e-15);
        }
        assertEquals("σ(1.5x - 0.5)", chain.formula());
        assertEquals("(x + 1)²", new Chain(List.of(new Chain.Link(Chain.Kind.SHIFT, 1),
                new Chain.Link(Chain.Kind.SQUARE, 0))).formula());
    }

    @Test
    void randomChainsAgreeWithTheNumericalDerivative() {
        Random random = new Random(7);
        Chain.Kind[] kinds = Chain.Kind.values();
        for (int trial = 0; trial < 300; trial++) {
            List<Chain.Link> links = new ArrayList<>();
            int length = 1 + random.nextInt(4);
            for (int i = 0; i < length; i++) {
                Chain.Kind kind = kinds[random.nextInt(kinds.length)];
                // Keep values moderate so exp and cube stay well inside double range.
                if (kind == Chain.Kind.EXP || kind == Chain.Kind.CUBE) {
                    links.add(new Chain.Link(Chain.Kind.TANH, 0));
                }
                links.add(new Chain.Link(kind, -2 + 4 * random.nextDouble()));
            }
            Chain chain = new Chain(links);
            double x = -2 + 4 * random.nextDouble();
            if (links.stream().anyMatch(l -> l.kind() == Chain.Kind.RELU)) {
                continue; // a kink: the numerical derivative is wrong right at it, checked separately below
            }
            double analytic = chain.at(x).derivative();
            double numeric = chain.numericalDerivative(x);
            assertEquals(numeric, analytic, 1e-6 * Math.max(1, Math.abs(analytic)), chain.formula() + " at " + x);
        }
    }

    @Test
    void reluPassesGradientOnlyWhenPositive() {
        Chain chain = new Chain(List.of(new Chain.Link(Chain.Kind.SHIFT, -1), new Chain.Link(Chain.Kind.RELU, 0)));
        assertEquals(1, chain.at(2).derivative());
        assertEquals(0, chain.at(0.5).derivative());
        assertEquals("relu(x - 1)", chain.formula());
        assertThrows(IllegalArgumentException.class, () -> new Chain(List.of()));
    }
}
