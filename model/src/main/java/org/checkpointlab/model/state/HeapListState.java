package org.checkpointlab.model.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

/** {@link ListState} of {@link HeapKeyedStateBackend}: the current key's {@link ArrayList}; no null elements. */
final class HeapListState<T> extends AbstractHeapKeyedState implements ListState<T> {

    HeapListState(HeapKeyedStateBackend backend, HeapStateTable table) {
        super(backend, table, "ListState");
    }

    /** A read-only view of the current key's list (it may be shared with an in-flight snapshot). */
    @Override
    @SuppressWarnings("unchecked")
    public List<T> get() {
        List<T> list = (List<T>) table.live[index()].get(backend.currentKey);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) {
        KeyedListElements.requireElement(value, table.name, backend.currentKey);
        HashMap<Object, Object> map = table.writable(index());
        List<T> list = (List<T>) map.get(backend.currentKey);
        if (list == null) {
            list = new ArrayList<>();
            map.put(backend.currentKey, list);
            backend.entries++;
        }
        list.add(value);
    }

    /** Replaces the current key's list by a copy of {@code values}; null or empty clears it. */
    @Override
    public void update(List<T> values) {
        int i = index();
        if (values == null || values.isEmpty()) {
            backend.removeEntry(table, i);
            return;
        }
        ArrayList<T> copy = new ArrayList<>(values);
        KeyedListElements.requireElements(copy, table.name, backend.currentKey);
        if (table.writable(i).put(backend.currentKey, copy) == null) {
            backend.entries++;
        }
    }
}
