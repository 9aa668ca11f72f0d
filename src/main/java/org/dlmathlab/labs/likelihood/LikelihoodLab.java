package org.dlmathlab.labs.likelihood;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** Maximum likelihood for a normal model, id {@code likelihood}. */
public final class LikelihoodLab implements Lab<LikelihoodModel> {

    @Override
    public String id() {
        return LikelihoodModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return LikelihoodView.CONTROLS;
    }

    @Override
    public LikelihoodModel createModel() {
        return new LikelihoodModel();
    }

    @Override
    public LabView createView(LikelihoodModel model, I18n i18n, Theme theme) {
        return new LikelihoodView(model, i18n, theme);
    }
}
