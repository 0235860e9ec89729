package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.Retention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path checkpoints;

    private long stateFiles() throws Exception {
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long checkpointDirectories() throws Exception {
        try (Stream<Path> dirs = Files.list(checkpoints)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("chk-")).count();
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
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (checkpointDirectories() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(5); // subsumed checkpoints are deleted off the control thread
        }
        assertThat(checkpointDirectories()).as("only the 2 retained checkpoints are kept").isEqualTo(2);
        job.cancel();
        assertThat(job.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(stateFiles() > 0).isEqualTo(kept);
    }

    @ParameterizedTest(name = "cancelled {0} ms after the trigger")
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 20, 50})
    void aJobCancelledDuringAnAsyncSnapshot_leavesOnlyCompleteRetainedCheckpoints(int cancelAfterMillis)
            throws Exception {
        CheckpointOptions options = CheckpointOptions.defaults().withDirectory(checkpoints)
                .withRetention(Retention.RETAIN_ON_CANCELLATION).withRetained(1);
        JobConfig config = JobConfig.of(TestPipelines.keyedCount(0, 200_000, 2, "discard-sink", true))
                .withCheckpointOptions(options);
        Job job = Job.start(config);
        assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
        assertThat(job.triggerCheckpoint().get().status().name()).isEqualTo("COMPLETED");
        Thread.sleep(300); // every key has state: the next snapshot's async phase writes megabytes
        job.triggerCheckpoint();
        Thread.sleep(cancelAfterMillis);
        job.cancel();
        assertThat(job.awaitTermination(Duration.ofSeconds(10))).isTrue();

        try (Stream<Path> dirs = Files.list(checkpoints)) {
            assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("chk-")))
                    .as("a cancelled checkpoint's files are gone; the retained one is complete")
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(d.resolve("_metadata.json")).exists());
        }
    }
}
