package org.dlmathlab.math.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    private static byte[] encode(Idx.Array a, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Idx.write(a, out, gzip);
        return out.toByteArray();
    }

    @Test
    void imagesAndLabelsRoundTripPlainAndGzipped() throws IOException {
        byte[] pixels = new byte[7 * 28 * 28];
        new Random(2).nextBytes(pixels);
        Idx.Array images = new Idx.Array(new int[]{7, 28, 28}, pixels);
        Idx.Array labels = new Idx.Array(new int[]{7}, new byte[]{0, 1, 2, 3, 4, 5, 9});
        for (boolean gzip : new boolean[]{false, true}) {
            Path file = dir.resolve("images" + (gzip ? ".gz" : ""));
            Files.write(file, encode(images, gzip));
            Idx.Array back = Idx.read(file);
            assertArrayEquals(new int[]{7, 28, 28}, back.dims());
            assertArrayEquals(pixels, back.data());
            assertEquals(pixels[28 * 28 + 5] & 0xff, back.unsigned(28 * 28 + 5));
            assertEquals((pixels[28 * 28] & 0xff) / 255.0, back.item(1)[0], 0);
            Idx.Array l = Idx.read(new ByteArrayInputStream(encode(labels, gzip)), "labels");
            assertEquals(9, l.unsigned(6));
        }
        // The header is exactly as MNIST's: 00 00 08 03, then 7, 28, 28 big-endian.
        byte[] raw = encode(images, false);
        assertArrayEquals(new byte[]{0, 0, 8, 3, 0, 0, 0, 7, 0, 0, 0, 28, 0, 0, 0, 28}, Arrays.copyOf(raw, 16));
        assertEquals(16 + pixels.length, raw.length);
    }

    @Test
    void badFilesAreRefusedWithAClearMessage() throws IOException {
        byte[] good = encode(new Idx.Array(new int[]{2, 2, 2}, new byte[8]), false);
        Idx.IdxException truncated = assertThrows(Idx.IdxException.class,
                () -> Idx.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 3)), "t.idx"));
        assertTrue(truncated.getMessage().contains("truncated") && truncated.getMessage().contains("5"),
                truncated.getMessage());
        Idx.IdxException header = assertThrows(Idx.IdxException.class,
                () -> Idx.read(new ByteArrayInputStream(Arrays.copyOf(good, 6)), "h.idx"));
        assertTrue(header.getMessage().contains("header"), header.getMessage());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0};
        assertTrue(assertThrows(Idx.IdxException.class, () -> Idx.read(new ByteArrayInputStream(png), "cat.png"))
                .getMessage().contains("not an IDX file"));
        byte[] floats = good.clone();
        floats[2] = 0x0D;
        assertTrue(assertThrows(Idx.IdxException.class, () -> Idx.read(new ByteArrayInputStream(floats), "f.idx"))
                .getMessage().contains("0xd"));
        byte[] gz = encode(new Idx.Array(new int[]{4}, new byte[4]), true);
        byte[] brokenGz = Arrays.copyOf(gz, gz.length / 2);
        assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(brokenGz), "b.gz"));
        byte[] huge = {0, 0, 8, 2, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0};
        assertTrue(assertThrows(Idx.IdxException.class, () -> Idx.read(new ByteArrayInputStream(huge), "x"))
                .getMessage().contains("512 MB"));
    }
}
