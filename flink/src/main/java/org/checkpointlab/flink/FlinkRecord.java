package org.checkpointlab.flink;

import java.util.Objects;

/**
 * A record of a translated pipeline on Flink: the engine's {@code StreamRecord} as a Flink POJO. The key is a
 * {@link Long} or a {@link String} ({@code null} before a keyBy), the value a {@link Long} or a {@link String}; both
 * are serialized by {@code types.FlinkRecordSerializer}. {@code seq} is the sequence number of the source record it derives
 * from.
 */
public final class FlinkRecord {
    public Object key;
    public Object value;
    public long seq;

    /** For Flink's POJO serializer. */
    public FlinkRecord() {
    }

    public FlinkRecord(Object key, Object value, long seq) {
        this.key = key;
        this.value = value;
        this.seq = seq;
    }

    /** The text the engine's sinks and digests use: {@code key,value}. */
    public String text() {
        return key + "," + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlinkRecord r && seq == r.seq && Objects.equals(key, r.key)
                && Objects.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, seq);
    }

    @Override
    public String toString() {
        return "(" + text() + " #" + seq + ")";
    }
}
