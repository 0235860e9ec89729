package org.checkpointlab.model.operators;

import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code keyed-sum}: a ValueState sum per key of numeric values; emits {@code (key, running sum)}. */
final class KeyedSum extends KeyedRunningTotal {

    KeyedSum() {
        super("sum");
    }

    /** The record's numeric value; other values count as 0. */
    @Override
    long increment(StreamRecord record) {
        return record.value() instanceof Number n ? n.longValue() : 0;
    }
}
