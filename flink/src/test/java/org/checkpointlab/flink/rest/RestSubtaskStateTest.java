package org.checkpointlab.flink.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.junit.jupiter.api.Test;

/**
 * Flink has no live state size per subtask: a subtask shows the full size of its state in the newest completed
 * checkpoint that reported it, and the checkpoint its attempt restored (a newcomer's Embedded Flink subtask read
 * "state 0 B" beside checkpoints of 22 KiB).
 */
class RestSubtaskStateTest {
    private static SubtaskSnapshot subtask(String vertex, int index) {
        return new SubtaskSnapshot("Count", List.of(vertex), index, 2, SubtaskStatus.RUNNING,
                new BarrierHandlerState.WaitingForFirstBarrier(), 10, 10, 0, 0, 1000, 0, 0, 0, false, 0, -1);
    }

    private static SubtaskCheckpointStats reported(String vertex, int index, long fullSize) {
        return new SubtaskCheckpointStats(vertex, index, 5, 3, 0, 1, 0, 1, fullSize, fullSize, 0, 0, false);
    }

    private static CheckpointStats checkpoint(long id, CheckpointStatus status, List<SubtaskCheckpointStats> s) {
        return new CheckpointStats(id, status, false, 0, 5, s.size(), s.size(), 3, 0, 1, 0, 1, 0, 0, 0, 0, false,
                null, s, false);
    }

    @Test
    void eachSubtaskShowsItsStateInTheNewestCompletedCheckpoint_andTheRestore() {
        List<CheckpointStats> history = List.of(
                checkpoint(3, CheckpointStatus.COMPLETED, List.of(reported("v1", 0, 1_000), reported("v1", 1, 1_500))),
                checkpoint(4, CheckpointStatus.COMPLETED, List.of(reported("v1", 0, 2_048), reported("v1", 1, 4_096))),
                checkpoint(5, CheckpointStatus.FAILED, List.of(reported("v1", 0, 9_999))));

        List<SubtaskSnapshot> shown = RestCheckpoints.withStateAndRestore(
                List.of(subtask("v1", 0), subtask("v1", 1), subtask("v2", 0)), history, 4);

        assertThat(shown).extracting(SubtaskSnapshot::stateSizeBytes).containsExactly(2_048L, 4_096L, 0L);
        assertThat(shown).extracting(SubtaskSnapshot::restoredCheckpointId).containsOnly(4L);
        assertThat(shown.get(0).recordsIn()).isEqualTo(10);
    }
}
