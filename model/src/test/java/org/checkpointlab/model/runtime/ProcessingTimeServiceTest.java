package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessingTimeServiceTest {
    private final ManualTaskClock clock = new ManualTaskClock(10_000);
    private final ProcessingTimeService service = new ProcessingTimeService(clock);
    private final List<String> fired = new ArrayList<>();

    private long fire() throws Exception {
        return service.fireDueTimers(clock.nanoTime(), (op, time) -> fired.add(op + "@" + time));
    }

    @Test
    void dueTimersFireEarliestFirst_laterOnesWait() throws Exception {
        service.registerTimer(10_300, 1);
        service.registerTimer(10_100, 0);
        service.registerTimer(10_200, 2);
        service.registerTimer(10_900, 0);

        clock.advanceMillis(250);
        long next = fire();

        assertThat(fired).containsExactly("0@10100", "2@10200");
        assertThat(next).isEqualTo(clock.nanoTime() + 50 * 1_000_000L);
        clock.advanceMillis(700);
        fire();
        assertThat(fired).containsExactly("0@10100", "2@10200", "1@10300", "0@10900");
        assertThat(service.hasTimers()).isFalse();
    }

    @Test
    void nothingFiresBeforeItsTime() throws Exception {
        service.registerTimer(10_001, 0);
        assertThat(fire()).isEqualTo(clock.nanoTime() + 1_000_000L);
        assertThat(fired).isEmpty();
        clock.advanceMillis(1);
        assertThat(fire()).isEqualTo(Long.MAX_VALUE);
        assertThat(fired).containsExactly("0@10001");
    }

    @Test
    void registeringTellsWhenTheTaskMustLookAgain_aPastTimeMeansNow() {
        assertThat(service.registerTimer(10_040, 0)).isEqualTo(clock.nanoTime() + 40 * 1_000_000L);
        assertThat(service.registerTimer(9_000, 0)).isEqualTo(clock.nanoTime());
        assertThat(service.currentProcessingTime()).isEqualTo(10_000);
    }

    @Test
    void aTimerRegisteredWhileFiringForAPassedTimeFiresInTheSamePass() throws Exception {
        service.registerTimer(10_000, 0);
        service.fireDueTimers(clock.nanoTime(), (op, time) -> {
            fired.add(op + "@" + time);
            if (op == 0) {
                service.registerTimer(9_999, 1);
            }
        });
        assertThat(fired).containsExactly("0@10000", "1@9999");
    }
}
