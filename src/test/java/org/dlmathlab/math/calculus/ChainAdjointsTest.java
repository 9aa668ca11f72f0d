package org.dlmathlab.math.calculus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChainAdjointsTest {

    @Test
    void theNotesChainPassesBlameBackAsFourXThenEightX() {
        // y = 2x, z = y^2 at x = 3: dz/dz = 1, dz/dy = 2y = 12, dz/dx = 12 * 2 = 24 = 8x.
        double[] adj = ChainAdjoints.of(Chain.notesExample().at(3));
        assertArrayEquals(new double[]{24, 12, 1}, adj, 0);
    }

    @Test
    void theFirstAdjointIsTheChainRuleProductAndEachIsTheProductToItsRight() {
        Chain chain = new Chain(List.of(new Chain.Link(Chain.Kind.SCALE, -1.5), new Chain.Link(Chain.Kind.SHIFT, 0.7),
                new Chain.Link(Chain.Kind.TANH, 0), new Chain.Link(Chain.Kind.CUBE, 0),
                new Chain.Link(Chain.Kind.SIN, 0)));
        Chain.Pass pass = chain.at(0.4);
        double[] adj = ChainAdjoints.of(pass);
        assertEquals(pass.derivative(), adj[0], 1e-15 * Math.abs(pass.derivative()));
        double[] locals = pass.locals();
        for (int i = 0; i <= locals.length; i++) {
            double product = 1;
            for (int j = i; j < locals.length; j++) {
                product *= locals[j];
            }
            assertEquals(product, adj[i], 1e-15 * Math.max(1, Math.abs(product)), "dz/du" + i);
        }
    }
}
