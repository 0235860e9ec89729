package org.checkpointlab.model.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Decides, failure by failure, whether and after how long a job restarts under a {@link RestartStrategy}.
 * Not thread-safe: the job calls it from its one control thread.
 */
final class RestartBackoff {
    private final RestartStrategy strategy;
    private final SplittableRandom random = new SplittableRandom(7);
    private final Deque<Long> failureTimes = new ArrayDeque<>();
    private int restarts;
    private double currentBackoffMillis;
    private long lastFailureMillis = Long.MIN_VALUE;

    RestartBackoff(RestartStrategy strategy) {
        this.strategy = strategy;
    }

    /** The delay before restarting after a failure at {@code nowMillis}, or empty when the job must fail. */
    OptionalLong onFailure(long nowMillis) {
        OptionalLong result;
        if (strategy instanceof RestartStrategy.None) {
            result = OptionalLong.empty();
        } else if (strategy instanceof RestartStrategy.FixedDelay f) {
            result = restarts < f.attempts() ? OptionalLong.of(f.delay().toMillis()) : OptionalLong.empty();
        } else if (strategy instanceof RestartStrategy.FailureRate r) {
            failureTimes.addLast(nowMillis);
            while (!failureTimes.isEmpty() && failureTimes.peekFirst() <= nowMillis - r.interval().toMillis()) {
                failureTimes.pollFirst();
            }
            result = failureTimes.size() > r.maxFailures() ? OptionalLong.empty()
                    : OptionalLong.of(r.delay().toMillis());
        } else {
            RestartStrategy.ExponentialDelay e = (RestartStrategy.ExponentialDelay) strategy;
            if (lastFailureMillis == Long.MIN_VALUE
                    || nowMillis - lastFailureMillis >= e.resetThreshold().toMillis()) {
                currentBackoffMillis = e.initial().toMillis();
            } else {
                currentBackoffMillis = Math.min(e.max().toMillis(), currentBackoffMillis * e.multiplier());
            }
            double jitter = e.jitter() == 0 ? 0
                    : currentBackoffMillis * e.jitter() * (random.nextDouble() * 2 - 1);
            result = OptionalLong.of(Math.max(0, Math.round(currentBackoffMillis + jitter)));
        }
        lastFailureMillis = nowMillis;
        if (result.isPresent()) {
            restarts++;
        }
        return result;
    }
}
