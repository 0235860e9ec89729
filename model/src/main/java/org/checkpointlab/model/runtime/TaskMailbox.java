package org.checkpointlab.model.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The mail of one subtask (Flink's {@code TaskMailbox}): actions other threads hand to the task thread, run between
 * records in the order they were put.
 *
 * <p><b>Threading model.</b> Any thread may {@link #put} mail; only the task thread takes and runs it. The task's
 * own attention flag (set after each put) tells its loop to look here.
 *
 * <p><b>Life cycle.</b> Open for the task's whole life; mail put after the task ended is never run (callers that
 * wait for mail, such as {@link Task#drainMailbox()}, check the task's status).
 */
final class TaskMailbox {

    /** An action run on the task thread between records; may throw (the task then fails). */
    @FunctionalInterface
    interface Mail {
        void run() throws Exception;
    }

    private final ConcurrentLinkedQueue<Mail> queue = new ConcurrentLinkedQueue<>();

    /** Any thread: queues {@code mail} for the task thread. */
    void put(Mail mail) {
        queue.add(mail);
    }

    /** Task thread: the oldest mail, or null when there is none. */
    Mail tryTake() {
        return queue.poll();
    }
}
