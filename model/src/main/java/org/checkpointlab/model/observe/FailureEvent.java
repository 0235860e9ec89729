package org.checkpointlab.model.observe;

/**
 * One entry of the job's exception history: a subtask failed (or the job failed over for another reason).
 *
 * @param timestamp    when it happened (epoch ms)
 * @param operatorId   the failed subtask's chain head, or null for job-level failures
 * @param subtaskIndex the failed subtask, or -1
 * @param message      what happened, in English
 * @param cause        what happened as facts, for the failures the lab causes (injection); {@code null} for others,
 *                     which {@code message} alone describes (an operator's exception)
 */
public record FailureEvent(long timestamp, String operatorId, int subtaskIndex, String message, FailureCause cause) {
    /** A failure known only by its message. */
    public FailureEvent(long timestamp, String operatorId, int subtaskIndex, String message) {
        this(timestamp, operatorId, subtaskIndex, message, null);
    }
}
