package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shoelace formula against closed forms, and the law area(A P) = |det A| area(P). */
class Polygon2Test {

    private static final Random RANDOM = new Random(40);

    @Test
    void rightTriangleAndRectangleHaveTheirSchoolAreas() {
        // Legs 4 and 3: area 4 * 3 / 2 = 6, counter-clockwise so positive.
        Polygon2 triangle = Polygon2.ofCoordinates(0, 0, 4, 0, 0, 3);
        assertEquals(6, triangle.signedArea(), 1e-15);
        // A 2.5 x 1.5 rectangle away from the origin.
        Polygon2 rect = Polygon2.ofCoordinates(3, -2, 5.5, -2, 5.5, -0.5, 3, -0.5);
        assertEquals(2.5 * 1.5, rect.signedArea(), 1e-14);
        // The unit square and a square of side s rotated by 30 degrees: s^2.
        assertEquals(1, Polygon2.ofCoordinates(0, 0, 1, 0, 1, 1, 0, 1).signedArea(), 1e-15);
        double s = 1.7;
        Polygon2 rotated = Polygon2.ofCoordinates(0, 0, 1, 0, 1, 1, 0, 1)
                .transformed(Matrix2.rotation(Math.PI / 6).times(Matrix2.scaling(s, s)));
        assertEquals(s * s, rotated.signedArea(), 1e-12);
    }

    @Test
    void triangleAreaMatchesHeronsFormula() {
        for (int i = 0; i < 200; i++) {
            Vec2 p = randomPoint(5);
            Vec2 q = randomPoint(5);
            Vec2 r = randomPoint(5);
            double x = q.minus(r).length();
            double y = p.minus(r).length();
            double z = p.minus(q).length();
            double s = (x + y + z) / 2;
            double heron = Math.sqrt(Math.max(0, s * (s - x) * (s - y) * (s - z)));
            assertEquals(heron, Polygon2.of(p, q, r).area(), 1e-9 * Math.max(1, heron));
        }
    }

