package org.checkpointlab.model.observe;

import java.util.Objects;

/**
 * The barrier event a single step stopped at, as facts a front end words in its own language (the window's "Stepped
 * to …"); {@link #english()} is the command line's wording, e.g. {@code barrier 7 reached count #1 from split #0}.
 *
 * @param kind         what happened
 * @param checkpointId the barrier's checkpoint
 * @param operatorId   the subtask's chain head: the source that sent the barrier, or the task it reached
 * @param subtask      that subtask's index
 * @param fromOperator for {@link Kind#BARRIER_REACHED}, the upstream task the barrier came from; else null
 * @param fromSubtask  for {@link Kind#BARRIER_REACHED}, that task's subtask index; else -1
 */
public record StepEvent(Kind kind, long checkpointId, String operatorId, int subtask, String fromOperator,
                        int fromSubtask) {

    /** What a step stops at. */
    public enum Kind {
        /** A source subtask sent a checkpoint's barrier. */
        BARRIER_SENT,
        /** A checkpoint's barrier reached a subtask's input from an upstream subtask. */
        BARRIER_REACHED
    }

    public StepEvent {
        Objects.requireNonNull(kind, "kind");
    }

    /** A source subtask sent the barrier of {@code checkpointId}. */
    public static StepEvent barrierSent(long checkpointId, String source, int subtask) {
        return new StepEvent(Kind.BARRIER_SENT, checkpointId, source, subtask, null, -1);
    }

    /** The barrier of {@code checkpointId} reached {@code operatorId #subtask} from {@code from #fromSubtask}. */
    public static StepEvent barrierReached(long checkpointId, String operatorId, int subtask, String from,
                                           int fromSubtask) {
        return new StepEvent(Kind.BARRIER_REACHED, checkpointId, operatorId, subtask, from, fromSubtask);
    }

    /** The event as the command line says it. */
    public String english() {
        return switch (kind) {
            case BARRIER_SENT -> "source " + operatorId + " #" + subtask + " sent barrier " + checkpointId;
            case BARRIER_REACHED -> "barrier " + checkpointId + " reached " + operatorId + " #" + subtask + " from "
                    + fromOperator + " #" + fromSubtask;
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
