package org.checkpointlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** Savepoints, retained checkpoints and restore through {@code run}, and {@code inspect-savepoint}. */
class SavepointFlagsTest {
    private static final String CHECKPOINTS = "{\"interval\": \"100ms\"}";

    @TempDir
    Path dir;

    private static List<JsonObject> list(JsonObject json, String field) {
        List<JsonObject> out = new ArrayList<>();
        json.getAsJsonArray(field).forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    /** The order-independent digests of two outputs add up (mod 2^64) to the digest of both together. */
    private static String combinedDigest(String a, String b) {
        return String.format("%016x", Long.parseUnsignedLong(a, 16) + Long.parseUnsignedLong(b, 16));
    }

    private static JsonObject sink(JsonObject json) {
        return json.getAsJsonArray("sinks").get(0).getAsJsonObject();
    }

    @Test
    void stopWithSavepointThenRestoreWithNewParallelism_togetherCommitWhatOneRunCommits() throws Exception {
        // The first run is throttled (about 5 s for all records) so that it is stopped early; the restored run
        // is the same pipeline without the limit.
        Path slow = Cli.write(dir, "slow.json",
                Cli.keyedCountPipeline(20_000, 2_000, "transactional-sink", "rebalance", CHECKPOINTS));
        Path fast = Cli.write(dir, "fast.json",
                Cli.keyedCountPipeline(20_000, 0, "transactional-sink", "rebalance", CHECKPOINTS));
        Path savepoints = dir.resolve("savepoints");

        Cli.Result first = Cli.run("run", slow.toString(), "--stop-with-savepoint-at", "400ms", "--savepoint-dir",
                savepoints.toString(), "--json");
        Cli.Result second = Cli.run("run", fast.toString(), "--from-savepoint",
                savepoints.resolve("savepoint-1").toString(), "--parallelism", "count=3", "--json");
        Cli.Result whole = Cli.run("run", fast.toString(), "--json", "--no-delivery-check");

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
        JsonObject a = Cli.onlyJsonObject(first.out());
        JsonObject b = Cli.onlyJsonObject(second.out());
        JsonObject one = Cli.onlyJsonObject(whole.out());
        assertThat(a.get("status").getAsString()).isEqualTo("FINISHED");
        assertThat(list(a, "savepoints")).singleElement().satisfies(s -> {
            assertThat(s.get("path").getAsString()).endsWith("savepoint-1");
            assertThat(s.get("sizeBytes").getAsLong()).isPositive();
            assertThat(s.get("checkpointId").getAsLong()).isPositive();
        });
        assertThat(list(a, "delivery").get(0).get("verdict").getAsString())
                .isEqualTo("not computable: the job was stopped with a savepoint before the end of its input");
        assertThat(first.err()).contains("stopped with savepoint " + savepoints.resolve("savepoint-1"));
        assertThat(b.get("status").getAsString()).isEqualTo("FINISHED");
        assertThat(b.getAsJsonArray("operators").get(1).getAsJsonObject().get("parallelism").getAsInt())
                .isEqualTo(3);
        assertThat(list(b, "delivery").get(0).get("verdict").getAsString())
                .startsWith("not computable: the job started from savepoint");
        long firstCount = sink(a).get("committedRecords").getAsLong();
        assertThat(firstCount).isPositive().isLessThan(20_000);
        assertThat(firstCount + sink(b).get("committedRecords").getAsLong())
                .isEqualTo(sink(one).get("committedRecords").getAsLong()).isEqualTo(20_000);
        assertThat(combinedDigest(sink(a).get("digest").getAsString(), sink(b).get("digest").getAsString()))
                .isEqualTo(sink(one).get("digest").getAsString());
    }

    @Test
    void stopWithDrain_flushesEverythingFirst_andAJobResumedFromItReadsNothingMore() throws Exception {
        Path slow = Cli.write(dir, "slow.json",
                Cli.keyedCountPipeline(20_000, 2_000, "transactional-sink", "rebalance", CHECKPOINTS));
        Path savepoints = dir.resolve("savepoints");

        Cli.Result first = Cli.run("run", slow.toString(), "--stop-with-savepoint-at", "400ms", "--drain",
                "--savepoint-dir", savepoints.toString(), "--json");
        Cli.Result second = Cli.run("run", slow.toString(), "--from-savepoint",
                savepoints.resolve("savepoint-1").toString(), "--parallelism", "count=3", "--json");

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.err()).contains("stopped with savepoint (drained) " + savepoints.resolve("savepoint-1"));
        JsonObject a = Cli.onlyJsonObject(first.out());
        assertThat(a.get("status").getAsString()).isEqualTo("FINISHED");
        assertThat(sink(a).get("committedRecords").getAsLong()).isPositive().isLessThan(20_000);
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
        JsonObject b = Cli.onlyJsonObject(second.out());
        assertThat(b.get("status").getAsString()).isEqualTo("FINISHED");
        assertThat(b.get("sourceRecords").getAsLong()).as("a drained source stays finished").isZero();
        assertThat(sink(b).get("committedRecords").getAsLong()).isZero();
    }

