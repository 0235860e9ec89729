package org.checkpointlab.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.checkpointlab.model.checkpoint.CheckpointFailure.Reason;
import org.junit.jupiter.api.Test;

/** Why checkpoints fail or are not triggered, as facts, and the command line's English for them. */
class CheckpointFailureTest {

    @Test
    void eachReason_hasTheCommandLinesWords() {
        assertThat(CheckpointFailure.of(Reason.EXPIRED, 600_000L).english())
                .isEqualTo("checkpoint expired before completing (timeout 600000 ms)");
        assertThat(CheckpointFailure.of(Reason.DECLINED, "count#1", "checkpoint 5 arrived before checkpoint 4 was "
                + "aligned").english()).isEqualTo("declined by count#1: checkpoint 5 arrived before checkpoint 4 was "
                + "aligned");
        assertThat(CheckpointFailure.declined("count#1", DeclineReason.newerBarrier(5, 4)).english())
                .isEqualTo("declined by count#1: checkpoint 5 arrived before checkpoint 4 was aligned");
        assertThat(CheckpointFailure.declined("count#1", DeclineReason.newerBarrier(5, 4)).reason())
                .isEqualTo(Reason.DECLINED_NEWER_BARRIER);
        assertThat(CheckpointFailure.declined("sink#0", DeclineReason.asyncPhaseFailed("Sink (1/2)#0", "disk full"))
                .english()).isEqualTo("declined by sink#0: Sink (1/2)#0: disk full");
        assertThat(CheckpointFailure.declined("sink#0", DeclineReason.other("disk full")).english())
                .isEqualTo("declined by sink#0: disk full");
        assertThat(CheckpointFailure.of(Reason.SUBSUMED, 7).english()).isEqualTo("subsumed by checkpoint 7");
        assertThat(CheckpointFailure.of(Reason.TASK_FAILED, "Count #0", "java.lang.RuntimeException: boom").english())
                .isEqualTo("Count #0 failed: java.lang.RuntimeException: boom");
        assertThat(CheckpointFailure.of(Reason.JOB_CANCELED).english()).isEqualTo("job cancelled");
        assertThat(CheckpointFailure.other("Checkpoint expired before completing.").english())
                .isEqualTo("Checkpoint expired before completing.");
        assertThat(CheckpointFailure.other(null)).isNull();
    }

    @Test
    void aCheckpointsStats_sayTheirFailureInEnglish_andKeepTheFacts() {
        CheckpointFailure expired = CheckpointFailure.of(Reason.EXPIRED, 100);
        CheckpointStats failed = new CheckpointStats(3, CheckpointStatus.FAILED, false, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0,
                0, 0, 0, false, expired, java.util.List.of());

        assertThat(failed.failure()).isEqualTo(expired);
        assertThat(failed.failureCause()).isEqualTo("checkpoint expired before completing (timeout 100 ms)");
    }

    @Test
    void aRefusedTrigger_isFoundInWhatItsFutureFailedWith() {
        TriggerRefusal refusal = TriggerRefusal.of(TriggerRefusal.Reason.JOB_NOT_RUNNING, "RESTARTING");
        Throwable wrapped = new CompletionException(refusal.exception());

        assertThat(TriggerRefusal.in(wrapped)).hasValue(refusal);
        assertThat(wrapped.getCause()).hasMessage("cannot trigger a checkpoint: the job is RESTARTING");
        assertThat(TriggerRefusal.in(new IllegalStateException("other"))).isEmpty();
    }
}
