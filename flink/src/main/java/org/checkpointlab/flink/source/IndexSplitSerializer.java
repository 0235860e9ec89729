package org.checkpointlab.flink.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Serializes one {@link IndexSplit} (reader state) or a list of them (enumerator state): version 1, big-endian. */
final class IndexSplitSerializer {
    private static final int VERSION = 1;

    private IndexSplitSerializer() {
    }

    static final class Single implements SimpleVersionedSerializer<IndexSplit> {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(IndexSplit split) throws IOException {
            return IndexSplitSerializer.serialize(List.of(split));
        }

        @Override
        public IndexSplit deserialize(int version, byte[] bytes) throws IOException {
            List<IndexSplit> splits = IndexSplitSerializer.deserialize(version, bytes);
            if (splits.size() != 1) {
                throw new IOException("expected one split, found " + splits.size());
            }
            return splits.get(0);
        }
    }

    static final class Many implements SimpleVersionedSerializer<List<IndexSplit>> {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(List<IndexSplit> splits) throws IOException {
            return IndexSplitSerializer.serialize(splits);
        }

        @Override
        public List<IndexSplit> deserialize(int version, byte[] bytes) throws IOException {
            return IndexSplitSerializer.deserialize(version, bytes);
        }
    }

    private static byte[] serialize(List<IndexSplit> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + splits.size() * 12);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(splits.size());
            for (IndexSplit s : splits) {
                out.writeInt(s.split());
                out.writeLong(s.offset());
            }
        }
        return bytes.toByteArray();
    }

    private static List<IndexSplit> deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown split state version " + version + " (this build reads " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<IndexSplit> splits = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                splits.add(new IndexSplit(in.readInt(), in.readLong()));
            }
            return splits;
        }
    }
}
