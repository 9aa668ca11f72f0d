package org.dlmathlab.app;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.dlmathlab.lesson.Lesson;
import org.dlmathlab.lesson.LessonLibrary;
import org.dlmathlab.lesson.LessonProblem;
import org.dlmathlab.lesson.Topic;
import org.dlmathlab.ui.Fonts;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Tips;
import org.dlmathlab.ui.Lang;
import org.dlmathlab.ui.Theme;

/**
 * The main window's content: a toolbar, the lesson navigator grouped by topic, the current lesson page (or the error
 * card of a broken lesson file) and a status line for things the learner must know (a corrupt progress file, lesson
 * files with problems).
 */
public final class MainWindow {

    /** What a navigator row stands for. */
    sealed interface NavItem permits TopicNav, LessonNav, ErrorNav, ProblemsNav {
    }

    record TopicNav(Topic topic) implements NavItem {
    }

    record LessonNav(Lesson lesson) implements NavItem {
    }

    record ErrorNav(LessonLibrary.ErrorCard card) implements NavItem {
    }

    record ProblemsNav() implements NavItem {
    }

    private final AppContext ctx;
    private final I18n i18n;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final StackPane center = new StackPane();
    private final TreeView<NavItem> navigator = new TreeView<>();
    private final Label status = new Label();
    private final HBox statusBar = new HBox(8);
    private final List<String> statusMessages = new ArrayList<>();
    private final ToggleButton navigatorToggle = new ToggleButton("☰");
    private static final double NARROW = 1150;
    private LessonPage page;
    private boolean selecting;

    public MainWindow(AppContext ctx) {
        Fonts.loadBundled();
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.theme = ctx.theme();
        root.getStyleClass().addAll("main-window", theme.styleClass());
        theme.modeProperty().addListener((o, old, mode) -> {
            root.getStyleClass().removeAll("theme-light", "theme-dark");
            root.getStyleClass().add(theme.styleClass());
        });
        root.setTop(toolbar());
        buildNavigator();
        root.setLeft(navigator);
        center.getStyleClass().add("page-area");
        root.setCenter(center);
        root.setBottom(statusBar());
        i18n.langProperty().addListener(o -> {
            navigator.refresh();
            refreshStatus();
        });
        ctx.progress().revisionProperty().addListener(o -> navigator.refresh());
        collectStartupMessages();
    }

    public AppContext context() {
        return ctx;
    }

    public Parent root() {
        return root;
    }

    public Optional<LessonPage> page() {
        return Optional.ofNullable(page);
    }

    public TreeView<NavItem> navigator() {
        return navigator;
    }

    public Label status() {
        return status;
    }

