package org.checkpointlab.flink.operators;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.TaskInfo;
import org.checkpointlab.flink.RunRegistry;

/**
 * What the translation wraps around every operator: it counts the records an operator takes in and emits (into
 * the run's {@link RunRegistry}) and throws the planned failures of its subtask ({@link FailurePlan}). Serializable
 * with the function that holds it; {@link #open} runs in the task.
 */
public final class OperatorProbe implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String operatorId;
    private final FailurePlan plan;
    private transient LongAdder in;
    private transient LongAdder out;
    private transient List<FailurePlan.Failure> failures;
    private transient long taken;

    public OperatorProbe(String runId, String operatorId, FailurePlan plan) {
        this.runId = runId;
        this.operatorId = operatorId;
        this.plan = plan;
    }

    /** Binds the probe to its subtask; planned failures apply in the first attempt only. */
    public void open(TaskInfo task) {
        RunRegistry run = RunRegistry.of(runId);
        in = run.recordsIn(operatorId);
        out = run.recordsOut(operatorId);
        failures = task.getAttemptNumber() == 0 ? plan.of(operatorId, task.getIndexOfThisSubtask()) : List.of();
        taken = 0;
    }

    /** A record came in: counts it, then throws if a planned failure is due. */
    public void recordIn() {
        in.increment();
        taken++;
        if (failures.isEmpty()) {
            return;
        }
        for (FailurePlan.Failure f : failures) {
            if (f.atRecords() >= 0 && taken == f.atRecords()) {
                throw new InjectedFailure("injected failure: operator '" + operatorId + "' subtask "
                        + f.subtask() + " at record " + taken);
            }
            if (f.afterMillis() >= 0 && System.currentTimeMillis() - plan.startMillis() >= f.afterMillis()) {
                failures = List.of();
                throw new InjectedFailure("injected failure: operator '" + operatorId + "' subtask "
                        + f.subtask() + " after " + f.afterMillis() + " ms");
            }
        }
    }

    /** A record went out. */
    public void recordOut() {
        out.increment();
    }
}
