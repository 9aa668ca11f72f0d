package org.dlmathlab.labs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;

/**
 * An {@link Observable} that notifies its listeners on <em>every</em> change of the values it watches.
 *
 * <p>Why not a binding: an invalidation listener on a binding (or on a plain property) fires only once until someone
 * reads the value again, so a listener that merely schedules a redraw would miss later changes.
 */
public final class ChangeSignal implements Observable {

    private final List<InvalidationListener> listeners = new CopyOnWriteArrayList<>();

    /** Fires this signal whenever any of the values changes. */
    public void watch(ObservableValue<?>... values) {
        for (ObservableValue<?> value : values) {
            value.addListener((obs, oldValue, newValue) -> fire());
        }
    }

    public void fire() {
        for (InvalidationListener listener : listeners) {
            listener.invalidated(this);
        }
    }

    @Override
    public void addListener(InvalidationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(InvalidationListener listener) {
        listeners.remove(listener);
    }
}
