package org.dlmathlab.labs.overfit;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The over- and under-fitting lab, id {@code overfit}. */
public final class OverfitLab implements Lab<OverfitModel> {

    @Override
    public String id() {
        return OverfitModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return OverfitView.CONTROLS;
    }

    @Override
    public OverfitModel createModel() {
        return new OverfitModel();
    }

    @Override
    public LabView createView(OverfitModel model, I18n i18n, Theme theme) {
        return new OverfitView(model, i18n, theme);
    }
}
