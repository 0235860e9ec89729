package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --engine flink}: the same summary and delivery check; refusals exit 2 before a cluster starts. */
class RunOnFlinkCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBoundedRunOnFlinkPrintsTheSameJsonSummaryWithExactlyOnceDelivery() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(5_000, "{\"interval\": \"100ms\"}"));
        Path output = Files.createDirectory(dir.resolve("out"));

        Cli.Result r = Cli.run("run", file.toString(), "--engine", "flink", "--json", "--output", output.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject json = Cli.onlyJsonObject(r.out());
        assertThat(json.keySet()).containsExactly("status", "processingMillis", "operators", "sourceRecords",
                "throughputPerSecond", "checkpoints", "restartCount", "restarts", "failures", "savepoints", "sinks",
                "delivery", "failureCause");
        assertThat(json.get("status").getAsString()).isEqualTo("FINISHED");
        assertThat(json.get("sourceRecords").getAsLong()).isEqualTo(5_000);
        JsonObject sink = json.getAsJsonArray("sinks").get(0).getAsJsonObject();
        assertThat(sink.get("committedRecords").getAsLong()).isEqualTo(5_000);
        JsonObject delivery = json.getAsJsonArray("delivery").get(0).getAsJsonObject();
        assertThat(delivery.get("verdict").getAsString()).isEqualTo("exactly-once held");
        try (var parts = Files.list(output.resolve("sink"))) {
            assertThat(parts.map(p -> p.getFileName().toString()))
                    .isNotEmpty().allMatch(n -> n.matches("part-sink-s[01]-(c\\d+|end)\\.txt"));
        }
        assertThat(r.err()).contains("Flink REST API: http://127.0.0.1:");
    }

    @Test
    void chaosOnFlinkRecoversWithExactlyOnceDelivery() throws Exception {
        Path file = Cli.write(dir, "slow.json", Cli.keyedCountPipeline(40_000, 4_000, "transactional-sink",
                "forward", "{\"interval\": \"100ms\"}"));

        Cli.Result r = Cli.run("run", file.toString(), "--engine", "flink", "--json", "--chaos", "1",
                "--restart-strategy", "fixed-delay", "--restart-attempts", "3", "--restart-delay", "50ms");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("chaos: 1 of 1 failures injected");
        JsonObject json = Cli.onlyJsonObject(r.out());
        assertThat(json.get("restartCount").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonArray("delivery").get(0).getAsJsonObject().get("verdict").getAsString())
                .isEqualTo("exactly-once held");
    }

    @Test
    void whatFlinkLacksIsRefusedByNameWithExit2BeforeAnyClusterStarts() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(5_000, "{\"interval\": \"100ms\"}"));

        Cli.Result r = Cli.run("run", file.toString(), "--engine", "flink", "--low-priority", "--fail", "numbers@#5");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--low-priority: Flink's task threads run at normal priority")
                .contains("--fail numbers:0: on Flink the failure hook wraps operators and sinks, not sources")
                .doesNotContain("starting an embedded Apache Flink cluster");
    }
}
