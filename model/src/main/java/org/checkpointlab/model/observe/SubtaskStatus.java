package org.checkpointlab.model.observe;

/** Life cycle of one subtask (one thread running one chain of operators), as Flink's {@code ExecutionState}. */
public enum SubtaskStatus {
    /** Built, thread not started. */
    CREATED,
    /** Loading state from a checkpoint or savepoint and replaying persisted in-flight data. */
    RESTORING,
    /** Processing records. */
    RUNNING,
    /** Every input ended and every operator closed. Terminal. */
    FINISHED,
    /** Being cancelled (the job fails over or was cancelled). */
    CANCELING,
    /** Cancelled. Terminal. */
    CANCELED,
    /** Its thread threw: the cause is in the job's exception history. Terminal. */
    FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }
}
