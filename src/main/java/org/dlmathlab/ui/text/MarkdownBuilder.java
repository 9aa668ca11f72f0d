package org.dlmathlab.ui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javafx.beans.InvalidationListener;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.scene.transform.Shear;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

/**
 * Turns one parsed CommonMark document (with math placeholders) into JavaFX nodes.
 * Used once per render; all sizes derive from the view's font size, all colours
 * from its text colour or from CSS.
 */
final class MarkdownBuilder {

    /** Computer Modern looks smaller than a sans text face of the same size; this evens them out. */
    static final double MATH_SCALE = 1.1;

    private static final double[] HEADING_SCALE = {1.6, 1.35, 1.15};
    private static final Set<String> HEADING_CLASSES = Set.of("md-h1", "md-h2", "md-h3");
    /** Splits after spaces and around each Han character: the places a line may break. */
    private static final Pattern WORD_OR_CJK_CHAR = Pattern.compile("(?<=\\s)(?=\\S)|(?=\\p{IsHan})|(?<=\\p{IsHan})");
    private static final String[] BULLETS = {"\u2022", "\u25E6", "\u25AA"}; // • ◦ ▪ by nesting depth

    private final MathScanner.Protected doc;
    private final double fontSize;
    private final Color textColor;
    private int listDepth;

    MarkdownBuilder(MathScanner.Protected doc, double fontSize, Color textColor) {
        this.doc = doc;
        this.fontSize = fontSize;
        this.textColor = textColor;
    }

    /** How a run of text looks: the block it is in plus the inline markup around it. */
    private record Style(String blockClass, double size, boolean bold, boolean italic, boolean code, String link) {
        Style withBold() {
            return new Style(blockClass, size, true, italic, code, link);
        }

        Style withItalic() {
            return new Style(blockClass, size, bold, true, code, link);
        }

        Style withCode() {
            return new Style(blockClass, size * 0.92, bold, italic, true, link);
        }

        Style withLink(String url) {
            return new Style(blockClass, size, bold, italic, code, url);
        }
    }

