package org.checkpointlab.model.runtime;

import org.checkpointlab.model.streamrecord.StreamRecord;

/** Estimates serialized record sizes for statistics (in-flight data), without serializing. */
final class RecordSizes {
    private RecordSizes() {
    }

    static long estimate(StreamRecord[] records, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            StreamRecord r = records[i];
            bytes += 8 + sizeOf(r.key()) + sizeOf(r.value());
        }
        return bytes;
    }

    static long sizeOf(Object o) {
        if (o == null) {
            return 1;
        }
        if (o instanceof String s) {
            return 4 + s.length();
        }
        return 9;
    }
}
