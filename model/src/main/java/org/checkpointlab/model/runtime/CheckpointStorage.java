package org.checkpointlab.model.runtime;

import java.io.IOException;

import org.checkpointlab.model.state.StateHandle;

/**
 * Where subtasks write the state of a checkpoint (Flink's checkpoint storage): the job manager's memory, or files
 * in a checkpoint directory. Called from async snapshot threads; implementations are thread-safe.
 */
public interface CheckpointStorage {

    /**
     * Stores one piece of state of checkpoint {@code checkpointId}.
     *
     * @param name unique within the checkpoint, e.g. {@code count-1-keyed}
     * @throws IOException if it cannot be stored (e.g. larger than the memory storage allows)
     */
    StateHandle store(long checkpointId, String name, byte[] data) throws IOException;

    /** Human-readable description, e.g. "jobmanager (memory)" or the directory. */
    String describe();
}
