package org.dlmathlab.labs.limit;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The derivative-as-a-limit lab, id {@code limit}. */
public final class LimitLab implements Lab<LimitModel> {

    @Override
    public String id() {
        return LimitModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return LimitView.CONTROLS;
    }

    @Override
    public LimitModel createModel() {
        return new LimitModel();
    }

    @Override
    public LabView createView(LimitModel model, I18n i18n, Theme theme) {
        return new LimitView(model, i18n, theme);
    }
}
