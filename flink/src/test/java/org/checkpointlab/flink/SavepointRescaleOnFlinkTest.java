package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint taken on Flink (stop-with-savepoint) restores on Flink at another parallelism, and what the two runs
 * committed together is exactly the failure-free output: keyed counts continue from the redistributed key groups,
 * sources from their split offsets, and the savepoint's transactions are committed once.
 */
class SavepointRescaleOnFlinkTest {

    @Test
    void stopWithSavepointThenRestoreAtNewParallelismIsExactlyOnce(@TempDir Path savepoints) throws Exception {
        JobConfig first = JobConfig.of(RecoveryOnFlinkTest.keyedCount(4_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(100)));
        SavepointRescaleRoundTrip.assertExactlyOnceAcrossRescale(first, savepoints, 3_000);
    }

    @Test
    void aSavepointTakenWhileTheJobRunsOnIsAFlinkSavepoint(@TempDir Path savepoints) throws Exception {
        JobConfig unbounded = JobConfig.of(RecoveryOnFlinkTest.keyedCount(1_000)).withRecords(0L);
        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), unbounded)) {
            assertThat(run.awaitRunning(Duration.ofSeconds(60))).isTrue();
            Path savepoint = Path.of(java.net.URI.create(run.triggerSavepoint(savepoints, Duration.ofSeconds(60))));
            assertThat(savepoint.resolve("_metadata")).isRegularFile();
            assertThat(run.status()).isEqualTo(JobStatus.RUNNING);
            run.cancel();
            assertThat(run.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(run.summary().checkpoints()).anySatisfy(c -> assertThat(c.savepoint()).isTrue());
        }
    }
}
