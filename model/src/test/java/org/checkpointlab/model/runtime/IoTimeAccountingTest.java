package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.checkpointlab.model.runtime.IoTimeAccounting.IoState;
import org.checkpointlab.model.runtime.IoTimeAccounting.IoTimes;
import org.junit.jupiter.api.Test;

class IoTimeAccountingTest {
    private final ManualTaskClock clock = new ManualTaskClock(1_000);
    private final IoTimeAccounting accounting = new IoTimeAccounting(clock);

    @Test
    void idleAndBackpressuredWaitsAddUp_busyTimeIsTheRest() {
        accounting.start();
        long started = clock.nanoTime();
        clock.advanceMillis(2); // busy
        accounting.beginWait(IoState.IDLE);
        clock.advanceMillis(5);
        accounting.endWait();
        clock.advanceMillis(1); // busy
        accounting.beginWait(IoState.BACK_PRESSURED);
        clock.advanceMillis(3);
        accounting.endWait();

        IoTimes t = accounting.times(clock.nanoTime());
        assertThat(t.idleNanos()).isEqualTo(5_000_000);
        assertThat(t.backPressuredNanos()).isEqualTo(3_000_000);
        assertThat(t.startNanos()).isEqualTo(started);
        long busy = clock.nanoTime() - t.startNanos() - t.idleNanos() - t.backPressuredNanos();
        assertThat(busy).isEqualTo(3_000_000);
        assertThat(accounting.state()).isEqualTo(IoState.BUSY);
    }

    @Test
    void aWaitInProgressCountsUpToTheObservedMoment() {
        accounting.start();
        accounting.beginWait(IoState.BACK_PRESSURED);
        clock.advanceMillis(4);

        assertThat(accounting.state()).isEqualTo(IoState.BACK_PRESSURED);
        assertThat(accounting.times(clock.nanoTime()).backPressuredNanos()).isEqualTo(4_000_000);
        assertThat(accounting.times(clock.nanoTime()).idleNanos()).isZero();
        clock.advanceMillis(1);
        accounting.endWait();
        assertThat(accounting.times(clock.nanoTime()).backPressuredNanos()).isEqualTo(5_000_000);
    }

    @Test
    void beginWaitReturnsTheWaitsStartOnTheInjectedClock() {
        clock.advanceNanos(123);
        assertThat(accounting.beginWait(IoState.IDLE)).isEqualTo(clock.nanoTime());
    }

    @Test
    void busyIsNotAWait() {
        assertThatThrownBy(() -> accounting.beginWait(IoState.BUSY)).isInstanceOf(IllegalArgumentException.class);
    }
}
