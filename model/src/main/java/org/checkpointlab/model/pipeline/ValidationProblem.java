package org.checkpointlab.model.pipeline;

import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.util.FactArguments;

/**
 * One reason a pipeline cannot run, found by {@link PipelineValidator} (or, for the {@code SAVEPOINT_*} kinds, by
 * the savepoint compatibility check of a restore): a {@link Kind} and its arguments (operator
 * ids, kinds, numbers as written; the first names where the problem is), so a front end words it in its own
 * language. {@link #english()} is the command line's wording, e.g. {@code operator 'count': has no input; every
 * operator but a source needs one}.
 *
 * @param kind what is wrong
 * @param args its arguments, in the order each kind documents
 */
public record ValidationProblem(Kind kind, List<String> args) implements FactArguments {

    /** What is wrong; each constant lists its arguments. */
    public enum Kind {
        /** No arguments. */
        NO_OPERATORS,
        /** The operator's number (from 1), its kind. */
        BLANK_ID,
        /** Id, how many operators use it. */
        DUPLICATE_ID,
        /** Id, parallelism. */
        PARALLELISM_TOO_LOW,
        /** Id, the upper bound, max parallelism. */
        MAX_PARALLELISM_OUT_OF_RANGE,
        /** Id, parallelism, max parallelism. */
        PARALLELISM_ABOVE_MAX,
        /** Id, the upper bound, parallelism. */
        PARALLELISM_TOO_HIGH,
        /** Id, the kind written, the known kinds joined with ", ". */
        UNKNOWN_KIND,
        /** Id, parameter, kind, the kind's parameters joined with ", ". */
        UNKNOWN_PARAM,
        /** Id, parameter, kind (which takes no parameters). */
        UNKNOWN_PARAM_NONE,
        /** Id, parameter, what is wrong with its value (English, e.g. "must be >= 0, was -5"). */
        BAD_PARAM,
        /** Id, parameter, its description (English). */
        MISSING_PARAM,
        /** From, to, the end that does not exist. */
        NO_SUCH_OPERATOR,
        /** From, to (the same operator). */
        SELF_INPUT,
        /** From, to. */
        DUPLICATE_EDGE,
        /** From, to, the parallelism of each. */
        FORWARD_PARALLELISM,
        /** From, to, the keyed kind of {@code to}, the partitioning written. */
        KEYED_NEEDS_HASH,
        /** Id, how many inputs, their ids joined with ", ". */
        SOURCE_HAS_INPUTS,
        /** Id. */
        NO_INPUT,
        /** Id, kind, the least number of inputs it takes, how many it has. */
        INPUTS_AT_LEAST,
        /** Id, kind, the number of inputs it takes, how many it has. */
        INPUTS_EXACTLY,
        /** Id, kind, the least and most inputs it takes, how many it has. */
        INPUTS_BETWEEN,
        /** Id, how many outputs, their ids joined with ", ". */
        SINK_HAS_OUTPUTS,
        /** No arguments. */
        NO_SOURCE,
        /** No arguments. */
        NO_SINK,
        /** The operators of the cycle joined with " -> ", starting and ending with the same one. */
        CYCLE,
        /** Id. */
        UNREACHABLE,
        /**
         * What is wrong with the checkpointing section (English, as {@link CheckpointingConfig#problems()}); for
         * options that do not go together, the {@link #optionProblem() OptionProblem}'s kind and arguments follow.
         */
        CHECKPOINTING,
        /** A key of the checkpointing section that is no option, the known keys joined with ", ". */
        CHECKPOINTING_UNKNOWN_KEY,
        /**
         * A value of the checkpointing section not of its option's form: the key, what is wrong with it (an
         * {@link OptionValueException.Kind}'s name), the value as written, Flink's default, the English detail.
         */
        CHECKPOINTING_VALUE,
        /**
         * Restoring from a savepoint: its directory, the operator id, the operator's saved kind; the savepoint holds
         * state for an operator the pipeline no longer has (and non-restored state is not allowed).
         */
        SAVEPOINT_STATE_NOT_IN_PIPELINE,
        /** Restoring: the savepoint's directory, id, saved kind, kind now; a stateful operator changed its kind. */
        SAVEPOINT_KIND_CHANGED,
        /** Restoring: the savepoint's directory, id, max parallelism now, the saved one (keyed state). */
        SAVEPOINT_MAX_PARALLELISM_CHANGED,
        /** Restoring: the savepoint's directory, id, parallelism, the savepoint's max parallelism. */
        SAVEPOINT_PARALLELISM_ABOVE_MAX,
        /**
         * Restoring: the checkpoint's directory, id, saved parallelism, parallelism now; in-flight data of an
         * unaligned checkpoint cannot be rescaled.
         */
        SAVEPOINT_IN_FLIGHT_RESCALE
    }

