package org.checkpointlab.model.checkpoint;

/**
 * Time and scheduling for the checkpoint coordinator (and anything else with timeouts). The real one runs on a
 * single scheduler thread; tests use a manual one and advance time instead of sleeping. Every action runs on the
 * service's one thread, one at a time.
 */
public interface TimerService {

    long nowMillis();

    /** Monotonic time on the same clock tasks use for barrier trigger times. */
    long nowNanos();

    /** Runs {@code action} on the service's thread as soon as possible. */
    void execute(Runnable action);

    /** Runs {@code action} after {@code delayMillis}; the returned handle cancels it. */
    Cancellable schedule(Runnable action, long delayMillis);

    /** A scheduled action that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
