package org.dlmathlab.ui.text;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.commonmark.parser.Parser;

/**
 * Lesson text: Markdown with {@code $inline$} and {@code $$display$$} LaTeX math,
 * typeset with JLaTeXMath. Re-renders whenever the Markdown, the text colour or the
 * font size changes (language and theme switches).
 *
 * <p>Meant to sit in a ScrollPane with fitToWidth: every paragraph is a TextFlow that
 * wraps to the view's width, Chinese included. Colours come from {@link #textColorProperty()}
 * and the style classes ({@code md-h1 md-h2 md-h3 md-p md-code md-codeblock md-quote md-list
 * md-link md-em md-strong md-math md-math-display md-math-error}, plus {@code md-list-item
 * md-list-marker md-list-ordered md-list-bullet md-hr}); every Text carries its block's class
 * and its inline classes. The font family comes from the app's CSS; size, weight and posture
 * are set per Text from {@link #fontSizeProperty()}. A small default stylesheet
 * (markdown-view.css) gives code, quotes, links and errors their look; the app's
 * stylesheets override it.
 *
 * <p>Must be used on the JavaFX thread, like any node.
 */
public class MarkdownView extends VBox {

    /** Default text colour, for the light theme. */
    public static final Color DEFAULT_TEXT_COLOR = Color.rgb(0x33, 0x33, 0x33);
    public static final double DEFAULT_FONT_SIZE = 15;

    // CommonMark's parser is immutable and thread-safe.
    private static final Parser PARSER = Parser.builder().build();
    private static final String STYLESHEET =
            Objects.requireNonNull(MarkdownView.class.getResource("markdown-view.css")).toExternalForm();

    private final StringProperty markdown = new SimpleStringProperty(this, "markdown", "");
    private final ObjectProperty<Color> textColor = new SimpleObjectProperty<>(this, "textColor", DEFAULT_TEXT_COLOR);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", DEFAULT_FONT_SIZE);

    public MarkdownView() {
        getStyleClass().add("markdown-view");
        ChangeListener<Object> rerender = (obs, was, now) -> render();
        markdown.addListener(rerender);
        textColor.addListener(rerender);
        fontSize.addListener(rerender);
        setFillWidth(true);
        render();
    }

    public MarkdownView(String markdown) {
        this();
        setMarkdown(markdown);
    }

    public final StringProperty markdownProperty() {
        return markdown;
    }

    public final String getMarkdown() {
        return markdown.get();
    }

    public final void setMarkdown(String value) {
        markdown.set(value);
    }

    /** Colour of text and math; theme code sets a light colour for dark mode. */
    public final ObjectProperty<Color> textColorProperty() {
        return textColor;
    }

    public final Color getTextColor() {
        return textColor.get();
    }

    public final void setTextColor(Color value) {
        textColor.set(value);
    }

    /** Body text size in pixels; headings, code and math scale from it. */
    public final DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    public final double getFontSize() {
        return fontSize.get();
    }

    public final void setFontSize(double value) {
        fontSize.set(value);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    /** The LaTeX sources of all formulas in the Markdown, in order. */
    public static List<String> mathSpans(String markdown) {
        return findMath(markdown).stream().map(MathSpan::latex).toList();
    }

    /**
     * All formulas with their line numbers, so a lesson validator can run each through
     * {@link MathRenderer#check(String)} and point at the bad line.
     */
    public static List<MathSpan> findMath(String markdown) {
        return MathScanner.findMath(markdown);
    }

    private void render() {
        String source = markdown.get() == null ? "" : markdown.get();
        double size = fontSize.get() > 0 && Double.isFinite(fontSize.get()) ? fontSize.get() : DEFAULT_FONT_SIZE;
        Color color = textColor.get() == null ? DEFAULT_TEXT_COLOR : textColor.get();
        MarkdownBuilder builder = null;
        List<Node> blocks;
        try {
            MathScanner.Protected doc = MathScanner.protect(source);
            builder = new MarkdownBuilder(doc, size, color);
            blocks = builder.blocks(PARSER.parse(doc.text()));
        } catch (RuntimeException e) {
            // Lesson text must always show; a renderer bug degrades to the raw source.
            Text raw = new Text(source);
            raw.getStyleClass().add("md-p");
            raw.setFill(color);
            raw.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", size));
            TextFlow flow = new TextFlow(raw);
            flow.getStyleClass().add("md-p");
            blocks = List.of(flow);
            builder = null;
        }
        getChildren().setAll(blocks);
        if (builder != null) {
            builder.space(this, blocks);
        }
    }
}
