package org.checkpointlab.model.checkpoint;

/** What the checkpoint coordinator asks of the job. Called on the coordinator's timer thread. */
public interface CoordinatorContext {

    /** Whether every task is running, so a checkpoint can be triggered now; null if yes, else why not. */
    TriggerRefusal cannotTriggerBecause();

    /** Keys of every task that must acknowledge ({@code headOperator#subtask}). */
    java.util.Set<String> tasksToAcknowledge();

    /**
     * Triggers checkpoint {@code checkpointId} at every source task (Flink's {@code Execution.triggerCheckpoint}):
     * each builds its barrier from the id, the trigger time ({@code timestamp} in epoch ms, {@code triggerNanos} on
     * the job's nano clock) and {@code options}.
     */
    void triggerSources(long checkpointId, long timestamp, long triggerNanos, SnapshotOptions options);

    /** Tells every task that the checkpoint completed. */
    void notifyCheckpointComplete(long checkpointId);

    /** Tells every task that the checkpoint failed, so it releases alignment and snapshot resources. */
    void abortCheckpoint(long checkpointId);

    /** More consecutive checkpoints failed than tolerated: the job must fail over. */
    void failJob(CheckpointFailuresExceeded cause);

    /** A checkpoint (not a savepoint) completed and is retained. */
    default void checkpointCompleted(CompletedCheckpoint checkpoint) {
    }

    /**
     * The job ended and retention was applied: only the checkpoints {@code kept} remain; storage of any other
     * checkpoint (failed, aborted, or still in progress when the job ended) may go.
     */
    default void storageSettled(java.util.Set<Long> kept) {
    }

    /**
     * No retained or pending checkpoint has an id below {@code lowestCheckpointId}: shared state (incremental SST
     * files) last used by an older checkpoint may be deleted.
     */
    default void sharedStateUnusedBefore(long lowestCheckpointId) {
    }

    /** A retained checkpoint was subsumed or the job ended without retaining it: its storage may go. */
    default void checkpointDiscarded(CompletedCheckpoint checkpoint) {
    }
}
