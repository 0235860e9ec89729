package org.checkpointlab.model.state.rocksdb;

import java.util.Collections;
import java.util.Map;

import org.checkpointlab.model.state.MapState;

/**
 * {@link MapState} of {@link RocksDbKeyedStateBackend}: one RocksDB entry per user key, keyed
 * {@code [group][state][key][user key]}, so a point access touches one entry and {@link #entries()} is a prefix scan.
 */
final class RocksDbMapState<K, V> extends AbstractRocksDbState implements MapState<K, V> {

    RocksDbMapState(RocksDbStateAccess access, StateEntry state) {
        super(access, state, "MapState");
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(K userKey) {
        int keyLength = access.userKeyFor(state, userKey);
        int valueLength = access.get(state, keyLength);
        return valueLength < 0 ? null : (V) access.readValue(state, valueLength);
    }

    @Override
    public void put(K userKey, V value) {
        int keyLength = access.userKeyFor(state, userKey);
        access.put(state, keyLength, access.serialize(state, value));
    }

    @Override
    public boolean contains(K userKey) {
        return access.get(state, access.userKeyFor(state, userKey)) >= 0;
    }

    @Override
    public void remove(K userKey) {
        access.delete(state, access.userKeyFor(state, userKey));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<K, V> entries() {
        return Collections.unmodifiableMap((Map<K, V>) access.mapEntries(state));
    }

    @Override
    public void clear() {
        access.clearMap(state);
    }
}
