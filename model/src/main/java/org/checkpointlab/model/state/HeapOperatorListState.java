package org.checkpointlab.model.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One operator list state of {@link HeapOperatorStateBackend}: an {@link ArrayList} without null elements. */
final class HeapOperatorListState<T> implements ListState<T> {

    final String name;
    final OperatorStateMode mode;
    final ArrayList<T> elements = new ArrayList<>();

    HeapOperatorListState(String name, OperatorStateMode mode) {
        this.name = name;
        this.mode = mode;
    }

    @Override
    public List<T> get() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("operator list state '" + name + "' cannot hold null");
        }
        elements.add(value);
    }

    /** Replaces the elements by those of {@code values}; null clears. */
    @Override
    public void update(List<T> values) {
        if (values == null) {
            elements.clear();
            return;
        }
        for (int n = 0; n < values.size(); n++) {
            if (values.get(n) == null) {
                throw new NullPointerException("operator list state '" + name + "' cannot hold null (element "
                        + n + " of the update)");
            }
        }
        elements.clear();
        elements.addAll(values);
    }

    @Override
    public void clear() {
        elements.clear();
    }

    @Override
    public String toString() {
        return mode + " list state '" + name + "' " + elements;
    }
}
