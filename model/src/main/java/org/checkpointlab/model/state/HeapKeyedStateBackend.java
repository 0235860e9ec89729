package org.checkpointlab.model.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keyed state as objects on the heap, like Flink's {@code HashMapStateBackend}: per registered state, one
 * {@code HashMap<key, value>} per key group of this subtask's range.
 *
 * <p><b>Threading.</b> Everything runs on the subtask's task thread, except {@link KeyedSnapshot#write()} and
 * {@link KeyedSnapshot#release()}, which may run on the async snapshot thread.
 *
 * <p><b>Hot path.</b> {@link #setCurrentKey} computes the key group once; {@code value()}, {@code update()} and the
 * other accessors then go straight to {@code table[keyGroup - range.start]}: no allocation beyond the map's own, no
 * locks, no volatile accesses.
 *
 * <p><b>Snapshots.</b> {@link #snapshot} is the sync phase: it captures the per-key-group maps of every state and
 * marks them shared, in O(key groups x states). The first write to a shared map afterwards replaces it by a copy
 * (lists and maps inside included), so a captured map is never mutated again and {@link KeyedSnapshot#write()} can
 * serialize it on another thread while processing goes on. Any number of snapshots may be in flight.
 *
 * <p><b>Format.</b> Snapshots are written, and restored from, the backend-independent {@link KeyGroupStateFormat}
 * (with {@link StateSerializer} for keys and values): the same bytes serve checkpoints and savepoints and can be
 * restored by any backend with any parallelism, as long as the max parallelism is unchanged. Key groups, state
 * registration, restore and the key-group-ordered writing are {@link AbstractKeyedStateBackend}'s; this class is
 * the storage.
 */
public final class HeapKeyedStateBackend extends AbstractKeyedStateBackend<HeapStateTable> {

    /** Entries looked at per {@link #approximateSizeBytes()} call to estimate the average entry size. */
    private static final int SIZE_SAMPLES = 16;
    /** Key-group maps looked at, at most, per {@link #approximateSizeBytes()} call. */
    private static final int SIZE_SCAN_LIMIT = 256;

    private final int rangeSize;

    /** {@code currentKeyGroup - range.start}, or -1 when no key is set (or the backend is closed); read by views. */
    int currentIndex = -1;

    /** Number of (state, key) entries, maintained by the views. */
    long entries;

    private double averageEntryBytes;
    private int sampleCursor;

    /**
     * Creates an empty backend for the key groups of {@code range}.
     *
     * @throws IllegalArgumentException when the range is empty or does not fit {@code maxParallelism}
     */
    public HeapKeyedStateBackend(KeyGroupRange range, int maxParallelism) {
        super(range, maxParallelism);
        this.rangeSize = range.size();
    }

    @Override
    protected void selectKey(Object key, int keyGroup, int index) {
        currentIndex = index;
    }

    @Override
    protected HeapStateTable createState(String name, StateKind kind) {
        return new HeapStateTable(name, kind, rangeSize);
    }

    @Override
    protected ValueState<?> createValueState(HeapStateTable table) {
        return new HeapValueState<>(this, table);
    }

    @Override
    protected ListState<?> createListState(HeapStateTable table) {
        return new HeapListState<>(this, table);
    }

    @Override
    protected MapState<?, ?> createMapState(HeapStateTable table) {
        return new HeapMapState<>(this, table);
    }

    /** Sync phase: captures every state's per-key-group maps and marks them shared (copy-on-write). */
    @Override
    public KeyedSnapshot snapshot(long checkpointId) {
        checkNotClosed();
        List<HeapStateTable> states = new ArrayList<>(registeredStates());
        HashMap<Object, Object>[][] captured = newTableArray(states.size());
        for (int s = 0; s < states.size(); s++) {
            captured[s] = states.get(s).capture();
        }
        return new HeapKeyedSnapshot(checkpointId, range, maxParallelism, states, captured);
    }

    @Override
    protected boolean holdsState() {
        return entries > 0;
    }

    @Override
    protected void restoreEntry(HeapStateTable table, int keyGroup, Object key, Object value) {
        Object stored = switch (table.kind) {
            case LIST -> value instanceof ArrayList<?> ? value : new ArrayList<>((List<?>) value);
            case MAP -> value instanceof HashMap<?, ?> ? value : new HashMap<>((Map<?, ?>) value);
            default -> value;
        };
        if (table.writable(keyGroup - range.start()).put(key, stored) == null) {
            entries++;
        }
    }

    @Override
    protected void restoreFinished(long canonicalBytes) {
        averageEntryBytes = entries == 0 ? 0 : (double) canonicalBytes / entries;
    }

    @Override
    public long numberOfEntries() {
        return entries;
    }

    /**
     * Entries times an average serialized entry size. The average comes from the restored bytes, then from a
     * handful of sampled entries per call (bounded work, however large the state).
     */
    @Override
    public long approximateSizeBytes() {
        if (entries == 0) {
            return 0;
        }
        double sampled = sampleAverageEntryBytes();
        if (sampled > 0) {
            averageEntryBytes = averageEntryBytes == 0 ? sampled : 0.8 * averageEntryBytes + 0.2 * sampled;
        }
        return (long) (entries * averageEntryBytes);
    }

    private double sampleAverageEntryBytes() {
        List<HeapStateTable> states = new ArrayList<>(registeredStates());
        int maps = states.size() * rangeSize;
        if (maps == 0) {
            return 0;
        }
        long bytes = 0;
        int samples = 0;
        for (int scanned = 0; scanned < Math.min(maps, SIZE_SCAN_LIMIT) && samples < SIZE_SAMPLES; scanned++) {
            sampleCursor = (sampleCursor + 1) % maps;
            HashMap<Object, Object> map = states.get(sampleCursor / rangeSize).live[sampleCursor % rangeSize];
            if (map.isEmpty()) {
                continue;
            }
            Iterator<Map.Entry<Object, Object>> it = map.entrySet().iterator();
            Map.Entry<Object, Object> entry = it.next();
            try {
                bytes += StateSerializer.sizeOf(entry.getKey()) + StateSerializer.sizeOf(entry.getValue());
                samples++;
            } catch (IllegalArgumentException unsupportedType) {
                // display only: the next checkpoint reports the type with the state's name
            }
        }
        return samples == 0 ? 0 : (double) bytes / samples;
    }

    /** Drops all state. Snapshots already taken stay writable. */
    @Override
    protected void dispose() {
        currentIndex = -1;
        replaceRegisteredStates(List.of());
        entries = 0;
    }

    /** Removes the current key's entry from key-group index {@code i} of {@code table}; used by every view. */
    void removeEntry(HeapStateTable table, int i) {
        HashMap<Object, Object> map = table.live[i];
        if (table.isShared(i)) {
            if (!map.containsKey(currentKey)) {
                return; // nothing to remove: do not copy a shared map for it
            }
            map = table.writable(i);
        }
        if (map.remove(currentKey) != null) {
            entries--;
        }
    }

    @SuppressWarnings("unchecked")
    private static HashMap<Object, Object>[][] newTableArray(int states) {
        return (HashMap<Object, Object>[][]) new HashMap<?, ?>[states][];
    }

    /** The async part: serializes maps captured in the sync phase, which nobody mutates any more. */
    private static final class HeapKeyedSnapshot extends CanonicalKeyedSnapshot {
        private final String[] names;
        private final StateKind[] kinds;
        /** Dropped on release or after writing. */
        private volatile HashMap<Object, Object>[][] captured;

        HeapKeyedSnapshot(long checkpointId, KeyGroupRange range, int maxParallelism, List<HeapStateTable> states,
                          HashMap<Object, Object>[][] captured) {
            super(checkpointId, range, maxParallelism);
            this.names = new String[states.size()];
            this.kinds = new StateKind[states.size()];
            for (int s = 0; s < states.size(); s++) {
                names[s] = states.get(s).name;
                kinds[s] = states.get(s).kind;
            }
            this.captured = captured;
        }

        @Override
        protected void writeKeyGroup(int keyGroup, KeyGroupStateFormat.Writer writer) throws IOException {
            HashMap<Object, Object>[][] tables = captured;
            int i = keyGroup - range.start();
            for (int s = 0; s < tables.length; s++) {
                HashMap<Object, Object> map = tables[s][i];
                if (map.isEmpty()) {
                    continue;
                }
                writer.startState(names[s], kinds[s]);
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    writer.writeEntry(e.getKey(), e.getValue());
                }
            }
        }

        @Override
        protected void dispose() {
            captured = null;
        }

        @Override
        public String toString() {
            return "keyed snapshot of checkpoint " + checkpointId + " for key groups " + range;
        }
    }
}
