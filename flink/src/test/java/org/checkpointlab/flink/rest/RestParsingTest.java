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
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/** The parsers on answers recorded from a real Flink 2.3 (see src/test/resources/flink-rest/README.md). */
class RestParsingTest {
    private static final String SOURCE = "ca88eee0095684d687a1b6495617f957";
    private static final String COUNT = "b71731f1c0df9c3076c4a455334d0ad6";
    private static final String SINK = "a1d043dbd3dd84cf10634a96f1f69dbe";

    @Test
    void jobAndPlanGiveTheVerticesTheirParallelismAndTheShipStrategies() throws IOException {
        JsonObject job = json("job.json").getAsJsonObject();
        assertThat(RestJobParser.jobStatus(job)).isEqualTo(JobStatus.RUNNING);
        List<RestJobParser.Vertex> vertices = RestJobParser.vertices(job);
        assertThat(vertices).extracting(RestJobParser.Vertex::id, RestJobParser.Vertex::parallelism)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SOURCE, 2),
                        org.assertj.core.groups.Tuple.tuple(COUNT, 3), org.assertj.core.groups.Tuple.tuple(SINK, 1));
        assertThat(vertices.get(0).recordsOut()).isEqualTo(27110);
        assertThat(vertices.get(0).maxParallelism()).isEqualTo(128);

        PipelineSpec pipeline = RestJobParser.pipeline("watched", vertices, json("plan.json").getAsJsonObject());
        assertThat(pipeline.name()).isEqualTo("watched");
        assertThat(pipeline.chaining()).isFalse();
        assertThat(pipeline.operator(COUNT).orElseThrow().name()).isEqualTo("Count per key");
        assertThat(pipeline.edges()).containsExactlyInAnyOrder(new EdgeSpec(SOURCE, COUNT, Partitioning.HASH),
                new EdgeSpec(COUNT, SINK, Partitioning.REBALANCE));
    }

    @Test
    void aVertexAndItsBackPressureGiveEverySubtaskWithFlinksRatiosInMsPerSecond() throws IOException {
        RestJobParser.Vertex count = RestJobParser.vertices(json("job.json").getAsJsonObject()).get(1);
        List<SubtaskSnapshot> subtasks = RestJobParser.subtasks(count, json("vertex-1.json").getAsJsonObject(),
                json("vertex-1-backpressure.json").getAsJsonObject());
        assertThat(subtasks).extracting(SubtaskSnapshot::subtaskIndex).containsExactly(0, 1, 2);
        assertThat(subtasks).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(SubtaskStatus.RUNNING);
            assertThat(s.operatorIds()).containsExactly(COUNT);
            assertThat(s.parallelism()).isEqualTo(3);
            assertThat(s.idleMsPerSecond()).isEqualTo(1000.0);
            assertThat(s.backPressureLevel()).isEqualTo("OK");
        });
        assertThat(subtasks.get(0).recordsIn()).isEqualTo(10896);
    }

    @Test
    void whileFlinksMetricStoreIsEmptyTheBackPressureIsZeroNotAnError() throws IOException {
        RestJobParser.Vertex count = RestJobParser.vertices(json("job.json").getAsJsonObject()).get(1);
        JsonObject deprecated = JsonParser.parseString("{\"status\":\"deprecated\"}").getAsJsonObject();
        assertThat(RestJobParser.subtasks(count, json("vertex-1.json").getAsJsonObject(), deprecated))
                .hasSize(3).allSatisfy(s -> assertThat(s.busyMsPerSecond()).isZero());
        assertThat(RestJobParser.subtasks(count, json("vertex-1.json").getAsJsonObject(), null)).hasSize(3);
    }

    @Test
    void aCompletedCheckpointHasItsPerSubtaskPhasesAndTheirMaxima() throws IOException {
        JsonObject history = json("checkpoints.json").getAsJsonObject();
        assertThat(RestCheckpoints.completedCount(history)).isEqualTo(14);
        assertThat(RestCheckpoints.failedCount(history)).isEqualTo(1);
        JsonObject latest = RestCheckpoints.history(history).get(0);
        List<RestCheckpoints.VertexAnswer> answers = new ArrayList<>();
        String[] ids = {SOURCE, COUNT, SINK};
        for (int i = 0; i < 3; i++) {
            answers.add(new RestCheckpoints.VertexAnswer(ids[i],
                    json("checkpoint-subtasks-" + i + ".json").getAsJsonObject()));
        }
        CheckpointStats c = RestCheckpoints.checkpoint(latest, answers);
        assertThat(c.id()).isEqualTo(14);
        assertThat(c.status()).isEqualTo(CheckpointStatus.COMPLETED);
        assertThat(c.savepoint()).isFalse();
        assertThat(c.endToEndMillis()).isEqualTo(19);
        assertThat(c.acknowledged()).isEqualTo(6);
        assertThat(c.total()).isEqualTo(6);
        assertThat(c.checkpointedSize()).isEqualTo(10708);
        assertThat(c.processedInFlight()).isEqualTo(18486);
        assertThat(c.subtasks()).hasSize(6);
        SubtaskCheckpointStats count0 = c.subtasks().stream()
                .filter(s -> s.operatorId().equals(COUNT) && s.subtaskIndex() == 0).findFirst().orElseThrow();
        assertThat(count0.syncMillis()).isEqualTo(1);
        assertThat(count0.asyncMillis()).isEqualTo(8);
        assertThat(count0.alignmentMillis()).isEqualTo(1);
        assertThat(count0.startDelayMillis()).isEqualTo(5);
        assertThat(count0.processedInFlight()).isEqualTo(1131);
        assertThat(c.asyncMillis()).isEqualTo(c.subtasks().stream().mapToLong(SubtaskCheckpointStats::asyncMillis)
                .max().orElseThrow());
        assertThat(c.startDelayMillis()).isEqualTo(c.subtasks().stream()
                .mapToLong(SubtaskCheckpointStats::startDelayMillis).max().orElseThrow());
    }

    @Test
    void fieldsThatOtherFlinkVersionsLeaveOutOrReportAsNaNFallBack() {
        // An entry as older versions write it: no checkpointed_size, no checkpoint_type, NaN and null values.
        JsonObject entry = JsonParser.parseString("{\"id\":3,\"status\":\"FAILED\",\"trigger_timestamp\":1000,"
                + "\"latest_ack_timestamp\":1250,\"state_size\":\"NaN\",\"end_to_end_duration\":null,"
                + "\"failure_message\":\"Checkpoint expired before completing.\",\"unknown_new_field\":{}}")
                .getAsJsonObject();
        CheckpointStats c = RestCheckpoints.checkpoint(entry, List.of());
        assertThat(c.status()).isEqualTo(CheckpointStatus.FAILED);
        assertThat(c.endToEndMillis()).isEqualTo(250);
        assertThat(c.fullSize()).isZero();
        assertThat(c.failureCause()).isEqualTo("Checkpoint expired before completing.");
        JsonObject pending = JsonParser.parseString("{\"subtasks\":[{\"index\":0,\"status\":\"pending_or_failed\"},"
                + "{\"index\":1,\"ack_timestamp\":5,\"checkpoint\":{\"sync\":2,\"async\":3},\"start_delay\":4}]}")
                .getAsJsonObject();
        assertThat(RestCheckpoints.subtasks("v", pending)).singleElement()
                .satisfies(s -> assertThat(s.subtaskIndex()).isEqualTo(1))
                .satisfies(s -> assertThat(s.alignmentMillis()).isZero());
    }

    @Test
    void checkpointConfigExceptionsAndRestarts() throws IOException {
        CheckpointOptions options = RestJobParser.checkpointOptions(json("checkpoints-config.json").getAsJsonObject());
        assertThat(options.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.mode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.unaligned()).isFalse();
        assertThat(RestJobParser.checkpointOptions(JsonParser.parseString(
                "{\"mode\":\"at_least_once\",\"interval\":9223372036854775807}").getAsJsonObject()))
                .satisfies(o -> assertThat(o.periodic()).isFalse())
                .satisfies(o -> assertThat(o.mode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE));

        List<RestJobParser.Vertex> vertices = RestJobParser.vertices(json("job.json").getAsJsonObject());
        assertThat(RestJobParser.failures(json("exceptions.json").getAsJsonObject(), vertices)).isEmpty();
        JsonObject oneFailure = JsonParser.parseString("{\"exceptionHistory\":{\"entries\":[{\"exceptionName\":"
                + "\"java.lang.RuntimeException: boom\",\"stacktrace\":\"java.lang.RuntimeException: boom\\n\\tat x\","
                + "\"timestamp\":42,\"taskName\":\"Count per key (2/3)#0\"}]}}").getAsJsonObject();
        assertThat(RestJobParser.failures(oneFailure, vertices)).containsExactly(
                new FailureEvent(42, COUNT, 1, "java.lang.RuntimeException: boom"));
        assertThat(RestJobParser.restarts(json("job-metrics.json"))).isZero();
        assertThat(RestJobParser.restarts(JsonParser.parseString("[{\"id\":\"numRestarts\",\"value\":\"3\"}]")))
                .isEqualTo(3);
    }

    private static JsonElement json(String name) throws IOException {
        try (InputStream in = RestParsingTest.class.getResourceAsStream("/flink-rest/2.3/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