    /** Installs the window's keyboard shortcuts on its scene. */
    public void installShortcuts(Scene scene) {
        scene.widthProperty().addListener((o, old, w) -> followWidth(old.doubleValue(), w.doubleValue()));
        if (scene.getWidth() > 0 && scene.getWidth() < NARROW) {
            setNavigatorShown(false);
        }
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), this::next);
        acc.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), this::previous);
        acc.put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), this::next);
        acc.put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), this::previous);
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::resetLab);
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::reloadLessons);
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::toggleLanguage);
        acc.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::toggleTheme);
        acc.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), this::toggleNavigator);
        acc.put(new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
    }

    /** Opens the remembered lesson, else the first one. */
    public void showInitial(Optional<String> preferred) {
        List<Lesson> ordered = ctx.library().ordered();
        Optional<Lesson> start = preferred.flatMap(id -> ctx.library().find(id));
        if (start.isPresent()) {
            showLesson(start.get());
        } else if (!ordered.isEmpty()) {
            showLesson(ordered.get(0));
        } else if (!ctx.library().errors().isEmpty()) {
            showError(ctx.library().errors().get(0));
        }
    }

    public void showLesson(String id) {
        ctx.library().find(id).ifPresent(this::showLesson);
    }

    public void showLesson(Lesson lesson) {
        if (page != null) {
            page.dispose();
        }
        page = new LessonPage(lesson, ctx);
        center.getChildren().setAll(page.root());
        ctx.settings().setLastLesson(lesson.id());
        select(item -> item instanceof LessonNav l && l.lesson().id().equals(lesson.id()));
    }

    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int delta) {
        List<Lesson> ordered = ctx.library().ordered();
        if (ordered.isEmpty()) {
            return;
        }
        int index = page == null ? -1 : ordered.indexOf(page.lesson());
        int target = Math.max(0, Math.min(ordered.size() - 1, index + delta));
        if (index < 0 || target != index) {
            showLesson(ordered.get(index < 0 ? 0 : target));
        }
    }

    public void resetLab() {
        if (page != null) {
            page.resetLab();
        }
    }

    public void toggleLanguage() {
        i18n.setLang(i18n.lang() == Lang.EN ? Lang.ZH : Lang.EN);
    }

    public void toggleTheme() {
        theme.modeProperty().set(theme.mode() == Theme.Mode.DARK ? Theme.Mode.LIGHT : Theme.Mode.DARK);
    }

    private void toggleNavigator() {
        setNavigatorShown(root.getLeft() == null);
    }

    private void setNavigatorShown(boolean show) {
        root.setLeft(show ? navigator : null);
        navigatorToggle.setSelected(show);
    }

    /** Narrow windows give the list's room to the lab; it comes back when the window grows (or with Ctrl+B). */
    private void followWidth(double oldWidth, double newWidth) {
        if (oldWidth >= NARROW && newWidth < NARROW) {
            setNavigatorShown(false);
        } else if (oldWidth < NARROW && newWidth >= NARROW) {
            setNavigatorShown(true);
        }
    }

    /** Loads every lesson file again (for authors editing a lesson) and reopens the current lesson. */
    public void reloadLessons() {
        String current = page == null ? null : page.lesson().id();
        ctx.reloadLessons();
        buildNavigator();
        collectStartupMessages();
        if (current != null && ctx.library().find(current).isPresent()) {
            showLesson(current);
        } else {
            showInitial(Optional.empty());
        }
    }

    /** Asks first; then forgets every solved exercise. */
    public void resetProgress() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("progress.reset.confirm"),
                ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText(i18n.get("progress.reset.title"));
        confirm.setTitle(i18n.get("app.title"));
        owner().ifPresent(confirm::initOwner);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            ctx.progress().resetAll();
            if (page != null) {
                showLesson(page.lesson());
            }
        });
    }

    // ---- toolbar ---------------------------------------------------------------------------------------------------

    private ToolBar toolbar() {
        Button prev = toolButton("◀", "toolbar.previous.tooltip", this::previous);
        prev.setId("previous-lesson");
        Button next = toolButton("▶", "toolbar.next.tooltip", this::next);
        next.setId("next-lesson");
        Label appTitle = new Label();
        appTitle.textProperty().bind(i18n.bind("app.title"));
        appTitle.getStyleClass().add("app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button reset = new Button();
        reset.textProperty().bind(i18n.bind("toolbar.reset"));
        reset.setTooltip(tooltip("toolbar.reset.tooltip"));
        reset.setOnAction(e -> resetLab());
        reset.setId("reset-lab");

        ComboBox<Lang> language = new ComboBox<>();
        language.getItems().setAll(Lang.values());
        language.valueProperty().bindBidirectional(i18n.langProperty());
        language.setTooltip(tooltip("toolbar.language.tooltip"));
        language.setId("language");

        ToggleButton dark = new ToggleButton();
        dark.textProperty().bind(i18n.bind("toolbar.dark"));
        dark.setTooltip(tooltip("toolbar.dark.tooltip"));
        dark.setSelected(theme.mode() == Theme.Mode.DARK);
        dark.selectedProperty().addListener((o, was, is) ->
                theme.modeProperty().set(is ? Theme.Mode.DARK : Theme.Mode.LIGHT));
        theme.modeProperty().addListener((o, old, mode) -> dark.setSelected(mode == Theme.Mode.DARK));
        dark.setId("dark-theme");

        MenuButton more = new MenuButton("⋯");
        more.setTooltip(tooltip("toolbar.more.tooltip"));
        more.setId("more-menu");
        MenuItem addFolder = menuItem("menu.addFolder", this::addLessonFolder);
        MenuItem reload = menuItem("menu.reload", this::reloadLessons);
        MenuItem resetProgress = menuItem("menu.resetProgress", this::resetProgress);
        resetProgress.setId("reset-progress");
        MenuItem shortcuts = menuItem("menu.shortcuts", this::showShortcuts);
        MenuItem about = menuItem("menu.about", this::showAbout);
        more.getItems().addAll(addFolder, reload, new SeparatorMenuItem(), resetProgress, new SeparatorMenuItem(),
                shortcuts, about);

        navigatorToggle.setSelected(true);
        navigatorToggle.setTooltip(tooltip("toolbar.list.tooltip"));
        navigatorToggle.setOnAction(e -> setNavigatorShown(navigatorToggle.isSelected()));
        navigatorToggle.setId("toggle-list");
        ToolBar bar = new ToolBar(navigatorToggle, prev, next, appTitle, spacer, reset, language, dark, more);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private Button toolButton(String text, String tipKey, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(tooltip(tipKey));
        b.setOnAction(e -> action.run());
        return b;
    }

    private MenuItem menuItem(String key, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(i18n.bind(key));
        item.setOnAction(e -> action.run());
        return item;
    }

    private Tooltip tooltip(String key) {
        return Tips.of(i18n, key);
    }

    private void addLessonFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.get("menu.addFolder"));
        File dir = chooser.showDialog(owner().orElse(null));
        if (dir != null) {
            ctx.settings().addLessonFolder(dir.getAbsolutePath());
            ctx.settings().save();
            reloadLessons();
        }
    }

    private void showShortcuts() {
        info(i18n.get("menu.shortcuts"), i18n.get("shortcuts.text"));
    }

    private void showAbout() {
        info(i18n.get("menu.about"), i18n.get("about.text"));
    }

    private void info(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.setHeaderText(header);
        alert.setTitle(i18n.get("app.title"));
        owner().ifPresent(alert::initOwner);
        alert.getDialogPane().setMinWidth(460);
        alert.showAndWait();
    }

    private Optional<Window> owner() {
        return Optional.ofNullable(root.getScene()).map(Scene::getWindow);
    }

    // ---- navigator ------------------------------------------------------------------------------------------------

    private void buildNavigator() {
        TreeItem<NavItem> top = new TreeItem<>(new ProblemsNav());
        LessonLibrary library = ctx.library();
        for (Topic topic : Topic.values()) {
            List<Lesson> lessons = library.ordered().stream().filter(l -> l.topic() == topic).toList();
            if (lessons.isEmpty()) {
                continue;
            }
            TreeItem<NavItem> group = new TreeItem<>(new TopicNav(topic));
            group.setExpanded(true);
            for (Lesson lesson : lessons) {
                group.getChildren().add(new TreeItem<>(new LessonNav(lesson)));
            }
            top.getChildren().add(group);
        }
        if (!library.errors().isEmpty()) {
            TreeItem<NavItem> problems = new TreeItem<>(new ProblemsNav());
            problems.setExpanded(true);
            for (LessonLibrary.ErrorCard card : library.errors()) {
                problems.getChildren().add(new TreeItem<>(new ErrorNav(card)));
            }
            top.getChildren().add(problems);
        }
        navigator.setRoot(top);
        navigator.setShowRoot(false);
        navigator.setId("navigator");
        navigator.getStyleClass().add("navigator");
        navigator.setPrefWidth(215);
        navigator.setMinWidth(160);
        navigator.setCellFactory(tv -> new NavCell());
        navigator.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (selecting || item == null) {
                return;
            }
            if (item.getValue() instanceof LessonNav l) {
                if (page == null || page.lesson() != l.lesson()) {
                    showLesson(l.lesson());
                }
            } else if (item.getValue() instanceof ErrorNav e) {
                showError(e.card());
            }
        });
    }

    private void select(java.util.function.Predicate<NavItem> which) {
        selecting = true;
        try {
            for (TreeItem<NavItem> group : navigator.getRoot().getChildren()) {
                for (TreeItem<NavItem> item : group.getChildren()) {
                    if (which.test(item.getValue())) {
                        navigator.getSelectionModel().select(item);
                        int row = navigator.getRow(item);
                        if (row >= 0) {
                            navigator.scrollTo(Math.max(0, row - 3));
                        }
                        return;
                    }
                }
            }
        } finally {
            selecting = false;
        }
    }

    private final class NavCell extends TreeCell<NavItem> {
        @Override
        protected void updateItem(NavItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("nav-topic", "nav-lesson", "nav-error", "nav-done");
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (item instanceof TopicNav t) {
                setText(i18n.get("topic." + t.topic().key()));
                // A reused cell may still carry a lesson's row: a topic is plain text.
                setGraphic(null);
                getStyleClass().add("nav-topic");
            } else if (item instanceof LessonNav l) {
                Lesson lesson = l.lesson();
                int done = ctx.progress().solvedCount(lesson);
                int total = lesson.exercises().size();
                boolean complete = done == total && total > 0;
                // Title wraps and the count stays at the right edge: long titles never need a horizontal scroll.
                Label title = new Label(lesson.title().get(i18n.lang()));
                title.setWrapText(true);
                title.getStyleClass().add("nav-title");
                title.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(title, Priority.ALWAYS);
                Label mark = new Label((complete ? "✓ " : "") + done + "/" + total);
                mark.getStyleClass().add("nav-progress");
                mark.setMinWidth(Region.USE_PREF_SIZE);
                HBox row = new HBox(6, title, mark);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
                setPrefWidth(0);
                getStyleClass().add(complete ? "nav-done" : "nav-lesson");
                if (!lesson.summary().isEmpty()) {
                    Tooltip tip = new Tooltip(lesson.summary().get(i18n.lang()));
                    tip.setWrapText(true);
                    tip.setMaxWidth(360);
                    setTooltip(tip);
                }
            } else if (item instanceof ErrorNav e) {
                setText("⚠ " + e.card().id());
                setGraphic(null);
                getStyleClass().add("nav-error");
            } else {
                setText(i18n.get("nav.problems"));
                setGraphic(null);
                getStyleClass().add("nav-topic");
            }
        }
    }

    // ---- error card and status ------------------------------------------------------------------------------------

    /** Shows what is wrong with a lesson file, line by line. */
    public void showError(LessonLibrary.ErrorCard card) {
        if (page != null) {
            page.dispose();
            page = null;
        }
        VBox box = new VBox(10);
        box.getStyleClass().add("error-card");
        box.setId("error-card");
        box.setPadding(new Insets(24));
        box.setMaxWidth(820);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("error.title"));
        title.getStyleClass().add("error-title");
        Label file = new Label(card.source());
        file.getStyleClass().add("error-file");
        file.setWrapText(true);
        box.getChildren().addAll(title, file);
        for (LessonProblem problem : card.problems()) {
            Label line = new Label();
            line.textProperty().bind(Bindings.createStringBinding(
                    () -> i18n.get("error.line", Math.max(1, problem.line()), problem.message()),
                    i18n.langProperty()));
            line.setWrapText(true);
            line.getStyleClass().add("error-problem");
            box.getChildren().add(line);
        }
        Label tip = new Label();
        tip.textProperty().bind(i18n.bind("error.tip"));
        tip.setWrapText(true);
        tip.getStyleClass().add("error-tip");
        box.getChildren().add(tip);
        ScrollPane scroller = new ScrollPane(box);
        scroller.setFitToWidth(true);
        StackPane.setAlignment(scroller, Pos.TOP_CENTER);
        center.getChildren().setAll(scroller);
        select(item -> item instanceof ErrorNav e && e.card() == card);
    }

    private Node statusBar() {
        status.setWrapText(true);
        status.setId("status");
        status.getStyleClass().add("status-text");
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("✕");
        dismiss.setTooltip(tooltip("status.dismiss"));
        dismiss.getStyleClass().add("small-button");
        dismiss.setOnAction(e -> {
            statusMessages.clear();
            refreshStatus();
        });
        statusBar.getChildren().addAll(status, dismiss);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(4, 10, 4, 10));
        statusBar.getStyleClass().add("status-bar");
        return statusBar;
    }

    /** Keys (with arguments after a '|') of messages to show, re-worded when the language changes. */
    private void collectStartupMessages() {
        statusMessages.clear();
        var progress = ctx.progress();
        progress.problem().ifPresent(p -> statusMessages.add("status.progressCorrupt|" + p + "|"
                + progress.keptAside().map(Object::toString).orElse("?")));
        ctx.settings().problem().ifPresent(p -> statusMessages.add("status.settingsCorrupt|" + p));
        int broken = ctx.library().errors().size();
        if (broken > 0) {
            statusMessages.add("status.lessonErrors|" + broken);
        }
        refreshStatus();
    }

    /** Adds a message to the status line (e.g. a failed save). */
    public void addStatus(String key, Object... args) {
        StringBuilder sb = new StringBuilder(key);
        for (Object a : args) {
            sb.append('|').append(a);
        }
        statusMessages.add(sb.toString());
        refreshStatus();
    }

    private void refreshStatus() {
        List<String> lines = new ArrayList<>();
        for (String message : statusMessages) {
            String[] parts = message.split("\\|", -1);
            Object[] args = new Object[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                args[i - 1] = parts[i].matches("\\d+") ? Integer.valueOf(parts[i]) : parts[i];
            }
            lines.add(i18n.get(parts[0], args));
        }
        status.setText(String.join("\n", lines));
        boolean any = !lines.isEmpty();
        statusBar.setVisible(any);
        statusBar.setManaged(any);
    }
}
