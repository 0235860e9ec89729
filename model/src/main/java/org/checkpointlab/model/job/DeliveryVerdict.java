package org.checkpointlab.model.job;

import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.util.FactArguments;

/**
 * The verdict of a {@link DeliveryCheck} on one sink, as facts a front end words in its own language; {@link #english()}
 * is the command line's wording.
 *
 * @param outcome    what the comparison with the failure-free run found
 * @param duplicates records committed more often than in the reference (at least so many when {@code countsOnly})
 * @param missing    records of the reference committed fewer times (at least so many when {@code countsOnly})
 * @param countsOnly compared by count and digest only: too many records to keep in memory
 * @param why        why there is no comparison, for {@link Outcome#NOT_COMPUTABLE}; else {@code null}
 */
public record DeliveryVerdict(Outcome outcome, long duplicates, long missing, boolean countsOnly, NotComputable why) {

    /** What a comparison found. */
    public enum Outcome {
        /** The committed output equals the reference's. */
        EXACTLY_ONCE,
        /** Duplicates, nothing lost. */
        DUPLICATES,
        /** Records lost (and maybe duplicates too). */
        LOST,
        /** The same count, another digest (compared by count and digest only). */
        DIFFERENT_DIGEST,
        /** No reference to compare with: {@link #why()} says why. */
        NOT_COMPUTABLE
    }

    /** Why a sink's delivery cannot be checked. */
    public enum Reason {
        /** {@code args}: the savepoint's path. */
        RESTORED_FROM_SAVEPOINT,
        /** {@code args}: operator id, kind. */
        UNKNOWN_KIND,
        /** {@code args}: source id. */
        UNBOUNDED_SOURCE,
        /** {@code args}: operator id. */
        PROCESSING_TIME_WINDOWS,
        /** {@code args}: operator id. */
        KEYED_SUM_ORDER,
        /** {@code args}: minutes. */
        REFERENCE_TIMEOUT,
        /** {@code args}: the reference's end status, its failure cause. */
        REFERENCE_ENDED,
        /** {@code args}: the problems, joined with "; ". */
        REFERENCE_NOT_STARTED,
        /** No {@code args}. */
        NO_REFERENCE_OUTPUT,
        /** {@code args}: the job's status. */
        NOT_ENDED,
        /** {@code args}: the job's end status. */
        ENDED_EARLY,
        /** No {@code args}. */
        STOPPED_WITH_SAVEPOINT,
        /** {@code args}: seconds. */
        STOP_NOT_SETTLED,
        /** {@code args}: how many deployments. */
        CANNOT_COMBINE_DEPLOYMENTS,
        /** {@code args}: the earlier deployment. */
        EARLIER_ON_ANOTHER_ENGINE,
        /** {@code args}: its status. */
        EARLIER_NOT_ENDED,
        /** {@code args}: the reason, in English (an engine's own). */
        OTHER
    }

    /**
     * Why there is no verdict: a {@link Reason} and its arguments (ids, statuses, numbers: never sentences, but for
     * {@link Reason#OTHER} and the reference's failure cause).
     */
    public record NotComputable(Reason reason, List<String> args) implements FactArguments {
        public NotComputable {
            Objects.requireNonNull(reason, "reason");
            args = List.copyOf(args);
        }

        public static NotComputable of(Reason reason, Object... args) {
            return new NotComputable(reason, FactArguments.strings(args));
        }

