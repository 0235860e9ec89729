package org.checkpointlab.flink.operators;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.TaskInfo;
import org.checkpointlab.flink.RunRegistry;

/**
 * What the translation wraps around every operator: it counts the records an operator takes in and emits (into
 * the run's {@link RunRegistry}) and throws the planned failures of its subtask ({@link FailurePlan}) and those
 * requested while the job runs ({@link RunRegistry#requestFailure}). Serializable
 * with the function that holds it; {@link #open} runs in the task.
 */
public final class OperatorProbe implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String operatorId;
    private final FailurePlan plan;
    private transient RunRegistry run;
    private transient int subtask;
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
        run = RunRegistry.of(runId);
        subtask = task.getIndexOfThisSubtask();
        in = run.recordsIn(operatorId);
        out = run.recordsOut(operatorId);
        failures = task.getAttemptNumber() == 0 ? plan.of(operatorId, task.getIndexOfThisSubtask()) : List.of();
        taken = 0;
    }

    /** A record came in: counts it, then throws if a planned or requested failure is due. */
    public void recordIn() {
        in.increment();
        taken++;
        if (run.failuresRequested() && run.takeFailure(operatorId, subtask)) {
            throw new InjectedFailure("injected failure: operator '" + operatorId + "' subtask " + subtask
                    + " at record " + taken + " (requested)");
        }
        if (failures.isEmpty()) {
            return;
        }
        for (FailurePlan.Failure f : failures) {
            if (f.atRecords() >= 0 && taken == f.atRecords()) {
                throw new InjectedFailure("injected failure: operator '" + operatorId + "' subtask "
                        + f.subtask() + " at record " + taken);
            }
            long started = run.sourcesStartedMillis();
            if (f.afterMillis() >= 0 && started > 0 && System.currentTimeMillis() - started >= f.afterMillis()) {
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
