package org.checkpointlab.model.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** A {@link JobClient} for a {@link Job} on this process's engine, which supports every capability. */
public final class LocalJobClient implements JobClient {
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.allOf(Capability.class));

    private final Job job;
    /** The options last given to {@link #updateCheckpointOptions}, which the job takes on its control thread. */
    private volatile CheckpointOptions updated;

    public LocalJobClient(Job job) {
        this.job = Objects.requireNonNull(job, "job");
    }

    /** Starts {@code config} on the local engine. */
    public static LocalJobClient start(JobConfig config) throws PipelineException {
        return new LocalJobClient(Job.start(config));
    }

    /** The engine's job behind this client, for engine-side code (the command line, engine tests); never a view. */
    public Job job() {
        return job;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public JobConfig config() {
        return job.config();
    }

    @Override
    public PipelineSpec pipeline() {
        return job.pipeline();
    }

    @Override
    public JobStatus status() {
        return job.status();
    }

    @Override
    public JobSnapshot snapshot() {
        return job.snapshot();
    }

    @Override
    public JobSummary summary() {
        return job.summary();
    }

    /** The options last set here (read your writes: the job applies them on its control thread), else the job's. */
    @Override
    public CheckpointOptions checkpointOptions() {
        CheckpointOptions last = updated;
        return last != null ? last : job.checkpointOptions();
    }

    @Override
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        return job.triggerCheckpoint();
    }

    @Override
    public CompletableFuture<SavepointResult> triggerSavepoint(Path directory) {
        return job.triggerSavepoint(directory);
    }

    @Override
    public CompletableFuture<SavepointResult> stopWithSavepoint(Path directory, boolean drain) {
        return job.stopWithSavepoint(directory, drain);
    }

    @Override
    public List<SavepointResult> savepoints() {
        return job.savepoints();
    }

    @Override
    public void cancel() {
        job.cancel();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return job.awaitTermination(timeout);
    }

    @Override
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return job.awaitRunning(timeout);
    }

    @Override
    public void updateCheckpointOptions(CheckpointOptions options) {
        job.updateCheckpointOptions(options); // refuses invalid options at once
        updated = options.validated();
    }

    @Override
    public void setSpeed(double speed) {
        job.setSpeed(speed);
    }

    @Override
    public double speed() {
        return job.speed();
    }

    @Override
    public void setPaused(boolean paused) {
        job.setPaused(paused);
    }

    @Override
    public boolean isPaused() {
        return job.isPaused();
    }

    @Override
    public boolean stepToNextBarrierEvent() {
        return job.stepToNextBarrierEvent();
    }

    @Override
    public boolean isStepping() {
        return job.isStepping();
    }

    @Override
    public String lastStepEvent() {
        return job.lastStepEvent();
    }

    @Override
    public boolean injectFailure(String operatorId, int subtask) {
        return job.injectFailure(operatorId, subtask);
    }

    @Override
    public String toString() {
        return "local job " + job.pipeline().name();
    }
}