    @Test
    void regularPolygonApproachesTheCircle() {
        // A regular n-gon inscribed in radius R has area n R^2 sin(2 pi / n) / 2.
        int n = 360;
        double radius = 2.5;
        List<Vec2> points = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double t = 2 * Math.PI * k / n;
            points.add(new Vec2(1 + radius * Math.cos(t), -3 + radius * Math.sin(t)));
        }
        Polygon2 ngon = new Polygon2(points);
        assertEquals(n * radius * radius * Math.sin(2 * Math.PI / n) / 2, ngon.signedArea(), 1e-11);
        assertFalse(ngon.isSelfIntersecting());
    }

    @Test
    void reversingTheVertexOrderReversesTheSign() {
        Polygon2 ccw = Polygon2.ofCoordinates(0, 0, 2, 0, 2, 1, 0, 1);
        Polygon2 cw = ccw.reversed();
        assertEquals(2, ccw.signedArea(), 1e-15);
        assertEquals(-2, cw.signedArea(), 1e-15);
        assertEquals(2, cw.area(), 1e-15);
        for (int i = 0; i < 50; i++) {
            Polygon2 p = randomStar(3 + RANDOM.nextInt(12));
            assertEquals(-p.signedArea(), p.reversed().signedArea(), 1e-12);
        }
    }

    @Test
    void fewerThanThreePointsEncloseNothing() {
        assertEquals(0, Polygon2.EMPTY.signedArea());
        assertEquals(0, Polygon2.ofCoordinates(1, 1).signedArea());
        assertEquals(0, Polygon2.ofCoordinates(1, 1, 3, 2).signedArea());
        assertTrue(Polygon2.ofCoordinates(1, 1, 3, 2).hasNoArea());
        assertTrue(Polygon2.ofCoordinates(0, 0, 1, 1, 2, 2).hasNoArea(), "collinear points");
        assertFalse(Polygon2.ofCoordinates(0, 0, 1, 0, 0, 1).hasNoArea());
    }

    @Test
    void imageAreaIsAbsDetTimesAreaForRandomPolygonsAndMatrices() {
        for (int i = 0; i < 500; i++) {
            Polygon2 p = randomStar(3 + RANDOM.nextInt(20));
            Matrix2 m = new Matrix2(gauss(), gauss(), gauss(), gauss());
            Polygon2 image = p.transformed(m);
            double scale = Math.max(1, Math.abs(m.det()) * p.area());
            assertEquals(m.det() * p.signedArea(), image.signedArea(), 1e-11 * scale, "signed law");
            assertEquals(Math.abs(m.det()) * p.area(), image.area(), 1e-11 * scale);
        }
    }

    @Test
    void aSingularMatrixLeavesNoArea() {
        Polygon2 house = Polygon2.ofCoordinates(-2.5, 0.5, -1.5, 0.5, -1.5, 1.5, -2, 2, -2.5, 1.5);
        assertEquals(1.25, house.area(), 1e-14);
        assertEquals(0, house.transformed(new Matrix2(1, 2, 0.5, 1)).area(), 1e-14);
        assertTrue(house.transformed(new Matrix2(1, 2, 0.5, 1)).hasNoArea());
        assertEquals(0, house.transformed(new Matrix2(0, 0, 0, 0)).area());
    }

    @Test
    void aFigureEightCrossesItselfAndItsLoopsCancel() {
        // Two triangles meeting at (1, 0.5), traversed in opposite senses: net area 0.
        Polygon2 bowtie = Polygon2.ofCoordinates(0, 0, 2, 1, 2, 0, 0, 1);
        assertTrue(bowtie.isSelfIntersecting());
        assertEquals(0, bowtie.signedArea(), 1e-15);
        assertTrue(bowtie.hasNoArea());
        // Unequal loops crossing at (0.75, 0.5): a left triangle of area 0.375 run counter-clockwise and a right one
        // of area 3.375 run clockwise. The shoelace sum is their net, 0.375 - 3.375 = -3.
        Polygon2 lopsided = Polygon2.ofCoordinates(0, 0, 3, 2, 3, -1, 0, 1);
        assertTrue(lopsided.isSelfIntersecting());
        assertEquals(-3, lopsided.signedArea(), 1e-14);
        assertFalse(Polygon2.ofCoordinates(0, 0, 2, 0, 2, 1, 0, 1).isSelfIntersecting());
        assertFalse(Polygon2.ofCoordinates(-2.5, 0.5, -1.5, 0.5, -1.5, 1.5, -2, 2, -2.5, 1.5).isSelfIntersecting());
        // A vertex touching a far edge counts as a crossing.
        assertTrue(Polygon2.ofCoordinates(0, 0, 4, 0, 4, 2, 2, 0, 0, 2).isSelfIntersecting());
        // Doubling back along the same line does too.
        assertTrue(Polygon2.ofCoordinates(0, 0, 2, 0, 1, 0, 1, 1).isSelfIntersecting());
    }

    @Test
    void signedAngleIsPositiveCounterClockwiseAndOrientationFollowsDet() {
        assertEquals(Math.PI / 2, Orientation2.signedAngle(new Vec2(1, 0), new Vec2(0, 1)), 1e-15);
        assertEquals(-Math.PI / 2, Orientation2.signedAngle(new Vec2(1, 0), new Vec2(0, -3)), 1e-15);
        assertEquals(Math.PI / 4, Orientation2.sweep(Matrix2.shear(1)), 1e-15);
        assertEquals(1, Orientation2.of(Matrix2.IDENTITY));
        assertEquals(-1, Orientation2.of(new Matrix2(-1, 0, 0, 1)));
        assertEquals(0, Orientation2.of(new Matrix2(1, 2, 0.5, 1)));
        assertEquals(0, Orientation2.of(new Matrix2(0, 0, 0, 0)));
        for (int i = 0; i < 300; i++) {
            Matrix2 m = new Matrix2(gauss(), gauss(), gauss(), gauss());
            double sweep = Orientation2.sweep(m);
            assertEquals(Math.signum(m.det()), Math.signum(sweep), "sign of the sweep = sign of det for " + m);
            assertEquals(Math.signum(m.det()), Orientation2.of(m));
            // |u||v| sin(sweep) = det.
            assertEquals(m.det(), m.column1().length() * m.column2().length() * Math.sin(sweep), 1e-10);
        }
    }

    private static double gauss() {
        return RANDOM.nextGaussian() * 2;
    }

    private static Vec2 randomPoint(double r) {
        return new Vec2((RANDOM.nextDouble() * 2 - 1) * r, (RANDOM.nextDouble() * 2 - 1) * r);
    }

    /** A star-shaped polygon: random radii at increasing angles around a random centre (simple, counter-clockwise). */
    private static Polygon2 randomStar(int n) {
        Vec2 centre = randomPoint(3);
        List<Vec2> points = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double t = 2 * Math.PI * (k + RANDOM.nextDouble() * 0.8) / n;
            double r = 0.2 + RANDOM.nextDouble() * 3;
            points.add(centre.plus(new Vec2(r * Math.cos(t), r * Math.sin(t))));
        }
        return new Polygon2(points);
    }
}
