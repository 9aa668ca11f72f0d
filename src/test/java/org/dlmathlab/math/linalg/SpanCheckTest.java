package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class SpanCheckTest {

    private static final Matrix2 STRETCH = new Matrix2(2, 1, 1, 2);

    @Test
    void eigenvectorsAreOnTheirSpanWithTheirEigenvalue() {
        SpanCheck up = SpanCheck.of(STRETCH, new Vec2(1.5, 1.5));
        assertTrue(up.onSpan());
        assertEquals(0, up.angleDeg(), 1e-12);
        assertEquals(3, up.stretch(), 1e-12);

        // A negative eigenvalue turns v around: 180 degrees between the vectors, still on the line.
        SpanCheck flip = SpanCheck.of(new Matrix2(0, 1, 1, 0), new Vec2(1, -1));
        assertTrue(flip.onSpan());
        assertEquals(180, flip.angleDeg(), 1e-12);
        assertEquals(-1, flip.stretch(), 1e-12);
    }

    @Test
    void otherVectorsReportTheirAngle() {
        SpanCheck s = SpanCheck.of(STRETCH, new Vec2(1, 0));
        assertFalse(s.onSpan());
        assertEquals(new Vec2(2, 1), s.image());
        assertEquals(Math.toDegrees(Math.atan2(1, 2)), s.angleDeg(), 1e-12);
        assertEquals(2, s.stretch(), 1e-12);
    }

    @Test
    void theOneDegreeToleranceIsMeasuredBetweenLines() {
        // v at angle t from the lambda = 3 line (1, 1): A v is at atan(tan(t) / 3) from it, so the angle between v
        // and Av is t - atan(tan(t) / 3).
        for (double t : new double[]{0.5, 1.2, 1.4, 1.6, 3}) {
            double rad = Math.toRadians(45 + t);
            SpanCheck s = SpanCheck.of(STRETCH, new Vec2(Math.cos(rad), Math.sin(rad)));
            double expected = t - Math.toDegrees(Math.atan(Math.tan(Math.toRadians(t)) / 3));
            assertEquals(expected, s.angleDeg(), 1e-9);
            assertEquals(expected < 1, s.onSpan(), "t = " + t);
        }
    }

    @Test
    void nullSpaceAndZeroVector() {
        SpanCheck kernel = SpanCheck.of(new Matrix2(1, 2, 0.5, 1), new Vec2(2, -1));
        assertTrue(kernel.onSpan(), "A v = 0 = 0 v: an eigenvector with lambda = 0");
        assertTrue(Double.isNaN(kernel.angleDeg()));
        assertEquals(0, kernel.stretch());

        SpanCheck zero = SpanCheck.of(STRETCH, Vec2.ZERO);
        assertFalse(zero.onSpan(), "the zero vector is never an eigenvector");
        assertTrue(Double.isNaN(zero.angleDeg()));
    }

    /** Around the unit circle, the directions kept are exactly Commons Math's eigenvector lines. */
    @Test
    void theSweepKeepsDirectionOnlyOnTheEigenvectorLines() {
        Matrix2 m = new Matrix2(3, 1, 0, 2);
        List<SpanCheck> sweep = SpanCheck.sweep(m, 3600);
        assertEquals(3600, sweep.size());
        EigenDecomposition ref = new EigenDecomposition(new Array2DRowRealMatrix(new double[][]{{3, 1}, {0, 2}}));
        for (SpanCheck s : sweep) {
            assertEquals(1, s.v().length(), 1e-12);
            assertEquals(m.apply(s.v()), s.image());
            double best = 90;
            for (int i = 0; i < 2; i++) {
                var w = ref.getEigenvector(i).unitVector();
                double cross = Math.abs(s.v().x() * w.getEntry(1) - s.v().y() * w.getEntry(0));
                best = Math.min(best, Math.toDegrees(Math.asin(Math.min(1, cross))));
            }
            if (s.onSpan()) {
                assertTrue(best < 5, "kept direction " + s.v() + " is near an eigenvector line");
            }
            if (best < 0.05) {
                assertTrue(s.onSpan(), s.v() + " lies on an eigenvector line");
            }
        }
        assertTrue(sweep.stream().filter(SpanCheck::onSpan).count() >= 4, "both lines, both ways");
        assertThrows(IllegalArgumentException.class, () -> SpanCheck.sweep(m, 2));
    }

    @Test
    void complexTurnAgreesWithCommonsMath() {
        assertTrue(ComplexTurn.of(STRETCH).isEmpty());
        ComplexTurn quarter = ComplexTurn.of(Matrix2.rotation(Math.PI / 2)).orElseThrow();
        assertEquals(90, quarter.angleDeg(), 1e-12);
        assertEquals(1, quarter.scale(), 1e-12);
        assertTrue(quarter.counterClockwise());
        ComplexTurn clockwise = ComplexTurn.of(Matrix2.rotation(-Math.PI / 3).times(Matrix2.scaling(2, 2)))
                .orElseThrow();
        assertEquals(60, clockwise.angleDeg(), 1e-9);
        assertEquals(2, clockwise.scale(), 1e-12);
        assertFalse(clockwise.counterClockwise());

        java.util.Random random = new java.util.Random(5);
        int tested = 0;
        while (tested < 300) {
            Matrix2 m = new Matrix2(random.nextDouble() * 6 - 3, random.nextDouble() * 6 - 3,
                    random.nextDouble() * 6 - 3, random.nextDouble() * 6 - 3);
            var ref = new EigenDecomposition(new Array2DRowRealMatrix(new double[][]{{m.a(), m.b()}, {m.c(), m.d()}}));
            double im = Math.abs(ref.getImagEigenvalues()[0]);
            if (im == 0) {
                continue;
            }
            double re = ref.getRealEigenvalues()[0];
            ComplexTurn t = ComplexTurn.of(m).orElseThrow();
            assertEquals(Math.toDegrees(Math.atan2(im, re)), t.angleDeg(), 1e-8);
            assertEquals(Math.sqrt(m.det()), t.scale(), 1e-9);
            // Every vector turns the way the sign of c says: the cross product v x Av keeps one sign.
            for (int i = 0; i < 8; i++) {
                Vec2 v = new Vec2(Math.cos(i), Math.sin(i));
                Vec2 av = m.apply(v);
                assertEquals(t.counterClockwise(), v.x() * av.y() - v.y() * av.x() > 0, m.toString());
            }
            tested++;
        }
    }
}
