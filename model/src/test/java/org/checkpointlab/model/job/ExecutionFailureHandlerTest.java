package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.checkpointlab.model.checkpoint.CheckpointFailure;
import org.checkpointlab.model.checkpoint.CheckpointFailuresExceeded;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.runtime.OperatorException;
import org.junit.jupiter.api.Test;

class ExecutionFailureHandlerTest {
    private final RuntimeException boom = new RuntimeException("boom");

    private static ExecutionFailureHandler handler(int attempts, FailoverStrategy strategy) {
        return new ExecutionFailureHandler(new RestartStrategy.FixedDelay(attempts, Duration.ofMillis(300)),
                strategy);
    }

    @Test
    void underRegionFailoverASubtaskFailureRestartsItsRegion_afterTheStrategysDelay() {
        ExecutionFailureHandler h = handler(3, FailoverStrategy.REGION);

        ExecutionFailureHandler.FailureHandlingResult r = h.handleFailure("map", 1, boom, false, 1_000);

        assertThat(r).isEqualTo(new ExecutionFailureHandler.FailureHandlingResult(true, 300, false));
        assertThat(h.nextRestartAtMillis()).isEqualTo(1_300);
        assertThat(h.failures()).containsExactly(new FailureEvent(1_000, "map", 1, "boom"));
    }

    @Test
    void anInjectedFailure_entersTheHistoryWithItsFacts() {
        ExecutionFailureHandler h = handler(3, FailoverStrategy.REGION);
        org.checkpointlab.model.observe.FailureCause injected = org.checkpointlab.model.observe.FailureCause.of(
                org.checkpointlab.model.observe.FailureCause.Kind.INJECTED_AT_RECORD, "count", 1, 50_000, 0);

        h.handleFailure("count", 1, new Job.InjectedFailure(injected), false, 1_000);

        assertThat(h.failures()).containsExactly(new FailureEvent(1_000, "count", 1,
                "failure injected into count #1 at record 50000", injected));
    }

    @Test
    void tooManyFailedCheckpoints_andAFailedSnapshot_enterTheHistoryWithTheirFacts_anOperatorsExceptionWithout() {
        ExecutionFailureHandler h = handler(3, FailoverStrategy.REGION);
        CheckpointFailure expired = CheckpointFailure.of(CheckpointFailure.Reason.EXPIRED, 600_000);
        CheckpointFailuresExceeded exceeded = new CheckpointFailuresExceeded(0, expired);

        h.handleFailure(null, -1, new IllegalStateException(exceeded.getMessage(), exceeded), false, 1_000);
        h.handleFailure("count", 0, new OperatorException("Count (1/2)", 5, new java.io.IOException("disk full")),
                false, 2_000);
        h.handleFailure("count", 1, new OperatorException("Count (2/2)", boom), false, 3_000);

        FailureCause tooMany = h.failures().get(0).cause();
        assertThat(h.failures().get(0).message()).isEqualTo(
                "Exceeded checkpoint tolerable failure threshold (0): checkpoint expired before completing (timeout "
                        + "600000 ms)");
        assertThat(tooMany.kind()).isEqualTo(FailureCause.Kind.CHECKPOINT_FAILURES_EXCEEDED);
        assertThat(tooMany.arg(0)).isEqualTo("0");
        assertThat(tooMany.checkpointFailure()).isEqualTo(expired);
        assertThat(tooMany.english()).isEqualTo(h.failures().get(0).message());
        FailureCause snapshot = h.failures().get(1).cause();
        assertThat(snapshot).isEqualTo(FailureCause.of(FailureCause.Kind.SNAPSHOT_FAILED, "Count (1/2)", 5,
                "disk full"));
        assertThat(snapshot.english()).isEqualTo(h.failures().get(1).message())
                .isEqualTo("Count (1/2) snapshot of checkpoint 5: disk full");
        assertThat(h.failures().get(2).cause()).isNull();
        assertThat(h.failures().get(2).message()).isEqualTo("Count (2/2): boom");
    }

    @Test
    void aTaskFailure_failsThePendingCheckpointsWithItsFacts_inTheCommandLinesWords() {
        FailureCause injected = FailureCause.of(FailureCause.Kind.INJECTED, "count", 1);
        CheckpointFailure failed = FailureCause.taskFailed("Count #1", new Job.InjectedFailure(injected), injected);
        CheckpointFailure thrown = FailureCause.taskFailed("Count #0", boom, null);

        assertThat(failed.english()).isEqualTo(
                "Count #1 failed: org.checkpointlab.model.job.Job$InjectedFailure: failure injected into count #1");
        assertThat(FailureCause.ofTaskFailure(failed)).contains(injected);
        assertThat(thrown.english()).isEqualTo("Count #0 failed: java.lang.RuntimeException: boom");
        assertThat(FailureCause.ofTaskFailure(thrown)).isEmpty();
    }

    @Test
    void jobLevelFailures_fullFailover_andForcedOnesRestartEveryTask() {
        assertThat(handler(3, FailoverStrategy.REGION).handleFailure(null, -1, boom, false, 0).global()).isTrue();
        assertThat(handler(3, FailoverStrategy.FULL).handleFailure("map", 0, boom, false, 0).global()).isTrue();
        assertThat(handler(3, FailoverStrategy.REGION).handleFailure("map", 0, boom, true, 0).global()).isTrue();
    }

    @Test
    void whenTheStrategyGivesUpTheJobFails_andNoRestartIsAnnounced() {
        ExecutionFailureHandler h = handler(1, FailoverStrategy.REGION);
        h.handleFailure("map", 0, boom, false, 1_000);
        h.restarted(4, 1_300, false);

        ExecutionFailureHandler.FailureHandlingResult r = h.handleFailure("map", 0, boom, false, 5_000);

        assertThat(r.restartable()).isFalse();
        assertThat(h.nextRestartAtMillis()).isEqualTo(-1);
        assertThat(h.failures()).hasSize(2);
    }

    @Test
    void aRestartIsRecordedWithItsFailureTimeAndDelay_theNextRestartIsClearedOnceNoRegionWaits() {
        ExecutionFailureHandler h = handler(5, FailoverStrategy.REGION);
        h.handleFailure("map", 0, boom, false, 1_000);
        h.handleFailure("sink", 0, new IllegalStateException(), false, 1_100);

        h.restarted(7, 1_300, true);
        assertThat(h.nextRestartAtMillis()).isEqualTo(1_400);
        h.restarted(7, 1_400, false);

        assertThat(h.nextRestartAtMillis()).isEqualTo(-1);
        assertThat(h.restartEvents()).containsExactly(new RestartEvent(1_100, 1_300, 7, 300),
                new RestartEvent(1_100, 1_400, 7, 300));
        assertThat(h.failures().get(1).message()).isEqualTo("java.lang.IllegalStateException");
    }
}
