package org.dlmathlab.labs;

import java.util.List;
import org.dlmathlab.ui.I18n;
import org.dlmathlab.ui.Theme;

/**
 * A kind of lab that lessons can name: makes models (no toolkit needed) and views (toolkit needed).
 *
 * @param <M> the model type
 */
public interface Lab<M extends LabModel> {

    String id();

    /** Control group names lesson files may list under {@code controls}. */
    List<String> controlNames();

    M createModel();

    LabView createView(M model, I18n i18n, Theme theme);

    /** Creates a view for a model this lab made; a checked cast keeps lesson code free of generics. */
    @SuppressWarnings("unchecked")
    default LabView createViewFor(LabModel model, I18n i18n, Theme theme) {
        return createView((M) model, i18n, theme);
    }
}
