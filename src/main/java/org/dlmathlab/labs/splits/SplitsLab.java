package org.dlmathlab.labs.splits;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The train / validation / test lab, id {@code splits}. */
public final class SplitsLab implements Lab<SplitsModel> {

    @Override
    public String id() {
        return SplitsModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return SplitsView.CONTROLS;
    }

    @Override
    public SplitsModel createModel() {
        return new SplitsModel();
    }

    @Override
    public LabView createView(SplitsModel model, I18n i18n, Theme theme) {
        return new SplitsView(model, i18n, theme);
    }
}
