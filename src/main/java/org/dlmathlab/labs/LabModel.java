package org.dlmathlab.labs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;

/**
 * The state of one interactive lab, free of any scene graph (javafx.base only), so it can be driven by a view, by an
 * exercise checker, by {@code --export} and by tests alike.
 *
 * <p>A lab publishes <em>parameters</em> (inputs that lessons and {@code --set} may set) and <em>quantities</em>
 * (named read-outs that goal exercises and exports refer to). Parameters are usually also quantities.
 */
public interface LabModel {

    /** The lab id used in lesson files, e.g. {@code transform2d}. */
    String id();

    /** Names of the parameters {@link #setParameter} accepts, in a stable order. */
    List<String> parameterNames();

    /**
     * Sets one parameter.
     *
     * @throws IllegalArgumentException with a learner-readable message when the name is unknown or the value is out of
     *                                  range or not finite
     */
    void setParameter(String name, double value);

    /** Names of the published quantities, in a stable order. */
    List<String> quantityNames();

    /** The current value of a quantity; NaN where it is undefined right now (e.g. the eigenvalue of a rotation). */
    double quantity(String name);

    /** Fires whenever any quantity may have changed; listeners recompute, they never get a stale value. */
    Observable changes();

    /** Sets the starting parameters that {@link #reset()} returns to; applies them too. */
    void setDefaults(Map<String, Double> parameters);

    /** Returns every parameter to its starting value (the lesson's, else the lab's own). */
    void reset();

    /** Whether this lab has a step command (training, descent...). */
    default boolean canStep() {
        return false;
    }

    /** One step of the lab's process; a no-op for labs that cannot step. */
    default void step() {
    }

    /** Data series the lab shows (for {@code --export}): file stem -> table. Empty for labs without series. */
    default Map<String, DataTable> dataSeries() {
        return Map.of();
    }

    /** A snapshot of every quantity, in {@link #quantityNames()} order. */
    default Map<String, Double> quantities() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : quantityNames()) {
            out.put(name, quantity(name));
        }
        return out;
    }

    /** Values of the quantities in {@link #quantityNames()} order, for fast expression evaluation. */
    default double[] quantityVector() {
        List<String> names = quantityNames();
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = quantity(names.get(i));
        }
        return values;
    }
}
