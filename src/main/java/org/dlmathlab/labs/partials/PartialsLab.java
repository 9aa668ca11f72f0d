package org.dlmathlab.labs.partials;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The partial-derivatives and gradient lab, id {@code partials}. */
public final class PartialsLab implements Lab<PartialsModel> {

    @Override
    public String id() {
        return PartialsModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return PartialsView.CONTROLS;
    }

    @Override
    public PartialsModel createModel() {
        return new PartialsModel();
    }

    @Override
    public LabView createView(PartialsModel model, I18n i18n, Theme theme) {
        return new PartialsView(model, i18n, theme);
    }
}
