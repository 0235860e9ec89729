package org.checkpointlab.flink.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Serializes a record's key or value ({@code null}, {@code Long} or {@code String}): keyed state keys, seen values. */
public final class RecordFieldSerializer extends TypeSerializerSingleton<Object> {
    private static final long serialVersionUID = 1L;
    public static final RecordFieldSerializer INSTANCE = new RecordFieldSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Object createInstance() {
        return null;
    }

    @Override
    public Object copy(Object from) {
        return from;
    }

    @Override
    public Object copy(Object from, Object reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Object field, DataOutputView out) throws IOException {
        RecordFields.write(field, out);
    }

    @Override
    public Object deserialize(DataInputView in) throws IOException {
        return RecordFields.read(in);
    }

    @Override
    public Object deserialize(Object reuse, DataInputView in) throws IOException {
        return RecordFields.read(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        RecordFields.copy(in, out);
    }

    @Override
    public TypeSerializerSnapshot<Object> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from checkpoints and savepoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Object> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
