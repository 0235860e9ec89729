package org.checkpointlab.model.checkpoint;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The real {@link TimerService}: the wall clock and one daemon scheduler thread. */
public final class ScheduledTimerService implements TimerService, AutoCloseable {
    private final ScheduledExecutorService executor;

    public ScheduledTimerService(String threadName) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long nowNanos() {
        return System.nanoTime();
    }

    /** Runs {@code action} on the scheduler thread; dropped once the service is closed (even while this runs). */
    @Override
    public void execute(Runnable action) {
        try {
            executor.execute(guarded(action));
        } catch (RejectedExecutionException closed) {
            // closed meanwhile (the job ended): nothing runs on this service any more
        }
    }

    @Override
    public Cancellable schedule(Runnable action, long delayMillis) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(action), Math.max(0, delayMillis),
                    TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    private static Runnable guarded(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
