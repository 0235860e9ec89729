package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void boundedRunWithJson_printsExactlyOneJsonObjectWithRecordsAndACompletedCheckpoint() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(20_000, "{\"interval\": \"50ms\"}"));

        Cli.Result r = Cli.run("run", file.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject json = onlyJsonObject(r.out());
        assertThat(json.keySet()).containsExactly("status", "processingMillis", "operators", "sourceRecords",
                "throughputPerSecond", "checkpoints", "restartCount", "restarts", "failures", "savepoints", "sinks",
                "delivery", "failureCause");
        assertThat(json.get("restartCount").getAsInt()).isZero();
        assertThat(json.getAsJsonArray("restarts")).isEmpty();
        assertThat(json.getAsJsonArray("failures")).isEmpty();
        assertThat(json.getAsJsonArray("savepoints")).isEmpty();
        JsonObject delivery = json.getAsJsonArray("delivery").get(0).getAsJsonObject();
        assertThat(delivery.keySet()).containsExactly("sink", "kind", "committed", "expected", "duplicates",
                "missing", "verdict");
        assertThat(delivery.get("verdict").getAsString()).isEqualTo("exactly-once held");
        assertThat(json.get("status").getAsString()).isEqualTo("FINISHED");
        assertThat(json.get("sourceRecords").getAsLong()).isEqualTo(20_000);
        assertThat(json.get("failureCause").isJsonNull()).isTrue();
        JsonObject count = json.getAsJsonArray("operators").get(1).getAsJsonObject();
        assertThat(count.get("id").getAsString()).isEqualTo("count");
        assertThat(count.get("recordsIn").getAsLong()).isEqualTo(20_000);
        JsonObject checkpoints = json.getAsJsonObject("checkpoints");
        assertThat(checkpoints.get("completed").getAsInt()).isPositive();
        List<JsonObject> list = new ArrayList<>();
        checkpoints.getAsJsonArray("list").forEach(e -> list.add(e.getAsJsonObject()));
        assertThat(list).anySatisfy(c -> {
            assertThat(c.get("status").getAsString()).isEqualTo("COMPLETED");
            assertThat(c.get("endToEndMs").getAsLong()).isNotNegative();
            assertThat(c.get("fullSizeBytes").getAsLong()).isPositive();
        });
        assertThat(list.get(0).keySet()).containsExactly("id", "status", "savepoint", "endToEndMs", "syncMs",
                "asyncMs", "alignmentMs", "startDelayMs", "checkpointedSizeBytes", "fullSizeBytes",
                "persistedInFlightBytes", "unaligned", "failureCause");
        JsonObject sink = json.getAsJsonArray("sinks").get(0).getAsJsonObject();
        assertThat(sink.get("id").getAsString()).isEqualTo("sink");
        assertThat(sink.get("committedRecords").getAsLong()).isEqualTo(20_000);
        assertThat(sink.get("digest").getAsString()).isNotBlank();
    }

    @Test
    void boundedRunWithoutJson_printsReadableSummaryWithOperatorsCheckpointsAndSinkDigest() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(10_000, "{}"));

        Cli.Result r = Cli.run("run", file.toString(), "--interval", "50ms", "--records", "5000",
                "--no-chaining", "--buffer-size", "64");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Job 'small keyed count' FINISHED after ")
                .contains("Source records: 5,000")
                .containsPattern("count\\s+keyed-count\\s+2\\s+5,000\\s+5,000")
                .containsPattern("Checkpoints: [1-9]\\d* completed, 0 failed")
                .contains("COMPLETED")
                .contains("Restarts: 0")
                .containsPattern("sink\\s+transactional-sink\\s+5,000\\s+\\S+")
                .contains("Delivery, against a failure-free run of the same input:")
                .containsPattern("sink\\s+5,000\\s+5,000\\s+0\\s+0\\s+exactly-once held");
    }

    @Test
    void durationOnUnboundedSource_cancelsTheJobAndExitsZero() throws Exception {
        Path file = Cli.write(dir, "endless.json", Cli.keyedCountPipeline(0, "{}"));

        Cli.Result r = Cli.run("run", file.toString(), "--duration", "300ms", "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject json = onlyJsonObject(r.out());
        assertThat(json.get("status").getAsString()).isEqualTo("CANCELED");
        assertThat(json.get("sourceRecords").getAsLong()).isPositive();
    }

    @Test
    void outputFlag_writesTheCommittedPartFilesIntoThatDirectory() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(2_000, "{\"interval\": \"50ms\"}"));
        Path output = dir.resolve("out");

        Cli.Result r = Cli.run("run", file.toString(), "--output", output.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        try (var files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty();
        }
    }

    /** Flags the small keyed-count job refuses, with what stderr must name. */
    static Stream<Arguments> refusedFlags() {
        return Stream.of(
                refused(List.of("--records", "many"), "--records", "'many'"),
                refused(List.of("--interval", "5 parsecs"), "--interval", "5 parsecs", "off"),
                refused(List.of("--buffer-size", "0"), "--buffer-size must be at least 1, was 0"),
                refused(List.of("--unaligned", "--mode", "at-least-once"),
                        "unaligned checkpoints require exactly-once mode"),
                refused(List.of("--parallelism", "nosuch=2"), "--parallelism", "'nosuch'",
                        "operators: numbers, count, sink"),
                refused(List.of("--parallelism", "count=3"), "--parallelism", "count -> sink"),
                refused(List.of("--engine", "spark"), "--engine: unknown engine 'spark' (expected local or flink)"));
    }

    private static Arguments refused(List<String> flags, String... errParts) {
        return Arguments.of(String.join(" ", flags), flags, errParts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFlags")
    void refusedFlag_exitsTwoNamingWhatIsWrong_andPrintsNothingOnStdout(String name, List<String> flags,
            String[] errParts) throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(1000, "{}"));
        List<String> args = new ArrayList<>(List.of("run", file.toString()));
        args.addAll(flags);

        Cli.Result r = Cli.run(args.toArray(new String[0]));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(errParts);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void flagsOverrideThePipelineFilesCheckpointingSection() throws Exception {
        Path file = Cli.write(dir, "unaligned.json",
                Cli.keyedCountPipeline(2_000, "{\"interval\": \"50ms\", \"unaligned\": true}"));

        Cli.Result conflicting = Cli.run("run", file.toString(), "--mode", "at-least-once");
        Cli.Result overridden = Cli.run("run", file.toString(), "--mode", "at-least-once", "--no-unaligned",
                "--json");

        assertThat(conflicting.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(conflicting.err()).contains("unaligned checkpoints require exactly-once mode");
        assertThat(overridden.exitCode()).as(overridden.err()).isEqualTo(ExitCodes.OK);
        assertThat(onlyJsonObject(overridden.out()).getAsJsonObject("checkpoints").get("completed").getAsInt())
                .isPositive();
    }

    @Test
    void parallelismOverride_isAppliedToTheRun() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(3_000, "{}"));

        Cli.Result r = Cli.run("run", file.toString(), "--parallelism", "numbers=3", "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject numbers = onlyJsonObject(r.out()).getAsJsonArray("operators").get(0).getAsJsonObject();
        assertThat(numbers.get("parallelism").getAsInt()).isEqualTo(3);
        assertThat(numbers.get("recordsOut").getAsLong()).isEqualTo(3_000);
    }

    @Test
    void rocksdbBackendWithIncremental_isPassedToTheJobWithoutWarning() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(1000, "{\"interval\": \"50ms\"}"));

        Cli.Result r = Cli.run("run", file.toString(), "--backend", "rocksdb", "--incremental", "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).doesNotContain("not available").doesNotContain("--incremental");
        assertThat(onlyJsonObject(r.out()).get("status").getAsString()).isEqualTo("FINISHED");
    }

    @Test
    void incrementalWithHashmap_warnsThatFlinkIgnoresItAndRuns() throws Exception {
        Path file = Cli.write(dir, "small.json", Cli.keyedCountPipeline(1000, "{}"));

        Cli.Result r = Cli.run("run", file.toString(), "--incremental", "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("--incremental applies only to --backend rocksdb")
                .contains("ignores it for hashmap");
        assertThat(onlyJsonObject(r.out()).get("status").getAsString()).isEqualTo("FINISHED");
    }

    @Test
    void missingPipelineFile_exitsTwoNamingTheFile() {
        Cli.Result r = Cli.run("run", dir.resolve("absent.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("absent.json");
    }

    @Test
    void noCommand_exitsTwoListingTheCommands() {
        Cli.Result r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("run, compare, validate, inspect-savepoint, bench or gui");
    }

    private static JsonObject onlyJsonObject(String out) throws Exception {
        return Cli.onlyJsonObject(out);
    }
}
