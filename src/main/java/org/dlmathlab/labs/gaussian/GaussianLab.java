package org.dlmathlab.labs.gaussian;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The normal distribution with sampling, id {@code gaussian}. */
public final class GaussianLab implements Lab<GaussianModel> {

    @Override
    public String id() {
        return GaussianModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return GaussianView.CONTROLS;
    }

    @Override
    public GaussianModel createModel() {
        return new GaussianModel();
    }

    @Override
    public LabView createView(GaussianModel model, I18n i18n, Theme theme) {
        return new GaussianView(model, i18n, theme);
    }
}
