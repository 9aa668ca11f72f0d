package org.dlmathlab.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * A lab's named groups of controls, each with a title in the current language; a lesson's {@code controls:} list
 * shows some of them and hides the rest.
 */
public final class ControlGroups {

    private final I18n i18n;
    private final Map<String, Node> groups = new LinkedHashMap<>();

    public ControlGroups(I18n i18n) {
        this.i18n = i18n;
    }

    /** A new titled group, registered under {@code name}. */
    public VBox group(String name, String titleKey) {
        VBox box = new VBox(6);
        box.getStyleClass().add("control-group");
        Label title = new Label();
        title.textProperty().bind(i18n.bind(titleKey));
        title.getStyleClass().add("control-group-title");
        box.getChildren().add(title);
        groups.put(name, box);
        return box;
    }

    /** A wrapped line of explanation under a control, in the current language. */
    public Label explain(String key) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(key));
        label.setWrapText(true);
        label.getStyleClass().add("control-explain");
        return label;
    }

    /** Registers a node built elsewhere as a group. */
    public void register(String name, Node node) {
        groups.put(name, node);
    }

    /** Shows only the named groups; an empty set shows them all. Hidden groups take no space. */
    public void show(Set<String> names) {
        groups.forEach((name, node) -> {
            boolean visible = names.isEmpty() || names.contains(name);
            node.setVisible(visible);
            node.setManaged(visible);
        });
    }

    /**
     * The scroll pane every lab puts its column of controls in: as wide as its viewport, scrolling only vertically,
     * {@code prefWidth} wide by default and never narrower than {@code minWidth}.
     */
    public static ScrollPane scroller(Node content, double prefWidth, double minWidth) {
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setPrefViewportWidth(prefWidth);
        scroller.setMinWidth(minWidth);
        scroller.getStyleClass().add("lab-controls-scroller");
        return scroller;
    }
}
