package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/**
 * At-least-once: after failures nothing is lost (every key's running count reaches at least its true count), but
 * records after an early barrier are in the snapshot's effects and are replayed: duplicates are allowed.
 */
class AtLeastOnceUnderFailuresTest {

    @Test
    void atLeastOnce_losesNothingAfterFailures() throws Exception {
        long records = 100_000;
        // Two sources into one keyed count: barriers arrive at different times, so at-least-once matters.
        PipelineSpec pipeline = new PipelineSpec(1, "alo", List.of(
                TestPipelines.source("fast", 1, records, 20L, 200_000L),
                TestPipelines.source("slow", 1, records, 20L, 100_000L),
                TestPipelines.op("union", "union", 2, Map.of()),
                TestPipelines.op("count", "keyed-count", 2, Map.of()),
                TestPipelines.op("sink", "transactional-sink", 2, Map.of())),
                List.of(TestPipelines.edge("fast", "union", Partitioning.REBALANCE),
                        TestPipelines.edge("slow", "union", Partitioning.REBALANCE),
                        TestPipelines.edge("union", "count", Partitioning.HASH),
                        TestPipelines.edge("count", "sink", Partitioning.FORWARD)),
                Map.of(), false);
        // Two failures by record count, one per attempt: count #0 in the first, union #1 in the one after.
        JobConfig config = JobConfig.of(pipeline)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(20))
                        .withMode(CheckpointingMode.AT_LEAST_ONCE))
                .withRestartStrategy(new RestartStrategy.FixedDelay(10, Duration.ZERO))
                .withPlannedFailures(List.of(PlannedFailure.atRecords("count", 0, 20_000),
                        PlannedFailure.atRecords("union", 1, 20_000).inAttempt(1)));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.failures()).extracting(f -> f.operatorId() + " #" + f.subtaskIndex())
                    .containsExactly("count #0", "union #1");
            assertThat(job.summary().restarts()).isEqualTo(2);
            Map<Object, Long> maxCount = new HashMap<>();
            for (StreamRecord r : job.sinkOutputs().get("sink").records()) {
                maxCount.merge(r.key(), (Long) r.value(), Math::max);
            }
            // Each source sends records/20 records per key, and there are two sources.
            assertThat(maxCount).hasSize(20).allSatisfy((key, count) ->
                    assertThat(count).as("key " + key).isGreaterThanOrEqualTo(2 * records / 20));
            assertThat(job.sinkOutputs().get("sink").count()).isGreaterThanOrEqualTo(2 * records);
        }
    }
}
