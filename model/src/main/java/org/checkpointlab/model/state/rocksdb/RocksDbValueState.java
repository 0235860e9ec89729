package org.checkpointlab.model.state.rocksdb;

import org.checkpointlab.model.state.ValueState;

/** {@link ValueState} of {@link RocksDbKeyedStateBackend}: one RocksDB entry per key, the serialized value. */
final class RocksDbValueState<T> extends AbstractRocksDbState implements ValueState<T> {

    RocksDbValueState(RocksDbStateAccess access, StateEntry state) {
        super(access, state, "ValueState");
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        int keyLength = access.keyFor(state);
        int valueLength = access.get(state, keyLength);
        return valueLength < 0 ? null : (T) access.readValue(state, valueLength);
    }

    /** Sets the current key's value; {@code null} clears it, as in Flink. */
    @Override
    public void update(T value) {
        if (value == null) {
            clear();
            return;
        }
        int keyLength = access.keyFor(state);
        access.put(state, keyLength, access.serialize(state, value));
    }

    @Override
    public void clear() {
        access.delete(state, access.keyFor(state));
    }
}
