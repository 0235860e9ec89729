package org.checkpointlab.model.state.rocksdb;

import org.checkpointlab.model.state.ValueState;

/** {@link ValueState} of {@link RocksDbKeyedStateBackend}: one RocksDB entry per key, the serialized value. */
final class RocksDbValueState<T> implements ValueState<T> {

    private final RocksDbKeyedStateBackend backend;
    private final StateEntry state;

    RocksDbValueState(RocksDbKeyedStateBackend backend, StateEntry state) {
        this.backend = backend;
        this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        int keyLength = backend.keyFor(state);
        int valueLength = backend.get(state, keyLength);
        return valueLength < 0 ? null : (T) backend.readValue(state, valueLength);
    }

    /** Sets the current key's value; {@code null} clears it, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            clear();
            return;
        }
        int keyLength = backend.keyFor(state);
        backend.put(state, keyLength, backend.serialize(state, value));
    }

    @Override
    public void clear() {
        backend.delete(state, backend.keyFor(state));
    }

    @Override
    public String toString() {
        return "ValueState '" + state.name + "' (RocksDB)";
    }
}
