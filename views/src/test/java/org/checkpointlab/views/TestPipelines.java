package org.checkpointlab.views;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** Small pipelines for view tests, built in code so the tests do not depend on sample files. */
public final class TestPipelines {
    private TestPipelines() {
    }

    public static OperatorSpec operator(String id, String kind, int parallelism) {
        return new OperatorSpec(id, null, kind, parallelism, null, Map.of());
    }

    public static EdgeSpec edge(String from, String to, Partitioning partitioning) {
        return new EdgeSpec(from, to, partitioning);
    }

    /** sentences(2) -forward-> split(2) -hash-> count(4) -rebalance-> sink(1). */
    public static PipelineSpec wordCount() {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "Word count",
                List.of(operator("sentences", "sentence-source", 2),
                        operator("split", "flat-map-words", 2),
                        operator("count", "keyed-count", 4),
                        operator("sink", "collect-sink", 1)),
                List.of(edge("sentences", "split", Partitioning.FORWARD),
                        edge("split", "count", Partitioning.HASH),
                        edge("count", "sink", Partitioning.REBALANCE)),
                Map.of(), true);
    }

    /**
     * {@code source} -hash-> {@code count} -{@code toSink}-> {@code sink}: the keyed count that the rescale, restore
     * and output tests run, with each test's own operators.
     */
    public static PipelineSpec keyedCount(String name, OperatorSpec source, OperatorSpec count, Partitioning toSink,
                                          OperatorSpec sink) {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, name, List.of(source, count, sink),
                List.of(edge(source.id(), count.id(), Partitioning.HASH), edge(count.id(), sink.id(), toSink)),
                Map.of(), true);
    }

    /** numbers(3) -broadcast-> sink(2). */
    public static PipelineSpec broadcast() {
        return new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "Broadcast",
                List.of(operator("numbers", "sequence-source", 3), operator("out", "discard-sink", 2)),
                List.of(edge("numbers", "out", Partitioning.BROADCAST)),
                Map.of(), true);
    }
}
