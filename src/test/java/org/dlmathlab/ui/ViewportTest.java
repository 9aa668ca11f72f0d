package org.dlmathlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void worldAndScreenRoundTripAndZoomKeepsThePointUnderTheMouse() {
        Viewport v = new Viewport(-1, 11, -5, 35, false);
        v.setSize(600, 400);
        assertEquals(0, v.toScreenX(-1), 1e-9);
        assertEquals(600, v.toScreenX(11), 1e-9);
        assertEquals(400, v.toScreenY(-5), 1e-9, "y grows upwards");
        assertEquals(0, v.toScreenY(35), 1e-9);
        double wx = v.toWorldX(123);
        double wy = v.toWorldY(77);
        v.zoomAt(123, 77, 2.5);
        assertEquals(wx, v.toWorldX(123), 1e-9);
        assertEquals(wy, v.toWorldY(77), 1e-9);
        v.panPixels(10, -20);
        assertEquals(wx, v.toWorldX(133), 1e-9);
        v.reset();
        assertEquals(-1, v.minWorldX(), 1e-9);
        assertEquals(35, v.maxWorldY(), 1e-9);
    }

    @Test
    void lockedAspectShowsTheWholeSquareAndResizeKeepsTheRegion() {
        Viewport v = new Viewport(4);
        v.setSize(800, 400);
        assertEquals(v.scale(), v.scaleY(), 0);
        assertEquals(-4, v.minWorldY(), 1e-9);
        assertEquals(4, v.maxWorldY(), 1e-9);
        Viewport u = new Viewport(0, 10, 0, 1, false);
        u.setSize(500, 100);
        u.setSize(1000, 300);
        assertEquals(0, u.minWorldX(), 1e-9);
        assertEquals(10, u.maxWorldX(), 1e-9);
        assertEquals(1, u.maxWorldY(), 1e-9);
    }
}
