package org.dlmathlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void sciKeepsTinyNumbersThatNumWouldRoundToZero() {
        assertEquals("0", Format.num(1e-13, 6));
        assertEquals("1×10⁻¹³", Format.sci(1e-13, 1));
        assertEquals("2.5×10³", Format.sci(2500, 3));
        assertEquals("−3.1×10⁻⁵", Format.sci(-3.1e-5, 2));
        assertEquals("7", Format.sci(7, 2));
        assertEquals("0", Format.sci(0, 2));
        assertEquals("—", Format.sci(Double.NaN, 2));
    }
}
