package org.checkpointlab.flink.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.flink.rest.RestObservation;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.SinkOutputSnapshots;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;

/**
 * A job the app started on the embedded Flink cluster, observed through Flink's REST API ({@link RestJobClient},
 * as any Flink job is watched) with its job vertices mapped back to the pipeline's operators, and commanded as the
 * embedded run allows: checkpoints, savepoints and stop-with-savepoint through REST, cancel, failure injection
 * through the failure hook around every translated operator, the sinks' committed output and the delivery check
 * from the sinks the run shares with this process.
 *
 * <p>The client exists from the moment Run is pressed: the submission (translation, Flink's initialization of the
 * job, the first REST reading) happens on a thread of its own, so that no caller waits for it. Until then the job
 * is CREATED and commands wait for it; if Flink refuses the job, it is FAILED with Flink's reason in its exception
 * history.
 *
 * <p>Flink shows no channel buffers, cannot pause, step or run in slow motion, and takes checkpoint options only at
 * the start: those capabilities are not declared.
 *
 * <p>Thread-safe.
 */
public final class EmbeddedFlinkJobClient implements JobClient {
    private static final Set<Capability> CAPABILITIES =
            Set.of(Capability.FAILURE_INJECTION, Capability.SINK_OUTPUT, Capability.DELIVERY_CHECK);
    private static final Duration STOP_SETTLE_TIMEOUT = Duration.ofSeconds(30);

    /** The submitted run and its REST watcher. */
    record Attachment(FlinkRun run, RestJobClient rest) {
    }

    private final JobConfig config;
    private final PipelineSpec pipeline;
    private final long createdMillis = System.currentTimeMillis();
    private final CompletableFuture<Attachment> attached;
    private final Object cacheLock = new Object();
    private volatile boolean cancelRequested;
    private RestObservation mappedFrom;
    private JobSnapshot mapped;
    private OperatorIdMapping mapping;
    private volatile CompletableFuture<SavepointResult> lastStop;
    /** Whether closing this client ends the job (Run's client); a watcher's close only stops watching. */
    private final boolean ownsJob;

    /**
     * @param pipeline the pipeline as it runs (parallelism overrides applied)
     * @param attached completes once the job is submitted and watched; fails with the reason Flink refused it
     */
    EmbeddedFlinkJobClient(JobConfig config, PipelineSpec pipeline, CompletableFuture<Attachment> attached) {
        this(config, pipeline, attached, true);
    }

    /** @param ownsJob whether {@link #close()} ends the job, or only stops watching it */
    EmbeddedFlinkJobClient(JobConfig config, PipelineSpec pipeline, CompletableFuture<Attachment> attached,
                           boolean ownsJob) {
        this.ownsJob = ownsJob;
        this.config = config;
        this.pipeline = pipeline;
        this.attached = attached.thenApply(a -> {
            synchronized (cacheLock) {
                mapping = new OperatorIdMapping(a.run().vertices());
            }
            if (cancelRequested) {
                a.run().cancel();
            }
            return a;
        });
    }

    /** The run, once submitted; null before (or when Flink refused it). */
    private Attachment attachment() {
        return attached.isDone() && !attached.isCompletedExceptionally() ? attached.join() : null;
    }

    /** Waits for the submission, at most {@code timeout}; null on timeout. */
    private Attachment awaitAttachment(Duration timeout) throws InterruptedException {
        try {
            return attached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return null;
        } catch (TimeoutException e) {
            return null;
        }
    }

    /**
     * Waits until the job is submitted and watched.
     *
     * @throws PipelineException with Flink's reason when it refused the job, or when it took longer than
     *                           {@code timeout}
     */
    void awaitSubmission(Duration timeout) throws PipelineException, InterruptedException {
        if (awaitAttachment(timeout) != null) {
            return;
        }
        String refused = refusal();
        throw new PipelineException(refused != null ? refused
                : "Flink did not take the job within " + timeout.toSeconds() + " s");
    }

