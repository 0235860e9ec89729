package org.checkpointlab.model.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.junit.jupiter.api.Test;

class CheckpointStallTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final long NOW = 1_000_000;

    @Test
    void checkpointsCompletingEveryIntervalAreNoStall() {
        JobSnapshot s = snapshot(List.of(subtask("Count", 0, 0)), List.of(completed(1, NOW - 9_000, 50, 5, 10)));
        assertThat(CheckpointStall.detect(s, INTERVAL, 0, Duration.ZERO, NOW, 3, 3)).isEmpty();
    }

    @Test
    void noCompletedCheckpointForNIntervalsNamesTheBackPressuredVertex() {
        JobSnapshot s = snapshot(List.of(subtask("Source", 0, 0), subtask("Count", 1, 800)),
                List.of(completed(1, NOW - 31_000, 50, 5, 10), inProgress(2, 4, 6)));
        CheckpointStall stall = CheckpointStall.detect(s, INTERVAL, 0, Duration.ZERO, NOW, 3, 3).orElseThrow();
        assertThat(stall.message()).isEqualTo("no checkpoint completed for 31 s (3 intervals of 10 s)");
        assertThat(stall.cause()).startsWith("back pressure at Count (subtask 1, 800 ms/s)")
                .contains("try unaligned checkpoints or a larger buffer timeout");
    }

    @Test
    void withoutAnyCheckpointTimeCountsFromWhenWatchingBegan() {
        JobSnapshot s = snapshot(List.of(subtask("Count", 0, 0)), List.of(inProgress(1, 2, 3)));
        assertThat(CheckpointStall.detect(s, INTERVAL, NOW - 20_000, Duration.ZERO, NOW, 3, 3)).isEmpty();
        CheckpointStall stall = CheckpointStall.detect(s, INTERVAL, NOW - 30_000, Duration.ZERO, NOW, 3, 3).orElseThrow();
        assertThat(stall.cause()).isEqualTo("checkpoint 1 still waits for 1 of 3 subtasks");
    }

    @Test
    void aStartDelayDominatingTheLastKCheckpointsIsAStall() {
        List<CheckpointStats> checkpoints = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            checkpoints.add(completed(id, NOW - 1_000, 10_000, 7_000, 5));
        }
        JobSnapshot s = snapshot(List.of(subtask("Count", 0, 300)), checkpoints);
        CheckpointStall stall = CheckpointStall.detect(s, null, 0, Duration.ZERO, NOW, 3, 3).orElseThrow();
        assertThat(stall.message()).isEqualTo("the start delay took most of the last 3 checkpoints (up to 7000 of 10000 ms)");
        assertThat(stall.cause()).startsWith("back pressure at Count (subtask 0, 300 ms/s)");
        assertThat(CheckpointStall.detect(s, null, 0, Duration.ZERO, NOW, 4, 4)).as("fewer than K checkpoints").isEmpty();
    }

    @Test
    void aStaleObservationGetsItsStalenessOnTopAndAShortStartDelayIsNoStall() {
        JobSnapshot s = snapshot(List.of(subtask("Count", 0, 0)), List.of(completed(1, NOW - 31_000, 50, 5, 10)));
        assertThat(CheckpointStall.detect(s, INTERVAL, 0, Duration.ofSeconds(3), NOW, 3, 3)).isEmpty();
        assertThat(CheckpointStall.detect(s, INTERVAL, 0, Duration.ofSeconds(1), NOW, 3, 3)).isPresent();
        List<CheckpointStats> quick = List.of(completed(1, NOW, 20, 15, 1), completed(2, NOW, 20, 15, 1));
        assertThat(CheckpointStall.detect(snapshot(List.of(), quick), null, 0, Duration.ZERO, NOW, 2, 2)).isEmpty();
    }

    @Test
    void aSlowAsyncPhaseIsNamedWhenNothingIsBackPressured() {
        JobSnapshot s = snapshot(List.of(subtask("Count", 0, 0)), List.of(completed(1, NOW - 40_000, 900, 5, 800)));
        assertThat(CheckpointStall.detect(s, INTERVAL, 0, Duration.ZERO, NOW, 3, 3).orElseThrow().cause())
                .isEqualTo("a slow async phase at subtask 0 of Count (800 ms of 900): state size or storage");
    }

    @Test
    void aJobThatIsNotRunningHasNoStall() {
        JobSnapshot s = new JobSnapshot(0, JobStatus.RESTARTING, 1, List.of(), List.of(), List.of(), List.of(),
                List.of(), -1, false, 1.0);
        assertThat(CheckpointStall.detect(s, INTERVAL, 0, Duration.ZERO, NOW, 1, 1)).isEmpty();
    }

    private static JobSnapshot snapshot(List<SubtaskSnapshot> subtasks, List<CheckpointStats> checkpoints) {
        return new JobSnapshot(0, JobStatus.RUNNING, 0, subtasks, List.of(), checkpoints, List.of(), List.of(), -1,
                false, 1.0);
    }

    private static SubtaskSnapshot subtask(String task, int index, double backPressured) {
        return new SubtaskSnapshot(task, List.of(task.toLowerCase()), index, 2, SubtaskStatus.RUNNING,
                new BarrierHandlerState.WaitingForFirstBarrier(), 0, 0, 0, backPressured, 1000 - backPressured, 0, 0,
                0, false, 0, -1);
    }

    private static CheckpointStats completed(long id, long ackAt, long endToEnd, long startDelay, long async) {
        SubtaskCheckpointStats s = new SubtaskCheckpointStats("count", 0, ackAt, endToEnd, 1, async, 0, startDelay,
                10, 10, 0, 0, false);
        return new CheckpointStats(id, CheckpointStatus.COMPLETED, false, ackAt - endToEnd, ackAt, 1, 1, endToEnd, 1,
                async, 0, startDelay, 10, 10, 0, 0, false, null, List.of(s));
    }

    private static CheckpointStats inProgress(long id, int acknowledged, int total) {
        return new CheckpointStats(id, CheckpointStatus.IN_PROGRESS, false, NOW - 5_000, 0, acknowledged, total, 0,
                0, 0, 0, 0, 0, 0, 0, 0, false, null, List.of());
    }
}
