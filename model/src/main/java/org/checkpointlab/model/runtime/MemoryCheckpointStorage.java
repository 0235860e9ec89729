package org.checkpointlab.model.runtime;

import java.io.IOException;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.state.ByteStateHandle;
import org.checkpointlab.model.state.StateHandle;

/**
 * The job manager's checkpoint storage: state kept in memory, each piece at most
 * {@link CheckpointOptions#MEMORY_STORAGE_MAX_STATE_BYTES} (5 MiB), as Flink's {@code JobManagerCheckpointStorage}.
 */
public final class MemoryCheckpointStorage implements CheckpointStorage {
    private final long maxBytes;

    public MemoryCheckpointStorage() {
        this(CheckpointOptions.MEMORY_STORAGE_MAX_STATE_BYTES);
    }

    public MemoryCheckpointStorage(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public StateHandle store(long checkpointId, String name, byte[] data) throws IOException {
        if (data.length > maxBytes) {
            throw new IOException("state " + name + " is " + data.length + " bytes, larger than the job manager's "
                    + "memory limit of " + maxBytes + " bytes: set a checkpoint directory");
        }
        return new ByteStateHandle(data);
    }

    @Override
    public String describe() {
        return "jobmanager (memory)";
    }
}
