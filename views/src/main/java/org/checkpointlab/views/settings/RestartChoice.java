package org.checkpointlab.views.settings;

import java.time.Duration;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.views.i18n.Texts;

/** The restart strategies a user can pick, with Flink's names; {@link #DEFAULT} leaves Flink's default in force. */
public enum RestartChoice {
    DEFAULT(null),
    NONE("none"),
    FIXED_DELAY("fixed-delay"),
    EXPONENTIAL_DELAY("exponential-delay"),
    FAILURE_RATE("failure-rate");

    private final String label;

    RestartChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label == null ? Texts.get("settings.restart.default") : label;
    }

    /** Whether the attempts field means something for this choice. */
    public boolean usesAttempts() {
        return this == FIXED_DELAY || this == FAILURE_RATE;
    }

    /** The strategy with {@code attempts} (fixed-delay attempts, failure-rate max failures) and {@code delay}. */
    public RestartStrategy strategy(int attempts, Duration delay) {
        return switch (this) {
            case DEFAULT -> null;
            case NONE -> new RestartStrategy.None();
            case FIXED_DELAY -> new RestartStrategy.FixedDelay(attempts, delay);
            case EXPONENTIAL_DELAY -> RestartStrategy.exponentialDelayDefaults();
            case FAILURE_RATE -> new RestartStrategy.FailureRate(attempts, Duration.ofMinutes(1), delay);
        };
    }

    /** The choice that describes {@code strategy} ({@code null}: the default). */
    public static RestartChoice of(RestartStrategy strategy) {
        if (strategy == null) {
            return DEFAULT;
        }
        if (strategy instanceof RestartStrategy.FixedDelay) {
            return FIXED_DELAY;
        }
        if (strategy instanceof RestartStrategy.ExponentialDelay) {
            return EXPONENTIAL_DELAY;
        }
        if (strategy instanceof RestartStrategy.FailureRate) {
            return FAILURE_RATE;
        }
        return NONE;
    }
}