    /** Why Flink refused the job, or null. */
    private String refusal() {
        if (!attached.isCompletedExceptionally()) {
            return null;
        }
        try {
            attached.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }
    }

    /** The Flink job id (32 hex digits), or null until submitted. */
    public String jobId() {
        Attachment a = attachment();
        return a == null ? null : a.rest().jobId();
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public JobConfig config() {
        return config;
    }

    @Override
    public PipelineSpec pipeline() {
        return pipeline;
    }

    @Override
    public JobStatus status() {
        return snapshot().status();
    }

    /**
     * The latest poll of the REST API, in the pipeline's operator ids (mapped once per poll); before the
     * submission ended, a CREATED job without subtasks (FAILED, with Flink's reason, when it was refused).
     */
    @Override
    public JobSnapshot snapshot() {
        Attachment a = attachment();
        if (a == null) {
            String refused = refusal();
            return new JobSnapshot(System.nanoTime(), refused == null ? JobStatus.CREATED : JobStatus.FAILED, 0,
                    List.of(), List.of(), List.of(),
                    refused == null ? List.of() : List.of(new FailureEvent(createdMillis, null, -1, refused)),
                    List.of(), -1, false, 1.0);
        }
        RestObservation o = a.rest().observation();
        synchronized (cacheLock) {
            if (o != mappedFrom) {
                mapped = mapping.snapshot(o.snapshot());
                mappedFrom = o;
            }
            return mapped;
        }
    }

    /** Flink's totals, with the records the sources emitted counted at the sources (chained or not). */
    @Override
    public JobSummary summary() {
        Attachment a = attachment();
        JobSnapshot now = snapshot();
        if (a == null) {
            String refused = refusal();
            return new JobSummary(now.status(), 0, 0, 0, List.of(), 0, 0, List.of(), 0, List.of(), refused);
        }
        JobSummary s = a.rest().summary();
        long records = a.run().sourceRecords();
        return new JobSummary(s.status(), s.processingMillis(), records,
                s.processingMillis() == 0 ? 0 : records * 1000.0 / s.processingMillis(), s.operators(),
                s.completedCheckpoints(), s.failedCheckpoints(), now.checkpoints(), s.restarts(), s.sinks(),
                s.failureCause());
    }

    @Override
    public CheckpointOptions checkpointOptions() {
        return config.checkpointOptions();
    }

    @Override
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        return attached.thenCompose(a -> a.rest().triggerCheckpoint()).thenApply(c -> {
            synchronized (cacheLock) {
                return mapping.checkpoint(c);
            }
        });
    }

    @Override
    public CompletableFuture<SavepointResult> triggerSavepoint(Path directory) {
        return attached.thenCompose(a -> a.rest().triggerSavepoint(directory));
    }

    @Override
    public CompletableFuture<SavepointResult> stopWithSavepoint(Path directory, boolean drain) {
        CompletableFuture<SavepointResult> stop = attached.thenCompose(a -> a.rest().stopWithSavepoint(directory, drain));
        lastStop = stop;
        return stop;
    }

    @Override
    public List<SavepointResult> savepoints() {
        Attachment a = attachment();
        return a == null ? List.of() : a.rest().savepoints();
    }

    /** Cancels the job; before it was submitted, as soon as it is. */
    @Override
    public void cancel() {
        cancelRequested = true;
        Attachment a = attachment();
        if (a != null) {
            a.run().cancel();
        }
    }

