package org.checkpointlab.model.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every keyed state backend does the same way, whatever it stores state in (Flink's
 * {@code AbstractKeyedStateBackend}): the key-group range and its checks, the current key and its key group, state
 * registration by name and kind, and restore with redistribution: reading the blobs of old subtasks, refusing a
 * max-parallelism change or a key group found twice, and handing the entries of this range's key groups to the
 * storage one by one, checked. {@link CanonicalKeyedSnapshot} writes snapshots key group by key group. A subclass
 * keeps only its storage: how a key is selected, how states read and write, what a snapshot captures.
 *
 * <p><b>Threading.</b> Task thread only, except the snapshots' {@code write()} and {@code release()}.
 *
 * @param <S> the backend's registered state, holding where the state's entries live
 */
public abstract class AbstractKeyedStateBackend<S extends RegisteredKeyedState> implements KeyedStateBackend {

    protected final KeyGroupRange range;
    protected final int maxParallelism;
    private final int rangeStart;
    private final int rangeSize;
    private final Map<String, S> states = new LinkedHashMap<>();

    // Key context (task thread only); state views read currentKey on every access.
    protected Object currentKey;
    protected int currentKeyGroup = -1;

    private boolean restored;
    protected boolean closed;

    /**
     * @throws IllegalArgumentException when the range is empty or does not fit {@code maxParallelism}
     */
    protected AbstractKeyedStateBackend(KeyGroupRange range, int maxParallelism) {
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
    public final KeyGroupRange keyGroupRange() {
        return range;
    }

    @Override
    public final int maxParallelism() {
        return maxParallelism;
    }

    // ---- the current key ------------------------------------------------------------------------------------------

    /**
     * @throws IllegalStateException when the key's group is outside this backend's range (the record was routed to
     *                               the wrong subtask) or the backend is closed
     */
    @Override
    public final void setCurrentKey(Object key) {
        if (key == null) {
            throw new NullPointerException("the current key must not be null");
        }
        int keyGroup = KeyGroups.keyGroupOfHash(key.hashCode(), maxParallelism);
        int index = keyGroup - rangeStart;
        if (index < 0 || index >= rangeSize || closed) {
            throw wrongKey(key, keyGroup); // kept out of line: this method is small enough to be inlined
        }
        selectKey(key, keyGroup, index);
        currentKey = key;
        currentKeyGroup = keyGroup;
    }

    private IllegalStateException wrongKey(Object key, int keyGroup) {
        if (closed) {
            return new IllegalStateException("the keyed state backend for " + range + " is closed");
        }
        return new IllegalStateException("key " + key + " belongs to key group " + keyGroup
                + ", outside this subtask's key-group range " + range + " (max parallelism " + maxParallelism
                + "): the record was routed to the wrong subtask");
    }

    /**
     * The storage's part of {@link #setCurrentKey}: {@code key} (of {@code keyGroup}, at {@code index} in the range)
     * becomes current; {@link #currentKey} still holds the previous key.
     */
    protected abstract void selectKey(Object key, int keyGroup, int index);

    @Override
    public final Object currentKey() {
        return currentKey;
    }

    @Override
    public final int currentKeyGroup() {
        return currentKeyGroup;
    }

    // ---- state registration ---------------------------------------------------------------------------------------

    @Override
    public final <T> ValueState<T> valueState(String name) {
        @SuppressWarnings("unchecked")
        ValueState<T> view = (ValueState<T>) view(name, StateKind.VALUE);
        return view;
    }

    @Override
    public final <T> ListState<T> listState(String name) {
        @SuppressWarnings("unchecked")
        ListState<T> view = (ListState<T>) view(name, StateKind.LIST);
        return view;
    }

    @Override
    public final <K, V> MapState<K, V> mapState(String name) {
        @SuppressWarnings("unchecked")
        MapState<K, V> view = (MapState<K, V>) view(name, StateKind.MAP);
        return view;
    }

    /** The view of the state {@code name} of {@code kind}, registered and created on first use. */
    private Object view(String name, StateKind kind) {
        S state = register(name, kind);
        if (state.view == null) {
            state.view = switch (kind) {
                case VALUE -> createValueState(state);
                case LIST -> createListState(state);
                case MAP -> createMapState(state);
            };
        }
        return state.view;
    }

    protected abstract ValueState<?> createValueState(S state);

    protected abstract ListState<?> createListState(S state);

    protected abstract MapState<?, ?> createMapState(S state);

    /** A new, empty state of the storage: the registration itself is done here. */
    protected abstract S createState(String name, StateKind kind);

    /** Names of the registered (or restored) states, in registration order. */
    public final List<String> stateNames() {
        return List.copyOf(states.keySet());
    }

    /** The registered states, in registration order (a live view; task thread only). */
    protected final Collection<S> registeredStates() {
        return states.values();
    }

    /** The registered state of {@code name}, or null. */
    protected final S registeredState(String name) {
        return states.get(name);
    }

    /** Replaces the registered states, e.g. by a database's own table after a restore. */
    protected final void replaceRegisteredStates(List<S> replacement) {
        states.clear();
        for (S s : replacement) {
            states.put(s.name, s);
        }
    }

    private S register(String name, StateKind kind) {
        checkNotClosed();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a state name must not be null or empty");
        }
        S state = states.get(name);
        if (state == null) {
            state = createState(name, kind);
            states.put(name, state);
        } else if (state.kind != kind) {
            throw new IllegalStateException("state '" + name + "' is registered as " + state.kind
                    + " state; it cannot also be used as " + kind + " state");
        }
        return state;
    }

