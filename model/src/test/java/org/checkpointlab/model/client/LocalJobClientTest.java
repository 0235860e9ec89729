package org.checkpointlab.model.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.PlannedFailure;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local engine behind the job-client boundary: every capability, the job's own answers. */
class LocalJobClientTest {

    @TempDir
    Path dir;

    private static PipelineSpec unboundedKeyedCount() {
        return new PipelineSpec(1, "keyed count", List.of(
                new OperatorSpec("source", null, "sequence-source", 2, null, Map.of("count", 0L, "keys", 100L)),
                new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                new OperatorSpec("sink", null, "discard-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("source", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.FORWARD)), Map.of(), true);
    }

    /** Polls {@code client} until {@code condition} holds; false after 10 s. */
    private static boolean eventually(JobClient client, java.util.function.Predicate<JobSnapshot> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.test(client.snapshot())) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    @Test
    void theLocalEngine_declaresEveryCapabilityButInPlaceRescale_andRunsTheCommandsOnItsJob() throws Exception {
        JobClient client = JobLauncher.local().start(JobConfig.of(unboundedKeyedCount())
                .withRestartStrategy(new RestartStrategy.FixedDelay(3, Duration.ofMillis(50))));
        try {
            // It rescales through a savepoint and a restore at new parallelism, as Flink's default scheduler.
            assertThat(client.capabilities()).containsExactlyInAnyOrderElementsOf(
                    EnumSet.complementOf(EnumSet.of(JobClient.Capability.RESCALE_IN_PLACE)));
            assertThatThrownBy(() -> client.rescaleInPlace(java.util.Map.of("count", 3)))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(client.pipeline().operators()).extracting(OperatorSpec::id)
                    .containsExactly("source", "count", "sink");
            assertThat(client.awaitRunning(Duration.ofSeconds(10))).isTrue();

            client.setSpeed(0.5);
            client.setPaused(true);
            assertThat(client.snapshot().speed()).isEqualTo(0.5);
            assertThat(client.isPaused()).isTrue();
            client.setPaused(false);

            CheckpointStats checkpoint = client.triggerCheckpoint().get(10, TimeUnit.SECONDS);
            assertThat(checkpoint.status()).isEqualTo(CheckpointStatus.COMPLETED);

            assertThat(client.injectFailure("count", 1)).isTrue();
            assertThat(client.injectFailure("count", 7)).as("no such subtask").isFalse();
            assertThat(eventually(client, s -> !s.failures().isEmpty())).isTrue();
            assertThat(client.snapshot().failures().get(0).operatorId()).isEqualTo("count");
            assertThat(eventually(client, s -> s.restarts().size() == 1 && s.status() == JobStatus.RUNNING))
                    .as("recovered").isTrue();
            assertThat(client.awaitRunning(Duration.ofSeconds(10))).as("every restarted task running").isTrue();

            client.updateCheckpointOptions(client.checkpointOptions().withInterval(Duration.ofMillis(300)));
            assertThat(client.checkpointOptions().interval()).as("read your writes").hasMillis(300);

            SavepointResult savepoint = client.stopWithSavepoint(dir.resolve("sp")).get(30, TimeUnit.SECONDS);
            assertThat(savepoint.path()).isDirectory();
            assertThat(client.savepoints()).containsExactly(savepoint);
            assertThat(client.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(client.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(client.summary().sourceRecords()).isPositive();
        } finally {
            client.cancel();
            client.awaitTermination(Duration.ofSeconds(10));
        }
    }

    @Test
    void aBoundedTransactionalRunWithAFailure_showsItsSinkOutput_andTheDeliveryCheckSaysExactlyOnceHeld()
            throws Exception {
        PipelineSpec p = new PipelineSpec(1, "bounded keyed count", List.of(
                new OperatorSpec("source", null, "sequence-source", 2, null,
                        Map.of("count", 20_000L, "keys", 40L, "ratePerSecond", 100_000L)),
                new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                new OperatorSpec("sink", null, "transactional-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("source", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.FORWARD)), Map.of(), true);
        LocalJobClient client = LocalJobClient.start(JobConfig.of(p)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(30)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(10, Duration.ZERO))
                .withPlannedFailures(List.of(PlannedFailure.atRecords("count", 1, 4_000))));
        try (client) {
            assertThat(client.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(client.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(client.job().restartEvents()).hasSize(1);

            assertThat(client.sinkOutputs(5)).singleElement().satisfies(out -> {
                assertThat(out.sinkId()).isEqualTo("sink");
                assertThat(out.kind()).isEqualTo("transactional-sink");
                assertThat(out.committed()).isEqualTo(20_000);
                assertThat(out.digest()).isEqualTo(client.job().sinkOutputs().get("sink").digest());
                assertThat(out.recent()).hasSize(5);
                assertThat(out.openTransactions()).isEmpty();
            });
            assertThat(client.checkDelivery()).singleElement().satisfies(d -> {
                assertThat(d.committed()).isEqualTo(20_000);
                assertThat(d.verdict()).isEqualTo("exactly-once held");
            });
        }
    }

    @Test
    void aBoundedJobStoppedWithASavepoint_isNotComputable_asOnTheCommandLine() throws Exception {
        PipelineSpec p = new PipelineSpec(1, "slow bounded", List.of(
                new OperatorSpec("source", null, "sequence-source", 1, null,
                        Map.of("count", 1_000_000L, "keys", 10L, "ratePerSecond", 1_000L)),
                new OperatorSpec("sink", null, "transactional-sink", 1, null, Map.of())),
                List.of(new EdgeSpec("source", "sink", Partitioning.FORWARD)), Map.of(), true);
        try (JobClient client = JobLauncher.local().start(JobConfig.of(p))) {
            assertThat(client.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(client.checkDelivery()).singleElement().satisfies(d ->
                    assertThat(d.verdict()).isEqualTo("not computable: the job has not ended (RUNNING)"));
            client.stopWithSavepoint(dir.resolve("stop")).get(30, TimeUnit.SECONDS);
            assertThat(client.awaitTermination(Duration.ofSeconds(10))).isTrue();

            assertThat(client.checkDelivery()).singleElement().satisfies(d -> {
                assertThat(d.computable()).isFalse();
                assertThat(d.verdict()).isEqualTo(
                        "not computable: the job was stopped with a savepoint before the end of its input");
            });
        }
    }

    @Test
    void aPipelineWithProblems_isRefusedWithThem() {
        PipelineSpec broken = new PipelineSpec(1, "broken", List.of(
                new OperatorSpec("source", null, "no-such-kind", 1, null, Map.of())), List.of(), Map.of(), true);
        assertThatThrownBy(() -> JobLauncher.local().start(JobConfig.of(broken)))
                .isInstanceOf(PipelineException.class).hasMessageContaining("no-such-kind");
    }

    @Test
    void anEngineWithoutACapability_refusesItsCommand_namingTheCapability() {
        JobClient observeOnly = new ObserveOnlyClient();
        assertThat(observeOnly.supports(JobClient.Capability.FAILURE_INJECTION)).isFalse();
        assertThatThrownBy(() -> observeOnly.injectFailure("count", 0))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                        e -> assertThat(e.capability()).isEqualTo(JobClient.Capability.FAILURE_INJECTION))
                .hasMessage("this engine does not support failure injection");
        assertThatThrownBy(() -> observeOnly.setPaused(true)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("pause and step");
        assertThat(observeOnly.speed()).isEqualTo(1.0);
        assertThat(observeOnly.isPaused()).isFalse();
        assertThatThrownBy(() -> observeOnly.sinkOutputs(10)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("this engine does not support sink output");
        assertThatThrownBy(observeOnly::checkDelivery).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("this engine does not support delivery check");
    }

    /** An engine that can be watched and checkpointed but offers none of the lab's extra controls. */
    private static final class ObserveOnlyClient implements JobClient {
        @Override public Set<Capability> capabilities() { return Set.of(); }
        @Override public JobConfig config() { return JobConfig.of(unboundedKeyedCount()); }
        @Override public PipelineSpec pipeline() { return unboundedKeyedCount(); }
        @Override public JobStatus status() { return JobStatus.RUNNING; }
        @Override public JobSnapshot snapshot() { throw new UnsupportedOperationException("not needed here"); }
        @Override public JobSummary summary() { throw new UnsupportedOperationException("not needed here"); }
        @Override public CheckpointOptions checkpointOptions() { return CheckpointOptions.defaults(); }
        @Override public CompletableFuture<CheckpointStats> triggerCheckpoint() { return new CompletableFuture<>(); }
        @Override public CompletableFuture<SavepointResult> triggerSavepoint(Path d) { return new CompletableFuture<>(); }
        @Override public CompletableFuture<SavepointResult> stopWithSavepoint(Path d, boolean drain) { return new CompletableFuture<>(); }
        @Override public List<SavepointResult> savepoints() { return List.of(); }
        @Override public void cancel() { }
        @Override public boolean awaitTermination(Duration timeout) { return false; }
        @Override public boolean awaitRunning(Duration timeout) { return true; }
    }
}
