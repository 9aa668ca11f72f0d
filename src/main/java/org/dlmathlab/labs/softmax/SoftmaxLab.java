package org.dlmathlab.labs.softmax;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** Softmax regression on small images, id {@code softmax}. */
public final class SoftmaxLab implements Lab<SoftmaxModel> {

    @Override
    public String id() {
        return SoftmaxModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return SoftmaxView.CONTROLS;
    }

    @Override
    public SoftmaxModel createModel() {
        return new SoftmaxModel();
    }

    @Override
    public LabView createView(SoftmaxModel model, I18n i18n, Theme theme) {
        return new SoftmaxView(model, i18n, theme);
    }
}
