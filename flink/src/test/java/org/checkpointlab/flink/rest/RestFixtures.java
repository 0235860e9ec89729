package org.checkpointlab.flink.rest;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** Pipelines the REST tests run on the embedded Flink. */
final class RestFixtures {
    private RestFixtures() {
    }

    /** An unbounded source (rate per subtask) at parallelism 2, keyed count at 3, a sink at 1: three vertices. */
    static PipelineSpec keyedCount(long ratePerSecond) {
        return new PipelineSpec(1, "watched", List.of(
                new OperatorSpec("numbers", "Numbers", "sequence-source", 2, 128,
                        Map.of("count", 0, "keys", 50, "ratePerSecond", ratePerSecond)),
                new OperatorSpec("count", "Count per key", "keyed-count", 3, 128, Map.of()),
                new OperatorSpec("output", "Output", "discard-sink", 1, 128, Map.of())),
                List.of(new EdgeSpec("numbers", "count", Partitioning.HASH),
                        new EdgeSpec("count", "output", Partitioning.REBALANCE)),
                Map.of(), true);
    }
}
