package org.dlmathlab.labs.system2d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The linear-systems lab (A x = v, inverse, rank and null space), id {@code system2d}. */
public final class System2dLab implements Lab<System2dModel> {

    @Override
    public String id() {
        return System2dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return System2dView.CONTROLS;
    }

    @Override
    public System2dModel createModel() {
        return new System2dModel();
    }

    @Override
    public LabView createView(System2dModel model, I18n i18n, Theme theme) {
        return new System2dView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
