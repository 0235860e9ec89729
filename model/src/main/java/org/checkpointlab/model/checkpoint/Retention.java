package org.checkpointlab.model.checkpoint;

/** Externalized checkpoint retention, as Flink's {@code ExternalizedCheckpointRetention}. */
public enum Retention {
    /** Checkpoints are not externalized: they are deleted when the job ends. Flink's default. */
    NONE,
    /** Retained checkpoints are deleted when the job is cancelled. */
    DELETE_ON_CANCELLATION,
    /** Retained checkpoints stay when the job is cancelled; they can be restored like a savepoint. */
    RETAIN_ON_CANCELLATION
}
