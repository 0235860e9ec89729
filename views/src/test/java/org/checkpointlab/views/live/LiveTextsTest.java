package org.checkpointlab.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.observe.SubtaskStatus;
import org.junit.jupiter.api.Test;

/** The status strip's texts: a restart is shown with its countdown, then the restore, then the recovery. */
class LiveTextsTest {
    private static final long NOW = 50_000;

    private static JobSnapshot snapshot(JobStatus status, long nextRestartAt, List<SubtaskSnapshot> subtasks,
                                        List<RestartEvent> restarts) {
        return new JobSnapshot(0, status, restarts.size(), subtasks, List.of(), List.of(), List.of(), restarts,
                nextRestartAt, false, 1.0);
    }

    @Test
    void aFullRestart_countsDownOnBothLines() {
        JobSnapshot s = snapshot(JobStatus.RESTARTING, NOW + 1_250, List.of(), List.of());
        assertThat(LiveTexts.jobLine(s, 0, NOW)).isEqualTo("RESTARTING in 1.3 s, attempt 1, 0 source records/s");
        assertThat(LiveTexts.recoveryLine(s, NOW)).isEqualTo("Restarting in 1.3 s (restart strategy backoff)");
    }

    @Test
    void aRegionRestart_keepsTheJobRunning_butShowsTheFailedRegionsCountdown() {
        JobSnapshot s = snapshot(JobStatus.RUNNING, NOW + 400, List.of(), List.of());
        assertThat(LiveTexts.jobLine(s, 1234, NOW)).isEqualTo("RESTARTING in 0.4 s (failed region), attempt 1, "
                + "1,234 source records/s");
        assertThat(LiveTexts.recoveryLine(s, NOW)).isEqualTo(
                "Restarting the failed region in 0.4 s (restart strategy backoff)");
        assertThat(LiveTexts.jobLine(snapshot(JobStatus.RUNNING, NOW - 100, List.of(), List.of()), 0, NOW))
                .as("the backoff is over: 0.0 s until the restart happens").startsWith("RESTARTING in 0.0 s");
    }

    @Test
    void afterTheBackoff_theRestoreThenTheRecoveryIsShown() {
        SubtaskSnapshot restoring = new SubtaskSnapshot("count", List.of("count"), 0, 2, SubtaskStatus.RESTORING,
                new BarrierHandlerState.WaitingForFirstBarrier(), 0, 0, 0, 0, 1000, 0, 0, 0, false, 0, 4);
        List<RestartEvent> one = List.of(new RestartEvent(NOW - 1_000, NOW, 4, 1_000));
        assertThat(LiveTexts.recoveryLine(snapshot(JobStatus.RUNNING, -1, List.of(restoring), one), NOW))
                .isEqualTo("Restoring 1 subtasks, state restored from checkpoint 4");
        assertThat(LiveTexts.recoveryLine(snapshot(JobStatus.RUNNING, -1, List.of(), one), NOW))
                .isEqualTo("Recovered (1 restart), state restored from checkpoint 4");
        assertThat(LiveTexts.jobLine(snapshot(JobStatus.RUNNING, -1, List.of(), one), 10, NOW))
                .isEqualTo("RUNNING, attempt 2, 10 source records/s");
        assertThat(LiveTexts.recoveryLine(snapshot(JobStatus.RUNNING, -1, List.of(), List.of()), NOW)).isEmpty();
    }

    @Test
    void anEndedJob_showsNoRate() {
        assertThat(LiveTexts.jobLine(snapshot(JobStatus.FINISHED, -1, List.of(), List.of()), 40, NOW))
                .isEqualTo("FINISHED, attempt 1");
        assertThat(LiveTexts.jobLine(snapshot(JobStatus.CANCELED, -1, List.of(), List.of()), 40, NOW))
                .isEqualTo("CANCELED, attempt 1");
    }

    @Test
    void theSavepointTheJobStartedFrom_isCalledASavepoint() {
        List<RestartEvent> one = List.of(new RestartEvent(NOW - 1_000, NOW, 12, 1_000));
        JobSnapshot s = new JobSnapshot(0, JobStatus.RUNNING, 1, List.of(), List.of(), List.of(), List.of(), one, -1,
                false, 1.0, 12);
        assertThat(LiveTexts.recoveryLine(s, NOW)).isEqualTo("Recovered (1 restart), state restored from savepoint 12");
    }
}
