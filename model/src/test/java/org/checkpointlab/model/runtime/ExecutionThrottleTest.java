package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.checkpointlab.model.observe.StepEvent;
import org.junit.jupiter.api.Test;

class ExecutionThrottleTest {
    private final ExecutionThrottle throttle = new ExecutionThrottle();

    @Test
    void atFullSpeedAndRunningTheThrottleIsNotEngaged() {
        assertThat(throttle.engaged()).isFalse();
        throttle.setSpeed(0.5);
        assertThat(throttle.engaged()).isTrue();
        throttle.setSpeed(1.0);
        throttle.setPaused(true);
        assertThat(throttle.engaged()).isTrue();
        throttle.setPaused(false);
        assertThat(throttle.engaged()).isFalse();
    }

    @Test
    void aStepRunsUntilTheFirstBarrierEvent_thenPausesThere() {
        throttle.setPaused(true);

        assertThat(throttle.step()).isTrue();
        assertThat(throttle.paused()).isFalse();
        assertThat(throttle.stepping()).isTrue();
        throttle.barrierEvent(() -> StepEvent.barrierReached(7, "count", 1, "split", 0));
        throttle.barrierEvent(() -> StepEvent.barrierReached(7, "count", 0, "split", 1));

        assertThat(throttle.paused()).isTrue();
        assertThat(throttle.engaged()).isTrue();
        assertThat(throttle.stepping()).isFalse();
        assertThat(throttle.lastStepEvent()).isEqualTo("barrier 7 reached count #1 from split #0");
    }

    /**
     * An observer (the UI's frame loop) reads {@code stepping()}, then the event and the pause. The event's description
     * is built while the step ends, on the task thread, and can take long the first time (the string concatenation is
     * bootstrapped then): whatever the observer reads meanwhile, a step it sees ended has its event and its pause.
     */
    @Test
    void anObserverThatSeesTheStepEnded_seesItsEventAndThePause() {
        List<String> seenWhileEnding = new ArrayList<>();
        throttle.setPaused(true);
        throttle.step();

        throttle.barrierEvent(() -> {
            seenWhileEnding.add(observe());
            return StepEvent.barrierReached(7, "count", 1, "split", 0);
        });

        assertThat(seenWhileEnding).containsExactly("stepping");
        assertThat(observe()).isEqualTo("paused at barrier 7 reached count #1 from split #0");
    }

    /** What the UI concludes from one look at the throttle, in the order it reads. */
    private String observe() {
        if (throttle.stepping()) {
            return "stepping";
        }
        String event = throttle.lastStepEvent();
        return (throttle.paused() ? "paused at " : "running after ") + event;
    }

    @Test
    void aRunningJobCannotStep_andBarrierEventsCostNoDescription() {
        AtomicInteger described = new AtomicInteger();
        assertThat(throttle.step()).isFalse();
        throttle.barrierEvent(() -> StepEvent.barrierSent(described.incrementAndGet(), "x", 0));
        assertThat(described).hasValue(0);
        assertThat(throttle.paused()).isFalse();
        assertThat(throttle.lastStepEvent()).isNull();
    }

    @Test
    void resumingOrPausingEndsAStep() {
        throttle.setPaused(true);
        throttle.step();
        throttle.setPaused(false);
        throttle.barrierEvent(() -> StepEvent.barrierSent(9, "late", 0));
        assertThat(throttle.stepping()).isFalse();
        assertThat(throttle.paused()).isFalse();
    }

    @Test
    void speedMustBeAFractionUpToOne() {
        assertThatThrownBy(() -> throttle.setSpeed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> throttle.setSpeed(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slowMotionSleepsOnceAMillisecondOfDelayAddedUp() {
        ManualTaskClock clock = new ManualTaskClock(0);
        List<Long> sleeps = new ArrayList<>();
        ExecutionThrottle.Pacer pacer = throttle.pacer(clock, nanos -> {
            sleeps.add(nanos);
            clock.advanceNanos(nanos);
        });
        // At speed 0.5 each record owes 4 µs: the 250th record completes a millisecond.
        for (int i = 0; i < 249; i++) {
            pacer.recordProcessed(0.5);
        }
        assertThat(sleeps).isEmpty();
        pacer.recordProcessed(0.5);
        assertThat(sleeps).containsExactly(1_000_000L);
        assertThat(pacer.owedNanos()).isZero();
    }

    @Test
    void oversleepingIsPaidBackByTheNextRecords_upToOneSleep() {
        ManualTaskClock clock = new ManualTaskClock(0);
        List<Long> sleeps = new ArrayList<>();
        ExecutionThrottle.Pacer pacer = throttle.pacer(clock, nanos -> {
            // The first sleep lasts through a long stall; the others as long as asked.
            clock.advanceNanos(sleeps.isEmpty() ? 60_000_000_000L : nanos);
            sleeps.add(nanos);
        });
        for (int i = 0; i < 500; i++) {
            pacer.recordProcessed(1.0 / 500); // each record owes 1 ms
            if (i == 0) {
                assertThat(pacer.owedNanos()).isEqualTo(-ExecutionThrottle.SLOW_MOTION_SLEEP_NANOS);
            }
        }
        // After the stall only one record's delay is free (not a minute's worth); then every record sleeps again.
        assertThat(sleeps).hasSize(499);
    }
}
