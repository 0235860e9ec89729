package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.Retention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path checkpoints;

    private long stateFiles() throws Exception {
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long checkpointDirectories() {
        try (Stream<Path> dirs = Files.list(checkpoints)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("chk-")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}: files kept after cancel = {1}")
    @CsvSource({"NONE, false", "DELETE_ON_CANCELLATION, false", "RETAIN_ON_CANCELLATION, true"})
    void retentionDecidesWhetherCheckpointFilesOutliveACancelledJob(Retention retention, boolean kept)
            throws Exception {
        CheckpointOptions options = CheckpointOptions.defaults().withDirectory(checkpoints)
                .withRetention(retention).withRetained(2);
        JobConfig config = JobConfig.of(TestPipelines.keyedCount(0, 100, 1, "discard-sink", true))
                .withCheckpointOptions(options);
        Job job = Job.start(config);
        assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(job.triggerCheckpoint().get().status().name()).isEqualTo("COMPLETED");
        }
        assertThat(stateFiles()).isPositive();
        // Subsumed checkpoints are deleted off the control thread.
        Await.until(() -> checkpointDirectories() == 2, "only the 2 retained checkpoints to be kept");
        job.cancel();
        assertThat(job.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(stateFiles() > 0).isEqualTo(kept);
    }

    /** When the job is cancelled, relative to its second checkpoint. */
    enum CancelPoint {
        /** Right after the trigger: the sources may not even have taken it. */
        RIGHT_AFTER_THE_TRIGGER,
        /** The job is paused: the sources acknowledged (their files are in chk-2), the counts have no barrier yet. */
        SOURCES_ACKNOWLEDGED,
        /** While a count subtask writes its megabytes of state (if the checkpoint does not complete first). */
        DURING_AN_ASYNC_PHASE
    }

    private static long countRecordsIn(Job job) {
        return job.summary().operators().stream().filter(o -> o.id().equals("count"))
                .mapToLong(OperatorSummary::recordsIn).sum();
    }

    @ParameterizedTest(name = "cancelled {0}")
    @EnumSource(CancelPoint.class)
    void aJobCancelledDuringACheckpoint_leavesOnlyCompleteRetainedCheckpoints(CancelPoint cancelPoint)
            throws Exception {
        CheckpointOptions options = CheckpointOptions.defaults().withDirectory(checkpoints)
                .withRetention(Retention.RETAIN_ON_CANCELLATION).withRetained(1);
        JobConfig config = JobConfig.of(TestPipelines.keyedCount(0, 200_000, 2, "discard-sink", true))
                .withCheckpointOptions(options);
        Job job = Job.start(config);
        assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
        assertThat(job.triggerCheckpoint().get().status().name()).isEqualTo("COMPLETED");
        // Every key has state: the next snapshot's async phase writes megabytes.
        Await.until(() -> countRecordsIn(job) >= 200_000, "every one of the 200,000 keys to be counted");
        if (cancelPoint == CancelPoint.SOURCES_ACKNOWLEDGED) {
            job.setPaused(true);
            assertThat(job.awaitControlsApplied(Duration.ofSeconds(10))).isTrue();
        }
        CompletableFuture<CheckpointStats> second = job.triggerCheckpoint();
        switch (cancelPoint) {
            case RIGHT_AFTER_THE_TRIGGER -> { }
            case SOURCES_ACKNOWLEDGED -> {
                Await.until(() -> acknowledged(job, 2) == 2, "both sources to acknowledge checkpoint 2");
                assertThat(checkpoints.resolve("chk-2")).as("the sources' part of checkpoint 2").isDirectory();
                assertThat(second).isNotDone();
            }
            case DURING_AN_ASYNC_PHASE -> Await.until(() -> second.isDone() || job.snapshot().subtasks().stream()
                    .anyMatch(s -> s.operatorIds().contains("count") && s.asyncSnapshots() > 0),
                    "a count subtask's async phase (or the end of checkpoint 2)");
        }
        job.cancel();
        assertThat(job.awaitTermination(Duration.ofSeconds(10))).isTrue();

        try (Stream<Path> dirs = Files.list(checkpoints)) {
            assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("chk-")))
                    .as("a cancelled checkpoint's files are gone; the retained one is complete")
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(d.resolve("_metadata.json")).exists());
        }
    }

    private static int acknowledged(Job job, long checkpointId) {
        return job.checkpointHistory().stream().filter(c -> c.id() == checkpointId)
                .mapToInt(CheckpointStats::acknowledged).findFirst().orElse(0);
    }
}
