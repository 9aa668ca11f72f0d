package org.dlmathlab.ui.text;

import static org.dlmathlab.ui.text.FxTestSupport.findAll;
import static org.dlmathlab.ui.text.FxTestSupport.layout;
import static org.dlmathlab.ui.text.FxTestSupport.runFx;
import static org.dlmathlab.ui.text.FxTestSupport.show;
import static org.dlmathlab.ui.text.FxTestSupport.text;
import static org.dlmathlab.ui.text.FxTestSupport.withClass;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkdownViewTest {

    @BeforeAll
    static void fx() throws Exception {
        FxTestSupport.startFx();
    }

    private static MarkdownView shown(String md, double width) {
        MarkdownView view = new MarkdownView(md);
        show(new StackPane(view), width, 600);
        return view;
    }

    @Test
    void mathIsProtectedFromEmphasis() throws Exception {
        runFx(() -> {
            MarkdownView view = shown("$x_1 * y_2$ and *em*", 500);
            assertEquals(1, withClass(view, "md-math").size(), "one math node");
            List<Text> em = findAll(view, Text.class, t -> t.getStyleClass().contains("md-em"));
            assertEquals(1, em.size());
            assertEquals("em", em.get(0).getText());
            assertFalse(text(view).contains("*"), "no stray asterisks: " + text(view));
            assertEquals(" and em", text(view));
        });
    }

    @Test
    void displayMathGetsItsOwnCentredLine() throws Exception {
        runFx(() -> {
            MarkdownView view = shown("Before the sum\n$$\n\\sum_{i=1}^{n} x_i^2\n$$\nafter it.", 500);
            List<Node> display = withClass(view, "md-math-display");
            assertEquals(1, display.size());
            assertEquals(0, withClass(view, "md-math").size());
            // text, formula, text: three blocks, the formula centred between them
            assertEquals(3, view.getChildren().size());
            assertEquals("Before the sum", text(view.getChildren().get(0)));
            assertEquals("after it.", text(view.getChildren().get(2)));
            MathNode formula = (MathNode) display.get(0);
            Bounds image = formula.getChildrenUnmodifiable().get(0).getBoundsInParent();
            double left = image.getMinX();
            double right = formula.getWidth() - image.getMaxX();
            assertEquals(left, right, 1.5, "centred");
            assertTrue(left > 100, "much narrower than the view");
        });
    }

    @Test
    void wideDisplayMathShrinksToFit() throws Exception {
        runFx(() -> {
            String wide = "$$" + "a_1 + b_2 + c_3 + d_4 + ".repeat(12) + "z$$";
            MarkdownView view = shown(wide, 300);
            MathNode formula = (MathNode) withClass(view, "md-math-display").get(0);
            assertTrue(formula.rendered().width() > 300);
            Bounds image = formula.getChildrenUnmodifiable().get(0).getBoundsInParent();
            assertTrue(image.getWidth() <= 300.5, "shown " + image.getWidth() + " wide");
            assertTrue(view.getWidth() <= 300.5);
        });
    }

    @Test
    void badLatexShowsTheSourceInsteadOfCrashing() throws Exception {
        runFx(() -> {
            MarkdownView view = assertDoesNotThrow(
                    () -> shown("Good $a^2$, bad $\\notacommand{x}$.\n\n$$\\frac{1}{2} }$$", 500));
            List<Text> errors = findAll(view, Text.class, t -> t.getStyleClass().contains("md-math-error"));
            assertEquals(2, errors.size());
            assertEquals("$\\notacommand{x}$", errors.get(0).getText());
            assertEquals("$$\\frac{1}{2} }$$", errors.get(1).getText());
            assertEquals(1, withClass(view, "md-math").size(), "the good formula still renders");
            assertTrue(errors.get(0).getProperties().values().stream().anyMatch(v -> v instanceof Tooltip),
                    "error message as a tooltip");
        });
    }

    @Test
    void inlineMathSitsOnTheTextBaseline() throws Exception {
        runFx(() -> {
            for (String latex : List.of("x", "x^2", "\\frac{a}{b}", "y_{i,j}", "\\sum_{k} w_k")) {
                MarkdownView view = shown("Let $" + latex + "$ be given.", 500);
                TextFlow flow = (TextFlow) view.getChildren().get(0);
                Node math = withClass(flow, "md-math").get(0);
                Text before = findAll(flow, Text.class, t -> t.getText().equals("Let ")).get(0);
                double textBaseline = before.getLayoutY() + before.getBaselineOffset();
                double mathBaseline = math.getLayoutY() + math.getBaselineOffset();
                assertEquals(textBaseline, mathBaseline, 2.0, latex);
                assertEquals(flow.getBaselineOffset(), mathBaseline, 2.0, latex);
                // TeX's own spacing: the image's transparent margins do not push the text away
                MathRenderer.Rendered r = ((MathNode) math).rendered();
                assertEquals(r.width() - 2 * r.inset(), math.getLayoutBounds().getWidth(), 1.0, latex);
            }
        });
    }

    @Test
    void tallInlineMathKeepsItsBaselineOnTheLine() throws Exception {
        runFx(() -> {
            // Taller than the text: the line grows, and text and math still share one baseline.
            for (String latex : List.of("\\overset{\\dfrac{a}{b}}{x}", "\\dfrac{\\partial L}{\\partial w}")) {
                MarkdownView view = shown("Let $" + latex + "$ be given.", 500);
                TextFlow flow = (TextFlow) view.getChildren().get(0);
                Node math = withClass(flow, "md-math").get(0);
                assertTrue(math.getBaselineOffset() > 20, "taller than the text ascent");
                assertEquals(flow.getBaselineOffset(), math.getLayoutY() + math.getBaselineOffset(), 2.0, latex);
            }
        });
    }

    @Test
    void inkOfMathAndTextEndsOnTheSameBaseline() throws Exception {
        runFx(() -> {
            // x has no descender, so in text and in math its ink ends on the baseline.
            for (String latex : List.of("x", "\\overset{\\dfrac{a}{b}}{x}")) {
                MarkdownView view = shown("xxx $" + latex + "$ xxx", 500);
                TextFlow flow = (TextFlow) view.getChildren().get(0);
                Node math = withClass(flow, "md-math").get(0);
                Text text = findAll(flow, Text.class, t -> t.getText().equals("xxx ")).get(0);
                javafx.scene.image.WritableImage shot = flow.snapshot(null, null);
                Bounds tb = text.getBoundsInParent();
                Bounds mb = math.getBoundsInParent();
                double textInk = inkBottom(shot, tb.getMinX(), tb.getMaxX() - 4);
                double mathInk = inkBottom(shot, mb.getMinX(), mb.getMaxX());
                assertEquals(textInk, mathInk, 1.5, latex + ": text ink ends at " + textInk + ", math at " + mathInk);
            }
        });
    }

    /** One past the lowest row with dark pixels between two x positions (white background). */
    private static double inkBottom(javafx.scene.image.Image img, double fromX, double toX) {
        javafx.scene.image.PixelReader pr = img.getPixelReader();
        for (int y = (int) img.getHeight() - 1; y >= 0; y--) {
            for (int x = (int) Math.max(0, fromX); x < Math.min(img.getWidth(), toX); x++) {
                if (pr.getColor(x, y).getBrightness() < 0.6) {
                    return y + 1;
                }
            }
        }
        return -1;
    }

    @Test
    void chineseParagraphWrapsInANarrowView() throws Exception {
        runFx(() -> {
            String zh = "梯度下降是一种优化算法，它沿着损失函数梯度的反方向更新参数，"
                    + "每一步的大小由学习率决定。学习率太大会发散，太小则收敛很慢，所以需要仔细选择。";
            MarkdownView view = new MarkdownView(zh);
            ScrollPane scroll = new ScrollPane(view);
            scroll.setFitToWidth(true);
            show(new StackPane(scroll), 300, 600);
            TextFlow flow = (TextFlow) view.getChildren().get(0);
            Text t = (Text) flow.getChildren().get(0);
            double lineHeight = t.getFont().getSize() * 1.2;
            assertTrue(flow.getHeight() > 3 * lineHeight, "wrapped onto several lines: " + flow.getHeight());
            assertTrue(view.getWidth() <= 300, "view " + view.getWidth());
            Bounds inScene = t.localToScene(t.getBoundsInLocal());
            assertTrue(inScene.getMaxX() <= 300.5, "text right edge " + inScene.getMaxX());
            assertEquals("Noto Sans CJK SC", t.getFont().getFamily());
        });
    }

    @Test
    void listsNestWithMarkersAndIndentation() throws Exception {
        runFx(() -> {
            MarkdownView view = shown("- one\n- two\n  - two a\n  - two b\n- three\n\n3. third\n4. fourth", 500);
            List<Node> lists = withClass(view, "md-list");
            assertEquals(3, lists.size(), "outer bullets, nested bullets, ordered");
            Node outer = lists.get(0);
            Node nested = lists.get(1);
            assertEquals(3, ((javafx.scene.layout.VBox) outer).getChildren().size());
            assertEquals(2, ((javafx.scene.layout.VBox) nested).getChildren().size());
            // the nested list lives inside the second item
            Node second = ((javafx.scene.layout.VBox) outer).getChildren().get(1);
            assertTrue(withClass(second, "md-list").contains(nested));

            List<String> markers = findAll(view, Text.class, t -> t.getStyleClass().contains("md-list-marker"))
                    .stream().map(Text::getText).toList();
            assertEquals(List.of("\u2022", "\u2022", "\u25E6", "\u25E6", "\u2022", "3.", "4."), markers);

            Text one = findAll(view, Text.class, t -> t.getText().equals("one")).get(0);
            Text twoA = findAll(view, Text.class, t -> t.getText().equals("two a")).get(0);
            double x1 = one.localToScene(one.getBoundsInLocal()).getMinX();
            double x2 = twoA.localToScene(twoA.getBoundsInLocal()).getMinX();
            assertTrue(x2 > x1 + 10, "nested text indented: " + x1 + " -> " + x2);
            assertTrue(x1 > 10, "room for the marker");

            // the marker sits on the baseline of its item's first line
            HBox row = (HBox) second;
            Node markerFlow = row.getChildren().get(0);
            Node content = row.getChildren().get(1);
            assertEquals(markerFlow.getLayoutY() + markerFlow.getBaselineOffset(),
                    content.getLayoutY() + content.getBaselineOffset(), 1.0);
        });
    }

    @Test
    void escapedDollarIsLiteral() throws Exception {
        runFx(() -> {
            MarkdownView view = shown("A coffee is \\$5 and a cake $3 or $4.", 500);
            assertEquals("A coffee is $5 and a cake $3 or $4.", text(view));
            assertTrue(withClass(view, "md-math").isEmpty());
        });
    }

    @Test
    void markdownBlocksGetTheirStyleClasses() throws Exception {
        runFx(() -> {
            String md = String.join("\n",
                    "# Title", "## Section", "### Sub", "#### Deeper",
                    "",
                    "Plain **strong** and `code $x$` and [a link](https://example.org/x).",
                    "",
                    "> A tip with $\\alpha$.",
                    "",
                    "---",
                    "",
                    "```",
                    "loss = $sum$ * 2",
                    "```",
                    "",
                    "    indented code $y$");
            MarkdownView view = shown(md, 600);
            for (String c : List.of("md-h1", "md-h2", "md-h3", "md-p", "md-strong", "md-code", "md-link",
                    "md-quote", "md-codeblock", "md-hr", "md-math")) {
                assertFalse(withClass(view, c).isEmpty(), c);
            }
            assertEquals(2, withClass(view, "md-h3").stream().filter(n -> n instanceof TextFlow).count(),
                    "#### shown as the smallest heading");
            Text h1 = findAll(view, Text.class, t -> t.getText().equals("Title")).get(0);
            Text p = findAll(view, Text.class, t -> t.getText().startsWith("Plain")).get(0);
            Text strong = findAll(view, Text.class, t -> t.getText().equals("strong")).get(0);
            assertTrue(h1.getFont().getSize() > p.getFont().getSize() * 1.4);
            assertTrue(h1.getFont().getStyle().contains("Bold"), h1.getFont().toString());
            assertTrue(strong.getFont().getStyle().contains("Bold"), strong.getFont().toString());
            assertEquals(15, p.getFont().getSize(), 1e-6);

            Text code = findAll(view, Text.class, t -> t.getText().equals("code $x$")).get(0);
            assertTrue(code.getStyleClass().contains("md-code"));
            assertFalse(code.getFont().getFamily().contains("CJK"), "monospace from the default stylesheet");

            Text link = findAll(view, Text.class, t -> t.getText().equals("a link")).get(0);
            assertTrue(link.getProperties().values().stream()
                    .anyMatch(v -> v instanceof Tooltip tip && tip.getText().equals("https://example.org/x")));

            List<Node> blocks = withClass(view, "md-codeblock");
            assertEquals(2, blocks.size());
            assertEquals("loss = $sum$ * 2", text(blocks.get(0)), "math is not typeset in code");
            assertEquals("indented code $y$", text(blocks.get(1)));
            assertEquals(1, withClass(view, "md-math").size(), "only the tip's alpha");
        });
    }

    @Test
    void softBreaksJoinChineseWithoutSpaces() throws Exception {
        runFx(() -> {
            assertEquals("中文文本，继续。", text(shown("中文文本，\n继续。", 500)));
            assertEquals("one two", text(shown("one\ntwo", 500)));
            MarkdownView hard = shown("line one  \nline two", 500);
            assertEquals("line one\nline two", text(hard));
        });
    }

    @Test
    void colourChangeReRendersTextAndMath() throws Exception {
        runFx(() -> {
            MarkdownView view = shown("Value $\\frac{a}{b}$ here", 500);
            MathNode before = (MathNode) withClass(view, "md-math").get(0);
            view.setTextColor(Color.WHITE);
            layout(view);
            MathNode after = (MathNode) withClass(view, "md-math").get(0);
            assertNotSame(before.rendered().image(), after.rendered().image());
            Color ink = MathRendererTest.solidPixel(after.rendered().image());
            assertTrue(ink.getRed() > 0.95 && ink.getGreen() > 0.95 && ink.getBlue() > 0.95, ink::toString);
            Text t = findAll(view, Text.class, x -> x.getText().startsWith("Value")).get(0);
            assertEquals(Color.WHITE, t.getFill());
        });
    }

    @Test
    void fontSizeChangeReRenders() throws Exception {
        runFx(() -> {
            MarkdownView view = shown("Size $x^2$ test", 500);
            double mathBefore = ((MathNode) withClass(view, "md-math").get(0)).rendered().height();
            view.setFontSize(22);
            layout(view);
            Text t = findAll(view, Text.class, x -> x.getText().startsWith("Size")).get(0);
            assertEquals(22, t.getFont().getSize(), 1e-6);
            double mathAfter = ((MathNode) withClass(view, "md-math").get(0)).rendered().height();
            assertTrue(mathAfter > mathBefore * 1.3);
        });
    }

    @Test
    void oddInputDegradesToText() throws Exception {
        runFx(() -> {
            String md = String.join("\n",
                    "<div class=\"x\">raw html</div>",
                    "",
                    "| a | b |", "|---|---|", "| 1 | 2 |",
                    "",
                    "![a picture](pic.png) and <b>bold?</b>",
                    "",
                    "unclosed $x and `tick and $$y",
                    "",
                    "```",
                    "never closed");
            MarkdownView view = assertDoesNotThrow(() -> shown(md, 400));
            String all = text(view);
            assertTrue(all.contains("raw html"), all);
            assertTrue(all.contains("| 1 | 2 |"), all);
            assertTrue(all.contains("a picture"), all);
            assertTrue(all.contains("unclosed $x and `tick and $$y"), all);
            assertTrue(all.contains("never closed"), all);
            view.setMarkdown(null);
            assertTrue(view.getChildren().isEmpty());
        });
    }
}
