package org.checkpointlab.flink.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.flink.operators.OperatorProbe;

/** {@code discard-sink}: counts and drops every record. */
public final class DiscardSink implements Sink<FlinkRecord> {
    private static final long serialVersionUID = 1L;
    private final OperatorProbe probe;

    public DiscardSink(OperatorProbe probe) {
        this.probe = probe;
    }

    @Override
    public SinkWriter<FlinkRecord> createWriter(WriterInitContext context) {
        probe.open(context.getTaskInfo());
        return new SinkWriter<>() {
            @Override
            public void write(FlinkRecord r, Context ctx) {
                probe.recordIn();
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
