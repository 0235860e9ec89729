package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.ValueState;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * A running total per key in one {@code ValueState<Long>}: every record adds {@link #increment} to its key's total
 * and emits {@code (key, total)}. {@link KeyedCount} and {@link KeyedSum} differ only in the increment and the name of
 * the state (which savepoints and Flink's operators use).
 */
abstract class KeyedRunningTotal implements StreamOperator {
    private final String stateName;
    private Output out;
    private KeyedStateBackend keyed;
    private ValueState<Long> total;

    KeyedRunningTotal(String stateName) {
        this.stateName = stateName;
    }

    /** What {@code record} adds to its key's total. */
    abstract long increment(StreamRecord record);

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        keyed = context.keyedState();
        total = keyed.valueState(stateName);
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        keyed.setCurrentKey(record.key());
        Long t = total.value();
        Long next = (t == null ? 0 : t) + increment(record);
        total.update(next);
        out.collect(new StreamRecord(record.key(), next, record.seq()));
    }
}
