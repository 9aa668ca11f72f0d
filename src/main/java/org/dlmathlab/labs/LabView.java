package org.dlmathlab.labs;

import java.util.Set;
import javafx.scene.Node;

/** The nodes of one lab: draws its model, edits it through controls, holds no math of its own. */
public interface LabView {

    /** The root node to place on the lesson page. */
    Node node();

    /** Shows only the named control groups; an empty set shows them all. Unknown names were rejected at load time. */
    void setVisibleControls(Set<String> controls);

    /** The Step / Play bar of a lab that runs a process; empty for labs without one. */
    default java.util.Optional<org.dlmathlab.ui.PlayBar> player() {
        return java.util.Optional.empty();
    }

    /** Returns pan and zoom to their defaults. */
    default void resetView() {
    }

    /** Called when the view leaves the screen: stop timers and animations. */
    default void dispose() {
    }
}
