package org.dlmathlab.math.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST, optionally gzipped: a big-endian header of two zero bytes, a type byte
 * (0x08 = unsigned byte, the only type those sets use), a dimension count d, then d 32-bit sizes, then the data in
 * row-major order. Labels are d = 1 (n); images d = 3 (n, rows, cols).
 *
 * <p>Anything else (another magic number, a type other than unsigned byte, absurd sizes, a file that ends early)
 * is refused with an {@link IdxException} whose message says what is wrong, for the learner to read.
 */
public final class Idx {

    /** An IDX array of unsigned bytes: its dimensions and its values 0..255 in row-major order. */
    public record Array(int[] dims, byte[] data) {

        public int count() {
            return dims[0];
        }

        /** The value at flat index i, 0..255. */
        public int unsigned(int i) {
            return data[i] & 0xff;
        }

        /** Item k (an image or a label) as doubles scaled to [0, 1]. */
        public double[] item(int k) {
            int size = data.length / Math.max(1, dims[0]);
            double[] out = new double[size];
            for (int i = 0; i < size; i++) {
                out[i] = (data[k * size + i] & 0xff) / 255.0;
            }
            return out;
        }
    }

    /** A file that is not a readable IDX file; the message names the file and the problem. */
    public static final class IdxException extends IOException {
        public IdxException(String message) {
            super(message);
        }
    }

    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private Idx() {
    }

    public static Array read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** Reads an IDX array from a stream, gunzipping it first when it starts with the gzip magic 1f 8b. */
    public static Array read(InputStream raw, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream in = buffered;
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new GZIPInputStream(buffered);
        }
        DataInputStream data = new DataInputStream(in);
        try {
            int zero1 = data.readUnsignedByte();
            int zero2 = data.readUnsignedByte();
            int type = data.readUnsignedByte();
            int ndim = data.readUnsignedByte();
            if (zero1 != 0 || zero2 != 0) {
                throw new IdxException(name + " is not an IDX file: it should start with two zero bytes.");
            }
            if (type != 0x08) {
                throw new IdxException(name + ": data type 0x" + Integer.toHexString(type)
                        + " is not supported; MNIST-style files hold unsigned bytes (0x08).");
            }
            if (ndim < 1 || ndim > 4) {
                throw new IdxException(name + ": " + ndim + " dimensions; expected 1 (labels) to 3 (images).");
            }
            int[] dims = new int[ndim];
            long total = 1;
            for (int i = 0; i < ndim; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 0) {
                    throw new IdxException(name + ": dimension " + (i + 1) + " is negative.");
                }
                total *= dims[i];
                if (total > MAX_BYTES) {
                    throw new IdxException(name + ": the header announces more than 512 MB of data.");
                }
            }
            byte[] values = new byte[(int) total];
            int read = data.readNBytes(values, 0, values.length);
            if (read < values.length) {
                throw new IdxException(name + " is truncated: the header announces " + total + " values but only "
                        + read + " follow.");
            }
            return new Array(dims, values);
        } catch (EOFException e) {
            throw new IdxException(name + " is truncated: it ends inside its header.");
        } catch (java.util.zip.ZipException e) {
            throw new IdxException(name + " looks gzipped but cannot be unpacked: " + e.getMessage());
        }
    }

    /** Writes an unsigned-byte IDX array (gzipped if asked): what the tests and the lab's own exports use. */
    public static void write(Array array, OutputStream out, boolean gzip) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[]{0, 0, 0x08, (byte) array.dims().length});
        for (int d : array.dims()) {
            body.write(new byte[]{(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        }
        body.write(array.data());
        if (gzip) {
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                body.writeTo(z);
            }
        } else {
            body.writeTo(out);
        }
    }
}