    public ValidationProblem {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static ValidationProblem of(Kind kind, Object... args) {
        return new ValidationProblem(kind, FactArguments.strings(args));
    }

    /** A {@link Kind#CHECKPOINTING} problem: options of the section that do not go together. */
    public static ValidationProblem checkpointing(org.checkpointlab.model.checkpoint.OptionProblem problem) {
        List<String> args = new java.util.ArrayList<>();
        args.add(problem.english());
        args.add(problem.kind().name());
        args.addAll(problem.args());
        return new ValidationProblem(Kind.CHECKPOINTING, args);
    }

    /** For a {@link Kind#CHECKPOINTING} problem of options that do not go together, that problem as facts. */
    public java.util.Optional<org.checkpointlab.model.checkpoint.OptionProblem> optionProblem() {
        if (kind != Kind.CHECKPOINTING || args.size() < 2 || java.util.Arrays.stream(
                org.checkpointlab.model.checkpoint.OptionProblem.Kind.values()).noneMatch(k -> k.name().equals(arg(1)))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new org.checkpointlab.model.checkpoint.OptionProblem(
                org.checkpointlab.model.checkpoint.OptionProblem.Kind.valueOf(args.get(1)),
                args.subList(2, args.size())));
    }

    /** The operator the problem is about (its first argument), for the problems that name one. */
    public java.util.Optional<String> operatorId() {
        return switch (kind) {
            case DUPLICATE_ID, PARALLELISM_TOO_LOW, MAX_PARALLELISM_OUT_OF_RANGE, PARALLELISM_ABOVE_MAX,
                    PARALLELISM_TOO_HIGH, UNKNOWN_KIND, UNKNOWN_PARAM, UNKNOWN_PARAM_NONE, BAD_PARAM, MISSING_PARAM,
                    SOURCE_HAS_INPUTS, NO_INPUT, INPUTS_AT_LEAST, INPUTS_EXACTLY, INPUTS_BETWEEN, SINK_HAS_OUTPUTS,
                    UNREACHABLE -> java.util.Optional.of(arg(0));
            default -> java.util.Optional.empty();
        };
    }

    /** Whether the problem is about the edge {@code from -> to} (its first two arguments name it). */
    public boolean aboutEdge(String from, String to) {
        return switch (kind) {
            case NO_SUCH_OPERATOR, SELF_INPUT, DUPLICATE_EDGE, FORWARD_PARALLELISM, KEYED_NEEDS_HASH ->
                    arg(0).equals(from) && arg(1).equals(to);
            default -> false;
        };
    }

    /** The problem as the command line says it, naming where it is first. */
    public String english() {
        String operator = "operator '" + arg(0) + "': ";
        String edge = "edge " + arg(0) + " -> " + arg(1) + ": ";
        String savepoint = "savepoint " + arg(0) + ": ";
        return switch (kind) {
            case NO_OPERATORS -> "the pipeline has no operators; it needs at least a source and a sink";
            case BLANK_ID -> "operator #" + arg(0) + " (" + arg(1) + "): id must not be blank";
            case DUPLICATE_ID -> operator + "id is used by " + arg(1) + " operators; ids must be unique";
            case PARALLELISM_TOO_LOW -> operator + "parallelism must be at least 1, was " + arg(1);
            case MAX_PARALLELISM_OUT_OF_RANGE -> operator + "max parallelism must be between 1 and " + arg(1)
                    + ", was " + arg(2);
            case PARALLELISM_ABOVE_MAX -> operator + "parallelism " + arg(1) + " is larger than max parallelism "
                    + arg(2);
            case PARALLELISM_TOO_HIGH -> operator + "parallelism must be at most " + arg(1) + ", was " + arg(2);
            case UNKNOWN_KIND -> operator + "unknown kind '" + arg(1) + "' (known kinds: " + arg(2) + ")";
            case UNKNOWN_PARAM -> operator + "unknown parameter '" + arg(1) + "' for " + arg(2) + " (parameters: "
                    + arg(3) + ")";
            case UNKNOWN_PARAM_NONE -> operator + "unknown parameter '" + arg(1) + "' for " + arg(2)
                    + " (it takes no parameters)";
            case BAD_PARAM -> operator + "parameter '" + arg(1) + "' " + arg(2);
            case MISSING_PARAM -> operator + "missing required parameter '" + arg(1) + "' (" + arg(2) + ")";
            case NO_SUCH_OPERATOR -> edge + "there is no operator '" + arg(2) + "'";
            case SELF_INPUT -> edge + "an operator cannot be its own input";
            case DUPLICATE_EDGE -> edge + "duplicate edge; connect two operators at most once";
            case FORWARD_PARALLELISM -> edge + "a forward edge needs equal parallelism on both sides, but '" + arg(0)
                    + "' has " + arg(2) + " and '" + arg(1) + "' has " + arg(3) + " (use rebalance or hash)";
            case KEYED_NEEDS_HASH -> edge + "'" + arg(1) + "' (" + arg(2) + ") is keyed, so its input must be "
                    + "hash-partitioned, not " + arg(3);
            case SOURCE_HAS_INPUTS -> operator + "a source cannot have inputs, but has " + arg(1) + " (from "
                    + arg(2) + ")";
            case NO_INPUT -> operator + "has no input; every operator but a source needs one";
            case INPUTS_AT_LEAST -> operator + arg(1) + " takes at least " + arg(2) + " inputs, has " + arg(3);
            case INPUTS_EXACTLY -> operator + arg(1) + " takes exactly " + arg(2)
                    + ("1".equals(arg(2)) ? " input" : " inputs") + ", has " + arg(3);
            case INPUTS_BETWEEN -> operator + arg(1) + " takes " + arg(2) + " to " + arg(3) + " inputs, has "
                    + arg(4);
            case SINK_HAS_OUTPUTS -> operator + "a sink cannot have outputs, but has " + arg(1) + " (to " + arg(2)
                    + ")";
            case NO_SOURCE -> "the pipeline has no source; it needs at least one";
            case NO_SINK -> "the pipeline has no sink; it needs at least one";
            case CYCLE -> "cycle " + arg(0) + ": a pipeline must not loop back on itself";
            case UNREACHABLE -> operator + "not reachable from any source";
            case CHECKPOINTING -> "checkpointing: " + arg(0);
            case CHECKPOINTING_UNKNOWN_KEY, CHECKPOINTING_VALUE -> "checkpointing: " + CheckpointOptionsJson.detail(this);
            case SAVEPOINT_STATE_NOT_IN_PIPELINE -> savepoint + "it has state for operator '" + arg(1) + "' ("
                    + arg(2) + "), which is not in the pipeline; allow non-restored state to skip it";
            case SAVEPOINT_KIND_CHANGED -> savepoint + "operator '" + arg(1) + "' was a " + arg(2) + " and is a "
                    + arg(3) + " now: its state type no longer matches";
            case SAVEPOINT_MAX_PARALLELISM_CHANGED -> savepoint + "operator '" + arg(1) + "' has max parallelism "
                    + arg(2) + " but its keyed state was written with " + arg(3) + "; max parallelism cannot change";
            case SAVEPOINT_PARALLELISM_ABOVE_MAX -> savepoint + "operator '" + arg(1) + "': parallelism " + arg(2)
                    + " is above the savepoint's max parallelism " + arg(3);
            case SAVEPOINT_IN_FLIGHT_RESCALE -> savepoint + "it holds in-flight data of an unaligned checkpoint, "
                    + "which cannot be restored with another parallelism (operator '" + arg(1) + "': " + arg(2)
                    + " -> " + arg(3) + "); take a savepoint instead";
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
