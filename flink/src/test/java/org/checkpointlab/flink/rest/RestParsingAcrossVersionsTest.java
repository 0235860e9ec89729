package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.client.ClusterJob;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer RestJobClient reads, parsed from what real Flink 1.20.5 and 2.3.0 answered for a running keyed count
 * (source at parallelism 2, keyed count at 3, sink at 1, checkpoints every 500 ms; see
 * src/test/resources/flink-rest/README.md): the same model comes out of both versions' fields.
 */
class RestParsingAcrossVersionsTest {
    /** The keyed count's vertex: its head operator's uid is "count" in both recordings, so its id is the same. */
    private static final String COUNT = "b71731f1c0df9c3076c4a455334d0ad6";

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "1.20"})
    void theClusterAndItsJobList(String version) throws IOException {
        assertThat(RestJson.getString(object(version, "config.json"), "flink-version")).startsWith(version + ".");
        List<ClusterJob> jobs = FlinkClusterConnector.jobs(object(version, "jobs-overview.json"));
        assertThat(jobs).singleElement().satisfies(j -> {
            assertThat(j.id()).hasSize(32);
            assertThat(j.state()).isEqualTo("RUNNING");
            assertThat(j.ended()).isFalse();
            assertThat(j.startTimeMillis()).isPositive();
            assertThat(j.durationMillis()).isPositive();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "1.20"})
    void theJobGraphFromTheJobAndItsPlan(String version) throws IOException {
        JsonObject job = object(version, "job.json");
        assertThat(RestJobParser.jobStatus(job)).isEqualTo(JobStatus.RUNNING);
        List<RestJobParser.Vertex> vertices = RestJobParser.vertices(job);
        assertThat(vertices).extracting(RestJobParser.Vertex::parallelism).containsExactly(2, 3, 1);
        assertThat(vertices.get(1).id()).isEqualTo(COUNT);
        assertThat(vertices.get(1).name()).isEqualTo("Count per key");
        assertThat(vertices).allSatisfy(v -> assertThat(v.maxParallelism()).isEqualTo(128));
        assertThat(vertices.get(0).recordsOut()).isPositive();
        PipelineSpec pipeline = RestJobParser.pipeline("job", vertices, object(version, "plan.json"));
        assertThat(pipeline.edges()).containsExactlyInAnyOrder(
                new EdgeSpec(vertices.get(0).id(), COUNT, Partitioning.HASH),
                new EdgeSpec(COUNT, vertices.get(2).id(), Partitioning.REBALANCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "1.20"})
    void everySubtaskWithItsBackPressureAndPoolUsage(String version) throws IOException {
        List<RestJobParser.Vertex> vertices = RestJobParser.vertices(object(version, "job.json"));
        double outPoolSeen = 0;
        for (int i = 0; i < vertices.size(); i++) {
            RestJobParser.Vertex v = vertices.get(i);
            List<SubtaskSnapshot> subtasks = RestJobParser.withPoolUsage(RestJobParser.subtasks(v,
                    object(version, "vertex-" + i + ".json"), object(version, "vertex-" + i + "-backpressure.json")),
                    List.of(json(version, "vertex-" + i + "-metrics.json")));
            assertThat(subtasks).hasSize(v.parallelism());
            assertThat(subtasks).extracting(SubtaskSnapshot::subtaskIndex)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, v.parallelism()).boxed().toList());
            for (SubtaskSnapshot s : subtasks) {
                assertThat(s.status()).isEqualTo(SubtaskStatus.RUNNING);
                assertThat(s.operatorIds()).containsExactly(v.id());
                assertThat(s.busyMsPerSecond() + s.backPressuredMsPerSecond() + s.idleMsPerSecond())
                        .isBetween(990.0, 1010.0);
                assertThat(s.backPressureLevel()).isIn("OK", "LOW", "HIGH");
                assertThat(s.inPoolUsage()).isBetween(0.0, 1.0);
                assertThat(s.outPoolUsage()).isBetween(0.0, 1.0);
                outPoolSeen = Math.max(outPoolSeen, s.outPoolUsage());
            }
        }
        // Records flow out of the source and the keyed count: some of their output buffers are in use.
        assertThat(outPoolSeen).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "1.20"})
    void theLatestCompletedCheckpointWithEverySubtasksPhases(String version) throws IOException {
        JsonObject history = object(version, "checkpoints.json");
        assertThat(RestCheckpoints.completedCount(history)).isPositive();
        long id = object(version, "checkpoint-details.json").get("id").getAsLong();
        JsonObject entry = RestCheckpoints.history(history).stream()
                .filter(h -> RestJson.getLong(h, "id", -1) == id).findFirst().orElseThrow();
        List<RestJobParser.Vertex> vertices = RestJobParser.vertices(object(version, "job.json"));
        List<RestCheckpoints.VertexAnswer> answers = new ArrayList<>();
        for (int i = 0; i < vertices.size(); i++) {
            answers.add(new RestCheckpoints.VertexAnswer(vertices.get(i).id(),
                    object(version, "checkpoint-subtasks-" + i + ".json")));
        }
        CheckpointStats c = RestCheckpoints.checkpoint(entry, answers);
        assertThat(c.id()).isEqualTo(id);
        assertThat(c.status()).isEqualTo(CheckpointStatus.COMPLETED);
        assertThat(c.acknowledged()).isEqualTo(6).isEqualTo(c.total());
        assertThat(c.checkpointedSize()).isPositive();
        assertThat(c.subtasks()).hasSize(6);
        assertThat(c.subtasks().stream().filter(s -> s.operatorId().equals(COUNT))).hasSize(3);
        for (SubtaskCheckpointStats s : c.subtasks()) {
            assertThat(s.endToEndMillis()).isBetween(0L, c.endToEndMillis());
            assertThat(s.syncMillis()).isNotNegative();
            assertThat(s.asyncMillis()).isNotNegative();
            assertThat(s.alignmentMillis()).isNotNegative();
            assertThat(s.startDelayMillis()).isNotNegative();
        }
        assertThat(c.asyncMillis()).isEqualTo(c.subtasks().stream().mapToLong(SubtaskCheckpointStats::asyncMillis)
                .max().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "1.20"})
    void checkpointOptionsExceptionsAndRestarts(String version) throws IOException {
        CheckpointOptions options = RestJobParser.checkpointOptions(object(version, "checkpoints-config.json"));
        assertThat(options.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.mode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(options.maxConcurrent()).isEqualTo(1);
        assertThat(options.unaligned()).isFalse();
        List<RestJobParser.Vertex> vertices = RestJobParser.vertices(object(version, "job.json"));
        assertThat(RestJobParser.failures(object(version, "exceptions.json"), vertices)).isEmpty();
        assertThat(RestJobParser.restarts(json(version, "job-metrics.json"))).isZero();
    }

    private static JsonObject object(String version, String name) throws IOException {
        return json(version, name).getAsJsonObject();
    }

    private static JsonElement json(String version, String name) throws IOException {
        try (InputStream in = RestParsingAcrossVersionsTest.class.getResourceAsStream(
                "/flink-rest/" + version + "/" + name)) {
            assertThat(in).as(version + "/" + name).isNotNull();
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
