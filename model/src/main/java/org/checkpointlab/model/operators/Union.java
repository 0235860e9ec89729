package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code union}: forwards the records of all its inputs. */
final class Union implements StreamOperator {
    private Output out;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        out.collect(record);
    }
}
