package org.checkpointlab.model.observe;

/**
 * One entry of the job's exception history: a subtask failed (or the job failed over for another reason).
 *
 * @param timestamp    when it happened (epoch ms)
 * @param operatorId   the failed subtask's chain head, or null for job-level failures
 * @param subtaskIndex the failed subtask, or -1
 * @param message      what happened
 */
public record FailureEvent(long timestamp, String operatorId, int subtaskIndex, String message) {
}
