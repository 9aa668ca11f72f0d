package org.dlmathlab.labs.regression;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** Linear regression by gradient descent, id {@code regression}. */
public final class RegressionLab implements Lab<RegressionModel> {

    @Override
    public String id() {
        return RegressionModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return RegressionView.CONTROLS;
    }

    @Override
    public RegressionModel createModel() {
        return new RegressionModel();
    }

    @Override
    public LabView createView(RegressionModel model, I18n i18n, Theme theme) {
        return new RegressionView(model, i18n, theme);
    }
}
