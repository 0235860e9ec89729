package org.checkpointlab.model.runtime;

/**
 * An operator threw a checked exception, or a subtask's snapshot failed; carries which subtask (and which
 * checkpoint's snapshot) it happened in, so the failure can be told as facts: the cause's own message is the data.
 */
public final class OperatorException extends RuntimeException {
    private final String task;
    private final long checkpointId;

    public OperatorException(String task, Throwable cause) {
        super(task + ": " + cause.getMessage(), cause);
        this.task = task;
        this.checkpointId = -1;
    }

    /** The snapshot of {@code checkpointId} failed in {@code task}. */
    public OperatorException(String task, long checkpointId, Throwable cause) {
        super(task + " snapshot of checkpoint " + checkpointId + ": " + cause.getMessage(), cause);
        this.task = task;
        this.checkpointId = checkpointId;
    }

    /** The subtask it happened in, as its thread is named: {@code name (n/p)}. */
    public String task() {
        return task;
    }

    /** The checkpoint whose snapshot failed, or -1 when an operator threw while processing. */
    public long checkpointId() {
        return checkpointId;
    }
}
