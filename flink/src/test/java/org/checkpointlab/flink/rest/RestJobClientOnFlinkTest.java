package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.UnsupportedCapabilityException;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RestJobClient} attached to a job on the embedded Flink's real REST server (the module's shared
 * MiniCluster): it sees the job's vertices and parallelism, its completed checkpoints with the ids and durations
 * Flink reports, and its checkpoint, savepoint and stop-with-savepoint commands act on the job.
 */
class RestJobClientOnFlinkTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void watchesAndSteersARunningFlinkJob(@TempDir Path savepoints) throws Exception {
        EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.shared(Map.of(), EmbeddedFlinkCluster.DEFAULT_SLOTS);
        JobConfig config = JobConfig.of(RestFixtures.keyedCount(500))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(300)));
        try (FlinkRun run = FlinkRun.submit(cluster, config);
             RestJobClient client = RestJobClient.attach(cluster.restAddress(), run.jobId().toHexString(),
                     Duration.ofMillis(200))) {
            // The graph: one operator per job vertex, parallelism and ship strategies as submitted.
            assertThat(client.flinkVersion()).isEqualTo("2.3.0");
            assertThat(client.pipeline().operators()).extracting(OperatorSpec::name, OperatorSpec::parallelism)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Source: Numbers", 2),
                            org.assertj.core.groups.Tuple.tuple("Count per key", 3),
                            org.assertj.core.groups.Tuple.tuple("Output: Writer", 1));
            assertThat(client.pipeline().edges()).extracting(EdgeSpec::partitioning)
                    .containsExactlyInAnyOrder(Partitioning.HASH, Partitioning.REBALANCE);
            assertThat(client.checkpointOptions().interval()).isEqualTo(Duration.ofMillis(300));
            assertThat(client.capabilities()).isEmpty();
            assertThatThrownBy(() -> client.setPaused(true)).isInstanceOf(UnsupportedCapabilityException.class);

            // Every subtask, running.
            assertThat(client.awaitRunning(WAIT)).isTrue();
            assertThat(client.snapshot().subtasks()).hasSize(6)
                    .allSatisfy(s -> assertThat(s.parallelism()).isIn(1, 2, 3));

            // Completed checkpoints: the ids and durations Flink's REST reports, with per-subtask phases.
            assertThat(client.awaitObservation(o -> completed(o).size() >= 3, WAIT)).isTrue();
            List<CheckpointStats> seen = completed(client.observation());
            JsonObject flink = new FlinkRestApi(cluster.restAddress(), Duration.ofSeconds(10))
                    .getObject("/jobs/" + client.jobId() + "/checkpoints");
            int compared = 0;
            for (JsonObject entry : RestCheckpoints.history(flink)) {
                long id = RestJson.getLong(entry, "id", -1);
                CheckpointStats mine = seen.stream().filter(c -> c.id() == id).findFirst().orElse(null);
                if (mine != null && "COMPLETED".equals(RestJson.getString(entry, "status"))) {
                    assertThat(mine.endToEndMillis()).as("checkpoint %d", id)
                            .isEqualTo(RestJson.getLong(entry, "end_to_end_duration", -2));
                    assertThat(mine.subtasks()).as("checkpoint %d", id).hasSize(6);
                    assertThat(mine.syncMillis()).isEqualTo(mine.subtasks().stream()
                            .mapToLong(s -> s.syncMillis()).max().orElseThrow());
                    compared++;
                }
            }
            assertThat(compared).isGreaterThanOrEqualTo(3);

            // A checkpoint triggered through REST.
            CheckpointStats triggered = client.triggerCheckpoint().get(60, TimeUnit.SECONDS);
            assertThat(triggered.status()).isEqualTo(CheckpointStatus.COMPLETED);
            assertThat(triggered.id()).isGreaterThan(seen.get(0).id());
            assertThat(triggered.subtasks()).hasSize(6);

            // A savepoint; the job runs on.
            SavepointResult savepoint = client.triggerSavepoint(savepoints.resolve("taken")).get(60, TimeUnit.SECONDS);
            assertThat(savepoint.path().resolve("_metadata")).isRegularFile();
            assertThat(savepoint.path()).startsWith(savepoints.resolve("taken"));
            assertThat(savepoint.checkpointId()).isGreaterThan(triggered.id());
            assertThat(client.awaitObservation(o -> o.snapshot().checkpoints().stream()
                    .anyMatch(c -> c.savepoint() && c.id() == savepoint.checkpointId()), WAIT)).isTrue();
            assertThat(client.status()).isEqualTo(JobStatus.RUNNING);

            // Stop with a drained savepoint: the job ends FINISHED, and the watcher sees it.
            SavepointResult stopped = client.stopWithSavepoint(savepoints.resolve("stopped"), true)
                    .get(60, TimeUnit.SECONDS);
            assertThat(stopped.path().resolve("_metadata")).isRegularFile();
            assertThat(client.awaitTermination(WAIT)).isTrue();
            assertThat(client.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(client.savepoints()).containsExactly(savepoint, stopped);
            assertThat(client.summary().completedCheckpoints()).isGreaterThanOrEqualTo(compared);
        }
    }

    @Test
    void aJobRestoredAtNewParallelismShowsItsNewSubtasks(@TempDir Path savepoints) throws Exception {
        EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.shared(Map.of(), EmbeddedFlinkCluster.DEFAULT_SLOTS);
        JobConfig config = JobConfig.of(RestFixtures.keyedCount(500));
        SavepointResult stopped;
        try (FlinkRun run = FlinkRun.submit(cluster, config);
             RestJobClient client = RestJobClient.attach(cluster.restAddress(), run.jobId().toHexString(),
                     Duration.ofMillis(200))) {
            assertThat(client.awaitRunning(WAIT)).isTrue();
            stopped = client.stopWithSavepoint(savepoints, false).get(60, TimeUnit.SECONDS);
            assertThat(client.awaitTermination(WAIT)).isTrue();
        }
        JobConfig restored = config.withRestore(new SavepointRestore(stopped.path(), false))
                .withParallelism(Map.of("count", 5));
        try (FlinkRun run = FlinkRun.submit(cluster, restored);
             RestJobClient client = RestJobClient.attach(cluster.restAddress(), run.jobId().toHexString(),
                     Duration.ofMillis(200))) {
            assertThat(client.jobId()).isEqualTo(run.jobId().toHexString());
            assertThat(client.awaitRunning(WAIT)).isTrue();
            assertThat(client.snapshot().subtasks()).filteredOn(s -> s.taskName().equals("Count per key"))
                    .extracting(SubtaskSnapshot::subtaskIndex).containsExactly(0, 1, 2, 3, 4);
            assertThat(client.pipeline().operators()).filteredOn(o -> o.name().equals("Count per key"))
                    .singleElement().satisfies(o -> assertThat(o.parallelism()).isEqualTo(5));
            Await.until(() -> client.snapshot().startedFromSavepointId() > 0, WAIT,
                    "Flink's restore of the savepoint");
            assertThat(client.snapshot().startedFromSavepointId()).isEqualTo(stopped.checkpointId());
            assertThat(client.snapshot().restarts()).as("the start is no recovery").isEmpty();
            client.cancel();
            assertThat(client.awaitTermination(WAIT)).isTrue();
            assertThat(client.status()).isEqualTo(JobStatus.CANCELED);
        }
    }

    private static List<CheckpointStats> completed(RestObservation o) {
        return o.snapshot().checkpoints().stream()
                .filter(c -> c.status() == CheckpointStatus.COMPLETED && !c.savepoint()).toList();
    }


}
