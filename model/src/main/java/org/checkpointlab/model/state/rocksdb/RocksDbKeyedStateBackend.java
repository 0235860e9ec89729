package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.checkpointlab.model.state.AbstractKeyedStateBackend;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.ListState;
import org.checkpointlab.model.state.MapState;
import org.checkpointlab.model.state.StateKind;
import org.checkpointlab.model.state.ValueState;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Keyed state in an embedded RocksDB database, like Flink's {@code EmbeddedRocksDBStateBackend}: every entry is
 * serialized ({@link org.checkpointlab.model.state.StateSerializer}) into one RocksDB key/value pair laid out as
 * {@link RocksDbKeys} describes, in a database of its own in a local working directory that is deleted on close.
 *
 * <p><b>Threading.</b> Everything runs on the subtask's task thread, except {@link KeyedSnapshot#write()} and
 * {@link KeyedSnapshot#release()}, which may run on the async snapshot thread and reach only RocksDB (thread-safe)
 * and the files of a native checkpoint.
 *
 * <p><b>Hot path.</b> {@link #setCurrentKey} serializes the key once, behind a 4-byte prefix, into a reused buffer;
 * each state access patches its state id into the prefix and hands RocksDB that array range. Values are serialized
 * into a second reused buffer and read into a third, so an access allocates only the value objects it returns.
 *
 * <p><b>Snapshots</b> (Flink's two phases). Full, and always for savepoints: the sync phase takes a RocksDB snapshot
 * (a sequence number, no copying), the async phase iterates it and writes the canonical
 * {@link org.checkpointlab.model.state.KeyGroupStateFormat}. Incremental: the sync phase flushes the memtable and
 * takes a native checkpoint (hard links to the immutable SST files); the async phase uploads the SST files no earlier
 * snapshot of this backend uploaded to the {@link SharedFileStore} and returns an {@link IncrementalManifest}.
 *
 * <p><b>Restore</b> accepts both canonical blobs (from any backend) and incremental manifests, with any old
 * parallelism; see {@link RocksDbRestoreOperation}. Key groups, state registration, the restore's checks and the
 * key-group-ordered writing are {@link AbstractKeyedStateBackend}'s; this class is the storage.
 */
public final class RocksDbKeyedStateBackend extends AbstractKeyedStateBackend<StateEntry> {

    private static final int MAX_STATES = 1 << 16;

    private final Path localDirectory;
    private final String name;
    private final SharedFileStore sharedStore;
    private final boolean incremental;
    /** SST files already in the shared store, by file name, for this database lineage (async threads add). */
    final Map<String, IncrementalManifest.SstFile> uploaded = new ConcurrentHashMap<>();

    RocksDbInstance instance;
    private RocksDB db;

    // Key context and reused buffers (task thread only).
    private final ReusableOutput keyOut = new ReusableOutput(64);
    private final ReusableOutput valueOut = new ReusableOutput(64);
    private final ReusableInput in = new ReusableInput();
    private byte[] valueBuffer = new byte[256];
    /** Bytes of {@code [group][state id][key]} in {@link #keyOut}; 0 while no key is set. */
    private int keyLength;
    private int nextStateId;
    /** The restore in progress, between its steps (task thread only). */
    private RocksDbRestoreOperation restoring;

    /**
     * Creates an empty backend for the key groups of {@code range}, with its database in a new directory under
     * {@code localDirectory}.
     *
     * @param name             names the working directory and the shared files, e.g. {@code count-0}; file-name
     *                         characters only
     * @param sharedStore      where incremental checkpoints upload SST files and restores find them; may be
     *                         {@code null} when not incremental (a restore then reads only files on disk)
     * @param incremental      whether checkpoints (not savepoints) are incremental
     * @throws IllegalArgumentException when the range is empty or does not fit {@code maxParallelism}
     * @throws UncheckedIOException     when the database cannot be created
     */
    public RocksDbKeyedStateBackend(KeyGroupRange range, int maxParallelism, Path localDirectory, String name,
                                    SharedFileStore sharedStore, boolean incremental) {
        super(range, maxParallelism);
        this.localDirectory = Objects.requireNonNull(localDirectory, "localDirectory");
        this.name = Objects.requireNonNull(name, "name");
        if (incremental && sharedStore == null) {
            throw new IllegalArgumentException("incremental checkpoints need a shared file store");
        }
        this.sharedStore = sharedStore;
        this.incremental = incremental;
        try {
            useInstance(RocksDbInstance.open(newWorkingDirectory()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether checkpoints (not savepoints) are incremental. */
    public boolean incremental() {
        return incremental;
    }

    /** The database's working directory (deleted on close, once no snapshot uses it). */
    public Path workingDirectory() {
        return instance.workingDirectory;
    }

    /**
     * Serializes the key behind its prefix, once per key change.
     *
     * @throws IllegalArgumentException when the key has a type state cannot hold
     */
    @Override
    protected void selectKey(Object key, int keyGroup, int index) {
        if (key == currentKey && keyLength > 0) {
            return; // the serialized key is still in place
        }
        keyOut.truncate(RocksDbKeys.PREFIX_BYTES);
        try {
            keyOut.writeValue(key);
        } catch (IllegalArgumentException e) {
            keyLength = 0;
            currentKey = null;
            throw new IllegalArgumentException("cannot use " + key + " as a key: " + e.getMessage(), e);
        }
        RocksDbKeys.writeKeyGroup(keyOut.array(), keyGroup);
        keyLength = keyOut.size();
    }

    @Override
    protected StateEntry createState(String stateName, StateKind kind) {
        if (nextStateId >= MAX_STATES) {
            throw new IllegalStateException("more than " + MAX_STATES + " states in one RocksDB backend");
        }
        return new StateEntry(stateName, kind, nextStateId++);
    }

    @Override
    protected ValueState<?> createValueState(StateEntry state) {
        return new RocksDbValueState<>(this, state);
    }

    @Override
    protected ListState<?> createListState(StateEntry state) {
        return new RocksDbListState<>(this, state);
    }

    @Override
    protected MapState<?, ?> createMapState(StateEntry state) {
        return new RocksDbMapState<>(this, state);
    }

    /** A full snapshot, or an incremental one when this backend was created with a shared store. */
    @Override
    public KeyedSnapshot snapshot(long checkpointId) {
        return snapshot(checkpointId, false);
    }

    /** Savepoints are always full snapshots in the canonical format. */
    @Override
    public KeyedSnapshot snapshot(long checkpointId, boolean savepoint) {
        checkNotClosed();
        if (incremental && !savepoint) {
            return RocksDbIncrementalSnapshot.take(this, checkpointId, sharedStore);
        }
        return RocksDbFullSnapshot.take(this, checkpointId);
    }

    @Override
    protected String storageName() {
        return "RocksDB backend";
    }

    @Override
    protected boolean holdsState() {
        return !isEmpty();
    }

    @Override
    protected OwnFormatSnapshot parseOwnFormat(byte[] blob) throws IOException {
        return IncrementalManifest.isManifest(blob) ? IncrementalManifest.parse(blob) : null;
    }

    @Override
    protected void restoreOwnFormat(List<OwnFormatSnapshot> snapshots, List<String> names) throws IOException {
        restoring = new RocksDbRestoreOperation(this);
        List<IncrementalManifest> manifests = new ArrayList<>();
        for (OwnFormatSnapshot snapshot : snapshots) {
            manifests.add((IncrementalManifest) snapshot);
        }
        restoring.restoreManifests(manifests, names);
    }

    @Override
    protected void restoreEntry(StateEntry state, int keyGroup, Object key, Object value) throws IOException {
        restoring.insertCanonical(state, keyGroup, key, value);
    }

    @Override
    protected void restoreFinished(long canonicalBytes) throws IOException {
        try {
            restoring.finish();
        } finally {
            restoring = null;
        }
    }

    @Override
    protected void restoreFailed() {
        if (restoring != null) {
            restoring.close();
            restoring = null;
        }
    }

    /** Approximate: RocksDB's estimate of its number of keys (map state counts one per user key). */
    @Override
    public long numberOfEntries() {
        return closed ? 0 : instance.longProperty("rocksdb.estimate-num-keys");
    }

    /** SST files on disk plus the memtables' memory; 0 while RocksDB estimates no keys. */
    @Override
    public long approximateSizeBytes() {
        if (closed || numberOfEntries() == 0) {
            return 0;
        }
        return instance.longProperty("rocksdb.total-sst-files-size")
                + instance.longProperty("rocksdb.cur-size-all-mem-tables");
    }

    /** Drops this backend's reference to the database; it closes once no snapshot still reads it. */
    @Override
    protected void dispose() {
        keyLength = 0;
        instance.release();
    }

    // ---- for the views (task thread) ---------------------------------------------------------------------------

    /** Puts the state's id into the current key's prefix; returns the key length. */
    int keyFor(StateEntry state) {
        if (keyLength == 0) {
            throw noCurrentKey(state.name);
        }
        RocksDbKeys.writeStateId(keyOut.array(), state.id);
        keyOut.truncate(keyLength);
        return keyLength;
    }

    /** The current key of {@code state} followed by {@code userKey}; returns the key length. */
    int userKeyFor(StateEntry state, Object userKey) {
        keyFor(state);
        try {
            keyOut.writeValue(userKey);
        } catch (IllegalArgumentException e) {
            keyOut.truncate(keyLength);
            throw new IllegalArgumentException("map state '" + state.name + "' cannot use " + userKey
                    + " as a user key: " + e.getMessage(), e);
        }
        return keyOut.size();
    }

    /** Reads the value of the key in the key buffer into {@link #valueBuffer}; its length, or -1 when absent. */
    int get(StateEntry state, int length) {
        try {
            int n = db.get(instance.readOptions, keyOut.array(), 0, length, valueBuffer, 0, valueBuffer.length);
            if (n > valueBuffer.length) {
                valueBuffer = new byte[Math.max(n, valueBuffer.length * 2)];
                n = db.get(instance.readOptions, keyOut.array(), 0, length, valueBuffer, 0, valueBuffer.length);
            }
            return n == RocksDB.NOT_FOUND ? -1 : n;
        } catch (RocksDBException e) {
            throw failure(state, "read", e);
        }
    }

    Object readValue(StateEntry state, int valueLength) {
        return in.reset(valueBuffer, 0, valueLength).readValue(describe(state));
    }

    List<Object> readList(StateEntry state, int valueLength) {
        return readList(in.reset(valueBuffer, 0, valueLength), describe(state));
    }

    /** Parses list elements separated by the merge delimiter. */
    static List<Object> readList(ReusableInput input, String what) {
        List<Object> list = new ArrayList<>();
        list.add(input.readValue(what));
        while (input.hasMore()) {
            input.expect((byte) RocksDbInstance.LIST_DELIMITER, what);
            list.add(input.readValue(what));
        }
        return list;
    }

    /** Serializes a value into the value buffer; returns its length. */
    int serialize(StateEntry state, Object value) {
        valueOut.truncate(0);
        try {
            valueOut.writeValue(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state '" + state.name + "' cannot hold this value for key "
                    + currentKey + ": " + e.getMessage(), e);
        }
        return valueOut.size();
    }

    int serializeList(StateEntry state, List<?> values) {
        valueOut.truncate(0);
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    valueOut.write(RocksDbInstance.LIST_DELIMITER);
                }
                valueOut.writeValue(values.get(i));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("list state '" + state.name + "' cannot hold this value for key "
                    + currentKey + ": " + e.getMessage(), e);
        }
        return valueOut.size();
    }

    void put(StateEntry state, int keyLen, int valueLen) {
        try {
            db.put(instance.writeOptions, keyOut.array(), 0, keyLen, valueOut.array(), 0, valueLen);
        } catch (RocksDBException e) {
            throw failure(state, "write", e);
        }
    }

    void merge(StateEntry state, int keyLen, int valueLen) {
        try {
            db.merge(instance.writeOptions, keyOut.array(), 0, keyLen, valueOut.array(), 0, valueLen);
        } catch (RocksDBException e) {
            throw failure(state, "append to", e);
        }
    }

    void delete(StateEntry state, int keyLen) {
        try {
            db.delete(instance.writeOptions, keyOut.array(), 0, keyLen);
        } catch (RocksDBException e) {
            throw failure(state, "delete from", e);
        }
    }

    /** Every user key and value of the current key's map, by a prefix scan. */
    Map<Object, Object> mapEntries(StateEntry state) {
        int prefixLength = keyFor(state);
        byte[] prefix = Arrays.copyOf(keyOut.array(), prefixLength);
        Map<Object, Object> entries = new LinkedHashMap<>();
        try (RocksIterator it = db.newIterator(instance.readOptions)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!RocksDbKeys.startsWith(key, prefix, prefixLength)) {
                    break;
                }
                Object userKey = in.reset(key, prefixLength, key.length).readValue(describe(state));
                byte[] value = it.value();
                entries.put(userKey, in.reset(value, 0, value.length).readValue(describe(state)));
            }
        }
        return entries;
    }

    void clearMap(StateEntry state) {
        int prefixLength = keyFor(state);
        byte[] prefix = Arrays.copyOf(keyOut.array(), prefixLength);
        try (RocksIterator it = db.newIterator(instance.readOptions); WriteBatch batch = new WriteBatch()) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!RocksDbKeys.startsWith(key, prefix, prefixLength)) {
                    break;
                }
                batch.delete(key);
            }
            db.write(instance.writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure(state, "clear", e);
        }
    }

    // ---- for snapshots and restore --------------------------------------------------------------------------------

    String name() {
        return name;
    }

    /** The registered states, indexed by id (null where no state has that id). */
    StateEntry[] statesById() {
        StateEntry[] byId = new StateEntry[nextStateId];
        for (StateEntry s : registeredStates()) {
            byId[s.id] = s;
        }
        return byId;
    }

    /** The state table as an incremental manifest records it. */
    List<RegisteredState> stateTable() {
        List<RegisteredState> list = new ArrayList<>();
        for (StateEntry s : registeredStates()) {
            list.add(s.registered());
        }
        return list;
    }

    /** Registers a state found in a checkpoint, or checks the kind of the one registered already. */
    StateEntry restoredState(String stateName, StateKind kind) throws IOException {
        return registerRestored(stateName, kind);
    }

    /**
     * Switches to a database restored from a manifest: its state table is adopted, and states registered here
     * before the restore get ids after the restored ones.
     */
    void adoptRestoredInstance(RocksDbInstance restoredInstance, List<RegisteredState> restoredStates)
            throws IOException {
        Map<String, StateEntry> before = new LinkedHashMap<>();
        for (StateEntry s : registeredStates()) {
            before.put(s.name, s);
        }
        List<StateEntry> adopted = new ArrayList<>();
        nextStateId = 0;
        for (RegisteredState r : restoredStates) {
            StateEntry existing = before.remove(r.name());
            if (existing != null && existing.kind != r.kind()) {
                restoredInstance.release();
                throw new IOException("state '" + r.name() + "' is registered as " + existing.kind
                        + " but the checkpoint holds it as " + r.kind());
            }
            StateEntry entry = existing != null ? existing : new StateEntry(r.name(), r.kind(), r.id());
            entry.id = r.id();
            adopted.add(entry);
            nextStateId = Math.max(nextStateId, r.id() + 1);
        }
        for (StateEntry leftover : before.values()) {
            leftover.id = nextStateId++;
            adopted.add(leftover);
        }
        replaceRegisteredStates(adopted);
        RocksDbInstance old = instance;
        useInstance(restoredInstance);
        old.release();
    }

    Path newWorkingDirectory() throws IOException {
        Files.createDirectories(localDirectory);
        return Files.createTempDirectory(localDirectory, name + "-");
    }

    /** Where a restore fetches shared SST files: the shared store, or files on disk only. */
    SharedFileStore sharedStoreForRestore() {
        return sharedStore != null ? sharedStore : new MemorySharedFileStore();
    }

    RocksDB db() {
        return db;
    }

    private void useInstance(RocksDbInstance newInstance) {
        instance = newInstance;
        db = newInstance.db;
    }

    private boolean isEmpty() {
        try (RocksIterator it = db.newIterator(instance.readOptions)) {
            it.seekToFirst();
            return !it.isValid();
        }
    }

    private String describe(StateEntry state) {
        return state.kind.name().toLowerCase(java.util.Locale.ROOT) + " state '" + state.name + "' of key "
                + currentKey;
    }

    private RuntimeException failure(StateEntry state, String action, RocksDBException e) {
        return new UncheckedIOException(new IOException("RocksDB could not " + action + " state '" + state.name
                + "' for key " + currentKey + " in " + instance.dbDirectory + ": " + e.getMessage(), e));
    }
}
