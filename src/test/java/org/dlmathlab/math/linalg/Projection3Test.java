package org.dlmathlab.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Projection3Test {

    private static final Random RANDOM = new Random(7);

    @Test
    void theRotationIsOrthonormalAndRightHandedForAnyAngles() {
        for (int i = 0; i < 500; i++) {
            Projection3 cam = Projection3.orthographic((RANDOM.nextDouble() - 0.5) * 20,
                    (RANDOM.nextDouble() - 0.5) * Math.PI);
            Matrix3 r = cam.rotation();
            // R R^T = I: rows are unit length and pairwise perpendicular.
            Vec3[] rows = {cam.right(), cam.up(), cam.towardsViewer()};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    assertEquals(a == b ? 1 : 0, rows[a].dot(rows[b]), 1e-12);
                }
            }
            assertEquals(1, r.det(), 1e-12, "a rotation, not a reflection");
            assertEquals(cam.towardsViewer().x(), cam.right().cross(cam.up()).x(), 1e-12);
            assertEquals(cam.towardsViewer().z(), cam.right().cross(cam.up()).z(), 1e-12);
            // Orthographic projection keeps lengths of vectors parallel to the screen.
            Vec3 p = cam.right().times(2).plus(cam.up().times(-3));
            Projection3.Projected s = cam.project(p);
            assertEquals(2, s.x(), 1e-12);
            assertEquals(-3, s.y(), 1e-12);
            assertEquals(0, s.depth(), 1e-12);
        }
    }

    @Test
    void projectionIsTheRotationFollowedByDroppingDepth() {
        Projection3 cam = Projection3.orthographic(0.4, 0.3);
        Matrix3 r = cam.rotation();
        Vec3 p = new Vec3(1.5, -2, 0.75);
        Vec3 rotated = r.apply(p);
        Projection3.Projected s = cam.project(p);
        assertEquals(rotated.x(), s.x(), 1e-12);
        assertEquals(rotated.y(), s.y(), 1e-12);
        assertEquals(rotated.z(), s.depth(), 1e-12);
        assertEquals(p.length(), rotated.length(), 1e-12, "rotation keeps lengths");
    }

    @Test
    void atYawAndPitchZeroTheViewerLooksAlongMinusX() {
        Projection3 cam = Projection3.orthographic(0, 0);
        assertEquals(new Vec3(1, 0, 0), cam.towardsViewer());
        assertEquals(new Vec3(0, 1, 0), cam.right());
        assertEquals(new Vec3(0, 0, 1), cam.up());
        Projection3.Projected z = cam.project(Vec3.Z);
        assertEquals(0, z.x(), 1e-15);
        assertEquals(1, z.y(), 1e-15, "z points up on screen");
        // From above (pitch 60 degrees) the z-axis looks shorter: cos 60 = 1/2.
        assertEquals(0.5, Projection3.orthographic(0, Math.toRadians(60)).project(Vec3.Z).y(), 1e-12);
    }

    @Test
    void pitchIsClampedShortOfTheVertical() {
        Projection3 cam = Projection3.orthographic(0, 10);
        assertEquals(Projection3.MAX_PITCH, cam.pitch());
        assertEquals(-Projection3.MAX_PITCH, cam.withAngles(1, -3).pitch());
        assertTrue(cam.right().length() > 0.99);
        assertThrows(IllegalArgumentException.class, () -> Projection3.orthographic(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new Projection3(0, 0, 0));
    }

    @Test
    void perspectiveEnlargesTheNearAndShrinksTheFar() {
        Projection3 cam = new Projection3(0, 0, 10);
        Vec3 d = cam.towardsViewer();
        Vec3 side = cam.right();
        Projection3.Projected near = cam.project(side.plus(d.times(5)));
        Projection3.Projected far = cam.project(side.minus(d.times(10)));
        assertEquals(10.0 / 5, near.x(), 1e-12, "D / (D - depth)");
        assertEquals(10.0 / 20, far.x(), 1e-12);
        // Points at or behind the eye do not blow up.
        Projection3.Projected behind = cam.project(side.plus(d.times(50)));
        assertEquals(Projection3.MAX_ENLARGEMENT, behind.x(), 1e-12);
        assertTrue(Double.isFinite(cam.project(side.plus(d.times(10))).x()));
        assertNull(Projection3.orthographic(0, 0).eye());
    }

    @Test
    void aFaceFacesTheViewerWhenItsOutwardNormalPointsTowardsTheEye() {
        Projection3 cam = Projection3.orthographic(0.3, 0.2);
        Vec3 d = cam.towardsViewer();
        assertTrue(cam.facesViewer(Vec3.ZERO, d));
        assertFalse(cam.facesViewer(Vec3.ZERO, d.times(-1)));
        Projection3 near = new Projection3(0, 0, 5);
        // A face seen edge-on from infinity but from the side by a near eye.
        assertTrue(near.facesViewer(new Vec3(0, -2, 0), new Vec3(0, 1, 0)));
        assertFalse(Projection3.orthographic(0, 0).facesViewer(new Vec3(0, -2, 0), new Vec3(0, 1, 0)));
    }
}
