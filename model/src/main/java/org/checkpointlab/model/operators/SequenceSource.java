package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code sequence-source}: record i has key {@code i % keys} and value {@code i}. */
final class SequenceSource extends SplitSource {
    private static final int KEY_CACHE_LIMIT = 1 << 20;
    private long keys;
    private Long[] keyCache;

    @Override
    protected void configure(OperatorContext context) {
        keys = Math.max(1, Params.getLong(context.params(), "keys", 100));
        if (keys <= KEY_CACHE_LIMIT) {
            keyCache = new Long[(int) keys];
            for (int k = 0; k < keys; k++) {
                keyCache[k] = (long) k;
            }
        }
    }

    @Override
    protected StreamRecord record(long i) {
        long k = SourceRecords.sequenceKey(i, keys);
        Object key = keyCache != null ? keyCache[(int) k] : Long.valueOf(k);
        return new StreamRecord(key, i, i);
    }
}
