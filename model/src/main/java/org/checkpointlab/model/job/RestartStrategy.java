package org.checkpointlab.model.job;

import java.time.Duration;

/**
 * How a job restarts after a task failure, with Flink's defaults: none when checkpointing is off, exponential delay
 * when it is on ({@link #flinkDefault}).
 */
public sealed interface RestartStrategy {

    /** Never restart: the first failure fails the job. */
    record None() implements RestartStrategy {
    }

    /** Restart up to {@code attempts} times, waiting {@code delay} before each. */
    record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
    }

    /**
     * Restart forever with a backoff that starts at {@code initial}, grows by {@code multiplier} up to {@code max},
     * is reset after {@code resetThreshold} without failure, and varies by ± {@code jitter} (a fraction).
     */
    record ExponentialDelay(Duration initial, Duration max, double multiplier, Duration resetThreshold,
                            double jitter) implements RestartStrategy {
    }

    /** Restart unless more than {@code maxFailures} happened within {@code interval}; wait {@code delay}. */
    record FailureRate(int maxFailures, Duration interval, Duration delay) implements RestartStrategy {
    }

    static RestartStrategy flinkDefault(boolean checkpointing) {
        return checkpointing ? exponentialDelayDefaults() : new None();
    }

    static ExponentialDelay exponentialDelayDefaults() {
        return new ExponentialDelay(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, Duration.ofHours(1), 0.1);
    }

    static FixedDelay fixedDelayDefaults(int attempts) {
        return new FixedDelay(attempts, Duration.ofSeconds(1));
    }

    static FailureRate failureRateDefaults(int maxFailures) {
        return new FailureRate(maxFailures, Duration.ofMinutes(1), Duration.ofSeconds(1));
    }
}
