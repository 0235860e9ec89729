package org.checkpointlab.model.runtime;

/** Job-wide settings every task reads. Implementations are thread-safe; values may change while the job runs. */
public interface RuntimeContext {

    OperatorFactory operatorFactory();

    /** Partly filled output buffers are flushed after this long. */
    long bufferTimeoutNanos();

    boolean checkpointingEnabled();

    /** Pause, slow motion and single step, shared by every task of the job. */
    ExecutionThrottle throttle();

    /** Whether subtask threads run at the lowest OS priority ({@link SubtaskThreadPriority}). */
    default boolean lowPrioritySubtasks() {
        return false;
    }
}
