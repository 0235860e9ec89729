package org.checkpointlab.model.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.observe.SinkOutputSnapshot;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.SinkOutput;

/** What {@link JobClient#sinkOutputs} returns, made the same way by every engine that collects {@link SinkOutput}s. */
public final class SinkOutputSnapshots {
    private SinkOutputSnapshots() {
    }

    /** A snapshot of each sink's output, in the pipeline's operator order, with its last {@code recentRecords}. */
    public static List<SinkOutputSnapshot> inPipelineOrder(PipelineSpec pipeline, Map<String, SinkOutput> outputs,
                                                           int recentRecords) {
        List<SinkOutputSnapshot> result = new ArrayList<>(outputs.size());
        for (OperatorSpec op : pipeline.operators()) {
            SinkOutput out = outputs.get(op.id());
            if (out != null) {
                result.add(out.snapshot(op.kind(), recentRecords));
            }
        }
        return result;
    }
}
