package org.checkpointlab.model.job;

import java.util.List;
import java.util.Map;

import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** Pipelines the engine tests run. */
final class TestPipelines {
    private TestPipelines() {
    }

    static OperatorSpec op(String id, String kind, int parallelism, Map<String, Object> params) {
        return new OperatorSpec(id, id, kind, parallelism, null, params);
    }

    static EdgeSpec edge(String from, String to, Partitioning p) {
        return new EdgeSpec(from, to, p);
    }

    /** A {@code sequence-source} of {@code records} records (0: unbounded) over {@code keys} keys, at a rate per subtask. */
    static OperatorSpec source(String id, int parallelism, long records, long keys, long ratePerSecond) {
        return op(id, "sequence-source", parallelism,
                Map.of("count", records, "keys", keys, "ratePerSecond", ratePerSecond));
    }

    /** sequence-source → hash → keyed-count → forward → sink. */
    static PipelineSpec keyedCount(long records, long keys, int parallelism, String sinkKind, boolean chaining) {
        return new PipelineSpec(1, "keyed count", List.of(
                op("source", "sequence-source", parallelism, Map.of("count", records, "keys", keys)),
                op("count", "keyed-count", parallelism, Map.of()),
                op("sink", sinkKind, parallelism, Map.of())),
                List.of(edge("source", "count", Partitioning.HASH), edge("count", "sink", Partitioning.FORWARD)),
                Map.of(), chaining);
    }
}
