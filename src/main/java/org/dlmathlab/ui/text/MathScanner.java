package org.dlmathlab.ui.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code $...$} and {@code $$...$$} math in Markdown source and swaps it for
 * private-use placeholder characters before the Markdown parser sees it, so that
 * {@code $x_1 * y_2$} can never become emphasis.
 *
 * <p>Rules (those of Pandoc's tex_math_dollars, which lesson authors may know):
 * {@code \$} is a literal dollar; an opening {@code $} must be followed by a non-space,
 * its closing {@code $} must follow a non-space and not be followed by a digit, so
 * "$5 and $10" stays text; neither kind of math crosses a blank line. Dollars inside
 * code spans and fenced code blocks are not math.
 */
public final class MathScanner {

    /** Placeholder for the i-th formula is FIRST_PLACEHOLDER + i (Unicode private use area). */
    static final char FIRST_PLACEHOLDER = '\uE000';
    static final int MAX_PLACEHOLDERS = 0x1800; // up to U+F7FF, still private use

    /** One formula: source range [start, end) including the dollars. */
    /**
     * Every formula in the text with its 1-based line; no UI toolkit needed, so the lesson validator uses it too.
     */
    public static List<MathSpan> findMath(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return List.of();
        }
        return scan(markdown).stream().map(Found::span).toList();
    }

    record Found(int start, int end, String latex, boolean display, int line) {
        MathSpan span() {
            return new MathSpan(latex, display, line);
        }
    }

    /** Markdown with math replaced by placeholders, and the way back. */
    record Protected(String text, List<Found> math, String source) {

        /** The formula a placeholder stands for, or null if {@code c} is an ordinary character. */
        Found formula(char c) {
            int i = c - FIRST_PLACEHOLDER;
            return i >= 0 && i < math.size() ? math.get(i) : null;
        }

        /** Puts the original {@code $...$} source back, for places where math is not typeset (code). */
        String restore(String s) {
            if (s == null || s.isEmpty()) {
                return s == null ? "" : s;
            }
            StringBuilder b = null;
            for (int i = 0; i < s.length(); i++) {
                Found f = formula(s.charAt(i));
                if (f != null && b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                if (b != null) {
                    if (f != null) {
                        b.append(source, f.start(), f.end());
                    } else {
                        b.append(s.charAt(i));
                    }
                }
            }
            return b == null ? s : b.toString();
        }
    }

    private MathScanner() {
    }

    static Protected protect(String markdown) {
        // A stray private-use character of ours in the source would be taken for math.
        StringBuilder clean = null;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c >= FIRST_PLACEHOLDER && c < FIRST_PLACEHOLDER + MAX_PLACEHOLDERS) {
                if (clean == null) {
                    clean = new StringBuilder(markdown);
                }
                clean.setCharAt(i, '\uFFFD');
            }
        }
        String source = clean == null ? markdown : clean.toString();

        List<Found> all = scan(source);
        List<Found> used = all.size() > MAX_PLACEHOLDERS ? all.subList(0, MAX_PLACEHOLDERS) : all;
        StringBuilder text = new StringBuilder(source.length());
        int last = 0;
        for (int i = 0; i < used.size(); i++) {
            Found f = used.get(i);
            text.append(source, last, f.start()).append((char) (FIRST_PLACEHOLDER + i));
            last = f.end();
        }
        text.append(source, last, source.length());
        return new Protected(text.toString(), List.copyOf(used), source);
    }

    static List<Found> scan(String s) {
        List<Found> out = new ArrayList<>();
        LineCounter lines = new LineCounter(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (i == 0 || s.charAt(i - 1) == '\n') {
                int after = skipFencedBlock(s, i);
                if (after > i) {
                    i = after;
                    continue;
                }
            }
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2; // an escaped character, \$ included, is never a delimiter
            } else if (c == '`') {
                i = skipCodeSpan(s, i);
            } else if (c == '$') {
                boolean display = i + 1 < n && s.charAt(i + 1) == '$';
                Found f = display ? display(s, i, lines) : inline(s, i, lines);
                if (f != null) {
                    out.add(f);
                    i = f.end();
                } else {
                    i += display ? 2 : 1;
                }
            } else {
                i++;
            }
        }
        return out;
    }

    private static Found inline(String s, int open, LineCounter lines) {
        int n = s.length();
        if (open + 1 >= n || Character.isWhitespace(s.charAt(open + 1))) {
            return null;
        }
        for (int j = open + 1; j < n; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && blankLineFollows(s, j)) {
                return null;
            } else if (c == '$') {
                // Only the first dollar may close; if it cannot, the opening one is just text.
                boolean closes = !Character.isWhitespace(s.charAt(j - 1))
                        && !(j + 1 < n && Character.isDigit(s.charAt(j + 1)));
                return closes ? new Found(open, j + 1, s.substring(open + 1, j).trim(), false, lines.lineOf(open))
                        : null;
            }
        }
        return null;
    }

    private static Found display(String s, int open, LineCounter lines) {
        int n = s.length();
        for (int j = open + 2; j < n; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '\n' && blankLineFollows(s, j)) {
                return null; // a forgotten $$ must not swallow the rest of the lesson
            } else if (c == '$' && j + 1 < n && s.charAt(j + 1) == '$') {
                String latex = s.substring(open + 2, j).trim();
                return latex.isEmpty() ? null : new Found(open, j + 2, latex, true, lines.lineOf(open));
            }
        }
        return null;
    }

    /** If a fenced code block opens at this line, the index after its closing fence; else lineStart. */
    private static int skipFencedBlock(String s, int lineStart) {
        int n = s.length();
        int p = lineStart;
        while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++; // any indent: fences nested in list items are indented too
        }
        if (p >= n || (s.charAt(p) != '`' && s.charAt(p) != '~')) {
            return lineStart;
        }
        char fence = s.charAt(p);
        int run = runLength(s, p, fence);
        int eol = endOfLine(s, p);
        if (run < 3 || (fence == '`' && s.substring(p + run, eol).indexOf('`') >= 0)) {
            return lineStart; // not a fence: an inline code span that starts the line
        }
        int q = eol + 1;
        while (q < n) {
            int r = q;
            while (r < n && (s.charAt(r) == ' ' || s.charAt(r) == '\t')) {
                r++;
            }
            int closeEol = endOfLine(s, r);
            if (r < n && s.charAt(r) == fence && runLength(s, r, fence) >= run
                    && s.substring(r + runLength(s, r, fence), closeEol).isBlank()) {
                return Math.min(n, closeEol + 1);
            }
            q = closeEol + 1;
        }
        return n; // unclosed fence runs to the end, as in CommonMark
    }

    /** Index after a code span opening at i, or after the backticks if it never closes. */
    private static int skipCodeSpan(String s, int i) {
        int n = s.length();
        int run = runLength(s, i, '`');
        int j = i + run;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '`') {
                int close = runLength(s, j, '`');
                if (close == run) {
                    return j + close;
                }
                j += close;
            } else if (c == '\n' && blankLineFollows(s, j)) {
                break;
            } else {
                j++;
            }
        }
        return i + run;
    }

    private static boolean blankLineFollows(String s, int newline) {
        for (int k = newline + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true; // end of text
    }

    private static int runLength(String s, int from, char c) {
        int k = from;
        while (k < s.length() && s.charAt(k) == c) {
            k++;
        }
        return k - from;
    }

    private static int endOfLine(String s, int from) {
        int k = s.indexOf('\n', from);
        return k < 0 ? s.length() : k;
    }

    /** 1-based line numbers for increasing offsets, counted once through the text. */
    private static final class LineCounter {
        private final String s;
        private int pos;
        private int line = 1;

        LineCounter(String s) {
            this.s = s;
        }

        int lineOf(int offset) {
            for (; pos < offset; pos++) {
                if (s.charAt(pos) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
