package org.dlmathlab.labs.activations;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** Activation functions with their slopes, softmax with a temperature, and a comparison table; id {@code activations}. */
public final class ActivationsLab implements Lab<ActivationsModel> {

    @Override
    public String id() {
        return ActivationsModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return ActivationsView.CONTROLS;
    }

    @Override
    public ActivationsModel createModel() {
        return new ActivationsModel();
    }

    @Override
    public LabView createView(ActivationsModel model, I18n i18n, Theme theme) {
        return new ActivationsView(model, i18n, theme);
    }
}
