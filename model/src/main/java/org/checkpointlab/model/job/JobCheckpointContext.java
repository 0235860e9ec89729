package org.checkpointlab.model.job;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.CoordinatorContext;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.checkpoint.SnapshotOptions;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.ExecutionGraph;
import org.checkpointlab.model.runtime.Task;
import org.checkpointlab.model.runtime.TaskCommand;
import org.checkpointlab.model.state.StateBackendFactory;

/**
 * What the checkpoint coordinator asks of a job: whether it can trigger, which tasks acknowledge, the commands to
 * the tasks, and the checkpoint files' I/O (through the {@link CheckpointCleaner}). Runs on the job's control thread.
 */
final class JobCheckpointContext implements CoordinatorContext {
    private final Supplier<JobStatus> status;
    private final Supplier<Deployment> deployment;
    private final Supplier<CheckpointOptions> options;
    private final PipelineSpec pipeline;
    private final StateBackendFactory backends;
    private final CheckpointCleaner cleaner;
    private final Consumer<org.checkpointlab.model.checkpoint.CheckpointFailuresExceeded> failJob;

    /**
     * @param options the coordinator's current options (they change while the job runs)
     * @param failJob fails the job over with the given cause
     */
    JobCheckpointContext(Supplier<JobStatus> status, Supplier<Deployment> deployment,
                         Supplier<CheckpointOptions> options, PipelineSpec pipeline, StateBackendFactory backends,
                         CheckpointCleaner cleaner,
                         Consumer<org.checkpointlab.model.checkpoint.CheckpointFailuresExceeded> failJob) {
        this.status = status;
        this.deployment = deployment;
        this.options = options;
        this.pipeline = pipeline;
        this.backends = backends;
        this.cleaner = cleaner;
        this.failJob = failJob;
    }

    @Override
    public org.checkpointlab.model.checkpoint.TriggerRefusal cannotTriggerBecause() {
        JobStatus now = status.get();
        if (now != JobStatus.RUNNING) {
            return org.checkpointlab.model.checkpoint.TriggerRefusal.of(
                    org.checkpointlab.model.checkpoint.TriggerRefusal.Reason.JOB_NOT_RUNNING, now);
        }
        for (Task t : deployment.get().tasks()) {
            if (t.status() != SubtaskStatus.RUNNING) {
                return org.checkpointlab.model.checkpoint.TriggerRefusal.of(
                        org.checkpointlab.model.checkpoint.TriggerRefusal.Reason.TASK_NOT_RUNNING, t.taskName(),
                        t.subtaskIndex(), t.status());
            }
        }
        return null;
    }

    @Override
    public Set<String> tasksToAcknowledge() {
        Set<String> keys = new HashSet<>();
        for (Task t : deployment.get().tasks()) {
            keys.add(ExecutionGraph.taskKey(t));
        }
        return keys;
    }

    @Override
    public void triggerSources(long checkpointId, long timestamp, long triggerNanos, SnapshotOptions options) {
        deployment.get().send(TaskCommand.triggerCheckpoint(checkpointId, timestamp, triggerNanos, options));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        deployment.get().send(TaskCommand.notifyCheckpointComplete(checkpointId));
    }

    @Override
    public void abortCheckpoint(long checkpointId) {
        deployment.get().send(TaskCommand.abortCheckpoint(checkpointId));
    }

    @Override
    public void checkpointCompleted(CompletedCheckpoint checkpoint) {
        CheckpointOptions o = options.get();
        if (o.directory() != null && o.retention() != Retention.NONE) {
            cleaner.writeRetainedMetadata(checkpoint, pipeline, o.directory());
        }
    }

    @Override
    public void storageSettled(Set<Long> kept) {
        Path dir = options.get().directory();
        if (dir != null) {
            cleaner.settle(dir, kept);
        }
    }

    @Override
    public void sharedStateUnusedBefore(long lowestCheckpointId) {
        cleaner.discardSharedStateBefore(backends, lowestCheckpointId);
    }

    @Override
    public void checkpointDiscarded(CompletedCheckpoint checkpoint) {
        Path dir = options.get().directory();
        if (dir != null) {
            cleaner.discardCheckpoint(dir, checkpoint.id());
        }
    }

    @Override
    public void failJob(org.checkpointlab.model.checkpoint.CheckpointFailuresExceeded cause) {
        failJob.accept(cause);
    }
}
