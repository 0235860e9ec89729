package org.checkpointlab.model.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.CommittedRecords;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stop-with-savepoint, then restore with another parallelism: the committed output of both runs together equals a
 * run without interruption, record for record; keyed state followed its key groups to the new subtasks.
 */
class SavepointRestoreTest {
    private static final long RECORDS = 60_000;

    @TempDir
    Path dir;

    static PipelineSpec pipeline(int sourceP, int countP, int sinkP, long rate) {
        return new PipelineSpec(1, "keyed count", List.of(
                new OperatorSpec("source", "source", "sequence-source", sourceP, null,
                        Map.of("count", RECORDS, "keys", 97L, "ratePerSecond", rate)),
                new OperatorSpec("count", "count", "keyed-count", countP, null, Map.of()),
                new OperatorSpec("sink", "sink", "transactional-sink", sinkP, null, Map.of())),
                List.of(new EdgeSpec("source", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.REBALANCE)),
                Map.of(), true);
    }

    @ParameterizedTest(name = "source 2->{0}, count 2->{1}")
    @CsvSource({"3, 3", "1, 1", "2, 4"})
    void stopWithSavepointThenRestoreRescaled_committedOutputEqualsAnUninterruptedRun(int newSourceP,
            int newCountP) throws Exception {
        CheckpointOptions options = CheckpointOptions.defaults().withInterval(Duration.ofMillis(50));
        List<String> expected;
        try (Job clean = Job.start(JobConfig.of(pipeline(2, 2, 2, 0)).withCheckpointOptions(options))) {
            assertThat(clean.awaitTermination(Duration.ofSeconds(30))).isTrue();
            expected = CommittedRecords.sorted(clean);
        }
        expected.sort(Comparator.naturalOrder());

        Path savepoint = dir.resolve("sp-1");
        List<String> actual = new ArrayList<>();
        // Sources at 10,000 records per second each: the 60,000 records take 3 s, the stop comes after a tenth.
        try (Job first = Job.start(JobConfig.of(pipeline(2, 2, 2, 10_000)).withCheckpointOptions(options))) {
            assertThat(first.awaitRunning(Duration.ofSeconds(10))).isTrue();
            Await.until(() -> first.summary().sourceRecords() >= RECORDS / 10, "a tenth of the records");
            SavepointResult written = first.stopWithSavepoint(savepoint).get(20, TimeUnit.SECONDS);
            assertThat(first.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(first.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(written.path()).isEqualTo(savepoint.toAbsolutePath().normalize());
            assertThat(written.sizeBytes()).isPositive();
            assertThat(first.summary().sourceRecords()).isBetween(1L, RECORDS - 1);
            actual.addAll(CommittedRecords.sorted(first));
        }
        Savepoint read = SavepointReader.read(savepoint);
        assertThat(read.operator("count").parallelism()).isEqualTo(2);
        assertThat(read.operator("count").maxParallelism()).isEqualTo(128);

        JobConfig resumed = JobConfig.of(pipeline(newSourceP, newCountP, 2, 0)).withCheckpointOptions(options)
                .withRestore(new SavepointRestore(savepoint, false));
        try (Job second = Job.start(resumed)) {
            assertThat(second.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(second.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(second.snapshot().subtasks()).allSatisfy(s ->
                    assertThat(s.restoredCheckpointId()).isEqualTo(read.metadata().checkpointId()));
            assertThat(second.snapshot().startedFromSavepointId()).as("the job knows it started from a savepoint")
                    .isEqualTo(read.metadata().checkpointId());
            actual.addAll(CommittedRecords.sorted(second));
        }
        actual.sort(Comparator.naturalOrder());
        assertThat(actual).isEqualTo(expected);
    }

    private Path takeSavepoint() throws Exception {
        Path savepoint = dir.resolve("sp");
        try (Job job = Job.start(JobConfig.of(pipeline(2, 2, 2, 100_000)))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            job.triggerSavepoint(savepoint).get(20, TimeUnit.SECONDS);
        }
        return savepoint;
    }

    private PipelineException restoreFails(Path savepoint, PipelineSpec pipeline, boolean allowNonRestored) {
        JobConfig config = JobConfig.of(pipeline).withRestore(new SavepointRestore(savepoint, allowNonRestored));
        try (Job job = Job.start(config)) {
            throw new AssertionError("restore should have been refused, but the job started: " + job.status());
        } catch (PipelineException e) {
            return e;
        }
    }

    @org.junit.jupiter.api.Test
    void savepointIsWrittenAtomically_andNeverOverwritesAnExistingDirectory() throws Exception {
        Path savepoint = takeSavepoint();
        assertThat(savepoint.resolve(SavepointMetadata.FILE_NAME)).exists();
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("sp");
        }
        try (Job job = Job.start(JobConfig.of(pipeline(2, 2, 2, 100_000)))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThatThrownBy(() -> job.triggerSavepoint(savepoint).get(20, TimeUnit.SECONDS))
                    .hasMessageContaining("already exists");
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        }
    }

    @org.junit.jupiter.api.Test
    void badSavepoints_areRefusedWithAMessageNamingTheProblem() throws Exception {
        Path savepoint = takeSavepoint();
        PipelineSpec same = pipeline(2, 2, 2, 0);

        assertThat(restoreFails(dir.resolve("nope"), same, false).getMessage()).contains("does not exist");
        Files.createDirectories(dir.resolve("empty"));
        assertThat(restoreFails(dir.resolve("empty"), same, false).getMessage()).contains("is not a savepoint");

        // Removed operator: refused unless non-restored state is allowed.
        PipelineSpec withoutCount = new PipelineSpec(1, "no count", List.of(
                new OperatorSpec("source", "source", "sequence-source", 2, null, Map.of("count", 10L)),
                new OperatorSpec("sink", "sink", "transactional-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("source", "sink", Partitioning.FORWARD)), Map.of(), true);
        assertThat(restoreFails(savepoint, withoutCount, false).getMessage())
                .contains("operator 'count'", "not in the pipeline");
        try (Job ok = Job.start(JobConfig.of(withoutCount)
                .withRestore(new SavepointRestore(savepoint, true)))) {
            assertThat(ok.awaitTermination(Duration.ofSeconds(20))).isTrue();
        }

        // State type no longer matches.
        PipelineSpec sumInstead = new PipelineSpec(1, "sum", List.of(same.operators().get(0),
                new OperatorSpec("count", "count", "keyed-sum", 2, null, Map.of()), same.operators().get(2)),
                same.edges(), Map.of(), true);
        assertThat(restoreFails(savepoint, sumInstead, false).getMessage())
                .contains("was a keyed-count and is a keyed-sum now");

        // Parallelism above the saved max parallelism.
        assertThat(restoreFails(savepoint, pipeline(2, 200, 2, 0), false).getMessage())
                .contains("parallelism 200 is above the savepoint's max parallelism 128");

        // A truncated state file and a corrupt metadata file.
        Path keyed;
        try (var files = Files.list(savepoint)) {
            keyed = files.filter(p -> p.toString().endsWith(".keyed")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(keyed);
        Files.write(keyed, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(restoreFails(savepoint, same, false).getMessage()).contains(keyed.getFileName().toString(),
                "truncated");
        Files.write(keyed, bytes);
        Path meta = savepoint.resolve(SavepointMetadata.FILE_NAME);
        String json = Files.readString(meta);
        Files.writeString(meta, json.replace("\"format\": 1", "\"format\": 7"));
        assertThat(restoreFails(savepoint, same, false).getMessage()).contains("unknown savepoint format 7");
        Files.writeString(meta, json.substring(0, json.length() / 2));
        assertThat(restoreFails(savepoint, same, false).getMessage()).contains("corrupt");
    }
}
