package org.checkpointlab.model.state.rocksdb;

import java.util.Collections;
import java.util.Map;

import org.checkpointlab.model.state.MapState;

/**
 * {@link MapState} of {@link RocksDbKeyedStateBackend}: one RocksDB entry per user key, keyed
 * {@code [group][state][key][user key]}, so a point access touches one entry and {@link #entries()} is a prefix scan.
 */
final class RocksDbMapState<K, V> implements MapState<K, V> {

    private final RocksDbKeyedStateBackend backend;
    private final StateEntry state;

    RocksDbMapState(RocksDbKeyedStateBackend backend, StateEntry state) {
        this.backend = backend;
        this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(K userKey) {
        int keyLength = backend.userKeyFor(state, userKey);
        int valueLength = backend.get(state, keyLength);
        return valueLength < 0 ? null : (V) backend.readValue(state, valueLength);
    }

    @Override
    public void put(K userKey, V value) {
        int keyLength = backend.userKeyFor(state, userKey);
        backend.put(state, keyLength, backend.serialize(state, value));
    }

    @Override
    public boolean contains(K userKey) {
        return backend.get(state, backend.userKeyFor(state, userKey)) >= 0;
    }

    @Override
    public void remove(K userKey) {
        backend.delete(state, backend.userKeyFor(state, userKey));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<K, V> entries() {
        return Collections.unmodifiableMap((Map<K, V>) backend.mapEntries(state));
    }

    @Override
    public void clear() {
        backend.clearMap(state);
    }

    @Override
    public String toString() {
        return "MapState '" + state.name + "' (RocksDB)";
    }
}
