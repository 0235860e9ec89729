package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code map}: numeric values become {@code v * multiply + add}; other values pass unchanged. */
final class MapOperator implements StreamOperator {
    private Output out;
    private long multiply;
    private long add;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        multiply = Params.getLong(context.params(), "multiply", 1);
        add = Params.getLong(context.params(), "add", 0);
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        if (record.value() instanceof Long v) {
            out.collect(new StreamRecord(record.key(), v * multiply + add, record.seq()));
        } else {
            out.collect(record);
        }
    }
}
