package org.checkpointlab.model.state;

/** {@link ValueState} of {@link HeapKeyedStateBackend}: the value of the current key in its key group's map. */
final class HeapValueState<T> extends AbstractHeapKeyedState implements ValueState<T> {

    HeapValueState(HeapKeyedStateBackend backend, HeapStateTable table) {
        super(backend, table, "ValueState");
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        return (T) table.live[index()].get(backend.currentKey);
    }

    /** Sets the current key's value; {@code null} clears it, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            clear();
            return;
        }
        if (table.writable(index()).put(backend.currentKey, value) == null) {
            backend.entries++;
        }
    }
}
