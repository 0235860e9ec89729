package org.checkpointlab.model.runtime;

import org.checkpointlab.model.streamrecord.StreamRecord;

/** The output of a chain's last operator when it has several output edges: every record goes to each. */
final class FanOutOutput implements Output {
    private final Output[] outputs;
    private final OperatorCounters counters;

    FanOutOutput(Output[] outputs, OperatorCounters counters) {
        this.outputs = outputs;
        this.counters = counters;
    }

    @Override
    public void collect(StreamRecord record) {
        counters.recordsOut++;
        for (Output o : outputs) {
            o.collect(record);
        }
    }
}
