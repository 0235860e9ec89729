package org.checkpointlab.model.state;

/** {@link ValueState} of {@link HeapKeyedStateBackend}: the value of the current key in its key group's map. */
final class HeapValueState<T> implements ValueState<T> {

    private final HeapKeyedStateBackend backend;
    private final HeapStateTable table;

    HeapValueState(HeapKeyedStateBackend backend, HeapStateTable table) {
        this.backend = backend;
        this.table = table;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        int i = backend.currentIndex;
        if (i < 0) {
            throw backend.noCurrentKey(table.name);
        }
        return (T) table.live[i].get(backend.currentKey);
    }

    /** Sets the current key's value; {@code null} clears it, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            clear();
            return;
        }
        int i = backend.currentIndex;
        if (i < 0) {
            throw backend.noCurrentKey(table.name);
        }
        if (table.writable(i).put(backend.currentKey, value) == null) {
            backend.entries++;
        }
    }

    @Override
    public void clear() {
        int i = backend.currentIndex;
        if (i < 0) {
            throw backend.noCurrentKey(table.name);
        }
        backend.removeEntry(table, i);
    }

    @Override
    public String toString() {
        return "ValueState '" + table.name + "'";
    }
}
