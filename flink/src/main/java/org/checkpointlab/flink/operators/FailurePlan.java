package org.checkpointlab.flink.operators;

import java.io.Serializable;
import java.util.List;
import org.checkpointlab.model.job.PlannedFailure;

/**
 * The failures to inject into a translated job, as the local engine's {@link PlannedFailure}s: subtask
 * {@code subtask} of an operator throws when it has taken in {@code atRecords} records, or at its first record
 * {@code after} the job's sources started reading, in its first execution attempt only (so the job recovers and
 * runs on). Every translated operator checks it through its {@link OperatorProbe}.
 *
 * @param failures what to inject
 */
public record FailurePlan(List<Failure> failures) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One planned failure; {@code afterMillis} or {@code atRecords} is negative when unused. */
    public record Failure(String operatorId, int subtask, long afterMillis, long atRecords) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public FailurePlan {
        failures = List.copyOf(failures);
    }

    public static FailurePlan none() {
        return new FailurePlan(List.of());
    }

    /** The engine's planned failures. */
    public static FailurePlan of(List<PlannedFailure> planned) {
        return new FailurePlan(planned.stream().map(p -> new Failure(p.operatorId(), p.subtask(),
                p.after() == null ? -1 : p.after().toMillis(), p.atRecords() == null ? -1 : p.atRecords()))
                .toList());
    }

    /** The failures of one subtask. */
    List<Failure> of(String operatorId, int subtask) {
        return failures.stream().filter(f -> f.operatorId().equals(operatorId) && f.subtask() == subtask).toList();
    }
}
