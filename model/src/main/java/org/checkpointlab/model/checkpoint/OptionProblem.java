package org.checkpointlab.model.checkpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One reason a set of {@link CheckpointOptions} is invalid as a whole, as facts a front end words in its own language
 * (the settings form, the editor's problems); {@link #english()} is the command line's wording, e.g.
 * {@code max concurrent checkpoints must be at least 1, was 0}.
 *
 * @param kind what is wrong
 * @param args its arguments, as each kind documents
 */
public record OptionProblem(Kind kind, List<String> args) {

    /** What is wrong; each constant lists its arguments. */
    public enum Kind {
        /** The interval in ms. */
        INTERVAL_NOT_POSITIVE,
        /** No arguments. */
        TIMEOUT_NOT_POSITIVE,
        /** No arguments. */
        MIN_PAUSE_NEGATIVE,
        /** The value. */
        MAX_CONCURRENT_BELOW_ONE,
        /** The value. */
        TOLERABLE_FAILURES_NEGATIVE,
        /** No arguments. */
        ALIGNED_TIMEOUT_NEGATIVE,
        /** The value. */
        RETAINED_BELOW_ONE,
        /** No arguments. */
        UNALIGNED_NEEDS_EXACTLY_ONCE,
        /** No arguments. */
        UNALIGNED_NEEDS_ONE_CONCURRENT
    }

    public OptionProblem {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static OptionProblem of(Kind kind, Object... args) {
        return new OptionProblem(kind, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Argument {@code i}, or "" when missing. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** The problem as the command line says it. */
    public String english() {
        return switch (kind) {
            case INTERVAL_NOT_POSITIVE -> "checkpoint interval must be positive (or off), was " + arg(0) + " ms";
            case TIMEOUT_NOT_POSITIVE -> "checkpoint timeout must be positive";
            case MIN_PAUSE_NEGATIVE -> "min pause between checkpoints must not be negative";
            case MAX_CONCURRENT_BELOW_ONE -> "max concurrent checkpoints must be at least 1, was " + arg(0);
            case TOLERABLE_FAILURES_NEGATIVE -> "tolerable failed checkpoints must not be negative, was " + arg(0);
            case ALIGNED_TIMEOUT_NEGATIVE -> "aligned checkpoint timeout must not be negative";
            case RETAINED_BELOW_ONE -> "retained checkpoints must be at least 1, was " + arg(0);
            case UNALIGNED_NEEDS_EXACTLY_ONCE -> "unaligned checkpoints require exactly-once mode";
            case UNALIGNED_NEEDS_ONE_CONCURRENT -> "unaligned checkpoints require max concurrent checkpoints = 1";
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
