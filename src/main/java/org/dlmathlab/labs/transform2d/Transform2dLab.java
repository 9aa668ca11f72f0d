package org.dlmathlab.labs.transform2d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The 2x2 linear transformation lab, id {@code transform2d}. */
public final class Transform2dLab implements Lab<Transform2dModel> {

    @Override
    public String id() {
        return Transform2dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Transform2dView.CONTROLS;
    }

    @Override
    public Transform2dModel createModel() {
        return new Transform2dModel();
    }

    @Override
    public LabView createView(Transform2dModel model, I18n i18n, Theme theme) {
        return new Transform2dView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
