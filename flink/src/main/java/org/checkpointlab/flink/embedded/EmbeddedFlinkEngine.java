package org.checkpointlab.flink.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.configuration.Configuration;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkOptions;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.flink.PipelineTranslator;
import org.checkpointlab.flink.operators.FailurePlan;
import org.checkpointlab.flink.rest.FlinkRestException;
import org.checkpointlab.flink.rest.RestJobClient;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobEngine;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * Apache Flink on a MiniCluster in this process, as an engine the app's Run can choose: the cluster (REST on
 * 127.0.0.1 at a free port, {@value EmbeddedFlinkCluster#DEFAULT_SLOTS} task slots, Flink's default cluster
 * settings) starts once, in the background as soon as the engine is chosen, and serves every job until
 * {@link #shutdown}. Each job is translated as {@code run --engine flink} translates it, submitted, and handed back
 * as an {@link EmbeddedFlinkJobClient} that watches it through the REST API.
 *
 * <p>The local engine's runtime options for watching (buffers of a few records, low-priority subtasks) have no
 * Flink equivalent: jobs here run with Flink's network defaults.
 *
 * <p>Thread-safe.
 */
public final class EmbeddedFlinkEngine implements JobEngine {
    /** How often the REST API is polled: the cluster is in this process, so more often than Flink's web UI. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Map<String, String> clusterSettings;
    private final int slots;
    private CompletableFuture<EmbeddedFlinkCluster> cluster;

    /** The app's engine: Flink's default cluster settings, {@value EmbeddedFlinkCluster#DEFAULT_SLOTS} slots. */
    public EmbeddedFlinkEngine() {
        this(Map.of(), EmbeddedFlinkCluster.DEFAULT_SLOTS);
    }

    public EmbeddedFlinkEngine(Map<String, String> clusterSettings, int slots) {
        this.clusterSettings = Map.copyOf(clusterSettings);
        this.slots = slots;
    }

    @Override
    public String id() {
        return EMBEDDED_FLINK;
    }

    @Override
    public String displayName() {
        return "Embedded Flink";
    }

    /** Starts the cluster on a background thread, once (again after a failed start). */
    @Override
    public synchronized CompletableFuture<Void> prepare() {
        if (cluster == null || cluster.isCompletedExceptionally()
                || (cluster.isDone() && !cluster.join().isRunning())) {
            CompletableFuture<EmbeddedFlinkCluster> starting = new CompletableFuture<>();
            cluster = starting;
            Thread t = new Thread(() -> {
                try {
                    starting.complete(EmbeddedFlinkCluster.start(clusterSettings, slots));
                } catch (FlinkRefusal | RuntimeException e) {
                    starting.completeExceptionally(e);
                }
            }, "start-embedded-flink");
            t.setDaemon(true);
            t.start();
        }
        return cluster.thenApply(c -> null);
    }

    /**
     * What Flink cannot run of {@code config}: settings without a Flink equivalent, operators it cannot translate,
     * cluster settings or task slots the running cluster lacks. Translates the job without submitting it.
     */
    @Override
    public List<String> refusals(JobConfig config) {
        JobConfig onFlink = forFlink(config);
        List<String> problems = new ArrayList<>();
        try {
            FlinkOptions options = FlinkOptions.of(onFlink);
            new PipelineTranslator(onFlink, "refusal-check", FailurePlan.of(onFlink.plannedFailures()))
                    .translate(Configuration.fromMap(options.job()));
            requireCluster(options, onFlink);
        } catch (FlinkRefusal e) {
            problems.addAll(e.problems());
        } catch (RuntimeException e) {
            problems.add("Flink cannot translate the pipeline: " + e.getMessage());
        }
        return problems;
    }

    private void requireCluster(FlinkOptions options, JobConfig config) throws FlinkRefusal {
        int needed = config.pipeline().operators().stream()
                .mapToInt(op -> config.parallelism().getOrDefault(op.id(), op.parallelism())).max().orElse(1);
        if (needed > slots) {
            throw new FlinkRefusal(List.of("parallelism " + needed + ": the embedded Flink cluster has " + slots
                    + " task slots"));
        }
        for (Map.Entry<String, String> e : options.cluster().entrySet()) {
            boolean flinkDefault = "jobmanager.execution.failover-strategy".equals(e.getKey())
                    && "region".equals(e.getValue());
            if (!flinkDefault && !e.getValue().equals(clusterSettings.get(e.getKey()))) {
                throw new FlinkRefusal(List.of(e.getKey() + "=" + e.getValue() + ": the embedded Flink cluster "
                        + "runs with " + clusterSettings.getOrDefault(e.getKey(), "Flink's default")
                        + ", set when it started"));
            }
        }
    }

    /**
     * Hands back the job's client at once and submits {@code config} to the cluster on a thread of its own (waiting
     * for the cluster if it is still starting), then watches the job through its REST API; so Run never waits for
     * Flink. A job Flink refuses on submit ends FAILED with Flink's reason.
     *
     * @throws PipelineException when the pipeline does not validate (with the run's overrides); nothing runs then
     */
    @Override
    public JobClient start(JobConfig config) throws PipelineException {
        JobConfig onFlink = forFlink(config);
        PipelineSpec pipeline;
        try {
            pipeline = new PipelineTranslator(onFlink, "pipeline-check", FailurePlan.of(onFlink.plannedFailures()))
                    .pipeline();
        } catch (FlinkRefusal e) {
            throw new PipelineException(e.problems());
        }
        CompletableFuture<EmbeddedFlinkJobClient.Attachment> attached = new CompletableFuture<>();
        Thread submitter = new Thread(() -> {
            try {
                attached.complete(submit(onFlink));
            } catch (PipelineException e) {
                attached.completeExceptionally(new IllegalStateException(String.join("; ", e.problems()), e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attached.completeExceptionally(new IllegalStateException("interrupted while submitting to Flink", e));
            } catch (RuntimeException e) {
                attached.completeExceptionally(e);
            }
        }, "submit-to-embedded-flink");
        submitter.setDaemon(true);
        submitter.start();
        return new EmbeddedFlinkJobClient(onFlink, pipeline, attached);
    }

    private EmbeddedFlinkJobClient.Attachment submit(JobConfig onFlink)
            throws PipelineException, InterruptedException {
        EmbeddedFlinkCluster running = awaitCluster();
        FlinkRun run;
        try {
            run = FlinkRun.submit(running, onFlink);
        } catch (FlinkRefusal e) {
            throw new PipelineException(e.problems());
        }
        try {
            RestJobClient rest = RestJobClient.attach(running.restAddress(), run.jobId().toHexString(),
                    POLL_INTERVAL);
            return new EmbeddedFlinkJobClient.Attachment(run, rest);
        } catch (FlinkRestException | InterruptedException | RuntimeException e) {
            run.close();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new PipelineException("the job runs on Flink but its REST API did not answer: " + e.getMessage());
        }
    }

    private EmbeddedFlinkCluster awaitCluster() throws PipelineException {
        prepare();
        CompletableFuture<EmbeddedFlinkCluster> starting;
        synchronized (this) {
            starting = cluster;
        }
        try {
            return starting.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FlinkRefusal refusal) {
                throw new PipelineException(refusal.problems());
            }
            throw new PipelineException("the embedded Flink cluster did not start: " + cause);
        }
    }

    /** The run as Flink runs it: the local engine's runtime options for watching do not apply. */
    static JobConfig forFlink(JobConfig config) {
        return config.withRuntimeOptions(RuntimeOptions.defaults());
    }

    /** Closes the cluster; its jobs end. A later start starts a new one. */
    @Override
    public void shutdown() {
        CompletableFuture<EmbeddedFlinkCluster> started;
        synchronized (this) {
            started = cluster;
            cluster = null;
        }
        if (started != null) {
            started.thenAccept(EmbeddedFlinkCluster::close);
        }
    }

    /** The cluster's REST address once it runs, else null. */
    public synchronized String restAddress() {
        return cluster != null && cluster.isDone() && !cluster.isCompletedExceptionally()
                ? cluster.join().restAddress().toString() : null;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
