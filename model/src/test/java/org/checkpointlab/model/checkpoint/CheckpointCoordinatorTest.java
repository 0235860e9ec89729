package org.checkpointlab.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckpointCoordinatorTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final FakeJob job = new FakeJob();

    private CheckpointCoordinator coordinator(CheckpointOptions options) {
        CheckpointCoordinator c = new CheckpointCoordinator(options, timer, job);
        c.start();
        timer.runDue();
        return c;
    }

    private static CheckpointOptions every(long millis) {
        return CheckpointOptions.defaults().withInterval(Duration.ofMillis(millis));
    }

    private void ackAll(CheckpointCoordinator c, long id) {
        for (String task : job.tasks) {
            c.acknowledge(task, id, new TaskStateSnapshot(List.of(), Map.of(), Map.of()),
                    new SubtaskCheckpointStats(task, 0, timer.nowMillis(), 1, 0, 0, 0, 0, 10, 10, 0, 0, false));
        }
        timer.runDue();
    }

    @BeforeEach
    void twoTasks() {
        job.tasks = Set.of("source#0", "sink#0");
    }

    @Test
    void periodicCheckpoints_areTriggeredEveryInterval() {
        CheckpointCoordinator c = coordinator(every(100));
        assertThat(job.triggered).containsExactly(1L);
        ackAll(c, 1);
        timer.advance(99);
        assertThat(job.triggered).containsExactly(1L);
        timer.advance(1);
        assertThat(job.triggered).containsExactly(1L, 2L);
        assertThat(job.completed).containsExactly(1L);
    }

    @Test
    void minPause_delaysTheNextCheckpointAfterTheEndOfTheLastOne() {
        CheckpointCoordinator c = coordinator(every(100).withMinPause(Duration.ofMillis(250)));
        timer.advance(80);
        ackAll(c, 1); // ends at t=80
        timer.advance(249);
        assertThat(job.triggered).containsExactly(1L);
        timer.advance(1); // t=330 = 80 + 250
        assertThat(job.triggered).containsExactly(1L, 2L);
    }

    @Test
    void maxConcurrent_limitsCheckpointsInProgress() {
        CheckpointCoordinator c = coordinator(every(100).withMaxConcurrent(2));
        timer.advance(100);
        timer.advance(100);
        timer.advance(100);
        assertThat(job.triggered).containsExactly(1L, 2L);
        ackAll(c, 1);
        assertThat(job.triggered).containsExactly(1L, 2L, 3L);
    }

    @Test
    void checkpointNotCompleteWithinTimeout_failsAndIsAbortedAtTheTasks() {
        CheckpointCoordinator c = coordinator(every(10_000).withTimeout(Duration.ofMillis(500)));
        timer.advance(500);
        assertThat(job.aborted).containsExactly(1L);
        CheckpointStats stats = c.history().get(0);
        assertThat(stats.status()).isEqualTo(CheckpointStatus.FAILED);
        assertThat(stats.failureCause()).contains("expired");
        assertThat(job.failures).hasSize(1); // tolerable failures default 0: the job fails over
    }

    /** State whose discard is observable, as a file of a directory checkpoint is. */
    private static final class TrackedState implements org.checkpointlab.model.state.StateHandle {
        boolean discarded;

        @Override
        public byte[] read() {
            return new byte[0];
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public void discard() {
            discarded = true;
        }
    }

    private static TaskStateSnapshot stateOf(TrackedState keyed) {
        return new TaskStateSnapshot(List.of(new OperatorSubtaskState("sink", 0, 1,
                org.checkpointlab.model.state.KeyGroupRange.empty(), keyed, null)), Map.of(), Map.of());
    }

    @Test
    void aLateAckOfAFailedCheckpoint_hasItsStateDiscarded_whileAnAckInTimeKeepsIt() {
        CheckpointCoordinator c = coordinator(every(10_000).withTimeout(Duration.ofMillis(500)));
        TrackedState inTime = new TrackedState();
        c.acknowledge("source#0", 1, stateOf(inTime),
                new SubtaskCheckpointStats("source", 0, 0, 5, 1, 2, 0, 0, 7, 7, 0, 0, false));
        timer.runDue();
        assertThat(inTime.discarded).as("acknowledged, the checkpoint still pending").isFalse();

        timer.advance(500); // expires: the state acknowledged so far goes with it
        TrackedState late = new TrackedState();
        c.acknowledge("sink#0", 1, stateOf(late),
                new SubtaskCheckpointStats("sink", 0, 0, 5, 1, 2, 0, 0, 7, 7, 0, 0, false));
        timer.runDue();

        assertThat(c.history().get(0).status()).isEqualTo(CheckpointStatus.FAILED);
        assertThat(inTime.discarded).isTrue();
        assertThat(late.discarded).as("written after the checkpoint failed: no checkpoint will use it").isTrue();
    }

    @Test
    void tolerableFailures_failTheJobOnlyWhenExceededConsecutively() {
        CheckpointCoordinator c = coordinator(every(100).withTolerableFailures(1));
        c.decline("sink#0", 1, DeclineReason.other("disk full"));
        timer.runDue();
        assertThat(job.failures).isEmpty();
        timer.advance(100);
        ackAll(c, 2); // a success resets the count
        timer.advance(100);
        c.decline("sink#0", 3, DeclineReason.other("disk full"));
        timer.runDue();
        assertThat(job.failures).isEmpty();
        timer.advance(100);
        c.decline("sink#0", 4, DeclineReason.other("disk full"));
        timer.runDue();
        assertThat(job.failures).singleElement().asString().contains("tolerable failure threshold");
    }

    @Test
    void completion_notifiesEveryTask_andKeepsTheLatestCheckpoint() {
        CheckpointCoordinator c = coordinator(every(100));
        c.acknowledge("source#0", 1, new TaskStateSnapshot(List.of(), Map.of(), Map.of()),
                new SubtaskCheckpointStats("source", 0, 0, 5, 1, 2, 0, 0, 7, 7, 0, 0, false));
        timer.runDue();
        assertThat(job.completed).isEmpty();
        assertThat(c.history().get(0).status()).isEqualTo(CheckpointStatus.IN_PROGRESS);
        assertThat(c.history().get(0).acknowledged()).isEqualTo(1);
        ackAll(c, 1);
        assertThat(job.completed).containsExactly(1L);
        assertThat(c.latestCompleted()).hasValueSatisfying(cp -> assertThat(cp.id()).isEqualTo(1));
        assertThat(c.history().get(0).status()).isEqualTo(CheckpointStatus.COMPLETED);
    }

    @Test
    void manualTrigger_ignoresTheInterval_andCompletesWithStats() {
        CheckpointCoordinator c = coordinator(CheckpointOptions.defaults());
        assertThat(job.triggered).isEmpty();
        CompletableFuture<CheckpointStats> f = c.trigger();
        timer.runDue();
        assertThat(job.triggered).containsExactly(1L);
        ackAll(c, 1);
        assertThat(f).isCompletedWithValueMatching(s -> s.status() == CheckpointStatus.COMPLETED);
    }

    @Test
    void changedOptions_applyFromTheNextCheckpoint() {
        CheckpointCoordinator c = coordinator(every(1000));
        ackAll(c, 1);
        c.updateOptions(every(1000).withMode(CheckpointingMode.AT_LEAST_ONCE).withInterval(Duration.ofMillis(50)));
        timer.advance(50);
        assertThat(job.triggers).hasSize(2);
        assertThat(job.triggers.get(0).options().alignment().mode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(job.triggers.get(1).options().alignment().mode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    }

    @Test
    void unalignedWithAlignedTimeout_startsAlignedButTimeoutable() {
        coordinator(every(100).withUnaligned(true).withAlignedTimeout(Duration.ofMillis(30)));
        SnapshotOptions o = job.triggers.get(0).options();
        assertThat(o.alignment()).isEqualTo(BarrierAlignment.ALIGNED_THEN_UNALIGNED);
        assertThat(o.alignedTimeoutNanos()).isEqualTo(30_000_000L);
    }

    @Test
    void sourcesAreTriggeredWithTheCheckpointsIdTimeAndOptions_notWithABarrier() {
        timer.advance(7);
        coordinator(every(100).withUnaligned(true));
        assertThat(job.triggers).containsExactly(new Trigger(1, 7, 7_000_000L,
                new SnapshotOptions(SnapshotType.CHECKPOINT, BarrierAlignment.UNALIGNED, 0)));
    }

    private record Trigger(long checkpointId, long timestamp, long triggerNanos, SnapshotOptions options) {
    }

    private static final class FakeJob implements CoordinatorContext {
        Set<String> tasks;
        final List<Long> triggered = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final List<Long> completed = new ArrayList<>();
        final List<Long> aborted = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        @Override
        public TriggerRefusal cannotTriggerBecause() {
            return null;
        }

        @Override
        public Set<String> tasksToAcknowledge() {
            return tasks;
        }

        @Override
        public void triggerSources(long checkpointId, long timestamp, long triggerNanos, SnapshotOptions options) {
            triggered.add(checkpointId);
            triggers.add(new Trigger(checkpointId, timestamp, triggerNanos, options));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed.add(checkpointId);
        }

        @Override
        public void abortCheckpoint(long checkpointId) {
            aborted.add(checkpointId);
        }

        @Override
        public void failJob(CheckpointFailuresExceeded cause) {
            failures.add(cause.getMessage());
        }
    }
}
