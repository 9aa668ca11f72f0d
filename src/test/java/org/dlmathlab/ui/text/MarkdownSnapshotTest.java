package org.dlmathlab.ui.text;

import static org.dlmathlab.ui.text.FxTestSupport.onFx;
import static org.dlmathlab.ui.text.FxTestSupport.show;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders a sample lesson to target/md-sample.png for a person to look at. */
class MarkdownSnapshotTest {

    static final String SAMPLE = String.join("\n",
            "# Gradient descent 梯度下降",
            "",
            "We minimise the loss $L(\\theta) = \\frac{1}{n}\\sum_{i=1}^{n} \\ell(f_\\theta(x_i), y_i)$ by",
            "stepping *against* the **gradient** $\\nabla_\\theta L$, with learning rate $\\eta > 0$:",
            "",
            "$$",
            "\\theta_{t+1} = \\theta_t - \\eta \\, \\nabla_\\theta L(\\theta_t)",
            "$$",
            "",
            "## Why it works 为什么有效",
            "",
            "梯度 $\\nabla L$ 指向损失增长最快的方向，所以沿着它的反方向走一小步，损失就会下降。",
            "学习率 $\\eta$ 太大会发散，太小则收敛很慢。",
            "",
            "1. Compute the prediction $\\hat{y} = \\sigma(w^\\top x + b)$.",
            "2. Compute the loss and its gradient:",
            "   - $\\partial L / \\partial w$ for the weights",
            "   - $\\partial L / \\partial b$ for the bias",
            "3. Update and repeat. A coffee still costs \\$5.",
            "",
            "> **Tip 提示:** if the loss grows, halve $\\eta$.",
            "",
            "### In code",
            "",
            "```",
            "for step in range(100):",
            "    theta -= eta * grad(theta)  # $ not math in code",
            "```",
            "",
            "A broken formula shows its source: $\\frac{1}{\\oops}$. See [the notes](https://example.org/gd).",
            "",
            "---",
            "",
            "Softmax: $\\operatorname{softmax}(z)_i = \\dfrac{e^{z_i}}{\\sum_j e^{z_j}}$ and a matrix",
            "$$W = \\begin{bmatrix} w_{11} & w_{12} \\\\ w_{21} & w_{22} \\end{bmatrix}$$");

    @BeforeAll
    static void fx() throws Exception {
        FxTestSupport.startFx();
    }

    @Test
    void writesSamplePng() throws Exception {
        Path out = Path.of("target", "md-sample.png");
        Files.createDirectories(out.getParent());
        BufferedImage png = onFx(() -> {
            MarkdownView view = new MarkdownView(SAMPLE);
            StackPane page = new StackPane(view);
            page.setStyle("-fx-background-color: white; -fx-padding: 16;");
            StackPane root = new StackPane(page);
            show(root, 640, 1400);
            // Crop to the content: the snapshot is of the root at its preferred height.
            root.resize(640, root.prefHeight(640));
            FxTestSupport.layout(root);
            BufferedImage normal = toBufferedImage(root.snapshot(null, null));
            // Also at 2x, as a HiDPI screen shows it: the math must stay crisp.
            SnapshotParameters hiDpi = new SnapshotParameters();
            hiDpi.setTransform(Transform.scale(2, 2));
            ImageIO.write(toBufferedImage(root.snapshot(hiDpi, null)), "png", out.resolveSibling("md-sample@2x.png").toFile());
            return normal;
        });
        ImageIO.write(png, "png", out.toFile());
        assertTrue(new File(out.toString()).length() > 10_000, "a real picture");
        assertTrue(png.getHeight() > 600, "height " + png.getHeight());
    }

    @Test
    void writesDarkThemeSamplePng() throws Exception {
        BufferedImage png = onFx(() -> {
            MarkdownView view = new MarkdownView(SAMPLE);
            view.setTextColor(Color.rgb(0xE6, 0xE6, 0xE6)); // what the dark theme will do
            StackPane page = new StackPane(view);
            page.setStyle("-fx-background-color: #1e1f22; -fx-padding: 16;");
            StackPane root = new StackPane(page);
            show(root, 640, 1400);
            root.resize(640, root.prefHeight(640));
            FxTestSupport.layout(root);
            return toBufferedImage(root.snapshot(null, null));
        });
        ImageIO.write(png, "png", Path.of("target", "md-sample-dark.png").toFile());
        assertTrue(png.getHeight() > 600);
    }

    /** javafx-swing is not a dependency, so copy the pixels by hand. */
    static BufferedImage toBufferedImage(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pr = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, pr.getArgb(x, y));
            }
        }
        return img;
    }
}
