package org.dlmathlab.labs.entropy;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** Entropy, cross-entropy and KL divergence of two distributions drawn as bars, id {@code entropy}. */
public final class EntropyLab implements Lab<EntropyModel> {

    @Override
    public String id() {
        return EntropyModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return EntropyView.CONTROLS;
    }

    @Override
    public EntropyModel createModel() {
        return new EntropyModel();
    }

    @Override
    public LabView createView(EntropyModel model, I18n i18n, Theme theme) {
        return new EntropyView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
