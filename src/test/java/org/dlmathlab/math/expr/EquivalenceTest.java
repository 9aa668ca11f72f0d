package org.dlmathlab.math.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EquivalenceTest {

    private static Expression x(String source) {
        return Expression.parse(source, List.of("x"));
    }

    private static Equivalence.Result compare(String reference, String candidate, double lo, double hi) {
        return Equivalence.compare(x(reference), x(candidate), lo, hi, 50, 1e-9, 1e-9);
    }

    @Test
    void implicitAndExplicitMultiplicationAreEquivalent() {
        Equivalence.Result r = compare("6x - 4", "6*x-4", -10, 10);
        assertTrue(r.equivalent());
        assertEquals(50, r.pointsCompared());
    }

    @Test
    void differentFormulasAreNotEquivalentAndTheWorstPointIsReported() {
        Equivalence.Result r = compare("6x-4", "6x+4", -10, 10);
        assertFalse(r.equivalent());
        assertTrue(r.worstX() > -10 && r.worstX() < 10, "worstX=" + r.worstX());
        assertEquals(6 * r.worstX() - 4, r.expected(), 1e-12);
        assertEquals(6 * r.worstX() + 4, r.actual(), 1e-12);
        // the error is 8 everywhere, so relative to the tolerance it is worst where the reference is smallest
        for (double p : Equivalence.samplePoints(-10, 10, 50)) {
            assertTrue(Math.abs(6 * r.worstX() - 4) <= Math.abs(6 * p - 4), "point " + p);
        }
    }

    @Test
    void sqrtOfSquareIsAbs() {
        assertTrue(compare("sqrt(x^2)", "abs(x)", -5, 5).equivalent());
        assertFalse(compare("sqrt(x^2)", "x", -5, 5).equivalent());
    }

    @Test
    void reciprocalNearZeroIsComparedWhereFinite() {
        Equivalence.Result r = compare("1/x", "x^-1", -1, 1);
        assertTrue(r.equivalent());
        assertEquals(50, r.pointsCompared());
        assertTrue(compare("1/x", "x/x^2", -1, 1).equivalent());
        assertFalse(compare("1/x", "1/(x + 1e-6)", -1, 1).equivalent());

        // near 0, x^400 underflows to 0 and the reference becomes infinite: those points are skipped
        Equivalence.Result steep = compare("1/x^400", "(1/x)^400", -1.2, 1.2);
        assertTrue(steep.equivalent());
        assertTrue(steep.pointsCompared() < 50 && steep.pointsCompared() >= 25, "compared " + steep.pointsCompared());
        int nearZero = 0;
        for (double p : Equivalence.samplePoints(-1.2, 1.2, 50)) {
            nearZero += Math.abs(p) < 0.15 ? 1 : 0;
        }
        assertTrue(nearZero > 0);
        assertTrue(steep.pointsCompared() <= 50 - nearZero, "compared " + steep.pointsCompared());
    }

    @Test
    void pointsWhereTheReferenceIsNotFiniteAreSkipped() {
        // ln(x) is NaN for x < 0: those 20 of the 80 points are skipped
        Equivalence.Result r = Equivalence.compare(x("ln(x)"), x("log(x)"), -1, 3, 80, 1e-12, 1e-12);
        assertTrue(r.equivalent());
        assertEquals(60, r.pointsCompared());
        // 1/(x - x) is infinite or NaN everywhere
        assertThrows(IllegalArgumentException.class,
                () -> Equivalence.compare(x("1/(x-x)"), x("x"), -1, 1, 20, 1e-9, 1e-9));
        // sqrt is NaN on [-3, -1]
        assertThrows(IllegalArgumentException.class,
                () -> Equivalence.compare(x("sqrt(x)"), x("x"), -3, -1, 20, 1e-9, 1e-9));
    }

    @Test
    void aNonFiniteCandidateWhereTheReferenceIsFiniteIsAMismatch() {
        Equivalence.Result r = compare("sqrt(abs(x))", "sqrt(x)", -1, 1);
        assertFalse(r.equivalent());
        assertTrue(r.worstX() < 0);
        assertTrue(Double.isNaN(r.actual()));
        assertFalse(compare("x", "x/(x-x)", -1, 1).equivalent());
    }

    @Test
    void tinyRelativeDifferencesAreWithinRelativeTolerance() {
        Equivalence.Result r = Equivalence.compare(x("x^2"), x("x*x*(1+1e-12)"), -100, 100, 100, 0, 1e-9);
        assertTrue(r.equivalent());
        assertFalse(Equivalence.compare(x("x^2"), x("x*x*(1+1e-6)"), -100, 100, 100, 0, 1e-9).equivalent());
        // with no tolerance at all, only exactly equal values pass
        assertTrue(Equivalence.compare(x("x+x"), x("2x"), -3, 3, 30, 0, 0).equivalent());
    }

    @Test
    void absoluteToleranceMatters() {
        assertTrue(Equivalence.compare(x("x"), x("x + 0.001"), 0, 1, 20, 0.01, 0).equivalent());
        assertFalse(Equivalence.compare(x("x"), x("x + 0.001"), 0, 1, 20, 0.0001, 0).equivalent());
    }

    @Test
    void constantFormulasCanBeCompared() {
        Expression half = Expression.parse("1/2", List.of());
        assertTrue(Equivalence.compare(half, x("0.5"), 0, 1, 10, 1e-12, 0).equivalent());
        assertFalse(Equivalence.compare(half, x("x"), 0, 1, 10, 1e-12, 0).equivalent());
    }

    @Test
    void samplePointsAreDeterministicSpreadAndAvoidIntegers() {
        double[] a = Equivalence.samplePoints(-5, 5, 40);
        assertArrayEquals(a, Equivalence.samplePoints(-5, 5, 40));
        assertEquals(40, a.length);
        for (int i = 0; i < a.length; i++) {
            assertTrue(a[i] > -5 && a[i] < 5);
            assertNotEquals(Math.rint(a[i]), a[i], "integer sample " + a[i]);
            // point i stays in its own cell [lo + i*h, lo + (i+1)*h]
            assertTrue(a[i] > -5 + i * 0.25 && a[i] < -5 + (i + 1) * 0.25, "point " + i + " = " + a[i]);
        }
        for (double p : Equivalence.samplePoints(0, 4, 4)) {
            assertNotEquals(Math.rint(p), p);
            assertNotEquals(Math.rint(p) + 0.5, p, "no plain cell midpoints either");
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        Expression e = x("x");
        assertThrows(IllegalArgumentException.class, () -> Equivalence.compare(e, e, 1, 1, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Equivalence.compare(e, e, 2, 1, 10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Equivalence.compare(e, e, 0, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Equivalence.compare(e, e, 0, 1, 10, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> Equivalence.compare(e, e, 0, 1, 10, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Equivalence.compare(Expression.parse("x + y", List.of("x", "y")), e, 0, 1, 10, 0, 0));
    }
}
