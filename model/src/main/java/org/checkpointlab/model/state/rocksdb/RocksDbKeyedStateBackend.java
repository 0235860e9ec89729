package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.rocksdb.RocksIterator;

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
 * each state access patches its state id into the prefix and hands RocksDB that array range (see
 * {@link RocksDbStateAccess}).
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

    /** The serialized current key and the reads and writes of the views (task thread only). */
    private final RocksDbStateAccess access = new RocksDbStateAccess(this);
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

    /** @throws IllegalArgumentException when the key has a type state cannot hold */
    @Override
    protected void selectKey(Object key, int keyGroup, int index) {
        access.selectKey(key, keyGroup);
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
        return new RocksDbValueState<>(access, state);
    }

    @Override
    protected ListState<?> createListState(StateEntry state) {
        return new RocksDbListState<>(access, state);
    }

    @Override
    protected MapState<?, ?> createMapState(StateEntry state) {
        return new RocksDbMapState<>(access, state);
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
        access.clearKey();
        instance.release();
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

    /** The error of a state access without a current key, or after close. */
    IllegalStateException noCurrentKey(StateEntry state) {
        return noCurrentKey(state.name);
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
}
