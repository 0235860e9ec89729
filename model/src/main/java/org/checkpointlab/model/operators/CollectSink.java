package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * {@code collect-sink}: makes every record visible at once, without transactions. After a failure the replayed
 * records show up again: duplicates, as with any non-transactional sink.
 */
final class CollectSink implements StreamOperator {
    private SinkOutput output;

    @Override
    public void open(OperatorContext context) {
        output = context.sinkStore().output(context.operatorId(), null);
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        output.append(record);
    }
}
