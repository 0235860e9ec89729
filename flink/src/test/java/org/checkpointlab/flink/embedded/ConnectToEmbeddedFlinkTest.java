package org.checkpointlab.flink.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.checkpointlab.flink.rest.FlinkClusterConnector;
import org.checkpointlab.flink.rest.FlinkRestApi;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.ClusterConnection;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File &gt; Connect to Flink's classes (the connector, the cluster connection, the job clients it opens) against the
 * embedded Flink's real REST server, watching {@code samples/word-count.json} run there as the app's Run submits it:
 * the vertices and parallelism Flink reports, subtask metrics within Flink's metric refresh, the completed
 * checkpoints with Flink's ids and durations, a savepoint (and one that fails on the cluster), stop with savepoint,
 * and a restore from the savepoint at new parallelism through the connection's resubmission, whose new subtasks the
 * watcher shows; a restore from a savepoint that is gone is refused with Flink's reason.
 */
class ConnectToEmbeddedFlinkTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);
    /** The embedded cluster's {@code metrics.fetcher.update-interval}. */
    private static final Duration METRIC_REFRESH = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    private final EmbeddedFlinkEngine engine = new EmbeddedFlinkEngine();
    private final List<AutoCloseable> toClose = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        engine.shutdown();
    }

    @Test
    void watchesTheSampleOnTheEmbeddedClusterAndRestoresItAtNewParallelism() throws Exception {
        JobConfig config = JobConfig.of(PipelineLoader.validating().load(Path.of("..", "samples", "word-count.json")))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(300)))
                .withOutputDir(dir.resolve("out"));
        JobClient run = track(engine.start(config)); // as the app's Run starts it
        assertThat(run.awaitRunning(WAIT)).isTrue();
        String jobId = ((EmbeddedFlinkJobClient) run).jobId();
        String address = engine.restAddress();

        // Connect to Flink with the address: the job is listed, RUNNING.
        ClusterConnection cluster = new EmbeddedClusterConnector(new FlinkClusterConnector(POLL), engine, POLL)
                .connect(address);
        assertThat(cluster.engine()).isEqualTo("Flink 2.3.0");
        assertThat(cluster.jobs()).extracting(ClusterJob::id, ClusterJob::state).contains(tuple(jobId, "RUNNING"));

        // As any Flink cluster's job: one operator per job vertex, named and sized as Flink's REST reports them.
        JsonObject flinkJob = rest(address, "/jobs/" + jobId);
        Map<String, Integer> vertices = new HashMap<>();
        for (JsonElement v : flinkJob.getAsJsonArray("vertices")) {
            vertices.put(v.getAsJsonObject().get("name").getAsString(),
                    v.getAsJsonObject().get("parallelism").getAsInt());
        }
        assertThat(vertices).hasSize(2); // sentences+split and count+output are chained
        try (JobClient plain = new FlinkClusterConnector(POLL).connect(address).open(jobId)) {
            Map<String, Integer> seen = new HashMap<>();
            plain.pipeline().operators().forEach(op -> seen.put(op.name(), op.parallelism()));
            assertThat(seen).isEqualTo(vertices);
            assertThat(plain.snapshot().subtasks()).hasSize(4);
        }

        // The app's own job: the pipeline's operators, as Run shows them; closing this watcher leaves the job alone.
        JobClient watcher = track(cluster.open(jobId));
        assertThat(watcher).isInstanceOf(EmbeddedFlinkJobClient.class);
        assertThat(watcher.pipeline().operators()).extracting(OperatorSpec::id, OperatorSpec::parallelism)
                .containsExactly(tuple("sentences", 2), tuple("split", 2), tuple("count", 2), tuple("output", 2));
        assertThat(watcher.awaitRunning(WAIT)).isTrue();
        long runningAt = System.nanoTime();

        // Subtask metrics: busy + back-pressured + idle time make up each subtask's second once Flink's metric
        // store has fetched them (every METRIC_REFRESH) and the watcher polled after that; timed from RUNNING.
        await(() -> watcher.snapshot().subtasks().size() == 4 && watcher.snapshot().subtasks().stream()
                .allMatch(s -> s.busyMsPerSecond() + s.backPressuredMsPerSecond() + s.idleMsPerSecond() > 900),
                WAIT, "busy/back-pressured/idle time of every subtask");
        Duration metricsAfter = Duration.ofNanos(System.nanoTime() - runningAt);
        System.out.printf("subtask metrics seen %d ms after the job ran (metric refresh %d ms, poll %d ms)%n",
                metricsAfter.toMillis(), METRIC_REFRESH.toMillis(), POLL.toMillis());
        // One refresh and a poll on a quiet machine; a bound of many, since the machine running the tests is shared.
        assertThat(metricsAfter).isLessThan(METRIC_REFRESH.plus(POLL).multipliedBy(25));

        // Completed checkpoints: the ids and end-to-end durations Flink's REST reports.
        await(() -> completed(watcher).size() >= 3, WAIT, "three completed checkpoints");
        JsonObject history = rest(address, "/jobs/" + jobId + "/checkpoints");
        int compared = 0;
        for (JsonElement e : history.getAsJsonArray("history")) {
            JsonObject c = e.getAsJsonObject();
            if (!"COMPLETED".equals(c.get("status").getAsString())) {
                continue;
            }
            CheckpointStats mine = completed(watcher).stream().filter(s -> s.id() == c.get("id").getAsLong())
                    .findFirst().orElse(null);
            if (mine != null) {
                assertThat(mine.endToEndMillis()).as("checkpoint %d", mine.id())
                        .isEqualTo(c.get("end_to_end_duration").getAsLong());
                assertThat(mine.subtasks()).extracting(s -> s.operatorId()).containsOnly("sentences", "count");
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);

        // A savepoint into a path that is a file fails on the cluster: named, and the job runs on.
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> watcher.triggerSavepoint(notADirectory.resolve("sp")).get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("failed on the Flink cluster");
        assertThat(watcher.status()).isEqualTo(JobStatus.RUNNING);

        // A savepoint through the watcher: its files are there, and the restore dialog reads them by operator id.
        SavepointResult savepoint = watcher.triggerSavepoint(dir.resolve("savepoints")).get(60, TimeUnit.SECONDS);
        assertThat(savepoint.path().resolve("_metadata")).isRegularFile();
        Savepoint read = watcher.readSavepoint(savepoint.path());
        assertThat(read.metadata().checkpointId()).isEqualTo(savepoint.checkpointId());
        SavepointMetadata.OperatorEntry counts = read.operator("count");
        assertThat(counts.parallelism()).isEqualTo(2);
        assertThat(counts.maxParallelism()).isEqualTo(128);
        assertThat(counts.subtasks()).extracting(SavepointMetadata.SubtaskEntry::keyGroupStart,
                SavepointMetadata.SubtaskEntry::keyGroupEnd).containsExactly(tuple(0, 63), tuple(64, 127));
        assertThat(counts.subtasks()).allSatisfy(s -> assertThat(s.keyedFile()).isNotNull());
        assertThat(read.operator("sentences").subtasks()).allSatisfy(s -> assertThat(s.keyedFile()).isNull());
        assertThatThrownBy(() -> watcher.readSavepoint(dir.resolve("nothing-here")))
                .isInstanceOf(SavepointException.class).hasMessageContaining("no Flink savepoint at");

        // Stop with savepoint through the watcher: files there, and the job ends FINISHED.
        SavepointResult stopped = watcher.stopWithSavepoint(dir.resolve("stopped"), false).get(60, TimeUnit.SECONDS);
        assertThat(stopped.path().resolve("_metadata")).isRegularFile();
        assertThat(watcher.awaitTermination(WAIT)).isTrue();
        assertThat(watcher.status()).isEqualTo(JobStatus.FINISHED);

        // Restore at new parallelism, as the restore dialog does it from the job's window.
        JobLauncher resubmit = cluster.resubmission(watcher).orElseThrow();
        assertThatThrownBy(() -> resubmit.start(watcher.config()
                .withRestore(new SavepointRestore(dir.resolve("gone"), false))))
                .isInstanceOf(PipelineException.class).hasMessageContaining("no Flink savepoint there");
        JobClient restored = track(resubmit.start(watcher.config()
                .withRestore(new SavepointRestore(stopped.path(), false))
                .withParallelism(Map.of("count", 3, "output", 3))));
        assertThat(restored.awaitRunning(WAIT)).isTrue();
        String restoredId = ((EmbeddedFlinkJobClient) restored).jobId();
        assertThat(restoredId).isNotEqualTo(jobId);
        await(() -> restored.snapshot().subtasks().size() == 5, WAIT, "the restored job's five subtasks");
        assertThat(restored.snapshot().subtasks()).filteredOn(s -> s.operatorIds().contains("count"))
                .extracting(SubtaskSnapshot::subtaskIndex).containsExactly(0, 1, 2);
        // Listed on the cluster, and opened again by Connect to Flink with its new subtasks.
        assertThat(cluster.jobs()).extracting(ClusterJob::id).contains(restoredId, jobId);
        try (JobClient again = cluster.open(restoredId)) {
            assertThat(again.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(3);
            await(() -> again.snapshot().subtasks().stream().filter(s -> s.operatorIds().contains("count"))
                    .count() == 3, WAIT, "the watcher of the restored job sees count's three subtasks");
            again.close();
            assertThat(restored.status()).isEqualTo(JobStatus.RUNNING); // closing a watcher left it running
        }
        await(() -> restored.snapshot().checkpoints().stream().anyMatch(c -> c.status() == CheckpointStatus.COMPLETED),
                WAIT, "a checkpoint of the restored job");
        // A job of another cluster's program cannot be resubmitted.
        try (JobClient plain = new FlinkClusterConnector(POLL).connect(address).open(restoredId)) {
            assertThat(cluster.resubmission(plain)).isEmpty();
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(0, closeable);
        return closeable;
    }

    private static List<CheckpointStats> completed(JobClient job) {
        return job.snapshot().checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED && !c.savepoint()).toList();
    }

    private static JsonObject rest(String address, String path) throws Exception {
        return new FlinkRestApi(URI.create(address), Duration.ofSeconds(10)).getObject(path);
    }

    /** Polls {@code condition} (as the model's test {@code Await} does); fails naming {@code what}. */
    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
