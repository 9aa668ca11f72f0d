package org.dlmathlab.math.data;

/**
 * Bilinear resampling of a grey image (row-major), so a drawing on one grid can be fed to a model trained on another
 * (a 16 x 16 sketch to a 28 x 28 MNIST-style classifier). Pixel centres are matched, not corners: output pixel (r, c)
 * samples the source at y = (r + 1/2) h / H - 1/2, x = (c + 1/2) w / W - 1/2, and
 * v = (1-fy)(1-fx) s[y0][x0] + (1-fy) fx s[y0][x1] + fy (1-fx) s[y1][x0] + fy fx s[y1][x1], clamped at the border.
 */
public final class ImageResample {

    private ImageResample() {
    }

    public static double[] resize(double[] src, int h, int w, int outH, int outW) {
        if (src.length != h * w) {
            throw new IllegalArgumentException("image has " + src.length + " pixels, not " + h + " x " + w);
        }
        if (h == outH && w == outW) {
            return src.clone();
        }
        double[] out = new double[outH * outW];
        for (int r = 0; r < outH; r++) {
            double y = Math.max(0, Math.min(h - 1, (r + 0.5) * h / outH - 0.5));
            int y0 = (int) Math.floor(y);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = y - y0;
            for (int c = 0; c < outW; c++) {
                double x = Math.max(0, Math.min(w - 1, (c + 0.5) * w / outW - 0.5));
                int x0 = (int) Math.floor(x);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = x - x0;
                out[r * outW + c] = (1 - fy) * ((1 - fx) * src[y0 * w + x0] + fx * src[y0 * w + x1])
                        + fy * ((1 - fx) * src[y1 * w + x0] + fx * src[y1 * w + x1]);
            }
        }
        return out;
    }
}
