package org.checkpointlab.views.editor.model;

import java.util.List;
import java.util.Map;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** Small editable pipelines for the edit-model tests, built in code. */
final class EditorFixtures {
    private EditorFixtures() {
    }

    static OperatorSpec op(String id, String kind, int parallelism) {
        return new OperatorSpec(id, null, kind, parallelism, null, Map.of());
    }

    static EdgeSpec edge(String from, String to, Partitioning partitioning) {
        return new EdgeSpec(from, to, partitioning);
    }

    /**
     * A valid pipeline: sentences(2) -forward-> split(2) -hash-> count(2) -rebalance-> out(1), plus an
     * unconnected numbers(3) source and a slow(3) operator, with positions for all of them.
     */
    static EditablePipeline wordCountWithSpares() {
        PipelineSpec spec = new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "Test",
                List.of(op("sentences", "sentence-source", 2), op("split", "flat-map-words", 2),
                        op("count", "keyed-count", 2), op("out", "collect-sink", 1),
                        op("numbers", "sequence-source", 3), op("slow", "slow", 3)),
                List.of(edge("sentences", "split", Partitioning.FORWARD),
                        edge("split", "count", Partitioning.HASH),
                        edge("count", "out", Partitioning.REBALANCE)),
                Map.of(), true);
        return EditablePipeline.of(spec, Map.of(
                "sentences", new Position(0, 0), "split", new Position(200, 0), "count", new Position(400, 0),
                "out", new Position(600, 0), "numbers", new Position(0, 200), "slow", new Position(200, 200)));
    }
}
