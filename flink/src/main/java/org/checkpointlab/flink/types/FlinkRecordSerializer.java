package org.checkpointlab.flink.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.checkpointlab.flink.FlinkRecord;

/** Serializes a {@link FlinkRecord} as key, value ({@link RecordFields}) and sequence number, without Kryo. */
public final class FlinkRecordSerializer extends TypeSerializerSingleton<FlinkRecord> {
    private static final long serialVersionUID = 1L;
    public static final FlinkRecordSerializer INSTANCE = new FlinkRecordSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public FlinkRecord createInstance() {
        return new FlinkRecord();
    }

    @Override
    public FlinkRecord copy(FlinkRecord from) {
        // Keys and values are immutable (Long, String): a shallow copy is a deep one.
        return new FlinkRecord(from.key, from.value, from.seq);
    }

    @Override
    public FlinkRecord copy(FlinkRecord from, FlinkRecord reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(FlinkRecord record, DataOutputView out) throws IOException {
        RecordFields.write(record.key, out);
        RecordFields.write(record.value, out);
        out.writeLong(record.seq);
    }

    @Override
    public FlinkRecord deserialize(DataInputView in) throws IOException {
        Object key = RecordFields.read(in);
        Object value = RecordFields.read(in);
        return new FlinkRecord(key, value, in.readLong());
    }

    @Override
    public FlinkRecord deserialize(FlinkRecord reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        RecordFields.copy(in, out);
        RecordFields.copy(in, out);
        out.writeLong(in.readLong());
    }

    @Override
    public TypeSerializerSnapshot<FlinkRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from checkpoints and savepoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FlinkRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
