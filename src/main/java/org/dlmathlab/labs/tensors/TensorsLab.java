package org.dlmathlab.labs.tensors;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The tensors lab, id {@code tensors}: sums along axes, keepdims, cumsum, broadcasting, Hadamard vs matrix product. */
public final class TensorsLab implements Lab<TensorsModel> {

    @Override
    public String id() {
        return TensorsModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return TensorsView.CONTROLS;
    }

    @Override
    public TensorsModel createModel() {
        return new TensorsModel();
    }

    @Override
    public LabView createView(TensorsModel model, I18n i18n, Theme theme) {
        return new TensorsView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
