package org.checkpointlab.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.checkpointlab.model.job.RestartStrategy;

import picocli.CommandLine.Option;

/**
 * {@code --restart-strategy} and its parameters, as Flink's {@code restart-strategy.*} options. A parameter not
 * given takes Flink's default; a parameter of another strategy (or given without a strategy) is refused, naming
 * the strategies it belongs to.
 */
final class RestartFlags {
    static final String NONE = "none";
    static final String FIXED_DELAY = "fixed-delay";
    static final String EXPONENTIAL_DELAY = "exponential-delay";
    static final String FAILURE_RATE = "failure-rate";
    private static final List<String> STRATEGIES = List.of(NONE, FIXED_DELAY, EXPONENTIAL_DELAY, FAILURE_RATE);

    @Option(names = "--restart-strategy", paramLabel = "none|fixed-delay|exponential-delay|failure-rate",
            description = "How the job restarts after a failure (default: none without checkpointing, "
                    + "exponential-delay with it).")
    String strategy;

    @Option(names = "--restart-attempts", paramLabel = "N",
            description = "fixed-delay: restarts before the job fails (default 1).")
    Integer attempts;

    @Option(names = "--restart-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "fixed-delay, failure-rate: wait before a restart (default 1s); exponential-delay: the "
                    + "initial backoff (default 1s).")
    Duration delay;

    @Option(names = "--restart-max-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "exponential-delay: the largest backoff (default 5m).")
    Duration maxDelay;

    @Option(names = "--restart-multiplier", paramLabel = "X",
            description = "exponential-delay: backoff growth per failure (default 2.0).")
    Double multiplier;

    @Option(names = "--restart-reset-threshold", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "exponential-delay: back to the initial backoff after this long without failure "
                    + "(default 1h).")
    Duration resetThreshold;

    @Option(names = "--restart-jitter", paramLabel = "FRACTION",
            description = "exponential-delay: random variation of the backoff, 0 to 1 (default 0.1).")
    Double jitter;

    @Option(names = "--restart-max-failures", paramLabel = "N",
            description = "failure-rate: failures per interval before the job fails (default 1).")
    Integer maxFailures;

    @Option(names = "--restart-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "failure-rate: the interval failures are counted in (default 1m).")
    Duration interval;

    /**
     * The strategy these flags choose, or {@code null} when {@code --restart-strategy} is not given (then the job
     * takes Flink's default for its checkpoint options). Problems are added to {@code problems}, each naming the
     * flag.
     */
    RestartStrategy toStrategy(List<String> problems) {
        if (strategy != null && !STRATEGIES.contains(strategy)) {
            problems.add("--restart-strategy: unknown strategy '" + strategy + "' (expected "
                    + String.join(", ", STRATEGIES) + ")");
            return null;
        }
        List<String> misplaced = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : given().entrySet()) {
            if (strategy == null || !e.getValue().contains(strategy)) {
                misplaced.add(e.getKey() + " belongs to --restart-strategy " + String.join(" or ", e.getValue())
                        + (strategy == null ? ", which is not given" : ", not " + strategy));
            }
        }
        problems.addAll(misplaced);
        if (strategy == null || !misplaced.isEmpty()) {
            return null;
        }
        int before = problems.size();
        requireAtLeast("--restart-attempts", attempts, problems);
        requireAtLeast("--restart-max-failures", maxFailures, problems);
        if (multiplier != null && !(multiplier >= 1.0)) {
            problems.add("--restart-multiplier must be at least 1.0, was " + multiplier);
        }
        if (jitter != null && !(jitter >= 0.0 && jitter <= 1.0)) {
            problems.add("--restart-jitter must be between 0 and 1, was " + jitter);
        }
        if (interval != null && interval.isZero()) {
            problems.add("--restart-interval must be positive, was 0");
        }
        if (problems.size() > before) {
            return null;
        }
        return switch (strategy) {
            case FIXED_DELAY -> {
                RestartStrategy.FixedDelay d = RestartStrategy.fixedDelayDefaults(attempts != null ? attempts : 1);
                yield new RestartStrategy.FixedDelay(d.attempts(), or(delay, d.delay()));
            }
            case EXPONENTIAL_DELAY -> exponential(problems);
            case FAILURE_RATE -> {
                RestartStrategy.FailureRate d =
                        RestartStrategy.failureRateDefaults(maxFailures != null ? maxFailures : 1);
                yield new RestartStrategy.FailureRate(d.maxFailures(), or(interval, d.interval()),
                        or(delay, d.delay()));
            }
            default -> new RestartStrategy.None();
        };
    }

    private RestartStrategy exponential(List<String> problems) {
        RestartStrategy.ExponentialDelay d = RestartStrategy.exponentialDelayDefaults();
        Duration initial = or(delay, d.initial());
        Duration max = or(maxDelay, d.max());
        if (max.compareTo(initial) < 0) {
            problems.add("--restart-max-delay (" + max.toMillis() + " ms) must not be shorter than the initial "
                    + "--restart-delay (" + initial.toMillis() + " ms)");
            return null;
        }
        return new RestartStrategy.ExponentialDelay(initial, max,
                multiplier != null ? multiplier : d.multiplier(), or(resetThreshold, d.resetThreshold()),
                jitter != null ? jitter : d.jitter());
    }

    /** The parameter flags given, each with the strategies it belongs to. */
    private Map<String, Set<String>> given() {
        Map<String, Set<String>> given = new LinkedHashMap<>();
        put(given, "--restart-attempts", attempts, Set.of(FIXED_DELAY));
        put(given, "--restart-delay", delay, orderedSet(FIXED_DELAY, EXPONENTIAL_DELAY, FAILURE_RATE));
        put(given, "--restart-max-delay", maxDelay, Set.of(EXPONENTIAL_DELAY));
        put(given, "--restart-multiplier", multiplier, Set.of(EXPONENTIAL_DELAY));
        put(given, "--restart-reset-threshold", resetThreshold, Set.of(EXPONENTIAL_DELAY));
        put(given, "--restart-jitter", jitter, Set.of(EXPONENTIAL_DELAY));
        put(given, "--restart-max-failures", maxFailures, Set.of(FAILURE_RATE));
        put(given, "--restart-interval", interval, Set.of(FAILURE_RATE));
        return given;
    }

    private static Set<String> orderedSet(String... values) {
        return new java.util.LinkedHashSet<>(List.of(values));
    }

    private static void put(Map<String, Set<String>> given, String flag, Object value, Set<String> strategies) {
        if (value != null) {
            given.put(flag, strategies);
        }
    }

    private static void requireAtLeast(String flag, Integer value, List<String> problems) {
        if (value != null && value < 1) {
            problems.add(flag + " must be at least 1, was " + value);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
