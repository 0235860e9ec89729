package org.checkpointlab.views.session;

import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.views.i18n.Texts;

/** One-line descriptions of restart strategies, with Flink's names. */
public final class RestartStrategies {
    private RestartStrategies() {
    }

    /** E.g. "fixed-delay (3 attempts, 1s)"; "default" for {@code null} (Flink's default for the options). */
    public static String describe(RestartStrategy strategy) {
        if (strategy == null) {
            return Texts.get("restart.default");
        }
        if (strategy instanceof RestartStrategy.FixedDelay f) {
            return Texts.format("restart.fixedDelay", f.attempts(), Units.millis(f.delay().toMillis()));
        }
        if (strategy instanceof RestartStrategy.ExponentialDelay e) {
            return Texts.format("restart.exponentialDelay", Units.millis(e.initial().toMillis()),
                    Units.millis(e.max().toMillis()), e.multiplier());
        }
        if (strategy instanceof RestartStrategy.FailureRate r) {
            return Texts.format("restart.failureRate", r.maxFailures(), Units.millis(r.interval().toMillis()),
                    Units.millis(r.delay().toMillis()));
        }
        return Texts.get("restart.none");
    }
}
