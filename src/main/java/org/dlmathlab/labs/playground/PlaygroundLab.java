package org.dlmathlab.labs.playground;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The neural-network playground lab, id {@code playground}. */
public final class PlaygroundLab implements Lab<PlaygroundModel> {

    @Override
    public String id() {
        return PlaygroundModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return PlaygroundView.CONTROLS;
    }

    @Override
    public PlaygroundModel createModel() {
        return new PlaygroundModel();
    }

    @Override
    public LabView createView(PlaygroundModel model, I18n i18n, Theme theme) {
        return new PlaygroundView(model, i18n, theme);
    }
}
