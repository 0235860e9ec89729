package org.checkpointlab.model.runtime;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a task's cumulative idle and backpressured nanos into Flink's {@code idleTimeMsPerSecond},
 * {@code backPressuredTimeMsPerSecond} and {@code busyTimeMsPerSecond}, averaged over a sliding window of samples.
 * Sampled by one thread; read by observers through the volatile {@link #rates}.
 */
final class TimeSampler {
    private static final long WINDOW_NANOS = 2_000_000_000L;
    private final Deque<long[]> samples = new ArrayDeque<>();
    /** busy, backpressured, idle, in ms per second. */
    private volatile double[] rates = {0, 0, 1000};

    void sample(Task task, long now) {
        IoTimeAccounting.IoTimes t = task.ioTimes(now);
        samples.addLast(new long[] {now, t.idleNanos(), t.backPressuredNanos()});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.pollFirst();
        }
        long[] first = samples.peekFirst();
        long span = now - first[0];
        if (span <= 0) {
            return;
        }
        double idle = Math.min(1000, (t.idleNanos() - first[1]) * 1000.0 / span);
        double bp = Math.min(1000 - idle, (t.backPressuredNanos() - first[2]) * 1000.0 / span);
        rates = new double[] {Math.max(0, 1000 - idle - bp), bp, idle};
    }

    double[] rates() {
        return rates;
    }
}
