package org.checkpointlab.model.job;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to inject into subtask {@code subtask} of {@code operatorId}: either {@code after} a time from the job's
 * start, or when the subtask has taken in {@code atRecords} records (a source: emitted) in the first attempt. Record
 * failures are armed before the tasks start, so even a short job cannot finish first.
 */
public record PlannedFailure(String operatorId, int subtask, Duration after, Long atRecords) {
    public PlannedFailure {
        Objects.requireNonNull(operatorId, "operatorId");
        if ((after == null) == (atRecords == null)) {
            throw new IllegalArgumentException("a planned failure needs either a time or a record count");
        }
    }

    public static PlannedFailure after(String operatorId, int subtask, Duration after) {
        return new PlannedFailure(operatorId, subtask, after, null);
    }

    public static PlannedFailure atRecords(String operatorId, int subtask, long records) {
        return new PlannedFailure(operatorId, subtask, null, records);
    }
}
