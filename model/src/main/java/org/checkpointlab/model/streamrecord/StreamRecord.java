package org.checkpointlab.model.streamrecord;

/**
 * One record of a stream: a key (may be {@code null} before a keyBy), a value, and the sequence number of the
 * source record it derives from. Immutable; shared between threads once a buffer holding it is handed over.
 */
public record StreamRecord(Object key, Object value, long seq) {
}
