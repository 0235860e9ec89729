package org.checkpointlab.model.job;

import java.time.Duration;

/**
 * Network settings of the local runtime.
 *
 * @param bufferSize        records per network buffer
 * @param buffersPerChannel buffers a channel holds before its sender is backpressured (the receiver's credits)
 * @param bufferTimeout     a partly filled output buffer is flushed after this long ({@code execution.buffer-timeout})
 * @param lowPrioritySubtasks whether subtask threads run at the lowest OS priority
 *                          ({@link org.checkpointlab.model.runtime.SubtaskThreadPriority}), so that a UI watching
 *                          the job gets a core whenever it needs one; the subtasks share the rest as before
 */
public record RuntimeOptions(int bufferSize, int buffersPerChannel, Duration bufferTimeout,
                             boolean lowPrioritySubtasks) {

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(1024, 4, Duration.ofMillis(100));
    }

    /** Network settings; subtask threads at normal priority. */
    public RuntimeOptions(int bufferSize, int buffersPerChannel, Duration bufferTimeout) {
        this(bufferSize, buffersPerChannel, bufferTimeout, false);
    }

    public RuntimeOptions {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("buffer size must be at least 1 record, was " + bufferSize);
        }
        if (buffersPerChannel < 1) {
            throw new IllegalArgumentException("buffers per channel must be at least 1, was " + buffersPerChannel);
        }
        if (bufferTimeout == null || bufferTimeout.isNegative()) {
            throw new IllegalArgumentException("buffer timeout must not be negative");
        }
    }

    /** These settings with subtask threads at the lowest priority (or not). */
    public RuntimeOptions withLowPrioritySubtasks(boolean low) {
        return new RuntimeOptions(bufferSize, buffersPerChannel, bufferTimeout, low);
    }
}
