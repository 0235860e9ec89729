package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.SinkStore;
import org.checkpointlab.model.runtime.StreamRecord;
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
        List<StreamRecord> before;
        String savepoint;
        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), first)) {
            awaitSourceRecords(run, 3_000);
            savepoint = run.stopWithSavepoint(savepoints, false, Duration.ofSeconds(60));
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
        List<DeliveryCheck.SinkDelivery> delivery = DeliveryCheck.check(first, both.outputs());
        assertThat(delivery).singleElement().satisfies(d ->
                assertThat(d.exactlyOnce()).as(d.verdict()).isTrue());
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

    /** Waits (polling) until the sources emitted {@code n} records, at most 30 s. */
    private static void awaitSourceRecords(FlinkRun run, long n) {
        Await.until(run::sourceRecords, records -> records >= n, Duration.ofSeconds(30), n + " source records");
    }
}
