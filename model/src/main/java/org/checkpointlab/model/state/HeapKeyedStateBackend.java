package org.checkpointlab.model.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

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
 * restored by any backend with any parallelism, as long as the max parallelism is unchanged.
 */
public final class HeapKeyedStateBackend implements KeyedStateBackend {

    /** Entries looked at per {@link #approximateSizeBytes()} call to estimate the average entry size. */
    private static final int SIZE_SAMPLES = 16;
    /** Key-group maps looked at, at most, per {@link #approximateSizeBytes()} call. */
    private static final int SIZE_SCAN_LIMIT = 256;

    private final KeyGroupRange range;
    private final int maxParallelism;
    private final int rangeStart;
    private final int rangeSize;
    private final Map<String, HeapStateTable> tables = new LinkedHashMap<>();

    // Key context, read by the state views on every access (task thread only).
    Object currentKey;
    int currentKeyGroup = -1;
    /** {@code currentKeyGroup - range.start}, or -1 when no key is set (or the backend is closed). */
    int currentIndex = -1;

    /** Number of (state, key) entries, maintained by the views. */
    long entries;

    private double averageEntryBytes;
    private int sampleCursor;
    private boolean restored;
    private boolean closed;

    /**
     * Creates an empty backend for the key groups of {@code range}.
     *
     * @throws IllegalArgumentException when the range is empty or does not fit {@code maxParallelism}
     */
    public HeapKeyedStateBackend(KeyGroupRange range, int maxParallelism) {
        Objects.requireNonNull(range, "range");
        KeyGroups.checkMaxParallelism(maxParallelism);
        if (range.size() == 0 || range.start() < 0 || range.end() >= maxParallelism) {
            throw new IllegalArgumentException("key-group range " + range + " is empty or outside [0, "
                    + (maxParallelism - 1) + "] for max parallelism " + maxParallelism);
        }
        this.range = range;
        this.maxParallelism = maxParallelism;
        this.rangeStart = range.start();
        this.rangeSize = range.size();
    }

    @Override
    public KeyGroupRange keyGroupRange() {
        return range;
    }

    @Override
    public int maxParallelism() {
        return maxParallelism;
    }

    /**
     * @throws IllegalStateException when the key's group is outside this backend's range (the record was routed to
     *                               the wrong subtask) or the backend is closed
     */
    @Override
    public void setCurrentKey(Object key) {
        if (key == null) {
            throw new NullPointerException("the current key must not be null");
        }
        int keyGroup = KeyGroups.keyGroupOfHash(key.hashCode(), maxParallelism);
        int index = keyGroup - rangeStart;
        if (index < 0 || index >= rangeSize || closed) {
            throw wrongKey(key, keyGroup);
        }
        currentKey = key;
        currentKeyGroup = keyGroup;
        currentIndex = index;
    }

    @Override
    public Object currentKey() {
        return currentKey;
    }

    @Override
    public int currentKeyGroup() {
        return currentKeyGroup;
    }

    @Override
    public <T> ValueState<T> valueState(String name) {
        HeapStateTable table = table(name, StateKind.VALUE);
        if (table.view == null) {
            table.view = new HeapValueState<T>(this, table);
        }
        @SuppressWarnings("unchecked")
        ValueState<T> state = (ValueState<T>) table.view;
        return state;
    }

    @Override
    public <T> ListState<T> listState(String name) {
        HeapStateTable table = table(name, StateKind.LIST);
        if (table.view == null) {
            table.view = new HeapListState<T>(this, table);
        }
        @SuppressWarnings("unchecked")
        ListState<T> state = (ListState<T>) table.view;
        return state;
    }

    @Override
    public <K, V> MapState<K, V> mapState(String name) {
        HeapStateTable table = table(name, StateKind.MAP);
        if (table.view == null) {
            table.view = new HeapMapState<K, V>(this, table);
        }
        @SuppressWarnings("unchecked")
        MapState<K, V> state = (MapState<K, V>) table.view;
        return state;
    }

    /** Names of the registered (or restored) states, in registration order. */
    public List<String> stateNames() {
        return List.copyOf(tables.keySet());
    }

