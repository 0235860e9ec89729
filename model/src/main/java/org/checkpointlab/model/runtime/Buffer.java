package org.checkpointlab.model.runtime;

import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * A network buffer: a batch of records handed from a sender subtask to a receiver subtask at once. Filled by the
 * sender's thread only; immutable after it is handed to a channel.
 */
public final class Buffer implements ChannelElement {
    private final StreamRecord[] records;
    private final int size;
    /** Set when an unaligned checkpoint captured this buffer as in-flight data; read by observers. */
    private volatile boolean persisted;

    Buffer(StreamRecord[] records, int size) {
        this.records = records;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public StreamRecord get(int i) {
        return records[i];
    }

    void markPersisted() {
        persisted = true;
    }

    public boolean isPersisted() {
        return persisted;
    }

    StreamRecord[] array() {
        return records;
    }

    /** Rough serialized size in bytes, as a network buffer of these records would have. */
    public long estimatedBytes() {
        return RecordSizes.estimate(records, 0, size);
    }

    @Override
    public String toString() {
        return "Buffer[" + size + "]";
    }
}
