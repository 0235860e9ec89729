package org.checkpointlab.model.state.rocksdb;

import java.util.Collections;
import java.util.List;

import org.checkpointlab.model.state.KeyedListElements;
import org.checkpointlab.model.state.ListState;

/**
 * {@link ListState} of {@link RocksDbKeyedStateBackend}: one RocksDB entry per key holding the elements separated by
 * the merge operator's delimiter. {@code add} is a blind RocksDB merge: it never reads the list.
 */
final class RocksDbListState<T> extends AbstractRocksDbState implements ListState<T> {

    RocksDbListState(RocksDbStateAccess access, StateEntry state) {
        super(access, state, "ListState");
    }

    /** A read-only copy of the current key's list. */
    @Override
    @SuppressWarnings("unchecked")
    public List<T> get() {
        int keyLength = access.keyFor(state);
        int valueLength = access.get(state, keyLength);
        if (valueLength < 0) {
            return List.of();
        }
        return Collections.unmodifiableList((List<T>) access.readList(state, valueLength));
    }

    @Override
    public void add(T value) {
        KeyedListElements.requireElement(value, state.name, access.currentKey());
        int keyLength = access.keyFor(state);
        access.merge(state, keyLength, access.serialize(state, value));
    }

    /** Replaces the current key's list by {@code values}; null or empty clears it. */
    @Override
    public void update(List<T> values) {
        int keyLength = access.keyFor(state);
        if (values == null || values.isEmpty()) {
            access.delete(state, keyLength);
            return;
        }
        KeyedListElements.requireElements(values, state.name, access.currentKey());
        access.put(state, keyLength, access.serializeList(state, values));
    }

    @Override
    public void clear() {
        access.delete(state, access.keyFor(state));
    }
}
