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
        long chkDirs;
        try (Stream<Path> dirs = Files.list(checkpoints)) {
            chkDirs = dirs.filter(d -> d.getFileName().toString().startsWith("chk-")).count();
        }
        assertThat(chkDirs).as("only the 2 retained checkpoints are kept").isEqualTo(2);
        job.cancel();
        assertThat(job.awaitTermination(Duration.ofSeconds(10))).isTrue();
        Thread.sleep(200); // retention is applied on the job's control thread right after it ends
        assertThat(stateFiles() > 0).isEqualTo(kept);
    }
}
