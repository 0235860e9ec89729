package org.checkpointlab.model.checkpoint;

/** Status of one checkpoint, as the Flink web UI shows it. */
public enum CheckpointStatus {
    /** Triggered; not every subtask has acknowledged yet. */
    IN_PROGRESS,
    /** Every subtask acknowledged and the metadata is stored. */
    COMPLETED,
    /** Expired, declined, or aborted by a task failure; its state is discarded. */
    FAILED
}
