package org.checkpointlab.flink.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.checkpointlab.flink.FlinkRecord;

/**
 * Serializes a {@link Transaction} into checkpoints (version 1): subtask, checkpoint id, record count, then per
 * record the key and value, each as a tag (0 null, 1 long, 2 text) and its data, and the sequence number.
 */
public final class TransactionSerializer implements SimpleVersionedSerializer<Transaction> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(Transaction t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + t.records().size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(t.subtask());
            out.writeLong(t.checkpointId());
            out.writeInt(t.records().size());
            for (FlinkRecord r : t.records()) {
                writeField(out, r.key);
                writeField(out, r.value);
                out.writeLong(r.seq);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public Transaction deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown transaction version " + version + " (this build reads " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int subtask = in.readInt();
            long checkpointId = in.readLong();
            int n = in.readInt();
            List<FlinkRecord> records = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                Object key = readField(in);
                Object value = readField(in);
                records.add(new FlinkRecord(key, value, in.readLong()));
            }
            return new Transaction(subtask, checkpointId, records);
        }
    }

    private static void writeField(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof Long l) {
            out.writeByte(1);
            out.writeLong(l);
        } else {
            out.writeByte(2);
            out.writeUTF(v.toString());
        }
    }

    private static Object readField(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readLong();
            case 2 -> in.readUTF();
            default -> throw new IOException("unknown field tag " + tag + " in a transaction");
        };
    }
}
