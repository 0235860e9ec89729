package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.RestartEvent;
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
            Thread.sleep(100); // let records already emitted drain into the queues
            long before = job.summary().sourceRecords();
            Thread.sleep(200);
            assertThat(job.summary().sourceRecords()).isEqualTo(before);
            assertThat(job.snapshot().paused()).isTrue();
            job.setPaused(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (job.summary().sourceRecords() == before && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(job.summary().sourceRecords()).isGreaterThan(before);
        }
    }

    /** Waits until the step ended (the job paused again at a barrier event); false after 10 s. */
    private static boolean awaitStepEnd(Job job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((job.isStepping() || !job.isPaused()) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return !job.isStepping() && job.isPaused();
    }

    @Test
    void singleStep_advancesAPausedJobToTheNextBarrierEvent_andPausesItThere() throws Exception {
        try (Job job = Job.start(unboundedKeyedCount())) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(job.stepToNextBarrierEvent()).as("only a paused job steps").isFalse();
            job.setPaused(true);
            Thread.sleep(100);
            var checkpoint = job.triggerCheckpoint(); // the sources send their barriers while paused
            Thread.sleep(100);
            assertThat(checkpoint).isNotDone();

            assertThat(job.stepToNextBarrierEvent()).isTrue();
            assertThat(awaitStepEnd(job)).isTrue();
            assertThat(job.lastStepEvent()).matches("barrier 1 reached count #[01] from source #[01]");
            long records = job.summary().sourceRecords();
            Thread.sleep(200);
            assertThat(job.summary().sourceRecords()).as("paused again").isEqualTo(records);

            // Two count subtasks with two inputs each: four barrier arrivals, one or more per step.
            int steps = 1;
            while (!checkpoint.isDone() && steps < 4) {
                assertThat(job.stepToNextBarrierEvent()).isTrue();
                assertThat(awaitStepEnd(job)).isTrue();
                steps++;
                Thread.sleep(50); // the last arrival's snapshot and ack
            }
            assertThat(checkpoint.get(10, TimeUnit.SECONDS).status().name()).isEqualTo("COMPLETED");
            assertThat(job.isPaused()).isTrue();
        }
    }

    @Test
    void slowMotion_throttlesSourcesWithoutARateLimit() throws Exception {
        try (Job job = Job.start(unboundedKeyedCount())) {
            job.setSpeed(0.001); // 100 records per second per source subtask instead of as fast as possible
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            Thread.sleep(50);
            long before = job.summary().sourceRecords();
            Thread.sleep(500);
            // Two source subtasks at 100 records/s each: about 100 in half a second (at full speed: millions).
            assertThat(job.summary().sourceRecords() - before).isLessThan(300L);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (job.summary().sourceRecords() == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(job.summary().sourceRecords()).as("slow, not stopped").isGreaterThan(before);
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
