package org.checkpointlab.flink;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.checkpointlab.flink.operators.FailurePlan;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.SinkOutput;

/**
 * One run of a pipeline on an embedded Flink cluster: translated, submitted, awaited, and summed up in the engine's
 * terms ({@link JobSummary}, the sinks' {@link SinkOutput}s for the delivery check). Refusals happen in
 * {@link #submit}, before anything runs.
 */
public final class FlinkRun implements AutoCloseable {
    private final EmbeddedFlinkCluster cluster;
    private final RunRegistry registry;
    private final PipelineSpec pipeline;
    private final JobID jobId;
    private final long startMillis;
    private final CompletableFuture<JobResult> result;
    private final VertexOperators vertices;

    private FlinkRun(EmbeddedFlinkCluster cluster, RunRegistry registry, PipelineSpec pipeline, JobID jobId,
                     long startMillis, VertexOperators vertices) {
        this.cluster = cluster;
        this.vertices = vertices;
        this.registry = registry;
        this.pipeline = pipeline;
        this.jobId = jobId;
        this.startMillis = startMillis;
        this.result = cluster.miniCluster().requestJobResult(jobId);
    }

    /**
     * Translates {@code config} and submits it to {@code cluster}.
     *
     * @throws FlinkRefusal naming what Flink cannot run, or why the submission failed; nothing runs then
     */
    public static FlinkRun submit(EmbeddedFlinkCluster cluster, JobConfig config) throws FlinkRefusal {
        FlinkOptions options = FlinkOptions.of(config);
        long startMillis = System.currentTimeMillis();
        String runId = UUID.randomUUID().toString();
        PipelineTranslator translator = new PipelineTranslator(config, runId,
                FailurePlan.of(config.plannedFailures()));
        cluster.requireSettings(options.cluster(), slotsNeeded(translator.pipeline()));
        RunRegistry registry = RunRegistry.register(runId, config.outputDir(), config.restore() != null);
        openSinkOutputs(translator.pipeline(), registry);
        try {
            StreamGraph graph = translator.translate(Configuration.fromMap(options.job()));
            org.apache.flink.runtime.jobgraph.JobGraph jobGraph = graph.getJobGraph();
            VertexOperators vertices = VertexOperators.of(jobGraph, translator.pipeline());
            JobID jobId = cluster.miniCluster().submitJob(jobGraph).get(60, TimeUnit.SECONDS).getJobID();
            FlinkRun run = new FlinkRun(cluster, registry, translator.pipeline(), jobId, startMillis, vertices);
            run.requireInitialized();
            return run;
        } catch (FlinkRefusal e) {
            registry.unregister();
            throw e;
        } catch (InterruptedException e) {
            registry.unregister();
            Thread.currentThread().interrupt();
            throw new FlinkRefusal("interrupted while submitting the job to Flink", e);
        } catch (Exception e) {
            registry.unregister();
            throw new FlinkRefusal("Flink refused the job on submit: " + EmbeddedFlinkCluster.rootMessage(e), e);
        }
    }


    /** Every sink that keeps output has one from the start, so a run that commits nothing still lists it. */
    private static void openSinkOutputs(PipelineSpec pipeline, RunRegistry registry) {
        for (OperatorSpec op : pipeline.operators()) {
            OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElse(null);
            if (kind == OperatorKind.COLLECT_SINK) {
                registry.sinks().output(op.id(), null);
            } else if (kind == OperatorKind.TRANSACTIONAL_SINK) {
                registry.sinks().output(op.id(), kind.paramsOf(op).find("path")
                        .map(p -> java.nio.file.Path.of(p.toString())).orElse(null));
            }
        }
    }

