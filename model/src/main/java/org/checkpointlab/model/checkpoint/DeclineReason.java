package org.checkpointlab.model.checkpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why a task declined a checkpoint, as facts (Flink's decline carries a {@code CheckpointFailureReason} such as
 * {@code CHECKPOINT_DECLINED_SUBSUMED} or {@code CHECKPOINT_ASYNC_EXCEPTION}): the coordinator turns it into the
 * checkpoint's {@link CheckpointFailure} naming the task. {@link #english()} is the command line's wording.
 *
 * @param kind why the task declined
 * @param args its arguments, as each kind documents
 */
public record DeclineReason(Kind kind, List<String> args) {

    /** Why a task declined; each constant lists its arguments. */
    public enum Kind {
        /** The newer checkpoint's id, the older one's: a newer barrier arrived before the older one was aligned. */
        NEWER_BARRIER,
        /** Where it failed (the task), what failed (the exception's own message): the async phase failed. */
        ASYNC_PHASE_FAILED,
        /** The reason in English (tests, other callers). */
        OTHER
    }

    public DeclineReason {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static DeclineReason of(Kind kind, Object... args) {
        return new DeclineReason(kind, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Checkpoint {@code newer}'s barrier arrived before checkpoint {@code older} was aligned. */
    public static DeclineReason newerBarrier(long newer, long older) {
        return of(Kind.NEWER_BARRIER, newer, older);
    }

    /** The async phase of the task {@code where} failed with {@code message}. */
    public static DeclineReason asyncPhaseFailed(String where, String message) {
        return of(Kind.ASYNC_PHASE_FAILED, where, message);
    }

    /** A reason only known in English. */
    public static DeclineReason other(String english) {
        return of(Kind.OTHER, english);
    }

    /** Argument {@code i}, or "" when missing. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** e.g. {@code checkpoint 5 arrived before checkpoint 4 was aligned}. */
    public String english() {
        return switch (kind) {
            case NEWER_BARRIER -> "checkpoint " + arg(0) + " arrived before checkpoint " + arg(1) + " was aligned";
            case ASYNC_PHASE_FAILED -> arg(0) + ": " + arg(1);
            case OTHER -> arg(0);
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
