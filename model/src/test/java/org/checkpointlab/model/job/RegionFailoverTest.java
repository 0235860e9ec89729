package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/** Region failover restarts only the failed task's pipelined region (a connected component of the pipeline). */
class RegionFailoverTest {

    /**
     * Two independent keyed counts, a-… and b-… (source at parallelism 1 -hash-> count -forward-> sink, 2 each): two
     * regions; each source emits 20,000 records per second.
     */
    private static PipelineSpec twoRegions(long records) {
        List<OperatorSpec> ops = new ArrayList<>();
        List<EdgeSpec> edges = new ArrayList<>();
        for (String region : List.of("a", "b")) {
            ops.add(TestPipelines.source(region + "-source", 1, records, 10, 20_000));
            ops.add(TestPipelines.op(region + "-count", "keyed-count", 2, Map.of()));
            ops.add(TestPipelines.op(region + "-sink", "transactional-sink", 2, Map.of()));
            edges.add(TestPipelines.edge(region + "-source", region + "-count", Partitioning.HASH));
            edges.add(TestPipelines.edge(region + "-count", region + "-sink", Partitioning.FORWARD));
        }
        return new PipelineSpec(1, "two regions", ops, edges, Map.of(), true);
    }

    private static long restored(Job job, String operator) {
        return job.snapshot().subtasks().stream().filter(s -> s.operatorIds().contains(operator))
                .mapToLong(SubtaskSnapshot::restoredCheckpointId).max().orElseThrow();
    }

    @Test
    void failureInOneRegion_restartsOnlyThatRegion_andBothSinksStayExactlyOnce() throws Exception {
        JobConfig config = JobConfig.of(twoRegions(30_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(30)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ZERO));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            // 30,000 records take region a 1.5 s: time enough to fail it once a checkpoint completed.
            Await.until(() -> job.checkpointHistory().stream()
                    .anyMatch(c -> c.status() == CheckpointStatus.COMPLETED), "a completed checkpoint");
            assertThat(job.injectFailure("a-count", 0)).isTrue();
            Await.until(() -> !job.restartEvents().isEmpty(), "region a's recovery");
            assertThat(job.restartEvents()).hasSize(1);
            assertThat(job.restartEvents().get(0).restoredCheckpointId()).isPositive();
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(restored(job, "a-count")).as("region a restored from a checkpoint").isPositive();
            assertThat(restored(job, "b-count")).as("region b kept running, never restored").isEqualTo(-1);
            assertThat(job.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            for (String sink : List.of("a-sink", "b-sink")) {
                assertThat(job.sinkOutputs().get(sink).count()).as(sink).isEqualTo(30_000);
                assertThat(job.sinkOutputs().get(sink).records()).as(sink).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void pipelinedRegions_areTheConnectedComponents() {
        List<PipelineSpec> regions = Deployment.pipelinedRegions(twoRegions(1));
        assertThat(regions).hasSize(2);
        assertThat(regions.get(0).operators()).extracting(o -> o.id())
                .containsExactly("a-source", "a-count", "a-sink");
        assertThat(regions.get(1).edges()).hasSize(2);
        assertThat(Deployment.pipelinedRegions(TestPipelines.keyedCount(1, 1, 2, "discard-sink", true)))
                .hasSize(1);
    }
}
