package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroupStateFormat;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.StateKind;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;

/**
 * One restore of a {@link RocksDbKeyedStateBackend} (Flink's {@code RocksDBIncrementalRestoreOperation} and
 * {@code RocksDBFullRestoreOperation} in one), from blobs of old subtasks whose key groups overlap the backend's
 * range:
 *
 * <p>Step (1): parse every blob (canonical key-group state or incremental manifest), check max parallelism, and
 * refuse a key group found in two blobs. Step (2): if there are manifests, take the one covering most of the range
 * as the base: place its SST files (hard links or copies from the shared store) and metadata files in a fresh
 * directory, open it, and cut away the key groups outside the range with {@code deleteRange}. Step (3): copy the
 * range's entries of every other manifest (opened read-only in a temporary directory, state ids mapped by name) into
 * the database. Step (4): insert the range's entries of every canonical blob, checking that each key hashes to the
 * key group it is stored in.
 */
final class RocksDbRestoreOperation {

    /** Write batches are flushed at this size. */
    private static final long BATCH_BYTES = 4L << 20;

    private final RocksDbKeyedStateBackend backend;
    private final List<byte[]> blobs;
    private final KeyGroupRange range;
    private final ReusableOutput keyOut = new ReusableOutput(64);
    private final ReusableOutput valueOut = new ReusableOutput(64);

    RocksDbRestoreOperation(RocksDbKeyedStateBackend backend, List<byte[]> blobs) {
        this.backend = backend;
        this.blobs = blobs;
        this.range = backend.keyGroupRange();
    }

