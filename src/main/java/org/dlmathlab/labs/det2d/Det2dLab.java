package org.dlmathlab.labs.det2d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The determinant lab, id {@code det2d}: signed area, orientation, collapse, areas of shapes, det(AB). */
public final class Det2dLab implements Lab<Det2dModel> {

    @Override
    public String id() {
        return Det2dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Det2dView.CONTROLS;
    }

    @Override
    public Det2dModel createModel() {
        return new Det2dModel();
    }

    @Override
    public LabView createView(Det2dModel model, I18n i18n, Theme theme) {
        return new Det2dView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
