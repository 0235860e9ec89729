package org.checkpointlab.model.state;

import java.util.Map;

/** Keyed state holding a map per key, scoped to the backend's current key. Task thread only. */
public interface MapState<K, V> {
    V get(K userKey);

    void put(K userKey, V value);

    boolean contains(K userKey);

    void remove(K userKey);

    /** A read-only view of the current key's entries; empty when there are none. */
    Map<K, V> entries();

    void clear();
}
