package org.checkpointlab.model.operators;

import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code keyed-count}: a ValueState count per key; emits {@code (key, running count)} for every record. */
final class KeyedCount extends KeyedRunningTotal {

    KeyedCount() {
        super("count");
    }

    @Override
    long increment(StreamRecord record) {
        return 1;
    }
}
