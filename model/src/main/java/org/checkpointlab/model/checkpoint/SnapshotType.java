package org.checkpointlab.model.checkpoint;

/**
 * What a barrier asks for, chosen once when the checkpoint is triggered (Flink's {@code SnapshotType} and
 * {@code SavepointType}).
 */
public enum SnapshotType {
    /** A checkpoint: owned by the engine, aligned or unaligned as configured. */
    CHECKPOINT,
    /** A savepoint: owned by the user, always aligned; the job goes on. */
    SAVEPOINT,
    /**
     * The synchronous savepoint of a stop-with-savepoint (Flink's {@code SUSPEND}): sources emit the barrier and
     * then nothing more; a subtask that snapshotted it processes no further record or timer. If the savepoint is
     * aborted, processing resumes; if it completes, the job finishes.
     */
    SUSPEND,
    /**
     * The savepoint of a stop-with-savepoint with drain (Flink's {@code TERMINATE}): every input has ended first,
     * so it is the job's last checkpoint.
     */
    TERMINATE;

    /** Every type but {@link #CHECKPOINT}: owned by the user, always aligned. */
    public boolean isSavepoint() {
        return this != CHECKPOINT;
    }

    /** Whether subtasks stop processing after it (a stop-with-savepoint without drain). */
    public boolean isSynchronous() {
        return this == SUSPEND;
    }
}
