package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.StateKind;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.checkpointlab.model.util.Directories;

/**
 * The RocksDB part of one restore of a {@link RocksDbKeyedStateBackend} (Flink's
 * {@code RocksDBIncrementalRestoreOperation} and {@code RocksDBFullRestoreOperation} in one), between the steps of
 * {@link org.checkpointlab.model.state.AbstractKeyedStateBackend#restore}, which has parsed and checked the blobs
 * of the old subtasks whose key groups overlap the backend's range:
 *
 * <p>Step (2a): if there are incremental manifests, take the one covering most of the range as the base: place its
 * SST files (hard links or copies from the shared store) and metadata files in a fresh directory, open it, and cut
 * away the key groups outside the range with {@code deleteRange}. Step (2b): copy the range's entries of every other
 * manifest (opened read-only in a temporary directory, state ids mapped by name) into the database. Step (3): insert
 * the checked entries of the canonical blobs, one by one. Writes go through one write batch, flushed when full and
 * at the end; {@link #close} frees it.
 */
final class RocksDbRestoreOperation implements AutoCloseable {

    /** Write batches are flushed at this size. */
    private static final long BATCH_BYTES = 4L << 20;

    private final RocksDbKeyedStateBackend backend;
    private final KeyGroupRange range;
    private final ReusableOutput keyOut = new ReusableOutput(64);
    private final ReusableOutput valueOut = new ReusableOutput(64);
    private final WriteBatch batch = new WriteBatch();

    RocksDbRestoreOperation(RocksDbKeyedStateBackend backend) {
        this.backend = backend;
        this.range = backend.keyGroupRange();
    }

