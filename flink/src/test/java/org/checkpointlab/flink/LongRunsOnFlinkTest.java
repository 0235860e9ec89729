package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Longer runs (profile {@code -Pflink-long}): the deterministic samples with 200,000 records per source and two
 * failures injected into an operator of each, recover on Flink with the local engine's output, record for record.
 */
@Tag("flink-long")
class LongRunsOnFlinkTest {

    @ParameterizedTest
    @CsvSource({"word-count.json, count", "two-source-union.json, count", "keyed-count-slow-sink.json, count",
        "benchmark-keyed-count.json, count"})
    void twoInjectedFailuresRecoverWithTheLocalEnginesOutput(String sample, String failing) throws Exception {
        JobConfig config = JobConfig.of(SamplesOnFlinkTest.withCollectSinks(
                        PipelineJson.read(Path.of("..", "samples", sample))))
                .withRecords(200_000L)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(200)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(5, Duration.ofMillis(50)))
                .withPlannedFailures(List.of(PlannedFailure.atRecords(failing, 0, 30_000),
                        PlannedFailure.atRecords(failing, 1, 60_000)));
        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), config)) {
            assertThat(run.awaitTermination(Duration.ofMinutes(5))).isTrue();
            JobSummary summary = run.summary();
            assertThat(summary.status()).as(summary.failureCause()).isEqualTo(JobStatus.FINISHED);
            assertThat(summary.restarts()).isPositive();
            List<DeliveryCheck.SinkDelivery> delivery = DeliveryCheck.check(config, run.sinkOutputs());
            assertThat(delivery).isNotEmpty().allSatisfy(d -> {
                if (d.kind().equals("transactional-sink")) {
                    assertThat(d.exactlyOnce()).as(d.sinkId() + ": " + d.verdict()).isTrue();
                } else {
                    // A collect sink shows replays: nothing lost, duplicates possible.
                    assertThat(d.missing()).as(d.sinkId() + ": " + d.verdict()).isZero();
                }
            });
        }
    }
}