    List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            block(n, out);
        }
        return out;
    }

    private void block(org.commonmark.node.Node n, List<Node> out) {
        if (n instanceof Paragraph) {
            out.addAll(inlineBlock(n, new Style("md-p", fontSize, false, false, false, null)));
        } else if (n instanceof Heading h) {
            int level = Math.min(Math.max(h.getLevel(), 1), 3);
            Style style = new Style("md-h" + level, fontSize * HEADING_SCALE[level - 1], true, false, false, null);
            out.addAll(inlineBlock(h, style));
        } else if (n instanceof BlockQuote) {
            VBox quote = new VBox(fontSize * 0.5);
            quote.getStyleClass().add("md-quote");
            quote.getChildren().setAll(blocks(n));
            out.add(quote);
        } else if (n instanceof ListBlock list) {
            out.add(list(list));
        } else if (n instanceof FencedCodeBlock code) {
            out.add(codeBlock(code.getLiteral()));
        } else if (n instanceof IndentedCodeBlock code) {
            out.add(codeBlock(code.getLiteral()));
        } else if (n instanceof ThematicBreak) {
            Separator rule = new Separator();
            rule.getStyleClass().add("md-hr");
            out.add(rule);
        } else if (n instanceof HtmlBlock html) {
            // No HTML engine here: show the markup as text rather than lose it.
            out.add(plainBlock(doc.restore(html.getLiteral()).strip()));
        } else if (n instanceof LinkReferenceDefinition) {
            // Invisible by definition: links already point at it.
        } else if (n.getFirstChild() != null) {
            out.addAll(blocks(n)); // unknown container (or Document): render what is inside it
        }
    }

    // ---- inline content -------------------------------------------------------------------

    /** A paragraph or heading: TextFlows, split wherever display math takes its own line. */
    private List<Node> inlineBlock(org.commonmark.node.Node block, Style style) {
        Flow flow = new Flow(style);
        inlines(block, flow, style);
        return flow.finish();
    }

    private void inlines(org.commonmark.node.Node parent, Flow flow, Style style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.textWithMath(t.getLiteral(), style);
            } else if (n instanceof Emphasis) {
                inlines(n, flow, style.withItalic());
            } else if (n instanceof StrongEmphasis) {
                inlines(n, flow, style.withBold());
            } else if (n instanceof Code code) {
                flow.text(doc.restore(code.getLiteral()), style.withCode());
            } else if (n instanceof Link link) {
                inlines(n, flow, style.withLink(doc.restore(link.getDestination())));
            } else if (n instanceof SoftLineBreak) {
                flow.softBreak();
            } else if (n instanceof HardLineBreak) {
                flow.hardBreak();
            } else if (n instanceof HtmlInline html) {
                flow.text(doc.restore(html.getLiteral()), style);
            } else {
                inlines(n, flow, style); // Image shows its alt text; unknown nodes their children
            }
        }
    }

    /**
     * Collects inline nodes into TextFlows. Line breaks are held back until the next
     * content so that none dangle before display math or at the end of a block.
     */
    private final class Flow {
        private final Style base;
        private final String blockClass;
        private final List<Node> blocks = new ArrayList<>();
        private TextFlow current;
        private boolean pendingSpace;
        private boolean pendingBreak;
        private int lastChar;

        Flow(Style base) {
            this.base = base;
            this.blockClass = base.blockClass();
        }

        void textWithMath(String s, Style style) {
            int runStart = 0;
            for (int i = 0; i < s.length(); i++) {
                MathScanner.Found f = doc.formula(s.charAt(i));
                if (f == null) {
                    continue;
                }
                text(s.substring(runStart, i), style);
                if (f.display()) {
                    displayMath(f, style);
                } else {
                    inlineMath(f, style);
                }
                runStart = i + 1;
            }
            text(s.substring(runStart), style);
        }

        void text(String s, Style style) {
            if (s.isEmpty()) {
                return;
            }
            flushBreak(s.codePointAt(0));
            // A slanted Text must stay on one line (see slantIfNoItalicFace): one Text per word.
            for (String piece : style.italic() ? WORD_OR_CJK_CHAR.split(s) : new String[] {s}) {
                if (!piece.isEmpty()) {
                    Text t = new Text(piece);
                    styleText(t, style);
                    add(t);
                }
            }
            lastChar = s.codePointBefore(s.length());
        }

        void softBreak() {
            pendingSpace = true;
        }

        void hardBreak() {
            pendingBreak = true;
        }

        private void inlineMath(MathScanner.Found f, Style style) {
            flushBreak('x');
            add(mathOrError(f, style));
            lastChar = 'x';
        }

        private void displayMath(MathScanner.Found f, Style style) {
            endFlow();
            try {
                double size = style.size() * MATH_SCALE;
                MathRenderer.Rendered r = MathRenderer.renderInline(f.latex(), size, textColor, true);
                Color color = textColor;
                blocks.add(new MathNode(r, f.latex(), true,
                        scale -> MathRenderer.renderInline(f.latex(), size * scale, color, true)));
            } catch (MathException e) {
                TextFlow line = new TextFlow(errorText(f, style, e));
                line.getStyleClass().add(blockClass);
                line.setTextAlignment(TextAlignment.CENTER);
                blocks.add(line);
            }
        }

        private Node mathOrError(MathScanner.Found f, Style style) {
            try {
                MathRenderer.Rendered r = MathRenderer.renderInline(f.latex(), style.size() * MATH_SCALE, textColor,
                        false);
                return new MathNode(r, f.latex(), false);
            } catch (MathException e) {
                return errorText(f, style, e);
            }
        }

        /** Pending line breaks become a space, a newline, or nothing between two CJK characters. */
        private void flushBreak(int nextChar) {
            boolean space = pendingSpace;
            boolean newline = pendingBreak;
            pendingSpace = false;
            pendingBreak = false;
            if (current == null || current.getChildren().isEmpty()) {
                return;
            }
            if (newline) {
                add(separatorText("\n"));
            } else if (space && !(isCjk(lastChar) && isCjk(nextChar))) {
                // Chinese source lines are wrapped without spaces; joining them must not add one.
                add(separatorText(" "));
            }
        }

        private Text separatorText(String s) {
            Text t = new Text(s);
            styleText(t, base); // never underlined like a link around it
            return t;
        }

        private void add(Node node) {
            if (current == null) {
                current = new TextFlow();
                current.getStyleClass().add(blockClass);
            }
            current.getChildren().add(node);
        }

        private void endFlow() {
            pendingSpace = false;
            pendingBreak = false;
            if (current != null && !current.getChildren().isEmpty()) {
                blocks.add(current);
            }
            current = null;
        }

        List<Node> finish() {
            endFlow();
            return blocks;
        }
    }

    private Text errorText(MathScanner.Found f, Style style, MathException e) {
        String dollars = f.display() ? "$$" : "$";
        Text t = new Text(dollars + f.latex() + dollars);
        t.getStyleClass().addAll(style.blockClass(), "md-math-error");
        t.setStyle(fontCss(style.size(), false, false));
        // No setFill: the red comes from the stylesheet so that it wins over the text colour.
        Tooltip.install(t, new Tooltip(e.getMessage()));
        return t;
    }

    private void styleText(Text t, Style style) {
        t.getStyleClass().add(style.blockClass());
        if (style.italic()) {
            t.getStyleClass().add("md-em");
        }
        if (style.bold() && !style.blockClass().startsWith("md-h")) {
            t.getStyleClass().add("md-strong");
        }
        if (style.code()) {
            t.getStyleClass().add("md-code");
        }
        t.setStyle(fontCss(style.size(), style.bold(), style.italic()));
        if (style.italic()) {
            slantIfNoItalicFace(t);
        }
        if (style.link() != null) {
            // Offline app: links only show where they point. Their colour comes from CSS.
            t.getStyleClass().add("md-link");
            t.setCursor(Cursor.HAND);
            Tooltip.install(t, new Tooltip(style.link()));
        } else {
            t.setFill(textColor);
        }
    }

    /**
     * The bundled CJK font has no italic face, and JavaFX then silently shows upright
     * glyphs, so emphasis would vanish. Such text is slanted by a shear about its
     * baseline instead, as browsers do; a font with a real italic face is left alone.
     * The font is only known once CSS is applied, hence the listener.
     */
    private static void slantIfNoItalicFace(Text t) {
        Shear slant = new Shear(-0.2, 0);
        // The font ascent: the baseline of a one-line Text unless taller math shares its line.
        slant.pivotYProperty().bind(t.baselineOffsetProperty());
        InvalidationListener check = o -> {
            String face = t.getFont().getStyle().toLowerCase(Locale.ROOT);
            boolean realItalic = face.contains("italic") || face.contains("oblique");
            if (realItalic) {
                t.getTransforms().remove(slant);
            } else if (!t.getTransforms().contains(slant)) {
                t.getTransforms().add(slant);
            }
        };
        t.fontProperty().addListener(check);
        check.invalidated(null);
    }

    /**
     * Size, weight and posture go in the node's own style: a font set in code would be
     * replaced wholesale once the app CSS sets -fx-font-family on the root, losing the size.
     * The family itself is left to CSS.
     */
    private static String fontCss(double size, boolean bold, boolean italic) {
        StringBuilder css = new StringBuilder(64);
        css.append(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", size));
        if (bold) {
            css.append(" -fx-font-weight: bold;");
        }
        if (italic) {
            css.append(" -fx-font-style: italic;");
        }
        return css.toString();
    }

    // ---- lists, code ------------------------------------------------------------------------

    private Node list(ListBlock list) {
        boolean ordered = list instanceof OrderedList;
        double itemGap = list.isTight() ? fontSize * 0.25 : fontSize * 0.6;
        VBox box = new VBox(itemGap);
        box.getStyleClass().addAll("md-list", ordered ? "md-list-ordered" : "md-list-bullet");

        int number = ordered ? ((OrderedList) list).getStartNumber() : 0;
        char delimiter = ordered ? ((OrderedList) list).getDelimiter() : '.';
        int count = 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            count++;
        }
        // The marker column fits the widest number so that items of 9. and 10. line up.
        int digits = ordered ? String.valueOf(number + Math.max(0, count - 1)).length() : 1;
        double markerWidth = fontSize * (ordered ? 0.6 * digits + 0.8 : 1.1);

        listDepth++;
        try {
            for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                String marker = ordered ? (number++) + String.valueOf(delimiter)
                        : BULLETS[(listDepth - 1) % BULLETS.length];
                Text markerText = new Text(marker);
                styleText(markerText, new Style("md-p", fontSize, false, false, false, null));
                markerText.getStyleClass().add("md-list-marker");
                TextFlow markerFlow = new TextFlow(markerText);
                markerFlow.setTextAlignment(TextAlignment.RIGHT);
                markerFlow.setMinWidth(markerWidth);
                markerFlow.setPrefWidth(markerWidth);
                markerFlow.setMaxWidth(markerWidth);

                VBox content = new VBox(itemGap);
                content.getChildren().setAll(blocks(item));
                content.setMinWidth(0);
                HBox.setHgrow(content, Priority.ALWAYS);

                HBox row = new HBox(fontSize * 0.45, markerFlow, content);
                row.getStyleClass().add("md-list-item");
                row.setAlignment(Pos.BASELINE_LEFT); // marker on the first line's baseline
                box.getChildren().add(row);
            }
        } finally {
            listDepth--;
        }
        return box;
    }

    private Node codeBlock(String literal) {
        String code = doc.restore(literal);
        if (code.endsWith("\n")) {
            code = code.substring(0, code.length() - 1);
        }
        Text t = new Text(code);
        styleText(t, new Style("md-p", fontSize * 0.92, false, false, true, null));
        TextFlow flow = new TextFlow(t); // wraps rather than overflow a narrow window
        VBox box = new VBox(flow);
        box.getStyleClass().add("md-codeblock");
        return box;
    }

    private Node plainBlock(String s) {
        Text t = new Text(s);
        styleText(t, new Style("md-p", fontSize, false, false, false, null));
        TextFlow flow = new TextFlow(t);
        flow.getStyleClass().add("md-p");
        return flow;
    }

    /** Spacing between top-level blocks; headings get extra room above. */
    void space(VBox view, List<Node> blocks) {
        view.setSpacing(fontSize * 0.65);
        for (int i = 0; i < blocks.size(); i++) {
            Node b = blocks.get(i);
            boolean heading = b.getStyleClass().stream().anyMatch(HEADING_CLASSES::contains);
            VBox.setMargin(b, heading && i > 0 ? new Insets(fontSize * 0.5, 0, 0, 0) : null);
        }
    }

    static boolean isCjk(int cp) {
        if (cp <= 0) {
            return false;
        }
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return true;
        }
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
