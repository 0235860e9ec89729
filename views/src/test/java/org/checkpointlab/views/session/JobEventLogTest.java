package org.checkpointlab.views.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.junit.jupiter.api.Test;

/**
 * A recovery names what it restored as Flink's "latest restore" does: the savepoint the job started from (a failure
 * before its first checkpoint) is a savepoint, a checkpoint of the job is a checkpoint.
 */
class JobEventLogTest {

    private static JobSnapshot recovered(long restoredId, long startedFromSavepointId) {
        return new JobSnapshot(0, JobStatus.RUNNING, 1, List.of(), List.of(), List.of(),
                List.of(new FailureEvent(1_000, "count", 0, "boom")),
                List.of(new RestartEvent(1_000, 1_200, restoredId, 200)), -1, false, 1.0, startedFromSavepointId);
    }

    @Test
    void aRecoveryFromTheSavepointTheJobStartedFromNamesTheSavepoint() {
        JobEventLog log = new JobEventLog();
        log.record(recovered(7, 7));

        assertThat(log.history()).extracting(HistoryEntry::text)
                .containsExactly("✕ count #0 failed: boom", "↻ restarted after 200 ms backoff, state restored from savepoint 7");
        assertThat(log.events()).extracting(JobEvent::description).contains("recovered from savepoint 7");
    }

    @Test
    void aRecoveryFromACheckpointNamesTheCheckpoint() {
        JobEventLog log = new JobEventLog();
        log.record(recovered(9, 7));

        assertThat(log.history()).last().extracting(HistoryEntry::text)
                .isEqualTo("↻ restarted after 200 ms backoff, state restored from checkpoint 9");
        assertThat(log.events()).extracting(JobEvent::description).contains("recovered from checkpoint 9");
    }
}
