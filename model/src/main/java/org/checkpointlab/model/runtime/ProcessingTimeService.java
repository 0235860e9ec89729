package org.checkpointlab.model.runtime;

import java.util.PriorityQueue;

/**
 * A subtask's processing-time timers (Flink's {@code ProcessingTimeService}): operators of the chain register a
 * wall-clock time, and the task fires the due ones, earliest first, between records. Time comes from an injected
 * {@link TaskClock}. Task thread only.
 */
final class ProcessingTimeService {

    /** Fires a timer: operator {@code operatorIndex} of the chain, registered for {@code timeMillis}. */
    @FunctionalInterface
    interface TimerTarget {
        void onProcessingTime(int operatorIndex, long timeMillis) throws Exception;
    }

    private record Timer(long timeMillis, int operatorIndex) {
    }

    private final TaskClock clock;
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>((a, b) -> Long.compare(a.timeMillis(), b.timeMillis()));

    ProcessingTimeService(TaskClock clock) {
        this.clock = clock;
    }

    /** Processing time now: wall-clock ms. */
    long currentProcessingTime() {
        return clock.currentTimeMillis();
    }

    /**
     * Registers a timer of operator {@code operatorIndex} for {@code timeMillis}.
     *
     * @return the nano time (of the task's monotonic clock) by which the task must next look at its timers
     */
    long registerTimer(long timeMillis, int operatorIndex) {
        timers.add(new Timer(timeMillis, operatorIndex));
        long dueInNanos = (timeMillis - clock.currentTimeMillis()) * 1_000_000L;
        return clock.nanoTime() + Math.max(0, dueInNanos);
    }

    boolean hasTimers() {
        return !timers.isEmpty();
    }

    /**
     * Fires every timer due by the wall clock now, earliest first (including timers the firing ones register for a
     * time already passed).
     *
     * @param nowNanos the task's monotonic time now, to express the next deadline in
     * @return the nano time the next remaining timer is due, or {@link Long#MAX_VALUE} when none is left
     */
    long fireDueTimers(long nowNanos, TimerTarget target) throws Exception {
        long wall = clock.currentTimeMillis();
        while (!timers.isEmpty() && timers.peek().timeMillis() <= wall) {
            Timer t = timers.poll();
            target.onProcessingTime(t.operatorIndex(), t.timeMillis());
        }
        return timers.isEmpty() ? Long.MAX_VALUE : nowNanos + (timers.peek().timeMillis() - wall) * 1_000_000L;
    }
}
