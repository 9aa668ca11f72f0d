package org.dlmathlab.labs.gd1d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** Gradient descent on a curve, id {@code gd1d}. */
public final class Gd1dLab implements Lab<Gd1dModel> {

    @Override
    public String id() {
        return Gd1dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Gd1dView.CONTROLS;
    }

    @Override
    public Gd1dModel createModel() {
        return new Gd1dModel();
    }

    @Override
    public LabView createView(Gd1dModel model, I18n i18n, Theme theme) {
        return new Gd1dView(model, i18n, theme);
    }
}
