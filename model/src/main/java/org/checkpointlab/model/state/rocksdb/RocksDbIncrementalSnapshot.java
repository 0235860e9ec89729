package org.checkpointlab.model.state.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyedStateBackend.KeyedSnapshot;
import org.checkpointlab.model.state.SnapshotWriteOnce;
import org.rocksdb.Checkpoint;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;
import org.checkpointlab.model.util.Directories;

/**
 * An incremental snapshot of a RocksDB backend, as Flink's {@code RocksIncrementalSnapshotStrategy}.
 *
 * <p>Step (1), sync phase: flush the memtable and create a native RocksDB checkpoint: a directory of hard links to
 * the database's immutable SST files plus fresh copies of its small metadata files. Processing goes on at once.
 * Step (2), async phase: upload to the {@link SharedFileStore} every SST file that no earlier snapshot of this
 * database lineage uploaded; reuse the location of the others. Step (3): return an {@link IncrementalManifest}
 * carrying the SST list and the metadata files inline. Step (4): delete the native checkpoint directory.
 *
 * <p>A file is reused only if the store still has it ({@link SharedFileStore#reuse}: the job's
 * {@link SharedStateRegistry} may have deleted a file no retained checkpoint needed); otherwise it is uploaded again
 * from the native checkpoint. The checkpointed size is the new SST bytes plus the manifest; the full size is every
 * referenced SST byte plus the manifest.
 */
final class RocksDbIncrementalSnapshot implements KeyedSnapshot {


    private final long checkpointId;
    private final KeyGroupRange range;
    private final int maxParallelism;
    private final RocksDbInstance instance;
    private final Path checkpointDirectory;
    private final List<RegisteredState> states;
    private final Map<String, IncrementalManifest.SstFile> uploaded;
    private final SharedFileStore store;
    private final String sharedPrefix;
    private final SnapshotWriteOnce phase;
    private volatile long checkpointedSize = SIZE_OF_BLOB;
    private volatile long fullSize = SIZE_OF_BLOB;

    private RocksDbIncrementalSnapshot(long checkpointId, RocksDbKeyedStateBackend backend, Path checkpointDirectory,
                                       SharedFileStore store) {
        this.checkpointId = checkpointId;
        this.phase = new SnapshotWriteOnce(checkpointId);
        this.range = backend.keyGroupRange();
        this.maxParallelism = backend.maxParallelism();
        this.instance = backend.instance;
        this.checkpointDirectory = checkpointDirectory;
        this.states = backend.stateTable();
        this.uploaded = backend.uploaded;
        this.store = store;
        this.sharedPrefix = instance.workingDirectory.getFileName() + "-";
    }

    /** The sync phase: flush, then a native checkpoint of hard links. */
    static RocksDbIncrementalSnapshot take(RocksDbKeyedStateBackend backend, long checkpointId,
                                           SharedFileStore store) {
        RocksDbInstance instance = backend.instance;
        if (!instance.acquire()) {
            throw new IllegalStateException("the RocksDB database of " + backend.keyGroupRange() + " is closed");
        }
        Path directory = instance.workingDirectory.resolve("chk-" + checkpointId + "-" + System.nanoTime());
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
             Checkpoint checkpoint = Checkpoint.create(instance.db)) {
            instance.db.flush(flush);
            checkpoint.createCheckpoint(directory.toString());
        } catch (RocksDBException e) {
            Directories.deleteQuietly(directory);
            instance.release();
            throw new IllegalStateException("cannot take a native RocksDB checkpoint for checkpoint " + checkpointId
                    + " in " + directory + ": " + e.getMessage(), e);
        }
        return new RocksDbIncrementalSnapshot(checkpointId, backend, directory, store);
    }

    @Override
    public byte[] write() throws IOException {
        phase.startWrite();
        try {
            List<IncrementalManifest.SstFile> ssts = new ArrayList<>();
            List<IncrementalManifest.PrivateFile> privateFiles = new ArrayList<>();
            long newBytes = 0;
            List<Path> files;
            try (Stream<Path> listing = Files.list(checkpointDirectory)) {
                files = listing.sorted().toList();
            }
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".sst")) {
                    privateFiles.add(new IncrementalManifest.PrivateFile(fileName, Files.readAllBytes(file)));
                    continue;
                }
                IncrementalManifest.SstFile sst = uploaded.get(fileName);
                if (sst == null || !store.reuse(sst.location(), checkpointId)) {
                    long size = Files.size(file);
                    String location = store.upload(sharedPrefix + fileName, file, checkpointId);
                    sst = new IncrementalManifest.SstFile(fileName, size, location);
                    uploaded.put(fileName, sst);
                    newBytes += size;
                }
                ssts.add(sst);
            }
            // SST files are immutable and never come back once compacted away: forget the others.
            uploaded.keySet().retainAll(ssts.stream().map(IncrementalManifest.SstFile::name).toList());
            IncrementalManifest manifest = new IncrementalManifest(checkpointId, maxParallelism, range, states, ssts,
                    privateFiles);
            byte[] bytes = manifest.toBytes();
            checkpointedSize = newBytes + bytes.length;
            fullSize = manifest.sstBytes() + bytes.length;
            return bytes;
        } catch (IOException e) {
            throw new IOException("incremental RocksDB checkpoint " + checkpointId + " of key groups " + range
                    + " could not upload to " + store.describe() + ": " + e.getMessage(), e);
        } finally {
            dispose();
        }
    }

    @Override
    public long checkpointedSize() {
        return checkpointedSize;
    }

    @Override
    public long fullSize() {
        return fullSize;
    }

    @Override
    public void release() {
        if (phase.release()) {
            dispose();
        }
    }

    private void dispose() {
        Directories.deleteQuietly(checkpointDirectory);
        instance.release();
    }

    @Override
    public String toString() {
        return "incremental RocksDB snapshot of checkpoint " + checkpointId + " for key groups " + range;
    }
}
