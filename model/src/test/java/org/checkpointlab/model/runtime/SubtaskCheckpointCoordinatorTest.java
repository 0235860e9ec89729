package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.SnapshotType;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/** The sync phase and the checkpoints in progress at one subtask, driven directly on the test thread. */
class SubtaskCheckpointCoordinatorTest {
    private final ManualTaskClock clock = new ManualTaskClock(1_000);
    private final List<String> operatorCalls = new ArrayList<>();
    private final List<Long> acknowledged = new ArrayList<>();
    private final List<TaskStateSnapshot> states = new ArrayList<>();
    private final List<SubtaskCheckpointStats> stats = new ArrayList<>();
    private final List<String> declined = new ArrayList<>();
    private final Task task;
    private final Channel output;
    private final SubtaskCheckpointCoordinator coordinator;

    SubtaskCheckpointCoordinatorTest() throws Exception {
        ChainedOperator count = new ChainedOperator(new OperatorSpec("count", null, "test", 1, null, null), Map.of(),
                128, false);
        task = new Task("count", List.of(count), 0, 1, new RecordingListener(), Runnable::run, null, null, null,
                null, null);
        output = new Channel(task, new Task("sink", List.of(), 0, 1, null, null, null, null, null, null, null), 0, 0,
                "count", "sink", Partitioning.FORWARD, 4, 2);
        RecordWriter writer = new RecordWriter(new Channel[] {output}, Partitioning.FORWARD, 128, 0);
        task.addOutput(writer);
        OperatorChain chain = new OperatorChain(task);
        chain.initializeState(new HeapStateBackendFactory(), null);
        chain.open(List.of(writer), new TestRuntime(), null, new ProcessingTimeService(clock), due -> { });
        coordinator = new SubtaskCheckpointCoordinator(task, chain, new ChannelStateWriter("count", 0, 0),
                new RecordingListener(), Runnable::run, new MemoryCheckpointStorage(), clock);
    }

    private static CheckpointBarrier barrier(long id, boolean unaligned, SnapshotType type) {
        return new CheckpointBarrier(id, 0, 0, CheckpointingMode.EXACTLY_ONCE, unaligned, 0, unaligned, type);
    }

    @Test
    void anAlignedSnapshotPreparesTheOperators_forwardsTheBarrier_andAcknowledgesTheirState() {
        coordinator.triggerCheckpoint(barrier(1, false, SnapshotType.CHECKPOINT));

        assertThat(operatorCalls).containsExactly("prepareSnapshot 1");
        assertThat(output.poll()).isEqualTo(barrier(1, false, SnapshotType.CHECKPOINT));
        assertThat(acknowledged).containsExactly(1L);
        assertThat(states.get(0).operators()).extracting(OperatorSubtaskState::operatorId).containsExactly("count");
        assertThat(stats.get(0).unaligned()).isFalse();
        assertThat(coordinator.inSyncPhase()).isFalse();
        assertThat(coordinator.isSuspended()).isFalse();
    }

    @Test
    void anUnalignedBarrierOvertakesTheQueuedBuffers_whichBecomeOutputInFlightData_acknowledgedOnceComplete() {
        for (long v = 0; v < 4; v++) {
            output.emit(new StreamRecord("k", v, v));
        }

        coordinator.snapshot(barrier(2, true, SnapshotType.CHECKPOINT), true, 0, 0);

        assertThat(output.hasPriorityBarrier()).isTrue();
        assertThat(acknowledged).as("input in-flight data may still come").isEmpty();
        coordinator.allBarriersReceived(2, 5_000_000);
        assertThat(acknowledged).containsExactly(2L);
        List<StreamRecord> inFlight = states.get(0).outputInFlight().get(TaskStateSnapshot.channelKey("sink", 0, 0));
        assertThat(inFlight).extracting(StreamRecord::value).containsExactly(0L, 1L, 2L, 3L);
        assertThat(stats.get(0).unaligned()).isTrue();
        assertThat(stats.get(0).alignmentMillis()).isEqualTo(5);
    }

    @Test
    void aStopWithSavepointSuspendsTheSubtask_untilThatSavepointIsAborted() {
        coordinator.triggerCheckpoint(barrier(3, false, SnapshotType.SUSPEND));
        assertThat(coordinator.isSuspended()).isTrue();

        coordinator.abortCheckpoint(2);
        assertThat(coordinator.isSuspended()).isTrue();
        coordinator.abortCheckpoint(3);
        assertThat(coordinator.isSuspended()).isFalse();
    }

    @Test
    void aSavepointOfAStopWithDrainDoesNotSuspend() {
        coordinator.triggerCheckpoint(barrier(4, false, SnapshotType.TERMINATE));
        assertThat(coordinator.isSuspended()).isFalse();
        assertThat(acknowledged).containsExactly(4L);
    }

    @Test
    void aDeclinedCheckpointIsReportedAndNeverAcknowledged() {
        coordinator.snapshot(barrier(5, true, SnapshotType.CHECKPOINT), true, 0, 0);

        coordinator.decline(5, org.checkpointlab.model.checkpoint.DeclineReason.newerBarrier(6, 5));
        coordinator.allBarriersReceived(5, 0);

        assertThat(declined).containsExactly("5: checkpoint 6 arrived before checkpoint 5 was aligned");
        assertThat(acknowledged).isEmpty();
    }

    private final class RecordingListener implements TaskListener {
        @Override
        public void taskFailed(Task t, Throwable cause) {
        }

        @Override
        public void taskFinished(Task t) {
        }

        @Override
        public void endOfDataReached(Task t) {
        }

        @Override
        public void acknowledgeCheckpoint(Task t, long checkpointId, TaskStateSnapshot state,
                                          SubtaskCheckpointStats s) {
            acknowledged.add(checkpointId);
            states.add(state);
            stats.add(s);
        }

        @Override
        public void declineCheckpoint(Task t, long checkpointId, org.checkpointlab.model.checkpoint.DeclineReason reason) {
            declined.add(checkpointId + ": " + reason);
        }
    }

    private final class TestRuntime implements RuntimeContext {
        private final ExecutionThrottle throttle = new ExecutionThrottle();

        @Override
        public OperatorFactory operatorFactory() {
            return spec -> new StreamOperator() {
                @Override
                public void open(OperatorContext context) {
                }

                @Override
                public void processRecord(StreamRecord record, int input) {
                }

                @Override
                public void prepareSnapshot(long checkpointId) {
                    operatorCalls.add("prepareSnapshot " + checkpointId);
                }
            };
        }

        @Override
        public long bufferTimeoutNanos() {
            return 0;
        }

        @Override
        public boolean checkpointingEnabled() {
            return true;
        }

        @Override
        public ExecutionThrottle throttle() {
            return throttle;
        }
    }
}
