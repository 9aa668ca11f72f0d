package org.dlmathlab.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Finding math in lesson Markdown: no FX needed. */
class MarkdownMathScanTest {

    @Test
    void findMathReportsLatexKindAndLine() {
        String md = String.join("\n",
                "Loss $L = \\frac{1}{n}\\sum_i \\ell_i$ per batch.",     // 1
                "",                                                   // 2
                "$$",                                                 // 3
                "\\nabla_\\theta L",                                  // 4
                "$$",                                                 // 5
                "",                                                   // 6
                "```python",                                          // 7
                "price = \"$x$\"",                                    // 8
                "```",                                                // 9
                "Costs \\$5, and `$y$` is code.",                     // 10
                "Both $a$ and $b_2$ here, $5 and $10 are money.",     // 11
                "- item with $\\sigma(z)$");                          // 12
        List<MathSpan> spans = MarkdownView.findMath(md);
        assertEquals(List.of(
                new MathSpan("L = \\frac{1}{n}\\sum_i \\ell_i", false, 1),
                new MathSpan("\\nabla_\\theta L", true, 3),
                new MathSpan("a", false, 11),
                new MathSpan("b_2", false, 11),
                new MathSpan("\\sigma(z)", false, 12)), spans);
        assertEquals(List.of("L = \\frac{1}{n}\\sum_i \\ell_i", "\\nabla_\\theta L", "a", "b_2", "\\sigma(z)"),
                MarkdownView.mathSpans(md));
    }

    @Test
    void dollarRulesKeepMoneyAsText() {
        assertEquals(List.of(), MarkdownView.mathSpans("It costs $5 and $10."));
        assertEquals(List.of(), MarkdownView.mathSpans("A $ sign and a $ sign."));
        assertEquals(List.of(), MarkdownView.mathSpans("\\$x\\$ is escaped"));
        assertEquals(List.of("x"), MarkdownView.mathSpans("costs $5, and $x$ is a variable"));
        assertEquals(List.of("\\$"), MarkdownView.mathSpans("a dollar in math: $\\$$."));
    }

    @Test
    void mathDoesNotCrossBlankLines() {
        assertEquals(List.of(), MarkdownView.mathSpans("open $x\n\nclosed$ later"));
        assertEquals(List.of(), MarkdownView.mathSpans("$$ forgotten\n\nmore $$"));
        assertEquals(List.of("a\nb"), MarkdownView.mathSpans("soft $a\nb$ wrap"));
    }

    @Test
    void protectReplacesEachFormulaByOnePlaceholder() {
        MathScanner.Protected p = MathScanner.protect("$x_1 * y_2$ and *em* and $$z$$");
        assertEquals("\uE000 and *em* and \uE001", p.text());
        assertEquals("x_1 * y_2", p.formula('\uE000').latex());
        assertTrue(p.formula('\uE001').display());
        assertEquals("code `$x_1 * y_2$`", p.restore("code `\uE000`"));
    }

    @Test
    void nullAndEmptyHaveNoMath() {
        assertEquals(List.of(), MarkdownView.findMath(null));
        assertEquals(List.of(), MarkdownView.findMath(""));
    }
}