    /**
     * Waits until Flink has initialized the job (restored its savepoint, created its execution graph); a job that
     * fails there was refused on submit.
     */
    private void requireInitialized() throws FlinkRefusal, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!result.isDone() && System.nanoTime() < deadline) {
            try {
                org.apache.flink.api.common.JobStatus s = cluster.miniCluster().getJobStatus(jobId)
                        .get(10, TimeUnit.SECONDS);
                if (s != org.apache.flink.api.common.JobStatus.INITIALIZING) {
                    break;
                }
            } catch (ExecutionException | TimeoutException e) {
                break;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        if (result.isDone() && initializationFailed()) {
            registry.unregister();
            throw new FlinkRefusal(List.of("Flink could not start the job: " + failureCause()));
        }
    }

    private boolean initializationFailed() {
        try {
            JobResult r = result.get();
            if (r.getSerializedThrowable().isEmpty()) {
                return false;
            }
            for (Throwable t = r.getSerializedThrowable().get().deserializeError(getClass().getClassLoader());
                 t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.apache.flink.runtime.client.JobInitializationException) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Slots the job takes on one task manager: its highest parallelism (all operators share slots). */
    static int slotsNeeded(PipelineSpec pipeline) {
        return pipeline.operators().stream().mapToInt(OperatorSpec::parallelism).max().orElse(1);
    }

    public JobID jobId() {
        return jobId;
    }

    public PipelineSpec pipeline() {
        return pipeline;
    }

    /** Which operators each job vertex runs (vertex ids as Flink's REST API shows them). */
    public VertexOperators vertices() {
        return vertices;
    }

    /** The cluster the job runs on. */
    public EmbeddedFlinkCluster cluster() {
        return cluster;
    }

    /** Waits until the job has ended or {@code timeout} passed; true when it ended. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        try {
            result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /**
     * Waits until every task of the job runs (Flink has deployed them all) or the job has ended, at most
     * {@code timeout}: times the user gives (duration, savepoints) count from then, as on the local engine, whose
     * tasks run as soon as the job starts.
     *
     * @return whether every task runs
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        FlinkRestClient rest = new FlinkRestClient(cluster.restAddress());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!result.isDone() && System.nanoTime() < deadline) {
            if (allTasksRunning(rest)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private boolean allTasksRunning(FlinkRestClient rest) throws InterruptedException {
        try {
            JsonElement vertices = rest.get("/jobs/" + jobId).get("vertices");
            if (vertices == null || !vertices.isJsonArray() || vertices.getAsJsonArray().isEmpty()) {
                return false;
            }
            for (JsonElement v : vertices.getAsJsonArray()) {
                if (!"RUNNING".equals(FlinkRestClient.getString(v.getAsJsonObject(), "status"))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the job has ended. */
    public boolean isDone() {
        return result.isDone();
    }

    /** Cancels the job (no-op when it has ended). */
    public void cancel() {
        if (!result.isDone()) {
            cluster.miniCluster().cancelJob(jobId);
        }
    }

    /**
     * Stops the job with a savepoint into {@code directory} (Flink's stop-with-savepoint; with {@code drain}, its
     * {@code --drain}); the job then ends FINISHED. Retried while not every task runs, as {@link #triggerSavepoint}.
     *
     * @return the savepoint's path
     */
    public String stopWithSavepoint(java.nio.file.Path directory, boolean drain, Duration timeout) throws Exception {
        String target = directory.toAbsolutePath().toUri().toString();
        return whenAllTasksRun(() -> cluster.miniCluster().stopWithSavepoint(jobId, target, drain,
                SavepointFormatType.CANONICAL), timeout);
    }

    /**
     * Takes a savepoint into {@code directory} while the job runs on (Flink's canonical format). Flink refuses a
     * savepoint while a task is not running (still deploying, or restarting): then it is tried again until
     * {@code timeout}.
     *
     * @return the savepoint's path
     */
    public String triggerSavepoint(java.nio.file.Path directory, Duration timeout) throws Exception {
        String target = directory.toAbsolutePath().toUri().toString();
        return whenAllTasksRun(() -> cluster.miniCluster().triggerSavepoint(jobId, target, false,
                SavepointFormatType.CANONICAL), timeout);
    }

    private String whenAllTasksRun(java.util.function.Supplier<CompletableFuture<String>> savepoint, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return savepoint.get().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                        TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!notAllTasksRunning(e) || System.nanoTime() > deadline || result.isDone()) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean notAllTasksRunning(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Not all required tasks are currently running")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes subtask {@code subtask} of operator {@code operatorId} (not a source) fail at its next record, through
     * the failure hook around every translated operator; Flink then recovers as its restart strategy says.
     */
    public void injectFailure(String operatorId, int subtask) {
        registry.requestFailure(operatorId, subtask);
    }

    /** Failures requested by {@link #injectFailure} that were thrown so far. */
    public long injectedFailures() {
        return registry.failuresThrown();
    }

    /** What each sink made visible so far, by sink id. */
    public Map<String, SinkOutput> sinkOutputs() {
        return registry.sinks().outputs();
    }

    /** The job's status now. */
    public JobStatus status() {
        try {
            return toStatus(cluster.miniCluster().getJobStatus(jobId).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            return result.isDone() ? JobStatus.FAILED : JobStatus.RUNNING;
        }
    }

    /** Records all sources emitted so far, replays included. */
    public long sourceRecords() {
        long n = 0;
        for (OperatorSpec op : pipeline.operators()) {
            if (isSource(op)) {
                n += registry.recordsOut(op.id()).sum();
            }
        }
        return n;
    }

    /** The summary of the ended job (call after {@link #awaitTermination} returned true). */
    public JobSummary summary() throws InterruptedException {
        return FlinkRunSummary.of(this, registry, new FlinkRestClient(cluster.restAddress()), startMillis);
    }

    /** The deepest cause of the job's failure, or null when it did not fail. */
    String failureCause() {
        if (!result.isDone()) {
            return null;
        }
        try {
            JobResult r = result.get();
            if (r.getSerializedThrowable().isEmpty()) {
                return null;
            }
            Throwable t = r.getSerializedThrowable().get().deserializeError(getClass().getClassLoader());
            return EmbeddedFlinkCluster.rootMessage(t);
        } catch (Exception e) {
            return EmbeddedFlinkCluster.rootMessage(e);
        }
    }

    static boolean isSource(OperatorSpec op) {
        return OperatorKind.byJsonName(op.kind()).map(k -> k.role() == OperatorKind.Role.SOURCE).orElse(false);
    }

    /** Flink's job status in the engine's terms (a job being cancelled still runs; a suspended one restarts). */
    static JobStatus toStatus(org.apache.flink.api.common.JobStatus flink) {
        return switch (flink) {
            case INITIALIZING, CREATED, RECONCILING -> JobStatus.CREATED;
            case RUNNING, CANCELLING -> JobStatus.RUNNING;
            case FAILING -> JobStatus.FAILING;
            case RESTARTING, SUSPENDED -> JobStatus.RESTARTING;
            case FINISHED -> JobStatus.FINISHED;
            case CANCELED -> JobStatus.CANCELED;
            case FAILED -> JobStatus.FAILED;
        };
    }

    /** Forgets the run's registry entry; the job is cancelled if still running. */
    @Override
    public void close() {
        cancel();
        registry.unregister();
    }
}
