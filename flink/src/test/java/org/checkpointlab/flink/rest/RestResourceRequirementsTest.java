package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.TaskSlots;
import org.checkpointlab.model.client.UnsupportedCapabilityException;
import org.junit.jupiter.api.Test;

/**
 * The adaptive scheduler's resource requirements as Flink 2.3 answered them (recorded by {@link AdaptiveFlink}:
 * a keyed count at 2 between a source and a sink at 1), the body of a rescale, and its refusals.
 */
class RestResourceRequirementsTest {
    private static final String SOURCE = "ca88eee0095684d687a1b6495617f957";
    private static final String COUNT = "b71731f1c0df9c3076c4a455334d0ad6";
    private static final String SINK = "a1d043dbd3dd84cf10634a96f1f69dbe";

    @Test
    void parsesTheRecordedAnswer_perJobVertex() throws IOException {
        Map<String, RestResourceRequirements.Bounds> bounds = RestResourceRequirements.parse(fixture(
                "resource-requirements.json"));

        assertThat(bounds).containsExactly(
                Map.entry(SOURCE, new RestResourceRequirements.Bounds(1, 1)),
                Map.entry(COUNT, new RestResourceRequirements.Bounds(1, 2)),
                Map.entry(SINK, new RestResourceRequirements.Bounds(1, 1)));
    }

    @Test
    void aRescaleRaisesTheUpperBoundOfItsVertex_andKeepsTheOthers() throws IOException {
        Map<String, RestResourceRequirements.Bounds> now = RestResourceRequirements.parse(fixture(
                "resource-requirements.json"));

        var next = RestResourceRequirements.rescaled(now, Map.of(COUNT, 3), Map.of(COUNT, 128));
        JsonObject body = RestResourceRequirements.body(next);

        assertThat(body.getAsJsonObject(COUNT).getAsJsonObject("parallelism").get("upperBound").getAsInt())
                .isEqualTo(3);
        assertThat(body.getAsJsonObject(COUNT).getAsJsonObject("parallelism").get("lowerBound").getAsInt())
                .isEqualTo(1);
        // The body has the answer's shape: parsed again it is the answer with the new bound.
        assertThat(RestResourceRequirements.parse(body)).containsEntry(COUNT, new RestResourceRequirements.Bounds(1, 3))
                .containsEntry(SOURCE, now.get(SOURCE)).containsEntry(SINK, now.get(SINK)).hasSize(3);
    }

    @Test
    void aLowerBoundAboveTheNewParallelismComesDownToIt() {
        var next = RestResourceRequirements.rescaled(Map.of(COUNT, new RestResourceRequirements.Bounds(4, 6)),
                Map.of(COUNT, 2), Map.of());

        assertThat(next).containsEntry(COUNT, new RestResourceRequirements.Bounds(2, 2));
    }

    @Test
    void anUnknownVertexOrAParallelismOutOfRange_isRefusedNamingTheVertex() throws IOException {
        Map<String, RestResourceRequirements.Bounds> now = RestResourceRequirements.parse(fixture(
                "resource-requirements.json"));

        assertThatThrownBy(() -> RestResourceRequirements.rescaled(now, Map.of("nope", 2), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job vertex nope");
        assertThatThrownBy(() -> RestResourceRequirements.rescaled(now, Map.of(COUNT, 129), Map.of(COUNT, 128)))
                .hasMessageContaining(COUNT).hasMessageContaining("1..128");
        assertThatThrownBy(() -> RestResourceRequirements.rescaled(now, Map.of(COUNT, 0), Map.of(COUNT, 128)))
                .hasMessageContaining("parallelism 0");
    }

    @Test
    void aLenientParse_skipsEntriesWithoutBounds() {
        JsonObject answer = JsonParser.parseString("{\"a\":{\"parallelism\":{\"upperBound\":3}},\"b\":{},"
                + "\"c\":7,\"d\":{\"parallelism\":{\"lowerBound\":1,\"upperBound\":\"NaN\"}}}").getAsJsonObject();

        assertThat(RestResourceRequirements.parse(answer))
                .containsExactly(Map.entry("a", new RestResourceRequirements.Bounds(1, 3)));
    }

    @Test
    void aJobWhoseClusterAnswersItsResourceRequirements_canBeRescaledInPlace_andItsSlotsAreKnown()
            throws Exception {
        try (RecordedFlink flink = new RecordedFlink()) {
            flink.answers.put("GET /v1/jobs/" + RecordedFlink.JOB + "/resource-requirements",
                    text("resource-requirements.json"));
            flink.answers.put("GET /v1/overview", text("overview.json"));
            try (RestJobClient client = RestJobClient.attach(flink.address(), RecordedFlink.JOB,
                    Duration.ofSeconds(30))) {
                assertThat(client.capabilities()).containsExactly(JobClient.Capability.RESCALE_IN_PLACE);
                assertThat(client.taskSlots()).isEqualTo(new TaskSlots(4, 2));
            }
        }
    }

    @Test
    void aJobWhoseClusterRefusesItsResourceRequirements_cannot_andTheRefusalSaysWhichSchedulerCould()
            throws Exception {
        try (RecordedFlink flink = new RecordedFlink(); // no such endpoint: Flink before 1.18 answers 404
             RestJobClient client = RestJobClient.attach(flink.address(), RecordedFlink.JOB,
                     Duration.ofSeconds(30))) {
            assertThat(client.capabilities()).isEmpty();
            assertThat(client.taskSlots()).isEqualTo(TaskSlots.UNKNOWN);
            assertThatThrownBy(() -> client.rescaleInPlace(Map.of(COUNT, 3)))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining(flink.address().toString())
                    .hasMessageContaining("Flink's adaptive scheduler (jobmanager.scheduler: adaptive) can");
        }
    }

    private static String text(String name) throws IOException {
        return fixture(name).toString();
    }

    static JsonObject fixture(String name) throws IOException {
        try (InputStream in = RestResourceRequirementsTest.class.getResourceAsStream("/flink-rest/2.3/" + name)) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }
}
