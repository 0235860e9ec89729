package org.checkpointlab.model.operators;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.streamrecord.StreamRecord;

/** {@code flat-map-words}: splits a sentence into one {@code (word, 1)} record per word. */
final class FlatMapWords implements StreamOperator {
    private static final Long ONE = 1L;
    private Output out;
    private boolean lowercase;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        lowercase = Params.getBoolean(context.params(), "lowercase", true);
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        Words.split(record.value(), lowercase, word -> out.collect(new StreamRecord(word, ONE, record.seq())));
    }
}
