package org.checkpointlab.views.session;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** The running job the rescale tests plan against. */
public final class RescalePipelines {
    private RescalePipelines() {
    }

    /** numbers(2) -hash-> count(2, max {@code countMaxParallelism}) -forward-> slow(2) -rebalance-> sink(1). */
    public static PipelineSpec running(int countMaxParallelism) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "rescale me",
                List.of(new OperatorSpec("numbers", null, "sequence-source", 2, null, Map.of()),
                        new OperatorSpec("count", null, "keyed-count", 2, countMaxParallelism, Map.of()),
                        new OperatorSpec("slow", null, "slow", 2, null, Map.of()),
                        new OperatorSpec("sink", null, "discard-sink", 1, null, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "slow", Partitioning.FORWARD),
                        new EdgeSpec("slow", "sink", Partitioning.REBALANCE)),
                Map.of(), true);
    }
}
