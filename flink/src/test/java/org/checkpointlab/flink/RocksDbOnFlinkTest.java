package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.SinkStore;
import org.checkpointlab.model.runtime.StreamRecord;
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
        JobConfig first = rocksDb(1_000, dir.resolve("checkpoints"));
        List<StreamRecord> before;
        String savepoint;
        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), first)) {
            Await.until(() -> run.sourceRecords() >= 2_000 || run.isDone(), Duration.ofSeconds(60),
                    "2,000 source records or the job's end");
            savepoint = run.stopWithSavepoint(dir.resolve("savepoints"), false, Duration.ofSeconds(60));
            assertThat(run.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(run.status()).isEqualTo(JobStatus.FINISHED);
            before = run.sinkOutputs().get("output").records();
        }
        assertThat(before).isNotEmpty().hasSizeLessThan(12_000);

        JobConfig second = first.withRestore(new SavepointRestore(Path.of(java.net.URI.create(savepoint)), false))
                .withParallelism(Map.of("numbers", 3, "count", 3, "output", 3));
        List<StreamRecord> after;
        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), second)) {
            assertThat(run.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(run.summary().status()).isEqualTo(JobStatus.FINISHED);
            after = run.sinkOutputs().get("output").records();
        }
        SinkStore both = new SinkStore(null);
        SinkOutput combined = both.output("output", null);
        combined.commit("before", before);
        combined.commit("after", after);
        assertThat(DeliveryCheck.check(first, both.outputs())).singleElement()
                .satisfies(d -> assertThat(d.exactlyOnce()).as(d.verdict()).isTrue());
    }
}
