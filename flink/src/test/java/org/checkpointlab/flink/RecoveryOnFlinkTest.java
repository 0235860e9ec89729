package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure injected into the Flink job (the translation's failure hook in the keyed count, armed by the test)
 * makes Flink restore from the latest checkpoint, and the transactional sink's committed output is still
 * exactly-once: equal to the local engine's failure-free run, with part files in the local engine's layout.
 */
class RecoveryOnFlinkTest {

    static PipelineSpec keyedCount(long ratePerSecond) {
        return new PipelineSpec(1, "keyed count", List.of(
                new OperatorSpec("numbers", null, "sequence-source", 2, null,
                        Map.of("count", 12_000, "keys", 50, "ratePerSecond", ratePerSecond)),
                new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                new OperatorSpec("output", null, "transactional-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.FORWARD)),
                Map.of(), true);
    }

    @Test
    void anInjectedFailureRecoversWithExactlyOnceOutput(@TempDir Path output) throws Exception {
        JobConfig config = JobConfig.of(keyedCount(20_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(50)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ofMillis(20)))
                .withOutputDir(output)
                .withPlannedFailures(List.of(PlannedFailure.atRecords("count", 0, 4_000)));

        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), config)) {
            assertThat(run.awaitTermination(Duration.ofSeconds(60))).isTrue();
            JobSummary summary = run.summary();

            assertThat(summary.status()).as(summary.failureCause()).isEqualTo(JobStatus.FINISHED);
            assertThat(summary.restarts()).isEqualTo(1);
            assertThat(summary.completedCheckpoints()).isPositive();
            List<DeliveryCheck.SinkDelivery> delivery = DeliveryCheck.check(config, run.sinkOutputs());
            assertThat(delivery).singleElement().satisfies(d -> {
                assertThat(d.exactlyOnce()).as(d.verdict()).isTrue();
                assertThat(d.committed()).isEqualTo(12_000);
            });
            assertThat(partFileLines(output.resolve("output")))
                    .containsExactlyInAnyOrderElementsOf(run.sinkOutputs().get("output").records().stream()
                            .map(r -> r.key() + "," + r.value()).toList());
        }
    }

    @Test
    void aFailureTheTestRequestsWhileTheJobRunsRecoversFromTheLatestCheckpoint() throws Exception {
        JobConfig config = JobConfig.of(keyedCount(4_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(50)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ofMillis(20)));

        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), config)) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (run.sinkOutputs().get("output").count() == 0) {
                assertThat(System.nanoTime()).as("a checkpoint committed output within 60 s").isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            long committedBefore = run.sinkOutputs().get("output").count();
            run.injectFailure("count", 1);

            assertThat(run.awaitTermination(Duration.ofSeconds(60))).isTrue();
            JobSummary summary = run.summary();
            assertThat(summary.status()).as(summary.failureCause()).isEqualTo(JobStatus.FINISHED);
            assertThat(run.injectedFailures()).isEqualTo(1);
            assertThat(summary.restarts()).isEqualTo(1);
            assertThat(committedBefore).isPositive().isLessThan(12_000);
            assertThat(DeliveryCheck.check(config, run.sinkOutputs())).singleElement()
                    .satisfies(d -> assertThat(d.exactlyOnce()).as(d.verdict()).isTrue());
        }
    }

    @Test
    void aFailurePlannedAtATimeFiresOnceAndRecovers() throws Exception {
        JobConfig config = JobConfig.of(keyedCount(4_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(50)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ofMillis(20)))
                .withPlannedFailures(List.of(PlannedFailure.after("output", 1, Duration.ofMillis(300))));

        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), config)) {
            assertThat(run.awaitTermination(Duration.ofSeconds(60))).isTrue();
            JobSummary summary = run.summary();
            assertThat(summary.status()).as(summary.failureCause()).isEqualTo(JobStatus.FINISHED);
            assertThat(summary.restarts()).isEqualTo(1);
            assertThat(DeliveryCheck.check(config, run.sinkOutputs())).singleElement()
                    .satisfies(d -> assertThat(d.exactlyOnce()).as(d.verdict()).isTrue());
        }
    }

    @Test
    void withoutRestartsTheInjectedFailureFailsTheJobAndNamesIt() throws Exception {
        JobConfig config = JobConfig.of(keyedCount(0))
                .withRestartStrategy(new RestartStrategy.None())
                .withPlannedFailures(List.of(PlannedFailure.atRecords("count", 1, 100)));

        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), config)) {
            assertThat(run.awaitTermination(Duration.ofSeconds(60))).isTrue();
            JobSummary summary = run.summary();
            assertThat(summary.status()).isEqualTo(JobStatus.FAILED);
            assertThat(summary.failureCause()).contains("injected failure: operator 'count' subtask 1 at record 100");
        }
    }

    /** Every line of every committed part file {@code part-output-s<i>-c<n>.txt} (or {@code -end}). */
    private static List<String> partFileLines(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).toList();
            assertThat(parts).isNotEmpty().allSatisfy(f ->
                    assertThat(f.getFileName().toString()).matches("part-output-s[01]-(c\\d+|end)\\.txt"));
            return parts.stream().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
