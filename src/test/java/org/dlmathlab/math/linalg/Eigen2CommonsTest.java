package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The closed-form Eigen2 (the eigen2d lab's source of eigenvalues) against Commons Math's EigenDecomposition, on the
 * kinds of matrices the lab produces: random, symmetric, on the 0.1 drag grid, defective, repeated, complex and
 * nearly repeated.
 */
class Eigen2CommonsTest {

    private static EigenDecomposition reference(Matrix2 m) {
        return new EigenDecomposition(new Array2DRowRealMatrix(new double[][]{{m.a(), m.b()}, {m.c(), m.d()}}));
    }

    /** Compares eigenvalues, and for distinct real ones the eigenvector lines, with Commons Math. */
    private static void agree(Matrix2 m, double tol) {
        Eigen2 e = m.eigen();
        EigenDecomposition ref = reference(m);
        double[] re = ref.getRealEigenvalues();
        double[] im = ref.getImagEigenvalues();
        double scale = Math.max(1, m.maxAbs());
        if (!e.real()) {
            assertTrue(Math.abs(im[0]) > 0, "Commons Math also finds a complex pair for " + m);
            assertEquals(re[0], e.lambda1(), tol * scale, "real part of " + m);
            assertEquals(re[1], e.lambda2(), tol * scale);
            assertEquals(Math.abs(im[0]), e.imaginary(), tol * scale, "imaginary part of " + m);
            assertTrue(e.vectors().isEmpty());
            return;
        }
        assertEquals(0, im[0], tol * scale, "Commons Math finds real eigenvalues for " + m);
        double hi = Math.max(re[0], re[1]);
        double lo = Math.min(re[0], re[1]);
        assertEquals(hi, e.lambda1(), tol * scale, "lambda1 of " + m);
        assertEquals(lo, e.lambda2(), tol * scale, "lambda2 of " + m);
        // Every reported eigenvector satisfies A v = lambda v and has unit length.
        for (int i = 0; i < e.vectors().size(); i++) {
            Vec2 v = e.vectors().get(i);
            double lambda = e.everyDirection() || i == 0 ? e.lambda1() : e.lambda2();
            assertEquals(1, v.length(), 1e-12);
            Vec2 av = m.apply(v);
            assertEquals(lambda * v.x(), av.x(), tol * scale, "A v = lambda v for " + m);
            assertEquals(lambda * v.y(), av.y(), tol * scale, "A v = lambda v for " + m);
        }
        if (e.vectors().size() == 2 && !e.everyDirection() && hi - lo > 1e-3 * scale) {
            // Distinct eigenvalues: each eigenvector spans the same line as Commons Math's for that eigenvalue.
            for (int i = 0; i < 2; i++) {
                double lambda = i == 0 ? e.lambda1() : e.lambda2();
                int j = Math.abs(re[0] - lambda) < Math.abs(re[1] - lambda) ? 0 : 1;
                RealVector w = ref.getEigenvector(j);
                Vec2 u = e.vectors().get(i);
                double cross = (u.x() * w.getEntry(1) - u.y() * w.getEntry(0)) / w.getNorm();
                assertEquals(0, cross, 1e-7, "eigenvector line for lambda = " + lambda + " of " + m);
            }
        }
    }

    @Test
    void randomMatricesAgree() {
        Random random = new Random(20240611);
        int complex = 0;
        int real = 0;
        for (int i = 0; i < 3000; i++) {
            Matrix2 m = new Matrix2(range(random), range(random), range(random), range(random));
            agree(m, 1e-9);
            if (m.eigen().real()) {
                real++;
            } else {
                complex++;
            }
        }
        assertTrue(real > 500 && complex > 500, "both kinds compared: " + real + " real, " + complex + " complex");
    }

    @Test
    void symmetricMatricesHaveRealPerpendicularEigenvectors() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            double off = range(random);
            Matrix2 m = new Matrix2(range(random), off, off, range(random));
            agree(m, 1e-9);
            Eigen2 e = m.eigen();
            assertTrue(e.real(), "a symmetric matrix has real eigenvalues: " + m);
            if (e.vectors().size() == 2) {
                assertEquals(0, e.vectors().get(0).dot(e.vectors().get(1)), 1e-9, "perpendicular for " + m);
            }
        }
    }

    /** The lab's drags snap to 0.1: every matrix on that grid with entries in [-3, 3], sampled. */
    @Test
    void matricesOnTheDragGridAgree() {
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            Matrix2 m = new Matrix2(grid(random), grid(random), grid(random), grid(random));
            // Exactly repeated eigenvalues are common on the grid; there the eigenvalues are ill-conditioned
            // (an error eps in an entry moves them by sqrt(eps)), so the tolerance is sqrt-sized.
            agree(m, 2e-7);
        }
    }

    @Test
    void handPickedCases() {
        List<Matrix2> cases = new ArrayList<>(List.of(
                new Matrix2(2, 1, 1, 2),          // symmetric, 3 and 1
                new Matrix2(3, 1, 0, 2),          // triangular, 3 and 2
                Matrix2.shear(1),                 // defective, 1 twice, one line
                new Matrix2(2, 1, 0, 2),          // defective, 2 twice
                new Matrix2(0, 1, 0, 0),          // nilpotent, 0 twice
                new Matrix2(1.5, 0, 0, 1.5),      // every direction
                new Matrix2(0, -1, 1, 0),         // rotation by 90 degrees, +-i
                new Matrix2(1, -1, 1, 1),         // 1 +- i
                new Matrix2(0, 1, 1, 0),          // reflection, 1 and -1
                new Matrix2(1, 2, 0.5, 1),        // singular, 2 and 0
                new Matrix2(0, 0, 0, 0),          // the zero matrix
                new Matrix2(1, 1, 1e-10, 1),      // nearly repeated: 1 +- 1e-5
                new Matrix2(1, 1e-8, 0, 1 + 1e-8) // nearly repeated triangular
        ));
        for (Matrix2 m : cases) {
            agree(m, 2e-7);
        }
        Eigen2 nearly = new Matrix2(1, 1, 1e-10, 1).eigen();
        assertEquals(1 + 1e-5, nearly.lambda1(), 1e-10, "nearly repeated eigenvalues are still told apart");
        assertEquals(1 - 1e-5, nearly.lambda2(), 1e-10);
        assertEquals(2, nearly.vectors().size());

        Eigen2 defective = new Matrix2(2, 1, 0, 2).eigen();
        assertEquals(1, defective.vectors().size());
        assertFalse(defective.everyDirection());
        assertEquals(new Vec2(1, 0), defective.vectors().get(0));

        Eigen2 nilpotent = new Matrix2(0, 1, 0, 0).eigen();
        assertEquals(0, nilpotent.lambda1());
        assertEquals(1, nilpotent.vectors().size());
    }

    private static double range(Random random) {
        return random.nextDouble() * 20 - 10;
    }

    private static double grid(Random random) {
        return (random.nextInt(61) - 30) / 10.0;
    }
}
