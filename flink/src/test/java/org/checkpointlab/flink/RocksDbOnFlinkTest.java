package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.StateBackendKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed count on Flink's RocksDB backend with incremental checkpoints (FRocksDB, the same org.rocksdb the local
 * engine's RocksDB backend runs on): a failure restores the keyed state from the latest incremental checkpoint, and
 * a savepoint of the RocksDB job restores at another parallelism, both with exactly-once committed output.
 */
class RocksDbOnFlinkTest {

    private static JobConfig rocksDb(long ratePerSecond, Path checkpoints) {
        return JobConfig.of(RecoveryOnFlinkTest.keyedCount(ratePerSecond))
                .withBackend(StateBackendKind.ROCKSDB).withIncremental(true)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(100))
                        .withDirectory(checkpoints))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ofMillis(20)));
    }

    @Test
    void aFailureRestoresRocksDbStateFromTheLatestIncrementalCheckpoint_exactlyOnce(@TempDir Path dir)
            throws Exception {
        JobConfig config = rocksDb(2_000, dir.resolve("checkpoints"))
                .withPlannedFailures(List.of(PlannedFailure.atRecords("count", 0, 4_000)));

        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), config)) {
            assertThat(run.awaitTermination(Duration.ofSeconds(90))).isTrue();
            JobSummary summary = run.summary();

            assertThat(summary.status()).as(summary.failureCause()).isEqualTo(JobStatus.FINISHED);
            assertThat(summary.restarts()).isEqualTo(1);
            assertThat(summary.completedCheckpoints()).isPositive();
            JsonObject options = new FlinkRestClient(run.cluster().restAddress())
                    .get("/jobs/" + run.jobId().toHexString() + "/checkpoints/config");
            assertThat(FlinkRestClient.getString(options, "state_backend")).contains("RocksDB");
            assertThat(summary.checkpoints()).as("an incremental checkpoint uploads less than the full state")
                    .anySatisfy(c -> assertThat(c.checkpointedSize()).isPositive().isLessThan(c.fullSize()));
            assertThat(DeliveryCheck.check(config, run.sinkOutputs())).singleElement()
                    .satisfies(d -> assertThat(d.exactlyOnce()).as(d.verdict()).isTrue());
        }
    }

    @Test
    void aSavepointOfTheRocksDbJobRestoresAtAnotherParallelism_exactlyOnce(@TempDir Path dir) throws Exception {
        SavepointRescaleRoundTrip.assertExactlyOnceAcrossRescale(rocksDb(1_000, dir.resolve("checkpoints")),
                dir.resolve("savepoints"), 2_000);
    }
}
