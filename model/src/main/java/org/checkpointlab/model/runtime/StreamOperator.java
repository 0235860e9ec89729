package org.checkpointlab.model.runtime;

import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * An operator running in a subtask. Every method is called on the subtask's task thread, so an operator needs no
 * locks. State that must survive failures lives in the backends of {@link OperatorContext}; the engine snapshots
 * them in the sync phase of each checkpoint.
 *
 * <p>Life cycle: {@link #open} (after state was restored), then {@link #processRecord} per record interleaved with
 * the checkpoint hooks and timers, then {@link #endInput} when every input ran out (bounded inputs only), then
 * {@link #close}.
 */
public interface StreamOperator {

    void open(OperatorContext context) throws Exception;

    /** Processes one record from input {@code input} (0 for single-input operators). */
    void processRecord(StreamRecord record, int input) throws Exception;

    /** Sync phase, before the state backends are snapshotted: e.g. a two-phase-commit sink pre-commits here. */
    default void prepareSnapshot(long checkpointId) throws Exception {
    }

    /** Checkpoint {@code checkpointId} completed: e.g. a two-phase-commit sink commits here. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /** Every input ran out. The operator may still emit (e.g. flush open windows). */
    default void endInput() throws Exception {
    }

    /** A processing-time timer registered through the context fired. */
    default void onProcessingTime(long timeMillis) throws Exception {
    }

    default void close() throws Exception {
    }
}
