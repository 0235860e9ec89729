package org.checkpointlab.model.state.rocksdb;

import java.util.Collections;
import java.util.List;

import org.checkpointlab.model.state.ListState;

/**
 * {@link ListState} of {@link RocksDbKeyedStateBackend}: one RocksDB entry per key holding the elements separated by
 * the merge operator's delimiter. {@code add} is a blind RocksDB merge: it never reads the list.
 */
final class RocksDbListState<T> implements ListState<T> {

    private final RocksDbKeyedStateBackend backend;
    private final StateEntry state;

    RocksDbListState(RocksDbKeyedStateBackend backend, StateEntry state) {
        this.backend = backend;
        this.state = state;
    }

    /** A read-only copy of the current key's list. */
    @Override
    @SuppressWarnings("unchecked")
    public List<T> get() {
        int keyLength = backend.keyFor(state);
        int valueLength = backend.get(state, keyLength);
        if (valueLength < 0) {
            return List.of();
        }
        return Collections.unmodifiableList((List<T>) backend.readList(state, valueLength));
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("list state '" + state.name + "' cannot hold null (key "
                    + backend.currentKey() + ")");
        }
        int keyLength = backend.keyFor(state);
        backend.merge(state, keyLength, backend.serialize(state, value));
    }

    /** Replaces the current key's list by {@code values}; null or empty clears it. */
    @Override
    public void update(List<T> values) {
        int keyLength = backend.keyFor(state);
        if (values == null || values.isEmpty()) {
            backend.delete(state, keyLength);
            return;
        }
        for (int n = 0; n < values.size(); n++) {
            if (values.get(n) == null) {
                throw new NullPointerException("list state '" + state.name + "' cannot hold null (element " + n
                        + " of the update for key " + backend.currentKey() + ")");
            }
        }
        backend.put(state, keyLength, backend.serializeList(state, values));
    }

    @Override
    public void clear() {
        backend.delete(state, backend.keyFor(state));
    }

    @Override
    public String toString() {
        return "ListState '" + state.name + "' (RocksDB)";
    }
}
