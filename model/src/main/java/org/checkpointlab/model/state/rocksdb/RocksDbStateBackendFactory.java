package org.checkpointlab.model.state.rocksdb;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

import org.checkpointlab.model.state.HeapOperatorStateBackend;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.OperatorStateBackend;
import org.checkpointlab.model.state.StateBackendFactory;

/**
 * Flink's EmbeddedRocksDBStateBackend: keyed state in one embedded RocksDB database per operator subtask, full or
 * incremental checkpoints; operator state stays on the heap, as in Flink. One factory serves a job for its whole
 * life, restarts included, so SST files uploaded before a failure are reused by the checkpoints after it.
 */
public final class RocksDbStateBackendFactory implements StateBackendFactory {

    private final boolean incremental;
    private final SharedFileStore sharedStore;
    private final Path localDirectory;

    /**
     * @param incremental    whether checkpoints upload only new SST files (savepoints are always full)
     * @param sharedStore    where SST files of incremental checkpoints go
     * @param localDirectory under which each subtask gets its database's working directory
     */
    public RocksDbStateBackendFactory(boolean incremental, SharedFileStore sharedStore, Path localDirectory) {
        this.incremental = incremental;
        this.sharedStore = Objects.requireNonNull(sharedStore, "sharedStore");
        this.localDirectory = Objects.requireNonNull(localDirectory, "localDirectory");
    }

    /**
     * The factory for a job: shared files in {@code <checkpointDirectory>/shared}, or in memory for the job
     * manager's storage when the directory is {@code null}; working directories under
     * {@code <java.io.tmpdir>/checkpoint-lab-rocksdb}.
     */
    public static RocksDbStateBackendFactory forJob(boolean incremental, Path checkpointDirectory) {
        return new RocksDbStateBackendFactory(incremental,
                new SharedStateRegistry(SharedFileStore.forCheckpointDirectory(checkpointDirectory)),
                defaultLocalDirectory());
    }

    /** {@code <java.io.tmpdir>/checkpoint-lab-rocksdb}. */
    public static Path defaultLocalDirectory() {
        return Paths.get(System.getProperty("java.io.tmpdir"), "checkpoint-lab-rocksdb");
    }

    public boolean incremental() {
        return incremental;
    }

    public SharedFileStore sharedStore() {
        return sharedStore;
    }

    @Override
    public KeyedStateBackend createKeyedBackend(String operatorId, int subtaskIndex, KeyGroupRange range,
                                                int maxParallelism) {
        String name = operatorId.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + subtaskIndex;
        return new RocksDbKeyedStateBackend(range, maxParallelism, localDirectory, name, sharedStore, incremental);
    }

    /** Deletes the shared files of this job that no checkpoint from {@code lowestCheckpointId} on uses. */
    @Override
    public void discardSharedStateBefore(long lowestCheckpointId) {
        if (sharedStore instanceof SharedStateRegistry registry) {
            registry.discardUnusedBefore(lowestCheckpointId);
        }
    }

    @Override
    public OperatorStateBackend createOperatorBackend(String operatorId, int subtaskIndex) {
        return new HeapOperatorStateBackend();
    }
}
