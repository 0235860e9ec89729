package org.checkpointlab.model.runtime;

/**
 * Where a subtask's time goes, as Flink's task I/O metrics split it: busy (processing records, timers, mail),
 * idle (waiting for input) and backpressured (waiting for an output buffer's credit). {@link TimeSampler} turns the
 * cumulative totals into {@code busyTimeMsPerSecond}, {@code idleTimeMsPerSecond} and
 * {@code backPressuredTimeMsPerSecond}.
 *
 * <p>Threading: {@link #start}, {@link #beginWait} and {@link #endWait} run on the task thread only; {@link #times}
 * may be called from any thread (a racy but consistent-enough read of volatile fields, counting a wait in progress).
 */
final class IoTimeAccounting {

    /** What a subtask is doing; busy is the time it neither waits for input nor for output. */
    enum IoState {
        /** Processing: records, timers, mail, snapshots. */
        BUSY,
        /** Waiting for input (or paused, or suspended by a stop-with-savepoint). */
        IDLE,
        /** Waiting for credit on an output channel. */
        BACK_PRESSURED
    }

    /** Cumulative idle and backpressured nanos and the nano time the task started; busy is the rest. */
    record IoTimes(long idleNanos, long backPressuredNanos, long startNanos) {
    }

    private final TaskClock clock;
    private volatile IoState state = IoState.BUSY;
    private volatile long waitStartNanos;
    private volatile long idleNanos;
    private volatile long backPressuredNanos;
    private volatile long startNanos;

    IoTimeAccounting(TaskClock clock) {
        this.clock = clock;
    }

    /** The task thread started: busy time counts from now. */
    void start() {
        startNanos = clock.nanoTime();
    }

    /** A wait of kind {@code kind} (idle or backpressured) begins; returns its start, on the task's clock. */
    long beginWait(IoState kind) {
        if (kind == IoState.BUSY) {
            throw new IllegalArgumentException("a wait is idle or backpressured, not " + kind);
        }
        long now = clock.nanoTime();
        waitStartNanos = now;
        state = kind;
        return now;
    }

    /** The wait begun last ended: its duration adds to the idle or backpressured total. */
    void endWait() {
        long waited = clock.nanoTime() - waitStartNanos;
        if (state == IoState.IDLE) {
            idleNanos += waited;
        } else if (state == IoState.BACK_PRESSURED) {
            backPressuredNanos += waited;
        }
        state = IoState.BUSY;
    }

    /** What the task does now. */
    IoState state() {
        return state;
    }

    /** The totals at {@code now} (a nano time of the same clock), counting a wait in progress. */
    IoTimes times(long now) {
        long idle = idleNanos;
        long bp = backPressuredNanos;
        IoState current = state;
        long since = waitStartNanos;
        if (current == IoState.IDLE && since > 0) {
            idle += Math.max(0, now - since);
        } else if (current == IoState.BACK_PRESSURED && since > 0) {
            bp += Math.max(0, now - since);
        }
        return new IoTimes(idle, bp, startNanos);
    }
}
