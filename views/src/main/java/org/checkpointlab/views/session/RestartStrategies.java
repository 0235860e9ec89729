package org.checkpointlab.views.session;

import org.checkpointlab.model.job.RestartStrategy;

/** One-line descriptions of restart strategies, with Flink's names. */
public final class RestartStrategies {
    private RestartStrategies() {
    }

    /** E.g. "fixed-delay (3 attempts, 1s)"; "default" for {@code null} (Flink's default for the options). */
    public static String describe(RestartStrategy strategy) {
        if (strategy == null) {
            return "default (exponential-delay with checkpointing, else none)";
        }
        if (strategy instanceof RestartStrategy.FixedDelay f) {
            return "fixed-delay (" + f.attempts() + " attempts, " + Units.millis(f.delay().toMillis()) + ")";
        }
        if (strategy instanceof RestartStrategy.ExponentialDelay e) {
            return "exponential-delay (" + Units.millis(e.initial().toMillis()) + " up to "
                    + Units.millis(e.max().toMillis()) + ", \u00d7" + e.multiplier() + ")";
        }
        if (strategy instanceof RestartStrategy.FailureRate r) {
            return "failure-rate (" + r.maxFailures() + " per " + Units.millis(r.interval().toMillis()) + ", "
                    + Units.millis(r.delay().toMillis()) + ")";
        }
        return "none";
    }
}
