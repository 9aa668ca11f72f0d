package org.dlmathlab.labs.matmul2d;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.NumberInput;
import org.dlmathlab.ui.Theme;

/** The matrix multiplication lab, id {@code matmul2d}: AB and BA side by side, associativity, shapes. */
public final class Matmul2dLab implements Lab<Matmul2dModel> {

    @Override
    public String id() {
        return Matmul2dModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return Matmul2dView.CONTROLS;
    }

    @Override
    public Matmul2dModel createModel() {
        return new Matmul2dModel();
    }

    @Override
    public LabView createView(Matmul2dModel model, I18n i18n, Theme theme) {
        return new Matmul2dView(model, i18n, theme, text -> NumberInput.parse(text, i18n));
    }
}
