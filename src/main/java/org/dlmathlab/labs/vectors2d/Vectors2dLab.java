package org.dlmathlab.labs.vectors2d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The dot product and norms lab, id {@code vectors2d}. */
public final class Vectors2dLab implements Lab<Vectors2dModel> {

    @Override
    public String id() {
        return Vectors2dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Vectors2dView.CONTROLS;
    }

    @Override
    public Vectors2dModel createModel() {
        return new Vectors2dModel();
    }

    @Override
    public LabView createView(Vectors2dModel model, I18n i18n, Theme theme) {
        return new Vectors2dView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