    @Test
    void stopAfterTheJobFinished_saysSo_takesNoSavepoint_andExitsZero() throws Exception {
        Path fast = Cli.write(dir, "fast.json",
                Cli.keyedCountPipeline(2_000, 0, "transactional-sink", "rebalance", CHECKPOINTS));
        Path savepoints = dir.resolve("savepoints");

        Cli.Result r = Cli.run("run", fast.toString(), "--stop-with-savepoint-at", "20s", "--savepoint-dir",
                savepoints.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("stop-with-savepoint at 20s: job already finished; no savepoint taken");
        JsonObject json = Cli.onlyJsonObject(r.out());
        assertThat(list(json, "savepoints")).isEmpty();
        assertThat(sink(json).get("committedRecords").getAsLong()).isEqualTo(2_000);
        assertThat(savepoints.resolve("savepoint-1")).doesNotExist();
    }

    @Test
    void drainWithoutAStop_isRefused() throws Exception {
        Path fast = Cli.write(dir, "fast.json",
                Cli.keyedCountPipeline(2_000, 0, "transactional-sink", "rebalance", CHECKPOINTS));

        Cli.Result r = Cli.run("run", fast.toString(), "--drain");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--drain is used only with --stop-with-savepoint-at");
    }

    @Test
    void savepointsAt_goToFreshNumberedDirectories_andTheRunStillHoldsExactlyOnce() throws Exception {
        Path file = Cli.write(dir, "kc.json",
                Cli.keyedCountPipeline(20_000, 10_000, "transactional-sink", "forward", CHECKPOINTS));
        Path savepoints = Files.createDirectories(dir.resolve("savepoints").resolve("savepoint-3")).getParent();

        Cli.Result r = Cli.run("run", file.toString(), "--savepoint-at", "200ms", "--savepoint-at", "500ms",
                "--savepoint-dir", savepoints.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonObject json = Cli.onlyJsonObject(r.out());
        assertThat(list(json, "savepoints")).extracting(s -> Path.of(s.get("path").getAsString()).getFileName()
                .toString()).containsExactly("savepoint-4", "savepoint-5");
        assertThat(Files.exists(savepoints.resolve("savepoint-4").resolve("_metadata.json"))).isTrue();
        assertThat(list(json, "delivery").get(0).get("verdict").getAsString()).isEqualTo("exactly-once held");
        assertThat(r.err()).contains("savepoint written: " + savepoints.resolve("savepoint-4"));
    }

    @Test
    void inspectSavepoint_printsOperatorsKeyGroupRangesAndStateSizes_asTextAndJson() throws Exception {
        Path savepoint = takeSavepoint();

        Cli.Result text = Cli.run("inspect-savepoint", savepoint.toString());
        Cli.Result json = Cli.run("inspect-savepoint", savepoint.toString(), "--json");

        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).startsWith("Savepoint " + savepoint)
                .containsPattern("Checkpoint id: [1-9]")
                .contains("Pipeline: small keyed count")
                .containsPattern("count\\s+keyed-count\\s+2\\s+128")
                .containsPattern("count\\s+0\\s+0-63\\s+\\d+(\\.\\d)? (B|KiB)\\s+\\d+ B")
                .containsPattern("count\\s+1\\s+64-127")
                .containsPattern("numbers\\s+0\\s+-\\s+-\\s+\\S+");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
        JsonObject root = Cli.onlyJsonObject(json.out());
        assertThat(root.get("type").getAsString()).isEqualTo("savepoint");
        assertThat(root.get("checkpointId").getAsLong()).isPositive();
        JsonObject count = list(root, "operators").stream().filter(o -> o.get("id").getAsString().equals("count"))
                .findFirst().orElseThrow();
        assertThat(count.get("maxParallelism").getAsInt()).isEqualTo(128);
        JsonObject subtask1 = count.getAsJsonArray("subtasks").get(1).getAsJsonObject();
        assertThat(subtask1.get("keyGroupStart").getAsInt()).isEqualTo(64);
        assertThat(subtask1.get("keyGroupEnd").getAsInt()).isEqualTo(127);
        assertThat(subtask1.get("keyedStateBytes").getAsLong()).isPositive();
        assertThat(root.getAsJsonArray("inFlight")).isEmpty();
    }

    @Test
    void corruptSavepoint_exitsTwoNamingTheFile_forInspectAndForRestore() throws Exception {
        Path savepoint = takeSavepoint();
        Path file = Cli.write(dir, "kc.json", Cli.keyedCountPipeline(1_000, CHECKPOINTS));
        Files.writeString(savepoint.resolve("count-1.keyed"), "not state");

        Cli.Result inspect = Cli.run("inspect-savepoint", savepoint.toString());
        Cli.Result restore = Cli.run("run", file.toString(), "--from-savepoint", savepoint.toString());

        assertThat(inspect.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(inspect.err()).contains("count-1.keyed");
        assertThat(inspect.out()).isEmpty();
        assertThat(restore.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(restore.err()).contains("count-1.keyed");
    }

    @Test
    void inspectOfADirectoryThatIsNoSavepoint_exitsTwoSayingWhy() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Cli.Result r = Cli.run("inspect-savepoint", empty.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("is not a savepoint").contains("_metadata.json");
    }

    @Test
    void retainedCheckpointOfACancelledRun_isInspectedAsACheckpointAndRestores() throws Exception {
        Path endless = Cli.write(dir, "endless.json",
                Cli.keyedCountPipeline(0, 5_000, "transactional-sink", "forward", CHECKPOINTS));
        Path bounded = Cli.write(dir, "bounded.json", Cli.keyedCountPipeline(20_000, CHECKPOINTS));
        Path checkpoints = dir.resolve("checkpoints");

        Cli.Result run = Cli.run("run", endless.toString(), "--retain-checkpoints", "--checkpoint-dir",
                checkpoints.toString(), "--duration", "600ms", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path chk;
        try (var entries = Files.list(checkpoints)) {
            chk = entries.filter(p -> p.getFileName().toString().startsWith("chk-")).findFirst().orElseThrow();
        }
        Cli.Result inspect = Cli.run("inspect-savepoint", chk.toString());
        Cli.Result restore = Cli.run("run", bounded.toString(), "--from-savepoint", chk.toString(), "--json");
        assertThat(inspect.exitCode()).as(inspect.err()).isEqualTo(ExitCodes.OK);
        assertThat(inspect.out()).startsWith("Checkpoint " + chk.toAbsolutePath().normalize());
        assertThat(restore.exitCode()).as(restore.err()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.onlyJsonObject(restore.out()).get("status").getAsString()).isEqualTo("FINISHED");
    }

    /** A savepoint of the small keyed-count pipeline, taken while it runs. */
    private Path takeSavepoint() throws Exception {
        Path file = Cli.write(dir, "slow.json",
                Cli.keyedCountPipeline(20_000, 2_000, "transactional-sink", "forward", CHECKPOINTS));
        Path savepoints = dir.resolve("taken");
        Cli.Result r = Cli.run("run", file.toString(), "--stop-with-savepoint-at", "300ms", "--savepoint-dir",
                savepoints.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        return savepoints.resolve("savepoint-1").toAbsolutePath().normalize();
    }
}
