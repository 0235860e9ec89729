package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.junit.jupiter.api.Test;

/** The status strip's stall alert: the pending checkpoint, for how long, and the slowest subtask where known. */
class StallAlertLineTest {
    private static final CheckpointOptions EVERY_SECOND = CheckpointOptions.defaults()
            .withInterval(Duration.ofSeconds(1));

    private static SubtaskSnapshot subtask(String operator, int index, double backPressured) {
        return new SubtaskSnapshot("Count " + operator, List.of(operator), index, 2, SubtaskStatus.RUNNING,
                new BarrierHandlerState.WaitingForFirstBarrier(), 0, 0, 1000 - backPressured, backPressured, 0, 0, 0,
                0, false, 0, -1);
    }

    private static SubtaskCheckpointStats ack(String operator, int index, long endToEnd, long async) {
        return new SubtaskCheckpointStats(operator, index, 1, endToEnd, 1, async, 0, 2, 0, 0, 0, 0, false);
    }

    private static CheckpointStats checkpoint(long id, CheckpointStatus status, long trigger, long ack, int acked,
                                              SubtaskCheckpointStats... subtasks) {
        return new CheckpointStats(id, status, false, trigger, ack, acked, 2, ack - trigger, 1, 1, 0, 2, 0, 0, 0, 0,
                false, null, List.of(subtasks));
    }

    private static JobSnapshot snapshot(List<SubtaskSnapshot> subtasks, CheckpointStats... checkpoints) {
        return new JobSnapshot(0, JobStatus.RUNNING, 0, subtasks, List.of(), List.of(checkpoints), List.of(),
                List.of(), -1, false, 1.0);
    }

    @Test
    void whileCheckpointsCompleteInTimeThereIsNoAlert() {
        JobSnapshot s = snapshot(List.of(subtask("c", 0, 0)),
                checkpoint(1, CheckpointStatus.COMPLETED, 9_000, 9_500, 2));
        assertThat(StallAlertLine.of(s, EVERY_SECOND, 0, Duration.ZERO, 10_000)).isEmpty();
        assertThat(StallAlertLine.of(null, EVERY_SECOND, 0, Duration.ZERO, 10_000)).isEmpty();
    }

    @Test
    void aPendingCheckpointIsNamedWithItsAgeAndTheSubtaskItStillWaitsFor() {
        JobSnapshot s = snapshot(List.of(subtask("c", 0, 0), subtask("c", 1, 900)),
                checkpoint(4, CheckpointStatus.COMPLETED, 1_000, 1_200, 2, ack("c", 0, 150, 10), ack("c", 1, 200, 20)),
                checkpoint(5, CheckpointStatus.IN_PROGRESS, 2_000, 2_100, 1, ack("c", 0, 100, 10)));
        String line = StallAlertLine.of(s, EVERY_SECOND, 0, Duration.ZERO, 6_500);
        assertThat(line).startsWith("\u26a0 Checkpoints stall: no checkpoint completed for 5 s (3 intervals of 1 s)")
                .contains("checkpoint 5 pending for 4 s (1/2 acknowledged), waits for Count c subtask 1")
                .contains("likely cause: back pressure at Count c (subtask 1, 900 ms/s)")
                .doesNotContain("slowest in the last completed");
        JobSnapshot paused = new JobSnapshot(0, JobStatus.RUNNING, 0, s.subtasks(), List.of(), s.checkpoints(),
                List.of(), List.of(), -1, true, 1.0);
        assertThat(StallAlertLine.of(paused, EVERY_SECOND, 0, Duration.ZERO, 6_500)).isEmpty();
    }

    @Test
    void withoutPerSubtaskAcksOfThePendingOneTheSlowestOfTheLastCompletedIsNamed() {
        // As Flink's REST history shows a checkpoint in progress: counts, no subtasks.
        JobSnapshot s = snapshot(List.of(subtask("c", 0, 0), subtask("c", 1, 0)),
                checkpoint(4, CheckpointStatus.COMPLETED, 1_000, 1_900, 2, ack("c", 0, 150, 10), ack("c", 1, 900, 700)),
                checkpoint(5, CheckpointStatus.IN_PROGRESS, 2_000, 2_100, 1));
        String line = StallAlertLine.of(s, EVERY_SECOND, 0, Duration.ofSeconds(2), 8_000);
        assertThat(line).contains("checkpoint 5 pending for 6 s (1/2 acknowledged)")
                .contains("slowest in the last completed: Count c subtask 1 (900 ms, start delay 2 ms, async 700 ms)")
                .contains("likely cause: a slow async phase at subtask 1 of Count c");
        // The data may be two seconds old: the same moment minus the staleness is not yet a stall.
        assertThat(StallAlertLine.of(s, EVERY_SECOND, 0, Duration.ofSeconds(2), 5_800)).isEmpty();
    }
}
