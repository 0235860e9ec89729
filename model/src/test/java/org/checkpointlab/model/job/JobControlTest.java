package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.observe.ChannelElementView.BarrierView;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;

/** What the app does to a running job: pause, slow motion, inject a failure and watch the recovery. */
class JobControlTest {

    private static JobConfig unboundedKeyedCount() {
        return JobConfig.of(TestPipelines.keyedCount(0, 100, 2, "discard-sink", true));
    }

    @Test
    void pausedJob_processesNothing_untilResumed() throws Exception {
        try (Job job = Job.start(unboundedKeyedCount())) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            job.setPaused(true);
            assertThat(job.awaitControlsApplied(Duration.ofSeconds(10))).as("every subtask saw the pause").isTrue();
            long before = job.summary().sourceRecords();
            Await.holds(() -> job.summary().sourceRecords() == before, Duration.ofMillis(200),
                    "a paused job's sources emit nothing");
            assertThat(job.snapshot().paused()).isTrue();
            job.setPaused(false);
            Await.until(() -> job.summary().sourceRecords() > before, "sources emit again once resumed");
        }
    }

    /** Waits until the step ended (the job paused again at a barrier event) and every subtask stopped there. */
    private static void awaitStepEnd(Job job) throws InterruptedException {
        Await.until(() -> !job.isStepping() && job.isPaused(), "the step to end at a barrier event");
        assertThat(job.awaitControlsApplied(Duration.ofSeconds(10))).as("every subtask saw the pause").isTrue();
    }

    /** Barriers {@code checkpointId} still queued in channels out of {@code fromOperator}. */
    private static long queuedBarriers(Job job, String fromOperator, long checkpointId) {
        return job.snapshot().channels().stream().filter(c -> c.fromOperator().equals(fromOperator))
                .flatMap(c -> c.elements().stream())
                .filter(e -> e instanceof BarrierView b && b.checkpointId() == checkpointId).count();
    }

    @Test
    void singleStep_advancesAPausedJobToTheNextBarrierEvent_andPausesItThere() throws Exception {
        try (Job job = Job.start(unboundedKeyedCount())) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(job.stepToNextBarrierEvent()).as("only a paused job steps").isFalse();
            job.setPaused(true);
            assertThat(job.awaitControlsApplied(Duration.ofSeconds(10))).isTrue();
            var checkpoint = job.triggerCheckpoint();
            // The sources take the trigger while paused: barrier 1 waits in each of the four source -> count channels.
            Await.until(() -> queuedBarriers(job, "source", 1) == 4, "both sources to send barrier 1 while paused");
            assertThat(checkpoint).as("no count subtask has a barrier yet").isNotDone();

            assertThat(job.stepToNextBarrierEvent()).isTrue();
            awaitStepEnd(job);
            assertThat(job.lastStepEvent()).matches("barrier 1 reached count #[01] from source #[01]");
            long records = job.summary().sourceRecords();
            Await.holds(() -> job.summary().sourceRecords() == records, Duration.ofMillis(200), "paused again");

            // Two count subtasks with two inputs each: four barrier arrivals, one or more per step. Once no barrier 1
            // is left in a channel, every count subtask snapshotted: the checkpoint completes while the job is paused.
            int steps = 1;
            while (queuedBarriers(job, "source", 1) > 0) {
                assertThat(steps).as("steps for four barrier arrivals").isLessThan(4);
                assertThat(job.stepToNextBarrierEvent()).isTrue();
                awaitStepEnd(job);
                assertThat(job.lastStepEvent()).matches("barrier 1 reached count #[01] from source #[01]");
                steps++;
            }
            assertThat(checkpoint.get(10, TimeUnit.SECONDS).status().name()).isEqualTo("COMPLETED");
            assertThat(job.isPaused()).isTrue();
        }
    }

    @Test
    void slowMotion_throttlesSourcesWithoutARateLimit() throws Exception {
        // Sources chained to their sinks: no channel whose backlog (filled at full speed before the speed is set)
        // would hold the sources back by backpressure, so what limits them is the slow motion alone.
        PipelineSpec sourceIntoSink = new PipelineSpec(1, "source into sink", List.of(
                TestPipelines.op("source", "sequence-source", 2, Map.of("count", 0L, "keys", 100L)),
                TestPipelines.op("sink", "discard-sink", 2, Map.of())),
                List.of(TestPipelines.edge("source", "sink", Partitioning.FORWARD)), Map.of(), true);
        try (Job job = Job.start(JobConfig.of(sourceIntoSink))) {
            long speedSetNanos = System.nanoTime();
            job.setSpeed(0.001); // 100 records per second per source subtask instead of as fast as possible
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(job.awaitControlsApplied(Duration.ofSeconds(10))).as("every subtask took the speed").isTrue();
            long before = job.summary().sourceRecords();
            // Each of the two sources emits at most 100 records per second since the speed was set (plus one it is
            // owed): 42 more records take at least 200 ms. At full speed they take microseconds.
            Await.until(() -> job.summary().sourceRecords() >= before + 42, "slow, not stopped");
            long elapsedMillis = (System.nanoTime() - speedSetNanos) / 1_000_000;
            assertThat(elapsedMillis).as("ms for 42 records at 2 x 100 records/s").isGreaterThanOrEqualTo(200);
            assertThat(job.snapshot().speed()).isEqualTo(0.001);
        }
    }

    @Test
    void injectedFailure_isInTheExceptionHistory_andTheRegionRestartRestoresTheLatestCheckpoint() throws Exception {
        JobConfig config = unboundedKeyedCount()
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofHours(1)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(1, Duration.ofMillis(300)));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            CheckpointStats checkpoint = job.triggerCheckpoint().get(10, TimeUnit.SECONDS);
            assertThat(job.injectFailure("count", 1)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            JobSnapshot restarting = job.snapshot();
            while (restarting.nextRestartAtMillis() < 0 && System.nanoTime() < deadline) {
                restarting = job.snapshot();
            }
            // Region failover (the default): the job stays RUNNING while the failed region waits for its restart.
            assertThat(restarting.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(restarting.nextRestartAtMillis()).isGreaterThan(System.currentTimeMillis() - 50);
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            JobSnapshot after = job.snapshot();
            assertThat(after.attempt()).isEqualTo(1);
            assertThat(after.nextRestartAtMillis()).isEqualTo(-1);
            assertThat(after.failures()).singleElement().satisfies((FailureEvent f) -> {
                assertThat(f.operatorId()).isEqualTo("count");
                assertThat(f.subtaskIndex()).isEqualTo(1);
                assertThat(f.message()).contains("failure injected");
            });
            assertThat(after.restarts()).singleElement().satisfies((RestartEvent r) -> {
                assertThat(r.restoredCheckpointId()).isEqualTo(checkpoint.id());
                assertThat(r.delayMillis()).isEqualTo(300);
            });
            assertThat(after.subtasks()).allSatisfy(s -> assertThat(s.restoredCheckpointId())
                    .isEqualTo(checkpoint.id()));
            // A second failure exceeds fixed-delay's one attempt: the job fails.
            assertThat(job.injectFailure("source", 0)).isTrue();
            assertThat(job.awaitTermination(Duration.ofSeconds(10))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.summary().failureCause()).contains("failure injected into source #0");
        }
    }

    @Test
    void fullFailover_takesTheJobThroughRestarting() throws Exception {
        JobConfig config = unboundedKeyedCount().withFailover(FailoverStrategy.FULL)
                .withRestartStrategy(new RestartStrategy.FixedDelay(1, Duration.ofMillis(300)));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(job.injectFailure("sink", 0)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (job.status() != JobStatus.RESTARTING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(job.status()).isEqualTo(JobStatus.RESTARTING);
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(job.snapshot().restarts()).singleElement()
                    .satisfies((RestartEvent r) -> assertThat(r.restoredCheckpointId()).isZero());
        }
    }
}
