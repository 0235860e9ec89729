package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** {@code run} with injected failures, chaos and restart strategies: recovery and the delivery check. */
class FailureFlagsTest {
    private static final String CHECKPOINTS = "{\"interval\": \"50ms\"}";
    private static final String[] QUICK_RESTARTS =
            {"--restart-strategy", "fixed-delay", "--restart-attempts", "5", "--restart-delay", "0ms"};

    @TempDir
    Path dir;

    private static String[] args(Path file, String... more) {
        List<String> all = new ArrayList<>(List.of("run", file.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<JsonObject> list(JsonObject json, String field) {
        List<JsonObject> out = new ArrayList<>();
        json.getAsJsonArray(field).forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    @Test
    void failAtARecordCount_restartsOnceFromACheckpointAndExactlyOnceHolds() throws Exception {
        Path file = Cli.write(dir, "kc.json", Cli.keyedCountPipeline(20_000, CHECKPOINTS));
        List<String> a = new ArrayList<>(List.of(args(file, "--fail", "count:1@#5000", "--json")));
        a.addAll(List.of(QUICK_RESTARTS));

        Cli.Result r = Cli.run(a.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject json = Cli.onlyJsonObject(r.out());
        assertThat(json.get("status").getAsString()).isEqualTo("FINISHED");
        assertThat(json.get("restartCount").getAsInt()).isEqualTo(1);
        assertThat(list(json, "restarts")).singleElement().satisfies(restart -> {
            assertThat(restart.keySet()).containsExactly("failureTime", "restoreTime", "restoredCheckpointId",
                    "delayMs");
            assertThat(restart.get("restoreTime").getAsLong())
                    .isGreaterThanOrEqualTo(restart.get("failureTime").getAsLong());
            assertThat(restart.get("delayMs").getAsLong()).isZero();
        });
        assertThat(list(json, "failures")).singleElement().satisfies(f -> {
            assertThat(f.get("operator").getAsString()).isEqualTo("count");
            assertThat(f.get("subtask").getAsInt()).isEqualTo(1);
            assertThat(f.get("message").getAsString()).contains("count #1 at record 5000");
        });
        assertThat(list(json, "delivery")).singleElement().satisfies(d -> {
            assertThat(d.get("committed").getAsLong()).isEqualTo(20_000);
            assertThat(d.get("expected").getAsLong()).isEqualTo(20_000);
            assertThat(d.get("verdict").getAsString()).isEqualTo("exactly-once held");
        });
        assertThat(r.err()).contains("failure at +").contains("restart 1 at +");
    }

    @Test
    void chaosAndAFailureAtATime_allRecover_andTheReadableSummarySaysExactlyOnceHeld() throws Exception {
        Path file = Cli.write(dir, "kc.json",
                Cli.keyedCountPipeline(30_000, 10_000, "transactional-sink", "forward", CHECKPOINTS));
        List<String> a = new ArrayList<>(List.of(args(file, "--fail", "numbers@300ms", "--chaos", "2", "--seed",
                "7")));
        a.addAll(List.of(QUICK_RESTARTS));

        Cli.Result r = Cli.run(a.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("FINISHED").containsPattern("Restarts: [1-9]")
                .contains("failure injected into numbers #0")
                .containsPattern("sink\\s+30,000\\s+30,000\\s+0\\s+0\\s+exactly-once held");
        assertThat(r.err()).contains("chaos: ").contains("failures injected");
    }

    @Test
    void collectSinkWithAFailure_reportsDuplicatesAndNothingLost() throws Exception {
        Path file = Cli.write(dir, "collect.json",
                Cli.keyedCountPipeline(20_000, 0, "collect-sink", "forward", CHECKPOINTS));
        List<String> a = new ArrayList<>(List.of(args(file, "--fail", "count:0@#6000", "--json")));
        a.addAll(List.of(QUICK_RESTARTS));

        Cli.Result r = Cli.run(a.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject d = list(Cli.onlyJsonObject(r.out()), "delivery").get(0);
        assertThat(d.get("missing").getAsLong()).isZero();
        assertThat(d.get("duplicates").getAsLong()).isPositive();
        assertThat(d.get("verdict").getAsString()).startsWith("at-least-once: ").endsWith("nothing lost");
    }

    @Test
    void processingTimeWindows_deliveryIsNotComputable() throws Exception {
        Path file = Cli.write(dir, "windows.json", """
                {"format": 1, "name": "windows",
                 "operators": [
                   {"id": "numbers", "kind": "sequence-source", "parallelism": 1, "params": {"count": 2000}},
                   {"id": "window", "kind": "tumbling-window-count", "parallelism": 1,
                    "params": {"size": 100, "unit": "ms"}},
                   {"id": "sink", "kind": "transactional-sink", "parallelism": 1}],
                 "edges": [{"from": "numbers", "to": "window", "partitioning": "hash"},
                           {"from": "window", "to": "sink", "partitioning": "forward"}]}
                """);

        Cli.Result r = Cli.run("run", file.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject d = list(Cli.onlyJsonObject(r.out()), "delivery").get(0);
        assertThat(d.get("verdict").getAsString()).startsWith("not computable: ")
                .contains("'window'").contains("processing-time");
        assertThat(d.get("expected").isJsonNull()).isTrue();
    }

    @Test
    void exponentialDelayFlags_setTheRestartDelay() throws Exception {
        Path file = Cli.write(dir, "kc.json", Cli.keyedCountPipeline(20_000, CHECKPOINTS));

        Cli.Result r = Cli.run("run", file.toString(), "--fail", "count@#4000", "--restart-strategy",
                "exponential-delay", "--restart-delay", "30ms", "--restart-max-delay", "1s",
                "--restart-multiplier", "3", "--restart-reset-threshold", "10m", "--restart-jitter", "0", "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(list(Cli.onlyJsonObject(r.out()), "restarts")).singleElement()
                .satisfies(restart -> assertThat(restart.get("delayMs").getAsLong()).isEqualTo(30));
    }

    @Test
    void failureRateExceeded_failsTheJobWithExitOne() throws Exception {
        Path file = Cli.write(dir, "kc.json",
                Cli.keyedCountPipeline(40_000, 10_000, "transactional-sink", "forward", CHECKPOINTS));

        Cli.Result r = Cli.run("run", file.toString(), "--fail", "count@#1000", "--fail", "numbers:1@800ms",
                "--restart-strategy", "failure-rate", "--restart-max-failures", "1", "--restart-interval", "1m",
                "--restart-delay", "0ms", "--failover", "full", "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.JOB_FAILED);
        JsonObject json = Cli.onlyJsonObject(r.out());
        assertThat(json.get("status").getAsString()).isEqualTo("FAILED");
        assertThat(json.get("restartCount").getAsInt()).isEqualTo(1);
        assertThat(list(json, "failures")).hasSize(2);
        // The job failed before the end of its input: the delivery check shows the loss.
        assertThat(json.get("delivery").toString()).contains("lost");
    }

    @Test
    void failureWithoutCheckpointing_warnsThatTheRestartStrategyIsNone_andTheJobFails() throws Exception {
        Path file = Cli.write(dir, "kc.json", Cli.keyedCountPipeline(20_000, "{}"));

        Cli.Result r = Cli.run("run", file.toString(), "--fail", "count@#3000");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(r.err()).contains("restart strategy is none").contains("the job failed");
        // Checkpointing off, no restart: the job fails and the delivery check reports what was lost.
        assertThat(r.out()).contains("FAILED").contains("records lost");
    }

    @Test
    void noDeliveryCheck_skipsTheReferenceRun() throws Exception {
        Path file = Cli.write(dir, "kc.json", Cli.keyedCountPipeline(2_000, "{}"));

        Cli.Result r = Cli.run("run", file.toString(), "--no-delivery-check");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Delivery: not checked (--no-delivery-check)");
        assertThat(r.err()).doesNotContain("checking delivery");
    }
}