    @Override
    public KeyedSnapshot snapshot(long checkpointId) {
        checkNotClosed();
        List<HeapStateTable> states = new ArrayList<>(tables.values());
        String[] names = new String[states.size()];
        StateKind[] kinds = new StateKind[states.size()];
        HashMap<Object, Object>[][] captured = newTableArray(states.size());
        for (int s = 0; s < states.size(); s++) {
            HeapStateTable table = states.get(s);
            names[s] = table.name;
            kinds[s] = table.kind;
            captured[s] = table.capture();
        }
        return new HeapKeyedSnapshot(checkpointId, range, maxParallelism, names, kinds, captured);
    }

    /**
     * Loads this range's key groups from blobs in {@link KeyGroupStateFormat}. Must come before the first state
     * write, at most once. A key group found in two blobs, a max-parallelism mismatch, a state whose kind differs
     * from the one registered here, and corrupt bytes are refused with an {@link IOException}.
     */
    @Override
    public void restore(List<byte[]> keyGroupStates) throws IOException {
        checkNotClosed();
        if (restored) {
            throw new IllegalStateException("keyed state of range " + range + " was already restored");
        }
        if (entries > 0) {
            throw new IllegalStateException("restore must come before the first state write, but the backend for "
                    + range + " already holds " + entries + " entries");
        }
        restored = true;
        boolean[] seen = new boolean[rangeSize];
        long bytes = 0;
        for (int b = 0; b < keyGroupStates.size(); b++) {
            byte[] blob = keyGroupStates.get(b);
            KeyGroupStateFormat.Reader reader;
            try {
                reader = KeyGroupStateFormat.reader(Objects.requireNonNull(blob, "key-group state #" + b));
            } catch (IOException e) {
                throw new IOException("key-group state #" + b + ": " + e.getMessage(), e);
            }
            if (reader.maxParallelism() != maxParallelism) {
                throw new IOException("key-group state #" + b + " was written with max parallelism "
                        + reader.maxParallelism() + ", but this backend has " + maxParallelism
                        + " (max parallelism cannot change on restore)");
            }
            KeyGroupRange overlap = reader.keyGroupRange().intersection(range);
            for (int keyGroup = overlap.start(); keyGroup <= overlap.end(); keyGroup++) {
                if (seen[keyGroup - rangeStart]) {
                    throw new IOException("key group " + keyGroup + " is in more than one key-group state (again in #"
                            + b + ")");
                }
                seen[keyGroup - rangeStart] = true;
                reader.readKeyGroup(keyGroup, this::restoreEntry);
                bytes += reader.keyGroupBytes(keyGroup);
            }
        }
        averageEntryBytes = entries == 0 ? 0 : (double) bytes / entries;
    }

    private void restoreEntry(int keyGroup, String name, StateKind kind, Object key, Object value)
            throws IOException {
        HeapStateTable table = tables.get(name);
        if (table == null) {
            table = new HeapStateTable(name, kind, rangeSize);
            tables.put(name, table);
        } else if (table.kind != kind) {
            throw new IOException("state '" + name + "' is registered as " + table.kind
                    + " but the checkpoint holds it as " + kind);
        }
        if (key == null) {
            throw new IOException("corrupt key-group state: null key in state '" + name + "', key group " + keyGroup);
        }
        int hashedGroup = KeyGroups.keyGroupOfHash(key.hashCode(), maxParallelism);
        if (hashedGroup != keyGroup) {
            throw new IOException("key " + key + " of state '" + name + "' is stored in key group " + keyGroup
                    + " but hashes to key group " + hashedGroup + " (is its hashCode stable across runs?)");
        }
        Object stored = checkRestoredValue(name, kind, key, value);
        if (stored != null && table.writable(keyGroup - rangeStart).put(key, stored) == null) {
            entries++;
        }
    }

    private static Object checkRestoredValue(String name, StateKind kind, Object key, Object value)
            throws IOException {
        switch (kind) {
            case LIST:
                if (!(value instanceof ArrayList<?> list)) {
                    throw badValue(name, kind, key, value);
                }
                return list.isEmpty() ? null : list;
            case MAP:
                if (!(value instanceof HashMap<?, ?> map)) {
                    throw badValue(name, kind, key, value);
                }
                return map.isEmpty() ? null : map;
            default:
                return value;
        }
    }