    /** Waits for the job's end and for a poll that shows it (a refused job has ended). */
    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Attachment a = awaitAttachment(timeout);
        if (a == null) {
            return attached.isCompletedExceptionally();
        }
        if (!a.run().awaitTermination(left(deadline))) {
            return false;
        }
        return a.rest().awaitTermination(left(deadline));
    }

    @Override
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Attachment a = awaitAttachment(timeout);
        return a != null && a.rest().awaitRunning(left(deadline));
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /**
     * Run's client: cancels the job, waits up to 10 s for its end, stops polling and forgets the run. A watcher
     * (File &gt; Connect to Flink, or a job restored from its window) only stops polling: the job runs on.
     */
    @Override
    public void close() {
        if (!ownsJob) {
            attached.thenAccept(a -> a.rest().close());
            return;
        }
        JobClient.super.close();
        Attachment a = attachment();
        if (a != null) {
            a.rest().close();
            a.run().close();
        }
    }

    /** A Flink savepoint's metadata, its operators named by this job's pipeline. */
    @Override
    public Savepoint readSavepoint(Path directory) throws SavepointException {
        return FlinkSavepointMetadata.read(directory, config);
    }

    /**
     * Fails subtask {@code subtask} of the chain that runs {@code operatorId} at its next record: the failure hook
     * wraps every operator but sources, so the chain's first operator that is not a source throws.
     *
     * @return false when the job is not submitted yet or has ended, there is no such subtask, or the chain is a
     *         source alone
     */
    @Override
    public boolean injectFailure(String operatorId, int subtask) {
        Attachment a = attachment();
        if (a == null || a.run().isDone()) {
            return false;
        }
        String vertex = a.run().vertices().vertexOf(operatorId);
        List<String> chain = vertex == null ? List.of(operatorId) : a.run().vertices().operatorsOf(vertex);
        for (String id : chain) {
            OperatorSpec op = pipeline.operator(id).orElse(null);
            if (op != null && !isSource(op) && subtask >= 0 && subtask < op.parallelism()) {
                a.run().injectFailure(id, subtask);
                return true;
            }
        }
        return false;
    }

    private static boolean isSource(OperatorSpec op) {
        return OperatorKind.byJsonName(op.kind()).map(k -> k.role() == OperatorKind.Role.SOURCE).orElse(false);
    }

    @Override
    public List<SinkOutputSnapshot> sinkOutputs(int recentRecords) {
        Attachment a = attachment();
        if (a == null) {
            return List.of();
        }
        return SinkOutputSnapshots.inPipelineOrder(pipeline, a.run().sinkOutputs(), recentRecords);
    }

    /** As {@code run --engine flink} decides: checked when FINISHED or FAILED, unless stopped with a savepoint. */
    @Override
    public List<DeliveryCheck.SinkDelivery> checkDelivery() throws InterruptedException {
        Attachment a = awaitAttachment(Duration.ofMinutes(2));
        if (a == null) {
            return DeliveryCheck.notComputable(config, Map.of(), "Flink did not run the job: " + refusal());
        }
        FlinkRun run = a.run();
        JobStatus status = run.status();
        if (status != JobStatus.FINISHED && status != JobStatus.FAILED) {
            return DeliveryCheck.notComputable(config, run.sinkOutputs(), DeliveryVerdict.NotComputable.of(
                    status.isTerminal() ? DeliveryVerdict.Reason.ENDED_EARLY : DeliveryVerdict.Reason.NOT_ENDED,
                    status));
        }
        CompletableFuture<SavepointResult> stop = lastStop;
        if (stop != null) {
            try {
                stop.get(STOP_SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return DeliveryCheck.notComputable(config, run.sinkOutputs(),
                        DeliveryVerdict.NotComputable.of(DeliveryVerdict.Reason.STOPPED_WITH_SAVEPOINT));
            } catch (ExecutionException e) {
                // no savepoint taken (the job finished first): the job ran to its end
            } catch (TimeoutException e) {
                return DeliveryCheck.notComputable(config, run.sinkOutputs(), DeliveryVerdict.NotComputable.of(
                        DeliveryVerdict.Reason.STOP_NOT_SETTLED, STOP_SETTLE_TIMEOUT.toSeconds()));
            }
        }
        return DeliveryCheck.check(config, run.sinkOutputs());
    }

    @Override
    public String toString() {
        String id = jobId();
        return "Flink job " + (id == null ? "(submitting)" : id) + " (" + pipeline.name() + ", embedded)";
    }
}
