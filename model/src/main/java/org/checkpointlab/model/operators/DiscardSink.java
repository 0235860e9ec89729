package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code discard-sink}: drops every record (its input count is still measured). */
final class DiscardSink implements StreamOperator {
    @Override
    public void open(OperatorContext context) {
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
    }
}
