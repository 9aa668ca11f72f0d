package org.dlmathlab.app;

import org.dlmathlab.lesson.Localized;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;
import org.dlmathlab.ui.text.MarkdownView;

/** Markdown views of lesson text that follow the language and the theme. */
final class LessonText {

    private LessonText() {
    }

    static MarkdownView view(Localized text, I18n i18n, Theme theme, double fontSize) {
        MarkdownView view = new MarkdownView();
        view.setFontSize(fontSize);
        view.setTextColor(theme.textColor());
        view.setMarkdown(text.get(i18n.lang()));
        i18n.langProperty().addListener((o, old, lang) -> view.setMarkdown(text.get(lang)));
        theme.modeProperty().addListener((o, old, mode) -> view.setTextColor(theme.textColor()));
        return view;
    }
}
