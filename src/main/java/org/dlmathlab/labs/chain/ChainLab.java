package org.dlmathlab.labs.chain;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The chain-rule lab, id {@code chain}: a computational graph built from one-input pieces. */
public final class ChainLab implements Lab<ChainModel> {

    @Override
    public String id() {
        return ChainModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return ChainView.CONTROLS;
    }

    @Override
    public ChainModel createModel() {
        return new ChainModel();
    }

    @Override
    public LabView createView(ChainModel model, I18n i18n, Theme theme) {
        return new ChainView(model, i18n, theme);
    }
}
