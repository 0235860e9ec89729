package org.checkpointlab.model.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link MapState} of {@link HeapKeyedStateBackend}: the current key's {@link HashMap}. A map that becomes empty is
 * dropped, so it no longer counts as an entry.
 */
final class HeapMapState<K, V> extends AbstractHeapKeyedState implements MapState<K, V> {

    HeapMapState(HeapKeyedStateBackend backend, HeapStateTable table) {
        super(backend, table, "MapState");
    }

    @Override
    public V get(K userKey) {
        Map<K, V> map = current();
        return map == null ? null : map.get(userKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void put(K userKey, V value) {
        HashMap<Object, Object> byKey = table.writable(index());
        Map<K, V> map = (Map<K, V>) byKey.get(backend.currentKey);
        if (map == null) {
            map = new HashMap<>();
            byKey.put(backend.currentKey, map);
            backend.entries++;
        }
        map.put(userKey, value);
    }

    @Override
    public boolean contains(K userKey) {
        Map<K, V> map = current();
        return map != null && map.containsKey(userKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void remove(K userKey) {
        if (!contains(userKey)) {
            return;
        }
        int i = index();
        HashMap<Object, Object> byKey = table.writable(i);
        Map<K, V> map = (Map<K, V>) byKey.get(backend.currentKey);
        map.remove(userKey);
        if (map.isEmpty()) {
            byKey.remove(backend.currentKey);
            backend.entries--;
        }
    }

    @Override
    public Map<K, V> entries() {
        Map<K, V> map = current();
        return map == null ? Map.of() : Collections.unmodifiableMap(map);
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> current() {
        return (Map<K, V>) table.live[index()].get(backend.currentKey);
    }
}
