package org.dlmathlab.labs.det3d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The 3x3 determinant lab, id {@code det3d}: the unit cube and its image, a parallelepiped of volume |det|. */
public final class Det3dLab implements Lab<Det3dModel> {

    @Override
    public String id() {
        return Det3dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Det3dView.CONTROLS;
    }

    @Override
    public Det3dModel createModel() {
        return new Det3dModel();
    }

    @Override
    public LabView createView(Det3dModel model, I18n i18n, Theme theme) {
        return new Det3dView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
