package org.checkpointlab.model.runtime;

/** Job-wide settings every task reads. Implementations are thread-safe; values may change while the job runs. */
public interface RuntimeContext {

    OperatorFactory operatorFactory();

    /** Partly filled output buffers are flushed after this long. */
    long bufferTimeoutNanos();

    boolean checkpointingEnabled();

    /** 1.0 at full speed; lower values slow sources and per-record work down consistently. */
    double speed();

    /** While true, tasks process no records (they still answer mail: checkpoints, failures, cancellation). */
    boolean paused();

    /** Whether subtask threads run at the lowest OS priority ({@link SubtaskThreadPriority}). */
    default boolean lowPrioritySubtasks() {
        return false;
    }
}
