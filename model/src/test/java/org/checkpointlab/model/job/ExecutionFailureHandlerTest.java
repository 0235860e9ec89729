package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.RestartEvent;
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