    private static IOException badValue(String name, StateKind kind, Object key, Object value) {
        return new IOException("corrupt key-group state: " + kind + " state '" + name + "' holds a "
                + (value == null ? "null" : value.getClass().getSimpleName()) + " for key " + key);
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
        List<HeapStateTable> states = new ArrayList<>(tables.values());
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
    public void close() {
        closed = true;
        currentIndex = -1;
        currentKey = null;
        currentKeyGroup = -1;
        tables.clear();
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

    IllegalStateException noCurrentKey(String stateName) {
        return new IllegalStateException(closed
                ? "state '" + stateName + "' used after the keyed state backend for " + range + " was closed"
                : "state '" + stateName + "' used before setCurrentKey: keyed state needs a current key");
    }

    private IllegalStateException wrongKey(Object key, int keyGroup) {
        if (closed) {
            return new IllegalStateException("the keyed state backend for " + range + " is closed");
        }
        return new IllegalStateException("key " + key + " belongs to key group " + keyGroup
                + ", outside this subtask's key-group range " + range + " (max parallelism " + maxParallelism
                + "): the record was routed to the wrong subtask");
    }

    private HeapStateTable table(String name, StateKind kind) {
        checkNotClosed();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a state name must not be null or empty");
        }
        HeapStateTable table = tables.get(name);
        if (table == null) {
            table = new HeapStateTable(name, kind, rangeSize);
            tables.put(name, table);
        } else if (table.kind != kind) {
            throw new IllegalStateException("state '" + name + "' is registered as " + table.kind
                    + " state; it cannot also be used as " + kind + " state");
        }
        return table;
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("the keyed state backend for " + range + " is closed");
        }
    }

    @SuppressWarnings("unchecked")
    private static HashMap<Object, Object>[][] newTableArray(int states) {
        return (HashMap<Object, Object>[][]) new HashMap<?, ?>[states][];
    }

    /** The async part: serializes maps captured in the sync phase, which nobody mutates any more. */
    private static final class HeapKeyedSnapshot implements KeyedSnapshot {
        private static final int PENDING = 0;
        private static final int WRITTEN = 1;
        private static final int RELEASED = 2;

        private final long checkpointId;
        private final KeyGroupRange range;
        private final int maxParallelism;
        private final String[] names;
        private final StateKind[] kinds;
        /** {@link #PENDING}, then {@link #WRITTEN} or {@link #RELEASED}. */
        private final AtomicInteger phase = new AtomicInteger(PENDING);
        /** Dropped on release or after writing. */
        private volatile HashMap<Object, Object>[][] captured;

        HeapKeyedSnapshot(long checkpointId, KeyGroupRange range, int maxParallelism, String[] names,
                          StateKind[] kinds, HashMap<Object, Object>[][] captured) {
            this.checkpointId = checkpointId;
            this.range = range;
            this.maxParallelism = maxParallelism;
            this.names = names;
            this.kinds = kinds;
            this.captured = captured;
        }

        @Override
        public byte[] write() throws IOException {
            if (!phase.compareAndSet(PENDING, WRITTEN)) {
                if (phase.get() == RELEASED) {
                    throw new IOException("the keyed snapshot of checkpoint " + checkpointId
                            + " was released (checkpoint aborted)");
                }
                throw new IllegalStateException("the keyed snapshot of checkpoint " + checkpointId
                        + " was already written");
            }
            HashMap<Object, Object>[][] tables = captured;
            try {
                KeyGroupStateFormat.Writer writer = KeyGroupStateFormat.writer(range, maxParallelism);
                for (int i = 0; i < range.size(); i++) {
                    writer.startKeyGroup(range.start() + i);
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
                return writer.finish();
            } finally {
                captured = null;
            }
        }

        @Override
        public void release() {
            if (phase.compareAndSet(PENDING, RELEASED)) {
                captured = null;
            }
        }

        @Override
        public String toString() {
            return "keyed snapshot of checkpoint " + checkpointId + " for key groups " + range;
        }
    }
}
