package org.dlmathlab.labs.neuron;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** One artificial neuron, a = f(w0 + sum w_i x_i), id {@code neuron}. */
public final class NeuronLab implements Lab<NeuronModel> {

    @Override
    public String id() {
        return NeuronModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return NeuronView.CONTROLS;
    }

    @Override
    public NeuronModel createModel() {
        return new NeuronModel();
    }

    @Override
    public LabView createView(NeuronModel model, I18n i18n, Theme theme) {
        return new NeuronView(model, i18n, theme);
    }
}
