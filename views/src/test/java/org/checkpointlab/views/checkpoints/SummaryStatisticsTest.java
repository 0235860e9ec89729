package org.checkpointlab.views.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.stream.LongStream;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.junit.jupiter.api.Test;

class SummaryStatisticsTest {

    @Test
    void oneToHundred_givesMinAvgMaxAndInterpolatedPercentiles() {
        SummaryStatistics s = SummaryStatistics.of(LongStream.rangeClosed(1, 100).toArray());
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.avg()).isEqualTo(50.5);
        // position p(n+1)/100: p50 -> 50.5, p90 -> 90.9, p99 -> 99.99
        assertThat(s.p50()).isCloseTo(50.5, offset(1e-9));
        assertThat(s.p90()).isCloseTo(90.9, offset(1e-9));
        assertThat(s.p99()).isCloseTo(99.99, offset(1e-9));
    }

    @Test
    void percentilesBeyondTheEnds_areClampedToMinAndMax() {
        SummaryStatistics s = SummaryStatistics.of(10, 30);
        assertThat(s.p50()).isEqualTo(20);
        assertThat(s.p90()).isEqualTo(30);
        assertThat(s.p99()).isEqualTo(30);
        assertThat(SummaryStatistics.of(7).p50()).isEqualTo(7);
    }

    @Test
    void unknownValues_areLeftOut_andNothingKnownGivesNaN() {
        SummaryStatistics s = SummaryStatistics.of(-1, 4, -1, 8);
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.avg()).isEqualTo(6);
        SummaryStatistics none = SummaryStatistics.of(-1, -1);
        assertThat(none.count()).isZero();
        assertThat(none.max()).isNaN();
    }

    @Test
    void byOperator_summarisesEachMetricOverTheAcknowledgedSubtasksOfEachOperator() {
        CheckpointStats c = checkpoint(5, CheckpointStatus.COMPLETED,
                subtask("count", 0, 100, 10, 300), subtask("count", 1, 400, 30, 100),
                subtask("slow", 0, 900, 20, 50), pending("slow", 1));
        List<PhaseStatistics> rows = PhaseStatistics.byOperator(c);
        PhaseStatistics countE2e = find(rows, "count", "End to end");
        assertThat(countE2e.stats().min()).isEqualTo(100);
        assertThat(countE2e.stats().max()).isEqualTo(400);
        assertThat(countE2e.stats().avg()).isEqualTo(250);
        assertThat(find(rows, "count", "Full size").stats().max()).isEqualTo(300);
        assertThat(find(rows, "slow", "End to end").stats().count()).as("the pending subtask is left out")
                .isEqualTo(1);
        assertThat(countE2e.format(countE2e.stats().max())).isEqualTo("400 ms");
        assertThat(find(rows, "count", "Full size").format(2048)).isEqualTo("2.0 KiB");
    }

    @Test
    void timeline_marksTheSubtaskThatAcknowledgedLastAsSlowest_withItsLongestPhase() {
        CheckpointStats c = checkpoint(5, CheckpointStatus.COMPLETED,
                subtask("count", 0, 100, 10, 300), subtask("slow", 0, 900, 20, 50), pending("slow", 1));
        List<TimelineRow> rows = TimelineRow.of(c);
        assertThat(rows).extracting(TimelineRow::slowest).containsExactly(false, true, false);
        assertThat(rows.get(1).dominant()).isEqualTo(TimelineRow.Phase.ALIGNMENT);
        assertThat(rows.get(2).pending()).isTrue();
    }

    @Test
    void overview_countsByStatus_andFindsTheLatestOfEachKind() {
        List<CheckpointStats> history = List.of(
                checkpoint(1, CheckpointStatus.COMPLETED),
                checkpoint(2, CheckpointStatus.FAILED),
                savepoint(3),
                checkpoint(4, CheckpointStatus.COMPLETED),
                checkpoint(5, CheckpointStatus.IN_PROGRESS));
        CheckpointOverview o = CheckpointOverview.of(history, List.of(new RestartEvent(1, 2, 4, 1000)), null, -1);
        assertThat(o.triggered()).isEqualTo(5);
        assertThat(o.inProgress()).isEqualTo(1);
        assertThat(o.completed()).isEqualTo(3);
        assertThat(o.failed()).isEqualTo(1);
        assertThat(o.restored()).isEqualTo(1);
        assertThat(o.latestCompleted()).get().extracting(CheckpointStats::id).isEqualTo(4L);
        assertThat(o.latestFailed()).get().extracting(CheckpointStats::id).isEqualTo(2L);
        assertThat(o.latestSavepoint()).get().extracting(CheckpointStats::id).isEqualTo(3L);
        assertThat(o.latestRestore()).get().extracting(RestartEvent::restoredCheckpointId).isEqualTo(4L);
    }

    @Test
    void overview_ofAJobStartedFromASavepoint_knowsWhichRestoreIsThatSavepoint() {
        JobSnapshot s = new JobSnapshot(0, JobStatus.RUNNING, 1, List.of(), List.of(), List.of(), List.of(),
                List.of(new RestartEvent(1, 2, 12, 1000)), -1, false, 1.0, 12);

        CheckpointOverview o = CheckpointOverview.of(s, "/tmp/savepoint-12");

        assertThat(o.restored()).as("the start from the savepoint, then the recovery").isEqualTo(2);
        assertThat(o.startSavepointId()).isEqualTo(12);
        assertThat(o.isStartSavepoint(12)).isTrue();
        assertThat(o.isStartSavepoint(13)).isFalse();
        assertThat(CheckpointOverview.of(s.checkpoints(), s.restarts(), null, -1).isStartSavepoint(12)).isFalse();
    }

    private static PhaseStatistics find(List<PhaseStatistics> rows, String op, String metric) {
        return rows.stream().filter(r -> r.scope().equals(op) && r.metric().equals(metric)).findFirst().orElseThrow();
    }

    static SubtaskCheckpointStats subtask(String op, int index, long endToEnd, long alignmentShare, long full) {
        long alignment = endToEnd / 2 + alignmentShare;
        return new SubtaskCheckpointStats(op, index, 1000 + endToEnd, endToEnd, 5, 10, alignment, 20, full / 2,
                full, 0, 0, false);
    }

    static SubtaskCheckpointStats pending(String op, int index) {
        return new SubtaskCheckpointStats(op, index, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, false);
    }

    static CheckpointStats checkpoint(long id, CheckpointStatus status, SubtaskCheckpointStats... subtasks) {
        return new CheckpointStats(id, status, false, id * 1000, id * 1000 + 50, subtasks.length, subtasks.length,
                50, 1, 2, 3, 4, 100, 200, 0, 0, false, status == CheckpointStatus.FAILED ? org.checkpointlab.model.checkpoint.CheckpointFailure.other("expired") : null,
                List.of(subtasks));
    }

    static CheckpointStats savepoint(long id) {
        return new CheckpointStats(id, CheckpointStatus.COMPLETED, true, id * 1000, id * 1000 + 50, 1, 1, 50, 1, 2,
                3, 4, 100, 200, 0, 0, false, null, List.of());
    }
}
