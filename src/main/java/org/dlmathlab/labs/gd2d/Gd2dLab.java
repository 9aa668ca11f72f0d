package org.dlmathlab.labs.gd2d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** Optimisers racing on a contour map, id {@code gd2d}. */
public final class Gd2dLab implements Lab<Gd2dModel> {

    @Override
    public String id() {
        return Gd2dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Gd2dView.CONTROLS;
    }

    @Override
    public Gd2dModel createModel() {
        return new Gd2dModel();
    }

    @Override
    public LabView createView(Gd2dModel model, I18n i18n, Theme theme) {
        return new Gd2dView(model, i18n, theme);
    }
}
