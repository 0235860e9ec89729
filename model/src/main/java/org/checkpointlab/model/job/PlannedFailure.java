package org.checkpointlab.model.job;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to inject into subtask {@code subtask} of {@code operatorId}: either {@code after} a time from the job's
 * start, or when the subtask has taken in {@code atRecords} records (a source: emitted) in attempt {@code attempt}
 * (0 is the first; each recovery starts the next). Record failures are armed before that attempt's tasks start, so
 * even a short attempt cannot finish first; one planned for a later attempt fires only if that attempt redeploys the
 * subtask (region failover restarts only the failed region). Time failures ignore {@code attempt}.
 */
public record PlannedFailure(String operatorId, int subtask, Duration after, Long atRecords, int attempt) {
    public PlannedFailure {
        Objects.requireNonNull(operatorId, "operatorId");
        if ((after == null) == (atRecords == null)) {
            throw new IllegalArgumentException("a planned failure needs either a time or a record count");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be 0 or more, was " + attempt);
        }
    }

    public static PlannedFailure after(String operatorId, int subtask, Duration after) {
        return new PlannedFailure(operatorId, subtask, after, null, 0);
    }

    /** Fails the subtask at its {@code records}-th record of the job's first attempt. */
    public static PlannedFailure atRecords(String operatorId, int subtask, long records) {
        return new PlannedFailure(operatorId, subtask, null, records, 0);
    }

    /**
     * This record-count failure in attempt {@code attempt} instead: after {@code attempt} recoveries, counting that
     * attempt's records. A list of them, one per attempt, makes a reproducible sequence of failures.
     */
    public PlannedFailure inAttempt(int attempt) {
        if (atRecords == null) {
            throw new IllegalStateException("only a record-count failure is planned for an attempt");
        }
        return new PlannedFailure(operatorId, subtask, null, atRecords, attempt);
    }
}
