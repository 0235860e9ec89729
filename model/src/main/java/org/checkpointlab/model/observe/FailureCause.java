package org.checkpointlab.model.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.checkpointlab.model.checkpoint.CheckpointFailure;
import org.checkpointlab.model.util.FactArguments;

/**
 * What made a subtask or the job fail, as facts a front end words in its own language, for the failures the lab
 * causes itself (failure injection, too many failed checkpoints, a failed snapshot); a failure an operator threw is
 * known only by its exception's message, which stays as it is (data, as in Flink's UI). {@link #english()} is the
 * command line's wording.
 *
 * @param kind what caused it
 * @param args its arguments, as each kind documents
 */
public record FailureCause(Kind kind, List<String> args) implements FactArguments {

    /** What caused a failure; each constant lists its arguments. */
    public enum Kind {
        /** Operator, subtask: the user made it fail (the window's Fail, {@code --fail OP:N@TIME}, chaos). */
        INJECTED,
        /** Operator, subtask, record count, attempt (0: the first): {@code --fail OP:N@#RECORDS}. */
        INJECTED_AT_RECORD,
        /**
         * The tolerable failed checkpoints, then the {@link #checkpointFailure() checkpoint failure} that exceeded
         * them (its reason's name and its arguments): the job fails over.
         */
        CHECKPOINT_FAILURES_EXCEEDED,
        /** The task ({@code name (n/p)}), the checkpoint, the exception's own message: its sync phase failed. */
        SNAPSHOT_FAILED
    }

    public FailureCause {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static FailureCause of(Kind kind, Object... args) {
        return new FailureCause(kind, FactArguments.strings(args));
    }

    /** More than {@code tolerable} consecutive checkpoints failed, the last for {@code last}. */
    public static FailureCause checkpointFailuresExceeded(int tolerable, CheckpointFailure last) {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(tolerable));
        args.add(last.reason().name());
        args.addAll(last.args());
        return new FailureCause(Kind.CHECKPOINT_FAILURES_EXCEEDED, args);
    }

    /** For {@link Kind#CHECKPOINT_FAILURES_EXCEEDED}: the checkpoint failure that exceeded the threshold; else null. */
    public CheckpointFailure checkpointFailure() {
        if (kind != Kind.CHECKPOINT_FAILURES_EXCEEDED || args.size() < 2) {
            return null;
        }
        return new CheckpointFailure(CheckpointFailure.Reason.valueOf(args.get(1)), args.subList(2, args.size()));
    }

    /**
     * A task failed ({@code where}: {@code name #subtask}, or {@code job}), failing the pending checkpoints: the
     * {@link CheckpointFailure.Reason#TASK_FAILED} failure, with this cause's facts after its two arguments (see
     * {@link #ofTaskFailure}); {@code fact} null when the cause is an operator's own exception.
     */
    public static CheckpointFailure taskFailed(String where, Throwable cause, FailureCause fact) {
        List<String> args = new ArrayList<>(List.of(where, String.valueOf(cause)));
        if (fact != null) {
            args.add(fact.kind().name());
            args.addAll(fact.args());
        }
        return new CheckpointFailure(CheckpointFailure.Reason.TASK_FAILED, args);
    }

    /** What made the task of a {@link CheckpointFailure.Reason#TASK_FAILED} failure fail, when the lab caused it. */
    public static Optional<FailureCause> ofTaskFailure(CheckpointFailure failure) {
        if (failure == null || failure.reason() != CheckpointFailure.Reason.TASK_FAILED || failure.args().size() < 3) {
            return Optional.empty();
        }
        List<String> args = failure.args();
        return Optional.of(new FailureCause(Kind.valueOf(args.get(2)), args.subList(3, args.size())));
    }

    /** e.g. {@code failure injected into count #1 at record 50000}. */
    public String english() {
        return switch (kind) {
            case INJECTED -> "failure injected into " + arg(0) + " #" + arg(1);
            case INJECTED_AT_RECORD -> "failure injected into " + arg(0) + " #" + arg(1) + " at record " + arg(2)
                    + ("0".equals(arg(3)) ? "" : " of attempt " + arg(3));
            case CHECKPOINT_FAILURES_EXCEEDED -> "Exceeded checkpoint tolerable failure threshold (" + arg(0) + "): "
                    + checkpointFailure().english();
            case SNAPSHOT_FAILED -> arg(0) + " snapshot of checkpoint " + arg(1) + ": " + arg(2);
        };
    }
}
