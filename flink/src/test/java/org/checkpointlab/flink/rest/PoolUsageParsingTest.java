package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.junit.jupiter.api.Test;

/** Each subtask's input and output pool usage from {@code /vertices/:vid/metrics}, as Flink 2.3 answered. */
class PoolUsageParsingTest {

    @Test
    void everySubtaskGetsItsPoolUsageUnderTheNameItsFlinkVersionUses() throws IOException {
        RestJobParser.Vertex source = RestJobParser.vertices(json("job.json").getAsJsonObject()).get(0);
        List<SubtaskSnapshot> plain = RestJobParser.subtasks(source, json("vertex-0.json").getAsJsonObject(),
                json("vertex-0-backpressure.json").getAsJsonObject());
        assertThat(plain).allSatisfy(s -> assertThat(s.outPoolUsage()).isZero());
        List<SubtaskSnapshot> withPools = RestJobParser.withPoolUsage(plain, List.of(json("vertex-0-metrics.json")));
        assertThat(withPools).extracting(SubtaskSnapshot::outPoolUsage).allSatisfy(
                u -> assertThat(u).isCloseTo(0.2142857, within(1e-6)));
        assertThat(withPools).extracting(SubtaskSnapshot::inPoolUsage).containsOnly(0.0);
        // Everything else is kept.
        assertThat(withPools.get(1).busyMsPerSecond()).isEqualTo(plain.get(1).busyMsPerSecond());
        assertThat(withPools.get(1).recordsOut()).isEqualTo(plain.get(1).recordsOut());
    }

    @Test
    void theOlderNameWinsWhenBothAreThereAndAMissingSubtaskKeepsZero() {
        RestJobParser.Vertex v = new RestJobParser.Vertex("v", "V", 2, 128, 0, 0);
        List<SubtaskSnapshot> plain = RestJobParser.subtasks(v, JsonParser.parseString(
                "{\"subtasks\":[{\"subtask\":0,\"status\":\"RUNNING\"},{\"subtask\":1,\"status\":\"RUNNING\"}]}")
                .getAsJsonObject(), null);
        JsonElement answer = JsonParser.parseString("[{\"id\":\"0.buffers.inPoolUsage\",\"value\":\"0.75\"},"
                + "{\"id\":\"0.Shuffle.Netty.Input.Buffers.inPoolUsage\",\"value\":\"0.5\"},"
                + "{\"id\":\"0.Shuffle.Netty.Output.Buffers.outPoolUsage\",\"value\":\"NaN\"}]");
        List<SubtaskSnapshot> result = RestJobParser.withPoolUsage(plain, java.util.Arrays.asList(answer, null));
        assertThat(result.get(0).inPoolUsage()).isEqualTo(0.75);
        assertThat(result.get(0).outPoolUsage()).isZero();
        assertThat(result.get(1).inPoolUsage()).isZero();
    }

    @Test
    void theQueryAsksForBothNamesOfEverySubtaskInTheBatch() {
        String query = RestJobParser.poolUsageQuery(16, 18);
        assertThat(query.split(",")).containsExactly("16.buffers.inPoolUsage",
                "16.Shuffle.Netty.Input.Buffers.inPoolUsage", "16.buffers.outPoolUsage",
                "16.Shuffle.Netty.Output.Buffers.outPoolUsage", "17.buffers.inPoolUsage",
                "17.Shuffle.Netty.Input.Buffers.inPoolUsage", "17.buffers.outPoolUsage",
                "17.Shuffle.Netty.Output.Buffers.outPoolUsage");
        // A full batch stays well inside the request line Flink's REST server accepts (4096 bytes).
        assertThat(RestJobParser.poolUsageQuery(112, 112 + RestJobParser.POOL_USAGE_BATCH)).hasSizeLessThan(3000);
    }

    private static JsonElement json(String name) throws IOException {
        try (InputStream in = PoolUsageParsingTest.class.getResourceAsStream("/flink-rest/2.3/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
