package org.checkpointlab.model.job;

import java.time.Duration;

/**
 * Network settings of the local runtime.
 *
 * @param bufferSize        records per network buffer
 * @param buffersPerChannel buffers a channel holds before its sender is backpressured (the receiver's credits)
 * @param bufferTimeout     a partly filled output buffer is flushed after this long ({@code execution.buffer-timeout})
 */
public record RuntimeOptions(int bufferSize, int buffersPerChannel, Duration bufferTimeout) {

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(1024, 4, Duration.ofMillis(100));
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
}