    /** Steps (2a) and (2b): the manifests' databases. */
    void restoreManifests(List<IncrementalManifest> manifests, List<String> manifestNames) throws IOException {
        int base = -1;
        int bestOverlap = 0;
        for (int m = 0; m < manifests.size(); m++) {
            int overlap = manifests.get(m).keyGroupRange().intersection(range).size();
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                base = m;
            }
        }
        if (base >= 0) {
            restoreBase(manifests.get(base), manifestNames.get(base));
        }
        try {
            for (int m = 0; m < manifests.size(); m++) {
                IncrementalManifest manifest = manifests.get(m);
                if (m != base && manifest.keyGroupRange().intersection(range).size() > 0) {
                    copyFromManifest(manifest, manifestNames.get(m));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RocksDBException e) {
            throw failed(e);
        }
    }

    /** Writes what is left in the batch. */
    void finish() throws IOException {
        try {
            flush();
        } catch (RocksDBException e) {
            throw failed(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        batch.close();
    }

    private IOException failed(RocksDBException e) {
        return new IOException("RocksDB failed while restoring key groups " + range + ": " + e.getMessage(), e);
    }

    private void restoreBase(IncrementalManifest manifest, String blobName) throws IOException {
        Path workingDirectory = backend.newWorkingDirectory();
        Path dbDirectory = workingDirectory.resolve("db");
        try {
            placeFiles(manifest, blobName, dbDirectory);
        } catch (IOException e) {
            Directories.deleteQuietly(workingDirectory);
            throw e;
        }
        RocksDbInstance restored = RocksDbInstance.open(workingDirectory);
        try {
            if (range.start() > 0) {
                restored.db.deleteRange(restored.writeOptions, RocksDbKeys.keyGroupStart(0),
                        RocksDbKeys.keyGroupStart(range.start()));
            }
            restored.db.deleteRange(restored.writeOptions, RocksDbKeys.keyGroupStart(range.end() + 1),
                    RocksDbKeys.END_OF_ALL_GROUPS);
        } catch (RocksDBException e) {
            restored.release();
            throw new IOException("RocksDB could not cut " + blobName + " down to key groups " + range + ": "
                    + e.getMessage(), e);
        }
        backend.adoptRestoredInstance(restored, manifest.states());
        backend.uploaded.clear();
        for (IncrementalManifest.SstFile sst : manifest.sstFiles()) {
            backend.uploaded.put(sst.name(), sst);
        }
    }

    private void placeFiles(IncrementalManifest manifest, String blobName, Path dbDirectory) throws IOException {
        Files.createDirectories(dbDirectory);
        SharedFileStore store = backend.sharedStoreForRestore();
        for (IncrementalManifest.SstFile sst : manifest.sstFiles()) {
            Path target = dbDirectory.resolve(sst.name());
            try {
                store.download(sst.location(), target);
            } catch (IOException e) {
                throw new IOException(blobName + ": " + e.getMessage(), e);
            }
            long size = Files.size(target);
            if (size != sst.size()) {
                throw new IOException(blobName + ": shared state file " + sst.location() + " has " + size
                        + " bytes, the manifest says " + sst.size());
            }
        }
        for (IncrementalManifest.PrivateFile file : manifest.privateFiles()) {
            Files.write(dbDirectory.resolve(file.name()), file.bytes());
        }
    }

    /** Opens another subtask's database read-only and copies the entries of this range, mapping state ids. */
    private void copyFromManifest(IncrementalManifest manifest, String blobName)
            throws IOException, RocksDBException {
        Path temp = backend.newWorkingDirectory();
        Path dbDirectory = temp.resolve("db");
        try (StringAppendOperator merge = new StringAppendOperator(RocksDbInstance.LIST_DELIMITER);
             Options options = RocksDbInstance.newOptions(merge).setCreateIfMissing(false)) {
            placeFiles(manifest, blobName, dbDirectory);
            Map<Integer, StateEntry> idMap = new HashMap<>();
            for (RegisteredState s : manifest.states()) {
                idMap.put(s.id(), backend.restoredState(s.name(), s.kind()));
            }
            KeyGroupRange overlap = manifest.keyGroupRange().intersection(range);
            try (RocksDB other = RocksDB.openReadOnly(options, dbDirectory.toString());
                 RocksIterator it = other.newIterator()) {
                for (it.seek(RocksDbKeys.keyGroupStart(overlap.start())); it.isValid(); it.next()) {
                    byte[] key = it.key();
                    if (RocksDbKeys.keyGroup(key) > overlap.end()) {
                        break;
                    }
                    StateEntry state = idMap.get(RocksDbKeys.stateId(key));
                    if (state == null) {
                        throw new IOException(blobName + ": corrupt RocksDB state: an entry of unknown state id "
                                + RocksDbKeys.stateId(key) + " in key group " + RocksDbKeys.keyGroup(key));
                    }
                    RocksDbKeys.writeStateId(key, state.id);
                    batch.put(key, it.value());
                    flushIfFull();
                }
            }
        } catch (RocksDBException e) {
            throw new IOException(blobName + ": RocksDB cannot open the database of the manifest: "
                    + e.getMessage(), e);
        } finally {
            Directories.deleteQuietly(temp);
        }
    }

    /** Step (3): one entry of a canonical blob, checked by the backend (lists and maps are not empty). */
    void insertCanonical(StateEntry state, int group, Object key, Object value) throws IOException {
        String name = state.name;
        StateKind kind = state.kind;
        keyOut.truncate(RocksDbKeys.PREFIX_BYTES);
        keyOut.writeValue(key);
        RocksDbKeys.writeKeyGroup(keyOut.array(), group);
        RocksDbKeys.writeStateId(keyOut.array(), state.id);
        int keyLength = keyOut.size();
        try {
            switch (kind) {
                case VALUE -> {
                    valueOut.truncate(0);
                    valueOut.writeValue(value);
                    batch.put(bytes(keyOut, keyLength), bytes(valueOut, valueOut.size()));
                }
                case LIST -> {
                    List<?> list = (List<?>) value;
                    valueOut.truncate(0);
                    for (int i = 0; i < list.size(); i++) {
                        if (i > 0) {
                            valueOut.write(RocksDbInstance.LIST_DELIMITER);
                        }
                        valueOut.writeValue(list.get(i));
                    }
                    batch.put(bytes(keyOut, keyLength), bytes(valueOut, valueOut.size()));
                }
                case MAP -> {
                    Map<?, ?> map = (Map<?, ?>) value;
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        keyOut.truncate(keyLength);
                        keyOut.writeValue(e.getKey());
                        valueOut.truncate(0);
                        valueOut.writeValue(e.getValue());
                        batch.put(bytes(keyOut, keyOut.size()), bytes(valueOut, valueOut.size()));
                    }
                }
                default -> throw new IOException("unknown state kind " + kind);
            }
            flushIfFull();
        } catch (RocksDBException e) {
            throw new IOException("RocksDB failed while restoring state '" + name + "': " + e.getMessage(), e);
        }
    }

    private void flushIfFull() throws RocksDBException {
        if (batch.getDataSize() >= BATCH_BYTES) {
            flush();
        }
    }

    private void flush() throws RocksDBException {
        if (batch.count() > 0) {
            backend.db().write(backend.instance.writeOptions, batch);
            batch.clear();
        }
    }

    private static byte[] bytes(ReusableOutput out, int length) {
        return java.util.Arrays.copyOf(out.array(), length);
    }
}
