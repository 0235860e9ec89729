package org.checkpointlab.flink.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.client.EngineSelection;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobEngine;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.FailoverStrategy;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's Flink engine behind the job-client boundary: refusals named before anything runs, and a job watched
 * through the REST API in the pipeline's own operator ids, failed by the failure hook and recovering with
 * exactly-once output, as the views see it.
 */
class EmbeddedFlinkEngineTest {
    /** A MiniCluster on a loaded machine can take long to start a job or restart it. */
    private static final Duration FLINK_TIMEOUT = Duration.ofSeconds(60);
    private static EmbeddedFlinkEngine engine;
    private static EngineSelection selection;

    @BeforeAll
    static void startCluster() {
        engine = new EmbeddedFlinkEngine();
        selection = new EngineSelection(List.of(JobEngine.local(), engine));
        selection.select(JobEngine.EMBEDDED_FLINK); // starts the cluster in the background
    }

    @AfterAll
    static void stopCluster() {
        selection.shutdown();
    }

    /** numbers(2, chained source and map) -hash-> count(2) -forward-> output(2, transactional). */
    private static PipelineSpec keyedCount(long count, long ratePerSecond) {
        return new PipelineSpec(1, "keyed count", List.of(
                new OperatorSpec("numbers", null, "sequence-source", 2, null,
                        Map.of("count", count, "keys", 50, "ratePerSecond", ratePerSecond)),
                new OperatorSpec("double", null, "map", 2, null, Map.of()),
                new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                new OperatorSpec("output", null, "transactional-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("numbers", "double", Partitioning.FORWARD),
                        new EdgeSpec("double", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.FORWARD)),
                Map.of(), true);
    }

    @Test
    void whatFlinkCannotRun_isRefusedByName_beforeAnythingStarts() {
        JobConfig fullFailover = JobConfig.of(keyedCount(1_000, 0)).withFailover(FailoverStrategy.FULL);
        JobConfig tooWide = JobConfig.of(keyedCount(1_000, 0)).withParallelism(Map.of("count", 9, "output", 9));

        assertThat(engine.refusals(fullFailover)).singleElement().asString()
                .startsWith("jobmanager.execution.failover-strategy=full: the embedded Flink cluster runs with");
        assertThat(engine.refusals(tooWide)).singleElement().asString().contains("parallelism 9")
                .contains("task slots");
        assertThatThrownBy(() -> selection.start(fullFailover)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("Embedded Flink cannot run this pipeline: jobmanager.execution.failover-strategy");
    }

    @Test
    void theLocalEnginesWatchingBuffers_doNotStopAFlinkRun() {
        JobConfig watched = JobConfig.of(keyedCount(1_000, 0))
                .withRuntimeOptions(new RuntimeOptions(32, 4, Duration.ofMillis(20), true));
        assertThat(engine.refusals(watched)).isEmpty();
    }

    @Test
    void aRunIsWatchedInThePipelinesOperatorIds_recoversFromAnInjectedFailure_andStopsWithASavepoint(
            @TempDir Path dir) throws Exception {
        JobConfig config = JobConfig.of(keyedCount(0, 2_000))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(200)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ofMillis(20)))
                .withOutputDir(dir.resolve("output"));
        try (JobClient job = selection.start(config)) {
            assertThat(job.capabilities()).containsExactlyInAnyOrder(JobClient.Capability.FAILURE_INJECTION,
                    JobClient.Capability.SINK_OUTPUT, JobClient.Capability.DELIVERY_CHECK);
            assertThat(job.pipeline().operators()).extracting(OperatorSpec::id)
                    .containsExactly("numbers", "double", "count", "output");
            Await.until(() -> completed(job.snapshot()) > 0, FLINK_TIMEOUT, "a completed checkpoint");

            JobSnapshot s = job.snapshot();
            assertThat(s.subtasks()).extracting(SubtaskSnapshot::operatorIds).containsOnly(
                    List.of("numbers", "double"), List.of("count", "output"));
            assertThat(s.subtasks()).hasSize(4);
            assertThat(s.checkpoints().stream().filter(c -> c.status() == CheckpointStatus.COMPLETED)
                    .findFirst().orElseThrow().subtasks()).extracting(st -> st.operatorId())
                    .containsOnly("numbers", "count");

            CheckpointStats manual = job.triggerCheckpoint().get(60, TimeUnit.SECONDS);
            assertThat(manual.status()).isEqualTo(CheckpointStatus.COMPLETED);
            assertThat(manual.subtasks()).extracting(st -> st.operatorId()).containsOnly("numbers", "count");

            // the source alone cannot fail (the hook wraps operators), but its chain's map can
            assertThat(job.injectFailure("numbers", 1)).isTrue();
            assertThat(job.injectFailure("count", 5)).isFalse();
            Await.until(() -> job.snapshot().attempt() >= 1, FLINK_TIMEOUT, "the restart");
            Await.until(() -> !job.snapshot().failures().isEmpty(), FLINK_TIMEOUT, "the failure in the history");
            assertThat(job.snapshot().failures()).allSatisfy(f -> assertThat(f.operatorId()).isIn("numbers", null));
            assertThat(job.awaitRunning(Duration.ofSeconds(60))).isTrue();
            Await.until(() -> !job.snapshot().restarts().isEmpty(), FLINK_TIMEOUT, "the recovery in the history");
            long restored = job.snapshot().restarts().get(0).restoredCheckpointId();
            assertThat(restored).as("Flink restored a checkpoint completed before the failure").isPositive();
            assertThat(job.snapshot().subtasks()).filteredOn(st -> st.operatorIds().contains("count"))
                    .allSatisfy(st -> assertThat(st.restoredCheckpointId()).isEqualTo(restored))
                    .anySatisfy(st -> assertThat(st.stateSizeBytes()).as("its state at the newest checkpoint")
                            .isPositive());
            Await.until(() -> job.sinkOutputs(0).get(0).committed() > 0, FLINK_TIMEOUT,
                    "committed output after the restart");

            SavepointResult stopped = job.stopWithSavepoint(dir.resolve("savepoints"), false)
                    .get(60, TimeUnit.SECONDS);
            assertThat(stopped.path().resolve("_metadata")).isRegularFile();
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.checkDelivery()).singleElement()
                    .satisfies(d -> assertThat(d.verdict()).contains("stopped with a savepoint"));
        }
    }

    @Test
    void aBoundedRunsDeliveryIsChecked(@TempDir Path output) throws Exception {
        JobConfig config = JobConfig.of(keyedCount(5_000, 0))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(100)))
                .withOutputDir(output);
        try (JobClient job = selection.start(config)) {
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.summary().sourceRecords()).isEqualTo(5_000);
            assertThat(job.sinkOutputs(5)).singleElement()
                    .satisfies(o -> assertThat(o.committed()).isEqualTo(5_000));
            assertThat(job.checkDelivery()).singleElement()
                    .satisfies(d -> assertThat(d.exactlyOnce()).as(d.verdict()).isTrue());
        }
    }

    private static long completed(JobSnapshot s) {
        return s.checkpoints().stream().filter(c -> c.status() == CheckpointStatus.COMPLETED).count();
    }
}
