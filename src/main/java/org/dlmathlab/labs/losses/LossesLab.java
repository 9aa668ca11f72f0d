package org.dlmathlab.labs.losses;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** Loss functions: one prediction against its target, and the best constant under MSE and MAE, id {@code losses}. */
public final class LossesLab implements Lab<LossesModel> {

    @Override
    public String id() {
        return LossesModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return LossesView.CONTROLS;
    }

    @Override
    public LossesModel createModel() {
        return new LossesModel();
    }

    @Override
    public LabView createView(LossesModel model, I18n i18n, Theme theme) {
        return new LossesView(model, i18n, theme);
    }
}