        /** The reason as the command line says it, e.g. {@code source 'numbers' is unbounded}. */
        public String english() {
            return switch (reason) {
                case RESTORED_FROM_SAVEPOINT -> "the job started from savepoint " + arg(0)
                        + ", so an earlier run committed part of the output";
                case UNKNOWN_KIND -> "operator '" + arg(0) + "' is of unknown kind " + arg(1);
                case UNBOUNDED_SOURCE -> "source '" + arg(0) + "' is unbounded";
                case PROCESSING_TIME_WINDOWS -> "operator '" + arg(0) + "' uses processing-time windows, whose counts "
                        + "depend on timing";
                case KEYED_SUM_ORDER -> "operator '" + arg(0) + "' (keyed-sum) emits running sums that depend on the "
                        + "order in which records arrive from several input subtasks";
                case REFERENCE_TIMEOUT -> "the reference run did not finish within " + arg(0) + " minutes";
                case REFERENCE_ENDED -> "the reference run ended " + arg(0) + ": " + arg(1);
                case REFERENCE_NOT_STARTED -> "the reference run could not start: " + arg(0);
                case NO_REFERENCE_OUTPUT -> "the reference run has no output for this sink";
                case NOT_ENDED -> "the job has not ended (" + arg(0) + ")";
                case ENDED_EARLY -> "the job ended " + arg(0) + " before the end of its input";
                case STOPPED_WITH_SAVEPOINT -> "the job was stopped with a savepoint before the end of its input";
                case STOP_NOT_SETTLED -> "a stop-with-savepoint did not settle within " + arg(0) + " s";
                case CANNOT_COMBINE_DEPLOYMENTS -> "this engine cannot combine the outputs of " + arg(0)
                        + " deployments";
                case EARLIER_ON_ANOTHER_ENGINE -> "an earlier deployment ran on another engine (" + arg(0) + ")";
                case EARLIER_NOT_ENDED -> "an earlier deployment has not ended (" + arg(0) + ")";
                case OTHER -> arg(0);
            };
        }
    }

    public DeliveryVerdict {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.NOT_COMPUTABLE) != (why != null)) {
            throw new IllegalArgumentException("a reason goes with NOT_COMPUTABLE, and only with it");
        }
    }

    /** The verdict of a full comparison (record by record). */
    public static DeliveryVerdict compared(long duplicates, long missing) {
        return new DeliveryVerdict(missing > 0 ? Outcome.LOST : duplicates > 0 ? Outcome.DUPLICATES
                : Outcome.EXACTLY_ONCE, duplicates, missing, false, null);
    }

    /** The verdict of a comparison by count and digest: {@code diff} is actual minus expected count. */
    public static DeliveryVerdict countsOnly(long diff, boolean sameDigest) {
        if (diff == 0) {
            return new DeliveryVerdict(sameDigest ? Outcome.EXACTLY_ONCE : Outcome.DIFFERENT_DIGEST, 0, 0, true, null);
        }
        return new DeliveryVerdict(diff > 0 ? Outcome.DUPLICATES : Outcome.LOST, Math.max(0, diff),
                Math.max(0, -diff), true, null);
    }

    public static DeliveryVerdict notComputable(NotComputable why) {
        return new DeliveryVerdict(Outcome.NOT_COMPUTABLE, -1, -1, false, Objects.requireNonNull(why, "why"));
    }

    /**
     * The command line's wording: {@code exactly-once held}, {@code at-least-once: N duplicates, nothing lost},
     * {@code N records lost[, M duplicates]}, {@code not computable: <why>}; a comparison by count and digest says so.
     */
    public String english() {
        if (countsOnly) {
            String how = " (compared by count and digest: too many records to keep in memory)";
            return switch (outcome) {
                case EXACTLY_ONCE -> "exactly-once held" + how;
                case DUPLICATES -> "at least " + duplicates(duplicates) + how;
                case LOST -> "at least " + records(missing) + " lost" + how;
                case DIFFERENT_DIGEST -> "output differs from the reference: same count, different digest" + how;
                case NOT_COMPUTABLE -> "not computable: " + why.english();
            };
        }
        return switch (outcome) {
            case EXACTLY_ONCE -> "exactly-once held";
            case DUPLICATES -> "at-least-once: " + duplicates(duplicates) + ", nothing lost";
            case LOST -> records(missing) + " lost" + (duplicates > 0 ? ", " + duplicates(duplicates) : "");
            case DIFFERENT_DIGEST -> "output differs from the reference: same count, different digest";
            case NOT_COMPUTABLE -> "not computable: " + why.english();
        };
    }

    private static String records(long n) {
        return n == 1 ? "1 record" : n + " records";
    }

    private static String duplicates(long n) {
        return n == 1 ? "1 duplicate" : n + " duplicates";
    }
}
