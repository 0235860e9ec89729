package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.state.KeyedStateBackend;
import org.checkpointlab.model.state.MapState;
import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code dedup}: keyed set state of values seen; forwards a record only the first time its value appears. */
final class Dedup implements StreamOperator {
    private Output out;
    private KeyedStateBackend keyed;
    private MapState<Object, Boolean> seen;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        keyed = context.keyedState();
        seen = keyed.mapState("seen");
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        keyed.setCurrentKey(record.key());
        if (!seen.contains(record.value())) {
            seen.put(record.value(), Boolean.TRUE);
            out.collect(record);
        }
    }
}