    void run() throws IOException {
        // Step (1): parse and check.
        List<IncrementalManifest> manifests = new ArrayList<>();
        List<String> manifestNames = new ArrayList<>();
        List<KeyGroupStateFormat.Reader> canonical = new ArrayList<>();
        List<String> canonicalNames = new ArrayList<>();
        Map<Integer, Integer> ownerOfGroup = new HashMap<>();
        for (int b = 0; b < blobs.size(); b++) {
            byte[] blob = Objects.requireNonNull(blobs.get(b), "key-group state #" + b);
            String blobName = "key-group state #" + b;
            KeyGroupRange blobRange;
            int blobMaxParallelism;
            try {
                if (IncrementalManifest.isManifest(blob)) {
                    IncrementalManifest manifest = IncrementalManifest.parse(blob);
                    blobRange = manifest.keyGroupRange();
                    blobMaxParallelism = manifest.maxParallelism();
                    manifests.add(manifest);
                    manifestNames.add(blobName);
                } else {
                    KeyGroupStateFormat.Reader reader = KeyGroupStateFormat.reader(blob);
                    blobRange = reader.keyGroupRange();
                    blobMaxParallelism = reader.maxParallelism();
                    canonical.add(reader);
                    canonicalNames.add(blobName);
                }
            } catch (IOException e) {
                throw new IOException(blobName + ": " + e.getMessage(), e);
            }
            if (blobMaxParallelism != backend.maxParallelism()) {
                throw new IOException(blobName + " was written with max parallelism " + blobMaxParallelism
                        + ", but this backend has " + backend.maxParallelism()
                        + " (max parallelism cannot change on restore)");
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
        // Step (2): the base database.
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
        try (WriteBatch batch = new WriteBatch()) {
            // Step (3): the other databases' entries of the range.
            for (int m = 0; m < manifests.size(); m++) {
                IncrementalManifest manifest = manifests.get(m);
                if (m != base && manifest.keyGroupRange().intersection(range).size() > 0) {
                    copyFromManifest(manifest, manifestNames.get(m), batch);
                }
            }
            // Step (4): canonical key-group state.
            for (int c = 0; c < canonical.size(); c++) {
                KeyGroupStateFormat.Reader reader = canonical.get(c);
                KeyGroupRange overlap = reader.keyGroupRange().intersection(range);
                for (int g = overlap.start(); g <= overlap.end() && overlap.size() > 0; g++) {
                    String blobName = canonicalNames.get(c);
                    reader.readKeyGroup(g, (group, name, kind, key, value) ->
                            insertCanonical(batch, blobName, group, name, kind, key, value));
                }
            }
            flush(batch);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RocksDBException e) {
            throw new IOException("RocksDB failed while restoring key groups " + range + ": " + e.getMessage(), e);
        }
    }

    private void restoreBase(IncrementalManifest manifest, String blobName) throws IOException {
        Path workingDirectory = backend.newWorkingDirectory();
        Path dbDirectory = workingDirectory.resolve("db");
        try {
            placeFiles(manifest, blobName, dbDirectory);
        } catch (IOException e) {
            RocksDbInstance.deleteRecursively(workingDirectory);
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
    private void copyFromManifest(IncrementalManifest manifest, String blobName, WriteBatch batch)
            throws IOException, RocksDBException {
        Path temp = backend.newWorkingDirectory();
        Path dbDirectory = temp.resolve("db");
        try (StringAppendOperator merge = new StringAppendOperator(RocksDbInstance.LIST_DELIMITER);
             Options options = RocksDbInstance.newOptions(merge).setCreateIfMissing(false)) {
            placeFiles(manifest, blobName, dbDirectory);
            Map<Integer, StateEntry> idMap = new HashMap<>();
            for (RegisteredState s : manifest.states()) {
                idMap.put(s.id(), backend.registerRestored(s.name(), s.kind()));
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
                    flushIfFull(batch);
                }
            }
        } catch (RocksDBException e) {
            throw new IOException(blobName + ": RocksDB cannot open the database of the manifest: "
                    + e.getMessage(), e);
        } finally {
            RocksDbInstance.deleteRecursively(temp);
        }
    }

    private void insertCanonical(WriteBatch batch, String blobName, int group, String name, StateKind kind,
                                 Object key, Object value) throws IOException {
        StateEntry state = backend.registerRestored(name, kind);
        if (key == null) {
            throw new IOException("corrupt key-group state: null key in state '" + name + "', key group " + group);
        }
        int hashed = KeyGroups.murmurHash(key.hashCode()) % backend.maxParallelism();
        if (hashed != group) {
            throw new IOException("key " + key + " of state '" + name + "' is stored in key group " + group
                    + " but hashes to key group " + hashed + " (is its hashCode stable across runs?)");
        }
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
                    if (!(value instanceof List<?> list)) {
                        throw badValue(blobName, name, kind, key, value);
                    }
                    if (!list.isEmpty()) {
                        valueOut.truncate(0);
                        for (int i = 0; i < list.size(); i++) {
                            if (i > 0) {
                                valueOut.write(RocksDbInstance.LIST_DELIMITER);
                            }
                            valueOut.writeValue(list.get(i));
                        }
                        batch.put(bytes(keyOut, keyLength), bytes(valueOut, valueOut.size()));
                    }
                }
                case MAP -> {
                    if (!(value instanceof Map<?, ?> map)) {
                        throw badValue(blobName, name, kind, key, value);
                    }
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
            flushIfFull(batch);
        } catch (RocksDBException e) {
            throw new IOException("RocksDB failed while restoring state '" + name + "': " + e.getMessage(), e);
        }
    }

    private void flushIfFull(WriteBatch batch) throws RocksDBException {
        if (batch.getDataSize() >= BATCH_BYTES) {
            flush(batch);
        }
    }

    private void flush(WriteBatch batch) throws RocksDBException {
        if (batch.count() > 0) {
            backend.db().write(backend.instance.writeOptions, batch);
            batch.clear();
        }
    }

    private static byte[] bytes(ReusableOutput out, int length) {
        return java.util.Arrays.copyOf(out.array(), length);
    }

    private static IOException badValue(String blobName, String name, StateKind kind, Object key, Object value) {
        return new IOException(blobName + ": corrupt key-group state: " + kind + " state '" + name + "' holds a "
                + (value == null ? "null" : value.getClass().getSimpleName()) + " for key " + key);
    }
}
