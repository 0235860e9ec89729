package org.checkpointlab.flink.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.checkpointlab.flink.FlinkRecord;
import org.checkpointlab.flink.RunRegistry;
import org.checkpointlab.flink.operators.OperatorProbe;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.streamrecord.StreamRecord;

/**
 * {@code collect-sink}: every record becomes visible in the run's sink output at once, without transactions, so
 * records replayed after a failure show up twice, as on the local engine.
 */
public final class CollectSink implements Sink<FlinkRecord> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String sinkId;
    private final OperatorProbe probe;

    public CollectSink(String runId, String sinkId, OperatorProbe probe) {
        this.runId = runId;
        this.sinkId = sinkId;
        this.probe = probe;
    }

    @Override
    public SinkWriter<FlinkRecord> createWriter(WriterInitContext context) {
        probe.open(context.getTaskInfo());
        SinkOutput output = RunRegistry.of(runId).sinks().output(sinkId, null);
        return new SinkWriter<>() {
            @Override
            public void write(FlinkRecord r, Context ctx) {
                probe.recordIn();
                output.append(new StreamRecord(r.key, r.value, r.seq));
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
