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

    /**
     * Whether the job is stepping: resumed from a pause until the next barrier event, when tasks call
     * {@link #barrierEvent}. Tasks check it before describing an event, so that running normally costs nothing.
     */
    default boolean stepping() {
        return false;
    }

    /**
     * A barrier event happened: a source sent a barrier, or a barrier reached a subtask's input. While
     * {@linkplain #stepping() stepping}, the first one pauses the job again.
     *
     * @param what the event in words, e.g. "barrier 7 reached count #1 from split #0"
     */
    default void barrierEvent(String what) {
    }

    /** Whether subtask threads run at the lowest OS priority ({@link SubtaskThreadPriority}). */
    default boolean lowPrioritySubtasks() {
        return false;
    }
}
