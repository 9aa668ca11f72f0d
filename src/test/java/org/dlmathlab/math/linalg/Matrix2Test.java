package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class Matrix2Test {

    private static final Random RANDOM = new Random(20261123);

    private static RealMatrix cm(Matrix2 m) {
        return new Array2DRowRealMatrix(new double[][]{{m.a(), m.b()}, {m.c(), m.d()}});
    }

    private static Matrix2 random() {
        return new Matrix2(RANDOM.nextGaussian() * 2, RANDOM.nextGaussian() * 2, RANDOM.nextGaussian() * 2,
                RANDOM.nextGaussian() * 2);
    }

    @Test
    void determinantTraceAndProductsAgreeWithCommonsMath() {
        for (int i = 0; i < 500; i++) {
            Matrix2 a = random();
            Matrix2 b = random();
            assertEquals(new LUDecomposition(cm(a)).getDeterminant(), a.det(), 1e-10);
            assertEquals(cm(a).getTrace(), a.trace(), 1e-12);
            RealMatrix product = cm(a).multiply(cm(b));
            Matrix2 ab = a.times(b);
            assertEquals(product.getEntry(0, 0), ab.a(), 1e-10);
            assertEquals(product.getEntry(0, 1), ab.b(), 1e-10);
            assertEquals(product.getEntry(1, 0), ab.c(), 1e-10);
            assertEquals(product.getEntry(1, 1), ab.d(), 1e-10);
            assertEquals(a.det() * b.det(), ab.det(), 1e-9, "det(AB) = det(A) det(B)");
        }
    }

    @Test
    void inverseAgreesWithCommonsMathAndUndoesTheMap() {
        for (int i = 0; i < 200; i++) {
            Matrix2 a = random();
            RealMatrix inv = new LUDecomposition(cm(a)).getSolver().getInverse();
            Matrix2 mine = a.inverse();
            assertEquals(inv.getEntry(0, 0), mine.a(), 1e-8);
            assertEquals(inv.getEntry(0, 1), mine.b(), 1e-8);
            assertEquals(inv.getEntry(1, 0), mine.c(), 1e-8);
            assertEquals(inv.getEntry(1, 1), mine.d(), 1e-8);
            Vec2 v = new Vec2(RANDOM.nextGaussian(), RANDOM.nextGaussian());
            Vec2 back = mine.apply(a.apply(v));
            assertEquals(v.x(), back.x(), 1e-8);
            assertEquals(v.y(), back.y(), 1e-8);
        }
    }

    @Test
    void singularMatricesHaveNoInverseAndTheRightRank() {
        Matrix2 line = new Matrix2(1, 2, 0.5, 1);
        assertTrue(line.isSingular());
        assertEquals(1, line.rank());
        assertThrows(SingularMatrixException.class, line::inverse);
        assertEquals(0, new Matrix2(0, 0, 0, 0).rank());
        assertEquals(2, Matrix2.IDENTITY.rank());
        for (Matrix2 m : new Matrix2[]{line, new Matrix2(1, 0, 0, 0), new Matrix2(3, -6, -1, 2), Matrix2.IDENTITY,
                random()}) {
            assertEquals(new SingularValueDecomposition(cm(m)).getRank(), m.rank(), "rank of " + m);
        }
    }

    @Test
    void columnsAreWhereTheBasisVectorsLand() {
        Matrix2 m = Matrix2.fromColumns(1, 2, -1, 1);
        assertEquals(new Vec2(1, 2), m.apply(1, 0));
        assertEquals(new Vec2(-1, 1), m.apply(0, 1));
        assertEquals(new Vec2(3 * 1 + 2 * -1, 3 * 2 + 2 * 1), m.apply(3, 2), "x i-hat + y j-hat");
    }

    @Test
    void rotationShearAndMorph() {
        Matrix2 r = Matrix2.rotation(Math.PI / 2);
        assertEquals(new Matrix2(0, -1, 1, 0), r);
        assertEquals(1, r.det(), 1e-15);
        assertEquals(1, Matrix2.shear(1.7).det(), 1e-15);
        Matrix2 a = new Matrix2(2, 1, -1, 3);
        assertEquals(Matrix2.IDENTITY, a.fromIdentity(0));
        assertEquals(a, a.fromIdentity(1));
        Matrix2 half = a.fromIdentity(0.5);
        assertEquals(1.5, half.a(), 1e-15);
        assertEquals(0.5, half.b(), 1e-15);
    }

    @Test
    void realEigenvaluesAndVectorsAgreeWithCommonsMath() {
        int checked = 0;
        for (int i = 0; i < 1000; i++) {
            Matrix2 m = random();
            Eigen2 e = m.eigen();
            EigenDecomposition ref = new EigenDecomposition(cm(m));
            double[] re = ref.getRealEigenvalues().clone();
            double[] im = ref.getImagEigenvalues();
            Arrays.sort(re);
            if (!e.real()) {
                assertTrue(Math.abs(im[0]) > 0, "Commons Math also finds a complex pair for " + m);
                assertEquals(re[0], e.lambda1(), 1e-9);
                assertEquals(Math.abs(im[0]), e.imaginary(), 1e-9);
                continue;
            }
            checked++;
            assertEquals(re[1], e.lambda1(), 1e-8);
            assertEquals(re[0], e.lambda2(), 1e-8);
            for (int k = 0; k < e.vectors().size(); k++) {
                Vec2 v = e.vectors().get(k);
                double lambda = k == 0 ? e.lambda1() : e.lambda2();
                Vec2 av = m.apply(v);
                assertEquals(1, v.length(), 1e-12);
                assertEquals(lambda * v.x(), av.x(), 1e-8, "A v = lambda v for " + m);
                assertEquals(lambda * v.y(), av.y(), 1e-8, "A v = lambda v for " + m);
            }
        }
        assertTrue(checked > 300, "enough real cases were compared: " + checked);
    }

    @Test
    void specialEigenCases() {
        Eigen2 rotation = Matrix2.rotation(Math.PI / 3).eigen();
        assertFalse(rotation.real());
        assertEquals(0.5, rotation.lambda1(), 1e-12);
        assertEquals(Math.sqrt(3) / 2, rotation.imaginary(), 1e-12);

        Eigen2 shear = Matrix2.shear(1).eigen();
        assertTrue(shear.real());
        assertEquals(1, shear.lambda1(), 1e-12);
        assertEquals(1, shear.vectors().size(), "a shear keeps only one direction");
        assertEquals(new Vec2(1, 0), shear.vectors().get(0));

        Eigen2 scalar = new Matrix2(2, 0, 0, 2).eigen();
        assertTrue(scalar.everyDirection());
        assertEquals(2, scalar.lambda1(), 0);

        Eigen2 diagonal = new Matrix2(3, 0, 0, -1).eigen();
        assertEquals(3, diagonal.lambda1(), 1e-15);
        assertEquals(-1, diagonal.lambda2(), 1e-15);
        assertEquals(new Vec2(1, 0), diagonal.vectors().get(0));
        assertEquals(new Vec2(0, 1), diagonal.vectors().get(1));
    }
}
