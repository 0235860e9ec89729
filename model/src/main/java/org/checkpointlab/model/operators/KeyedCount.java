package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.runtime.StreamRecord;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.ValueState;

/** {@code keyed-count}: a ValueState count per key; emits {@code (key, running count)} for every record. */
final class KeyedCount implements StreamOperator {
    private Output out;
    private KeyedStateBackend keyed;
    private ValueState<Long> count;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        keyed = context.keyedState();
        count = keyed.valueState("count");
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        keyed.setCurrentKey(record.key());
        Long c = count.value();
        Long next = c == null ? 1L : c + 1;
        count.update(next);
        out.collect(new StreamRecord(record.key(), next, record.seq()));
    }
}
