package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class KeyedCountJobTest {

    @Test
    void boundedJobWithCheckpoints_commitsEveryRunningCountExactlyOnce() throws Exception {
        JobConfig config = JobConfig.of(TestPipelines.keyedCount(200_000, 100, 2, "transactional-sink", true))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(50)));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            List<StreamRecord> out = job.sinkOutputs().get("sink").records();
            assertThat(out).hasSize(200_000);
            Map<Object, Long> maxPerKey = new HashMap<>();
            for (StreamRecord r : out) {
                maxPerKey.merge(r.key(), (Long) r.value(), Math::max);
            }
            assertThat(maxPerKey).hasSize(100).allSatisfy((k, v) -> assertThat(v).isEqualTo(2000L));
            List<CheckpointStats> checkpoints = job.checkpointHistory();
            assertThat(checkpoints).isNotEmpty();
            assertThat(checkpoints.get(checkpoints.size() - 1).status()).isEqualTo(CheckpointStatus.COMPLETED);
            JobSummary summary = job.summary();
            assertThat(summary.sourceRecords()).isEqualTo(200_000);
        }
    }
}
