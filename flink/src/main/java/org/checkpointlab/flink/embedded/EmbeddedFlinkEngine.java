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
    /** How long {@link #startWatched} waits for Flink to take a job (it restores the savepoint meanwhile). */
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(2);

    private final Map<String, String> clusterSettings;
    private final int slots;
    private CompletableFuture<EmbeddedFlinkCluster> cluster;
    /** The jobs this engine submitted, by Flink job id: their programs, so a watcher can restore them. */
    private final Map<String, Submitted> submitted = new java.util.concurrent.ConcurrentHashMap<>();

    /** A job this engine submitted: its configuration as run, the pipeline as translated, and the run. */
    private record Submitted(JobConfig config, PipelineSpec pipeline, FlinkRun run) {
    }

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
        return start(config, true);
    }

    /**
     * As {@link #start}, but returns only once Flink took the job (or refused it, with its reason: a savepoint it
     * cannot restore, one that is gone), so a caller replacing another job with it keeps that one on a refusal;
     * and the client handed back only watches: closing it stops watching and the job runs on (a job restored from
     * a watched job's window, which is closed without ending the job). Blocks: call it off the UI thread.
     */
    public JobClient startWatched(JobConfig config) throws PipelineException {
        EmbeddedFlinkJobClient client = start(config, false);
        try {
            client.awaitSubmission(SUBMIT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while submitting to Flink");
        }
        return client;
    }

    private EmbeddedFlinkJobClient start(JobConfig config, boolean ownsJob) throws PipelineException {
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
                attached.complete(submit(onFlink, pipeline));
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
        return new EmbeddedFlinkJobClient(onFlink, pipeline, attached, ownsJob);
    }

    private EmbeddedFlinkJobClient.Attachment submit(JobConfig onFlink, PipelineSpec pipeline)
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
            submitted.put(run.jobId().toHexString(), new Submitted(onFlink, pipeline, run));
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
        submitted.clear();
        if (started != null) {
            started.thenAccept(EmbeddedFlinkCluster::close);
        }
    }

    /**
     * Watches job {@code jobId} of this engine's cluster as Run's client shows it (in the pipeline's operator ids,
     * with its sinks' output and the restore dialog's reading of its savepoints), through a REST watcher of its
     * own polling every {@code interval}; closing the client stops watching, the job runs on.
     *
     * @return null when this engine did not submit the job (or its cluster is not running)
     */
    public JobClient watch(String jobId, Duration interval) throws FlinkRestException, InterruptedException {
        Submitted job = submitted.get(jobId);
        String address = restAddress();
        if (job == null || address == null) {
            return null;
        }
        RestJobClient rest = RestJobClient.attach(java.net.URI.create(address), jobId, interval);
        return new EmbeddedFlinkJobClient(job.config(), job.pipeline(),
                CompletableFuture.completedFuture(new EmbeddedFlinkJobClient.Attachment(job.run(), rest)), false);
    }

    /**
     * Whether {@code address} (as a user typed it, already a URL) is this engine's running cluster: the port of its
     * REST API on this machine's loopback address, where it listens.
     */
    public boolean isClusterAt(java.net.URI address) {
        String own = restAddress();
        if (own == null || address.getHost() == null) {
            return false;
        }
        String host = address.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1");
        return local && address.getPort() == java.net.URI.create(own).getPort();
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