    /** Registers a state found in a checkpoint, or checks the kind of the one registered under its name. */
    protected final S registerRestored(String name, StateKind kind) throws IOException {
        S state = states.get(name);
        if (state == null) {
            state = createState(name, kind);
            states.put(name, state);
        } else if (state.kind != kind) {
            throw new IOException("state '" + name + "' is registered as " + state.kind
                    + " but the checkpoint holds it as " + kind);
        }
        return state;
    }

    // ---- restore and redistribution -------------------------------------------------------------------------------

    /**
     * Loads this range's key groups from blobs written by subtasks with any range (rescaling): canonical
     * {@link KeyGroupStateFormat} from any backend, or a snapshot in the backend's own format. Must come before the
     * first state write, at most once.
     *
     * <p>Step (1): parse every blob, check its max parallelism, refuse a key group found in two blobs. Step (2): the
     * storage restores its own-format snapshots. Step (3): every entry of the range's key groups in canonical blobs
     * is checked (a key that hashes to another key group, a state of another kind, a value of the wrong shape) and
     * handed to the storage; empty lists and maps are no entries.
     *
     * @throws IOException on corrupt input, a max-parallelism mismatch, a key group in two blobs, a state whose kind
     *                     differs from the one registered here
     */
    @Override
    public final void restore(List<byte[]> keyGroupStates) throws IOException {
        checkNotClosed();
        if (restored) {
            throw new IllegalStateException("keyed state of range " + range + " was already restored");
        }
        if (holdsState()) {
            throw new IllegalStateException("restore must come before the first state write, but the "
                    + storageName() + " for " + range + " already holds state");
        }
        restored = true;
        // Step (1): parse and check.
        List<KeyGroupStateFormat.Reader> canonical = new ArrayList<>();
        List<String> canonicalNames = new ArrayList<>();
        List<OwnFormatSnapshot> own = new ArrayList<>();
        List<String> ownNames = new ArrayList<>();
        Map<Integer, Integer> ownerOfGroup = new HashMap<>();
        for (int b = 0; b < keyGroupStates.size(); b++) {
            String blobName = "key-group state #" + b;
            byte[] blob = Objects.requireNonNull(keyGroupStates.get(b), blobName);
            KeyGroupRange blobRange;
            int blobMaxParallelism;
            try {
                OwnFormatSnapshot parsed = parseOwnFormat(blob);
                if (parsed != null) {
                    own.add(parsed);
                    ownNames.add(blobName);
                    blobRange = parsed.keyGroupRange();
                    blobMaxParallelism = parsed.maxParallelism();
                } else {
                    KeyGroupStateFormat.Reader reader = KeyGroupStateFormat.reader(blob);
                    canonical.add(reader);
                    canonicalNames.add(blobName);
                    blobRange = reader.keyGroupRange();
                    blobMaxParallelism = reader.maxParallelism();
                }
            } catch (IOException e) {
                throw new IOException(blobName + ": " + e.getMessage(), e);
            }
            if (blobMaxParallelism != maxParallelism) {
                throw new IOException(blobName + " was written with max parallelism " + blobMaxParallelism
                        + ", but this backend has " + maxParallelism + " (max parallelism cannot change on restore)");
            }
            KeyGroupRange overlap = blobRange.intersection(range);
            for (int g = overlap.start(); g <= overlap.end() && overlap.size() > 0; g++) {
                Integer previous = ownerOfGroup.put(g, b);
                if (previous != null) {
                    throw new IOException("key group " + g + " is in more than one key-group state (#" + previous
                            + " and again in #" + b + ")");
                }
            }
        }
        boolean done = false;
        try {
            // Step (2): snapshots in the storage's own format.
            restoreOwnFormat(own, ownNames);
            // Step (3): canonical key-group state, entry by entry.
            long bytes = 0;
            for (int c = 0; c < canonical.size(); c++) {
                KeyGroupStateFormat.Reader reader = canonical.get(c);
                String blobName = canonicalNames.get(c);
                KeyGroupRange overlap = reader.keyGroupRange().intersection(range);
                for (int g = overlap.start(); g <= overlap.end() && overlap.size() > 0; g++) {
                    reader.readKeyGroup(g, (group, name, kind, key, value) ->
                            restoreCheckedEntry(blobName, group, name, kind, key, value));
                    bytes += reader.keyGroupBytes(g);
                }
            }
            restoreFinished(bytes);
            done = true;
        } finally {
            if (!done) {
                restoreFailed();
            }
        }
    }

