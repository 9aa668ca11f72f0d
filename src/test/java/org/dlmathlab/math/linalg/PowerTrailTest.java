package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class PowerTrailTest {

    private static RealMatrix cm(Matrix2 m) {
        return new Array2DRowRealMatrix(new double[][]{{m.a(), m.b()}, {m.c(), m.d()}});
    }

    @Test
    void rawPointsAreThePowersOfAAppliedToV() {
        Matrix2 m = new Matrix2(1.3, -0.4, 0.7, 0.9);
        Vec2 v = new Vec2(0.6, -1.1);
        PowerTrail raw = PowerTrail.of(m, v, 12, false);
        PowerTrail unit = PowerTrail.of(m, v, 12, true);
        assertEquals(13, raw.points().size());
        assertEquals(12, raw.steps());
        RealMatrix a = cm(m);
        for (int k = 0; k <= 12; k++) {
            RealVector expected = a.power(k).operate(new org.apache.commons.math3.linear.ArrayRealVector(new double[]{v.x(), v.y()}));
            Vec2 p = raw.points().get(k);
            assertEquals(expected.getEntry(0), p.x(), 1e-12 * expected.getNorm() + 1e-14, "x of A^" + k + " v");
            assertEquals(expected.getEntry(1), p.y(), 1e-12 * expected.getNorm() + 1e-14, "y of A^" + k + " v");
            Vec2 u = unit.points().get(k);
            assertEquals(1, u.length(), 1e-12, "normalised points have unit length");
            assertEquals(expected.getEntry(0) / expected.getNorm(), u.x(), 1e-12);
            assertEquals(expected.getEntry(1) / expected.getNorm(), u.y(), 1e-12);
        }
    }

    /**
     * tan(angle_k) = |beta r^k sin phi| / |alpha + beta (lambda2/lambda1)^k cos phi| for v = alpha u1 + beta u2, with
     * the eigen data taken from Commons Math; and for large k the tangent shrinks by |lambda2/lambda1| per step.
     */
    @Test
    void angleToTheDominantLineShrinksLikeTheRatioToTheK() {
        Random random = new Random(11);
        int tested = 0;
        int shrinkChecks = 0;
        while (tested < 200) {
            Matrix2 m = new Matrix2(random.nextDouble() * 6 - 3, random.nextDouble() * 6 - 3,
                    random.nextDouble() * 6 - 3, random.nextDouble() * 6 - 3);
            EigenDecomposition ref = new EigenDecomposition(cm(m));
            double[] re = ref.getRealEigenvalues();
            if (ref.getImagEigenvalues()[0] != 0) {
                continue;
            }
            int dom = Math.abs(re[0]) > Math.abs(re[1]) ? 0 : 1;
            double l1 = re[dom];
            double l2 = re[1 - dom];
            double r = Math.abs(l2 / l1);
            if (r > 0.9 || r < 0.05) {
                continue; // too slow to see in 30 steps, or done in one
            }
            RealVector w1 = ref.getEigenvector(dom).unitVector();
            RealVector w2 = ref.getEigenvector(1 - dom).unitVector();
            Vec2 u1 = new Vec2(w1.getEntry(0), w1.getEntry(1));
            Vec2 u2 = new Vec2(w2.getEntry(0), w2.getEntry(1));
            Vec2 v = new Vec2(random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2);
            double det = u1.x() * u2.y() - u1.y() * u2.x();
            double alpha = (v.x() * u2.y() - v.y() * u2.x()) / det;
            double beta = (u1.x() * v.y() - u1.y() * v.x()) / det;
            if (Math.abs(alpha) < 0.05 * v.length()) {
                continue;
            }
            PowerTrail t = PowerTrail.of(m, v, 30, true);
            assertEquals(PowerTrail.Behaviour.DOMINANT, t.behaviour(), m.toString());
            assertEquals(r, t.ratio(), 1e-9, "ratio of " + m);
            assertEquals(l1, t.dominantLambda(), 1e-9);
            double sinPhi = Math.abs(u1.x() * u2.y() - u1.y() * u2.x());
            double cosPhi = u1.dot(u2);
            double previousTan = Double.NaN;
            for (int k = 0; k <= 30; k++) {
                double q = Math.pow(l2 / l1, k);
                double expectedTan = Math.abs(beta * q * sinPhi) / Math.abs(alpha + beta * q * cosPhi);
                double tan = Math.tan(Math.toRadians(t.angle(k)));
                assertEquals(expectedTan, tan, 1e-9 * Math.max(1, expectedTan) + 1e-12,
                        "tan of the angle at k = " + k + " for " + m + ", v = " + v);
                // Once the u2 part is small next to alpha, each step multiplies the tangent by r.
                if (k > 0 && Math.abs(beta / alpha) * Math.pow(r, k - 1) < 1e-3 && expectedTan > 1e-7) {
                    assertEquals(r, tan / previousTan, 0.01 * r, "shrinks by r per step for " + m);
                    shrinkChecks++;
                }
                previousTan = tan;
            }
            assertTrue(t.lastAngle() < t.angle(0) || t.angle(0) < 1e-9, "pulled toward the dominant line");
            tested++;
        }
        assertTrue(shrinkChecks > 500, "the asymptotic rate was checked " + shrinkChecks + " times");
    }

    @Test
    void theLessonsExampleReachesOneDegreeInSixSteps() {
        PowerTrail t = PowerTrail.of(new Matrix2(2, 1, 1, 2), new Vec2(1, -0.8), 6, true);
        assertEquals(Math.toDegrees(Math.atan(9)), t.angle(0), 1e-9);
        assertEquals(Math.toDegrees(Math.atan(9 / 243.0)), t.angle(5), 1e-9);
        assertEquals(Math.toDegrees(Math.atan(9 / 729.0)), t.angle(6), 1e-9);
        assertTrue(t.angle(5) > 1 && t.angle(6) < 1);
        assertEquals(1 / 3.0, t.ratio(), 1e-12);
    }

    @Test
    void theOtherBehavioursAreNamed() {
        Vec2 v = new Vec2(1, 0.5);
        PowerTrail spin = PowerTrail.of(Matrix2.rotation(Math.PI / 2), v, 4, true);
        assertEquals(PowerTrail.Behaviour.COMPLEX, spin.behaviour());
        assertTrue(spin.dominant().isEmpty());
        assertTrue(Double.isNaN(spin.lastAngle()));
        assertEquals(1, spin.ratio(), 0, "a complex pair has |lambda1| = |lambda2|");
        // Four quarter turns bring v home.
        assertEquals(v.normalized().x(), spin.last().x(), 1e-12);
        assertEquals(v.normalized().y(), spin.last().y(), 1e-12);

        PowerTrail tie = PowerTrail.of(new Matrix2(0, 1, 1, 0), v, 3, true);
        assertEquals(PowerTrail.Behaviour.TIE, tie.behaviour());
        assertTrue(Double.isNaN(tie.lastAngle()));
        // A^2 = I: the trail flips between two directions.
        assertEquals(tie.points().get(1), tie.points().get(3));

        PowerTrail every = PowerTrail.of(new Matrix2(1.5, 0, 0, 1.5), v, 3, false);
        assertEquals(PowerTrail.Behaviour.EVERY_DIRECTION, every.behaviour());
        assertEquals(1.5 * 1.5 * 1.5 * v.x(), every.last().x(), 1e-12);

        PowerTrail shear = PowerTrail.of(Matrix2.shear(1), new Vec2(0, 1), 30, true);
        assertEquals(PowerTrail.Behaviour.DEFECTIVE, shear.behaviour());
        // A^k (0, 1) = (k, 1): the angle to the x-axis is atan(1/k), a slow 1/k pull.
        for (int k = 1; k <= 30; k++) {
            assertEquals(Math.toDegrees(Math.atan(1.0 / k)), shear.angle(k), 1e-9);
        }

        PowerTrail stuck = PowerTrail.of(new Matrix2(2, 1, 1, 2), new Vec2(1, -1), 5, true);
        assertEquals(PowerTrail.Behaviour.STUCK_ON_OTHER, stuck.behaviour());
        assertEquals(90, stuck.lastAngle(), 1e-9, "stays on the lambda = 1 line, square to the dominant one");

        PowerTrail oneStep = PowerTrail.of(new Matrix2(1, 2, 0.5, 1), new Vec2(1, 0), 1, true);
        assertEquals(PowerTrail.Behaviour.DOMINANT, oneStep.behaviour());
        assertEquals(0, oneStep.ratio(), 1e-12);
        assertEquals(0, oneStep.lastAngle(), 1e-9, "lambda2 = 0: one step lands on the dominant line");
    }

    @Test
    void aTrailIntoTheNullSpaceStopsAtTheOrigin() {
        PowerTrail kernel = PowerTrail.of(new Matrix2(1, 2, 0.5, 1), new Vec2(2, -1), 3, false);
        assertEquals(PowerTrail.Behaviour.ZERO, kernel.behaviour());
        assertEquals(Vec2.ZERO, kernel.last());
        assertTrue(Double.isNaN(kernel.lastAngle()));

        PowerTrail nilpotent = PowerTrail.of(new Matrix2(0, 1, 0, 0), new Vec2(1, 1), 3, true);
        assertEquals(PowerTrail.Behaviour.ZERO, nilpotent.behaviour());
        assertEquals(new Vec2(1, 0), nilpotent.points().get(1));
        assertEquals(Vec2.ZERO, nilpotent.points().get(2));

        PowerTrail zero = PowerTrail.of(new Matrix2(2, 1, 1, 2), Vec2.ZERO, 2, true);
        assertEquals(PowerTrail.Behaviour.ZERO, zero.behaviour());
        for (Vec2 p : zero.points()) {
            assertEquals(Vec2.ZERO, p);
        }
        assertThrows(IllegalArgumentException.class, () -> PowerTrail.of(Matrix2.IDENTITY, Vec2.ZERO, -1, true));
    }

    @Test
    void rawTrailsStayFiniteAtTheLabsExtremes() {
        PowerTrail big = PowerTrail.of(new Matrix2(10, 10, 10, 10), new Vec2(10, 10), 30, false);
        assertTrue(Double.isFinite(big.last().x()) && big.last().x() > 1e39);
        PowerTrail small = PowerTrail.of(new Matrix2(0.1, 0, 0, 0.1), new Vec2(0.1, 0.1), 30, false);
        assertEquals(0.1 * Math.pow(0.1, 30), small.last().x(), 1e-40);
    }
}
