package org.checkpointlab.model.observe;

/** Life cycle of a job, as Flink's {@code JobStatus}. */
public enum JobStatus {
    /** Built, no task started yet. */
    CREATED,
    /** Tasks are running (some may still be restoring). */
    RUNNING,
    /** A task failed; the affected tasks are being cancelled. */
    FAILING,
    /** Waiting for the restart strategy's delay before the tasks are deployed again. */
    RESTARTING,
    /** Every source ran out and every task finished (bounded jobs only). Terminal. */
    FINISHED,
    /** Cancelled by the user (or stopped with a savepoint). Terminal. */
    CANCELED,
    /** Failed and not restarted. Terminal. */
    FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }
}
