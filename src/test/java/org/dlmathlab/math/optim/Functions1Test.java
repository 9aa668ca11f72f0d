package org.dlmathlab.math.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.dlmathlab.math.expr.Expression;
import org.junit.jupiter.api.Test;

class Functions1Test {

    @Test
    void exactDerivativesMatchCentralDifferences() {
        Random random = new Random(7);
        for (Function1 f : Functions1.ALL) {
            for (int n = 0; n < 200; n++) {
                double x = f.viewMin() + random.nextDouble() * (f.viewMax() - f.viewMin());
                double numeric = Function1.centralDifference(f.f(), x);
                assertEquals(numeric, f.slope(x), 1e-6 * Math.max(1, Math.abs(numeric)), f.id() + " at " + x);
            }
        }
    }

    @Test
    void presetsHaveTheDocumentedMinima() {
        assertEquals(0, Functions1.QUADRATIC.slope(2.0 / 3), 1e-15);
        assertEquals(0, Functions1.FLAT_STEEP.slope(Math.log(2)), 1e-15);
        assertEquals(0, Functions1.DOUBLE_WELL.slope(-1.300839565941577), 1e-12);
        assertEquals(0, Functions1.DOUBLE_WELL.slope(1.130901122629986), 1e-12);
        assertTrue(Functions1.DOUBLE_WELL.value(-1.3008) < Functions1.DOUBLE_WELL.value(1.1309),
                "the left valley is the global minimum");
    }

    @Test
    void presetsAreFoundByUniqueIdsAndStartInView() {
        assertEquals(List.of("square", "quadratic", "double-well", "flat-steep"),
                Functions1.ALL.stream().map(Function1::id).toList());
        assertEquals(4, new HashSet<>(Functions1.ALL.stream().map(Function1::id).toList()).size());
        for (Function1 f : Functions1.ALL) {
            assertEquals(f, Functions1.byId(f.id()));
            assertTrue(f.viewMin() < f.defaultStart() && f.defaultStart() < f.viewMax(), f.id());
        }
        assertEquals(3, Functions1.SQUARE.defaultStart());
        assertThrows(NoSuchElementException.class, () -> Functions1.byId("nope"));
    }

    @Test
    void typedFormulaGetsANumericalDerivative() {
        Function1 cubic = Function1.typed(Expression.parse("x^3 - 2x", List.of("x")));
        assertEquals(Function1.TYPED_ID, cubic.id());
        for (double x : new double[]{-3, -0.5, 0, 0.25, 2, 100}) {
            double exact = 3 * x * x - 2;
            // The error of the central difference is f''' h^2 / 6 = h^2 with h = 1e-5 max(1, |x|), plus rounding.
            assertEquals(exact, cubic.slope(x), 1e-8 * Math.max(1, Math.abs(exact)), "at " + x);
        }
        assertEquals(8 - 4, cubic.value(2), 1e-15);
    }

    @Test
    void typedFormulaMustHaveOneVariable() {
        assertThrows(IllegalArgumentException.class, () -> Function1.typed(Expression.parse("x + y", "x", "y")));
    }
}
