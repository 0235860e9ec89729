package org.checkpointlab.model.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.runtime.TaskCommand;

/**
 * A job's failure injection (the window's Fail, {@code --fail}, chaos): a failure thrown in a subtask's thread now,
 * at a time after the job started, or once a subtask took in a number of records; and chaos, random failures
 * planned by the {@link ChaosInjector} on the job's control thread. Any thread.
 */
final class FailureInjection {
    private final JobScheduler scheduler;
    private final long startMillis;
    private final ChaosInjector chaos;

    /** @param startMillis when the job started (epoch ms): failures planned "after" count from it */
    FailureInjection(JobScheduler scheduler, long startMillis) {
        this.scheduler = scheduler;
        this.startMillis = startMillis;
        this.chaos = new ChaosInjector(scheduler.control(), new Target());
    }

    /** As {@link Job#injectFailure}. */
    boolean injectFailure(String operatorId, int subtask) {
        return scheduler.deployment().sendTo(operatorId, subtask, TaskCommand.fail(new Job.InjectedFailure(
                FailureCause.of(FailureCause.Kind.INJECTED, operatorId, subtask))));
    }

    /** As {@link Job#scheduleFailure}. */
    void scheduleFailure(String operatorId, int subtask, Duration after) {
        chaos.scheduleFailure(operatorId, subtask, startMillis + after.toMillis());
    }

    /** As {@link Job#failAtRecords}. */
    boolean failAtRecords(String operatorId, int subtask, long records) {
        return scheduler.deployment().sendTo(operatorId, subtask, TaskCommand.failAtRecords(records,
                JobScheduler.recordFailure(PlannedFailure.atRecords(operatorId, subtask, records))));
    }

    /** As {@link Job#chaos}. */
    CompletableFuture<Integer> chaos(int failures, long seed) {
        return chaos.chaos(failures, seed, scheduler.termination());
    }

    /** What chaos sees of the job. */
    private final class Target implements ChaosInjector.Target {
        @Override
        public JobStatus status() {
            return scheduler.status();
        }

        @Override
        public List<ChaosInjector.Subtask> subtasks() {
            return scheduler.deployment().tasks().stream()
                    .map(t -> new ChaosInjector.Subtask(t.headOperatorId(), t.subtaskIndex())).toList();
        }

        @Override
        public boolean injectFailure(String operatorId, int subtask) {
            return FailureInjection.this.injectFailure(operatorId, subtask);
        }
    }
}
