package org.checkpointlab.model.state;

/** Keyed state holding one value per key, scoped to the backend's current key. Task thread only. */
public interface ValueState<T> {
    /** The value for the current key, or {@code null}. */
    T value();

    void update(T value);

    void clear();
}
