package org.checkpointlab.model.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one named keyed state on the heap: one {@code HashMap<key, value>} per key group of the backend's
 * range, indexed by {@code keyGroup - range.start}. Task thread only.
 *
 * <p><b>Copy-on-write.</b> {@link #capture()} hands out the current per-key-group maps and marks them shared. A
 * shared map is never mutated again: the first write to its key group afterwards replaces it by a copy
 * ({@link #writable}), deep enough that the lists and maps stored as LIST and MAP values are copied too. So any
 * number of snapshots may read captured maps on other threads while processing goes on. A map stays shared until
 * written (releasing a snapshot does not un-share it: that would need a handshake with the snapshot thread, for the
 * saving of one copy).
 */
final class HeapStateTable extends RegisteredKeyedState {

    /** The live map of each key group; replaced (never mutated) while {@link #shared}. */
    final HashMap<Object, Object>[] live;
    /** Whether {@code live[i]} is referenced by a snapshot and must be copied before a write. */
    private final boolean[] shared;

    @SuppressWarnings("unchecked")
    HeapStateTable(String name, StateKind kind, int keyGroups) {
        super(name, kind);
        this.live = (HashMap<Object, Object>[]) new HashMap<?, ?>[keyGroups];
        this.shared = new boolean[keyGroups];
        for (int i = 0; i < keyGroups; i++) {
            live[i] = new HashMap<>();
        }
    }

    /** The map of key-group index {@code i}, safe to mutate (copied first if a snapshot holds it). */
    HashMap<Object, Object> writable(int i) {
        if (shared[i]) {
            return copyForWrite(i);
        }
        return live[i];
    }

    /** Whether a write to key-group index {@code i} would copy its map first. */
    boolean isShared(int i) {
        return shared[i];
    }

    /** Captures the current maps for a snapshot: O(key groups), marks every map shared. */
    HashMap<Object, Object>[] capture() {
        HashMap<Object, Object>[] captured = live.clone();
        Arrays.fill(shared, true);
        return captured;
    }

    private HashMap<Object, Object> copyForWrite(int i) {
        HashMap<Object, Object> source = live[i];
        HashMap<Object, Object> copy;
        if (kind == StateKind.VALUE) {
            copy = new HashMap<>(source);
        } else {
            copy = new HashMap<>(capacityFor(source.size()));
            for (Map.Entry<Object, Object> e : source.entrySet()) {
                copy.put(e.getKey(), copyContainer(e.getValue()));
            }
        }
        live[i] = copy;
        shared[i] = false;
        return copy;
    }

    private Object copyContainer(Object value) {
        if (kind == StateKind.LIST) {
            return new ArrayList<>((List<?>) value);
        }
        return new HashMap<>((Map<?, ?>) value);
    }

    private static int capacityFor(int size) {
        return (int) (size / 0.75f) + 1;
    }
}
