package org.checkpointlab.model.state;

import java.util.List;

/** A list of values: per key when keyed, per subtask when it is operator state. Task thread only. */
public interface ListState<T> {
    /** The values, in insertion order; an empty list when there are none. Do not modify it. */
    List<T> get();

    void add(T value);

    void update(List<T> values);

    void clear();
}
