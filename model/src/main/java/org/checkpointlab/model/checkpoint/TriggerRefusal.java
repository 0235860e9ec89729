package org.checkpointlab.model.checkpoint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.checkpointlab.model.util.FactArguments;

/**
 * Why a checkpoint or savepoint asked for could not start, as facts a front end words in its own language; the
 * future of the request fails with a {@link Refused} carrying it. {@link #english()} is the command line's wording.
 *
 * @param reason why not now
 * @param args   its arguments, as each reason documents
 */
public record TriggerRefusal(Reason reason, List<String> args) implements FactArguments {

    /** Why a trigger is refused; each constant lists its arguments. */
    public enum Reason {
        /** No arguments: the job ended, or is ending. */
        CHECKPOINTING_STOPPED,
        /** No arguments. */
        STOP_IN_PROGRESS,
        /** The job's status. */
        JOB_NOT_RUNNING,
        /** The task's name, its subtask, its status. */
        TASK_NOT_RUNNING
    }

    /** The exception a refused trigger fails with. */
    public static final class Refused extends IllegalStateException {
        private final transient TriggerRefusal refusal;

        public Refused(TriggerRefusal refusal) {
            super(refusal.english());
            this.refusal = refusal;
        }

        public TriggerRefusal refusal() {
            return refusal;
        }
    }

    public TriggerRefusal {
        Objects.requireNonNull(reason, "reason");
        args = List.copyOf(args);
    }

    public static TriggerRefusal of(Reason reason, Object... args) {
        return new TriggerRefusal(reason, FactArguments.strings(args));
    }

    /** The refusal that {@code error} (or what it wraps) carries, if it is a refused trigger. */
    public static Optional<TriggerRefusal> in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                return Optional.of(r.refusal());
            }
        }
        return Optional.empty();
    }

    /** The exception to fail a request with. */
    public Refused exception() {
        return new Refused(this);
    }

    /** e.g. {@code cannot trigger a checkpoint: the job is RESTARTING}. */
    public String english() {
        return switch (reason) {
            case CHECKPOINTING_STOPPED -> "checkpointing is stopped";
            case STOP_IN_PROGRESS -> "a stop-with-savepoint is in progress";
            case JOB_NOT_RUNNING -> "cannot trigger a checkpoint: the job is " + arg(0);
            case TASK_NOT_RUNNING -> "cannot trigger a checkpoint: not every task is running (" + arg(0) + " #"
                    + arg(1) + " is " + arg(2) + ")";
        };
    }
}
