package org.checkpointlab.model.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder of pipelines for tests: operators and edges in the order they are added. */
final class TestPipelines {
    private final List<OperatorSpec> operators = new ArrayList<>();
    private final List<EdgeSpec> edges = new ArrayList<>();
    private final Map<String, Object> checkpointing = new LinkedHashMap<>();
    private boolean chaining = true;

    static TestPipelines pipeline() {
        return new TestPipelines();
    }

    /** source (sequence-source) -hash-> count (keyed-count) -forward-> sink (discard-sink), all parallelism 2. */
    static TestPipelines valid() {
        return pipeline()
                .op("source", "sequence-source", 2)
                .op("count", "keyed-count", 2)
                .op("sink", "discard-sink", 2)
                .edge("source", "count", Partitioning.HASH)
                .edge("count", "sink", Partitioning.FORWARD);
    }

    TestPipelines op(String id, String kind, int parallelism) {
        return op(new OperatorSpec(id, null, kind, parallelism, null, Map.of()));
    }

    TestPipelines op(String id, String kind, int parallelism, Map<String, Object> params) {
        return op(new OperatorSpec(id, null, kind, parallelism, null, params));
    }

    TestPipelines op(OperatorSpec spec) {
        operators.add(spec);
        return this;
    }

    TestPipelines edge(String from, String to, Partitioning partitioning) {
        edges.add(new EdgeSpec(from, to, partitioning));
        return this;
    }

    TestPipelines checkpointing(String key, Object value) {
        checkpointing.put(key, value);
        return this;
    }

    TestPipelines chaining(boolean value) {
        chaining = value;
        return this;
    }

    PipelineSpec build() {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "test", operators, edges, checkpointing, chaining);
    }
}
