package org.dlmathlab.labs.backprop;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The back-propagation lab on the notes' 2-3-1 network, id {@code backprop}. */
public final class BackpropLab implements Lab<BackpropModel> {

    @Override
    public String id() {
        return BackpropModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return BackpropView.CONTROLS;
    }

    @Override
    public BackpropModel createModel() {
        return new BackpropModel();
    }

    @Override
    public LabView createView(BackpropModel model, I18n i18n, Theme theme) {
        return new BackpropView(model, i18n, theme);
    }
}
