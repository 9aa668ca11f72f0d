package org.dlmathlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.dlmathlab.math.expr.ExpressionException;

/**
 * A curve picker for the labs that show a function of x: a list of presets plus "type a formula", a formula field
 * with a Use button, and a line that explains a typing error (the old curve stays). Texts come from the lab's
 * bundle: {@code <lab>.function.tooltip}, {@code <lab>.preset.<id>}, {@code <lab>.preset.typed},
 * {@code <lab>.formula.prompt}, {@code <lab>.formula.tooltip}, {@code <lab>.formula.apply}.
 */
public final class CurveChooser {

    /** Uses a typed formula; throws {@link ExpressionException} on a typing error. */
    @FunctionalInterface
    public interface FormulaUser {
        void use(String text);
    }

    private final I18n i18n;
    private final String lab;
    private final List<String> presetIds;
    private final IntSupplier currentPreset;
    private final FormulaUser formulaUser;
    private final Runnable afterChange;
    private final ComboBox<String> presetBox = new ComboBox<>();
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Button apply = new Button();
    private boolean choosing;

    /**
     * @param onPreset    called when the learner picks preset i
     * @param afterChange called after a preset or a formula has been taken (refit the view)
     */
    public CurveChooser(I18n i18n, String lab, List<String> presetIds, IntSupplier currentPreset, IntConsumer onPreset,
                        FormulaUser formulaUser, Runnable afterChange) {
        this.i18n = i18n;
        this.lab = lab;
        this.presetIds = List.copyOf(presetIds);
        this.currentPreset = currentPreset;
        this.formulaUser = formulaUser;
        this.afterChange = afterChange;
        relabel();
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setTooltip(Tips.of(i18n, lab + ".function.tooltip"));
        presetBox.setId(lab + "-preset");
        presetBox.getSelectionModel().selectedIndexProperty().addListener((o, old, index) -> {
            if (choosing || index == null || index.intValue() < 0) {
                return;
            }
            if (index.intValue() < presetIds.size()) {
                onPreset.accept(index.intValue());
                afterChange.run();
            } else {
                field.requestFocus();
            }
        });
        field.promptTextProperty().bind(i18n.bind(lab + ".formula.prompt"));
        field.setTooltip(Tips.of(i18n, lab + ".formula.tooltip"));
        field.setId(lab + "-formula");
        field.setOnAction(e -> applyFormula());
        HBox.setHgrow(field, Priority.ALWAYS);
        apply.textProperty().bind(i18n.bind(lab + ".formula.apply"));
        apply.setTooltip(Tips.of(i18n, lab + ".formula.tooltip"));
        apply.setOnAction(e -> applyFormula());
        error.setWrapText(true);
        error.getStyleClass().add("lab-status");
        error.setId(lab + "-formula-error");
    }

    /** The list, the field with its button, and the error line, for a control group. */
    public List<Node> nodes() {
        return List.of(presetBox, new HBox(6, field, apply), error);
    }

    public TextField field() {
        return field;
    }

    public Label error() {
        return error;
    }

    /** Names the presets in the current language, keeping the selection. */
    public void relabel() {
        choosing = true;
        int selected = presetBox.getSelectionModel().getSelectedIndex();
        List<String> names = new ArrayList<>();
        for (String id : presetIds) {
            names.add(i18n.get(lab + ".preset." + id));
        }
        names.add(i18n.get(lab + ".preset.typed"));
        presetBox.setItems(FXCollections.observableArrayList(names));
        presetBox.getSelectionModel().select(selected < 0 ? currentPreset.getAsInt() : selected);
        choosing = false;
    }

    /** Shows preset i as chosen (-1: the typed formula) without acting on it, as when a lesson sets it. */
    public void show(int preset) {
        int index = preset < 0 ? presetIds.size() : preset;
        if (presetBox.getSelectionModel().getSelectedIndex() != index) {
            choosing = true;
            presetBox.getSelectionModel().select(index);
            choosing = false;
        }
    }

    /** Uses the typed formula; a typing error is explained and the old curve stays. */
    public void applyFormula() {
        try {
            formulaUser.use(field.getText());
            error.setText("");
            field.getStyleClass().removeAll("field-error");
            show(-1);
            afterChange.run();
        } catch (ExpressionException e) {
            error.setText(ExpressionMessages.describe(e, i18n));
            if (!field.getStyleClass().contains("field-error")) {
                field.getStyleClass().add("field-error");
            }
        }
    }
}
