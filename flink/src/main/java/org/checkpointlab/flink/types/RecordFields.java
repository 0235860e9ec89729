package org.checkpointlab.flink.types;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The binary form of a record's key or value, which the engine's operators make only as {@code null}, a
 * {@link Long} or a {@link String}: a tag byte (0 null, 1 long, 2 text), then the long or the text.
 */
final class RecordFields {
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte TEXT = 2;

    private RecordFields() {
    }

    static void write(Object field, DataOutputView out) throws IOException {
        if (field == null) {
            out.writeByte(NULL);
        } else if (field instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (field instanceof String s) {
            out.writeByte(TEXT);
            StringValue.writeString(s, out);
        } else {
            throw new IOException("a record field must be null, a Long or a String, was a "
                    + field.getClass().getName());
        }
    }

    static Object read(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case TEXT -> StringValue.readString(in);
            default -> throw new IOException("unknown record field tag " + tag);
        };
    }

    static void copy(DataInputView in, DataOutputView out) throws IOException {
        write(read(in), out);
    }
}
