package org.checkpointlab.flink.rest;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.TaskSlots;
import org.checkpointlab.model.client.UnsupportedCapabilityException;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * A {@link JobClient} for one job of any Flink cluster (1.18 to 2.x), through its REST API: a background thread
 * polls the job at an interval (Flink's web UI: {@code web.refresh-interval}, 3 s) and every reading method
 * serves the latest poll, so a UI thread never waits on the network. Commands (checkpoint, savepoint, stop,
 * cancel) run on the same thread and answer futures.
 *
 * <p>Flink's REST API shows no channel buffers and has no pause, slow motion or failure injection, and checkpoint
 * options cannot change while the job runs: none of those capabilities is declared. A job run by Flink's adaptive
 * scheduler (1.18+) can be rescaled in place ({@link Capability#RESCALE_IN_PLACE}); whether it is, is asked once
 * when attaching ({@link RestResourceRequirements}). Restart events carry no times
 * in Flink's REST API: a snapshot counts restarts in {@link JobSnapshot#attempt()} and lists none.
 *
 * <p>Threading: every method is thread-safe; only {@link #attach}, {@link #awaitTermination},
 * {@link #awaitRunning} and {@link #awaitObservation} block.
 */
public final class RestJobClient implements JobClient {
    /** Flink's {@code web.refresh-interval}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    /** How often {@link #attach} reads a job that answers HTTP 5xx, and the pause between. */
    private static final int ATTACH_ATTEMPTS = 5;
    private static final Duration ATTACH_RETRY_PAUSE = Duration.ofMillis(200);
    /** How long to wait for Flink's checkpoint statistics cache to show an operation's checkpoint. */
    private static final Duration STATISTICS_WAIT = Duration.ofSeconds(30);

    private final FlinkRestApi api;
    private final String jobId;
    private final FlinkClusterProbe.ClusterInfo cluster;
    private final Duration interval;
    private final CheckpointOptions options;
    private final RestJobPoller poller;
    private final ScheduledExecutorService executor;
    private final RestTriggers triggers;
    private final List<SavepointResult> savepoints = new ArrayList<>();
    private final Object lock = new Object();
    private final java.util.concurrent.ScheduledFuture<?> polling;
    /** Why the job cannot be rescaled in place (its scheduler), or null when it can. */
    private final String notRescalable;
    private RestObservation latest;
    private long polls;

    private RestJobClient(FlinkRestApi api, String jobId, FlinkClusterProbe.ClusterInfo cluster,
                          CheckpointOptions options, RestJobPoller poller, RestObservation first, Duration interval,
                          String notRescalable) {
        this.api = api;
        this.notRescalable = notRescalable;
        this.jobId = jobId;
        this.cluster = cluster;
        this.interval = interval;
        this.options = options;
        this.poller = poller;
        this.latest = first;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flink-rest-poller " + jobId);
            t.setDaemon(true);
            return t;
        });
        this.triggers = new RestTriggers(api, executor, Duration.ofMillis(Math.min(200, interval.toMillis())));
        this.polling = executor.scheduleWithFixedDelay(this::pollOnce, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Attaches to {@code jobId} (or the cluster's only running job when null) at {@code url} and reads it once;
     * then polls every {@code interval}. Blocks for the first reading: call it off the UI thread.
     *
     * @throws FlinkRestException naming the URL (and job) when nothing answers there, the answer is not Flink's, or
     *                            there is no such job
     */
    public static RestJobClient attach(URI url, String jobId, Duration interval) throws FlinkRestException,
            InterruptedException {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + interval);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return attachOnce(url, jobId, interval);
            } catch (FlinkRestException e) {
                // Flink 2.x answers HTTP 500 now and then while several clients read one job (its execution-graph
                // cache cancels a pending read) or while it deploys a job: read again a few times.
                if (e.httpStatus() < 500 || attempt == ATTACH_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(ATTACH_RETRY_PAUSE.toMillis());
            }
        }
    }

    private static RestJobClient attachOnce(URI url, String jobId, Duration interval) throws FlinkRestException,
            InterruptedException {
        FlinkRestApi api = new FlinkRestApi(url, HTTP_TIMEOUT);
        FlinkClusterProbe.ClusterInfo cluster = FlinkClusterProbe.clusterInfo(api);
        String id = FlinkClusterProbe.pickJob(api, jobId).id();
        CheckpointOptions options = RestJobParser.checkpointOptions(
                api.getObject("/jobs/" + id + "/checkpoints/config"));
        RestJobPoller poller = new RestJobPoller(api, id);
        String notRescalable = RestResourceRequirements.whyNotRescalable(api, id).orElse(null);
        return new RestJobClient(api, id, cluster, options, poller, poller.poll(), interval, notRescalable);
    }

    /** Attaches at Flink's default interval. */
    public static RestJobClient attach(URI url, String jobId) throws FlinkRestException, InterruptedException {
        return attach(url, jobId, DEFAULT_INTERVAL);
    }

    private void pollOnce() {
        RestObservation next;
        try {
            next = poller.poll();
        } catch (FlinkRestException e) {
            RestObservation last = observation();
            next = e.notFound()
                    ? last.withError("job " + jobId + " is no longer on the Flink cluster at " + api.address(), true)
                    : last.withError(e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            next = observation().withError("unexpected answer from " + api.address() + ": " + e, false);
        }
        synchronized (lock) {
            latest = next;
            polls++;
            lock.notifyAll();
        }
        if (next.vanished() || next.snapshot().status().isTerminal()) {
            polling.cancel(false); // a last poll saw the end: nothing changes any more; commands still run
        }
    }

    /** The latest poll. */
    public RestObservation observation() {
        synchronized (lock) {
            return latest;
        }
    }

    /** The Flink job id (32 hex digits). */
    public String jobId() {
        return jobId;
    }

    /** Flink's version as the cluster reports it, e.g. {@code 2.3.0}. */
    public String flinkVersion() {
        return cluster.flinkVersion();
    }

    /**
     * How old the polled data may be: Flink caches job answers for its {@code web.refresh-interval} (checkpoint
     * statistics by default as long), plus the poll interval.
     */
    public Duration staleness() {
        return cluster.refreshInterval().plus(interval);
    }

    /** The cluster's REST address. */
    public String address() {
        return api.address();
    }

    /** Why the latest poll failed (the data shown are older), or null. */
    public String lastError() {
        return observation().error();
    }

    /**
     * Waits for a poll after this call whose observation satisfies {@code condition}; false on timeout or when
     * polling ended first.
     */
    public boolean awaitObservation(Predicate<RestObservation> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long start = polls;
            while (true) {
                if (polls > start && condition.test(latest)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (polling.isDone() && polls > start)) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** {@link Capability#RESCALE_IN_PLACE} when the job runs under Flink's adaptive scheduler; nothing else. */
    @Override
    public Set<Capability> capabilities() {
        return notRescalable == null ? Set.of(Capability.RESCALE_IN_PLACE) : Set.of();
    }

    /**
     * {@code PUT /jobs/:jid/resource-requirements} with the new upper bounds of these job vertices (by vertex id):
     * Flink's adaptive scheduler restarts the job from its latest checkpoint at the new parallelism when it has the
     * slots and its cooldown since the last rescale has passed ({@link RestResourceRequirements}); polls then show
     * the new subtasks.
     *
     * @throws UnsupportedCapabilityException saying why, when the job's scheduler cannot
     */
    @Override
    public CompletableFuture<Void> rescaleInPlace(Map<String, Integer> parallelism) {
        if (notRescalable != null) {
            throw new UnsupportedCapabilityException(Capability.RESCALE_IN_PLACE,
                    notRescalable);
        }
        return RestResourceRequirements.request(api, jobId, observation().vertices(), parallelism, triggers);
    }

    /** Flink's {@code /overview}: {@code slots-total}, {@code slots-available}; unknown when it does not answer. */
    @Override
    public TaskSlots taskSlots() throws InterruptedException {
        return FlinkClusterProbe.taskSlots(api);
    }

    @Override
    public JobConfig config() {
        return JobConfig.of(pipeline()).withCheckpointOptions(options);
    }

    @Override
    public PipelineSpec pipeline() {
        return observation().pipeline();
    }

    @Override
    public JobStatus status() {
        return observation().snapshot().status();
    }

    @Override
    public JobSnapshot snapshot() {
        return observation().snapshot();
    }

    @Override
    public JobSummary summary() {
        return RestSummaries.summary(observation());
    }

    /** The options Flink reported when this client attached ({@code /checkpoints/config}). */
    @Override
    public CheckpointOptions checkpointOptions() {
        return options;
    }

    /** {@code POST /jobs/:jid/checkpoints} (Flink 1.17+); completes with the checkpoint's statistics. */
    @Override
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        JsonObject body = new JsonObject();
        body.addProperty("checkpointType", "CONFIGURED");
        return triggers.trigger("checkpoint of job " + jobId, "/jobs/" + jobId + "/checkpoints",
                "/jobs/" + jobId + "/checkpoints", body,
                operation -> RestJson.getLong(operation, "checkpointId", -1))
                .thenCompose(this::readCheckpoint);
    }

    /**
     * The statistics of checkpoint {@code id} once it ended, as soon as Flink shows them: its statistics cache
     * ({@code rest.cache.checkpoint-statistics.timeout}) may answer 404 for a while.
     */
    private CompletableFuture<CheckpointStats> readCheckpoint(long id) {
        List<String> vertices = observation().vertices().stream().map(RestJobParser.Vertex::id).toList();
        return triggers.retry("statistics of checkpoint " + id + " of job " + jobId, () -> {
            JsonObject details;
            try {
                details = api.getObject("/jobs/" + jobId + "/checkpoints/details/" + id);
            } catch (FlinkRestException e) {
                if (e.notFound()) {
                    return null;
                }
                throw e;
            }
            if (RestCheckpoints.status(details) == CheckpointStatus.IN_PROGRESS) {
                return null;
            }
            return RestCheckpoints.checkpoint(details, poller.subtaskAnswers(id, vertices));
        }, triggers.triesFor(STATISTICS_WAIT), null);
    }

    /** {@code POST /jobs/:jid/savepoints}; {@code directory} is a path on the cluster's file system. */
    @Override
    public CompletableFuture<SavepointResult> triggerSavepoint(Path directory) {
        JsonObject body = new JsonObject();
        body.addProperty("target-directory", directory.toAbsolutePath().toString());
        body.addProperty("cancel-job", false);
        return savepoint("savepoint of job " + jobId, "/jobs/" + jobId + "/savepoints", body);
    }

    /** {@code POST /jobs/:jid/stop} with {@code drain}; the job ends FINISHED. */
    @Override
    public CompletableFuture<SavepointResult> stopWithSavepoint(Path directory, boolean drain) {
        JsonObject body = new JsonObject();
        body.addProperty("targetDirectory", directory.toAbsolutePath().toString());
        body.addProperty("drain", drain);
        return savepoint("stop with savepoint of job " + jobId, "/jobs/" + jobId + "/stop", body);
    }

    private CompletableFuture<SavepointResult> savepoint(String what, String path, JsonObject body) {
        long started = System.nanoTime();
        return triggers.trigger(what, path, "/jobs/" + jobId + "/savepoints", body,
                        operation -> RestJson.getString(operation, "location"))
                .thenCompose(location -> {
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    // Its id and size, once Flink's statistics cache shows it as the latest savepoint.
                    return triggers.retry(what, () -> RestSummaries.savepoint(api, jobId, location, millis),
                            triggers.triesFor(STATISTICS_WAIT),
                            new SavepointResult(RestTriggers.location(location), -1, 0, millis));
                }).thenApply(result -> {
                    synchronized (savepoints) {
                        savepoints.add(result);
                    }
                    return result;
                });
    }

    @Override
    public List<SavepointResult> savepoints() {
        synchronized (savepoints) {
            return List.copyOf(savepoints);
        }
    }

    /** {@code PATCH /jobs/:jid?mode=cancel}, sent from the poller thread. */
    @Override
    public void cancel() {
        executor.execute(() -> {
            try {
                api.patch("/jobs/" + jobId + "?mode=cancel");
            } catch (FlinkRestException e) {
                synchronized (lock) {
                    latest = latest.withError("cancel of job " + jobId + " failed: " + e.getMessage(),
                            latest.vanished());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Waits until a poll sees the job ended (or gone from the cluster). */
    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Predicate<RestObservation> ended = o -> o.vanished() || o.snapshot().status().isTerminal();
        return ended.test(observation()) || awaitObservation(ended, timeout);
    }

    /** Waits until a poll sees every subtask RUNNING; false on timeout or when the job ended first. */
    @Override
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        Predicate<RestObservation> running = o -> o.snapshot().status() == JobStatus.RUNNING
                && !o.snapshot().subtasks().isEmpty()
                && o.snapshot().subtasks().stream().allMatch(s -> s.status() == SubtaskStatus.RUNNING);
        return running.test(observation()) || awaitObservation(running, timeout);
    }

    /** Stops polling; the job on the cluster goes on (a watcher does not own it: use {@link #cancel} for that). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "Flink job " + jobId + " at " + api.address();
    }
}
