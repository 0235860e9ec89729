package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.BroadcastPartitioner;
import org.apache.flink.streaming.runtime.partitioner.ForwardPartitioner;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.apache.flink.streaming.runtime.partitioner.RebalancePartitioner;
import org.apache.flink.streaming.runtime.partitioner.StreamPartitioner;
import org.checkpointlab.flink.operators.FailurePlan;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every spec operator becomes one Flink operator whose uid is its id, with its parallelism and max parallelism, and
 * every edge the partitioner of its kind.
 */
class PipelineTranslatorTest {

    @Test
    void theSampleOperatorsKeepTheirIdsParallelismAndPartitioning() throws Exception {
        assertTranslated(PipelineJson.read(Path.of("..", "samples", "twenty-operators.json")));
    }

    @Test
    void aBroadcastEdgeBroadcastsAndAMaxParallelismIsKept() throws Exception {
        assertTranslated(new PipelineSpec(1, "broadcast", List.of(
                new OperatorSpec("numbers", null, "sequence-source", 2, 200, Map.of()),
                new OperatorSpec("twice", null, "map", 3, null, Map.of("multiply", 2)),
                new OperatorSpec("out", null, "collect-sink", 3, null, Map.of())),
                List.of(new EdgeSpec("numbers", "twice", Partitioning.BROADCAST),
                        new EdgeSpec("twice", "out", Partitioning.FORWARD)), Map.of(), true));
    }

    @ParameterizedTest
    @EnumSource(OperatorKind.class)
    void everyOperatorKindOfTheRegistry_isTranslated(OperatorKind kind) throws Exception {
        String id = kind.jsonName();
        List<OperatorSpec> ops = new ArrayList<>(List.of(new OperatorSpec(id, null, id, 1, null, Map.of())));
        List<EdgeSpec> edges = new ArrayList<>();
        int inputs = kind.role() == OperatorKind.Role.SOURCE ? 0 : Math.max(1, kind.minInputs());
        for (int i = 0; i < inputs; i++) {
            ops.add(new OperatorSpec("source" + i, null, "sequence-source", 1, null, Map.of()));
            edges.add(new EdgeSpec("source" + i, id, kind.keyed() ? Partitioning.HASH : Partitioning.FORWARD));
        }
        if (kind.role() != OperatorKind.Role.SINK) {
            ops.add(new OperatorSpec("sink", null, "discard-sink", 1, null, Map.of()));
            edges.add(new EdgeSpec(id, "sink", Partitioning.FORWARD));
        }

        assertTranslated(new PipelineSpec(1, id, ops, edges, Map.of(), true));
    }

    private static void assertTranslated(PipelineSpec pipeline) throws Exception {
        StreamGraph graph = new PipelineTranslator(JobConfig.of(pipeline), "translate-only", FailurePlan.none())
                .translate(new Configuration());

        Map<String, StreamNode> byUid = new HashMap<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                byUid.put(node.getTransformationUID(), node);
            }
        }
        for (OperatorSpec op : pipeline.operators()) {
            StreamNode node = byUid.get(op.id());
            assertThat(node).as("a Flink operator with uid '%s'", op.id()).isNotNull();
            assertThat(node.getParallelism()).as(op.id()).isEqualTo(op.parallelism());
            assertThat(node.getMaxParallelism()).as(op.id())
                    .isEqualTo(PipelineValidator.effectiveMaxParallelism(op));
        }
        for (EdgeSpec e : pipeline.edges()) {
            StreamNode to = byUid.get(e.to());
            StreamNode from = byUid.get(e.from());
            assertThat(to.getInEdges()).as(e.toString())
                    .filteredOn(edge -> edge.getSourceId() == from.getId())
                    .singleElement()
                    .extracting(StreamEdge::getPartitioner)
                    .isInstanceOf(partitionerOf(e.partitioning()));
        }
    }

    private static Class<? extends StreamPartitioner> partitionerOf(Partitioning p) {
        return switch (p) {
            case FORWARD -> ForwardPartitioner.class;
            case HASH -> KeyGroupStreamPartitioner.class;
            case REBALANCE -> RebalancePartitioner.class;
            case BROADCAST -> BroadcastPartitioner.class;
        };
    }
}
