package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: both engines, side by side; equal committed output and key assignment for a bounded job. */
class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneBoundedPairCommitsEqualOutputOnBothEnginesAndAssignsKeysAsFlink() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(5_000, "{\"interval\": \"100ms\"}"));

        Cli.Result r = Cli.run("compare", file.toString(), "--pairs", "1", "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject json = Cli.onlyJsonObject(r.out());
        assertThat(json.get("pairs").getAsInt()).isEqualTo(1);
        JsonObject throughput = json.getAsJsonArray("figures").get(0).getAsJsonObject();
        assertThat(throughput.get("figure").getAsString()).isEqualTo("throughput (records/s)");
        assertThat(throughput.get("local").getAsDouble()).isPositive();
        assertThat(throughput.get("flink").getAsDouble()).isPositive();
        assertThat(throughput.get("ratio").getAsDouble())
                .isCloseTo(throughput.get("local").getAsDouble() / throughput.get("flink").getAsDouble(),
                        org.assertj.core.data.Percentage.withPercentage(0.01));
        JsonArray sinks = json.getAsJsonArray("sinks");
        assertThat(sinks).hasSize(1);
        JsonObject sink = sinks.get(0).getAsJsonObject();
        assertThat(sink.get("localCommitted").getAsLong()).isEqualTo(5_000);
        assertThat(sink.get("flinkDigest").getAsString()).isEqualTo(sink.get("localDigest").getAsString());
        assertThat(sink.get("equal").getAsBoolean()).isTrue();
        assertThat(json.get("outputNotComparable").isJsonNull()).isTrue();
        JsonObject keys = json.getAsJsonArray("keyAssignment").get(0).getAsJsonObject();
        assertThat(keys.get("operator").getAsString()).isEqualTo("count");
        assertThat(keys.get("keys").getAsInt()).isEqualTo(50);
        assertThat(keys.get("mismatches").getAsLong()).isZero();
        assertThat(r.err()).contains("pair 1 of 1: local engine", "pair 1 of 1: Flink");
    }

    @Test
    void failuresAndSavepointsAreRefused() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(5_000, "{}"));

        Cli.Result r = Cli.run("compare", file.toString(), "--fail", "count@#10");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("compare runs without failures and savepoints");
    }
}
