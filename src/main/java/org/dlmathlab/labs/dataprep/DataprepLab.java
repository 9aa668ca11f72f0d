package org.dlmathlab.labs.dataprep;

import java.util.List;
import org.dlmathlab.labs.Lab;
import org.dlmathlab.labs.LabView;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/** The data-preparation lab, id {@code dataprep}: missing values, mean filling, one-hot, and the matrix X. */
public final class DataprepLab implements Lab<DataprepModel> {

    @Override
    public String id() {
        return DataprepModel.ID;
    }

    @Override
    public List<String> controlNames() {
        return DataprepView.CONTROLS;
    }

    @Override
    public DataprepModel createModel() {
        return new DataprepModel();
    }

    @Override
    public LabView createView(DataprepModel model, I18n i18n, Theme theme) {
        return new DataprepView(model, i18n, theme);
    }
}
