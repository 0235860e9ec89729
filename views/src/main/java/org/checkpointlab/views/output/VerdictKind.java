package org.checkpointlab.views.output;

/** Where a sink's delivery verdict stands; the view styles each differently. */
public enum VerdictKind {
    /** The job has not ended; a bounded job is checked once it has. */
    PENDING,
    /** The reference run of the delivery check is under way. */
    CHECKING,
    /** The committed output equals a failure-free run's. */
    HELD,
    /** Records were duplicated or lost. */
    VIOLATED,
    /** The expected output cannot be known (unbounded source, restored or stopped with a savepoint, cancelled). */
    NOT_COMPUTABLE
}
