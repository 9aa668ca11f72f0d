package org.dlmathlab.ui;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A labelled slider with a typed field, both in step with one model property.
 *
 * <p>The field accepts values outside the slider's range (within the model's own limits); the slider then rests at
 * its end instead of clamping the model. Typed text is parsed by a caller-supplied parser (the safe expression
 * evaluator, so "1/2" or "sqrt(2)/2" work); a parse error marks the field and says why in its tooltip, and the model
 * keeps its value.
 */
public final class SliderField extends HBox {

    private final Slider slider;
    private final TextField field = new TextField();
    private final Label label = new Label();
    private final DoubleProperty target;
    private final DoubleUnaryOperator limit;
    private final ToDoubleFunction<String> parser;
    private final Tooltip fieldTip = new Tooltip();
    private final StringExpression tooltipText;
    private boolean syncing;
    private boolean logScale;

    /**
     * @param labelText  the label, bound to the current language
     * @param tooltip    what the control does, bound to the current language
     * @param target     the model property
     * @param min        slider minimum
     * @param max        slider maximum
     * @param limit      clamps or rejects typed values (throws IllegalArgumentException with a message)
     * @param parser     turns typed text into a number (throws IllegalArgumentException with a message)
     */
    public SliderField(StringExpression labelText, StringExpression tooltip, DoubleProperty target, double min,
                       double max, DoubleUnaryOperator limit, ToDoubleFunction<String> parser) {
        this.target = target;
        this.limit = limit;
        this.parser = parser;
        this.tooltipText = tooltip;
        getStyleClass().add("slider-field");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        label.textProperty().bind(labelText);
        label.setMinWidth(28);
        label.getStyleClass().add("slider-field-label");
        slider = new Slider(min, max, clampToSlider(target.get(), min, max));
        slider.setBlockIncrement((max - min) / 60);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        field.setPrefColumnCount(5);
        field.setMaxWidth(74);
        Tooltip sliderTip = new Tooltip();
        sliderTip.textProperty().bind(tooltip);
        slider.setTooltip(sliderTip);
        fieldTip.textProperty().bind(tooltip);
        field.setTooltip(fieldTip);
        getChildren().addAll(label, slider, field);

        showValue(target.get());
        target.addListener((obs, oldValue, newValue) -> showValue(newValue.doubleValue()));
        slider.valueProperty().addListener((obs, oldValue, newValue) -> {
            if (!syncing) {
                double v = newValue.doubleValue();
                // Round a log slider to 3 significant digits: "0.0123", not "0.012345678".
                target.set(logScale ? Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", Math.pow(10, v)))
                        : v);
            }
        });
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitText();
            }
        });
    }

    /**
     * A slider on a log scale (for learning rates): the knob moves log10 of the value between min and max, which
     * must both be positive.
     */
    public static SliderField logarithmic(StringExpression labelText, StringExpression tooltip, DoubleProperty target,
                                          double min, double max, DoubleUnaryOperator limit,
                                          ToDoubleFunction<String> parser) {
        SliderField f = new SliderField(labelText, tooltip, target, Math.log10(min), Math.log10(max), limit, parser);
        f.logScale = true;
        f.slider.setBlockIncrement(0.1);
        f.showValue(target.get());
        return f;
    }

    public Slider slider() {
        return slider;
    }

    public TextField field() {
        return field;
    }

    /** Parses the field; on success sets the model, on failure marks the field and explains in its tooltip. */
    public boolean commitText() {
        String text = field.getText();
        try {
            double value = limit.applyAsDouble(parser.applyAsDouble(text));
            clearError();
            target.set(value);
            showValue(value);
            return true;
        } catch (IllegalArgumentException e) {
            field.getStyleClass().add("field-error");
            fieldTip.textProperty().unbind();
            fieldTip.setText(e.getMessage());
            return false;
        }
    }

    /** Whether the field currently shows a typing error. */
    public boolean hasError() {
        return field.getStyleClass().contains("field-error");
    }

    private void clearError() {
        field.getStyleClass().removeAll("field-error");
        if (!fieldTip.textProperty().isBound()) {
            fieldTip.textProperty().bind(tooltipText);
        }
    }

    private void showValue(double value) {
        syncing = true;
        try {
            double knob = logScale ? (value > 0 ? Math.log10(value) : slider.getMin()) : value;
            slider.setValue(clampToSlider(knob, slider.getMin(), slider.getMax()));
            if (!field.isFocused() || !hasError()) {
                field.setText(Format.editable(value));
                clearError();
            }
        } finally {
            syncing = false;
        }
    }

    private static double clampToSlider(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
