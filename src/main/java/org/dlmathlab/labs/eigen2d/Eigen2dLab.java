package org.dlmathlab.labs.eigen2d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The eigenvector lab, id {@code eigen2d}: which vectors keep their direction, and power iteration. */
public final class Eigen2dLab implements Lab<Eigen2dModel> {

    @Override
    public String id() {
        return Eigen2dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Eigen2dView.CONTROLS;
    }

    @Override
    public Eigen2dModel createModel() {
        return new Eigen2dModel();
    }

    @Override
    public LabView createView(Eigen2dModel model, I18n i18n, Theme theme) {
        return new Eigen2dView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
