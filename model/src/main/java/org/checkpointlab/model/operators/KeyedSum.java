package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.runtime.StreamRecord;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.ValueState;

/** {@code keyed-sum}: a ValueState sum per key of numeric values; emits {@code (key, running sum)}. */
final class KeyedSum implements StreamOperator {
    private Output out;
    private KeyedStateBackend keyed;
    private ValueState<Long> sum;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        keyed = context.keyedState();
        sum = keyed.valueState("sum");
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        keyed.setCurrentKey(record.key());
        long v = record.value() instanceof Number n ? n.longValue() : 0;
        Long s = sum.value();
        Long next = s == null ? v : s + v;
        sum.update(next);
        out.collect(new StreamRecord(record.key(), next, record.seq()));
    }
}
