package org.checkpointlab.model;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting in tests for what the engine shows instead of sleeping for a guessed time. {@link #until} polls a condition
 * on observable state (a job's snapshot, summary, checkpoint history, restart events, files) and fails naming what
 * it waited for and what it saw last; a slow machine only makes it wait longer. {@link #holds} checks that something
 * stays true for a while; it proves something only once the engine confirmed a state that keeps it true (for example
 * {@code Job.awaitControlsApplied} after a pause), so a short period can weaken it but never make it fail wrongly.
 */
public final class Await {
    /** How long {@link #until(BooleanSupplier, String)} waits: far beyond what any awaited event takes when it happens. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_NANOS = 1_000_000;

    private Await() {
    }

    /** Polls {@code condition} until it is true; fails after {@link #TIMEOUT} with {@code what}. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, TIMEOUT, what);
    }

    /** Polls {@code condition} until it is true; fails after {@code timeout} with {@code what}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        until(condition::getAsBoolean, ok -> ok, timeout, what);
    }

    /**
     * Polls {@code probe} until its value satisfies {@code condition} and returns that value; fails after
     * {@code timeout} with {@code what} and the last value seen.
     */
    public static <T> T until(Supplier<T> probe, Predicate<? super T> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (condition.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; last seen: " + value);
            }
            park();
        }
    }

    /** Checks {@code condition} over {@code period}; fails at once, with {@code what}, when it is false. */
    public static void holds(BooleanSupplier condition, Duration period, String what) {
        long end = System.nanoTime() + period.toNanos();
        do {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("no longer true: " + what);
            }
            park();
        } while (System.nanoTime() - end < 0);
        if (!condition.getAsBoolean()) {
            throw new AssertionError("no longer true: " + what);
        }
    }

    private static void park() {
        LockSupport.parkNanos(POLL_NANOS);
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting");
        }
    }
}
