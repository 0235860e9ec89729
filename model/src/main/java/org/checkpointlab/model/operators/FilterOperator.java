package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * {@code filter}: keeps records whose numeric value v has {@code v % modulo == remainder}; for text values the
 * length is used.
 */
final class FilterOperator implements StreamOperator {
    private Output out;
    private long modulo;
    private long remainder;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        modulo = Math.max(1, Params.getLong(context.params(), "modulo", 2));
        remainder = Params.getLong(context.params(), "remainder", 0);
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        long v = record.value() instanceof Number n ? n.longValue()
                : record.value() == null ? 0 : record.value().toString().length();
        if (Math.floorMod(v, modulo) == remainder) {
            out.collect(record);
        }
    }
}