    private void restoreCheckedEntry(String blobName, int keyGroup, String name, StateKind kind, Object key,
                                     Object value) throws IOException {
        S state = registerRestored(name, kind);
        if (key == null) {
            throw new IOException("corrupt key-group state: null key in state '" + name + "', key group "
                    + keyGroup);
        }
        int hashed = KeyGroups.keyGroupOfHash(key.hashCode(), maxParallelism);
        if (hashed != keyGroup) {
            throw new IOException("key " + key + " of state '" + name + "' is stored in key group " + keyGroup
                    + " but hashes to key group " + hashed + " (is its hashCode stable across runs?)");
        }
        if (kind == StateKind.LIST) {
            if (!(value instanceof List<?> list)) {
                throw badValue(blobName, name, kind, key, value);
            }
            if (list.isEmpty()) {
                return;
            }
        } else if (kind == StateKind.MAP) {
            if (!(value instanceof Map<?, ?> map)) {
                throw badValue(blobName, name, kind, key, value);
            }
            if (map.isEmpty()) {
                return;
            }
        }
        restoreEntry(state, keyGroup, key, value);
    }

    private static IOException badValue(String blobName, String name, StateKind kind, Object key, Object value) {
        return new IOException(blobName + ": corrupt key-group state: " + kind + " state '" + name + "' holds a "
                + (value == null ? "null" : value.getClass().getSimpleName()) + " for key " + key);
    }

    /** Whether the storage holds any entry (a restore must come first). */
    protected abstract boolean holdsState();

    /** Names the storage in messages, e.g. "RocksDB backend". */
    protected String storageName() {
        return "backend";
    }

    /** A snapshot in the storage's own format, or null if {@code blob} is not one (then it must be canonical). */
    protected OwnFormatSnapshot parseOwnFormat(byte[] blob) throws IOException {
        return null;
    }

    /** Step (2) of a restore: the snapshots {@link #parseOwnFormat} recognised (maybe none), checked already. */
    protected void restoreOwnFormat(List<OwnFormatSnapshot> snapshots, List<String> names) throws IOException {
    }

    /** One checked entry of key group {@code keyGroup} (lists and maps are not empty). */
    protected abstract void restoreEntry(S state, int keyGroup, Object key, Object value) throws IOException;

    /** Every entry was handed over; {@code canonicalBytes} of canonical key-group sections were read. */
    protected void restoreFinished(long canonicalBytes) throws IOException {
    }

    /** The restore failed after Step (1): release what it holds. */
    protected void restoreFailed() {
    }

    // ---- close and errors -----------------------------------------------------------------------------------------

    /** Drops this backend's state; snapshots already taken stay writable. Idempotent. */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            currentKey = null;
            currentKeyGroup = -1;
            dispose();
        }
    }

    /** Releases the storage, once, on {@link #close}. */
    protected abstract void dispose();

    protected final void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("the keyed state backend for " + range + " is closed");
        }
    }

    /** The error of a state access without a current key, or after close. */
    protected final IllegalStateException noCurrentKey(String stateName) {
        return new IllegalStateException(closed
                ? "state '" + stateName + "' used after the keyed state backend for " + range + " was closed"
                : "state '" + stateName + "' used before setCurrentKey: keyed state needs a current key");
    }

    /** A snapshot in a backend's own format (e.g. RocksDB's incremental manifest), as far as restore checks it. */
    public interface OwnFormatSnapshot {
        KeyGroupRange keyGroupRange();

        int maxParallelism();
    }
}
