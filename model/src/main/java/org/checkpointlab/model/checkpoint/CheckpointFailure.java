package org.checkpointlab.model.checkpoint;

import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.util.FactArguments;

/**
 * Why a checkpoint or savepoint failed (Flink's {@code CheckpointFailureReason}), as facts a front end words in its
 * own language: a {@link Reason} and its arguments. {@link #english()} is the command line's wording.
 *
 * @param reason what ended the checkpoint
 * @param args   its arguments, as each reason documents
 */
public record CheckpointFailure(Reason reason, List<String> args) implements FactArguments {

    /** What ended a checkpoint; each constant lists its arguments. */
    public enum Reason {
        /** The task that declined ({@code operator#subtask}), why (the task's own words, English). */
        DECLINED,
        /** The checkpoint timeout in ms. */
        EXPIRED,
        /** The savepoint's id, what went wrong writing it (English). */
        SAVEPOINT_NOT_WRITTEN,
        /** The task that declined, the newer checkpoint's id, this one's: a newer barrier came before alignment. */
        DECLINED_NEWER_BARRIER,
        /** The task that declined, where its async phase failed, the exception's own message. */
        DECLINED_ASYNC_FAILED,
        /** The id of the newer checkpoint that subsumed it. */
        SUBSUMED,
        /**
         * The failed task ({@code name #subtask}, or {@link #THE_JOB}), its failure (English); for a failure the lab
         * caused, that cause's facts follow (see {@code FailureCause.ofTaskFailure}).
         */
        TASK_FAILED,
        /** No arguments. */
        JOB_CANCELED,
        /** No arguments. */
        JOB_FAILED,
        /** No arguments. */
        JOB_FINISHED,
        /** No arguments. */
        JOB_STOPPED_WITH_SAVEPOINT,
        /** A reason another engine gave, in English. */
        OTHER
    }

    /** Where a {@link Reason#TASK_FAILED} failure happened when the job as a whole failed, not one task. */
    public static final String THE_JOB = "job";

    public CheckpointFailure {
        Objects.requireNonNull(reason, "reason");
        args = List.copyOf(args);
    }

    public static CheckpointFailure of(Reason reason, Object... args) {
        return new CheckpointFailure(reason, FactArguments.strings(args));
    }

    /** Task {@code taskKey} ({@code operator#subtask}) declined the checkpoint for {@code why}. */
    public static CheckpointFailure declined(String taskKey, DeclineReason why) {
        return switch (why.kind()) {
            case NEWER_BARRIER -> of(Reason.DECLINED_NEWER_BARRIER, taskKey, why.arg(0), why.arg(1));
            case ASYNC_PHASE_FAILED -> of(Reason.DECLINED_ASYNC_FAILED, taskKey, why.arg(0), why.arg(1));
            case OTHER -> of(Reason.DECLINED, taskKey, why.english());
        };
    }

    /** A reason worded by another engine (e.g. Flink's REST API), or {@code null} for none. */
    public static CheckpointFailure other(String english) {
        return english == null ? null : of(Reason.OTHER, english);
    }

    /** The reason as the command line says it, e.g. {@code checkpoint expired before completing (timeout 600000 ms)}. */
    public String english() {
        return switch (reason) {
            case DECLINED -> "declined by " + arg(0) + ": " + arg(1);
            case DECLINED_NEWER_BARRIER -> "declined by " + arg(0) + ": "
                    + DeclineReason.of(DeclineReason.Kind.NEWER_BARRIER, arg(1), arg(2)).english();
            case DECLINED_ASYNC_FAILED -> "declined by " + arg(0) + ": " + arg(1) + ": " + arg(2);
            case EXPIRED -> "checkpoint expired before completing (timeout " + arg(0) + " ms)";
            case SAVEPOINT_NOT_WRITTEN -> "savepoint " + arg(0) + " could not be written: " + arg(1);
            case SUBSUMED -> "subsumed by checkpoint " + arg(0);
            case TASK_FAILED -> arg(0) + " failed: " + arg(1);
            case JOB_CANCELED -> "job cancelled";
            case JOB_FAILED -> "job failed";
            case JOB_FINISHED -> "job finished";
            case JOB_STOPPED_WITH_SAVEPOINT -> "job stopped with savepoint";
            case OTHER -> arg(0);
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
