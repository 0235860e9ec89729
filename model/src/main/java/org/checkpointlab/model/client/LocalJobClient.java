package org.checkpointlab.model.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.DeliveryVerdict.NotComputable;
import org.checkpointlab.model.job.DeliveryVerdict.Reason;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointState;

/** A {@link JobClient} for a {@link Job} on this process's engine, which supports every capability. */
public final class LocalJobClient implements JobClient {
    private static final Set<Capability> CAPABILITIES = Set.copyOf(
            EnumSet.complementOf(EnumSet.of(Capability.RESCALE_IN_PLACE)));

    private final Job job;
    /** The options last given to {@link #updateCheckpointOptions}, which the job takes on its control thread. */
    private volatile CheckpointOptions updated;
    /** The last stop-with-savepoint asked for; if it succeeded, the job ended before the end of its input. */
    private volatile CompletableFuture<SavepointResult> lastStop;
    /** How long the delivery check waits for a stop-with-savepoint to settle (it completes just after the end). */
    private static final Duration STOP_SETTLE_TIMEOUT = Duration.ofSeconds(30);

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
        CompletableFuture<SavepointResult> stop = job.stopWithSavepoint(directory, drain);
        lastStop = stop;
        return stop;
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
    public org.checkpointlab.model.observe.StepEvent lastStep() {
        return job.lastStep();
    }

    @Override
    public boolean injectFailure(String operatorId, int subtask) {
        return job.injectFailure(operatorId, subtask);
    }

    @Override
    public List<SinkOutputSnapshot> sinkOutputs(int recentRecords) {
        return SinkOutputSnapshots.inPipelineOrder(job.pipeline(), job.sinkOutputs(), recentRecords);
    }

    /** As the command line's {@code run} decides: checked when FINISHED or FAILED, unless stopped with a savepoint. */
    @Override
    public List<DeliveryCheck.SinkDelivery> checkDelivery() throws InterruptedException {
        NotComputable notEnded = notEndedAtEndOfInput();
        return notEnded != null ? DeliveryCheck.notComputable(job.config(), job.sinkOutputs(), notEnded)
                : DeliveryCheck.check(job.config(), job.sinkOutputs());
    }

    /**
     * Over the deployments {@code earlier} and this one: local jobs only, each earlier one ended (it waits a little
     * for one that is being cancelled), this one as {@link #checkDelivery()} requires.
     */
    @Override
    public List<DeliveryCheck.SinkDelivery> checkDelivery(List<JobClient> earlier) throws InterruptedException {
        if (earlier.isEmpty()) {
            return checkDelivery();
        }
        List<JobConfig> configs = new ArrayList<>();
        List<Map<String, SinkOutput>> outputs = new ArrayList<>();
        for (JobClient before : earlier) {
            if (!(before instanceof LocalJobClient local)) {
                return DeliveryCheck.notComputable(job.config(), job.sinkOutputs(),
                        NotComputable.of(Reason.EARLIER_ON_ANOTHER_ENGINE, before));
            }
            if (!local.job.awaitTermination(STOP_SETTLE_TIMEOUT)) {
                return DeliveryCheck.notComputable(job.config(), job.sinkOutputs(),
                        NotComputable.of(Reason.EARLIER_NOT_ENDED, local.status()));
            }
            configs.add(local.job.config());
            outputs.add(local.job.sinkOutputs());
        }
        configs.add(job.config());
        outputs.add(job.sinkOutputs());
        NotComputable notEnded = notEndedAtEndOfInput();
        if (notEnded != null) {
            return DeliveryCheck.notComputable(configs.get(0), job.sinkOutputs(), notEnded);
        }
        return DeliveryCheck.checkChain(configs, outputs);
    }

    /** Why this job did not end at the end of its input (so its output is partial); {@code null} when it did. */
    private NotComputable notEndedAtEndOfInput() throws InterruptedException {
        JobStatus status = job.status();
        if (status != JobStatus.FINISHED && status != JobStatus.FAILED) {
            return NotComputable.of(status.isTerminal() ? Reason.ENDED_EARLY : Reason.NOT_ENDED, status);
        }
        CompletableFuture<SavepointResult> stop = lastStop;
        if (stop != null) {
            // The stop's future completes just after the job ended: wait for it to know whether the stop ended it.
            try {
                stop.get(STOP_SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return NotComputable.of(Reason.STOPPED_WITH_SAVEPOINT);
            } catch (ExecutionException e) {
                // the stop took no savepoint (e.g. the job finished first): the job ran to its end
            } catch (TimeoutException e) {
                return NotComputable.of(Reason.STOP_NOT_SETTLED, STOP_SETTLE_TIMEOUT.toSeconds());
            }
        }
        return null;
    }

    @Override
    public SavepointState latestCheckpointState() throws SavepointException {
        CompletedCheckpoint latest = job.latestRestorePoint();
        return latest == null ? null : SavepointState.ofCheckpoint(latest, job.pipeline());
    }

    @Override
    public String toString() {
        return "local job " + job.pipeline().name();
    }
}
